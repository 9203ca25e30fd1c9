import { type Candidate, type Reading, readsAny } from './allow-filter.js'
import { splitByClause, takesDoneObject } from './clause-splits.js'
import { type ExpansionKind, readsAsWords, SOUND_KINDS } from './expand.js'
import { isWordAt, wordCount, wordTables } from './expansion-data.js'
import { asksClaim, countsValid, deniesClaim, namesInstitution, praisesRank, tellsShelfLife } from './form-claims.js'
import { definesLetters, namesCodeKind, namesColour, namesShape, readsAsCode } from './form-codes.js'
import {
  addsToPrice,
  movesPrice,
  offersPrice,
  readsAsPayment,
  receivesPay,
  sellsToSpeaker,
  sendsFiles,
} from './form-money.js'
import { namesBody } from './form-bodies.js'
import { namesBrand, namesFirm, namesShop } from './form-brands.js'
import { namesSupplier, namesTeacher } from './form-titled-names.js'
import { namesMarket } from './form-trades.js'
import { chainsCompound, countsGoods } from './form-compounds.js'
import {
  namesEnglishName,
  namesFirmDealtWith,
  namesGarmentLetter,
  namesPlaceUnit,
  pairsWithCode,
} from './form-latin.js'
import { namesEverydayMedium, namesEverydayThing } from './form-senses.js'
import {
  abbreviatesName,
  glossedAsName,
  namesMention,
  namesPerson,
  namesPersonBeforeWord,
  namesSubject,
} from './form-names.js'
import { countsCompanies, countsSwap, namesWaste, ratesSwap, takesComplement } from './form-waste-counts.js'
import { namesPetBeforeVerb, namesProduct, settlesInPlace, switchesPeriod } from './form-usages.js'
import { handedInside, invitesToOwnGroup, namesPremises, promotesOwn, requiresSafety } from './form-work.js'
import { isOrderTaken } from './initials-context.js'
import { namesWeChatFeature } from './measure-words.js'
import { namesByDoubledGivenName, namesByDoubledName } from './doubled-names.js'
import { nounSaidOf } from './said-nouns.js'
import { callsNames, pitchesAround, pitchesBeside } from './pitch-guard.js'
import { readsByPlace } from './place-readings.js'
import { namesStreet } from './form-street-names.js'
import { saysLowKey } from './form-low-key.js'
import { addsToGroup } from './form-group-adds.js'
import { countsLetterPair } from './form-letter-pairs.js'
import { namesBySurname } from './surname-names.js'
import { framedAsName } from './name-frames.js'
import { talkedAbout } from './talked-about.js'
import { turnsToOffer } from './talked-about-statements.js'
import type { MatchKind } from './types.js'
import { readsAcrossWords } from './word-across.js'
import { removesDeadMatter } from './form-removal.js'
import { namesLandmark } from './form-landmarks.js'
import { skipsOffice } from './form-commute.js'
import { forbidsHandover } from './talked-about-handover-bans.js'
import { disclaimsClaim } from './talked-about-disclaimers.js'
import { answersNotOurs } from './talked-about-denied-asks.js'
import { pointsQuotedPost } from './talked-about-pointed-quotes.js'
import { demandsProof } from './talked-about-proof-demands.js'
import { isSegmenterWord, type Segment, segmentsOf } from './word-segments.js'
import { namesPriceShop } from './form-price-shops.js'
import { namesSignal } from './form-signals.js'
import { namesBrandOwned } from './form-brand-owned.js'
import { warnsByExample } from './talked-about-examples.js'
import { namesTradeWaste } from './form-waste-trades.js'
import { restrictsToInside } from './talked-about-restricted.js'
import { forbidsPresentingAs } from './talked-about-presented-as.js'
import { toldAsLeak } from './talked-about-leak-events.js'
import { keptToRole } from './talked-about-access.js'
import { judgesOthersPost } from './talked-about-verdicts.js'
import { warnsOfKind } from './talked-about-warned-kinds.js'
import { affirmsClaim } from './report-endorsements.js'
import { scornsToInstitution } from './numeral-counts.js'

/**
 * Context rules that read the words around a hit (ICU's word segmenter, `Intl.Segmenter`). They run on
 * the candidates of a scan only, never on a message without hits, and segment a few characters around
 * the few hits whose edge makes a word with its neighbour (about 8 µs such a hit; bench/word-rules.ts).
 */

/** Kinds that write the term's characters (or swaps, or components of them): their hit may straddle words. */
const CUT_KINDS = new Set<MatchKind>(['exact', 'normalised', 'homophone', 'toneless', 'lookalike', 'split'])
/** Terms of up to this many characters turn up across a word boundary by chance; longer ones hardly. */
const SHORT_TERM = 3
/** Characters segmented on each side of a hit: enough for the words touching it. */
const WINDOW = 12

/**
 * Drops the candidates of categories that expand (`kinds`: each category's expansion kinds; a bulk list
 * with `expand: []` is matched as written) that read otherwise in their words, and the context words that
 * name no context:
 * - a short term cut by a word boundary whose word reaches outside the hit (see cutsWords);
 * - a term quoted by a warning against scams (see quotedByWarning);
 * - a form by sound that is an everyday word of the segmenter's (see soundsLikeWord);
 * - a swap form of a term used as a shop's, a firm's or a place's name, capitals as a brand or product line (see
 *   form-brands.ts), a firm's trade or a market after it (see form-trades.ts), a last character a compound or goods counted take (see
 *   form-compounds.ts), a sound-alike naming a body (see form-bodies.ts), a product named in quotation marks before its
 *   goods, 转 between two billing periods, a team sent to a place, a pet name before a verb (see form-usages.ts), Latin letters inside an English name, glossed by
 *   the English words they spell or paired with a sibling code, a pinyin
 *   place before its administrative unit or a letter shaping a garment (see form-latin.ts), a two-character term read
 *   across two words (see word-across.ts);
 * - a context word that is a numbered phase of what comes after it (see readsAsPhase);
 * - initials in a code or before a version, a swap form counted or taking a complement, a given name (after a
 *   surname, or a sound-alike starting a sentence before what a person does), a full name taking a term's start
 *   before a word of the sentence, a pet name doubling a term's last character before a title (see doubled-names.ts), an
 *   @-mention's name, a name's initials in brackets beside it, companies counted, a term naming waste used of waste, a Latin letter naming a shape, pinyin glossed as a
 *   name, a way round the company's premises, the company's pay received, the company's own gift or group, safety
 *   required of the work, initials where a verb of paying stands, a colour made, a sale to the speaker, a
 *   claim asked about or denied, a thing handed in to a role inside the company, a file sent, a price offered, changed or worked out by adding to it, letters
 *   defined or given as a label or said to be a code, a first place praised, an institution named, a document
 *   counted valid, a shelf life told, a sound-alike that is the everyday word the message is about, a medium in a lesson or a film made,
 *   a surname before a doubled given name, a rate per unit of time (see form-codes.ts, form-names.ts, form-money.ts,
 *   form-work.ts, form-claims.ts, form-waste-counts.ts, form-senses.ts, doubled-names.ts);
 * - a hit its place in the sentence reads otherwise: a name before a word of kin, a numeral starting a number, goods
 *   graded, a part code's classifier, a word of days, a filter's verdict, a modal's verb, a sign-up (see place-readings.ts);
 * - a hit that is part of a name its shape marks: a shop's kind after it, a namer before it (see name-frames.ts);
 * - a fuzzy hit inside a longer hit of another term that reads its letters otherwise (see readInLonger);
 * - a term talked about, not said (see talked-about.ts), or sent to review only when quoted in speech, and a
 *   shorter term of its category inside a longer one that reads otherwise or is talked about (see insideReadAway).
 */
export function dropByWords(
  text: string,
  candidates: Candidate[],
  kinds: ReadonlyMap<string, ReadonlySet<ExpansionKind>>,
  allowDomains: readonly string[] = [],
): Candidate[] {
  let kept: Candidate[] | undefined
  let readAway: Candidate[] | undefined
  const mayWarn = mayNameScam(text)
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]
    let keep = c.allowPhrase || (kinds.get(c.category)?.size ?? 0) === 0
    if (!keep && c.context) keep = !readsAsPhase(text, c) && !cutsWords(text, c)
    else if (!keep && !cutsWords(text, c) && !readInLonger(c, candidates)) {
      keep = !(
        isSaidOtherwise(text, c, mayWarn, allowDomains) ||
        framedAsName(text, c, candidates, allowDomains) ||
        talked(text, c, allowDomains) === 'drop'
      )
      if (!keep) (readAway ??= []).push(c)
    }
    if (!keep) kept ??= candidates.slice(0, i)
    else kept?.push(c)
  }
  if (readAway === undefined) return kept ?? candidates
  return (kept ?? candidates).filter(c => !insideReadAway(c, readAway))
}

/**
 * True for a hit inside a longer hit of its category that reads otherwise or is talked about, not said: the
 * longer term is how the words read (`不能说包治百病` talks about 包治百病, so its 治百病 is no hit either). A longer
 * hit cut by a word boundary, or read inside another, does not count (see cutsWords, readInLonger): its
 * words may still hold the shorter term.
 */
function insideReadAway(c: Candidate, readAway: readonly Candidate[]): boolean {
  return readAway.some(
    d => d.category === c.category && d.start <= c.start && d.end >= c.end && d.end - d.start > c.end - c.start,
  )
}

/**
 * True for a hit that reads as other words than the term (in a warning, a name, a code, a count...); `allowDomains`
 * tells the rules that ask pitch-guard.ts which links are the company's own.
 */
function isSaidOtherwise(text: string, c: Candidate, mayWarn: boolean, allowDomains: readonly string[]): boolean {
  return (
    (mayWarn && quotedByWarning(text, c.start, c.end)) ||
    soundsLikeWord(text, c) ||
    nounReadsAsWord(text, c) ||
    namesWeChatFeature(text, c.start, c.end) ||
    namesShop(text, c, allowDomains) ||
    namesFirm(text, c, allowDomains) ||
    namesMarket(text, c, allowDomains) ||
    chainsCompound(text, c, allowDomains) ||
    countsGoods(text, c, allowDomains) ||
    namesBody(text, c) ||
    namesEnglishName(text, c, allowDomains) ||
    pairsWithCode(text, c, allowDomains) ||
    namesPlaceUnit(text, c) ||
    namesFirmDealtWith(text, c, allowDomains) ||
    namesGarmentLetter(text, c) ||
    namesBrand(text, c, allowDomains) ||
    readsAsCode(text, c) ||
    countsSwap(text, c) ||
    takesComplement(text, c, allowDomains) ||
    namesProduct(text, c, allowDomains) ||
    switchesPeriod(text, c, allowDomains) ||
    settlesInPlace(text, c, allowDomains) ||
    namesPetBeforeVerb(text, c, allowDomains) ||
    namesPerson(text, c, allowDomains) ||
    namesPersonBeforeWord(text, c) ||
    namesSubject(text, c) ||
    namesMention(text, c) ||
    abbreviatesName(text, c, allowDomains) ||
    namesBySurname(text, c, allowDomains) ||
    namesByDoubledName(text, c) ||
    countsCompanies(text, c) ||
    namesWaste(text, c, allowDomains) ||
    namesShape(text, c) ||
    glossedAsName(text, c) ||
    namesPremises(text, c) ||
    promotesOwn(text, c) ||
    invitesToOwnGroup(text, c) ||
    requiresSafety(text, c) ||
    receivesPay(text, c) ||
    readsAsPayment(text, c) ||
    namesColour(text, c) ||
    sellsToSpeaker(text, c) ||
    asksClaim(text, c) ||
    deniesClaim(text, c) ||
    handedInside(text, c) ||
    sendsFiles(text, c) ||
    offersPrice(text, c, allowDomains) ||
    movesPrice(text, c) ||
    addsToPrice(text, c, allowDomains) ||
    definesLetters(text, c) ||
    namesCodeKind(text, c) ||
    countsValid(text, c) ||
    praisesRank(text, c) ||
    namesInstitution(text, c) ||
    tellsShelfLife(text, c) ||
    namesEverydayThing(text, c, allowDomains) ||
    namesEverydayMedium(text, c, allowDomains) ||
    readsByPlace(text, c, allowDomains) ||
    readsAcrossWords(text, c) ||
    splitByClause(text, c, allowDomains) ||
    takesDoneObject(text, c, allowDomains) ||
    saidOtherwiseMore(text, c, allowDomains)
  )
}

/**
 * More readings of a hit as other words (issue #22, f41): 去 removing dead matter (form-removal.ts), a building named
 * as a landmark (form-landmarks.ts), a way past the office (form-commute.ts), a ban on handing it over, a claim
 * disowned, a thing passed on and disowned, a quoted post pointed at and taken down (talked-about-handover-bans.ts,
 * talked-about-disclaimers.ts, talked-about-denied-asks.ts, talked-about-pointed-quotes.ts); a claim whose sayer is asked
 * for proof (talked-about-proof-demands.ts, f43); and (f44) a price term naming a shop, 信号 as a signal, capitals as a
 * carrier or a maker, a term given as an example of a warning (form-price-shops.ts, form-signals.ts,
 * form-brand-owned.ts, talked-about-examples.ts); waste a trade names and a secret given the only place inside the firm
 * it may go (form-waste-trades.ts, talked-about-restricted.ts, f47); a claim something may not be presented as, a
 * teacher's nickname and a supplier named by a swap form (talked-about-presented-as.ts, form-titled-names.ts, f48); a
 * leak told as an incident, a secret kept to a role, a verdict on someone else's post (talked-about-leak-events.ts,
 * talked-about-access.ts, talked-about-verdicts.ts, f45); a street named by a form by sound, 最低 in 最低调, a pet name
 * added to a group, two letters counting two things (form-street-names.ts, form-low-key.ts, form-group-adds.ts,
 * form-letter-pairs.ts, f46); a kind of firm warned against (talked-about-warned-kinds.ts, f5051).
 */
function saidOtherwiseMore(text: string, c: Candidate, allowDomains: readonly string[]): boolean {
  return readsAny(MORE_READINGS, text, c, allowDomains)
}

const MORE_READINGS: readonly Reading[] = [
  removesDeadMatter,
  namesLandmark,
  skipsOffice,
  forbidsHandover,
  disclaimsClaim,
  answersNotOurs,
  pointsQuotedPost,
  demandsProof,
  namesByDoubledGivenName,
  ratesSwap,
  namesPriceShop,
  namesSignal,
  namesBrandOwned,
  warnsByExample,
  namesTradeWaste,
  restrictsToInside,
  forbidsPresentingAs,
  namesTeacher,
  namesSupplier,
  toldAsLeak,
  keptToRole,
  judgesOthersPost,
  warnsOfKind,
  namesStreet,
  saysLowKey,
  addsToGroup,
  countsLetterPair,
]

/**
 * True for a swap form of a term saying what someone is whose noun reads as another word (老板是骗子 written
 * 老板是片子: 片子, a film; readsAsWords lets such a noun through, see there) with more of the sentence after it:
 * the word goes on being that word (`老板是片子里的反派`). Where the noun ends what is said (a punctuation mark,
 * a space, the text's end, a modal particle: `老板是片子，`, `老板就是个片子吧`) it is the name-calling.
 */
function nounReadsAsWord(text: string, c: Candidate): boolean {
  const noun = nounSaidOf(c.term)
  if (noun < 0 || c.form === undefined || !SWAP_KINDS.has(c.kind) || c.form.length !== c.term.length) return false
  const after = text[c.end] ?? ''
  if (!IDEOGRAPH.test(after) || MODAL_PARTICLES.has(after)) return false
  return readsAsWords(c.term.slice(noun), c.form.slice(noun))
}

/** Kinds that read letters or sounds as a term's characters: another term may read them otherwise. */
const READING_KINDS = new Set<MatchKind>(['pinyin', 'toneless', 'homophone'])

/**
 * True for a hit of a reading (pinyin, a homophone) inside a longer hit of another term that does not hold
 * its term: the longer term reads the shared letters as its own characters (`di价chu售` is 低价出售, so di价 is
 * no 底价). A longer term that holds the term (`jian职shua单` for 兼职刷单 and 刷单) leaves it a hit, and so do
 * longer initials, which a category's context words may yet drop.
 */
function readInLonger(c: Candidate, candidates: Candidate[]): boolean {
  if (!READING_KINDS.has(c.kind)) return false
  return candidates.some(
    d =>
      d !== c &&
      !d.context &&
      !d.allowPhrase &&
      d.kind !== 'initials' &&
      d.start <= c.start &&
      d.end >= c.end &&
      d.end - d.start > c.end - c.start &&
      !d.term.includes(c.term),
  )
}

/**
 * How the hit is talked about (see talkedAbout); a quotation in speech marks the candidate for review. An insult the
 * speaker calls someone is never dropped as talked about (see callsNames), nor a claim the speaker affirms after it
 * (see affirmsClaim: `有人说老板是骗子，已经上报了，确实是骗子`).
 */
function talked(text: string, c: Candidate, allowDomains: readonly string[]): 'drop' | 'review' | undefined {
  const how = talkedAbout(text, c.start, c.end, allowDomains, c.category)
  if (how === 'drop' && (callsNames(text, c) || affirmsClaim(text, c.start, c.end))) return undefined
  if (how === 'review') c.review = true
  return how
}

/** Numerals, as characters and digits. */
const NUMERALS = new Set('〇零一二三四五六七八九十两几百千万0123456789')

/**
 * True for a hit of a term of up to three characters that the word segmenter cuts: a word starts before
 * the hit and ends inside it, or starts inside it and ends after it, and that word is a real one: its two
 * characters on either side of the hit's edge make a word of CC-CEDICT, or it is a number that a homophone
 * swapped a numeral into. 下注 in 表格|下|注明, 援交 in 救援|交接, 去死 in 去|死角, 日赚 in 节日|赚, 老虎机 →
 * 老胡机 in 老|胡|机电, 去死 → 去四 in 去|四楼 are no hits; 下注 in 网上|下|注|平台, 去死 in 你|快|去死吧 and 约炮
 * in 约|炮|吧 are (no word reaches out of the hit); nor is an order term taken by the verb before it (走私单 in
 * 这单走私单, see isOrderTaken) or a numeral starting an institution in scorn (`你有病就去四院`, see scornsToInstitution),
 * nor one in a message that pitches in another clause or sentence (发网|赌 in
 * `有人发网赌链接，已经删了，正规的在我这，稳定出款`, see pitchesAround). The text is segmented only when an edge pair is
 * such a word, which few hits have.
 */
function cutsWords(text: string, c: Candidate): boolean {
  if (!CUT_KINDS.has(c.kind) || (c.term.length > SHORT_TERM && codePoints(c.term) > SHORT_TERM)) return false
  if (isOrderTaken(text, c) || (c.kind === 'homophone' && scornsToInstitution(text, c))) return false
  const { start, end } = c
  const startPair = isWordAt(text, start - 1)
  const endPair =
    end < text.length && (isWordAt(text, end - 1) || (c.kind === 'homophone' && swapsInNumeral(text, end - 1, c)))
  const startJoins = startPair || swapKeepsFirst(text, c)
  if ((!startJoins && !endPair) || pitchesAround(text, c.start, c.end) || pitchesBeside(text, c.start, c.end))
    return false
  const segments = segmentsOf(text, Math.max(0, start - WINDOW), Math.min(text.length, end + WINDOW))
  for (const s of segments) {
    if (!s.wordLike) continue
    const cutsStart = startJoins && s.start < start && s.end > start && s.end < end
    const cutsEnd = endPair && s.start > start && s.start < end && s.end > end
    if (!cutsStart && !cutsEnd) continue
    const rest = cutsStart ? text.slice(s.end, end) : text.slice(start, s.start)
    // A two-character word that takes the hit's first character reads it otherwise, whatever the rest (权威|信号).
    const takesFirst = cutsStart && s.end - s.start === 2
    const saysTerm =
      isWordAlone(rest.trim()) && ((cutsStart && !takesFirst) || LENGTHENED.has(text.slice(s.start, s.end)))
    if (!readsOtherwise(text, s, c, segments) && !saysTerm) return true
  }
  return pulledApart(text, segments, c, startPair, endPair)
}

/** An ideograph: what a word of the segmenter's dictionary is written in. */
const IDEOGRAPH = /^\p{Script=Han}$/u
/** Modal particles, which end a sentence: a hit before one ends what is said (`你快去四吧`). */
const MODAL_PARTICLES = new Set('吧啊吗呢呀啦哦嘛')

/**
 * True for a swap form (homophone, toneless, look-alike) that keeps the term's first character, between
 * ideographs: a word of the segmenter's dictionary, wider than CC-CEDICT, may hold that character and the one
 * before, cutting the hit (水色 in `翡翠水色清透`: 色情 → 色清 is no hit, nor another X色 before an adjective;
 * `发色清视频` stays a hit). A hit that ends the text or comes before a modal particle ends a sentence as the term
 * does (`你怎么还不去四`, `你快去四吧`: 不去, 快去 hold a verb the term starts with). Only cutsWords' own test
 * reads this edge: a lone character before it pulls nothing apart (see pulledApart).
 */
function swapKeepsFirst(text: string, c: Candidate): boolean {
  if (!SWAP_KINDS.has(c.kind) || c.start === 0 || c.form?.[0] !== c.term[0]) return false
  const after = text[c.end] ?? ''
  if (!IDEOGRAPH.test(text[c.start - 1]) || !IDEOGRAPH.test(after) || MODAL_PARTICLES.has(after)) return false
  return isSegmenterWord(text.charCodeAt(c.start - 1), text.charCodeAt(c.start))
}

/**
 * True for a two-character form by sound that swaps both of the term's characters and that the segmenter reads as
 * one word of its own where CC-CEDICT has none (下注 → 吓住 in `被电钻声吓住了`): an everyday word, as readsAsWords
 * keeps out the forms CC-CEDICT has and the term does not dwarf (赌场 → 独唱; 傻逼 → 煞笔 stays). A form that keeps a
 * character of the term (加薇 → 加维) stays a hit.
 */
function soundsLikeWord(text: string, c: Candidate): boolean {
  if (!SOUND_KINDS.has(c.kind) || c.end - c.start !== 2 || c.term.length !== 2) return false
  if (text[c.start] === c.term[0] || text[c.start + 1] === c.term[1]) return false
  if (wordCount(wordTables(), text[c.start], text[c.start + 1]) >= 0) return false
  return isSegmenterWord(text.charCodeAt(c.start), text.charCodeAt(c.start + 1))
}

/**
 * True when the segmenter leaves the word of an edge pair unread: the character outside stands alone and
 * takes no other neighbour (老虎机 → 老胡机 in 老|胡|机|房, 小电影 in 小电影|院; the rest, 老胡 or 小电, no word),
 * or a word too with the rest a word, unless that word is the last character LENGTHENED (六合彩 in 六合彩|虹|小区:
 * 六合 and 彩虹; 六合彩|票 stays a hit), or the segmenter joins the hit's other end to what lies beyond it (日赚 in 上周|日|赚了: 周日 and 赚了).
 * `网上|下|注|平台` stays a hit of 下注: 上 is in 网上 and 注 stands alone; so does `今天|下|注明|天` (also 下注|明天).
 */
function pulledApart(text: string, segments: Segment[], c: Candidate, startPair: boolean, endPair: boolean): boolean {
  const { start, end } = c
  // A swapped numeral (四楼) is no word of CC-CEDICT: here only the dictionary's words pull.
  endPair &&= isWordAt(text, end - 1)
  for (const s of segments) {
    if (!s.wordLike) continue
    const outward =
      (startPair && s.start > start && s.start < end && s.end > end) ||
      (endPair && s.start < start && s.end > start && s.end < end)
    if (outward && !readsOtherwise(text, s, c, segments)) return true
    if (endPair && s.start === end && s.end === end + 1 && !saysLengthened(text, start, end))
      return !isWordAt(text, end)
    if (startPair && s.start === start - 1 && s.end === start && !isWordAlone(text.slice(start + 1, end)))
      return !isWordAt(text, start - 2)
  }
  return false
}

/**
 * Two-character nouns that say what their first character alone says (价 and 价格, 号 and 号码, 彩 and 彩票): a
 * word cutting a term's end that is one of these still says the term's last character in its sense
 * (成本|价格表, 时时|彩票, vx|号码); any other word reads it otherwise (时时|彩排, 老虎|机器人, 百家|乐园, 威信|号召).
 */
const LENGTHENED = new Set(['价格', '价钱', '价位', '号码', '彩票'])

/**
 * True when the hit without its last character is a word and that character starts a LENGTHENED word with the
 * next: the text reads as two words that still say the term (成本|价格, 时时|彩票). Another word at the end
 * reads the term's end otherwise, whole rest or not (六合|彩虹, 小电|影院).
 */
function saysLengthened(text: string, start: number, end: number): boolean {
  return isWordAlone(text.slice(start, end - 1)) && LENGTHENED.has(text.slice(end - 1, end + 1))
}

/** Letters and digits, as a contact handle or abbreviation is written (vx in vx号码). */
const LATIN_WORD = /^[\p{Script=Latin}\d]+$/u

/**
 * True for the rest of a hit that a word takes a character from when that rest is a word itself (a
 * CC-CEDICT word of two characters, or letters): with a word at the end that is LENGTHENED, the text then
 * reads as two words that still say the term (成本价 in 成本|价格表, 时时彩 in 时时|彩票, vx号 in vx|号码).
 */
function isWordAlone(rest: string): boolean {
  return (rest.length === 2 && isWordAt(rest, 0)) || LATIN_WORD.test(rest)
}

/**
 * True when the one character the word takes from outside the hit makes a word with its other neighbour
 * too, so that the text also reads with the term whole: 下|注明|天 is also 下注|明天 (`下注明天的比赛`). An aspect
 * particle after the word is the word's (`最下注明了`: 注明了, not 明了), and so is a character the segmenter
 * puts in a word of its own with what follows (`签名下注明日期`: 注明|日期, no 明日). A 这 or 那 of place takes no
 * character from the hit either (`来我这下注`: 我这|下注, see isPlaceWord).
 */
function readsOtherwise(text: string, s: Segment, c: Candidate, segments: readonly Segment[]): boolean {
  if (s.start < c.start)
    return c.start - s.start === 1 && s.start > 0 && (isWordAt(text, s.start - 1) || isPlaceWord(text, s.start))
  return (
    s.end - c.end === 1 &&
    s.end < text.length &&
    !ASPECT_PARTICLES.has(text[s.end]) &&
    isWordAt(text, c.end) &&
    !startsLongerWord(segments, s.end)
  )
}

/** Who or where a 这 or 那 of place follows: `我这`, `你那`, `来这`, `去那`. */
const PLACE_OWNERS = new Set('我你您他她它咱们来去到在从')

/**
 * True if the 这 or 那 at `at` names a place, after who owns it or a verb of going: `来我这下注` reads 这|下注 (come and
 * bet at mine), not 这下 (this time), while `这下注意了` still reads 这下.
 */
function isPlaceWord(text: string, at: number): boolean {
  return (text[at] === '这' || text[at] === '那') && PLACE_OWNERS.has(text[at - 1])
}

/** True if a word of two characters or more of the segments starts at `at` (日期 after 注明 in 注明|日期). */
function startsLongerWord(segments: readonly Segment[], at: number): boolean {
  return segments.some(s => s.start === at && s.wordLike && s.end - s.start >= 2)
}

/** Aspect particles, which follow the verb before them: 了, 过, 着. */
const ASPECT_PARTICLES = new Set('了过着')

/** True if the hit's character at `at` is a numeral the homophone form put where the term has none (去死 → 去四). */
function swapsInNumeral(text: string, at: number, c: Candidate): boolean {
  const char = text[at]
  return NUMERALS.has(char) && !c.term.includes(char) && (c.form ?? '').includes(char)
}

/** What ends a sentence: a warning's cue and the scam word must be in the hit's sentence. */
const SENTENCE_END = new Set('。.！!？?\n')
/** Words that warn against what follows them. */
const WARNING_CUES = [
  '警惕',
  '谨防',
  '提防',
  '防范',
  '严防',
  '当心',
  '小心',
  '反诈',
  '所谓',
  '不要相信',
  '不要轻信',
  '别信',
  '切勿',
  '勿信',
  '远离',
  '识破',
  '防骗',
  '举报',
  '培训',
  '讲座',
  '科普',
]
/** True if the text may hold a word that calls something a scam (all but 陷阱 and 圈套 hold 骗): a quick test first. */
function mayNameScam(text: string): boolean {
  return text.includes('骗') || text.includes('陷阱') || text.includes('圈套')
}
/** A scam word, not negated (不是骗局, 无陷阱). */
const SCAM_WORD_SAID = /(?<!不是|并非|绝非|没有|不会是|无|零)(?:诈骗|骗局|陷阱|骗术|圈套)/u

/**
 * True for a hit in a warning against a scam, or a lesson on one: a cue word before it in its sentence
 * (警惕, 谨防, 所谓, 培训…) and a word that names a scam after it (诈骗, 骗局, 陷阱…), not negated (不是骗局,
 * 无陷阱). A company's anti-fraud notice or training quotes the scam: `警惕兼职刷单诈骗`, `反诈提醒：网上所谓
 * 日赚千元都是骗局`, `培训讲了网赌和电信诈骗的案例`. Either alone is not enough
 * (`小心，老板是骗子`, `日赚千元，不是骗局`), nor a cue in the sentence before (`谨防诈骗！日赚千元，陷阱？不存在`);
 * nor a warning turned to an offer (`小心兼职刷单诈骗，但我这边是正规的，想做的私聊我`, see turnsToOffer).
 */
function quotedByWarning(text: string, start: number, end: number): boolean {
  let from = start
  while (from > 0 && !SENTENCE_END.has(text[from - 1])) from--
  const before = text.slice(from, start)
  if (!WARNING_CUES.some(cue => before.includes(cue))) return false
  let to = end
  while (to < text.length && !SENTENCE_END.has(text[to])) to++
  return SCAM_WORD_SAID.test(text.slice(end, to)) && !turnsToOffer(text, end)
}

/** Kinds that write other characters than the term's. */
const SWAP_KINDS = new Set<MatchKind>(['homophone', 'toneless', 'lookalike'])

/**
 * True for a context word that starts with a numeral and is followed by a word: a numbered phase of that
 * (`水厂一期项目`, `二期工程`), not a count (`五分钟一期`, `一期一中`). It then confirms nothing.
 */
function readsAsPhase(text: string, c: Candidate): boolean {
  if (!NUMERALS.has(text[c.start])) return false
  let at = c.end
  while (text[at] === ' ') at++
  const next = segmentsOf(text, at, Math.min(text.length, at + WINDOW))[0]
  return next?.wordLike === true && next.end - next.start >= 2 && !NUMERALS.has(text[next.start])
}

/** The number of code points of a string. */
function codePoints(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

import type { Candidate } from './allow-filter.js'
import type { ExpansionKind } from './expand.js'
import { isIdiom, isWordOf, wordTables } from './expansion-data.js'
import { isLookalikeLetter } from './fold-table.js'
import type { HitSpan } from './hit-span.js'
import { FIRM_AFTER } from './form-brands.js'
import { findUrls, type FoundUrl, mayHoldSpelledUrl } from './links.js'
import { spacedNameStands } from './surname-names.js'
import type { MatchKind } from './types.js'

/** The candidates of one scan so far, and what they are checked against. */
export interface Found {
  text: string
  lazy: LazyUrls
  /** The spans of the text's URLs and e-mail addresses, found on first use. */
  addresses: Array<[number, number]> | undefined
  candidates: Candidate[]
}

/**
 * Adds the candidate of one owner of a hit (kind: the expansion kind, none for the term itself) unless
 * the rules for where a match may stand reject it (see termCandidates).
 */
export function add(
  found: Found,
  span: HitSpan,
  end: number,
  category: string,
  term: string,
  allowPhrase: boolean,
  context: boolean,
  kind: ExpansionKind | undefined,
  form: string | undefined,
): void {
  if (!allowPhrase && !span.oneWord) return
  const { text, candidates } = found
  const start = span.start
  if (kind === undefined) {
    candidates.push({ category, term, start, end, allowPhrase, kind: exactKind(text, start, end, term), context })
    return
  }
  found.addresses ??= addressSpans(text, urlsOf(found.lazy))
  if (!allowPhrase && found.addresses.some(([s, e]) => start < e && end > s)) return
  if (!allowPhrase && SUBSTITUTIONS.has(kind) && joinsNeighbour(text, start, end, term, form!)) return
  if (!allowPhrase && IN_IDIOMS.has(kind) && insideIdiom(text, start, end)) return
  if (!allowPhrase && kind === 'homophone' && readsAsNumber(text, end, term, form!)) return
  if (!allowPhrase && kind === 'pinyin' && (readsAsName(text, start, end, term) || readsAsService(text, start, end)))
    return
  const candidate: Candidate = { category, term, start, end, allowPhrase, kind, form }
  if (!allowPhrase && kind === 'initials' && readsAsAbbreviation(text, start, end, term)) candidate.abbreviation = true
  candidates.push(candidate)
}

/** The URLs of a text, found on first use. */
export interface LazyUrls {
  text: string
  /** False when the scan saw no URL separator: only a URL whose dots are written out may be in the text. */
  separators: boolean
  /** False when the scan saw no character a written-out dot needs (see textMaySpellDot): then no such URL either. */
  dots: boolean
  found: FoundUrl[] | undefined
}

/** The shared empty list of URLs. */
const NO_URLS = Object.freeze([]) as unknown as FoundUrl[]

/** The URLs of a text (see LazyUrls), found on first use. */
export function urlsOf(lazy: LazyUrls): FoundUrl[] {
  lazy.found ??= lazy.separators || (lazy.dots && mayHoldSpelledUrl(lazy.text)) ? findUrls(lazy.text) : NO_URLS
  return lazy.found
}

/** Pinyin written as a name: a capitalised surname and given name (`Wei Xin`, `Bai Jiale`; not `Bai Jia Le`). */
const PERSONAL_NAME = /^([A-Z][a-z]+) [A-Z][a-z]+$/
/**
 * The most syllables a given name has: a term of more characters written as one capitalised word is the term in
 * pinyin, not a name (`Liuhecai 今晚开奖` is 六合彩; `Jiawei 今晚加班` a name).
 */
const GIVEN_NAME_SYLLABLES = 2
/** A capitalised word, as a given name is written. */
const GIVEN_NAME = /^[A-Z][a-z]+$/
/** A capitalised surname and a space just before a hit (`Zhang ` before `Jiawei`), after a name edge. */
const SURNAME_BEFORE = /(?:^|[\s\p{P}])([A-Z][a-z]+) $/u
/** What may stand around a name: the text's ends, spaces, punctuation. */
const NAME_EDGE = /^$|^[\s\p{P}]$/u
/** A name edge before a lone given name: the text's start, a space or punctuation. */
const EDGE_BEFORE = /(?:^|[\s\p{P}])$/u
/**
 * A space, then a word of time after a lone given name: the name is the subject of the sentence
 * (`Jiawei 下午去客户那里`, `Haoran 明天请假`), not a contact handle (`Jiawei 详聊`).
 */
const TIME_AFTER =
  /^ +(?:今天|明天|后天|昨天|今早|今晚|明早|上午|下午|中午|晚上|早上|这周|下周|上周|周[一二三四五六日末]|刚才|刚刚)/u
/**
 * A space, then what a sentence's subject does next after a lone given name: `Jiawei 把航班改了`, `Jiawei 负责这个项目`,
 * `Jiawei 已经到了`. A verb that offers a contact (`Jiawei 详聊`, `Jiawei 领资料`) or an alternative (`…或 Jiawei 也行`)
 * is none of them.
 */
const SUBJECT_DOES_AFTER = /^ +(?:把|负责|已经|正在|请假|出差|值班|跟进|带班|接手|休假)/u
/**
 * A space, then a word for the place around a name or its part: the name is a place's, in pinyin (`Wangdu 那边的补贴`,
 * `Duchang 这边`, `Wangdu 一带`, `Wangdu 分公司`), not a handle (`Wangdu 详聊`).
 */
const PLACE_AFTER = /^ +(?:那边|这边|那里|这里|那儿|这儿|一带|附近|周边|片区|当地|分公司|分店|站点|城区|市区|县城)/u
/** A verb of adding, seeking, playing or betting before a place's name: the name is a site (`玩 Wangdu 那边`). */
const PLAYED_BEFORE = /[加找约私玩赌押上]\s*$/u
/** A verb of adding or seeking before a name: the name is its object, the contact (`加 Jiawei 把资料领了`). */
const ADDED_BEFORE = /[加找约私]\s*$/u

/**
 * True for pinyin written as a name and set apart by spaces: a surname's syllable and a given name where a name
 * stands (`新同事 Wei Xin 下周`, see spacedNameStands; not `你就是个 Sha Bi`, `玩Du Bo的`, `Mianfei Lingqu`), a given name after one (`Zhang Jiawei`) or
 * before one (`Seqing Wang`), a lone given name (of a term of at most GIVEN_NAME_SYLLABLES characters) followed by
 * a word of time or what a subject does next, as the
 * subject of a sentence (see TIME_AFTER, SUBJECT_DOES_AFTER: `Jiawei 负责周五的团建`), a capitalised place's name
 * before a word for the place around it (see PLACE_AFTER: `Wangdu 那边`), or a capitalised name followed by a firm's
 * word (`Jiawei Tech`).
 */
function readsAsName(text: string, start: number, end: number, term: string): boolean {
  if (!NAME_EDGE.test(text.slice(end, end + 1))) return false
  const { surnameSyllables } = wordTables()
  const written = text.slice(start, end)
  const name = PERSONAL_NAME.exec(written)
  if (name)
    return (
      surnameSyllables.has(name[1].toLowerCase()) &&
      NAME_EDGE.test(text.slice(Math.max(0, start - 1), start)) &&
      spacedNameStands(text, start, end)
    )
  if (!GIVEN_NAME.test(written)) return false
  const before = text.slice(Math.max(0, start - 16), start)
  const next = text.slice(end, end + 8)
  const given = [...term].length <= GIVEN_NAME_SYLLABLES
  if (given && EDGE_BEFORE.test(before) && TIME_AFTER.test(next)) return true
  if (given && EDGE_BEFORE.test(before) && SUBJECT_DOES_AFTER.test(next) && !ADDED_BEFORE.test(before)) return true
  if (EDGE_BEFORE.test(before) && PLACE_AFTER.test(next) && !PLAYED_BEFORE.test(before)) return true
  const surname = SURNAME_BEFORE.exec(before)
  if (given && surname !== null && surnameSyllables.has(surname[1].toLowerCase())) return true
  if (!EDGE_BEFORE.test(before)) return false
  const after = text.slice(end, end + 24)
  const western = SURNAME_AFTER.exec(after)
  return (given && western !== null && surnameSyllables.has(western[1].toLowerCase())) || FIRM_AFTER.test(after)
}

/** A capitalised surname after a given name and a space, then a name edge: a name in Western order (`Seqing Wang`). */
const SURNAME_AFTER = /^ ([A-Z][a-z]+)(?=$|[\s\p{P}])/u
/** A payment service's name after a brand: `Pay` or 支付, not 支付宝 (`Weixin Pay`, `Weixin 支付`). */
const SERVICE_AFTER = /^ ?(?:Pay\b|支付(?!宝))/u

/**
 * True for pinyin capitalised as a brand and followed by its payment service's name (`Weixin Pay`):
 * the brand, not a handle (`加weixin支付宝` stays a handle).
 */
function readsAsService(text: string, start: number, end: number): boolean {
  return GIVEN_NAME.test(text.slice(start, end)) && SERVICE_AFTER.test(text.slice(end, end + 5))
}

/** Capital letters only (full-width too): how an abbreviation is written. */
const CAPITALS = /^\p{Lu}{2,}$/u
/** The ideograph after a hit, past spaces and a colon (`FW: 报价单`, as mail subjects write it). */
const IDEOGRAPH_AFTER = /^\s*[:：]?\s*(\p{Script=Han})/u
/** Particles, numerals and 个: after them an abbreviation is no name of a thing (`真是个SB啊`, `SSC 五分钟一期`). */
const NOT_NAMED = new Set('的了吗吧呢啊呀嘛哦哈啦么是个一二三四五六七八九十两几百千万')

/** Words for a person name-calling is said of, right after initials (no space, no colon): `SB领导`, `SB老板`. */
const PERSON_CALLED = /^(?:领导|老板|同事|经理|主管|上司|东西|玩意)/u

/** A capital and a small letter, as a chemical element's symbol is written (Sb, Pb). */
const SYMBOL = /^\p{Lu}\p{Ll}$/u
/** A gloss in brackets after letters: `Sb（锑）`. */
const GLOSS_AFTER = /^\s?[（(]\p{Script=Han}/u
/** A gloss of two to eight ideographs in brackets after capitals, that spells out what they stand for: `NC（新客户）`. */
const SPELLED_OUT = /^\s?[（(](\p{Script=Han}{2,8})[）)]/u
/** A gloss that aims the letters at someone or jokes (`SB（说的就是你）`, `SB（狗头）`): no thing spelled out. */
const NO_SPELLING = /[你他她我]|狗头|滑稽|笑|哈|手动|不是|懂/u

/**
 * True for an initials form in capitals that names the thing written after it, as abbreviations do
 * (`FW 版本` firmware, `NC 机床`, `GD 区域`, `QS 标志`, `JW 万豪酒店`: a numeral that starts no number), or written as an element's symbol and glossed in
 * brackets (`Sb（锑）` antimony), or in capitals with what they stand for in brackets (`KPI 里 NC（新客户）占 40%`);
 * an insult stands alone (`真是个SB`), in lower case (`那个 nc 又在刷屏`), right before a word for the person it
 * calls names (`SB领导`, see PERSON_CALLED), glossed as itself (`NC（脑残）`) or
 * with a meme or a pronoun in brackets (`sb（狗头）`, `SB（说的就是你）`).
 */
function readsAsAbbreviation(text: string, start: number, end: number, term: string): boolean {
  if (marksForward(text, start, end)) return true
  if (SYMBOL.test(text.slice(start, end)) && GLOSS_AFTER.test(text.slice(end, end + 3))) return true
  if (!CAPITALS.test(text.slice(start, end))) return false
  const gloss = SPELLED_OUT.exec(text.slice(end, end + 11))
  if (gloss !== null) return !gloss[1].includes(term) && !NO_SPELLING.test(gloss[1])
  const next = IDEOGRAPH_AFTER.exec(text.slice(end, end + 8))
  if (next === null) return false
  // Name-calling says the initials of someone (`SB领导`, `SB老板`); `HR领导` names a department, no term's; `NC客户`
  // (new customers) is left to the abbreviation rule.
  if (next[0] === next[1] && PERSON_CALLED.test(text.slice(end, end + 3))) return false
  if (!NOT_NAMED.has(next[1])) return true
  // A numeral that starts no number names a thing (`JW 万豪酒店`); `SSC 五分钟一期`, `BC 一千` are counts.
  if (!NUMERALS.has(next[1])) return false
  const after = text.codePointAt(end + next[0].length) ?? 0
  const following = String.fromCodePoint(after)
  return (
    after !== 0 &&
    !NUMERALS.has(following) &&
    !wordTables().classifiers.has(following) &&
    /\p{Script=Han}/u.test(following)
  )
}

/** A forwarded mail's mark as mail programs write it: `Fw`, `FW`, then a colon (`Fw: 报价单`, `FW：Re: 通知`). */
const FORWARD_MARK = /^F[wW]$/
/** A colon after the mark, past spaces. */
const COLON_AFTER = /^\s*[:：]/u
/** A line's start, maybe past other subject prefixes (`Re: `, `回复：`): where a mail subject begins. */
const SUBJECT_START = /^\s*(?:(?:Re|RE|Fwd|FWD|Fw|FW|AW|WG|回复|转发|答复)\s*[:：]\s*)*$/u

/**
 * True for `Fw` or `FW` and a colon where a mail subject begins: a forwarded mail's subject line pasted into the
 * group (`Fw: 三月对账单`, `Re: FW: 合同终稿`), not 废物's initials. `fw：你别说话` and `这个 FW: 真不行` stay hits.
 */
function marksForward(text: string, start: number, end: number): boolean {
  return (
    FORWARD_MARK.test(text.slice(start, end)) &&
    COLON_AFTER.test(text.slice(end, end + 3)) &&
    SUBJECT_START.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start))
  )
}

/** Numerals, as characters and digits. */
const NUMERALS = new Set('〇零一二三四五六七八九十两几百千万0123456789')
/** The UTF-16 codes of NUMERALS. */
const NUMERAL_CODES = new Set([...NUMERALS].map(n => n.charCodeAt(0)))

/** True if some character of s is a numeral: most forms hold none (a quick test before readsAsNumber's). */
function holdsNumeral(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (NUMERAL_CODES.has(s.charCodeAt(i))) return true
  return false
}

/**
 * True when a homophone form swaps a character of the term for a numeral that a classifier follows, in
 * the form or just after it: a number (去死 -> 去四 in 去四个小区).
 */
function readsAsNumber(text: string, end: number, term: string, form: string): boolean {
  if (!holdsNumeral(form)) return false
  const t = [...term]
  const f = [...form]
  if (t.length !== f.length) return false
  const { classifiers } = wordTables()
  for (let i = 0; i < f.length; i++) {
    if (f[i] === t[i] || !NUMERALS.has(f[i]) || NUMERALS.has(t[i])) continue
    const next = i + 1 < f.length ? f[i + 1] : String.fromCodePoint(text.codePointAt(end) ?? 0)
    if (classifiers.has(next)) return true
  }
  return false
}

/** Expansion kinds that swap characters for others: a swapped edge character may belong to a word outside. */
const SUBSTITUTIONS = new Set<MatchKind>(['homophone', 'toneless', 'lookalike'])

/**
 * True when a swapped first or last character makes a word with the character next to the match:
 * 日赚 -> 日转 in 每日转发 (转发), 约炮 -> 约跑 in 约跑步 (跑步), 六合彩 -> 六合菜 in 六合菜市场 (菜市).
 */
function joinsNeighbour(text: string, start: number, end: number, term: string, form: string): boolean {
  if (codePointCount(term) !== codePointCount(form)) return false
  const first = form.codePointAt(0)!
  if (first !== term.codePointAt(0) && start > 0 && isWordOf(text.charCodeAt(start - 1), first)) return true
  const last = lastCodePoint(form)
  return last !== lastCodePoint(term) && end < text.length && isWordOf(last, text.charCodeAt(end))
}

/** Expansion kinds that write other characters than the term's: such a form may be part of an idiom. */
const IN_IDIOMS = new Set<MatchKind>(['homophone', 'toneless', 'lookalike', 'split'])

/**
 * True when the hit lies inside a four-character idiom of the word tables written in the text: the hit
 * reads as the idiom (博采 in 博采众长 is no 博彩).
 */
function insideIdiom(text: string, start: number, end: number): boolean {
  if (end - start > 3) return false
  for (let at = Math.max(0, end - 4); at <= start; at++) if (isIdiom(text, at)) return true
  return false
}

/** The number of code points of a string. */
function codePointCount(s: string): number {
  let n = s.length
  for (let i = 0; i < s.length; i++) if (isLowSurrogateAfterHigh(s, i)) n--
  return n
}

/** The last code point of a non-empty string. */
function lastCodePoint(s: string): number {
  return isLowSurrogateAfterHigh(s, s.length - 1) ? s.codePointAt(s.length - 2)! : s.charCodeAt(s.length - 1)
}

/** True if the unit at i is the low half of a surrogate pair. */
function isLowSurrogateAfterHigh(s: string, i: number): boolean {
  const unit = s.charCodeAt(i)
  if (i === 0 || unit < 0xdc00 || unit > 0xdfff) return false
  const high = s.charCodeAt(i - 1)
  return high >= 0xd800 && high <= 0xdbff
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu

/** Spans of the URLs and e-mail addresses in text. */
function addressSpans(text: string, urls: FoundUrl[]): Array<[number, number]> {
  const spans: Array<[number, number]> = urls.map(u => [u.start, u.end])
  if (text.includes('@')) for (const m of text.matchAll(EMAIL)) spans.push([m.index, m.index + m[0].length])
  return spans
}

/** `exact` when the text is the term as written, `lookalike` if it uses look-alike letters, else `normalised`. */
function exactKind(text: string, start: number, end: number, term: string): MatchKind {
  if (end - start === term.length && text.startsWith(term, start)) return 'exact'
  for (let i = start; i < end; i++) {
    const cp = text.codePointAt(i)!
    if (isLookalikeLetter(cp)) return 'lookalike'
    if (cp > 0xffff) i++
  }
  return 'normalised'
}

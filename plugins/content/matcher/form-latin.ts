/**
 * Readings of Latin letters as part of a name or a word written in them: initials inside an English name, a place in
 * pinyin before its administrative unit, a letter that shapes a garment. They run on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { ACCOUNT_ID, CONTACT_WORDS } from './contact-words.js'
import { isWordAt, wordTables } from './expansion-data.js'
import { aimedAt, pitchesOrAims, stillPitches } from './pitch-guard.js'
import { offers } from './talked-about-offers.js'

/** Capital letters only, as a name's initials are written. */
const CAPITALS = /^[A-Z]{2,}$/u
/**
 * A space, then a capitalised word of two letters or more, then a word's edge: the next word of an English name. A word
 * glued to digits or an underscore is a handle (`Lily888`, `Anna_1`).
 */
const NAME_WORD_AFTER = /^ ([A-Z][a-z]+)(?![A-Za-z0-9_])/u
/** Letters that name an account's service: the word after them is the account (`VX Lily`, `QQ Anna`). */
const ACCOUNT_LETTERS = /^(?:VX|WX|QQ|V|WEIXIN|TEL)$/u
/** Capitalised words up to a bracket just before initials: `North Carolina (`. */
const NAME_BEFORE_BRACKET = /((?:[A-Z][a-z]+ )+)[(（]$/u
/** A closing bracket right after the initials. */
const BRACKET_AFTER = /^[)）]/u
/** English words for a person or a thing called names after initials: `SB Boss`, `NC Guy`. */
const PERSON_CALLED = /^(?:Boss|Boy|Girl|Man|Men|Guy|Guys|Dog|Thing|Idiot|Loser)$/u
/** What names or calls someone just before the initials: then they are said of a person (`你个 NC State`). */
const SAID_OF_BEFORE = /(?:[你他她个是]|真是)\s*$/u

/**
 * True for initials in capitals (or a Latin term so written, `SB`) that are part of an English name: followed by a
 * capitalised word of it (`NC State`, `SB Nation`; not a pinyin surname or a word for whom it calls names: `GD Wang
 * 你等着`, `SB Boss`), or in brackets after the capitalised words they abbreviate (`North Carolina (NC)`, `Santa
 * Barbara（SB）`). Initials said of someone (`你个 NC State`), alone (`NC 吧`) or in lower case (`nc state`), an
 * account's service before its name (`VX Lily`, `VX Lily888`) and a message that still pitches (`SB State 的资源加我`,
 * see stillPitches) stay hits; so do glossed letters aimed at someone (`SB（Super Boss）@张三`, see aimedAt).
 */
export function namesEnglishName(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  const letters = text.slice(c.start, c.end)
  if (!CAPITALS.test(letters) || ACCOUNT_LETTERS.test(letters) || stillPitches(text, c, allowDomains)) return false
  const before = text.slice(Math.max(0, c.start - 40), c.start)
  const next = NAME_WORD_AFTER.exec(text.slice(c.end, c.end + 24))
  if (next !== null && !wordTables().surnameSyllables.has(next[1].toLowerCase()) && !PERSON_CALLED.test(next[1]))
    return !SAID_OF_BEFORE.test(before)
  if (spelledAfter(text.slice(c.end, c.end + 40), letters))
    return glossClears(c, letters) && !SAID_OF_BEFORE.test(before) && !aimedAt(text, c)
  if (!BRACKET_AFTER.test(text.slice(c.end, c.end + 1))) return false
  const words = NAME_BEFORE_BRACKET.exec(before)?.[1].trim().split(' ')
  if (words === undefined || words.length < letters.length) return false
  const spelled = words.slice(-letters.length).map(word => word[0])
  return spelled.join('') === letters
}

/**
 * English words that gloss letters after them, past a noun of up to three ideographs (`版本`) and a word that
 * defines (是, 即, 指, 代表, 意思是, `=`, a colon) or a bracket: `NC是not completed`, `SB 版本（Small Business）`.
 */
const GLOSS_AFTER =
  /^\s*(?:\p{Script=Han}{1,3}\s*)?(?:是|即|指|代表|表示|意思是|就是|=|[:：（(])\s*([A-Za-z]+(?:[ -][A-Za-z]+){1,5})/u
/** Whom the gloss is said of right after it: `SB（Super Boss）就是你`. */
const SAID_OF_AFTER = /^\s*[）)]?\s*(?:就是|是|说的是|说的就是|指的是|指)(?:你|他|她)/u
/** Small words an abbreviation skips: `Department of Health` is DH. */
const SKIPPED_WORDS = new Set(['of', 'and', 'the', 'for', 'to', 'in', 'a', 'an', '&'])
/** A toneless pinyin syllable: a gloss all in these is the term in pinyin (`NC（nao can）`), no English. */
const PINYIN_SYLLABLE =
  /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:a|ai|an|ang|ao|e|ei|en|eng|er|i|ia|ian|iang|iao|ie|in|ing|iong|iu|o|ong|ou|u|ua|uai|uan|uang|ue|ui|un|uo|v|ve)$/u

/** English words that call names: a gloss with one spells the insult out (`SB 是 Stupid Bastard`, `SB是Super Bad`). */
const NAME_CALLING =
  /^(?:stupid|bitch|bastard|idiot|dumb|fool|loser|moron|shit|fuck|fucking|brain|damn|son|bad|silly|ugly|crazy|dirty|trash|garbage|pig|ass|jerk|useless)$/u
/** A virtue denied in a gloss, which calls names as well (`NC（Not Clever）`); `No Charge` denies none. */
const VIRTUE_DENIED = /\b(?:not|no|never) (?:clever|smart|good|nice|bright|wise|normal|sane|human)\b/u
/** Categories whose terms a gloss never clears: a platform, an account or a site spelled out is still the ad. */
const NEVER_GLOSSED = new Set(['gambling', 'contact', 'porn'])

/**
 * True if a gloss may clear the hit: not a gambling, contact or porn term (NEVER_GLOSSED: `BC（Best Choice）平台`),
 * nor an insult's initials of three letters or more (`CNM（China National Museum）`, `NMSL（Nice Meet See Later）`),
 * which a troll glosses as often as a firm does.
 */
function glossClears(c: Candidate, letters: string): boolean {
  return !NEVER_GLOSSED.has(c.category) && !(c.category === 'insult' && letters.length >= 3)
}

/**
 * True if the English words glossing the letters after them (GLOSS_AFTER) start with those letters in order, small
 * words skipped or not, not every one a pinyin syllable and none calling names: the letters abbreviate them (`not
 * completed` for NC), and said of no one right after it. `NC（nao can）`, `SB是Stupid Bastard` and `SB（Super Boss）就是你`
 * stay hits.
 */
function spelledAfter(after: string, letters: string): boolean {
  const found = GLOSS_AFTER.exec(after)
  const gloss = found?.[1]
  if (found === null || gloss === undefined || SAID_OF_AFTER.test(after.slice(found[0].length))) return false
  const all = gloss.toLowerCase().split(/[ -]/u)
  if (all.every(word => PINYIN_SYLLABLE.test(word)) || all.some(word => NAME_CALLING.test(word))) return false
  if (VIRTUE_DENIED.test(all.join(' '))) return false
  const lower = letters.toLowerCase()
  return [all, all.filter(word => !SKIPPED_WORDS.has(word))].some(
    words => words.length >= lower.length && words.slice(0, lower.length).every((word, i) => word[0] === lower[i]),
  )
}

/** Capitals or digits, as a code of a series is written: `SD`, `HD`, `4K`, `UHD`; one letter alone is no code. */
const SIBLING_CODE = /^[A-Z0-9]{2,5}$/u
/** A sibling code and the word that joins it before the letters: `SD 和 `, `SD/`, `SD、`. */
const SIBLING_BEFORE = /(?<![A-Za-z0-9])([A-Z0-9]{1,5})\s*(?:和|与|或|跟|及|、|\/|,|，|and|or)\s*$/u
/** The word that joins a sibling code after the letters, and the code: ` 和 SD`, `/4K`. */
const SIBLING_AFTER = /^\s*(?:和|与|或|跟|及|、|\/|,|，|and|or)\s*([A-Z0-9]{1,5})(?![A-Za-z0-9])/u
/** A word of editions or formats near a pair of codes: `两个版本`, `两种画质`, `格式`, `型号`. */
const EDITION_WORDS = /版本|版(?!主)|格式|画质|清晰度|分辨率|两个|两种|三个|三种|型号|规格|尺寸|接口|制式|模式|系列/u

/**
 * True for capital letters paired with a sibling code (another code of two capitals or digits or more, joined to
 * them by 和, 与, a slash, a comma…) that shares their first or their last character and is no part of them, with a
 * word of editions or formats near the pair (EDITION_WORDS): two codes of one series (`SD 和 HD 两个版本`, `HD/FHD
 * 格式`), said of no one, in a message that does not pitch or aim an insult (see pitchesOrAims), and no gambling,
 * contact or porn term. `你个SB和NC`, `S和SB`, `CNM和CN`, `楼上SB和SD`, `BC和BB都能玩，充值送彩金` stay hits.
 */
export function pairsWithCode(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  const letters = text.slice(c.start, c.end)
  if (!CAPITALS.test(letters) || NEVER_GLOSSED.has(c.category)) return false
  const before = SIBLING_BEFORE.exec(text.slice(Math.max(0, c.start - 12), c.start))
  const sibling = before?.[1] ?? SIBLING_AFTER.exec(text.slice(c.end, c.end + 12))?.[1]
  if (sibling === undefined || !SIBLING_CODE.test(sibling) || letters.includes(sibling)) return false
  const from = before === null ? c.start : c.start - before[0].length
  if (SAID_OF_BEFORE.test(text.slice(Math.max(0, from - 4), from))) return false
  if (!EDITION_WORDS.test(text.slice(Math.max(0, from - 8), c.end + 20))) return false
  if (pitchesOrAims(text, c, allowDomains)) return false
  return sibling[0] === letters[0] || sibling[sibling.length - 1] === letters[letters.length - 1]
}

/** A capitalised word, as a place's name is written in pinyin. */
const PLACE_NAME = /^[A-Z][a-z]+$/u
/** The text's start, a space or punctuation before the name. */
const EDGE_BEFORE = /(?:^|[\s\p{P}])$/u
/** A verb of adding, seeking, playing or betting before the name: the name is a site (`玩 Wangdu 县`). */
const PLAYED_BEFORE = /[加找约私玩赌押上]\s*$/u
/**
 * A county, a city, a town, a township, a province, a village, a prefecture after a place's name (`Wangdu 县`); not
 * 区, which a site's zone takes as well (`Baijiale 区`).
 */
const ADMINISTRATIVE_UNITS = new Set('县市镇乡省村州')

/**
 * True for a capitalised pinyin hit followed (maybe past a space) by an administrative unit that starts no other word
 * with the character after it: a place's name (`Wangdu 县的代理商`, `Duchang 镇上`, `Wangdu 市，`), as before 那边 or
 * 一带 (see readsAsName in candidate-rules.ts). `Wangdu 市场` (a market), `玩 Wangdu 县`, `wangdu 县` in lower
 * case and a message that offers the reader something (`Wangdu 县的代理，想玩的私聊`) stay hits.
 */
export function namesPlaceUnit(text: string, c: Candidate): boolean {
  if (c.kind !== 'pinyin' || !PLACE_NAME.test(text.slice(c.start, c.end))) return false
  const before = text.slice(Math.max(0, c.start - 8), c.start)
  if (!EDGE_BEFORE.test(before) || PLAYED_BEFORE.test(before)) return false
  const at = text[c.end] === ' ' ? c.end + 1 : c.end
  const unit = text[at]
  if (unit === undefined || !ADMINISTRATIVE_UNITS.has(unit)) return false
  const place = !isWordAt(text, at) || PLACE_WORDS.has(text.slice(at, at + 2))
  return place && !offers(text, c.start, c.end)
}

/**
 * After a name, what says it is a firm the speaker deals with: 是 or 为, up to fourteen characters of its clause, and
 * a firm's noun ending it (`是我们在德国的面料供应商`, `是老客户`, `是意大利的一个家具品牌`); a platform, a site or an
 * agent in between makes it the term's (`是我们的代理平台`), and so does a firm vouched for (`是正规公司`).
 */
const FIRM_DEALT_WITH =
  /^\s*(?:是|为)(?!.*(?:平台|网站|网址|官网|娱乐|彩票|盘口|代理|游戏|棋牌|充值|正规|靠谱|合法|官方|老牌|信誉|实力|诚信))[^，,；;。！!？?\n]{0,14}?(?:供应商|供货商|面料商|材料商|厂家|厂商|工厂|公司|品牌|客户|经销商|合作方|合作伙伴|承运商|物流商|服务商|集团|酒庄|农场|果园)(?:了|啊|呀|哈)?\s*$/u

/**
 * True for a capitalised word (a name in pinyin or a foreign one: `Dubo`, `Wangdu`) at a word's edge that the
 * sentence says is a firm the speaker deals with (FIRM_DEALT_WITH: `Dubo 是我们在德国的面料供应商`), in a message
 * that does not pitch (see stillPitches). `Dubo 是我们的合作平台`, `玩 Dubo 是老客户都懂`, `Dubo 是老客户专属` (no
 * firm), `Dubo 是正规公司` and `Dubo 是意大利品牌，充值送彩金` stay hits.
 */
export function namesFirmDealtWith(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!PLACE_NAME.test(text.slice(c.start, c.end))) return false
  const before = text.slice(Math.max(0, c.start - 8), c.start)
  if (!EDGE_BEFORE.test(before) || PLAYED_BEFORE.test(before) || /[A-Za-z0-9]/u.test(text[c.end] ?? '')) return false
  const clause = text.slice(c.end, c.end + 24).split(/[，,；;。！!？?\n]/u)[0]
  return FIRM_DEALT_WITH.test(clause) && !stillPitches(text, c, allowDomains)
}

/** Words an administrative unit starts that still name the place: 县城, 市区, 镇上, 村里. */
const PLACE_WORDS = new Set(['县城', '市区', '市内', '市里', '镇上', '乡下', '村里', '州府'])

/**
 * Characters after 领 (a neckline) that keep it a garment's part: a particle, a question, 口 (领口), 子 (领子), a
 * comparison, a conjunction; a noun or verb after it makes 领 the verb of taking (`加V领红包`, `加V领取`), and so may
 * an aspect particle or an adverb (`加V领了没`, `加V领就送`).
 */
const AFTER_NECKLINE = new Set('的吗吧呢啊呀口子更还也和或跟与')
/** Shapes a letter gives after 字 (`V字领`, `T字裤`, `Y字型`). */
const AFTER_LETTER_SHAPE = new Set('领型形裤')
/**
 * A part a letter's shape names right after the letter: a shape (`V型`, `U形`; not 形象), a brake (`V刹`, a bicycle's),
 * a groove (`V槽`).
 */
const LETTER_PART = /^(?:型|形(?!象)|刹|槽)/u
/** What beside a part shaped so still tells how to reach someone: a number, an account's id, 加我, 私我, 备注. */
const CONTACT_AROUND = new RegExp(`[0-9](?:[\\s-]?[0-9]){4}|${ACCOUNT_ID}|加我|私我|备注`, 'u')

/**
 * True for a hit that ends in a Latin letter that shapes a garment's part after it: a neckline (`加V领吗`, `改成
 * U领的`), a letter's shape (`加V字领`) or a part shaped so (`加V刹`, `加V型支架`; LETTER_PART, in a message with no
 * contact words, a number, an account's id, 加我, 私我 nor 备注 (CONTACT_AROUND): `加V刹，微信号abc123` stays), not a contact handle. `加V领红包`, `加v领取资料`, `加V私聊` and a message that
 * offers the reader something (`加V领吗？想要的私聊`) stay hits.
 */
export function namesGarmentLetter(text: string, c: Candidate): boolean {
  const last = text.charCodeAt(c.end - 1) | 0x20
  if (last < 0x61 || last > 0x7a) return false
  const next = text[c.end]
  const after = text[c.end + 1]
  if (next === '字') return after !== undefined && AFTER_LETTER_SHAPE.has(after) && !offers(text, c.start, c.end)
  if (LETTER_PART.test(text.slice(c.end))) {
    const rest = `${text.slice(0, c.start)}${' '.repeat(c.end - c.start)}${text.slice(c.end)}`
    return !offers(text, c.start, c.end) && !CONTACT_WORDS.test(rest) && !CONTACT_AROUND.test(rest)
  }
  if (next !== '领') return false
  return (
    (after === undefined || AFTER_NECKLINE.has(after) || !/\p{Script=Han}/u.test(after)) &&
    !offers(text, c.start, c.end)
  )
}

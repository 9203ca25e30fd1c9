/**
 * Readings of Latin letters as part of a name or a word written in them: initials inside an English name, a place in
 * pinyin before its administrative unit, a letter that shapes a garment. They run on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { isWordOf, wordTables } from './expansion-data.js'
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
 * account's service before its name (`VX Lily`, `VX Lily888`) and a message that offers (`SB State 的资源加我`) stay hits.
 */
export function namesEnglishName(text: string, c: Candidate): boolean {
  const letters = text.slice(c.start, c.end)
  if (!CAPITALS.test(letters) || ACCOUNT_LETTERS.test(letters) || offers(text, c.start, c.end)) return false
  const before = text.slice(Math.max(0, c.start - 40), c.start)
  const next = NAME_WORD_AFTER.exec(text.slice(c.end, c.end + 24))
  if (next !== null && !wordTables().surnameSyllables.has(next[1].toLowerCase()) && !PERSON_CALLED.test(next[1]))
    return !SAID_OF_BEFORE.test(before)
  if (!BRACKET_AFTER.test(text.slice(c.end, c.end + 1))) return false
  const words = NAME_BEFORE_BRACKET.exec(before)?.[1].trim().split(' ')
  if (words === undefined || words.length < letters.length) return false
  const spelled = words.slice(-letters.length).map(word => word[0])
  return spelled.join('') === letters
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
  const following = text.charCodeAt(at + 1)
  const place =
    Number.isNaN(following) || !isWordOf(unit.charCodeAt(0), following) || PLACE_WORDS.has(text.slice(at, at + 2))
  return place && !offers(text, c.start, c.end)
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
 * True for a hit that ends in a Latin letter that shapes a garment's part after it: a neckline (`加V领吗`, `改成
 * U领的`) or a letter's shape (`加V字领`), not a contact handle. `加V领红包`, `加v领取资料`, `加V私聊` and a message that
 * offers the reader something (`加V领吗？想要的私聊`) stay hits.
 */
export function namesGarmentLetter(text: string, c: Candidate): boolean {
  const last = text.charCodeAt(c.end - 1) | 0x20
  if (last < 0x61 || last > 0x7a) return false
  const next = text[c.end]
  const after = text[c.end + 1]
  if (next === '字') return after !== undefined && AFTER_LETTER_SHAPE.has(after) && !offers(text, c.start, c.end)
  if (next !== '领') return false
  return (
    (after === undefined || AFTER_NECKLINE.has(after) || !/\p{Script=Han}/u.test(after)) &&
    !offers(text, c.start, c.end)
  )
}

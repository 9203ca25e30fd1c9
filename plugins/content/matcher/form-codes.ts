/**
 * Readings of Latin letters as a code, a shape or a label, from the characters glued to them (`SB-12`, `FW 2.3`,
 * `V型`, `SB 表示标准版`), and a colour made (`调成黄色`); and the initials that stand on their own (long ones, two
 * codes of one category). They run on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'

/** A hyphen and a number after initials, or a number and a hyphen before them: `SB-12`, `BC-300`, `12-SB`. */
const CODE_AFTER = /^[-_‐–][A-Za-z]*\d/u
const CODE_BEFORE = /\d[A-Za-z]*[-_‐–]$/u
/** True for the code of a hyphen of CODE_AFTER and CODE_BEFORE (-, _, ‐, –). */
function isHyphen(code: number): boolean {
  return code === 0x2d || code === 0x5f || code === 0x2010 || code === 0x2013
}

/** A version number after initials, maybe past a space: `FW 2.3`, `SB v1.0.2`. */
const VERSION_AFTER = /^ ?[vV]?\d+(?:\.\d+)+/u

/** True for text[start, end) of Latin letters only, as initials or a Latin term (`sb`) are written. */
function latinLetters(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i) | 0x20
    if (code < 0x61 || code > 0x7a) return false
  }
  return end > start
}

/**
 * True for initials or a hit of Latin letters glued by a hyphen to a number, or followed by a version number:
 * a shelf, product or firmware code (`SB-12`, `FW 2.3 固件`; `sb` a term of its own in `编号 SB-2031`), not 傻逼
 * or 废物. `FW 你个废物` and `sb 250块` stay hits.
 */
export function readsAsCode(text: string, c: Candidate): boolean {
  if (c.kind !== 'initials' && !latinLetters(text, c.start, c.end)) return false
  if (VERSION_AFTER.test(text.slice(c.end, c.end + 12))) return true
  return (
    (isHyphen(text.charCodeAt(c.end)) || isHyphen(text.charCodeAt(c.start - 1))) &&
    (CODE_AFTER.test(text.slice(c.end, c.end + 8)) || CODE_BEFORE.test(text.slice(Math.max(0, c.start - 8), c.start)))
  )
}

/** What a Latin letter names when one of these follows it: a shape or a model (`V型`, `U形`, `O型圈`, `V槽`). */
const SHAPE_AFTER = new Set('型形槽')

/**
 * True for a hit that ends in a Latin letter followed by a word of shape or model: the letter names a part
 * (`加V型密封圈`, `加U形卡`), not a contact handle. `加V详聊` and `加v号` stay hits.
 */
export function namesShape(text: string, c: Candidate): boolean {
  const last = text.charCodeAt(c.end - 1) | 0x20
  return last >= 0x61 && last <= 0x7a && SHAPE_AFTER.has(text[c.end])
}

/** Initials of this many letters or more are long: they spell hardly any everyday code. */
const LONG_INITIALS = 4

/**
 * True for an initials hit of LONG_INITIALS Latin letters or more (`khmd` 客户名单, `sxzz` 私下转账), or of
 * as many letters and ideographs of the term together, the term's own characters written beside the
 * letters (`sx交易` 私下交易, `lhc资料` 六合彩资料): a category's context words, which two- and three-letter
 * codes need (`sd` a memory card, `cbj`), do not apply to it.
 */
export function writesLongInitials(text: string, c: Candidate): boolean {
  let letters = 0
  let ideographs = 0
  for (let i = c.start; i < c.end; i++) {
    const unit = text.charCodeAt(i)
    const code = unit | 0x20
    if (code >= 0x61 && code <= 0x7a) letters++
    else if (unit >= 0x4e00 && unit <= 0x9fff) ideographs++
  }
  return letters >= LONG_INITIALS || (letters > 0 && letters + ideographs >= LONG_INITIALS)
}

/**
 * The categories with initials hits of two terms or more in the message, none read as an abbreviation:
 * one code may be chance (`SD` a memory card), two codes of one category's terms hardly are (`这单 SD 吧，
 * 不走 GS`: 私单 and 不走公司), so they confirm each other as a context word would.
 */
export function initialsOfTwoTerms(candidates: readonly Candidate[]): string[] {
  let first: Map<string, string> | undefined
  const found: string[] = []
  for (const c of candidates) {
    if (c.kind !== 'initials' || c.abbreviation || c.allowPhrase || c.context) continue
    first ??= new Map()
    const term = first.get(c.category)
    if (term === undefined) first.set(c.category, c.term)
    else if (term !== c.term && !found.includes(c.category)) found.push(c.category)
  }
  return found
}

/** A term that starts with a colour: 黄色网站, 黄色视频. */
const COLOUR_TERM = /^(?:黄|红|绿|蓝|紫|粉|黑|白)色/u
/**
 * A shade directly before the colour, making another colour word: `金黄色`, `淡黄色`, `深红色`, `天蓝色`, `墨绿色`.
 */
const SHADE =
  /(?:金|橘|橙|柠檬|淡|浅|深|嫩|鲜|明|暗|亮|土|米|鹅|天|湖|宝|藏|墨|草|翠|桃|玫|酒|枣|姜|杏|奶|咖啡|棕|灰|银)$/u
/** A change of colour directly before it: `调成`, `改成`, `刷成`, `换成`. */
const MADE_INTO = /(?:调|改|换|变|刷|染|涂|印|喷|做)成$/u

/**
 * True for a term that starts with a colour right after a verb that makes something that colour: the colour
 * itself, then the next words (`主色调成黄色网站整体亮了`: the site turned yellow), or after a shade that makes another
 * colour word (`首页用了淡黄色网站模板`). `看黄色网站` stays a hit.
 */
export function namesColour(text: string, c: Candidate): boolean {
  return (
    COLOUR_TERM.test(c.term) &&
    (MADE_INTO.test(text.slice(Math.max(0, c.start - 2), c.start)) || SHADE.test(text.slice(0, c.start)))
  )
}

/** A definition after letters: `表示`, `代表`, `指的是`, `=`, `是…的缩写`, `是…的拼音缩写`. */
const DEFINED_AFTER =
  /^\s*(?:[=＝]\s*\p{Script=Han}|表示|代表|指的是|是指|的意思是|的全称是|[是为][^，,；;。！!？?\n]{1,12}的(?:拼音|英文|字母|首字母)?(?:缩写|简称|代号|意思))/u
/** A capital and a small letter, as a chemical element's symbol is written (Sb, Pb). */
const ELEMENT = /^[A-Z][a-z]$/u
/** A gloss in brackets right after the symbol: `Sb（锑）`, `Pb(铅)`. */
const ELEMENT_GLOSS = /^\s?[（(]\p{Script=Han}{1,3}[）)]/u
/** A label given just before letters: `换成`, `改成`, `简称`, `代号`. */
const LABELLED_BEFORE = /(?:换成|改成|改为|写成|印成|标成|简称|缩写|代号|型号|编号)\s*$/u

/**
 * True for a hit of Latin letters (initials, or a Latin term such as `sb`) defined right after it or given as a
 * label right before it, or an element's symbol glossed in brackets: a code talked about (`订单里 SB 表示标准版`,
 * `KPI 的 QWZD 是区外终端的缩写`, `旧标志要换成 SC`, `Sb（锑）未检出`), not the term. `你就是个SB`, `SB 你看什么` and `sb 是你吧` stay hits.
 */
export function definesLetters(text: string, c: Candidate): boolean {
  if (!latinLetters(text, c.start, c.end)) return false
  if (ELEMENT.test(text.slice(c.start, c.end)) && ELEMENT_GLOSS.test(text.slice(c.end, c.end + 8))) return true
  return (
    DEFINED_AFTER.test(text.slice(c.end, c.end + 20)) ||
    LABELLED_BEFORE.test(text.slice(Math.max(0, c.start - 4), c.start))
  )
}

/** A code's kind after letters, maybe past 码: `号码是批次号`, `是型号`, `指的是编号`. */
const CODE_NAMED_AFTER =
  /^码?\s*(?:是|为|就是|指的是|表示|代表)[^，,；;。！!？?\n]{0,4}?(?:批次号|批号|型号|编号|货号|序列号|条码|代码|版本号|生产日期|规格)/u

/**
 * True for a hit that starts with Latin letters and is said to be a code after it (`箱子侧面印的 VX 号码是批次号`,
 * `QQ 号是型号的一部分`): letters printed on goods, not a contact. `vx号是abc123` stays a hit.
 */
export function namesCodeKind(text: string, c: Candidate): boolean {
  return /^[A-Za-z]/u.test(text.slice(c.start, c.start + 1)) && CODE_NAMED_AFTER.test(text.slice(c.end, c.end + 16))
}

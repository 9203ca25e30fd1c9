/**
 * Rules and reminders read by their shape, for talkedAbout (talked-about.ts): a secret defined with what to do with
 * it (`客户名单属于公司机密，离职时要交回`), examples of a banned or sanctioned deed (`禁止骂人，说脑残、废物之类的罚款`,
 * `辱骂顾客，比如说人家蠢货，一律记过`), a sanction for whoever does it (`谁接私单一律辞退`), a ban on a pretext
 * (`不得以代理招募名义收费`) and a ban on telling or spreading it, maybe in a list, maybe where (`不要在业主群里报成本价和进货价`,
 * `不允许说公司要倒闭这类消息`). None holds when the message offers the reader something, turns, winks or hands something
 * over (see statementUndone: 但是, 不过, `自己下`, `发你`) or says the term to the reader (`比如说你…`).
 */

import { SENTENCE_END } from './talked-about-clauses.js'
import { statementUndone } from './talked-about-statements.js'
import { type TermAt, unoffered } from './talked-about-term.js'

/** What ends a clause, as a character class's inside. */
const ENDS = '，,；;。！!？?\\n'
/** A clause's characters, not its end: `[^，,；;。！!？?\n]`. */
const C = `[^${ENDS}]`
/** Other items of a list before a term, each closed by its separator: `脑残、`, `成本价和`. */
const ITEMS_BEFORE = `(?:[^${ENDS}、和及与或]{1,8}[、和及与或])*`
/** Other items of a list after a term, each opened by its separator: `、废物`, `和进货价`. */
const ITEMS_AFTER = `(?:[、和及与或]${C}{1,8}?)*`
/** A prohibition: `禁止`, `不得`, `不允许`, `别`. */
const BAN = '(?:禁止|严禁|不得|不准|不许|不允许|不可以|不能|不要|切勿|请勿|杜绝|别|勿)'

/**
 * What a rule does to whoever breaks it: `一律辞退`, `直接开除`, `罚款两百`, `扣绩效`, `当月奖金扣光`, `追究法律责任`, `谁走人`,
 * `后果自负`.
 */
const SANCTIONED = new RegExp(
  `辞退|开除|解聘|解雇|除名|劝退|走人|踢出|踢掉|移出|清退|罚款|罚钱|罚${C}{0,2}?[0-9一二三四五六七八九十两百千万]|扣${C}{0,4}?(?:分|钱|工资|绩效|奖金|提成)|扣[0-9一二三四五六七八九十两百千]|(?:奖金|绩效|提成|工资)${C}{0,2}?扣|停(?:单|班|职|岗|课|工|薪|业)|封号|拉黑|禁言|处分|处罚|记过|追责|追究|严肃处理|严惩|通报批评|后果自负`,
  'u',
)

/** What takes a sanction back before it: `不怕开除`, `不会被罚款`, `没人追责`. */
const SANCTION_DENIED = /(?:不怕|怕什么|不会|不用|没人|不至于)被?$/u

/** True if `rest` holds a sanction (SANCTIONED) not taken back (SANCTION_DENIED). */
function sanctions(rest: string): boolean {
  const found = SANCTIONED.exec(rest)
  return found !== null && !SANCTION_DENIED.test(rest.slice(0, found.index))
}

/**
 * After a term, maybe past other items of a list, a definition of it as the company's secret or property and, in the
 * rest of its sentence, nothing or only duties: `属于公司机密，离职时要交回`, `是公司的商业秘密，离职前须全部交接`,
 * `属于公司财产，离职时一律上交`. Not a duty that is a handover (`要的话我发你`) nor anything else said after it.
 */
const SECRET_DEFINED = new RegExp(
  `^${ITEMS_AFTER}(?:都|均|一律)?(?:属于|是|为|系)[^你您我${ENDS}]{0,6}?(?:机密|秘密|保密信息|保密资料|资产|财产)(?:[，,；;][^你您我${ENDS}]{0,6}?(?:要|须|需|需要|必须|务必|应|应当|应该|请|一律|统一|仅|只能|只限|只可)(?!的话|我|你)[^，,；;。！!？?\\n你您我]{1,12})*[。！!]?$`,
  'u',
)

/**
 * An example marker before a term in its clause, maybe with a verb of saying and whom it is said to, maybe past other
 * examples: `比如说人家`, `例如骂对方`, `像说客户`, `如`. Not 如果, 如何; not said to the reader (`比如说你`).
 */
const EXAMPLE_MARKED = new RegExp(
  `(?:比如|比方|例如|譬如|诸如|包括|像是?|如(?![果何今此同]))(?:说|骂|叫|喊|讲)?(?![这那此][个位人])(?:[^你您我${ENDS}、]{0,3}?)[“‘「『"]?${ITEMS_BEFORE}[“‘「『"]?$`,
  'u',
)
/** A verb of saying or calling at a clause's start before a term, maybe to whom: `说`, `骂人家`, `对顾客说`. */
const SAID_AT_START = new RegExp(
  `^(?:对[^你您我${ENDS}]{1,6}?)?(?:说|骂|叫|喊|讲|称呼?)(?:人家|对方|别人|他人|客户|顾客)?[“‘「『"]?${ITEMS_BEFORE}[“‘「『"]?$`,
  'u',
)
/** After a term, maybe past other items of a list, what closes a list of examples: `之类的`, `这类`, `等`. */
const EXAMPLES_CLOSED = new RegExp(
  `^[”’」』"]?${ITEMS_AFTER}[”’」』"]?(?:之类|这类|这种|这些|一类|此类|等|什么的)`,
  'u',
)
/** The rest of an example's clause that holds only other items of its list: `、蠢货`, `”“废物”`. */
const ONLY_ITEMS = new RegExp(`^[”’」』"]?(?:[、和及与或][“‘「『"]?${C}{1,8}?[”’」』"]?)*$`, 'u')
/**
 * A prohibition earlier in the term's sentence: a formal one anywhere (`禁止辱骂顾客，说`), 不要, 别 or 不能 at a clause's
 * start (`不要骂人，比如说`; not `不要紧，比如说…`).
 */
const BAN_EARLIER =
  /(?:禁止|严禁|不得|不准|不许|不允许|不可以|切勿|请勿|杜绝)|(?:^|[，,；;：:])\s*(?:不要|别|不能)(?!紧|急|客气|怕|担心)/u

/**
 * Whoever does it, at the start of a condition before a term in its clause: `谁接`, `以后哪个司机敢拉`, `谁要是在群里骂顾客`,
 * `哪位同事泄露`, `谁把`. Not the speaker or the reader in between (`谁要我`), nor the term as who or whose (`哪个傻逼`, `谁是废物`,
 * `谁家的傻逼孩子`), nor who has or wants it (`谁有客户名单`, `谁想要`; `谁要是` is a condition).
 */
const WHOEVER = new RegExp(
  `(?:谁(?!有|想|要(?!是))[^你您我${ENDS}]{0,10}|(?:哪个|哪位|哪些|任何人|有谁)[^你您我${ENDS}]{1,10})(?<![是像个的])$`,
  'u',
)

/**
 * A prohibition, then 以 or 借 (打着…) directly before a term, which PRETEXT_NAMED_AFTER names a pretext: `不得以代理招募名义`,
 * `严禁以兼职刷单为噱头`, `禁止打着免费领取的旗号`.
 */
const PRETEXT_BANNED_BEFORE = new RegExp(`${BAN}(?:私自|擅自|随意)?(?:以|借|假借|打着|借着)[“‘「『"]?$`, 'u')
/** After a term, maybe past other items of a list, what names it a pretext: `名义`, `的旗号`, `之名`, `为由`, `为噱头`. */
const PRETEXT_NAMED_AFTER = new RegExp(
  `^[”’」』"]?${ITEMS_AFTER}(?:等|之类)?(?:的?(?:名义|旗号|幌子|噱头|招牌)|之名|为(?:名|由|借口|幌子|噱头|诱饵|卖点))`,
  'u',
)

/**
 * A prohibition, maybe where or to whom (not the boss or the company: `别跟老板说私单` hides it), then a verb of telling or
 * showing, maybe past other items of a list, before a term: `不要在业主群里报成本价和`, `不要向客户透露`, `别在朋友圈晒`.
 */
const BANNED_TO_TELL = new RegExp(
  `${BAN}(?:私自|随意|随便)?(?:(?:在|往|到|向|对|跟|和|给)(?!老板|领导|公司|主管|经理|财务|总部|上级|上面|[他她])${C}{1,8}?)?(?:报|晒|透露|泄露|泄漏|外泄|告诉|告知|公开|公布|曝光|外传|外发|说|讲|提|念|贴|发|转发|发布|宣传|散布|散播|传播|传)(?:给${C}{1,4}?)?${ITEMS_BEFORE}$`,
  'u',
)

/** How far before a term, and after it, the quick test of mayRuleShape reads. */
const SHAPE_REACH = 24
/** Before a term, what may start a shape: whoever or an example marker anywhere, a pretext's 以 right before it. */
const SHAPE_BEFORE = /谁|哪|任何人|比如|比方|例如|譬如|诸如|包括|像|如(?![果何今此同])|(?:以|借|打着)[“‘「『"]?$/u
/** After a term, what may close a shape: a secret or property named, a pretext named. */
const SHAPE_AFTER = /机密|秘密|保密|资产|财产|名义|旗号|幌子|噱头|招牌|之名|为名|为由/u

/**
 * A table of UTF-16 codes for mayRuleShape's quick test: 1 for a first character of an alternative of SHAPE_BEFORE,
 * 2 for one of SHAPE_AFTER or SANCTIONED (neither matches a text without one), 3 for a sentence end. The regular
 * expressions then run only on the few hits with such a character around them.
 */
const SHAPE_CODES = new Uint8Array(0x10000)
for (const char of '谁哪任比例譬诸包像如以借打') SHAPE_CODES[char.charCodeAt(0)] = 1
for (const char of '机秘保资财名旗幌噱招之为辞开解除劝走踢移清罚扣奖绩提工停封拉禁处记追严通后')
  SHAPE_CODES[char.charCodeAt(0)] = 2
for (const char of SENTENCE_END) SHAPE_CODES[char.charCodeAt(0)] = 3

/**
 * True if the hit may sit in a rule shape (a quick test before talkedAbout reads the clause): a cue of one before it
 * (SHAPE_BEFORE) or after it (SHAPE_AFTER, a sanction) in its sentence, within SHAPE_REACH characters.
 */
export function mayRuleShape(text: string, start: number, end: number): boolean {
  let from = start
  let cueBefore = false
  while (from > 0 && from > start - SHAPE_REACH) {
    const code = SHAPE_CODES[text.charCodeAt(from - 1)]
    if (code === 3) break
    cueBefore ||= code === 1
    from--
  }
  if (cueBefore && SHAPE_BEFORE.test(text.slice(from, start))) return true
  let to = end
  let cueAfter = false
  for (; to < text.length && to < end + SHAPE_REACH; to++) {
    const code = SHAPE_CODES[text.charCodeAt(to)]
    if (code === 3) break
    cueAfter ||= code === 2
  }
  if (!cueAfter) return false
  const rest = text.slice(end, to)
  return SHAPE_AFTER.test(rest) || SANCTIONED.test(rest)
}

/**
 * True for a term in one of the module's rule shapes, with no offer to the reader, nothing that undoes the rule
 * (statementUndone: a turn, a wink, a handover) and no term said to the reader: a secret defined (SECRET_DEFINED), an example of a deed that a ban earlier in its sentence or a sanction
 * later in it covers, the deed of whoever a sanction later in its sentence punishes, a banned pretext or a list banned
 * from being told.
 */
export function ruleShape(term: TermAt): boolean {
  return shaped(term) && !statementUndone(term.text) && unoffered(term)
}

/** True if the term sits in one of the shapes (see ruleShape), before the checks for an offer or a rule undone. */
function shaped({ before, after, sentenceBefore, sentenceAfter }: TermAt): boolean {
  if (SECRET_DEFINED.test(sentenceAfter)) return true
  if (PRETEXT_BANNED_BEFORE.test(before) && PRETEXT_NAMED_AFTER.test(after)) return true
  if (BANNED_TO_TELL.test(before)) return true
  const sanctioned = sanctions(sentenceAfter)
  if (WHOEVER.test(before)) return sanctioned
  const example =
    !/[你您我]/u.test(after) &&
    ((EXAMPLE_MARKED.test(before) && (ONLY_ITEMS.test(after) || EXAMPLES_CLOSED.test(after) || sanctions(after))) ||
      (SAID_AT_START.test(before) && EXAMPLES_CLOSED.test(after)))
  return example && (sanctioned || BAN_EARLIER.test(sentenceBefore))
}

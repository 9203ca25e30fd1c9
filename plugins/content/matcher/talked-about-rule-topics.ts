/**
 * A term that is the topic of a rule or notice after it in its sentence (`私单一律不算业绩`, `提成比例的调整方案 HR 会
 * 单独邮件通知`), for talkedAbout (talked-about.ts).
 */

import { CLAUSE_END, SENTENCE_END, edgeAfter, edgeBefore } from './talked-about-clauses.js'
import { mayRuleShape } from './talked-about-rule-shapes.js'
import { givesFigureAfter } from './deferred-values.js'
import { namesValue } from './talked-about-offers.js'
import { type TermAt, unoffered } from './talked-about-term.js'

/**
 * What may stand before a term that is the topic of its clause: nothing, a lead (`关于`, `凡是`, `所有`), a
 * notice's heading (`群规第三条：`, `提醒：`), other topics of a list (`客户名单和内部资料严禁截图外发`), or whose it is
 * (`宠物医院的`, `本店的`), not a verb that has, hands or takes it (`这是我们的`, `刚拿到的`, `发你的`).
 */
const TOPIC_BEFORE =
  /^(?:[^，,；;。！!？?\n]{0,8}[:：])?\s*(?:关于|对于|至于|凡是?|所有的?|任何|一切)?\s*(?:[^，,；;。！!？?\n、和及与或:：]{1,8}[、和及与或])*(?:[^，,；;。！!？?\n、和及与或:：是有给发传送转卖买拿带要想找收私偷]{1,8}的)?$/u
/** A lead that names what follows as the topic, alone in its clause or not: `关于私单，…`, `所有飞单，…`. */
const TOPIC_LEAD = /(?:关于|对于|至于|凡是?|所有的?|任何|一切)\s*$/u
/**
 * A rule or notice about a topic, after it in its sentence: an invalidation or a penalty (`一律不算业绩`, `一律不管`,
 * `不计入提成`, `会罚款`, `发现直接处理`), a prohibition of passing it on (`严禁截图外发`, `不要在群里讨论`,
 * `不要转到客户群`), a restriction on where it is seen (`只能在 CRM 里看`, `只在内部群看`, `仅限本群`; not `只能找我`, nor where it
 * is done: `只能在APP里操作`), or an
 * announcement by a role of the company (`HR 会单独邮件通知`, `财务统一通知`).
 */
const RULE_AFTER = new RegExp(
  [
    '一律(?:不(?:算|管|认|予|计|准|许|得|能|受理|负责|批|报销|承认|接受|允许|发放)|禁止|按|处理|处罚|开除|辞退|罚|追责|严肃|无效|作废|踢|移出|清退|拉黑|删除|删掉|撤回)',
    '公司(?:一律|概|均|都)?不(?:负责|承担|认|管|受理)',
    '不算(?:业绩|提成|销量|考核|工作量)|不计入|不予(?:认可|受理|承认|报销|结算)|概不负责',
    '(?:严禁|禁止|不得|不准|不许|请勿|切勿|不要)(?:私自|随意|随便)?(?:在[^，,；;。！!？?\\n]{1,6}?)?(?:截图|拍照|外发|外传|转发|泄露|透露|讨论|复制|下载|带出|发到|转到|转给|发给|转进|私下)',
    '仅限(?:本群|内部|员工|公司|本部门)',
    '只(?:能|可以?|准|许)?(?:在|通过|由|用|找)(?![我本])[^，,；;。！!？?\\n]{1,12}?(?:看|查|阅)',
    '(?:会|将)被?(?:罚款|处罚|追责|开除|辞退)',
    '(?:HR|hr|人事|财务|行政|公司|总部|领导|主管|经理|部门)[^，,；;。！!？?\\n]{0,8}?通知',
    '发现[^，,；;。！!？?\\n]{0,4}?(?:处理|处罚|开除|辞退|追责|罚款)',
  ].join('|'),
  'u',
)
/**
 * Directly after a term, what says it as a claim or a question, or offers it: `公司要倒闭了，不要外传` tells the
 * claim, `客户名单出售，严禁外传` sells the list.
 */
const SAID_AFTER = /^(?:[了啦吗呢吧有卖拿]|出售|转让|可以|能|低价|便宜|打包|批发|现货)/u
/**
 * A term's clause that holds nothing after it but maybe a value: the term is what is handed over, and a ban in the
 * next clause keeps it between the two (`客户名单，严禁外传`, `进货价八百五，请勿外传`, `底价：1200，严禁外传`).
 */
const BARE_OR_VALUE = /^\s*(?:[:：]|是|为)?\s*(?:$|[0-9]|[〇零二三四五六七八九十两]|一(?![律概经旦]))/u

/** How far after a topic a rule's cue (RULE_AFTER) may stand. */
const RULE_REACH = 40
/** A table of UTF-16 codes: 1 for a character of a cue of RULE_AFTER (一律, 严禁, 罚款, 通知, 只能…), 2 for a sentence end. */
const RULE_CODES = new Uint8Array(0x10000)
for (const char of '律禁罚予负勿通只追辞除算计准许讨截泄透拍传复载现转仅') RULE_CODES[char.charCodeAt(0)] = 1
for (const char of SENTENCE_END) RULE_CODES[char.charCodeAt(0)] = 2

/**
 * True if the hit may be a rule's topic (a character of a rule's cue in its sentence after it, and it starts its clause)
 * or sit in one of the rule shapes of talked-about-rule-shapes.ts (see mayRuleShape).
 */
export function mayRuleTopic(text: string, start: number, end: number): boolean {
  for (let at = end; at < text.length && at < end + RULE_REACH; at++) {
    const cue = RULE_CODES[text.charCodeAt(at)]
    if (cue === 2) break
    if (cue === 1) {
      if (TOPIC_BEFORE.test(text.slice(edgeBefore(text, start, CLAUSE_END), start))) return true
      break
    }
  }
  return mayRuleShape(text, start, end)
}

/**
 * True for a term that is the topic of a rule or notice: it starts its clause (see TOPIC_BEFORE) and a rule
 * follows in its sentence (`私单一律不算业绩`, `客户名单只能在 CRM 里看，严禁截图外发`, `提成比例的调整方案 HR 会单独邮件
 * 通知`), with nothing that says it (`了`, `吗` right after), more than a value in its clause unless a lead names it
 * the topic (`底价：1200，严禁外传` hands it over; `关于飞单，公司会发文件通知` does not) and no offer or handover
 * (`客户名单发你了，严禁外传`), nor a secret value's figure in a clause of its own after it (`成本价只能在内部群看，380一台`,
 * see givesFigureAfter; f43).
 */
export function ruleTopic(term: TermAt): boolean {
  const { text, end, before, after } = term
  if (!TOPIC_BEFORE.test(before) || SAID_AFTER.test(text.slice(end, end + 2))) return false
  if (!TOPIC_LEAD.test(before) && BARE_OR_VALUE.test(after)) return false
  if (!RULE_AFTER.test(text.slice(end, Math.min(end + RULE_REACH, edgeAfter(text, end, SENTENCE_END))))) return false
  return unoffered(term) && !(namesValue(text.slice(term.start, end)) && givesFigureAfter(text, end))
}

/**
 * A secret given the only place it may be posted or read (issue #22, f47): `内部价格表只在管理群发`, `成本价仅限内部查看`.
 * A rule about where it goes, not the secret told. It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { stillLeaks } from './secret-guard.js'
import { answersPrice, tellsValue } from './talked-about-offers.js'

/**
 * Right after the hit in its clause, maybe past a few characters (`表`, `这块`): only in, or only for, a place inside the
 * firm (`只在管理群发`, `只能发内部群`, `仅限内部查看`, `仅供员工参考`, `只在公司系统里看`). A group is inside only as the
 * firm's (`管理群`, `工作群`), not any group (`只在VIP群发`, `只在福利群发`, `只在代理群发`; rev47).
 */
const ONLY_INSIDE_AFTER =
  /^[^，,；;。！!？?\n]{0,4}?(?:只|仅)(?:能|可以?|准|许)?(?:在|限于?|供|发|放|存|看|用|给)?[^，,；;。！!？?\n你您我]{0,8}?(?:工作群|内部|管理层?|员工|同事|公司|部门|后台|系统|内网|店长|主管|财务)/u
/** A count of a list's entries told: `3000条`, `五百多个客户` (rev47). */
const ENTRIES_TOLD = /[0-9一二三四五六七八九十百千万]+多?(?:条|个客户|个号|组数据)/u
/** The secret sold where it goes: `只在内部群卖`, `仅限员工购买`, `只在公司群收费` (rev47). */
const SOLD_AFTER = /^[^，,；;。！!？?\n]{0,16}?(?:卖|出售|购买|收费|付费|交易)/u
/** The reader or the speaker in the hit's clause: `只发你`, `只在我这`, `我只在…发给你`. */
const PERSON_IN_CLAUSE = /[你您我]/u
/**
 * The reader, a private handover or who wants it called anywhere in the message: `我私你一份`, `要的私`, `发你`, `要的说`,
 * `需要的扣1` (rev47).
 */
const HANDED_TO_READER = /[你您]|私|(?<!不)(?:要|想要|需要)的/u
/** What ends a clause. */
const CLAUSE_END = /[，,；;。！!？?\n]/u

/**
 * True when a rule that keeps a secret to a place or a role is undone around the hit: the secret sold there
 * (SOLD_AFTER), the reader or the speaker in the hit's clause, the reader, a private handover or who wants it called
 * anywhere in the message (HANDED_TO_READER: `客户名单只在管理群发，我私你一份`, `客户名单只给同事看，要的说`), a value or a count
 * of entries told (tellsValue, answersPrice, ENTRIES_TOLD). Asked by this reading and talked-about-access.ts.
 */
export function restrictionUndone(text: string, c: Candidate): boolean {
  if (SOLD_AFTER.test(text.slice(c.end))) return true
  let from = c.start
  while (from > 0 && !CLAUSE_END.test(text[from - 1])) from--
  let to = c.end
  while (to < text.length && !CLAUSE_END.test(text[to])) to++
  if (PERSON_IN_CLAUSE.test(text.slice(from, c.start) + text.slice(c.end, to))) return true
  if (HANDED_TO_READER.test(text.slice(0, c.start) + text.slice(c.end))) return true
  return tellsValue(text, c.start, c.end) || answersPrice(text, c.end) || ENTRIES_TOLD.test(text)
}

/**
 * True for a confidential hit followed in its clause by the only place inside the firm where it may go (see
 * ONLY_INSIDE_AFTER), the rule not undone (see restrictionUndone) and the secret not kept by what keeps any secret's
 * hit: the speaker's stash, turn or own offer, or a pitch (see stillLeaks in secret-guard.ts: `客户名单只对主管开放，出钱就能看`):
 * `内部价格表只在管理群发，别转到客户群`. `内部价格表只发你一个人`, `成本价只在我这有，要的私我`, `进货价只在群里说，每台1280` and
 * `内部价只在VIP群发，进群加我微信` stay hits.
 */
export function restrictsToInside(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (c.category !== 'confidential' || !ONLY_INSIDE_AFTER.test(text.slice(c.end))) return false
  return !restrictionUndone(text, c) && !stillLeaks(text, c, allowDomains)
}

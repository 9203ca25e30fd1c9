import { formatDuration } from '../../bot/config/duration.js'
import { botAccountText, botToMessage } from '../../bot/fleet/account-name.js'
import { clockTime, dayKey, shortDateTime } from '../../bot/time/zoned.js'
import type { FollowUp, HeldTicket, Ticket } from './state.js'

/** `HH:mm` when `ms` falls on the same day as `ref`, else `MM-DD HH:mm`. */
export function when(ms: number, ref: number, tz: string): string {
  return dayKey(ms, tz) === dayKey(ref, tz) ? clockTime(ms, tz) : shortDateTime(ms, tz)
}

function quoted(t: Ticket): string {
  return `「${t.groupTopic}」客户 ${t.customerName}：「${t.text.slice(0, 200)}」`
}

/**
 * To a customer told a moment ago that another complaint of theirs was resolved: which one this is, so the group
 * does not read the same sentence twice.
 */
export function resolvedTooText(t: Ticket): string {
  const text = t.text.length > 30 ? `${t.text.slice(0, 30)}…` : t.text
  return `您好，您反馈的「${text}」也已经处理，感谢您的耐心。`
}

/** The private notice to the responsible salesperson when a ticket opens. */
export function openedText(t: Ticket, tz: string, prefix: string): string {
  return [
    `📣 新投诉 ${t.id}：${quoted(t)}`,
    `请在 ${when(t.deadline, t.at, tz)} 前处理，处理后${resolveHint(t, prefix)}`,
  ].join('\n')
}

/** To the admins when a customer group has nobody responsible. */
export function unassignedText(t: Ticket, tz: string): string {
  return `📣 新投诉 ${t.id}：${quoted(t)}\n本群没有负责员工（groups[].responsible 或 service.responsible 未配置，或已离职），请安排人在 ${when(t.deadline, t.at, tz)} 前处理。`
}

/** The private reminder before the deadline. */
export function reminderText(t: Ticket, tz: string, prefix: string, now: number): string {
  return `⏰ 投诉 ${t.id} 将在 ${when(t.deadline, now, tz)} 到期，还没有处理：${quoted(t)}\n处理后${resolveHint(t, prefix)}`
}

/** How to resolve a ticket: privately, since customers read what is typed in their group. */
const resolveHint = (t: Ticket, prefix: string) =>
  `私聊机器人发送 ${prefix}投诉 处理 ${t.id} <处理说明>（不要发在客户群里，客户能看到）。`

/** The escalation to the admins when the deadline passes. */
export function overdueText(t: Ticket, names: string, tz: string): string {
  return `🚨 投诉 ${t.id} 已超过处理期限（${when(t.deadline, t.at, tz)}）仍未处理：${quoted(t)}\n负责人：${names || '未配置'}，请督促处理。`
}

/** One line of `#投诉 列表`. */
export function listLine(t: Ticket, tz: string, now: number, names: string): string {
  const state = t.state === 'resolved' ? '已处理' : t.overdueAt ? '已超时' : `待处理，${when(t.deadline, now, tz)} 到期`
  const mark = t.observed ? '（观察）' : ''
  return `${t.id}${mark} ${shortDateTime(t.at, tz)} 「${t.groupTopic}」${t.customerName}：${t.text.slice(0, 30)}（${state}，负责人 ${names || '未配置'}）`
}

/** `#投诉 T3`: everything about one ticket. */
export function detailText(t: Ticket, tz: string, names: string, resolverName?: string): string {
  const lines = [
    `投诉 ${t.id}${t.observed ? '（观察模式记录）' : ''}`,
    `群：${t.groupTopic}`,
    `客户：${t.customerName}`,
    `内容：${t.text}`,
    `登记：${shortDateTime(t.at, tz)}，期限：${shortDateTime(t.deadline, tz)}`,
    `负责人：${names || '未配置'}`,
  ]
  if (t.overdueAt) lines.push(`超时：${shortDateTime(t.overdueAt, tz)} 已报告管理员`)
  if (t.state === 'resolved' && t.resolvedAt !== undefined)
    lines.push(
      `已处理：${shortDateTime(t.resolvedAt, tz)}（${resolverName ?? t.resolvedBy}，用时 ${formatDuration(t.resolvedAt - t.at)}）：${t.resolution}`,
    )
  else lines.push('状态：待处理')
  return lines.join('\n')
}

// ── Follow-ups (回访) ──

/** The customer of a deal whose case names none (no 客户 field): `成交客户（C1）`. */
export const unnamedDealCustomer = (caseId: string) => `成交客户（${caseId}）`

/** A deal's follow-up whose case names no customer. */
const unnamedDeal = (f: FollowUp) => !!f.caseId && f.customerName === unnamedDealCustomer(f.caseId)

/**
 * Where a follow-up's customer is: `「张三交流群」的客户 刘总`, `成交客户 刘总`, with `（成交案例 C3）` for a deal;
 * a deal naming no customer: `「张三交流群」的成交客户（C3）`, `成交客户（C3）`.
 */
export function followUpWho(f: FollowUp): string {
  if (unnamedDeal(f)) return f.groupTopic ? `「${f.groupTopic}」的${f.customerName}` : f.customerName
  const deal = f.caseId ? `（成交案例 ${f.caseId}）` : ''
  return f.groupTopic ? `「${f.groupTopic}」的客户 ${f.customerName}${deal}` : `成交客户 ${f.customerName}${deal}`
}

/** The private reminder on the day a follow-up falls due. */
export function followUpReminderText(f: FollowUp, prefix: string): string {
  return `📞 回访提醒 ${f.id}：今天请回访${followUpWho(f)}${f.note ? `（${f.note}）` : ''}。完成后私聊机器人发送 ${prefix}回访 完成 ${f.id} <回访结果>。`
}

/** To the admins when a follow-up falls due and nobody is responsible any more. */
export function followUpUnassignedText(f: FollowUp, prefix: string): string {
  return `${followUpReminderText(f, prefix)}\n（负责人已离职且没有接替的人，请安排人回访。）`
}

/** The answer to `#回访 @客户 7天`, and the private note to a deal's author. */
export function followUpSetText(f: FollowUp, tz: string, names: string): string {
  return `📅 已安排回访 ${f.id}：${shortDateTime(f.due, tz)} 提醒 ${names} 回访 ${f.customerName}。`
}

/** The private note to the author of a closed deal (`merged`: it joined the follow-up staff set that day). */
export function dealFollowUpText(f: FollowUp, tz: string, prefix: string, merged = false): string {
  const what = merged ? `已并入今天安排的回访 ${f.id}` : `已安排回访 ${f.id}`
  return `📅 成交案例 ${f.caseId} ${what}：${shortDateTime(f.due, tz)} 提醒${merged ? '' : '你'}回访 ${f.customerName}。提前回访完成可私聊机器人发送 ${prefix}回访 完成 ${f.id} <回访结果>。`
}

/** `#回访 7天` naming no customer. */
export const followUpNoCustomerText = (p: string) =>
  `请写明回访哪位客户：${p}回访 刘总 7天 [备注]（私聊），或在客户群里 ${p}回访 @客户 7天。`

/** `#回访 <名字> 7天` when no customer has that name (privately: in the asker's customer groups). */
export const followUpUnknownCustomerText = (name: string, privately: boolean, p: string) =>
  `${privately ? '你的客户群里' : '本群'}没有名为「${name}」的客户。可写群昵称、微信名或微信 ID：${p}回访 刘总 7天 [备注]。`

/** `#回访 <名字> 7天` when several customers have that name. */
export const followUpWhichCustomerText = (name: string, hits: { group: { topic: string }; id: string }[], p: string) =>
  `「${name}」对应 ${hits.length} 位客户（${hits
    .slice(0, 5)
    .map(h => `「${h.group.topic}」${h.id}`)
    .join('、')}），请写微信 ID：${p}回访 <微信ID> 7天 [备注]。`

/** One line of `#回访 列表`. */
export function followUpLine(f: FollowUp, tz: string, now: number, names: string): string {
  const where = f.groupTopic ? `「${f.groupTopic}」` : f.caseId && !unnamedDeal(f) ? `成交 ${f.caseId} ` : ''
  return `${f.id}${f.observed ? '（观察）' : ''} ${shortDateTime(f.due, tz)}${f.due < now ? '（已逾期）' : ''} ${where}${f.customerName}，负责人 ${names || '管理员'}`
}

/** Usage of `#回访`. */
export const followUpUsage = (p: string) =>
  `${p}回访 <客户名> 7天 [备注]（私聊；或在客户群 ${p}回访 @客户 7天） | ${p}回访 列表 | ${p}回访 完成 R2 <回访结果>`

// ── Daily report ──

/** The daily admin report: open overdue tickets and overdue follow-ups; undefined when there is none. */
export function dailyReportText(
  overdueTickets: Ticket[],
  overdueFollowUps: FollowUp[],
  now: number,
  tz: string,
  names: (ids: string[]) => string,
): string | undefined {
  if (!overdueTickets.length && !overdueFollowUps.length) return undefined
  const lines = [`📋 客服日报（${dayKey(now, tz)}）`]
  if (overdueTickets.length) {
    lines.push(`超时未处理的投诉 ${overdueTickets.length} 条：`)
    for (const t of overdueTickets)
      lines.push(
        `· ${t.id} 「${t.groupTopic}」${t.customerName}，${shortDateTime(t.deadline, tz)} 到期，负责人 ${names(t.responsible) || '管理员'}`,
      )
  }
  if (overdueFollowUps.length) {
    lines.push(`逾期未完成的回访 ${overdueFollowUps.length} 个：`)
    for (const f of overdueFollowUps)
      lines.push(
        `· ${f.id} ${f.groupTopic ? `「${f.groupTopic}」` : ''}${f.customerName}，应于 ${shortDateTime(f.due, tz)} 回访，负责人 ${names(f.responsible) || '管理员'}`,
      )
  }
  return lines.join('\n')
}

// ── Staff who leave (离职) ──

/** What the admins are told about one leaver (see `decide-leaver.ts`). */
export interface LeaverNotice {
  name: string
  successorName?: string
  /** Internal groups the bot removes them from. */
  removing: string[]
  /** Other managed groups they are still in (customer and broadcast groups, or internal ones when removal is off). */
  staying: string[]
  /** Customer groups they were responsible for. */
  responsibleFor: string[]
  /** Open ticket and follow-up ids that moved. */
  work: string[]
}

/** The admins' notice about one leaver. */
export function leaverText(n: LeaverNotice, prefix: string): string {
  const lines = [`👋 员工离职：${n.name} 已不在花名册（或已标记离职）。`]
  if (n.removing.length) lines.push(`正在移出内部群：${n.removing.join('、')}（移不出的群稍后会单独告诉您）`)
  if (n.staying.length) lines.push(`仍在的受管理群：${n.staying.join('、')}（请接管后将其移出）`)
  if (n.responsibleFor.length)
    lines.push(
      n.successorName
        ? `负责的客户群已交给 ${n.successorName}：${n.responsibleFor.join('、')}`
        : `负责的客户群：${n.responsibleFor.join('、')}（花名册没有指定接替人，请在花名册“接替人”一栏填写后 ${prefix}花名册 重载，或在配置中改负责人）`,
    )
  if (n.work.length)
    lines.push(
      n.successorName
        ? `未处理的投诉/回访：${n.work.join('、')}，已转给 ${n.successorName}。`
        : `未处理的投诉/回访：${n.work.join('、')}，已转由管理员跟进（${prefix}投诉 列表、${prefix}回访 列表）。`,
    )
  lines.push('请及时收回其工作微信号。')
  return lines.join('\n')
}

/** To the admins when many people are gone from the roster at once: nobody is handled as a leaver until confirmed. */
export const leaversHeldText = (names: string[], known: number, prefix: string) =>
  `⚠️ 花名册一次少了 ${names.length} 人（原有 ${known} 人）：${names.slice(0, 20).join('、')}${names.length > 20 ? ' 等' : ''}。` +
  `可能只导入了部分名单，机器人暂不按离职处理（不移出群、不交接工作）。确实都已离职请发送 ${prefix}离职 确认；` +
  `名单不全请补全花名册后 ${prefix}花名册 重载。`

/** Answers of `#离职` (an admin confirms the people held after a roster reload). */
export const heldSay = {
  none: '没有等待确认的离职人员。',
  list: (names: string[], prefix: string) =>
    `等待确认的离职人员 ${names.length} 人：${names.join('、')}。确实都已离职请发送 ${prefix}离职 确认；名单不全请补全花名册后 ${prefix}花名册 重载。`,
  confirmed: (names: string[]) => `✅ 已按离职处理：${names.join('、')}。`,
  /** The usage line of `#帮助` (no 用法： there: the list says what each line is). */
  usage: (prefix: string) => `${prefix}离职（查看等待确认的人） | ${prefix}离职 确认`,
  badArgs: (usage: string) => `用法：${usage}`,
} as const

/** To the admins when a leaver is still in internal groups a while after the bot tried to remove them. */
export const stillInText = (name: string, topics: string[]) =>
  `⚠️ 离职员工 ${name} 仍在内部群：${topics.join('、')}。机器人不是这些群的群主或管理员，无法移出，请群主或群管理员将其移出。`

/** Someone back on the roster after the bot handled them as a leaver: their name and the groups it removed them from. */
export interface Returner {
  name: string
  removedFrom: string[]
}

/** One open complaint or follow-up given back after a return: `T2 → 钱多`, and who held it until then. */
export interface GivenBack {
  item: string
  from: string[]
}

/**
 * To the admins, once: people back on the roster are no leavers any more; open work (`moved`: `T2 → 钱多`) went back
 * to them or to the people the config names for its group.
 */
export function staffBackText(back: Returner[], moved: string[], prefix: string): string {
  const lines = back.length
    ? [`↩️ 员工回到花名册：${back.map(b => b.name).join('、')}，不再按离职处理。`]
    : ['↩️ 无人负责的投诉/回访已按配置交给负责人。']
  for (const b of back)
    if (b.removedFrom.length)
      lines.push(`${b.name} 离职时已被机器人移出：${b.removedFrom.join('、')}，请重新邀请其入群。`)
  if (moved.length) lines.push(`投诉/回访交还负责人：${moved.join('；')}（${prefix}投诉 列表、${prefix}回访 列表）`)
  return lines.join('\n')
}

/** To someone who held work that went back after a return (`items`: `T2 → 张三`): they need not follow it up. */
export function workBackText(back: Returner[], items: string[], prefix: string): string {
  const who = back.length ? `${back.map(b => b.name).join('、')} 回到花名册，` : ''
  return `↩️ ${who}以下投诉/回访已交还，你不必再跟进：${items.join('；')}（${prefix}投诉 列表、${prefix}回访 列表）`
}

/** The successor's private note. */
export function successorText(n: LeaverNotice, prefix: string): string {
  const lines = [`👋 ${n.name} 已离职，由你接替：`]
  if (n.responsibleFor.length) lines.push(`负责的客户群：${n.responsibleFor.join('、')}`)
  if (n.work.length) lines.push(`未处理的投诉/回访：${n.work.join('、')}（${prefix}投诉 列表、${prefix}回访 列表）`)
  return lines.join('\n')
}

/** `#投诉` without a quoted customer message in a customer group. */
export const tagWhereText = (prefix: string) => `请在客户群里引用客户的消息发送 ${prefix}投诉 登记。`

/** To a customer whose bare `#投诉` follows nothing they wrote: the next message is the complaint. */
export const askProblemText = '请直接说明遇到的问题，我们会登记并尽快处理。'

/** To a customer whose bare `#投诉` follows only messages already recorded: they hear it is being handled. */
export const alreadyRecordedText = '您好，您反馈的问题已经记录，负责同事正在处理，请您稍候。'

/** To the responsible salesperson (or the admins): the customer added a message to an open ticket. */
export const addedText = (t: Ticket, text: string) =>
  `📝 投诉 ${t.id} 客户 ${t.customerName} 补充：「${text.slice(0, 200)}」`

/** To the responsible salesperson: someone else (a leader, an admin) closed their ticket. */
export const closedByOtherText = (t: Ticket, byName: string, note: string) =>
  `ℹ️ 投诉 ${t.id}（「${t.groupTopic}」客户 ${t.customerName}）已由 ${byName} 处理：${note.slice(0, 200)}\n客户已收到处理通知，你不必再跟进；如需补充请直接联系 ${byName}。`

/** `#投诉` quoting a message already recorded. */
export const alreadyTaggedText = (id: string) => `这条消息已登记为投诉 ${id}。`

/** `#回访 @客户 7天` outside a customer group. */
export const followUpWhereText = (prefix: string) =>
  `请私聊机器人发送 ${prefix}回访 <客户名> 7天 [备注]（客户群里的人能看到群里的内容）。`

// ── Command answers ──

/** Usage of `#投诉`. */
export const complaintUsage = (p: string) =>
  `${p}投诉 列表 | ${p}投诉 T3 | ${p}投诉 处理 T3 <处理说明>（私聊发送；在客户群引用客户消息发送 ${p}投诉 即登记）`

/** Short answers of `#投诉` and `#回访`. */
export const say = {
  usage: (usage: string) => `用法：${usage}`,
  /** `#回访 刘总 明天`: the days are missing or not a number of working days. */
  noDays: (p: string, usage: string) =>
    `没有看到回访时间：请写几个工作日后回访，如「1天」「7天」（明天写 1天），例如 ${p}回访 刘总 1天 问滤芯。\n用法：${usage}`,
  resolveUsage: (p: string) => `用法：${p}投诉 处理 T3 <处理说明>`,
  doneUsage: (p: string) => `用法：${p}回访 完成 R2 <回访结果>`,
  noTicket: (id: string, usage: string) => `没有投诉 ${id}。用法：${usage}`,
  /** A ticket another account of the fleet holds: resolved there (its customer group, its reminders); `name`: its WeChat name. */
  heldElsewhere: (t: HeldTicket, p: string, name?: string) =>
    `投诉 ${t.id} 由机器人账号 ${botAccountText(t.heldBy, name)} 跟进（客户群「${t.groupTopic}」），请私聊${name ? botToMessage(t.heldBy, name) : '该账号'}发送（不要发在客户群里，客户能看到）：` +
    `${p}投诉 处理 ${t.id.endsWith(`@${t.heldBy}`) ? t.id.slice(0, -t.heldBy.length - 1) : t.id} <处理说明>`,
  heldBy: (account: string, name?: string) => `跟进账号：${botAccountText(account, name)}（在该账号处理）`,
  noFollowUp: (id: string, usage: string) => `没有回访 ${id}。用法：${usage}`,
  noTickets: '目前没有投诉记录。',
  noFollowUps: '目前没有待回访的客户。',
  ticketsHead: (open: number, recent: number) => `投诉：待处理 ${open} 条（最近已处理 ${recent} 条）`,
  followUpsHead: (open: number) => `待回访 ${open} 条：`,
  alreadyResolved: (id: string) => `投诉 ${id} 已经处理过了。`,
  /** The auditor role reads complaints only (docs/console.md: read-only). */
  auditorReadOnly: (p: string) => `⛔ 审计员只能查看投诉（${p}投诉 列表、${p}投诉 T3），不能登记或处理。`,
  /** Someone neither responsible for `t` nor a leader or admin tried to close it. */
  notYours: (id: string, holders: string) =>
    holders
      ? `⛔ 投诉 ${id} 由 ${holders} 负责：只有负责人、领导或管理员可以处理。如需协助请联系 ${holders}。`
      : `⛔ 投诉 ${id} 目前没有负责人（由管理员跟进）：只有领导或管理员可以处理。`,
  /** A salesperson asked for a ticket of someone else's customer group. */
  notYoursToRead: (id: string) =>
    `⛔ 投诉 ${id} 不归你负责：员工只能查看自己负责的投诉（领导、管理员和审计员可查看全部）。`,
  noOwnTickets: '目前没有你负责的投诉。',
  ownTicketsHead: (open: number, recent: number) => `你负责的投诉：待处理 ${open} 条（最近已处理 ${recent} 条）`,
  alreadyDone: (id: string) => `回访 ${id} 已经完成了。`,
  /** `told`: the customer was told in the group (not in observe mode, where it is only recorded). */
  resolved: (id: string, told = true) =>
    told
      ? `✅ 投诉 ${id} 已标记为处理，已告知客户。`
      : `✅ 投诉 ${id} 已标记为处理（观察模式：只记录，没有告知客户）。`,
  /** After a note typed in a customer group (the customer read it; the bot repeats nothing of it there). */
  typedBeforeCustomers: (p: string) =>
    `提示：客户群里的人都能看到你发的内容，处理说明以后请私聊机器人发送（${p}投诉 处理 …、${p}回访 完成 …）。`,
  done: (f: FollowUp) => `✅ 回访 ${f.id}（${f.customerName}）已完成。`,
  /** A `#回访` joined the follow-up of a deal closed today for the same customer. */
  mergedWithDeal: (caseId: string) => `（已与成交案例 ${caseId} 的回访合并，按你定的日期提醒。）`,
  /** The customer is in several of the asker's customer groups: one follow-up, in the group named. */
  followUpOneGroup: (name: string, topic: string, others: number) =>
    `（${name} 还在你的另外 ${others} 个客户群里，是同一位客户：回访记在「${topic}」。）`,
  /** A `#回访` typed in a customer group: the customer reads it (and an @ pings them). */
  followUpBeforeCustomers: (p: string) =>
    `提示：客户群里的人都能看到你发的内容，@ 还会提醒客户。回访以后请私聊机器人发送：${p}回访 <客户名> 7天 [备注]。`,
} as const

/** Audit log lines (read by admins with `#审计 service`). */
export const recordText = {
  /** A deal's follow-up dropped with its case (no customer name: the case's content is erased). */
  dealDropped: (f: FollowUp, caseId: string, status: 'withdrawn' | 'deleted') =>
    `回访 ${f.id} 已取消：成交案例 ${caseId} ${status === 'withdrawn' ? '已撤回' : '已删除'}`,
  /** A follow-up staff asked for keeps going without the deal that joined it. */
  dealDetached: (f: FollowUp, caseId: string, status: 'withdrawn' | 'deleted') =>
    `回访 ${f.id} 不再关联成交案例 ${caseId}（${status === 'withdrawn' ? '已撤回' : '已删除'}），按员工安排的回访继续`,
  /** A deal's customer amended: its follow-up names the new one. */
  dealRenamed: (f: FollowUp, caseId: string) => `回访 ${f.id} 的客户随成交案例 ${caseId} 修改为 ${f.customerName}`,
  opened: (t: Ticket) =>
    `投诉 ${t.id} 登记${t.observed ? '（观察模式）' : ''}：${t.customerName}「${t.text.slice(0, 100)}」`,
  closed: (t: Ticket) => `投诉 ${t.id} 已处理：${t.resolution}`,
  joined: (t: Ticket, text: string) => `投诉 ${t.id} 客户补充：「${text.slice(0, 100)}」`,
  done: (f: FollowUp, result: string) => `回访 ${f.id} 完成：${result}`,
} as const

/** The audit record of one leaver, and the reason of their removal. */
export const leaverRecordText = (n: LeaverNotice, successor: string | undefined) =>
  `员工离职 ${n.name}：移出 ${n.removing.join('、') || '无'}；仍在 ${n.staying.join('、') || '无'}；客户群 ${n.responsibleFor.join('、') || '无'} 交给 ${successor ?? '管理员'}；转交 ${n.work.join('、') || '无'}`
export const leaverRemovedReason = (name: string) => `${name} 已离职`

/** The `#状态` line. */
export const statusText = (open: number, overdue: number, all: number, visits: number) =>
  `待处理投诉 ${open} 条（超时 ${overdue} 条），已记录 ${all} 条；待回访 ${visits} 条`

// ── Weekly report ──

/** Figures of one line of the weekly report. */
export interface WeekFigures {
  opened: number
  resolved: number
  open: number
  overdue: number
  /** Average time to resolve, formatted; undefined when none was resolved. */
  avg?: string
}

/** Sentences of the weekly complaint report. */
export const weeklyText = {
  head: (from: string, to: string) => `📊 投诉周报（${from} 至 ${to}）`,
  none: '本周没有登记投诉。',
  total: '合计',
  byPerson: '按负责人：',
  nobody: '未配置负责人',
  line: (label: string, f: WeekFigures) =>
    `${label}：登记 ${f.opened}，已处理 ${f.resolved}，未处理 ${f.open}，超时 ${f.overdue}，平均处理用时 ${f.avg ?? '—'}`,
} as const

/** What each timer of the plugin is for, as the audit log (#审计, replay) names it. */
export const timerReason = {
  remind: (id: string) => `工单 ${id}：截止前提醒负责人`,
  deadline: (id: string) => `工单 ${id}：截止时检查是否已处理`,
  followUp: (id: string) => `跟进 ${id}：到期提醒负责人`,
  leftCheck: '离职交接：稍后检查是否已移出各群',
}

import type { HelpPart } from '../../bot/core/plugin.js'
import { quoted } from '../../bot/commands/quote.js'
import { formatDuration } from '../../bot/config/duration.js'
import { botAccountText, botToMessage } from '../../bot/fleet/account-name.js'
import type { FinePolicy } from '../../bot/runtime/records/fine-policy.js'
import type { Fine } from '../../bot/runtime/records/ledger.js'
import { clockTime, dayKey, shortDateTime } from '../../bot/time/zoned.js'
import { memberStats, type MemberStats } from './stats/member-stats.js'
import { answerTiming, type Notice } from './state.js'

/** Every fixed sentence of the plugin (zh-CN), and the short ones built from a few values. */
export const T = {
  noticeDescription: '发布需要回复「收到」的通知，查看回复情况',
  noticeUsage: (p: string) =>
    `${p}通知 <内容> [截止 30分钟|15:00|明天10点] | 列表 | 详情 <编号> | 关闭 <编号> | 接受 <编号> @成员 | 统计 [天数]`,
  noticeHelp: (why: string, usage: string, p: string) =>
    `${why}\n用法：${usage}\n例如：${p}通知 今天下班前更新客户跟进记录 截止 2小时`,
  noContent: '请写上通知内容。',
  notPublishedTypo: (answer: string) => `${answer}\n（这条没有作为通知发布；如果确实要发布，请把通知内容写完整再发。）`,
  internalGroupsOnly: '请在内部工作群里发送通知。',
  noticeIdMissing: (sub: string, p: string) =>
    `请写上通知编号：${p}通知 ${sub} <编号>（编号可用 ${p}通知 列表 查看）。`,
  badStatsDays: (bad: string) => `统计的天数应为正整数，「${bad}」不是。`,
  badDeadline: (bad: string) => `无法识别截止时间「${quoted(bad)}」。`,
  deadlinePassed: (time: string) => `截止时间 ${time} 已经过了`,
  nobodyToAnswer: '本群没有需要回复的成员',
  noticeObserved: (id: string, p: string) =>
    `观察模式：通知 ${id} 没有发到群里，只记录了将要做的事（${p}审计 ack 查看）。`,
  noticeNotFound: (arg: string, p: string) => `找不到通知「${quoted(arg)}」。发送 ${p}通知 列表 查看编号。`,
  notOpen: (id: string) => `通知 ${id} 已不在进行中。`,
  closed: (n: Notice) =>
    `已关闭通知 ${n.id}：已回复 ${Object.keys(n.answers).length}/${Object.keys(n.required).length}，不再提醒和统计。`,
  acceptUsage: (id: string, p: string) =>
    `请 @ 或写出在通知 ${id} 下提交了说明的成员，例如 ${p}通知 接受 ${id} @张三（私聊写名字：${p}通知 接受 ${id} 张三）`,
  excuseAcceptedWaiver: (excuse: string) => `已接受说明：${excuse}`,
  /** `observing`: the command prefix while ack observes (the waivers are then only recorded). */
  excusesAccepted: (names: string, id: string, waived: string[], observing?: string) =>
    `已接受 ${names} 对通知 ${id} 的说明${
      !waived.length
        ? ''
        : observing === undefined
          ? `，并免除罚款 ${waived.join('、')}`
          : `；观察模式：罚款 ${waived.join('、')} 没有免除，只记录了将要做的事（${observing}审计 ack 查看）`
    }。`,
  excusesAcceptedRecord: (id: string, names: string) => `通知 ${id} 接受说明：${names}`,
  allGroups: '全部群',
  noOpenNotices: '目前没有进行中的通知。',
  privateAnswerRecorded: (id: string) => `已记录你对通知 ${id} 的回复。`,
  recalled: (id: string) => `通知 ${id} 已撤回，不再统计回复。`,
  excuseRegistered: (id: string) => `已登记你对通知 ${id} 的说明，待管理员确认；确认前仍按未回复统计。`,
  violation: (id: string) => `未按时回复通知 ${id}`,
  missedReason: (name: string, id: string) => `${name} 未在截止前回复通知 ${id}`,
  status: (open: number, all: number) => `进行中通知 ${open} 条，已记录 ${all} 条`,
  statsTitle: (days: number, label: string) => `近 ${days} 天通知回复统计（${label}）`,
  fineDescription: '查看自己的罚款；管理员查看全部、确认结清或免除',
  fineUsage: (p: string) => `${p}罚款 [全部 | 结清 <罚款编号> | 免除 <罚款编号> <原因>]`,
  /** `#帮助` of `#罚款`: everyone sees their own; admins see all, confirm a payment and waive. */
  fineHelp: (p: string): HelpPart[] => [
    { usage: `${p}罚款`, description: '查看自己的罚款' },
    { usage: `${p}罚款 全部`, roles: ['admin'], description: '查看全部' },
    { usage: `${p}罚款 结清 <罚款编号>`, roles: ['admin'], description: '确认结清' },
    { usage: `${p}罚款 免除 <罚款编号> <原因>`, roles: ['admin'], description: '免除' },
  ],
  finesAdminOnly: '⛔ 只有管理员可以查看全部罚款、确认结清或免除罚款。',
  waiveUsage: (p: string) => `用法：${p}罚款 免除 <罚款编号> <原因>，例如 ${p}罚款 免除 F3 客户现场无信号`,
  settleUsage: (p: string) => `用法：${p}罚款 结清 <罚款编号>，例如 ${p}罚款 结清 F3（核对红包或转账金额后确认）`,
  noOpenFine: (id: string) => `找不到未缴的罚款 ${quoted(id)}。`,
  /** A name where a fine's id belongs: the member's open fines and the command with the first id (`{id}` in it). */
  fineIdNeeded: (name: string, fines: { id: string; violation: string; owed: number }[], command: string) =>
    fines.length
      ? `请写罚款编号：${name} 未缴 ${fines.map(f => `${f.id}（${f.violation}，现应缴 ${f.owed} 元）`).join('、')}。例如 ${command.replace('{id}', fines[0].id)}`
      : `${name} 没有未缴的罚款。`,
  /**
   * A fine another account of the fleet recorded: only that account settles or waives it (it writes its ledger);
   * `name`: its WeChat name, as the admins know the bots.
   */
  fineElsewhere: (id: string, account: string, command: string, name?: string) =>
    `罚款 ${id} 由机器人账号 ${botAccountText(account, name)} 记录，请私聊${name ? botToMessage(account, name) : '该账号'}发送：${command}`,
  /**
   * To the member privately: an admin accepted their transfer, which covers `covered` (what each owed when it was
   * sent), but another account of the fleet holds the fines; `rest` are still owed.
   */
  receiptElsewhere: (
    amount: number,
    covered: { id: string; owed: number }[],
    rest: { id: string; owed: number }[],
    accounts: string[],
  ) =>
    `管理员已收到你的转账 ${amount} 元，够缴罚款 ${covered.map(f => `${f.id}（${f.owed} 元）`).join('、')}：由机器人账号 ${accounts.join('、')} 记录，需管理员在该账号确认后结清，${covered.length > 1 ? '这几笔' : '这笔'}不用再转账。` +
    (rest.length ? `还未缴：${rest.map(f => `${f.id}（转账时应缴 ${f.owed} 元）`).join('、')}。` : ''),
  /** To the member privately: a transfer an admin accepted that is short of the first of another account's fines. */
  receiptElsewhereShort: (amount: number, first: { id: string; owed: number }, accounts: string[]) =>
    `管理员已收到你的转账 ${amount} 元，但罚款 ${first.id}（机器人账号 ${accounts.join('、')} 记录）转账时应缴 ${first.owed} 元，还差 ${yuan(first.owed - amount)} 元，未结清。请联系管理员核对。`,
  /** To the admins: a receipt this account cannot settle, what the fines owed at the transfer, the command needed. */
  receiptElsewhereAdmins: (
    admin: string,
    topic: string | undefined,
    amount: number,
    owed: { id: string; owed: number }[],
    covered: number,
    accounts: string[],
    commands: string,
  ) =>
    `${admin}${topic ? `在「${topic}」` : ''}收下了 ${amount} 元转账，付款人未缴的罚款 ${owed.map(f => `${f.id}（转账时应缴 ${f.owed} 元）`).join('、')}由机器人账号 ${accounts.join('、')} 记录，本账号不能结清：` +
    (covered
      ? `这笔够缴${covered === owed.length ? (covered > 1 ? '全部' : '') : `最早的 ${covered} 笔`}，核对后请${commands}`
      : `这笔不够缴 ${owed[0].id}，请核对后与付款人联系（够缴后请${commands}）`),
  /** To the member privately: a red packet sent to the bot, which opens none (WeChat returns it after 24 hours). */
  redPacketToBot: (fine: Fine, owed: number) =>
    `收到你的红包，但机器人不能领取，红包会在 24 小时后自动退回给你。罚款 ${fine.id}（${fine.violation}）现应缴 ${owed} 元：请转账给管理员，管理员收款后自动结清。`,
  /** A payment to this account while the member's open fines are all another account's. */
  paymentElsewhere: (label: string, ids: string[], accounts: string[]) =>
    `这笔${label}没有抵扣罚款：你未缴的罚款 ${ids.join('、')} 由机器人账号 ${accounts.join('、')} 记录，请在该账号所在的群里转账给管理员，或请管理员核对后确认。`,
  fineWaived: (name: string, fine: Fine, reason: string) =>
    `已免除 ${name} 的罚款 ${fine.id}（${fine.violation}），原因：${reason}`,
  fineWaivedRecord: (id: string, reason: string) => `罚款 ${id} 已免除：${reason}`,
  paymentShort: (label: string, amount: number, fine: Fine, owed: number) =>
    `${label} ${amount} 元不足：罚款 ${fine.id}（${fine.violation}）现应缴 ${owed} 元，还差 ${yuan(owed - amount)} 元，未结清。请按应缴金额重新${label === '转账' ? '转账' : '发红包'}（不足的这笔不抵扣）。`,
  /** To the member privately: a transfer to the bot, which cannot accept it (WeChat returns it after 24 hours). */
  transferToBot: (amount: number | undefined, fine: Fine, owed: number) =>
    `收到你的转账${amount === undefined ? '' : ` ${amount} 元`}，但机器人不能收款，这笔钱会在 24 小时后自动退回给你。罚款 ${fine.id}（${fine.violation}）现应缴 ${owed} 元：请转账给管理员，管理员收款后自动结清。`,
  /** To the member privately: a payment whose amount the bot cannot see settles nothing yet. */
  paymentUnknown: (label: string, fine: Fine, owed: number) =>
    `收到你的${label}（金额未知）：罚款 ${fine.id}（${fine.violation}）现应缴 ${owed} 元，尚未结清，管理员核对${label}金额后会确认。`,
  /** To the admins: who paid what they cannot see, and the command that confirms it. */
  paymentUnknownAdmins: (name: string, topic: string | undefined, label: string, fine: Fine, owed: number, p: string) =>
    `${name}${topic ? `在「${topic}」` : '私聊机器人'}发了${label}（金额未知），其罚款 ${fine.id}（${fine.violation}）现应缴 ${owed} 元：核对金额后发送 ${p}罚款 结清 ${fine.id} 确认。`,
  fineSettledRecord: (label: string, id: string, owed: number) => `罚款 ${id} 已由${label}结清 ${owed} 元`,
  /** What a payment settled (oldest first), the fines still open (the next one's amount) and any amount left over. */
  fineSettled: (
    label: string,
    amount: number,
    settled: readonly { fine: Fine; owed: number }[],
    rest: { count: number; next?: { fine: Fine; owed: number } },
    over: number,
    p: string,
  ) =>
    `✅ 已收到${label} ${amount} 元：${settled.map(s => `罚款 ${s.fine.id}（${s.fine.violation}）${s.owed} 元`).join('、')}已结清。` +
    (rest.count
      ? `还有 ${rest.count} 笔未缴${rest.next ? `（${rest.next.fine.id} 现应缴 ${rest.next.owed} 元）` : ''}，发送 ${p}罚款 查看。`
      : '') +
    (over > 0 ? `多出的 ${over} 元未抵扣，请联系管理员。` : ''),
  fineConfirmed: (name: string, fine: Fine, owed: number) =>
    `已确认 ${name} 的罚款 ${fine.id}（${fine.violation}）${owed} 元已结清。`,
  fineSettleObserved: (name: string, fine: Fine, p: string) =>
    `观察模式：${name} 的罚款 ${fine.id}（${fine.violation}）没有结清，只记录了将要做的事（${p}审计 ack 查看）。`,
  fineWaiveObserved: (name: string, fine: Fine, p: string) =>
    `观察模式：${name} 的罚款 ${fine.id}（${fine.violation}）没有免除，只记录了将要做的事（${p}审计 ack 查看）。`,
  fineConfirmedRecord: (id: string, owed: number) => `罚款 ${id} 经管理员确认结清 ${owed} 元`,
}

/** An amount in yuan to the fen (no binary fractions: 10 - 9.9 is 0.1). */
function yuan(n: number): number {
  return Math.round(n * 100) / 100
}

/** Names joined with 、, cut after `max` with the total: "张三、李四…等 120 人". */
export function boundedList(items: string[], max: number): string {
  return items.length <= max ? items.join('、') : `${items.slice(0, max).join('、')}…等 ${items.length} 人`
}

/** `HH:mm` when `ms` is on the same day as `ref`, else `MM-DD HH:mm`. */
export function when(ms: number, ref: number, tz: string): string {
  return dayKey(ms, tz) === dayKey(ref, tz) ? clockTime(ms, tz) : shortDateTime(ms, tz)
}

/** The first `max` characters of a notice, on one line. */
export function snippet(text: string, max = 30): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max)}…` : line
}

/** Required members sorted into what they did, with display lines. */
export function breakdown(
  n: Notice,
): Record<'prompt' | 'reminded' | 'late' | 'excused' | 'pending' | 'silent', string[]> {
  const out = {
    prompt: [] as string[],
    reminded: [] as string[],
    late: [] as string[],
    excused: [] as string[],
    pending: [] as string[],
    silent: [] as string[],
  }
  const answered = Object.entries(n.answers).sort((a, b) => a[1].at - b[1].at)
  for (const [id, a] of answered) out[answerTiming(n, a)].push(`${n.required[id]}（${formatDuration(a.at - n.at)}）`)
  for (const [id, name] of Object.entries(n.required)) {
    if (n.answers[id]) continue
    const excuse = n.excuses[id]
    if (excuse?.acceptedBy) out.excused.push(`${name}（${snippet(excuse.text, 20)}）`)
    else if (excuse) out.pending.push(`${name}（说明：${snippet(excuse.text, 20)}）`)
    else out.silent.push(name)
  }
  return out
}

/** The confirmation posted when a notice is tracked. */
export function confirmText(n: Notice, tz: string): string {
  const count = Object.keys(n.required).length
  return `📌 已登记通知 ${n.id}（${n.authorName}发布）：请 ${count} 位同事在 ${when(n.deadline, n.at, tz)} 前回复「收到」，也可以引用通知回复。`
}

/** The merged reminder to silent members (the mentions are added by WeChat). */
export function reminderText(n: Notice, silent: number, mentioned: number, tz: string): string {
  const rest = silent > mentioned ? `（另有 ${silent - mentioned} 人未逐一 @）` : ''
  return `⏰ 通知 ${n.id}「${snippet(n.text, 20)}」将于 ${when(n.deadline, n.at, tz)} 截止，还有 ${silent} 位同事没有回复，请尽快回复「收到」${rest}`
}

/**
 * The deadline report for the author (or group/admins). `observing`: observe mode, where the fines are only
 * audited as observe-mode entries (`【观察】罚款`) and no fine exists.
 */
export function reportText(n: Notice, tz: string, max: number, finedCount: number, observing: boolean): string {
  const b = breakdown(n)
  const total = Object.keys(n.required).length
  const lines = [
    `📋 通知 ${n.id} 截止报告（${n.groupTopic}）`,
    `「${snippet(n.text, 40)}」`,
    `${when(n.at, n.at, tz)} 发布，${when(n.deadline, n.at, tz)} 截止；应回复 ${total} 人：按时 ${b.prompt.length} 人，提醒后 ${b.reminded.length} 人，未回复 ${b.silent.length + b.pending.length} 人${b.excused.length ? `，已免 ${b.excused.length} 人` : ''}。`,
    ...section('按时回复', b.prompt, max),
    ...section('提醒后回复', b.reminded, max),
    ...section('未回复', b.silent, max),
    ...section('有说明待确认', b.pending, max),
    ...section('已免', b.excused, max),
  ]
  if (finedCount)
    lines.push(
      observing
        ? `观察中：将为 ${finedCount} 人记录罚款（未记录）。`
        : `已为 ${finedCount} 人记录罚款（发送 #罚款 全部 查看）。`,
    )
  return lines.join('\n')
}

/** `#通知 详情`: who answered when, who did not, including answers after the deadline. */
export function detailText(n: Notice, tz: string, max: number): string {
  const b = breakdown(n)
  const state = { open: '进行中', reported: '已截止', closed: '已关闭', recalled: '已撤回' }[n.state]
  return [
    `通知 ${n.id}（${state}，${n.groupTopic}，${n.authorName}）`,
    `「${snippet(n.text, 60)}」`,
    `发布 ${when(n.at, n.at, tz)}，截止 ${when(n.deadline, n.at, tz)}；已回复 ${Object.keys(n.answers).length}/${Object.keys(n.required).length}`,
    ...section('按时回复', b.prompt, max),
    ...section('提醒后回复', b.reminded, max),
    ...section('截止后回复', b.late, max),
    ...section(n.state === 'open' ? '尚未回复' : '未回复', b.silent, max),
    ...section('有说明待确认', b.pending, max),
    ...section('已免', b.excused, max),
  ].join('\n')
}

/** One line of `#通知 列表`. */
export function listLine(n: Notice, tz: string): string {
  return `${n.id} ${n.groupTopic}「${snippet(n.text, 16)}」已回复 ${Object.keys(n.answers).length}/${Object.keys(n.required).length}，${when(n.deadline, n.at, tz)} 截止`
}

/** Group message to fined members: what they owe and how to pay. */
export function fineNoticeText(n: Notice, count: number, mentioned: number, p: FinePolicy): string {
  const rest = count > mentioned ? `（共 ${count} 人，另有 ${count - mentioned} 人未逐一 @）` : ''
  return `💰 被 @ 的同事未在截止前回复通知 ${n.id}，按规定记罚款${rest}，请在本群转账给管理员缴纳（管理员收款后自动结清；${fineRuleText(p)}）。`
}

/** The fine rule in words, from the ledger's policy: "2小时内 5 元，超时每 1小时加 5 元，最多 50 元". */
export function fineRuleText(p: FinePolicy): string {
  return `${formatDuration(p.windowMs)}内 ${p.base} 元，超时每 ${formatDuration(p.stepMs)}加 ${p.step} 元，最多 ${p.cap} 元`
}

function section(title: string, items: string[], max: number): string[] {
  return items.length ? [`${title}（${items.length}）：${boundedList(items, max)}`] : []
}

/** The statistics as chat text, lowest rate first, at most `max` members listed. */
export function statsText(stats: MemberStats[], title: string, noticeCount: number, max: number): string {
  if (!stats.length) return `${title}：没有已截止的通知。`
  const lines = stats.slice(0, max).map(s => {
    const rate = Math.round((100 * s.onTime) / s.required)
    const missed = s.required - s.answered
    return `${s.name}：按时 ${s.onTime}/${s.required}（${rate}%）${s.medianMs !== undefined ? `，响应中位数 ${formatDuration(s.medianMs)}` : ''}${missed ? `，未回复 ${missed} 次` : ''}`
  })
  const rest = stats.length > max ? [`…另有 ${stats.length - max} 人`] : []
  return [`📊 ${title}（${noticeCount} 条通知，${stats.length} 人）`, ...lines, ...rest].join('\n')
}

/** The group message that posts a notice given with `#通知`. */
export function noticePost(content: string, n: Notice, tz: string): string {
  return `【通知】${content}\n（${n.authorName}发布，编号 ${n.id}；请 ${Object.keys(n.required).length} 位同事在 ${when(n.deadline, n.at, tz)} 前回复「收到」）`
}

/** `#通知 列表`: the open notices, oldest first, at most `max` listed. */
export function listText(open: Notice[], tz: string, max: number): string {
  if (!open.length) return T.noOpenNotices
  const rest = open.length > max ? [`…另有 ${open.length - max} 条`] : []
  return [`进行中的通知（${open.length}）：`, ...open.slice(0, max).map(n => listLine(n, tz)), ...rest].join('\n')
}

/**
 * `#罚款`: a member's open fines (with what each owes now) and what they paid; `elsewhere`: the other accounts of the
 * fleet that recorded some of them (a payment to this account does not settle those), each with its WeChat name when it
 * wrote one: the id suffix (`@sales1`) is what the fines are numbered by, the name what the member knows the bot by.
 */
export function ownFinesText(
  open: { fine: Fine; owed: number }[],
  paid: Fine[],
  policy: FinePolicy,
  tz: string,
  max: number,
  elsewhere: { account: string; name?: string }[] = [],
): string {
  const paidText = paid.length
    ? `已缴 ${paid.length} 笔，共 ${paid.reduce((s, f) => s + (f.settled?.amount ?? 0), 0)} 元。`
    : ''
  if (!open.length) return `你没有未缴的罚款。${paidText}`
  const total = open.reduce((s, f) => s + f.owed, 0)
  const lines = open
    .slice(0, max)
    .map(({ fine, owed }) => `${fine.id} ${fine.violation}（${shortDateTime(fine.at, tz)}），现应缴 ${owed} 元`)
  return [
    `你有 ${open.length} 笔未缴罚款，共 ${total} 元：`,
    ...lines,
    `在内部工作群转账给管理员即可缴纳：管理员收款后，从最早的一笔起，金额够几笔结清几笔；发红包时由管理员核对后确认（${fineRuleText(policy)}）。`,
    elsewhere.length
      ? `编号带 @${elsewhere.map(e => e.account).join('、@')} 的罚款由机器人账号 ${elsewhere.map(e => botAccountText(e.account, e.name)).join('、')} 记录，请在该账号所在的群里转账给管理员。`
      : '',
    paidText,
  ]
    .filter(Boolean)
    .join('\n')
}

/** One member's open fines in `#罚款 全部`. */
export interface MemberFines {
  name: string
  count: number
  owed: number
  ids: string[]
}

/** `#罚款 全部`: everyone with open fines, most owed first, at most `max` listed. */
export function allFinesText(members: MemberFines[], max: number): string {
  if (!members.length) return '目前没有未缴的罚款。'
  const rows = [...members].sort((a, b) => b.owed - a.owed)
  const total = rows.reduce((s, m) => s + m.owed, 0)
  const lines = rows
    .slice(0, max)
    .map(
      m =>
        `${m.name}：${m.count} 笔，现应缴 ${m.owed} 元（${m.ids.slice(0, 5).join('、')}${m.ids.length > 5 ? '…' : ''}）`,
    )
  const rest = rows.length > max ? [`…另有 ${rows.length - max} 人`] : []
  return [`未缴罚款 ${rows.length} 人，共 ${total} 元：`, ...lines, ...rest].join('\n')
}

/** The statistics text of `notices` posted in the `days` before `now`, titled with `label` (a group topic). */
export function periodStats(notices: Notice[], label: string, days: number, now: number, max: number): string {
  const from = now - days * 86_400_000
  const counted = notices.filter(n => n.state === 'reported' && n.at >= from && n.at < now).length
  return statsText(memberStats(notices, from, now), T.statsTitle(days, label), counted, max)
}

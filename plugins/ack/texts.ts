import { formatDuration } from '../../bot/config/duration.js'
import type { FinePolicy } from '../../bot/runtime/records/fine-policy.js'
import { clockTime, dayKey, shortDateTime } from '../../bot/time/zoned.js'
import { answerTiming, type Notice } from './notice.js'

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

/** The deadline report for the author (or group/admins). */
export function reportText(n: Notice, tz: string, max: number, finedCount: number): string {
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
  if (finedCount) lines.push(`已为 ${finedCount} 人记录罚款（发送 #罚款 全部 查看）。`)
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
  return `💰 被 @ 的同事未在截止前回复通知 ${n.id}，按规定记罚款${rest}，请在本群发红包缴纳（${fineRuleText(p)}）。`
}

/** The fine rule in words, from the ledger's policy: "2小时内 5 元，超时每 1小时加 5 元，最多 50 元". */
export function fineRuleText(p: FinePolicy): string {
  return `${formatDuration(p.windowMs)}内 ${p.base} 元，超时每 ${formatDuration(p.stepMs)}加 ${p.step} 元，最多 ${p.cap} 元`
}

function section(title: string, items: string[], max: number): string[] {
  return items.length ? [`${title}（${items.length}）：${boundedList(items, max)}`] : []
}

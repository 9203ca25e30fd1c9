import { formatDuration } from '../../bot/config/duration.js'
import { clockTime, dayKey, shortDateTime } from '../../bot/time/zoned.js'
import type { Ticket } from './state.js'

/** `HH:mm` when `ms` falls on the same day as `ref`, else `MM-DD HH:mm`. */
export function when(ms: number, ref: number, tz: string): string {
  return dayKey(ms, tz) === dayKey(ref, tz) ? clockTime(ms, tz) : shortDateTime(ms, tz)
}

function quoted(t: Ticket): string {
  return `「${t.groupTopic}」客户 ${t.customerName}：「${t.text.slice(0, 200)}」`
}

/** The private notice to the responsible salesperson when a ticket opens. */
export function openedText(t: Ticket, tz: string, prefix: string): string {
  return [
    `📣 新投诉 ${t.id}：${quoted(t)}`,
    `请在 ${when(t.deadline, t.at, tz)} 前处理，处理后发送 ${prefix}投诉 处理 ${t.id} <处理说明>。`,
  ].join('\n')
}

/** To the admins when a customer group has nobody responsible. */
export function unassignedText(t: Ticket, tz: string): string {
  return `📣 新投诉 ${t.id}：${quoted(t)}\n本群没有配置负责员工（service.responsible），请安排人在 ${when(t.deadline, t.at, tz)} 前处理。`
}

/** The private reminder before the deadline. */
export function reminderText(t: Ticket, tz: string, prefix: string, now: number): string {
  return `⏰ 投诉 ${t.id} 将在 ${when(t.deadline, now, tz)} 到期，还没有处理：${quoted(t)}\n处理后发送 ${prefix}投诉 处理 ${t.id} <处理说明>。`
}

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

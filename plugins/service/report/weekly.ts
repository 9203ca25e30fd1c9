import { formatDuration } from '../../../bot/config/duration.js'
import { dayKey } from '../../../bot/time/zoned.js'
import type { Ticket } from '../state.js'

const WEEK = 7 * 86_400_000

/**
 * The weekly complaint report: tickets opened in the last 7 days (observed ones left out), how many were
 * resolved and overdue, and the average time to resolve per salesperson.
 */
export function weeklyReport(tickets: Ticket[], now: number, tz: string, nameOf: (id: string) => string): string {
  const week = tickets.filter(t => !t.observed && t.at > now - WEEK && t.at <= now)
  const head = `📊 投诉周报（${dayKey(now - WEEK + 1, tz)} 至 ${dayKey(now, tz)}）`
  if (!week.length) return `${head}\n本周没有登记投诉。`
  const line = (label: string, list: Ticket[]) => {
    const resolved = list.filter(t => t.state === 'resolved' && t.resolvedAt !== undefined)
    const avg = resolved.length
      ? formatDuration(resolved.reduce((s, t) => s + (t.resolvedAt as number) - t.at, 0) / resolved.length)
      : '—'
    const overdue = list.filter(t => t.overdueAt !== undefined).length
    const open = list.length - resolved.length
    return `${label}：登记 ${list.length}，已处理 ${resolved.length}，未处理 ${open}，超时 ${overdue}，平均处理用时 ${avg}`
  }
  const byPerson = new Map<string, Ticket[]>()
  for (const t of week)
    for (const id of t.responsible.length ? t.responsible : ['']) byPerson.set(id, [...(byPerson.get(id) ?? []), t])
  const people = [...byPerson.entries()]
    .map(([id, list]) => ({ name: id ? nameOf(id) : '未配置负责人', list }))
    .sort((a, b) => b.list.length - a.list.length || a.name.localeCompare(b.name))
  return [head, line('合计', week), '按负责人：', ...people.map(p => `· ${line(p.name, p.list)}`)].join('\n')
}

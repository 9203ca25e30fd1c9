import { formatDuration } from '../../../bot/config/duration.js'
import { shortDateTime } from '../../../bot/time/zoned.js'
import type { Ticket } from '../state.js'
import { weeklyText } from '../texts.js'

const WEEK = 7 * 86_400_000

/**
 * The weekly complaint report: tickets opened in the last 7 days (observed ones left out), how many were
 * resolved and overdue, and the average time to resolve per salesperson (whoever holds the ticket now).
 */
export function weeklyReport(tickets: Ticket[], now: number, tz: string, nameOf: (id: string) => string): string {
  const week = tickets.filter(t => !t.observed && t.at > now - WEEK && t.at <= now)
  // The last 7 × 24 hours: from this hour a week ago (a date range would read as 8 days).
  const head = weeklyText.head(shortDateTime(now - WEEK, tz), shortDateTime(now, tz))
  if (!week.length) return `${head}\n${weeklyText.none}`
  const line = (label: string, list: Ticket[]) => {
    const resolved = list.filter(t => t.state === 'resolved' && t.resolvedAt !== undefined)
    const avg = resolved.length
      ? formatDuration(resolved.reduce((s, t) => s + (t.resolvedAt as number) - t.at, 0) / resolved.length)
      : undefined
    return weeklyText.line(label, {
      opened: list.length,
      resolved: resolved.length,
      open: list.length - resolved.length,
      overdue: list.filter(t => t.overdueAt !== undefined).length,
      avg,
    })
  }
  const byPerson = new Map<string, Ticket[]>()
  for (const t of week)
    for (const id of t.responsible.length ? t.responsible : ['']) byPerson.set(id, [...(byPerson.get(id) ?? []), t])
  const people = [...byPerson.entries()]
    .map(([id, list]) => ({ name: id ? nameOf(id) : weeklyText.nobody, list }))
    .sort((a, b) => b.list.length - a.list.length || a.name.localeCompare(b.name))
  return [
    head,
    line(weeklyText.total, week),
    weeklyText.byPerson,
    ...people.map(p => `· ${line(p.name, p.list)}`),
  ].join('\n')
}

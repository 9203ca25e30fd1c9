import type { Action } from '../../../bot/core/actions.js'
import type { FollowUp, Ticket } from '../state.js'
import { dailyReportText } from '../texts.js'

/**
 * The daily admin report: open tickets past their deadline and open follow-ups past their day (observed ones
 * left out); nothing when there is none.
 */
export function dailyReportActions(
  tickets: Ticket[],
  followUps: FollowUp[],
  now: number,
  tz: string,
  names: (ids: string[]) => string,
): Action[] {
  const late = tickets.filter(t => t.state === 'open' && !t.observed && t.deadline < now)
  const visits = followUps.filter(f => f.state === 'open' && !f.observed && f.due < now)
  const text = dailyReportText(late, visits, now, tz, names)
  return text ? [{ type: 'notifyAdmins', text, rule: 'service.daily-report' }] : []
}

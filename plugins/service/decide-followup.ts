import { asRehearsal, type Action } from '../../bot/core/actions.js'
import type { WorkCalendar } from '../../bot/time/workdays.js'
import { addDays, dayKey, zonedInstant } from '../../bot/time/zoned.js'
import type { FollowUp } from './state.js'
import { followUpReminderText, followUpUnassignedText, timerReason, unnamedDealCustomer } from './texts.js'

/** The instant `time` on the `n`th working day after the day of `from` (weekends and holidays skipped). */
export function afterWorkdays(from: number, n: number, time: string, tz: string, cal: WorkCalendar): number {
  let day = dayKey(from, tz)
  for (let left = n; left > 0; ) {
    day = addDays(day, 1)
    if (cal.isWorkday(day)) left--
  }
  return zonedInstant(day, time, tz)
}

/** The reminder timer of a follow-up. */
export function followUpTimer(f: FollowUp): Action {
  return {
    type: 'schedule',
    key: `followup:${f.id}`,
    at: f.due,
    payload: { id: f.id },
    rule: 'service.schedule',
    reason: timerReason.followUp(f.id),
    groupId: f.groupId,
  }
}

/** When a follow-up falls due: remind the responsible people privately (nobody left: the admins). */
export function followUpReminder(f: FollowUp, prefix: string): Action[] {
  if (f.state !== 'open') return []
  const actions: Action[] = f.responsible.length
    ? f.responsible.map(id => ({
        type: 'remind',
        to: { contact: id },
        text: followUpReminderText(f, prefix),
        rule: 'service.followup-reminder',
        groupId: f.groupId,
        memberId: id,
      }))
    : [
        {
          type: 'notifyAdmins',
          text: followUpUnassignedText(f, prefix),
          rule: 'service.followup-reminder',
          groupId: f.groupId,
        },
      ]
  return f.observed ? asRehearsal(actions) : actions
}

/**
 * The customer a deal names: its 客户 field without the remark in brackets (`刘总（南宁某连锁餐饮）` → `刘总`); none
 * (a free-text `#成交`): `成交客户（C1）`, not its first line.
 */
export function dealCustomer(customer: string | undefined, caseId: string): { name: string; named: boolean } {
  const name = customer
    ?.split(/[（(，,]/)[0]
    .trim()
    .slice(0, 40)
  return name ? { name, named: true } : { name: unnamedDealCustomer(caseId), named: false }
}

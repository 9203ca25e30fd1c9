import type { Role } from '../../bot/core/event.js'

const PRIVILEGED: Role[] = ['admin', 'leader', 'trainer', 'editor', 'approver']

/** Facts about one message in a broadcast group. */
export interface BroadcastReply {
  senderRoles: Role[]
  /** The message reports a campaign share (those are wanted). */
  isShareReport: boolean
  at: number
  /** When this plugin last published in the group today, if it did. */
  publishedTodayAt?: number
  /** When the group last got the reminder. */
  lastRemindedAt?: number
  throttleMs: number
}

/**
 * True when an ordinary member answered after today's post in a broadcast
 * group and the group has not been reminded within the throttle.
 */
export function broadcastReminderDue(r: BroadcastReply): boolean {
  if (r.isShareReport || r.senderRoles.some(x => PRIVILEGED.includes(x))) return false
  if (r.publishedTodayAt === undefined || r.at < r.publishedTodayAt) return false
  return r.lastRemindedAt === undefined || r.at - r.lastRemindedAt >= r.throttleMs
}

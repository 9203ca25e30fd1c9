import type { Action } from '../../bot/core/actions.js'
import type { GroupRef } from '../../bot/core/event.js'
import { dayKey, zonedInstant } from '../../bot/time/zoned.js'
import { publishActions } from './media/content.js'
import { ANY_DAY_WORD } from './parse/post-args.js'
import { weekdayOf } from '../../bot/time/time-args.js'
import { previousWorkday, windowOpenOn, type ScheduleContext } from './schedule/posting-window.js'
import type { QueuedPost } from './state.js'
import { POST_STATUS_LABEL, T } from './texts.js'

/** Timer keys of a post: publication, and the day-before notice while unapproved. */
export const postTimer = {
  publish: (id: string) => `post:${id}`,
  notice: (id: string) => `post-notice:${id}`,
}

/** Check a new post: not in the past, a workday unless asked, inside the window, one post per day. */
export function validateNewPost(
  day: string,
  time: string,
  anyDay: boolean,
  posts: QueuedPost[],
  now: number,
  s: ScheduleContext,
): string | undefined {
  if (day < dayKey(now, s.tz)) return T.dayPast(day)
  if (!anyDay && !s.calendar.isWorkday(day)) {
    return T.notWorkday(day, weekdayOf(day, s.tz) % 6 === 0, ANY_DAY_WORD)
  }
  if (time < s.window.start || time >= s.window.end) return T.outsideWindow(s.window.start, s.window.end)
  if (zonedInstant(day, time, s.tz) <= now) return T.timePast(day, time)
  const taken = posts.find(p => p.day === day && ['pending', 'approved', 'published'].includes(p.status))
  return taken ? T.dayTaken(day, taken.id, POST_STATUS_LABEL[taken.status]) : undefined
}

/** Approve a pending post; returns why not otherwise. Mutates the post. */
export function approvePost(post: QueuedPost, by: string, now: number): string | undefined {
  if (post.status !== 'pending') return T.cannotApprove(post.id, POST_STATUS_LABEL[post.status])
  if (post.editor === by) return T.ownPost(post.id)
  Object.assign(post, { status: 'approved', decidedBy: by, decidedAt: now })
  return undefined
}

/** Reject a pending or approved (not yet published) post with a reason. Mutates the post. */
export function rejectPost(post: QueuedPost, by: string, reason: string, now: number): string | undefined {
  if (post.status !== 'pending' && post.status !== 'approved')
    return T.cannotReject(post.id, POST_STATUS_LABEL[post.status])
  if (!reason.trim()) return T.rejectReasonMissing
  Object.assign(post, { status: 'rejected', decidedBy: by, decidedAt: now, reason: reason.trim() })
  return undefined
}

/** What happens when a post's time comes (or, after a restart, when its timer fires late). */
export function postDueOutcome(
  post: QueuedPost,
  now: number,
  s: ScheduleContext,
): 'publish' | 'missed' | 'unapproved' | 'none' {
  if (post.status === 'pending') return 'unapproved'
  if (post.status !== 'approved') return 'none'
  return windowOpenOn(post.day, now, s) ? 'publish' : 'missed'
}

/** When to tell the editor that a post is still unapproved: the previous workday at `noticeAt`, if still ahead. */
export function noticeInstant(day: string, noticeAt: string, now: number, s: ScheduleContext): number | undefined {
  const at = zonedInstant(previousWorkday(day, s.calendar), noticeAt, s.tz)
  return at > now ? at : undefined
}

/** Timers a new post needs: publication, and the notice while unapproved. */
export function postTimers(post: QueuedPost, noticeAt: number | undefined, publishAt: number): Action[] {
  const out: Action[] = [
    {
      type: 'schedule',
      key: postTimer.publish(post.id),
      at: publishAt,
      rule: 'queue.publish-timer',
      reason: T.timerReason.publish(post.id),
    },
  ]
  if (noticeAt !== undefined)
    out.push({
      type: 'schedule',
      key: postTimer.notice(post.id),
      at: noticeAt,
      rule: 'queue.notice-timer',
      reason: T.timerReason.notice(post.id),
    })
  return out
}

/** What a post's publication timer reads besides the post. */
export interface PublishInputs {
  now: number
  sched: ScheduleContext
  /** The image may be sent (it is in the media folder or among the received images). */
  mediaAllowed(path: string): boolean
  /** The queue's target groups the bot is in, and the named ones it is not in. */
  groups: GroupRef[]
  missingNames: string[]
  admins: string[]
}

/**
 * A post's publication timer (also late, after a restart, while the window is still open): publish an
 * approved post, or report it unapproved or missed. `changed`: the post changed and must be persisted
 * before the sends leave, so nothing goes out twice.
 */
export function decidePublish(post: QueuedPost, x: PublishInputs): { actions: Action[]; changed: boolean } {
  const outcome = postDueOutcome(post, x.now, x.sched)
  if (outcome === 'none') return { actions: [], changed: false }
  if (outcome === 'unapproved') {
    post.status = 'unapproved'
    return { actions: [tell(post.editor, T.postUnapproved(post), 'queue.unapproved')], changed: true }
  }
  if (outcome === 'missed') return missed(post, T.botOffline, x.admins)
  // Posts stored before images were confined may name any path: never send one from outside the media.
  if (post.content.image && !x.mediaAllowed(post.content.image)) return missed(post, T.imageNotAllowed, x.admins)
  if (!x.groups.length) return missed(post, T.noQueueTarget, x.admins)
  Object.assign(post, { status: 'published', publishedAt: x.now })
  const actions = x.groups.flatMap(g =>
    publishActions(g, post.content.text, post.content, 'queue.publish', T.postReason(post.id)),
  )
  if (x.missingNames.length)
    actions.push({
      type: 'notifyAdmins',
      text: T.queueTargetsMissing(post.id, x.missingNames),
      rule: 'queue.target-missing',
    })
  return { actions, changed: true }
}

/** The notice timer: the post is still unapproved the workday before; tell its editor and the approvers. */
export function decideNotice(
  post: QueuedPost | undefined,
  x: { now: number; tz: string; prefix: string; approvers: string[] },
): Action[] {
  // A notice firing late (after a restart) past the post's time is superseded by the publication timer.
  if (post?.status !== 'pending' || x.now >= zonedInstant(post.day, post.time, x.tz)) return []
  return [
    tell(post.editor, T.pendingEditor(post), 'queue.pending-notice'),
    ...x.approvers
      .filter(a => a !== post.editor)
      .map(a => tell(a, T.pendingApprover(post, x.prefix), 'queue.pending-notice')),
  ]
}

function missed(post: QueuedPost, why: string, admins: string[]): { actions: Action[]; changed: boolean } {
  Object.assign(post, { status: 'missed', reason: why })
  const text = T.postMissed(post, why)
  const actions: Action[] = [{ type: 'notifyAdmins', text, rule: 'queue.missed' }]
  if (!admins.includes(post.editor)) actions.push(tell(post.editor, text, 'queue.missed'))
  return { actions, changed: true }
}

function tell(contact: string, text: string, rule: string): Action {
  return { type: 'say', to: { contact }, text, rule, memberId: contact }
}

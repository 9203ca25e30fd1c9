import type { Action } from '../../../bot/core/actions.js'
import type { CommandInvocation } from '../../../bot/core/plugin.js'
import { nearDay, zonedInstant } from '../../../bot/time/zoned.js'
import type { CampaignCommandDeps } from './deps.js'
import { approvePost, noticeInstant, postTimer, postTimers, rejectPost, validateNewPost } from '../decide-post.js'
import { groupNames, resolveTargets } from '../groups/targets.js'
import { preview } from '../media/content.js'
import { imageUnavailable, MediaLibrary } from '../media/library.js'
import { parsePostArgs, weekRange } from '../parse/post-args.js'
import { dayLabel } from '../../../bot/time/time-args.js'
import type { QueuedPost } from '../state.js'
import { POST_STATUS_LABEL, T } from '../texts.js'

/** `#排期 添加`. */
export function addPost(d: CampaignCommandDeps, inv: CommandInvocation, args: string): Action[] {
  const { ctx, state, sched } = d
  const now = ctx.clock.now()
  const fail = (why: string) => [inv.reply(T.addFailed(why, ctx.commandPrefix))]
  const parsed = parsePostArgs(args, now, ctx.timezone)
  if (!parsed.ok) return fail(parsed.error)
  const { day, anyDay, body, image } = parsed.req
  const time = parsed.req.time ?? sched.window.postAt
  // One post a day fleet-wide: the other accounts' queued posts count too.
  const invalid = validateNewPost(day, time, anyDay, d.queue.all(), now, sched)
  if (invalid) return fail(invalid)
  const where = queueWhere(d)
  if (!where) return fail(T.noQueueTargetConfigured)
  const picked =
    image !== undefined || MediaLibrary.quotesImage(inv.event) ? d.media.pick(image ?? '', inv.event) : undefined
  if (picked && !picked.ok) return fail(imageUnavailable(ctx.commandPrefix))
  const post = state.addPost({
    day,
    time,
    content: { text: body, image: picked?.path },
    anyDay,
    editor: inv.event.sender.id,
    editorName: ctx.displayName(inv.event.sender),
    createdAt: now,
    status: 'pending',
  })
  state.touch()
  const timers = postTimers(
    post,
    noticeInstant(day, ctx.configFor().queue.noticeAt, now, sched),
    zonedInstant(day, time, ctx.timezone),
  )
  return [inv.reply(T.postAdded(post.id, `${dayLabel(day, now, ctx.timezone)} ${time}`, where)), ...timers]
}

function line(post: QueuedPost, now: number, tz: string): string {
  return `#${post.id} ${dayLabel(post.day, now, tz)} ${post.time} ${POST_STATUS_LABEL[post.status]} ${preview(post.content)}`
}

/**
 * `#排期 列表 [下周]`: the week's posts, then the later ones still awaiting review or publication (a post queued
 * for after the week is what `#状态` counts as 待审核 / 待发布 too).
 */
export function listWeek(d: CampaignCommandDeps, next: boolean): string {
  const tz = d.ctx.timezone
  const now = d.ctx.clock.now()
  const [from, to] = weekRange(now, tz, next)
  const all = d.queue.all()
  const posts = all.filter(x => x.day >= from && x.day <= to)
  const later = all.filter(x => x.day > to && (x.status === 'pending' || x.status === 'approved'))
  const title = T.weekTitle(next, weekDay(from, to, now, tz), weekDay(to, from, now, tz))
  return [
    ...(posts.length ? [title, ...posts.map(x => line(x, now, tz))] : [T.weekEmpty(title)]),
    ...(later.length ? [T.laterHead, ...later.map(x => line(x, now, tz))] : []),
  ].join('\n')
}

/**
 * One end of a week's title: as `nearDay` shows a day (`12-29`; `2027-01-04` in another year), whole when the week
 * spans two years (`2026-12-28–2027-01-03`), so neither end hides its year.
 */
function weekDay(day: string, other: string, now: number, tz: string): string {
  return day.slice(0, 4) === other.slice(0, 4) ? nearDay(day, now, tz) : day
}

/**
 * The pending posts, and each post's image itself right after the list: approvers see exactly what will go out,
 * where the list goes (privately when asked in a group customers read).
 */
export function pendingList(d: CampaignCommandDeps, inv: CommandInvocation): Action[] {
  const pending = d.queue.all().filter(x => x.status === 'pending')
  if (!pending.length) return [inv.reply(T.nothingPending)]
  const p = d.ctx.commandPrefix
  const list = inv.reply(
    [
      T.pendingHead(pending.length),
      ...pending.map(x => T.pendingLine(line(x, d.ctx.clock.now(), d.ctx.timezone), x)),
      T.pendingHint(p),
    ].join('\n'),
  )
  const images: Action[] = []
  for (const post of pending) {
    if (!post.content.image) continue
    if (!d.media.allowed(post.content.image)) {
      images.push(inv.reply(T.pendingImageRefused(post.id)))
      continue
    }
    images.push(inv.reply(T.pendingImage(post.id)), inv.replyFile(post.content.image))
  }
  return [list, ...images]
}

/** `#排期 素材`. */
export function mediaList(d: CampaignCommandDeps): string {
  const names = d.media.names(d.listDir)
  if (!names.length) return T.mediaEmpty
  const shown = names.slice(0, 50)
  return [T.mediaHead(names.length), ...shown, ...(names.length > shown.length ? ['…'] : [])].join('\n')
}

/** `#排期 通过|驳回 <编号>`. */
export function decidePost(
  d: CampaignCommandDeps,
  inv: CommandInvocation,
  approve: boolean,
  id: string,
  reason: string,
): Action[] {
  const { ctx, state } = d
  const post = id ? d.queue.get(id) : undefined
  if (!post) return [inv.reply(id ? T.noSuchPost(id) : T.postIdMissing(ctx.commandPrefix, approve))]
  const by = inv.event.sender.id
  const now = ctx.clock.now()
  // Another account's post: recorded here for its owner, whose timers find it decided (nothing to cancel here).
  const error = post.account
    ? d.queue.decideForeign(post, approve, by, reason, now)
    : approve
      ? approvePost(post, by, now)
      : rejectPost(post, by, reason, now)
  if (error) return [inv.reply(`❌ ${error}`)]
  state.touch()
  const who = ctx.displayName(inv.event.sender)
  const when = `${dayLabel(post.day, now, ctx.timezone)} ${post.time}`
  const editorText = approve
    ? T.editorApproved(post.id, when, who)
    : T.editorRejected(post.id, when, who, post.reason ?? '')
  const out: Action[] = [
    inv.reply(approve ? T.approved(post.id, when, queueWhere(d)) : T.rejected(post.id, post.editorName)),
    {
      type: 'say',
      to: { contact: post.editor },
      text: editorText,
      rule: approve ? 'queue.approved' : 'queue.rejected',
      memberId: post.editor,
    },
  ]
  if (!approve && !post.account)
    out.push(
      { type: 'cancel', key: postTimer.publish(post.id), rule: 'queue.rejected' },
      { type: 'cancel', key: postTimer.notice(post.id), rule: 'queue.rejected' },
    )
  return out
}

/** Where the daily post goes now, for replies. */
function queueWhere(d: CampaignCommandDeps): string {
  return groupNames(resolveTargets(d.ctx.configFor().queue.targets, d.ctx.directory.groups()).groups)
}

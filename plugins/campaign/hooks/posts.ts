import type { Action } from '../../../bot/core/actions.js'
import { decideNotice, decidePublish } from '../decide-post.js'
import { resolveTargets } from '../groups/targets.js'
import type { FleetPosts } from '../fleet/fleet-posts.js'
import { publishActions } from '../media/content.js'
import { T } from '../texts.js'
import type { CampaignHub } from './hub.js'

/** A post's publication timer. State is saved before the sends are returned, so nothing goes out twice. */
export async function publish(h: CampaignHub, id: string): Promise<Action[]> {
  const { ctx, state, media } = h
  const post = state.post(id)
  if (!post) return []
  const now = ctx.clock.now()
  const { groups, missingNames } = resolveTargets(ctx.configFor().queue.targets, ctx.directory.groups())
  const { actions, changed } = decidePublish(post, {
    now,
    sched: h.sched,
    mediaAllowed: p => media.allowed(p),
    groups,
    missingNames,
    admins: ctx.membersWithRole('admin'),
  })
  if (!changed) return []
  if (post.status === 'published')
    state.notePublished(
      groups.map(g => g.id),
      now,
    )
  await state.save()
  return actions
}

/** A post's notice timer (the workday before, while unapproved). */
export function notice(h: CampaignHub, id: string): Action[] {
  const { ctx } = h
  const x = { now: ctx.clock.now(), tz: ctx.timezone, prefix: ctx.commandPrefix }
  return decideNotice(h.state.post(id), { ...x, approvers: ctx.membersWithRole('approver') })
}

/**
 * Fleet mode, every minute of the posting window: other accounts' posts due now go out in the queue's target
 * groups this account acts in (the runtime drops the rest: their holders publish there), so a target group
 * another account holds, or took over from a post's owner that is down, gets the post once. Recorded before the
 * sends leave, like a publication.
 */
export async function relayForeignPosts(h: CampaignHub, queue: FleetPosts, now: number): Promise<Action[]> {
  const due = queue.dueForeign(now, h.sched)
  if (!due.length) return []
  const { ctx, media, state } = h
  const { groups } = resolveTargets(ctx.configFor().queue.targets, ctx.directory.groups())
  const actions: Action[] = []
  for (const post of due) {
    queue.noteRelayed(post.id, now)
    if (post.content.image && !media.allowed(post.content.image)) {
      ctx.log.warn(`post #${post.id}: its image is not in this account's media, left to its owner`)
      continue
    }
    actions.push(
      ...groups.flatMap(g =>
        publishActions(g, post.content.text, post.content, 'queue.publish', T.postReason(post.id)),
      ),
    )
  }
  await state.save()
  return actions
}

import type { Action } from '../../../bot/core/actions.js'
import { decideNotice, decidePublish } from '../decide-post.js'
import { resolveTargets } from '../groups/targets.js'
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

import type { Action } from '../../../bot/core/actions.js'
import { decideAnnouncements, decideFinish, decideProofExpired, decideReminder } from '../decide-campaign.js'
import type { GroupProgress } from '../report/share-count.js'
import type { Campaign } from '../state.js'
import { T } from '../texts.js'
import type { CampaignHub } from './hub.js'

// The campaign hooks: each reads what its decision needs from the ports (members, observe mode, the
// clock), decides, and persists the campaigns before the sends leave.

/** Who is expected in each group the campaign was announced to (current members). */
export function progress(h: CampaignHub, c: Campaign): Promise<GroupProgress[]> {
  const { ctx } = h
  const who = ctx.configFor().participation.who
  return Promise.all(
    Object.entries(c.announced).map(async ([groupId, { name }]) => {
      const present = ctx.directory.group(groupId)
      const members = present ? await ctx.directory.members(groupId) : []
      const expected = members
        .filter(m => who === 'all' || ctx.rolesOf(m.id).length > 0)
        .map(m => ({ id: m.id, name: ctx.displayName(m) }))
      return { groupId, name: present ? name : T.botLeftGroup(name), expected }
    }),
  )
}

/** The window job: announce due campaigns; report those whose deadline passed unannounced. */
export async function announce(h: CampaignHub, now: number): Promise<Action[]> {
  const { ctx, state, media } = h
  const { actions, publishedIn } = decideAnnouncements(state.campaigns(), {
    now,
    cfg: ctx.configFor(),
    sched: h.sched,
    groups: ctx.directory.groups(),
    observing: ctx.observing,
    mediaAllowed: p => media.allowed(p),
  })
  state.notePublished(publishedIn, now)
  if (actions.length) await state.save()
  return actions
}

/** The reminder timer. */
export async function remind(h: CampaignHub, id: string): Promise<Action[]> {
  const { ctx, state } = h
  const c = state.campaign(id)
  const now = ctx.clock.now()
  if (c?.status !== 'announced' || now >= c.deadline) return [] // spares the member lookups
  const phrase = ctx.configFor().participation.phrases[0]
  return decideReminder(c, await progress(h, c), state.participation(id).data.done, phrase, ctx.timezone, now)
}

/** The deadline timer or `#活动 结束` (`early`). */
export async function finish(h: CampaignHub, id: string, early: boolean): Promise<Action[]> {
  const { ctx, state } = h
  const c = state.campaign(id)
  if (c?.status !== 'announced') return []
  const groups = await progress(h, c)
  const done = state.participation(id).data.done
  const x = { early, now: ctx.clock.now(), tz: ctx.timezone, violation: ctx.configFor().violation }
  const actions = decideFinish(c, groups, done, x)
  await state.save()
  return actions
}

/** The proof timer of one member's claim. */
export function proofExpired(h: CampaignHub, id: string, memberId: string): Action[] {
  const part = h.state.participation(id)
  const phrase = h.ctx.configFor().participation.phrases[0]
  const { actions, changed } = decideProofExpired(h.state.campaign(id), part.data, memberId, phrase)
  if (changed) part.changed()
  return actions
}

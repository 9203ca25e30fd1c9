import type { Action } from '../../../bot/core/actions.js'
import type { CommandInvocation } from '../../../bot/core/plugin.js'
import { dayKey } from '../../../bot/time/zoned.js'
import type { CampaignCommandDeps } from './deps.js'
import { groupNames, parseTargetWords, resolveTargets } from '../groups/targets.js'
import { contentFromChat } from '../media/content.js'
import { imageUnavailable, MediaLibrary } from '../media/library.js'
import { parseNewCampaign } from '../parse/campaign-args.js'
import { parseDeadline } from '../../../bot/time/time-args.js'
import { countShares } from '../report/share-count.js'
import { nextPostingSlot } from '../schedule/posting-window.js'
import { statusAt, type Campaign } from '../state.js'
import { countLine, progressReport, T } from '../texts.js'

/** `#活动 新建`. */
export function createCampaign(d: CampaignCommandDeps, inv: CommandInvocation, args: string): Action[] {
  const { ctx, state, sched } = d
  const cfg = ctx.configFor()
  const fail = (why: string) => [inv.reply(T.createFailed(why, ctx.commandPrefix))]
  const parsed = parseNewCampaign(args)
  if (!parsed.ok) return fail(parsed.error)
  const { title, body, deadline, targets: targetText, image } = parsed.value
  const now = ctx.clock.now()
  const when = parseDeadline(deadline, now, ctx.timezone, cfg.defaultDeadlineTime)
  if (!when.ok) return fail(when.error)
  const groups = ctx.directory.groups()
  const chosen = targetText ? parseTargetWords(targetText, groups) : { targets: cfg.defaultTargets, unknown: [] }
  if (chosen.unknown.length) return fail(T.unknownTargets(chosen.unknown))
  const resolved = resolveTargets(chosen.targets, groups)
  if (!resolved.groups.length) return fail(T.noMatchingTarget)
  const picked =
    image !== undefined || MediaLibrary.quotesImage(inv.event) ? d.media.pick(image ?? '', inv.event) : undefined
  if (picked && !picked.ok) return fail(imageUnavailable(ctx.commandPrefix))
  const slot = nextPostingSlot(now, dayKey(now, ctx.timezone), sched)
  if (when.at <= slot) return fail(T.deadlineBeforeSlot(when.at, slot, sched.window, now, ctx.timezone))
  const c = state.addCampaign({
    title,
    content: contentFromChat(body, title, picked?.path),
    targets: chosen.targets,
    startDay: dayKey(now, ctx.timezone),
    deadline: when.at,
    source: 'chat',
    createdBy: inv.event.sender.id,
    status: 'scheduled',
    announced: {},
  })
  state.touch()
  const confirm = inv.reply(
    T.campaignCreated(
      c,
      slot === now ? undefined : slot,
      groupNames(resolved.groups),
      resolved.groups.length,
      !!picked,
      now,
      ctx.timezone,
    ),
  )
  if (!picked?.ok) return [confirm]
  // The creator sees the very image the groups will get, where the confirmation goes.
  return [confirm, inv.replyFile(picked.path)]
}

/** Ten latest campaigns; announced and ended ones counted exactly as `#活动 进度` counts them. */
export async function listCampaigns(d: CampaignCommandDeps): Promise<string> {
  const items = d.state.campaigns().slice(0, 10)
  if (!items.length) return T.noCampaigns
  const lines = await Promise.all(
    items.map(async c => {
      const head = T.campaignLine(c, statusAt(c, d.ctx.clock.now()), d.ctx.clock.now(), d.ctx.timezone)
      if (c.status !== 'announced' && c.status !== 'ended') return head
      const count = countShares(await d.progress(c), d.state.participation(c.id).data.done)
      return `${head}，${countLine(count)}`
    }),
  )
  return lines.join('\n')
}

function pick(d: CampaignCommandDeps, id: string | undefined): Campaign | undefined {
  if (id) return d.state.campaign(id.replace(/^#/, ''))
  const active = d.state.campaigns().filter(c => c.status === 'announced')
  return active.length === 1 ? active[0] : undefined
}

/** `#活动 进度`. */
export async function progressCampaign(
  d: CampaignCommandDeps,
  inv: CommandInvocation,
  id: string | undefined,
): Promise<Action[]> {
  const c = pick(d, id)
  const tz = d.ctx.timezone
  if (!c) return [inv.reply(T.progressIdMissing(d.ctx.commandPrefix))]
  const now = d.ctx.clock.now()
  const status = statusAt(c, now)
  if (status === 'scheduled')
    return [
      inv.reply(
        T.notYetAnnounced(
          c,
          nextPostingSlot(now, c.startDay, d.sched),
          groupNames(resolveTargets(c.targets, d.ctx.directory.groups()).groups),
          now,
          tz,
        ),
      ),
    ]
  if (status === 'missed') return [inv.reply(T.neverAnnounced(c, now))]
  const heading = T.progressHeading(c, now, tz)
  return [inv.reply(progressReport(heading, await d.progress(c), d.state.participation(c.id).data.done))]
}

/** `#活动 结束`. */
export async function endCampaign(
  d: CampaignCommandDeps,
  inv: CommandInvocation,
  id: string | undefined,
): Promise<Action[]> {
  const c = id ? d.state.campaign(id.replace(/^#/, '')) : undefined
  if (!c) return [inv.reply(T.endIdMissing(d.ctx.commandPrefix))]
  if (c.status === 'scheduled') {
    Object.assign(c, { status: 'ended', endedAt: d.ctx.clock.now(), note: T.cancelledNote })
    d.state.touch()
    return [inv.reply(T.cancelled(c))]
  }
  if (c.status !== 'announced') return [inv.reply(T.nothingToEnd(c, d.ctx.clock.now()))]
  const report = await d.finish(c.id, true)
  return [inv.reply(T.ended(c)), ...report]
}

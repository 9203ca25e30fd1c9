import { existsSync, readdirSync } from 'node:fs'
import { z } from 'zod'
import { definePlugin, type JobSpec } from '../../bot/core/plugin.js'
import { campaignCommand, queueCommand } from './commands.js'
import type { CampaignCommandDeps } from './subcommands/deps.js'
import { campaignConfigSchema } from './config.js'
import { queueTargetWarnings } from './groups/target-warnings.js'
import { MediaLibrary } from './media/library.js'
import { announceCron, type ScheduleContext, windowCron } from './schedule/posting-window.js'
import { type Campaign, CampaignState, configCampaigns, statusAt } from './state.js'
import { announce, finish, progress, proofExpired, remind } from './hooks/campaigns.js'
import type { CampaignHub } from './hooks/hub.js'
import { notice, publish, relayForeignPosts } from './hooks/posts.js'
import { FleetPosts } from './fleet/fleet-posts.js'
import { ShareHook } from './hooks/shares.js'
import { takeCampaigns } from './fleet/takeover.js'
import { T } from './texts.js'
import { campaignViews } from './views.js'

/**
 * Share campaigns and the scheduled posting queue: announce campaigns in the
 * posting window on workdays, record self-reported shares (phrase plus
 * screenshot), remind and report; publish approved daily posts exactly once.
 */
export const campaignPlugin = definePlugin({
  name: 'campaign',
  description: '分享活动与每日排期：活动公告、分享登记、截止提醒与完成报告；排期审核后在发布时段发布',
  configSchema: campaignConfigSchema,
  configWarnings: queueTargetWarnings,
  create: ctx => {
    const cfg = ctx.configFor()
    const sched: ScheduleContext = { window: cfg.window, tz: ctx.timezone, calendar: ctx.calendar }
    const state = new CampaignState(ctx.store)
    const configured = configCampaigns(cfg, ctx.timezone, existsSync)
    state.syncConfigCampaigns(configured)
    // A configured campaign whose deadline passed before it was posted is never posted: said at start and in #状态.
    const expired = () => expiredConfigCampaigns(state, configured, ctx.clock.now())
    for (const c of expired()) ctx.log.warn(T.configCampaignExpired(c, ctx.timezone))
    const media = new MediaLibrary(ctx.outputDir, cfg.media.folder)
    const hub: CampaignHub = { ctx, state, sched, media }
    const shares = new ShareHook(hub)
    const queue = new FleetPosts(ctx.fleet, state)
    const deps: CampaignCommandDeps = {
      ...hub,
      queue,
      progress: c => progress(hub, c),
      finish: (id, early) => finish(hub, id, early),
      listDir: dir => readdirSync(dir),
    }
    return {
      onEvent: ev => {
        if (ev.type !== 'message') return []
        media.noteImage(ev)
        return shares.onMessage(ev)
      },
      // Keys come from campaignTimer / postTimer: `<kind>:<id>[:<member>]`.
      // Campaign and post timers carry no payload: the id is in the key.
      timerPayloads: Object.fromEntries(
        ['remind', 'deadline', 'proof', 'post', 'post-notice'].map(k => [k, z.undefined()]),
      ),
      onTimer: key => {
        const [kind, id, ...member] = key.split(':')
        if (kind === 'remind') return remind(hub, id)
        if (kind === 'deadline') return finish(hub, id, false)
        if (kind === 'proof') return proofExpired(hub, id, member.join(':'))
        if (kind === 'post') return publish(hub, id)
        if (kind === 'post-notice') return notice(hub, id)
        return []
      },
      // Fleet takeover: the group's part of a down account's open campaigns continues here.
      adopt: {
        docs: ['campaign-campaigns', 'campaign-part-*'],
        take: (groupId, from) => takeCampaigns(state, groupId, from),
      },
      commands: [campaignCommand(deps), queueCommand(deps)],
      // The console lists the fleet's queue (another account's posts as `5@sales1`, decided like any other).
      views: campaignViews(
        state,
        () => ctx.clock.now(),
        () => queue.all(),
      ),
      jobs: campaignJobs(hub, queue),
      // A post or campaign still to go out is sent with its image: the data folder's retention keeps it.
      filesInUse: () =>
        [
          ...state.posts().flatMap(p => (p.status === 'pending' || p.status === 'approved' ? [p.content.image] : [])),
          ...state
            .campaigns()
            .flatMap(c => (c.status === 'scheduled' || c.status === 'announced' ? [c.content.image] : [])),
        ].filter((path): path is string => !!path),
      status: () => {
        const count = <X extends { status: string }>(list: X[], s: string) => list.filter(x => x.status === s).length
        const now = ctx.clock.now()
        const [campaigns, posts] = [state.campaigns().map(c => ({ status: statusAt(c, now) })), state.posts()]
        const window = ctx.configFor().participation.screenshotWindow
        const pending = count(posts, 'pending')
        const line = T.status(
          count(campaigns, 'announced'),
          count(campaigns, 'scheduled'),
          window,
          pending,
          count(posts, 'approved'),
        )
        const gone = expired()
        return gone.length ? `${line}${T.configCampaignsExpired(gone, ctx.timezone)}` : line
      },
    }
  },
})

/** The campaigns of the config (`configured`) that were never posted and whose deadline passed by `now`. */
function expiredConfigCampaigns(state: CampaignState, configured: Campaign[], now: number): Campaign[] {
  return configured.flatMap(c => {
    const held = state.campaign(c.id)
    return held?.source === 'config' && statusAt(held, now) === 'missed' ? [held] : []
  })
}

/**
 * The announcements (workdays, from `postAt`) and, in fleet mode only (the other accounts' records are
 * readable), the other accounts' posts in the groups this account acts in.
 */
function campaignJobs(hub: CampaignHub, queue: FleetPosts): JobSpec[] {
  const { window } = hub.sched
  const announceJob: JobSpec = {
    name: 'announce',
    cron: announceCron(window),
    workdaysOnly: true,
    run: now => announce(hub, now),
  }
  if (!hub.ctx.fleet.readLog) return [announceJob]
  return [
    announceJob,
    { name: 'fleet-posts', cron: windowCron(window), run: now => relayForeignPosts(hub, queue, now) },
  ]
}

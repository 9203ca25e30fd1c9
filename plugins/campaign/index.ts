import { existsSync, readdirSync } from 'node:fs'
import { z } from 'zod'
import { definePlugin } from '../../bot/core/plugin.js'
import { chineseCalendar } from '../../bot/time/workdays.js'
import { zonedInstant } from '../../bot/time/zoned.js'
import { campaignCommand } from './campaign-commands.js'
import { CampaignService } from './campaign-service.js'
import { campaignConfigSchema, type CampaignConfig } from './config.js'
import { MediaLibrary } from './media.js'
import type { Campaign } from './model.js'
import { announceCron, type ScheduleContext } from './posting-window.js'
import { queueCommand } from './queue-commands.js'
import { QueueService } from './queue-service.js'
import { CampaignState } from './state.js'
import { campaignViews } from './views.js'

/** Campaigns declared in config, checked once at creation (throws with the offending id). */
export function configCampaigns(cfg: CampaignConfig, tz: string, fileExists: (path: string) => boolean): Campaign[] {
  const seen = new Set<string>()
  return cfg.campaigns.map(c => {
    if (seen.has(c.id)) throw new Error(`campaign.campaigns: duplicate id "${c.id}"`)
    seen.add(c.id)
    const [day, time] = c.deadline.split(' ')
    const deadline = zonedInstant(day, time, tz)
    if (deadline <= zonedInstant(c.start, cfg.window.postAt, tz))
      throw new Error(
        `campaign.campaigns "${c.id}": deadline ${c.deadline} is not after its first posting time (${c.start} ${cfg.window.postAt})`,
      )
    if (c.image && !fileExists(c.image))
      throw new Error(`campaign.campaigns "${c.id}": image file not found: ${c.image}`)
    return {
      id: c.id,
      title: c.title,
      content: { text: c.text, link: c.link, image: c.image },
      targets: c.targets ?? cfg.defaultTargets,
      startDay: c.start,
      deadline,
      source: 'config',
      status: 'scheduled',
      announced: {},
    }
  })
}

/**
 * Share campaigns and the scheduled posting queue: announce campaigns in the
 * posting window on workdays, record self-reported shares (phrase plus
 * screenshot), remind and report; publish approved daily posts exactly once.
 */
export const campaignPlugin = definePlugin({
  name: 'campaign',
  description: '分享活动与每日排期：活动公告、分享登记、截止提醒与完成报告；排期审核后在发布时段发布',
  configSchema: campaignConfigSchema,
  create: ctx => {
    const cfg = ctx.configFor()
    const sched: ScheduleContext = { window: cfg.window, tz: ctx.timezone, calendar: chineseCalendar }
    const state = new CampaignState(ctx.store)
    state.syncConfigCampaigns(configCampaigns(cfg, ctx.timezone, existsSync))
    const media = new MediaLibrary(ctx.outputDir, cfg.media.folder)
    const campaigns = new CampaignService(ctx, state, sched, media)
    const queue = new QueueService(ctx, state, sched, media)
    return {
      onEvent: ev => {
        if (ev.type !== 'message') return []
        media.noteImage(ev)
        return campaigns.onMessage(ev)
      },
      // Keys come from campaignTimer / postTimer: `<kind>:<id>[:<member>]`.
      // Campaign and post timers carry no payload: the id is in the key.
      timerPayloads: Object.fromEntries(
        ['remind', 'deadline', 'proof', 'post', 'post-notice'].map(k => [k, z.undefined()]),
      ),
      onTimer: key => {
        const [kind, id, ...member] = key.split(':')
        switch (kind) {
          case 'remind':
            return campaigns.remind(id)
          case 'deadline':
            return campaigns.finish(id, false)
          case 'proof':
            return campaigns.proofExpired(id, member.join(':'))
          case 'post':
            return queue.publish(id)
          case 'post-notice':
            return queue.notice(id)
          default:
            return []
        }
      },
      commands: [
        campaignCommand({ ctx, state, service: campaigns, sched, media }),
        queueCommand({ ctx, state, service: queue, sched, media, listDir: dir => readdirSync(dir) }),
      ],
      views: campaignViews(state),
      jobs: [{ name: 'announce', cron: announceCron(cfg.window), workdaysOnly: true, run: now => campaigns.tick(now) }],
      status: () => {
        const pending = state.posts().filter(p => p.status === 'pending').length
        const approved = state.posts().filter(p => p.status === 'approved').length
        return `${campaigns.summary()}；排期待审核 ${pending} 条、待发布 ${approved} 条`
      },
    }
  },
})

import { z } from 'zod'
import { timerKind } from '../../bot/runtime/schedule/timers.js'
import type { Action } from '../../bot/core/actions.js'
import type { Fact } from '../../bot/core/facts.js'
import type { BotEvent } from '../../bot/core/event.js'
import { definePlugin, type PluginContext } from '../../bot/core/plugin.js'
import { dayKey } from '../../bot/time/zoned.js'
import { activityCommands } from './commands.js'
import { activityConfigSchema, type ActivityConfig } from './config.js'
import { remindWaiting } from './reminders.js'
import { ActivityReports, type Report } from './report-builder.js'
import { ActivityTracker } from './tracker.js'

/** Actions delivering a report: to the configured internal group, else to every admin privately. */
function deliver(ctx: PluginContext<ActivityConfig>, report: Report, rule: string): Action[] {
  const name = ctx.configFor().reportTo
  const room = name ? ctx.directory.groups().find(g => g.configName === name || g.topic === name) : undefined
  if (name && !room) ctx.log.warn(`reportTo "${name}" matches no group the bot is in; sending to admins`)
  if (room)
    return [
      { type: 'say', to: { room: room.id }, text: report.text, rule },
      ...(report.chart ? [{ type: 'sendFile' as const, to: { room: room.id }, path: report.chart, rule }] : []),
    ]
  return [
    { type: 'notifyAdmins', text: report.text, rule },
    ...(report.chart
      ? ctx
          .membersWithRole('admin')
          .map((id): Action => ({ type: 'sendFile', to: { contact: id }, path: report.chart!, rule, memberId: id }))
      : []),
  ]
}

function cronAt(time: string, weekday = '*'): string {
  const [h, m] = time.split(':').map(Number)
  return `${m} ${h} * * ${weekday}`
}

/**
 * Group activity and responsiveness: counts messages per day, group and
 * member; times staff answers to customers and reminds when one waits too
 * long; sends a daily report and a weekly leaderboard with charts.
 */
export const activityPlugin = definePlugin({
  name: 'activity',
  description: '群活跃度与客户响应统计：计数、提醒、日报周榜与图表',
  configSchema: activityConfigSchema,
  create(ctx) {
    const tracker = new ActivityTracker(ctx)
    const reports = new ActivityReports(ctx, tracker)
    const cfg = ctx.configFor()
    tracker.closeDue(ctx.clock.now())
    return {
      onEvent(ev: BotEvent): Action[] {
        // The runtime drops the bot's own messages and skips groups where the plugin is disabled.
        if (!ev.group) return []
        if (ev.type === 'message') return tracker.onMessage({ ...ev, group: ev.group })
        if (ev.type === 'join') tracker.onJoin(ev)
        if (ev.type === 'leave') tracker.onLeave(ev)
        if (ev.type === 'topic') tracker.onTopic(ev.group, ev.at)
        return []
      },
      // A message the moderation plugin acted on (an ad, spam) is not a customer waiting for an answer.
      onFact(fact: Fact): Action[] {
        if (fact.name === 'message.moderated') tracker.forgetMessage(fact.data.groupId, fact.data.messageId)
        return []
      },
      timerPayloads: { wait: z.object({ groupId: z.string() }) },
      onTimer: (key: string) => (timerKind(key) === 'wait' ? remindWaiting(ctx, tracker, key.slice(5)) : []),
      commands: activityCommands(ctx, tracker, reports),
      jobs: [
        {
          name: 'close-day',
          cron: '15 0 * * *',
          run: async now => {
            await tracker.closeYesterday(now)
            return []
          },
        },
        ...(cfg.dailyReport.enabled
          ? [
              {
                name: 'daily-report',
                cron: cronAt(cfg.dailyReport.time),
                workdaysOnly: true,
                run: async (now: number) => deliver(ctx, await reports.daily(now), 'activity.daily-report'),
              },
            ]
          : []),
        ...(cfg.weeklyReport.enabled
          ? [
              {
                name: 'weekly-report',
                cron: cronAt(cfg.weeklyReport.time, String(cfg.weeklyReport.weekday)),
                run: async (now: number) => deliver(ctx, await reports.weekly(now), 'activity.weekly-report'),
              },
            ]
          : []),
      ],
      status() {
        const today = tracker.current.data.days[dayKey(ctx.clock.now(), ctx.timezone)] ?? {}
        const messages = Object.values(today).reduce(
          (a, g) => a + Object.values(g.members).reduce((b, m) => b + m.messages, 0),
          0,
        )
        const waiting = Object.values(tracker.current.data.waiting).reduce((a, w) => a + w.msgs.length, 0)
        return `今日 ${Object.keys(today).length} 个群 ${messages} 条消息；等待回复的客户消息 ${waiting} 条`
      },
    }
  },
})

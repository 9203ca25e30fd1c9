import { z } from 'zod'
import type { Action } from '../../bot/core/actions.js'
import type { GroupRef, MessageEvent } from '../../bot/core/event.js'
import { definePlugin, type JobSpec, type PluginContext } from '../../bot/core/plugin.js'
import { timerKind } from '../../bot/runtime/schedule/timers.js'
import { dayKey } from '../../bot/time/zoned.js'
import { activityCommands } from './commands.js'
import { activityConfigSchema, type ActivityConfig } from './config.js'
import { DayCloser } from './days/closing.js'
import {
  countJoin,
  countLeave,
  countTopic,
  decideMessage,
  type ActivityState,
  type MessageInputs,
} from './decide-count.js'
import { decideReminder, forgetMessage, holdMessage, releaseMessage, type WaitingInputs } from './decide-waiting.js'
import { adoptWaiting } from './fleet/waiting.js'
import { ActivityReports, type Report } from './report/builder.js'
import { rulesCache, type ActivityRules } from './rules/group-rules.js'
import { PartNames } from './part-names.js'
import { CURRENT_DOC, openDocs, waitingPart, type ActivityDocs, type GroupDay } from './state.js'
import { T } from './texts.js'

type ActivityContext = PluginContext<ActivityConfig>

/**
 * Group activity and responsiveness: counts messages per day, group and
 * member; times staff answers to customers and reminds when one waits too
 * long; sends a daily report and a weekly leaderboard with charts.
 */
export const activityPlugin = definePlugin({
  name: 'activity',
  description: '群活跃度与客户响应统计：计数、提醒、日报周榜与图表',
  configSchema: activityConfigSchema,
  async create(ctx) {
    const docs = await openDocs(ctx.store)
    const rulesOf = rulesCache(ctx.timezone, ctx.calendar)
    rulesOf(ctx.configFor())
    const closer = new DayCloser(ctx, docs)
    const reports = new ActivityReports(ctx, docs, closer, rulesOf)
    closer.refoldLastClosed()
    closer.closeDue(ctx.clock.now())
    // One state object for every event (the decisions keep none of it): its fields set afresh.
    const st: ActivityState = {
      current: docs.current.data,
      seen: docs.seen.data,
      seenChanged: true,
      counted: undefined,
    }
    const state = (): void => {
      st.current = docs.current.data
      st.seen = docs.seen.data
      st.seenChanged = true
      st.counted = undefined
    }
    // The open-day document is written as changes: the parts an event changed are named (see CURRENT_SPEC).
    const parts = new PartNames()
    const changed = (group: GroupRef, memberId?: string) => {
      const g = st.counted
      if (g) {
        docs.current.changed(parts.day(g.day, g.groupId))
        if (memberId) docs.current.changed(parts.member(g.day, g.groupId, memberId))
      }
      if (group.kind === 'customer' || docs.current.data.waiting[group.id])
        docs.current.changed(parts.waiting(group.id))
      if (st.seenChanged) docs.seen.changed(group.id)
    }
    // Config, rules and observe mode matter only to a customer waiting for an answer (a reminder is rehearsed).
    const fleet = ctx.fleet.holds !== undefined
    const waiting = (group: GroupRef): WaitingInputs => {
      const cfg = ctx.configFor(group)
      return { cfg, rules: rulesOf(cfg), observing: ctx.observing(group), fleet }
    }
    const messageInputs: MessageInputs = { tz: ctx.timezone, displayName: ctx.displayName, waiting }
    const naming = () => ({ tz: ctx.timezone, selfId: ctx.directory.selfId(), displayName: ctx.displayName })
    return {
      onEvent(ev): Action[] {
        // The runtime drops the bot's own messages and skips groups where the plugin is disabled.
        if (!ev.group || (ev.type === 'message' && ev.isCommand)) return []
        const group: GroupRef = ev.group
        let actions: Action[] = []
        state()
        if (ev.type === 'message') {
          closer.closeDue(ctx.clock.now())
          actions = decideMessage(ev as MessageEvent & { group: GroupRef }, st, messageInputs)
        } else if (ev.type === 'join') countJoin(ev, st, naming())
        else if (ev.type === 'leave') countLeave(ev, st, naming())
        else if (ev.type === 'topic') countTopic(group, ev.at, st, ctx.timezone)
        else return []
        changed(group, ev.type === 'message' ? ev.sender.id : undefined)
        return actions
      },
      // A message the moderation plugin acted on (an ad, spam) is not a customer waiting for an answer; nor is one
      // it holds for the admins, until they release it (then it waits from its own time).
      onFact(fact): Action[] {
        const current = docs.current.data
        if (fact.name === 'message.moderated' && forgetMessage(current, fact.data.groupId, fact.data.messageId))
          docs.current.changed(waitingPart(fact.data.groupId))
        if (fact.name === 'message.held' && holdMessage(current, fact.data.groupId, fact.data.messageId))
          docs.current.changed(waitingPart(fact.data.groupId))
        if (fact.name !== 'message.released') return []
        const group = current.waiting[fact.data.groupId]?.group
        const now = ctx.clock.now()
        const actions = group && releaseMessage(current, group.id, fact.data.messageId, { ...waiting(group), now })
        if (actions) docs.current.changed(waitingPart(group.id))
        return actions ?? []
      },
      timerPayloads: { wait: z.object({ groupId: z.string() }) },
      onTimer: key => (timerKind(key) === 'wait' ? remindWaiting(ctx, docs, rulesOf, key.slice(5)) : []),
      // Fleet takeover: the customers waiting in the group at a down account (and their reminder) move here.
      adopt: { docs: [CURRENT_DOC], take: (groupId, from) => adoptWaiting(from, docs.current, groupId) },
      commands: activityCommands({ ctx, docs, reports, closer }),
      jobs: jobs(ctx, closer, reports),
      status: () => statusLine(docs, ctx.clock.now(), ctx.timezone),
    }
  },
})

/** The nightly day closing and the configured daily and weekly reports. */
function jobs(ctx: ActivityContext, closer: DayCloser, reports: ActivityReports): JobSpec[] {
  const cfg = ctx.configFor()
  const out: JobSpec[] = [
    {
      name: 'close-day',
      cron: '15 0 * * *',
      run: async now => {
        await closer.closeYesterday(now)
        return []
      },
    },
  ]
  if (cfg.dailyReport.enabled)
    out.push({
      name: 'daily-report',
      cron: cronAt(cfg.dailyReport.time),
      workdaysOnly: true,
      run: async now => deliver(ctx, await reports.daily(now, true), 'activity.daily-report'),
    })
  if (cfg.weeklyReport.enabled)
    out.push({
      name: 'weekly-report',
      cron: cronAt(cfg.weeklyReport.time, String(cfg.weeklyReport.weekday)),
      run: async now => deliver(ctx, await reports.weekly(now), 'activity.weekly-report'),
    })
  return out
}

function cronAt(time: string, weekday = '*'): string {
  const [h, m] = time.split(':').map(Number)
  return `${m} ${h} * * ${weekday}`
}

/** Actions delivering a report: to the configured internal group, else to every admin privately. */
function deliver(ctx: ActivityContext, report: Report, rule: string): Action[] {
  const name = ctx.configFor().reportTo
  const room = name ? ctx.directory.groups().find(g => g.configName === name || g.topic === name) : undefined
  if (name && !room) ctx.log.warn(`reportTo "${name}" matches no group the bot is in; sending to admins`)
  const file = (to: { room: string } | { contact: string }, memberId?: string): Action[] =>
    report.chart ? [{ type: 'sendFile', to, path: report.chart, rule, ...(memberId ? { memberId } : {}) }] : []
  if (room) return [{ type: 'say', to: { room: room.id }, text: report.text, rule }, ...file({ room: room.id })]
  return [
    { type: 'notifyAdmins', text: report.text, rule },
    ...ctx.membersWithRole('admin').flatMap(id => file({ contact: id }, id)),
  ]
}

/** Contact ids responsible for a customer group: from config, else the staff members in it. */
async function responsibleFor(ctx: ActivityContext, group: GroupRef, cfg: ActivityConfig): Promise<string[]> {
  const configured = cfg.responsible[group.topic] ?? cfg.responsible[group.configName]
  if (configured?.length) return configured
  const members = await ctx.directory.members(group.id).catch(() => [])
  return members.filter(m => m.id !== ctx.directory.selfId() && ctx.rolesOf(m.id).length > 0).map(m => m.id)
}

/** `#状态`: today's groups and messages, customers waiting. */
function statusLine(docs: ActivityDocs, now: number, tz: string): string {
  const today = docs.current.data.days[dayKey(now, tz)] ?? {}
  const count = (g: GroupDay) => Object.values(g.members).reduce((b, m) => b + m.messages, 0)
  const messages = Object.values(today).reduce((a, g) => a + count(g), 0)
  const waiting = Object.values(docs.current.data.waiting).reduce((a, w) => a + w.msgs.length, 0)
  return T.status(Object.keys(today).length, messages, waiting)
}

/** The `wait:<groupId>` timer: who is responsible for the group (a directory read), then the decision. */
async function remindWaiting(
  ctx: ActivityContext,
  docs: ActivityDocs,
  rulesOf: (cfg: ActivityConfig) => ActivityRules,
  groupId: string,
): Promise<Action[]> {
  const w = docs.current.data.waiting[groupId]
  if (!w) return []
  const cfg = ctx.configFor(w.group)
  const now = ctx.clock.now()
  const staff = await responsibleFor(ctx, w.group, cfg)
  // Names of the people reminded, for an escalation (the roster's, else as the group shows them).
  const members = await ctx.directory.members(w.group.id).catch(() => [])
  const actions = decideReminder(w, groupId, {
    cfg,
    rules: rulesOf(cfg),
    now,
    observing: ctx.observing(w.group),
    staff,
    leaders: ctx.membersWithRole('leader'),
    nameOf: id => ctx.roster.byContact(id)?.name ?? members.find(m => m.id === id)?.name ?? id,
  })
  docs.current.changed(waitingPart(groupId))
  return actions
}

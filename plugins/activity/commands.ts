import type { Action } from '../../bot/core/actions.js'
import type { GroupRef, MessageEvent } from '../../bot/core/event.js'
import type { CommandInvocation, CommandSpec, PluginContext } from '../../bot/core/plugin.js'
import { clockTime } from '../../bot/time/zoned.js'
import type { ActivityConfig } from './config.js'
import type { DayCloser } from './days/closing.js'
import { onlyMember, summarize } from './report/aggregate.js'
import { topBars, trendSeries, type ActivityReports, type Report } from './report/builder.js'
import { parsePeriodWord, periodRange, type Period } from './report/periods.js'
import { activityText, memberText, responseText, silentText } from './report/text.js'
import type { ActivityDocs, SeenDoc } from './state.js'
import { T } from './texts.js'

/** What the commands read: the plugin's context, documents and report builder. */
export interface ActivityCommandDeps {
  ctx: PluginContext<ActivityConfig>
  docs: ActivityDocs
  reports: ActivityReports
  closer: DayCloser
}

/** The `#活跃度`, `#沉默成员`, `#响应`, `#日报` and `#周榜` commands. */
export function activityCommands(d: ActivityCommandDeps): CommandSpec[] {
  const p = d.ctx.commandPrefix
  return [
    {
      name: '活跃度',
      aliases: ['activity'],
      role: 'leader',
      usage: T.activityUsage(p),
      description: T.activityDescription,
      run: inv => activity(d, inv),
    },
    {
      name: '沉默成员',
      aliases: ['silent'],
      role: 'leader',
      usage: T.silentUsage(p),
      description: T.silentDescription,
      run: async inv => {
        const days = inv.argv[0] ? Number(inv.argv[0]) : d.ctx.configFor(inv.event.group).silentDays
        if (!Number.isInteger(days) || days < 1 || days > 365)
          return [inv.reply(T.withUsage(T.badDays, T.silentUsage(p)))]
        const allowed = scope(inv.event) ?? (inv.event.group ? new Set([inv.event.group.id]) : undefined)
        return [inv.reply(silentText(await d.reports.silent(days, allowed), days, d.ctx.timezone))]
      },
    },
    {
      name: '响应',
      aliases: ['response'],
      role: 'leader',
      usage: T.responseUsage(p),
      description: T.responseDescription,
      run: async inv => {
        const allowed = scope(inv.event)
        const { period, rest } = periodAndRest(inv.argv, d.ctx.clock.now(), d.ctx.timezone)
        if (rest.length) return [inv.reply(T.usage(T.responseUsage(p)))]
        const s = await d.reports.summary(period.from, period.to, allowed)
        return [inv.reply(responseText(s, period.label, await d.reports.facts(allowed)))]
      },
    },
    {
      name: '日报',
      aliases: ['daily'],
      role: 'leader',
      usage: T.dailyUsage(p),
      description: T.dailyDescription,
      run: inv =>
        reportOutsideCustomers(inv, T.dailyNotHere, () => {
          const now = d.ctx.clock.now()
          return d.reports.daily(now, clockTime(now, d.ctx.timezone) >= d.ctx.configFor().dailyReport.time)
        }),
    },
    {
      name: '周榜',
      aliases: ['周报', 'weekly'], // 周报: the word a leader asking for this week's report types first
      role: 'leader',
      // A trainer's 周报 is the case digest.
      instead: { trainer: { command: '案例 周报', text: T.weeklyForTrainers(p) } },
      usage: T.weeklyUsage(p),
      description: T.weeklyDescription,
      run: inv => reportOutsideCustomers(inv, T.weeklyNotHere, () => d.reports.weekly(d.ctx.clock.now())),
    },
  ]
}

/** A leader's report, answered anywhere but in a customer group (there `notHere`: customers never see it). */
async function reportOutsideCustomers(
  inv: CommandInvocation,
  notHere: string,
  build: () => Promise<Report>,
): Promise<Action[]> {
  return inv.event.group?.kind === 'customer' ? [inv.reply(notHere)] : answer(inv, await build())
}

/** `#活跃度 [period] [group|@member]`: the groups' counters, one group's members, or one member. */
async function activity(d: ActivityCommandDeps, inv: CommandInvocation): Promise<Action[]> {
  const { ctx, reports } = d
  const allowed = scope(inv.event)
  const { period, rest } = periodAndRest(inv.argv, ctx.clock.now(), ctx.timezone)
  await d.closer.refreshGroups(period.to) // today's group sizes and quiet groups
  const mentioned = inv.event.mentions.find(id => id !== ctx.directory.selfId())
  if (mentioned) return memberReport(d, inv, mentioned, period, allowed)
  const target = rest.join(' ').trim()
  let ids = allowed
  if (target) {
    const name = target.replace(/^@/, '')
    const known = knownGroups(d, allowed)
    const exact = known.filter(g => g.topic === target || g.configName === target)
    const groups = exact.length || target.startsWith('@') ? exact : known.filter(g => g.topic.includes(target))
    if (!groups.length) {
      const people = membersNamed(d.docs.seen.data, name, allowed)
      if (people.length === 1) return memberReport(d, inv, people[0], period, allowed)
      const why = people.length > 1 ? T.sameName(people.length, name) : T.notFound(target)
      return [inv.reply(T.withUsage(why, T.activityUsage(ctx.commandPrefix)))]
    }
    ids = new Set(groups.map(g => g.id))
  }
  const s = await reports.summary(period.from, period.to, ids)
  const { topMembers, chartTopN } = ctx.configFor()
  const text = activityText(s, period.label, { topMembers })
  if (!s.messages) return answer(inv, { text })
  const bars =
    s.groups.length === 1
      ? topBars(
          T.groupMembersChart(s.groups[0].topic),
          s.groups[0].members.map(m => ({ label: m.name, value: m.messages })),
          chartTopN,
        )
      : topBars(
          T.groupsChart,
          s.groups.map(g => ({ label: g.topic, value: g.messages })),
          chartTopN,
        )
  const chart = reports.chart('activity', { title: T.activityTitle(period.label), bars, trend: trendSeries(s) })
  return answer(inv, { text, chart })
}

/** One member's counters over a period, with a chart of their messages per group. */
async function memberReport(
  d: ActivityCommandDeps,
  inv: CommandInvocation,
  id: string,
  period: Period,
  allowed?: Set<string>,
): Promise<Action[]> {
  const { ctx } = d
  const records = (await d.reports.days(period.from, period.to)).filter(r => !allowed || allowed.has(r.groupId))
  const s = summarize(onlyMember(records, id), period.from, period.to)
  const name = nameOf(d.docs.seen.data, id)
  const text = memberText(s, name, period.label, ctx.timezone)
  if (!s.messages) return answer(inv, { text })
  const bars = topBars(
    T.memberGroupsChart(name),
    s.groups.map(g => ({ label: g.topic, value: g.messages })),
    ctx.configFor().chartTopN,
  )
  const trend = s.days.length > 1 ? trendSeries(s) : undefined
  return answer(inv, { text, chart: d.reports.chart('member', { title: `${name} · ${period.label}`, bars, trend }) })
}

/** Reply text plus the chart, both answers to the asker (sent even in observe mode). */
function answer(inv: CommandInvocation, report: Report): Action[] {
  return [inv.reply(report.text), ...(report.chart ? [inv.replyFile(report.chart)] : [])]
}

/** In a customer group a command only ever shows that group (answered privately: customers read the group). */
function scope(event: MessageEvent): Set<string> | undefined {
  return event.group?.kind === 'customer' ? new Set([event.group.id]) : undefined
}

/** Split argv into a period word and the rest. */
function periodAndRest(argv: string[], now: number, tz: string): { period: Period; rest: string[] } {
  const word = argv.map(parsePeriodWord).find(Boolean)
  return { period: periodRange(word ?? 'today', now, tz), rest: argv.filter(w => !parsePeriodWord(w)) }
}

/** Groups the bot is in, plus groups it counted before (left or renamed since). */
function knownGroups(d: ActivityCommandDeps, allowed?: Set<string>): GroupRef[] {
  const live = new Map(d.ctx.directory.groups().map(g => [g.id, g]))
  for (const [id, g] of Object.entries(d.docs.seen.data.groups))
    if (!live.has(id)) live.set(id, { id, topic: g.topic, kind: g.kind, configName: g.topic })
  return [...live.values()].filter(g => !allowed || allowed.has(g.id))
}

/** Contact ids of the members seen with this name. */
function membersNamed(seen: SeenDoc, name: string, allowed?: Set<string>): string[] {
  const ids = Object.entries(seen.groups)
    .filter(([id]) => !allowed || allowed.has(id))
    .flatMap(([, g]) =>
      Object.entries(g.members)
        .filter(([, m]) => m.name === name)
        .map(([id]) => id),
    )
  return [...new Set(ids)]
}

/** The name a member was last seen with, else the id. */
function nameOf(seen: SeenDoc, id: string): string {
  return (
    Object.values(seen.groups)
      .map(g => g.members[id]?.name)
      .find(Boolean) ?? id
  )
}

import type { Action } from '../../bot/core/actions.js'
import type { GroupRef, MessageEvent } from '../../bot/core/event.js'
import type { CommandInvocation, CommandSpec, PluginContext } from '../../bot/core/plugin.js'
import { onlyMember, summarize } from './aggregate.js'
import type { ActivityConfig } from './config.js'
import { loadDays } from './history.js'
import { parsePeriodWord, periodRange, type Period } from './periods.js'
import { topBars, trendSeries, type ActivityReports, type Report } from './report-builder.js'
import { activityText, memberText, responseText, silentText } from './report-text.js'
import type { ActivityTracker } from './tracker.js'
import { quoted } from '../../bot/commands/quote.js'

/** Reply text plus the chart, both answers to the asker (sent even in observe mode). */
function answer(inv: CommandInvocation, report: Report): Action[] {
  return [inv.reply(report.text), ...(report.chart ? [inv.replyFile(report.chart)] : [])]
}

/** In a customer group a command only ever shows that group (customers read the reply). */
function scope(event: MessageEvent): Set<string> | undefined {
  return event.group?.kind === 'customer' ? new Set([event.group.id]) : undefined
}

/** Split argv into a period word and the rest. */
function periodAndRest(argv: string[], now: number, tz: string): { period: Period; rest: string[] } {
  const word = argv.map(parsePeriodWord).find(Boolean)
  return { period: periodRange(word ?? 'today', now, tz), rest: argv.filter(w => !parsePeriodWord(w)) }
}

/** The `#活跃度`, `#沉默成员`, `#响应` and `#日报` commands. */
export function activityCommands(
  ctx: PluginContext<ActivityConfig>,
  tracker: ActivityTracker,
  reports: ActivityReports,
): CommandSpec[] {
  const p = ctx.commandPrefix
  const usage = `${p}活跃度 [今日|本周|本月] [群名|@成员]`

  const knownGroups = (allowed?: Set<string>): GroupRef[] => {
    const live = new Map(ctx.directory.groups().map(g => [g.id, g]))
    for (const [id, g] of Object.entries(tracker.seen.data.groups))
      if (!live.has(id)) live.set(id, { id, topic: g.topic, kind: g.kind, configName: g.topic })
    return [...live.values()].filter(g => !allowed || allowed.has(g.id))
  }
  const membersNamed = (name: string, allowed?: Set<string>): string[] => [
    ...new Set(
      Object.entries(tracker.seen.data.groups)
        .filter(([id]) => !allowed || allowed.has(id))
        .flatMap(([, g]) =>
          Object.entries(g.members)
            .filter(([, m]) => m.name === name)
            .map(([id]) => id),
        ),
    ),
  ]
  const nameOf = (id: string): string =>
    Object.values(tracker.seen.data.groups)
      .map(g => g.members[id]?.name)
      .find(Boolean) ?? id

  const memberReport = (inv: CommandInvocation, id: string, period: Period, allowed?: Set<string>): Action[] => {
    const records = loadDays(ctx.store, tracker.current.data, period.from, period.to).filter(
      r => !allowed || allowed.has(r.groupId),
    )
    const s = summarize(onlyMember(records, id), period.from, period.to)
    const text = memberText(s, nameOf(id), period.label, ctx.timezone)
    if (!s.messages) return answer(inv, { text })
    const bars = topBars(
      `${nameOf(id)} 各群发言条数`,
      s.groups.map(g => ({ label: g.topic, value: g.messages })),
      ctx.configFor().chartTopN,
    )
    const trend = s.days.length > 1 ? trendSeries(s) : undefined
    return answer(inv, {
      text,
      chart: reports.chart('member', { title: `${nameOf(id)} · ${period.label}`, bars, trend }),
    })
  }

  const activity = async (inv: CommandInvocation): Promise<Action[]> => {
    const allowed = scope(inv.event)
    const { period, rest } = periodAndRest(inv.argv, ctx.clock.now(), ctx.timezone)
    await tracker.refreshGroups(period.to) // today's group sizes and quiet groups
    const mentioned = inv.event.mentions.find(id => id !== ctx.directory.selfId())
    if (mentioned) return memberReport(inv, mentioned, period, allowed)
    const target = rest.join(' ').trim()
    let ids = allowed
    if (target) {
      const name = target.replace(/^@/, '')
      const exact = knownGroups(allowed).filter(g => g.topic === target || g.configName === target)
      const groups =
        exact.length || target.startsWith('@') ? exact : knownGroups(allowed).filter(g => g.topic.includes(target))
      if (!groups.length) {
        const people = membersNamed(name, allowed)
        if (people.length === 1) return memberReport(inv, people[0], period, allowed)
        const why =
          people.length > 1
            ? `有 ${people.length} 位成员叫「${quoted(name)}」，请在群里 @ 对方。`
            : `没有找到「${quoted(target)}」对应的群或成员。`
        return [inv.reply(`${why}\n用法：${usage}`)]
      }
      ids = new Set(groups.map(g => g.id))
    }
    const s = reports.summary(period.from, period.to, ids)
    const text = activityText(s, period.label, { topMembers: ctx.configFor().topMembers })
    if (!s.messages) return answer(inv, { text })
    const single = s.groups.length === 1
    const bars = single
      ? topBars(
          `${s.groups[0].topic} 成员发言条数`,
          s.groups[0].members.map(m => ({ label: m.name, value: m.messages })),
          ctx.configFor().chartTopN,
        )
      : topBars(
          '各群消息数',
          s.groups.map(g => ({ label: g.topic, value: g.messages })),
          ctx.configFor().chartTopN,
        )
    return answer(inv, {
      text,
      chart: reports.chart('activity', { title: `活跃度 · ${period.label}`, bars, trend: trendSeries(s) }),
    })
  }

  return [
    {
      name: '活跃度',
      aliases: ['activity'],
      role: 'leader',
      usage,
      description: '查看各群或某位成员的发言统计（附图表）',
      run: activity,
    },
    {
      name: '沉默成员',
      aliases: ['silent'],
      role: 'leader',
      usage: `${p}沉默成员 [天数]`,
      description: '列出多天未发言的成员',
      run: async inv => {
        const days = inv.argv[0] ? Number(inv.argv[0]) : ctx.configFor(inv.event.group).silentDays
        if (!Number.isInteger(days) || days < 1 || days > 365)
          return [inv.reply(`天数应为 1 到 365 的整数。\n用法：${p}沉默成员 [天数]`)]
        const allowed = scope(inv.event) ?? (inv.event.group ? new Set([inv.event.group.id]) : undefined)
        return [inv.reply(silentText(await reports.silent(days, allowed), days, ctx.timezone))]
      },
    },
    {
      name: '响应',
      aliases: ['response'],
      role: 'leader',
      usage: `${p}响应 [今日|本周|本月]`,
      description: '客户群响应时间（中位数、P90）与未回复客户',
      run: async inv => {
        const allowed = scope(inv.event)
        const { period, rest } = periodAndRest(inv.argv, ctx.clock.now(), ctx.timezone)
        if (rest.length) return [inv.reply(`用法：${p}响应 [今日|本周|本月]`)]
        return [
          inv.reply(
            responseText(reports.summary(period.from, period.to, allowed), period.label, await reports.facts(allowed)),
          ),
        ]
      },
    },
    {
      name: '日报',
      aliases: ['daily'],
      role: 'leader',
      usage: `${p}日报`,
      description: '立即生成今天的活跃度日报（附图表）',
      run: async inv =>
        inv.event.group?.kind === 'customer'
          ? [inv.reply('日报包含所有群的数据，请私聊机器人或在内部群使用。')]
          : answer(inv, await reports.daily(ctx.clock.now())),
    },
  ]
}

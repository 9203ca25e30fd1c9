import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { GroupRef } from '../../../bot/core/event.js'
import type { PluginContext } from '../../../bot/core/plugin.js'
import { addDays, dayKey } from '../../../bot/time/zoned.js'
import { writeChart, type ChartSpec, type Series } from '../chart/chart.js'
import { enabledIn, type ActivityConfig } from '../config.js'
import type { ActivityRules } from '../rules/group-rules.js'
import type { DayCloser } from '../days/closing.js'
import { loadDays } from '../days/history.js'
import { raiseLastSeen, type ActivityDocs, type GroupDay } from '../state.js'
import { FleetDays } from '../days/fleet-days.js'
import { fleetWaiting } from '../fleet/waiting.js'
import { staffMembers, summarize, type PeriodSummary } from './aggregate.js'
import { dayLabel, periodRange } from './periods.js'
import { silentMembers } from './silent.js'
import { dailyReportText, weeklyText, type GroupSilent, type ReportFacts } from './text.js'

/** Charts are sent within minutes; older files are removed so the folder does not grow forever. */
const CHART_KEEP_MS = 30 * 86_400_000

/** A report: chat text and, when there is data, the path of its chart PNG. */
export interface Report {
  text: string
  chart?: string
}

/** Bars of the `n` largest values, largest first. */
export function topBars(title: string, items: { label: string; value: number }[], n: number): Series {
  const top = [...items].sort((a, b) => b.value - a.value).slice(0, n)
  return {
    title: items.length > n ? `${title}（前 ${n}）` : title,
    labels: top.map(i => i.label),
    values: top.map(i => i.value),
  }
}

/** The trend under a chart: per hour for one day, per day otherwise. */
export function trendSeries(s: PeriodSummary): Series {
  if (s.days.length === 1) {
    const hours = s.groups.reduce((acc, g) => acc.map((v, i) => v + g.hours[i]), new Array<number>(24).fill(0))
    return { title: '各时段消息数', labels: hours.map((_, h) => `${h}时`), values: hours }
  }
  return { title: '每日消息数', labels: s.days.map(d => d.slice(5)), values: s.perDay }
}

/** Builds report texts and charts from the stored counters and the live directory. */
export class ActivityReports {
  private charts = 0
  private fleet: FleetDays

  constructor(
    private ctx: PluginContext<ActivityConfig>,
    private docs: ActivityDocs,
    private closer: DayCloser,
    private rulesOf: (cfg: ActivityConfig) => ActivityRules,
  ) {
    this.fleet = new FleetDays(ctx.fleet)
  }

  /** Group-days of [from, to], of every account of the fleet (this account's alone for one process). */
  days(from: string, to: string): Promise<GroupDay[]> {
    return this.fleet.with(loadDays(this.ctx.store, this.docs.current.data, from, to), from, to)
  }

  /** Counters of [from, to], optionally only some groups. */
  async summary(from: string, to: string, groupIds?: Set<string>): Promise<PeriodSummary> {
    const records = await this.days(from, to)
    return summarize(groupIds ? records.filter(r => groupIds.has(r.groupId)) : records, from, to)
  }

  /** Managed groups the plugin counts in (per-group `enabled`). */
  groups(groupIds?: Set<string>): GroupRef[] {
    return this.ctx.directory
      .groups()
      .filter(g => enabledIn(this.ctx.configFor(g)) && (!groupIds || groupIds.has(g.id)))
  }

  /** Silent members of the current groups. */
  async silent(days: number, groupIds?: Set<string>): Promise<GroupSilent[]> {
    const now = this.ctx.clock.now()
    const out: GroupSilent[] = []
    for (const g of this.groups(groupIds)) {
      const members = (await this.ctx.directory.members(g.id).catch(() => [])).filter(
        m => m.id !== this.ctx.directory.selfId(),
      )
      const current = members.map(m => ({
        id: m.id,
        name: this.ctx.displayName(m),
        staff: this.ctx.rolesOf(m.id).length > 0,
      }))
      const seen = this.docs.seen.data
      for (const open of Object.values(this.docs.current.data.days)) if (open[g.id]) raiseLastSeen(seen, open[g.id])
      out.push({ topic: g.topic, members: silentMembers(seen.groups[g.id], current, now, days) })
    }
    return out
  }

  /** Live facts (silent members, the customers waiting fleet-wide) for a report. */
  async facts(groupIds?: Set<string>): Promise<ReportFacts> {
    const cfg = this.ctx.configFor()
    const days = cfg.silentDays
    const waiting = (await fleetWaiting(this.docs.current.data, this.ctx.fleet)).filter(
      w => !groupIds || groupIds.has(w.group.id),
    )
    const now = this.ctx.clock.now()
    return {
      tz: this.ctx.timezone,
      now,
      topMembers: cfg.topMembers,
      silentDays: days,
      silent: await this.silent(days, groupIds),
      waiting,
      waited: (w, at) => this.rulesOf(this.ctx.configFor(w.group)).clock.elapsed(at, now),
    }
  }

  /** Write a chart into the plugin's output folder as `<kind>-<n>-<ms>.png`, dropping charts older than 30 days. */
  chart(kind: string, spec: ChartSpec): string {
    const dir = join(this.ctx.outputDir, 'activity')
    const now = this.ctx.clock.now()
    const path = writeChart(dir, `${kind}-${++this.charts}-${now}.png`, spec)
    const cutoff = now - CHART_KEEP_MS
    for (const f of readdirSync(dir)) {
      const stamp = /-(\d{13})\.png$/.exec(f)?.[1]
      if (stamp && Number(stamp) < cutoff) rmSync(join(dir, f), { force: true })
    }
    return path
  }

  /**
   * Today's report with a chart of messages per group and the last 7 days. `dayOver`: sent at or after
   * `dailyReport.time` (the day's end), so a quiet day reads `今天没有群消息。`
   */
  async daily(now: number, dayOver = false): Promise<Report> {
    const tz = this.ctx.timezone
    const today = dayKey(now, tz)
    await this.closer.refreshGroups(today)
    const s = await this.summary(today, today)
    const title = `活跃度日报 · ${dayLabel(today, tz)}`
    const text = dailyReportText(s, title, await this.facts(), dayOver)
    if (!s.messages) return { text }
    const week = await this.summary(addDays(today, -6), today)
    const bars = topBars(
      '各群今日消息数',
      s.groups.map(g => ({ label: g.topic, value: g.messages })),
      this.ctx.configFor().chartTopN,
    )
    return {
      text,
      chart: this.chart(`daily-${today}`, { title, bars, trend: { ...trendSeries(week), title: '近 7 天每日消息数' } }),
    }
  }

  /** This week's leaderboard with a chart of messages per member and per day. */
  async weekly(now: number): Promise<Report> {
    const p = periodRange('week', now, this.ctx.timezone)
    await this.closer.refreshGroups(p.to)
    const s = await this.summary(p.from, p.to)
    const title = `本周活跃榜 · ${p.from.slice(5)} 至 ${p.to.slice(5)}`
    const text = weeklyText(s, title, await this.facts())
    if (!s.messages) return { text }
    const bars = topBars(
      '本周员工发言条数',
      staffMembers(s).map(m => ({ label: m.name, value: m.messages })),
      this.ctx.configFor().chartTopN,
    )
    return { text, chart: this.chart(`weekly-${p.to}`, { title, bars, trend: trendSeries(s) }) }
  }
}

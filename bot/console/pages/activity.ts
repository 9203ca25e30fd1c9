import { summarize, type PeriodSummary } from '../../../plugins/activity/report/aggregate.js'
import { renderChart } from '../../../plugins/activity/chart/chart.js'
import { topBars, trendSeries } from '../../../plugins/activity/report/builder.js'
import { periodRange } from '../../../plugins/activity/report/periods.js'
import { percentile } from '../../../plugins/activity/report/response-stats.js'
import { waitingLines } from '../../../plugins/activity/report/text.js'
import { formatDuration } from '../../config/duration.js'
import { checkDayRange, type DayRange } from '../../time/day-range.js'
import { addDays, dayKey } from '../../time/zoned.js'
import { h, type Html } from '../html.js'
import type { ConsoleSource } from '../source.js'

const RANGES = [1, 7, 30] as const
/** The longest range the groups page reads (the daily counters are read day by day). */
export const MAX_RANGE_DAYS = 92

/** The days a page shows, and why the dates asked for could not be used (shown on the page above the default range). */
export interface AskedRange extends DayRange {
  error?: string
}

/** The weeks the groups page offers (`?week=this|last`): Monday to Sunday in the configured timezone, as `#周榜`. */
const WEEKS = { this: '本周', last: '上周' } as const

/** This week (Monday to today, as `#周榜` counts it) or last week (Monday to Sunday), in `tz`. */
function weekRange(which: keyof typeof WEEKS, now: number, tz: string): DayRange {
  const { from, to } = periodRange('week', now, tz)
  return which === 'this' ? { from, to } : { from: addDays(from, -7), to: addDays(from, -1) }
}

/**
 * The range a request asks for: `?days=1|7|30` (ending today), `?week=this|last` ({@link weekRange}), or `?from=&to=` (dates, at most
 * {@link MAX_RANGE_DAYS} days, not after today; one of the two alone is that one day). Default: the last 7 days,
 * also when the dates are not real days or run backwards, with `error` saying so.
 */
export function dateRange(source: ConsoleSource, get: (k: string) => string | undefined): AskedRange {
  const today = dayKey(source.now(), source.timezone())
  const from = get('from')?.trim() || ''
  const to = get('to')?.trim() || ''
  const asked = from || to ? checkDayRange(from || to, to || from, 'pickers') : undefined
  if (asked?.ok) {
    const end = [asked.range.to, today].sort()[0]
    return { from: [[asked.range.from, end].sort()[0], addDays(end, 1 - MAX_RANGE_DAYS)].sort()[1], to: end }
  }
  const week = get('week')
  if (!asked && (week === 'this' || week === 'last')) return weekRange(week, source.now(), source.timezone())
  const n = Number(get('days'))
  const days = Number.isInteger(n) && n >= 1 && n <= MAX_RANGE_DAYS ? n : 7
  return { from: addDays(today, 1 - days), to: today, error: asked?.error }
}

/** The activity plugin's counters of the days in `range` (every account's in fleet mode). */
export async function activitySummary(source: ConsoleSource, range: DayRange): Promise<PeriodSummary> {
  return summarize(await source.groupDays(range.from, range.to), range.from, range.to)
}

/** Today's figures for the overview: messages in managed groups (from the activity counters) and open notices. */
export async function todayFacts(source: ConsoleSource): Promise<{ messages: number; openNotices?: number }> {
  const today = dayKey(source.now(), source.timezone())
  const ack = source.views('ack')
  return {
    messages: (await activitySummary(source, { from: today, to: today })).messages,
    openNotices: ack?.notices(200).filter(n => n.state === 'open').length,
  }
}

const CHART_TTL_MS = 60_000
const charts = new WeakMap<ConsoleSource, Map<string, { at: number; png: Buffer }>>()

/**
 * The groups chart as PNG, drawn exactly like the chat reports (ECharts SSR, rasterised with the
 * shipped CJK font, so labels read the same on a browser without Chinese fonts). Drawing costs a few
 * hundred milliseconds, so a chart is kept for a minute per range (at most a minute old).
 */
export async function groupsChartPng(source: ConsoleSource, range: DayRange): Promise<Buffer> {
  const key = `${range.from}|${range.to}`
  const now = source.now()
  let kept = charts.get(source)
  if (!kept) charts.set(source, (kept = new Map()))
  const hit = kept.get(key)
  if (hit && now - hit.at < CHART_TTL_MS) return hit.png
  const s = await activitySummary(source, range)
  const png = renderChart({
    title: `各群消息数（${s.from} 至 ${s.to}）`,
    bars: topBars(
      '消息数',
      s.groups.map(g => ({ label: g.topic, value: g.messages })),
      15,
    ),
    trend: trendSeries(s),
  })
  for (const [k, v] of kept) if (now - v.at >= CHART_TTL_MS) kept.delete(k)
  kept.set(key, { at: now, png })
  return png
}

/**
 * Groups page: the customers waiting for an answer now (as `#日报` lists them), per-group activity figures over a date
 * range (presets or any dates), silent members and the chart.
 */
export async function groupsPage(source: ConsoleSource, range: AskedRange): Promise<Html> {
  const s = await activitySummary(source, range)
  // Members now (bot and fleet peers left out): who did not speak, and the size where no night recorded one yet.
  const now = new Map<string, { size: number; silent: string[] } | undefined>()
  for (const g of s.groups) {
    const spoke = new Set(g.members.map(m => m.id))
    const members = await source.groupMembers(g.groupId).catch(() => [])
    now.set(
      g.groupId,
      members && { size: members.length, silent: members.filter(m => !spoke.has(m.id)).map(m => m.name) },
    )
  }
  // Managed groups with no record in the range: listed too, with everyone in them as not having spoken.
  const recorded = new Set(s.groups.map(g => g.groupId))
  const quiet = []
  for (const g of source.status().groups.filter(x => !recorded.has(x.id))) {
    const members = await source.groupMembers(g.id).catch(() => undefined)
    quiet.push({ topic: g.topic, size: members?.length, silent: members?.map(m => m.name) })
  }
  const today = dayKey(source.now(), source.timezone())
  const presets = [
    ...RANGES.map(d => ({ label: label(d), href: `/groups?days=${d}`, from: addDays(today, 1 - d), to: today })),
    ...(['this', 'last'] as const).map(w => ({
      label: WEEKS[w],
      href: `/groups?week=${w}`,
      ...weekRange(w, source.now(), source.timezone()),
    })),
  ]
  // On a Monday 本周 is today: one preset is marked, the first that fits.
  const on = presets.find(p => p.from === range.from && p.to === range.to)
  const ranges = presets.map(p => (p === on ? h`<strong>${p.label}</strong>` : h`<a href="${p.href}">${p.label}</a>`))
  const waiting = waitingLines(await source.waiting(), source.now(), source.timezone(), source.waited(source.now()))
  const median = (v: number[]) => {
    const p = percentile(v, 0.5)
    return p === undefined ? '—' : formatDuration(p)
  }
  return h`<form method="get" action="/groups" class="filters">范围：${ranges.map((r, i) => h`${i ? ' · ' : ''}${r}`)}
<label>从 <input type="date" name="from" value="${s.from}" max="${today}"></label>
<label>到 <input type="date" name="to" value="${s.to}" max="${today}"></label><button>查看</button></form>
${range.error ? h`<p class="error" role="alert">${range.error}下面仍是 ${s.from} 至 ${s.to}。</p>` : ''}
<p class="muted">${s.from} 至 ${s.to}，共 ${s.messages} 条消息（最长 ${MAX_RANGE_DAYS} 天）。</p>
${waiting.length ? h`<h2>正在等待回复</h2><ul>${waiting.map(l => h`<li>${l.slice(2)}</li>`)}</ul>` : ''}
${
  s.groups.length
    ? h`<table><thead><tr><th>群</th><th>消息</th><th>发言人数</th><th>日均活跃</th><th>群人数</th><th>入群/退群</th><th>回复中位数</th><th>未回复</th><th title="发 # 命令（如 #成交）不算发言">没有发言</th></tr></thead><tbody>
${s.groups.map(
  g => h`<tr><td>${g.topic}</td><td>${g.messages}</td><td>${g.members.length}</td><td>${g.dailyActive.toFixed(1)}</td>
<td>${g.size ?? now.get(g.groupId)?.size ?? '—'}</td><td>${g.joined.length}/${g.left.length}</td><td>${median(g.responses)}</td><td>${g.unanswered}</td>
<td>${silentCell(now.get(g.groupId)?.silent)}</td></tr>`,
)}
${quiet.map(
  g =>
    h`<tr><td>${g.topic}</td><td>0</td><td>0</td><td>0.0</td><td>${g.size ?? '—'}</td><td>—</td><td>—</td><td>0</td><td>${silentCell(g.silent)}</td></tr>`,
)}
</tbody></table>
<h2>图表</h2>
<div class="chart"><img src="/groups/chart.png?from=${s.from}&amp;to=${s.to}" alt="各群消息数与趋势"></div>`
    : source.plugins().some(p => p.name === 'activity')
      ? h`<p class="muted">这段时间还没有活跃度数据。</p>`
      : h`<p class="muted">这段时间没有活跃度数据（需要启用 activity 插件）。</p>`
}`
}

/** Who did not speak; `—` for a group this account is not in (another account of the fleet counted it). */
function silentCell(names: string[] | undefined): Html {
  if (!names) return h`—`
  if (!names.length) return h`0`
  return h`<details><summary>${names.length} 人</summary>${names.slice(0, 50).join('、')}${names.length > 50 ? ` 等 ${names.length} 人` : ''}</details>`
}

function label(days: number): string {
  return days === 1 ? '今天' : `最近 ${days} 天`
}

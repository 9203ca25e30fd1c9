import { summarize, type PeriodSummary } from '../../plugins/activity/report/aggregate.js'
import { renderChart } from '../../plugins/activity/chart/chart.js'
import { CURRENT_DOC, CURRENT_SPEC } from '../../plugins/activity/state.js'
import { loadDays } from '../../plugins/activity/days/history.js'
import { topBars, trendSeries } from '../../plugins/activity/report/builder.js'
import { percentile } from '../../plugins/activity/report/response-stats.js'
import { formatDuration } from '../config/duration.js'
import { addDays, dayKey } from '../time/zoned.js'
import { h, type Html } from './html.js'
import type { ConsoleSource } from './source.js'

const RANGES = [1, 7, 30] as const

/** The activity plugin's counters of the last `days` days (today included), read from the store. */
export function activitySummary(source: ConsoleSource, days: number): PeriodSummary {
  const to = dayKey(source.now(), source.timezone())
  const from = addDays(to, -(days - 1))
  const current = source.store.doc(CURRENT_DOC, CURRENT_SPEC).data
  return summarize(loadDays(source.store, current, from, to), from, to)
}

/**
 * The groups chart as PNG, drawn exactly like the chat reports (ECharts SSR, rasterised with the
 * shipped CJK font, so labels read the same on a browser without Chinese fonts).
 */
export function groupsChartPng(source: ConsoleSource, days: number): Buffer {
  const s = activitySummary(source, days)
  return renderChart({
    title: `各群消息数（${s.from} 至 ${s.to}）`,
    bars: topBars(
      '消息数',
      s.groups.map(g => ({ label: g.topic, value: g.messages })),
      15,
    ),
    trend: trendSeries(s),
  })
}

/** Groups page: per-group activity figures over a date range and the chart. */
export function groupsPage(source: ConsoleSource, days: number): Html {
  const s = activitySummary(source, days)
  const ranges = RANGES.map(d =>
    d === days ? h`<strong>${label(d)}</strong>` : h`<a href="/groups?days=${d}">${label(d)}</a>`,
  )
  const median = (v: number[]) => {
    const p = percentile(v, 0.5)
    return p === undefined ? '—' : formatDuration(p)
  }
  return h`<p>范围：${ranges.map((r, i) => h`${i ? ' · ' : ''}${r}`)}（${s.from} 至 ${s.to}，共 ${s.messages} 条消息）</p>
${
  s.groups.length
    ? h`<table><thead><tr><th>群</th><th>消息</th><th>发言人数</th><th>日均活跃</th><th>群人数</th><th>入群/退群</th><th>回复中位数</th><th>未回复</th></tr></thead><tbody>
${s.groups.map(
  g => h`<tr><td>${g.topic}</td><td>${g.messages}</td><td>${g.members.length}</td><td>${g.dailyActive.toFixed(1)}</td>
<td>${g.size ?? '—'}</td><td>${g.joined.length}/${g.left.length}</td><td>${median(g.responses)}</td><td>${g.unanswered}</td></tr>`,
)}
</tbody></table>
<h2>图表</h2>
<div class="chart"><img src="/groups/chart.png?days=${days}" alt="各群消息数与趋势"></div>`
    : h`<p class="muted">这段时间没有活跃度数据（需要启用 activity 插件）。</p>`
}`
}

function label(days: number): string {
  return days === 1 ? '今天' : `最近 ${days} 天`
}

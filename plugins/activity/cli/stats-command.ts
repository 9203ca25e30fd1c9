import { dayRangeOption, defineCli, UsageError } from '../../../bot/cli/args.js'
import { FleetReader } from '../../../bot/ports/postgres/fleet-reader.js'
import type { Store } from '../../../bot/ports/store/store.js'
import { clockTime } from '../../../bot/time/zoned.js'
import { CURRENT_DOC, CURRENT_SPEC, type GroupDay } from '../state.js'
import { FleetDays } from '../days/fleet-days.js'
import { loadDays } from '../days/history.js'
import { responseStats } from '../report/response-stats.js'
import { chineseCell, GROUP_COLUMNS, KINDS, MEMBER_COLUMNS } from './stats-columns.js'
import { csvCell } from '../../../bot/core/csv.js'

/** The `stats` usage line (the CLI adds `--data` and `--out`). */
export const STATS_USAGE =
  'usage: stats --from YYYY-MM-DD [--to YYYY-MM-DD] [--format csv|json] [--by member|group] [--headers zh|en]'
const CLI = defineCli({
  usage: STATS_USAGE,
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string', default: 'csv' },
    by: { type: 'string', default: 'member' },
    headers: { type: 'string', default: 'zh' },
  },
})
type Row = Record<string, string | number | boolean>

const minutes = (ms?: number) => (ms === undefined ? '' : Math.round(ms / 6000) / 10)

/** One row per member per group per day. */
export function memberRows(days: GroupDay[], tz: string): Row[] {
  return days.flatMap(g =>
    Object.entries(g.members).map(([id, m]) => {
      const resp = responseStats(g.responses.filter(([s]) => s === id).map(([, ms]) => ms))
      return {
        day: g.day,
        group_id: g.groupId,
        group: g.topic,
        group_kind: g.kind,
        member_id: id,
        member: m.name,
        staff: m.staff,
        messages: m.messages,
        chars: m.chars,
        ...Object.fromEntries(KINDS.map(k => [k, m.kinds[k] ?? 0])),
        other: m.messages - KINDS.reduce((a, k) => a + (m.kinds[k] ?? 0), 0),
        first: clockTime(m.first, tz),
        last: clockTime(m.last, tz),
        answered: resp?.count ?? 0,
        response_median_min: minutes(resp?.median),
        response_p90_min: minutes(resp?.p90),
      }
    }),
  )
}

/** One row per group per day. */
export function groupRows(days: GroupDay[]): Row[] {
  return days.map(g => {
    const members = Object.values(g.members)
    const resp = responseStats(g.responses.map(([, ms]) => ms))
    const peak = Math.max(...g.hours)
    return {
      day: g.day,
      group_id: g.groupId,
      group: g.topic,
      group_kind: g.kind,
      size: g.size ?? '',
      messages: members.reduce((a, m) => a + m.messages, 0),
      active_members: members.length,
      active_share: g.size ? Math.round((1000 * members.length) / g.size) / 10 : '',
      joined: g.joined.length,
      left: g.left.length,
      answered: resp?.count ?? 0,
      response_median_min: minutes(resp?.median),
      response_p90_min: minutes(resp?.p90),
      unanswered: g.unanswered,
      peak_hour: peak > 0 ? g.hours.indexOf(peak) : '',
    }
  })
}

/**
 * CSV with a BOM (so Excel reads the Chinese), quoted fields, and formula-looking text defused; `columns` in their
 * order, headed in Chinese with the group kind and staff in words, or with `en` as before 2026-12 (the row keys,
 * `customer`, `true`/`false`) for scripts that read those.
 */
export function toCsv(
  rows: Row[],
  columns: readonly (readonly [string, string])[],
  headers: 'zh' | 'en' = 'zh',
): string {
  const cell = (k: string, v: string | number | boolean) => {
    const shown = headers === 'zh' ? chineseCell(k, v) : v
    return typeof shown === 'string' ? csvCell(shown) : String(shown)
  }
  const head = columns.map(([key, zh]) => (headers === 'zh' ? zh : key))
  const lines = rows.map(r => columns.map(([k]) => cell(k, r[k])).join(','))
  return `\uFEFF${[head.join(','), ...lines].join('\n')}\n`
}

interface StatsArgs {
  from: string
  to: string
  format: 'csv' | 'json'
  by: 'member' | 'group'
  headers: 'zh' | 'en'
}

function statsArgs(argv: string[]): StatsArgs | UsageError {
  const parsed = CLI.parse(argv)
  if (parsed instanceof UsageError) return parsed
  const { from: fromText, to: toText = fromText, format, by, headers } = parsed.values
  if (fromText === undefined) return CLI.error('缺少 --from：请写日期，例如 2026-11-30（--from is required）')
  const range = dayRangeOption(CLI, fromText, toText)
  if (range instanceof UsageError) return range
  const { from, to } = range
  if (format !== 'csv' && format !== 'json')
    return CLI.error('--format 只能是 csv 或 json（--format must be csv or json）')
  if (by !== 'member' && by !== 'group')
    return CLI.error('--by 只能是 member（按人）或 group（按群）（--by must be member or group）')
  if (headers !== 'zh' && headers !== 'en')
    return CLI.error('--headers 只能是 zh（中文表头，默认）或 en（英文表头）（--headers must be zh or en）')
  return { from, to, format, by, headers }
}

/**
 * The group-days of [from, to]: one bot's (its store), or in fleet mode every account's, each group-day once,
 * added up the way `#活跃度` and the reports add them (`FleetDays`, with no account of its own).
 */
export async function statsDays(source: Store | FleetReader, from: string, to: string): Promise<GroupDay[]> {
  if (!(source instanceof FleetReader)) return loadDays(source, source.doc(CURRENT_DOC, CURRENT_SPEC).data, from, to)
  return new FleetDays(source).with([], from, to)
}

/**
 * `stats --from DATE --to DATE --format csv|json`: the activity numbers for a spreadsheet, of one bot's store or
 * of the whole fleet (`FleetReader`). Exit code 0, 1 (no data) or 2 (usage). Only the data goes to `out` (the
 * CSV starts with its BOM at byte 0); messages go to `err`.
 */
export async function runStats(
  argv: string[],
  source: Store | FleetReader,
  timezone: string,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const opts = statsArgs(argv)
  if (opts instanceof UsageError) return opts.report(err)
  const days = await statsDays(source, opts.from, opts.to)
  if (!days.length) {
    err.write(`该时间段没有活跃度数据 (no activity data from ${opts.from} to ${opts.to})\n`)
    return 1
  }
  if (opts.format === 'json')
    out.write(
      `${JSON.stringify(
        { from: opts.from, to: opts.to, timezone, groups: groupRows(days), members: memberRows(days, timezone) },
        null,
        2,
      )}\n`,
    )
  else if (opts.by === 'group') out.write(toCsv(groupRows(days), GROUP_COLUMNS, opts.headers))
  else out.write(toCsv(memberRows(days, timezone), MEMBER_COLUMNS, opts.headers))
  return 0
}

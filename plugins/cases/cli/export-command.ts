import { dayRangeOption, defineCli, UsageError } from '../../../bot/cli/args.js'
import { FleetReader } from '../../../bot/ports/postgres/fleet-reader.js'
import type { Store } from '../../../bot/ports/store/store.js'
import { clockTime, dayKey } from '../../../bot/time/zoned.js'
import { CaseStore } from '../store/case-store.js'
import { ForeignCases } from '../fleet/foreign-cases.js'
import { CaseSearch } from '../search/case-search.js'
import { casesConfigSchema } from '../config.js'
import { digestMarkdown } from '../digest/digest.js'
import { rangeInstants } from '../digest/period.js'
import { compileMasker } from '../content/privacy.js'
import type { CaseRecord } from '../state.js'
import { csvCell } from '../../../bot/core/csv.js'

/** The `cases export` usage line (the CLI adds `--data` and `--out`). */
export const CASES_USAGE = 'usage: cases export [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format md|json|csv] [--mask]'
const CLI = defineCli({
  usage: CASES_USAGE,
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string', default: 'md' },
    mask: { type: 'boolean', default: false },
  },
  positionals: { max: 1 },
})
const DEFAULTS = casesConfigSchema.parse({})
const DEFAULT_FIELDS = DEFAULTS.fields

/**
 * Live cases in capture order: one bot's (its store), or in fleet mode every account's, each with the account in
 * its id (`C3@sales1`), as a bot shows the cases another account captured.
 */
export async function exportCases(source: Store | FleetReader, timezone: string): Promise<CaseRecord[]> {
  if (!(source instanceof FleetReader)) return new CaseStore(source, timezone).live()
  const cases = new ForeignCases(new CaseSearch(DEFAULTS.rankFields))
  source.follow('cases-*', (account, data, doc) => {
    if (/^cases-\d{4}-\d{2}$/.test(doc)) cases.update(account, doc, data)
  })
  await source.load()
  return cases.live().sort((a, b) => a.at - b.at)
}

/**
 * `cases export`: every live case (of this bot, or in fleet mode of every account) captured in [--from, --to] (default: all)
 * written to `out` as Markdown (like the digest file), JSON or CSV (UTF-8
 * with BOM for Excel). `--mask` masks the default privacy patterns (phones, ID numbers, emails, WeChat ids) and
 * writes each author's WeChat id as a pseudonym (`作者1`). Returns
 * the exit code: 0 on success, 1 when no case is in the period (nothing is written: an auditor's script must not
 * take an empty file for an export), 2 on bad arguments.
 */
export async function runCasesExport(
  argv: string[],
  source: Store | FleetReader,
  timezone: string,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const opts = exportArgs(argv)
  if (opts instanceof UsageError) return opts.report(err)
  const all = await exportCases(source, timezone)
  const from = opts.from ?? (all.length ? dayKey(all[0].at, timezone) : '—')
  const to = opts.to ?? (all.length ? dayKey(all[all.length - 1].at, timezone) : '—')
  const bounds =
    opts.from || opts.to
      ? rangeInstants({ from: opts.from ?? '1970-01-01', to: opts.to ?? '9999-12-31' }, timezone)
      : undefined
  const cases = bounds ? all.filter(c => c.at >= bounds.from && c.at < bounds.to) : all
  if (!cases.length) {
    const period = bounds ? ` from ${opts.from ?? '…'} to ${opts.to ?? '…'}` : ''
    err.write(`该时间段没有案例 (no cases${period})\n`)
    return 1
  }
  const masked = opts.mask ? maskedCases(cases, compileMasker(DEFAULTS.privacy)) : cases
  const fleet = source instanceof FleetReader
  const text =
    opts.format === 'json'
      ? `${JSON.stringify(masked, null, 2)}\n`
      : opts.format === 'csv'
        ? toCsv(masked, timezone, fleet)
        : digestMarkdown(
            masked,
            { range: { from, to }, mask: s => s, tz: timezone, fieldNames: DEFAULT_FIELDS },
            '案例导出',
            fleet ? [FLEET_ID_NOTE] : [],
          )
  await new Promise<void>((resolve, reject) => out.write(text, e => (e ? reject(e) : resolve())))
  return 0
}

/**
 * Cases as `--mask` exports them: text, title and fields through the default privacy patterns (phones, ID numbers,
 * emails, WeChat ids), and no person's WeChat id: each author's id becomes the same pseudonym in every row (`作者1`,
 * `作者2`… in order of first appearance), so one author's cases still go together.
 */
function maskedCases(cases: CaseRecord[], mask: (s: string) => string): CaseRecord[] {
  const pseudonyms = new Map<string, string>()
  const pseudonym = (id: string) => {
    if (!pseudonyms.has(id)) pseudonyms.set(id, `作者${pseudonyms.size + 1}`)
    return pseudonyms.get(id)!
  }
  return cases.map(({ removedBy: _removedBy, ...c }) => ({
    ...c,
    authorId: pseudonym(c.authorId),
    text: mask(c.text),
    title: mask(c.title),
    fields: Object.fromEntries(Object.entries(c.fields).map(([k, v]) => [k, mask(v)])),
  }))
}

interface ExportArgs {
  from?: string
  to?: string
  format: 'md' | 'json' | 'csv'
  mask: boolean
}

/** `[export] [--from DAY] [--to DAY] [--format md|json|csv] [--mask]` (the word `export` may be left out). */
function exportArgs(argv: string[]): ExportArgs | UsageError {
  const parsed = CLI.parse(argv)
  if (parsed instanceof UsageError) return parsed
  const [command] = parsed.positionals
  if (command !== undefined && command !== 'export') return CLI.error(`unknown cases command ${command}`)
  const { values } = parsed
  const range = (values.from ?? values.to) ? dayRangeOption(CLI, values.from, values.to) : undefined
  if (range instanceof UsageError) return range
  // An end left out is open (every case before, or since, the day given).
  const from = values.from === undefined ? undefined : range?.from
  const to = values.to === undefined ? undefined : range?.to
  const format = values.format
  if (format !== 'md' && format !== 'json' && format !== 'csv')
    return CLI.error(`--format: expected md, json or csv, got "${format}"`)
  return { from, to, format, mask: values.mask }
}

/**
 * Why a fleet export's ids carry an account: each account numbers its own cases (`C1` on two accounts are two
 * cases), and chat shows the account only on another account's case.
 */
export const FLEET_ID_NOTE =
  '编号后的 @账号 是记录该案例的机器人账号：每个账号各自编号，两个账号都可能有 C1。在聊天里，本账号的案例显示为 C1，其他账号的显示为 C1@账号。'

/** Cases as CSV: one row per case, template fields as columns, the whole text last; `fleet`: ids carry their account. */
export function toCsv(cases: CaseRecord[], tz: string, fleet = false): string {
  const fields = [...new Set([...DEFAULT_FIELDS, ...cases.flatMap(c => Object.keys(c.fields))])]
  const header = [
    fleet ? '编号@账号' : '编号',
    '标签',
    '作者',
    '作者ID',
    '来源',
    '时间',
    '标题',
    ...fields,
    '附图',
    '全文',
  ]
  const rows = cases.map(c => [
    c.id,
    c.tag,
    c.author,
    c.authorId,
    c.groupTopic ?? '私聊',
    `${dayKey(c.at, tz)} ${clockTime(c.at, tz)}`,
    c.title,
    ...fields.map(f => c.fields[f] ?? ''),
    String(c.images.length),
    c.text,
  ])
  return `\uFEFF${[header, ...rows].map(r => r.map(csvCell).join(',')).join('\r\n')}\r\n`
}

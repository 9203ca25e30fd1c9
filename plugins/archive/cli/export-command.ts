import { dayRangeOption, defineCli, UsageError } from '../../../bot/cli/args.js'
import { dayKey } from '../../../bot/time/zoned.js'
import { EXPORT_FORMATS, type ExportFormat, exportArchive } from '../export/export.js'
import { type ArchiveQuery, chatsNamed } from '../search/query.js'
import { type ArchiveType, TYPE_LABEL } from '../capture/record.js'
import type { ArchiveCliEnv } from './cli-env.js'
import { runVerifyCli, VERIFY_USAGE } from './verify-command.js'

/** The `archive export` usage line. */
const EXPORT_USAGE =
  'usage: archive export --from YYYY-MM-DD --to YYYY-MM-DD [--group NAME|ID]... [--member ID|NAME] [--type 图片] [--format jsonl|csv|md|html] [--data DIR]'
/** The `archive` usage lines: export, verify. */
export const ARCHIVE_USAGE = `${EXPORT_USAGE}\n       ${VERIFY_USAGE.replace('usage: ', '')}`
const CLI = defineCli({
  usage: EXPORT_USAGE,
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    group: { type: 'string', multiple: true },
    member: { type: 'string' },
    type: { type: 'string', multiple: true },
    format: { type: 'string', default: 'jsonl' },
  },
  positionals: { min: 1, max: 1 },
})

/**
 * `archive export` (below) or `archive verify` (`runVerifyCli`).
 * `archive export`: the records of a date range (optionally some groups, one
 * member, some types) as JSONL, CSV (BOM at byte 0) or a Markdown transcript
 * on stdout; the export is written to the access log first. Exit codes: 0
 * done, 2 bad arguments or an unknown group.
 */
export async function runArchiveCli(argv: string[], env: ArchiveCliEnv): Promise<number> {
  if (argv[0] === 'verify') return runVerifyCli(argv, env)
  const fail = (msg: string) => CLI.error(msg).report(env.err)
  const a = exportArgs(argv)
  if (a instanceof UsageError) return a.report(env.err)
  const chats = await env.backend.chats()
  const q: ArchiveQuery = { from: a.from, to: a.to, member: a.member, types: a.types.length ? a.types : undefined }
  if (a.groups.length) {
    q.chats = []
    for (const g of a.groups) {
      const found = chatsNamed(chats, g)
      if (!found.length) return fail(`--group: no archived chat named "${g}"`)
      q.chats.push(...found.map(c => c.chat))
    }
  }
  const detail = `export ${a.format} ${a.from}..${a.to}${a.groups.length ? ` groups ${a.groups.join(',')}` : ''}${a.member ? ` member ${a.member}` : ''}`
  await env.backend.logAccess({ at: env.now, who: env.who, action: 'export', detail }, dayKey(env.now, env.timezone))
  await env.audit?.(`${env.who} 导出信息记录：${detail}`)
  const write = (chunk: string) =>
    new Promise<void>((resolve, reject) => env.out.write(chunk, e => (e ? reject(e) : resolve())))
  const count = await exportArchive(env.backend, q, a.format, env.timezone, write)
  env.err.write(`已导出 ${count} 条记录（exported ${count} record(s)）\n`)
  return 0
}

interface ExportArgs {
  from: string
  to: string
  groups: string[]
  member?: string
  types: ArchiveType[]
  format: ExportFormat
}

function exportArgs(argv: string[]): ExportArgs | UsageError {
  if (argv[0] !== 'export')
    return new UsageError(
      argv[0]
        ? `没有 archive ${argv[0]} 这个命令，只有 export 和 verify（unknown archive command ${argv[0]}）`
        : '缺少命令：archive export … 或 archive verify …（missing archive command）',
      ARCHIVE_USAGE,
    )
  const parsed = CLI.parse(argv)
  if (parsed instanceof UsageError) return parsed
  const { values } = parsed
  if (values.from === undefined || values.to === undefined)
    return CLI.error('缺少 --from 或 --to：请写日期，例如 2026-11-30（--from and --to are required）')
  const range = dayRangeOption(CLI, values.from, values.to)
  if (range instanceof UsageError) return range
  const { from, to } = range
  const format = EXPORT_FORMATS.find(f => f === values.format)
  if (!format)
    return CLI.error(
      `--format 只能是 ${EXPORT_FORMATS.join('、')}，不能是「${values.format}」（expected ${EXPORT_FORMATS.join(', ')}）`,
    )
  const types: ArchiveType[] = []
  for (const value of values.type ?? []) {
    const t = (Object.entries(TYPE_LABEL).find(([k, l]) => l === value || k === value)?.[0] ?? '') as ArchiveType
    if (!t)
      return CLI.error(
        `--type：没有「${value}」这种类型，可用：${Object.values(TYPE_LABEL).join('、')}（unknown type）`,
      )
    types.push(t)
  }
  return { from, to, groups: values.group ?? [], member: values.member, types, format }
}

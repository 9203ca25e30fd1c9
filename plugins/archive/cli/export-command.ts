import { dayKey } from '../../../bot/time/zoned.js'
import { validDay } from '../../cases/period.js'
import type { ArchiveBackend } from '../store/backend.js'
import { EXPORT_FORMATS, type ExportFormat, exportArchive } from '../export/export.js'
import { type ArchiveQuery, chatsNamed } from '../search/query.js'
import { type ArchiveType, TYPE_LABEL } from '../capture/record.js'

const USAGE =
  'usage: archive export --from YYYY-MM-DD --to YYYY-MM-DD [--group NAME|ID]... [--member ID|NAME] [--type 图片] [--format jsonl|csv|md|html] [--data DIR]'

/** What the `archive` CLI runs over. */
export interface ArchiveCliEnv {
  backend: ArchiveBackend
  timezone: string
  out: NodeJS.WritableStream
  err: NodeJS.WritableStream
  /** Who runs it, for the access log (`cli:<os user>`). */
  who: string
  now: number
  /** Also write the export to the bot's audit log. */
  audit?: (text: string) => Promise<void>
}

/**
 * `archive export`: the records of a date range (optionally some groups, one
 * member, some types) as JSONL, CSV (BOM at byte 0) or a Markdown transcript
 * on stdout; the export is written to the access log first. Exit codes: 0
 * done, 2 bad arguments or an unknown group.
 */
export async function runArchiveCli(argv: string[], env: ArchiveCliEnv): Promise<number> {
  const fail = (msg: string) => {
    env.err.write(`${msg}\n${USAGE}\n`)
    return 2
  }
  if (argv[0] !== 'export') return fail(argv[0] ? `unknown archive command ${argv[0]}` : 'missing archive command')
  const a = parseArgs(argv.slice(1))
  if (typeof a === 'string') return fail(a)
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
  env.err.write(`exported ${count} record(s)\n`)
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

function parseArgs(argv: string[]): ExportArgs | string {
  const a: Partial<ExportArgs> & { groups: string[]; types: ArchiveType[] } = { groups: [], types: [], format: 'jsonl' }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2)
    const value = inline ?? argv[++i]
    if (value === undefined) return `missing value for ${flag}`
    if (flag === '--from' || flag === '--to') {
      const day = validDay(value)
      if (!day) return `${flag}: expected a date YYYY-MM-DD, got "${value}"`
      a[flag === '--from' ? 'from' : 'to'] = day
    } else if (flag === '--format') {
      const format = EXPORT_FORMATS.find(f => f === value)
      if (!format) return `--format: expected ${EXPORT_FORMATS.join(', ')}, got "${value}"`
      a.format = format
    } else if (flag === '--group') a.groups.push(value)
    else if (flag === '--member') a.member = value
    else if (flag === '--type') {
      const t = (Object.entries(TYPE_LABEL).find(([k, l]) => l === value || k === value)?.[0] ?? '') as ArchiveType
      if (!t) return `--type: unknown type "${value}" (${Object.values(TYPE_LABEL).join(', ')})`
      a.types.push(t)
    } else return `unknown option ${flag}`
  }
  if (!a.from || !a.to) return '--from and --to are required'
  if (a.from > a.to) return `--from ${a.from} is after --to ${a.to}`
  return a as ExportArgs
}

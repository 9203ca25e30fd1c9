import { dayRangeOption, defineCli, UsageError } from '../../../bot/cli/args.js'
import { chatName } from '../export/export.js'
import { chatsNamed } from '../search/query.js'
import { verifyText } from '../verify/report-text.js'
import type { ArchiveBackend } from '../store/backend.js'
import { verifySegments } from '../verify/verify.js'
import type { ArchiveCliEnv } from './cli-env.js'
import { codeVerdictText, verifyCode } from './verify-code.js'

/** The `archive verify` usage line. */
export const VERIFY_USAGE =
  'usage: archive verify [--from YYYY-MM-DD --to YYYY-MM-DD] [--group NAME|ID]... [--json] [--data DIR]' +
  ' | archive verify --code CODE [--day YYYY-MM-DD] [--json] [--data DIR]'
const CLI = defineCli({
  usage: VERIFY_USAGE,
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    group: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    code: { type: 'string' },
    day: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
})

/** Exit code when the check found something wrong (0: nothing; 1: no archive; 2: bad arguments). */
export const VERIFY_PROBLEMS = 3

/**
 * `archive verify`: read the archive's day segments as stored (every day kept, or `--from`/`--to`; all chats or
 * `--group`) and report per chat and day the messages, `seq` gaps, damaged lines (file and line), duplicates,
 * times that run backwards, the first broken link of each file's hash chain and the anchors it no longer matches
 * (with the chats and days only the anchor log names: a removed file, or one the retention purge deleted);
 * Chinese first with English, or the report as JSON (`--json`). On PostgreSQL each chat's day of rows is one chain,
 * named by chat, day, row and `pos` (no `seq` gaps, duplicates or order there: see `DayCheck.rows`). Writes
 * nothing, the access log included: it shows no message content. Exit codes: 0 nothing wrong, 3 something wrong,
 * 2 bad arguments, an unknown group, or an archive without a chain (in memory).
 */
export async function runVerifyCli(argv: string[], env: ArchiveCliEnv): Promise<number> {
  const parsed = CLI.parse(argv)
  if (parsed instanceof UsageError) return parsed.report(env.err)
  const { values } = parsed
  let from: string | undefined
  let to: string | undefined
  if (values.from !== undefined || values.to !== undefined) {
    const range = dayRangeOption(CLI, values.from, values.to)
    if (range instanceof UsageError) return range.report(env.err)
    ;({ from, to } = range)
  }
  const { stored } = env.backend
  if (!stored)
    return CLI.error('这个存档没有哈希链，无从核对（this archive keeps no hash chain: nothing to verify）').report(
      env.err,
    )
  const archive = { stored: stored.bind(env.backend) }
  if (values.code !== undefined) return codeCli(values.code, values, env, archive)
  if (values.day !== undefined) return CLI.error('--day 只与 --code 同用（--day goes with --code）').report(env.err)
  const chats = await env.backend.chats()
  const book = await env.anchors?.()
  // A chat only the anchor log names (its folder and its line in the chat list removed) is checked too.
  let keys = [...new Set([...chats.map(c => c.chat), ...(book?.chats() ?? [])])].sort()
  if (values.group?.length) {
    const picked = new Set<string>()
    for (const g of values.group) {
      const found = chatsNamed(chats, g)
      if (!found.length)
        return CLI.error(`--group：没有名为「${g}」的会话记录（no archived chat named "${g}"）`).report(env.err)
      for (const c of found) picked.add(c.chat)
    }
    keys = keys.filter(k => picked.has(k))
  }
  const segments = archive.stored(keys, from ?? '0000-00-00', to ?? '9999-99-99', c => book?.days(c) ?? [])
  const report = await verifySegments(segments, book, from, to)
  const titles = new Map(chats.map(c => [c.chat, c.title]))
  // In the text a private chat is marked (`李四（私聊） · 2026-12-07`): the person's name alone reads like a group's.
  const named = new Map(chats.map(c => [c.chat, chatName(c, c.chat)]))
  const text = values.json
    ? `${JSON.stringify({ ...report, days: report.days.map(d => ({ ...d, title: titles.get(d.chat) })) }, null, 2)}\n`
    : verifyText(report, named, env.timezone)
  await write(env, text)
  return report.problems ? VERIFY_PROBLEMS : 0
}

/** `archive verify --code CODE [--day D]`: whether the archive still gives the day's check code (exit 3: not). */
async function codeCli(
  code: string,
  values: { day?: string; json: boolean; from?: string; to?: string; group?: string[] },
  env: ArchiveCliEnv,
  archive: Required<Pick<ArchiveBackend, 'stored'>>,
): Promise<number> {
  if (values.from !== undefined || values.to !== undefined || values.group?.length)
    return CLI.error('--code 核对一天的校验码，不与 --from/--to/--group 同用（--code checks one day）').report(env.err)
  let day: string | undefined
  if (values.day !== undefined) {
    const range = dayRangeOption(CLI, values.day, values.day)
    if (range instanceof UsageError) return range.report(env.err)
    day = range.from
  }
  const verdict = await verifyCode(code, day, env, archive)
  if (typeof verdict === 'string') return CLI.error(verdict).report(env.err)
  const titles = new Map((await env.backend.chats()).map(c => [c.chat, c.title]))
  await write(
    env,
    values.json ? `${JSON.stringify(verdict, null, 2)}\n` : codeVerdictText(verdict, titles, env.timezone),
  )
  return verdict.matches ? 0 : VERIFY_PROBLEMS
}

function write(env: ArchiveCliEnv, text: string): Promise<void> {
  return new Promise<void>((resolve, reject) => env.out.write(text, e => (e ? reject(e) : resolve())))
}

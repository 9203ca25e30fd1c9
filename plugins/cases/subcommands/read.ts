import { customersRead } from '../../../bot/commands/audience.js'
import type { Action } from '../../../bot/core/actions.js'
import type { CommandInvocation } from '../../../bot/core/plugin.js'
import { readDayRange } from '../../../bot/time/day-range.js'
import { seesRaw } from '../decide-access.js'
import { buildDigest } from '../digest/build.js'
import { lastDays, periodFromWord } from '../digest/period.js'
import { parseSearchArgs } from '../search/query.js'
import { noHitsReply, searchReply, T, viewReply } from '../texts.js'
import { formatFor, replyMasker, RULE, target, type CasesDeps } from './deps.js'

/** Longest `#案例 搜索` arguments (characters) worth segmenting. */
export const MAX_QUERY = 100

/** `#案例 搜索 <关键词> [筛选]`. */
export function searchCases(d: CasesDeps, inv: CommandInvocation, rest: string): Action[] {
  const p = d.ctx.commandPrefix
  if (!rest.trim()) return [inv.reply(T.searchUsage(p))]
  // Capped before any parsing: a 1 MB query would cost seconds and hundreds of MB to segment.
  if (rest.length > MAX_QUERY) return [inv.reply(T.queryTooLong(MAX_QUERY))]
  const cfg = d.ctx.configFor(inv.event.group)
  const q = parseSearchArgs(rest, d.ctx.clock.now(), d.ctx.timezone)
  if (q.invalidDate) return [inv.reply(q.invalidDate)]
  const out = d.search.search(q, cfg.searchResults)
  if (!out.total) return [inv.reply(noHitsReply(q, d.search.termCounts(out.terms), p, d.search.size))]
  return [inv.reply(searchReply(q, out, formatFor(d, inv)))]
}

/** `#案例 查看 <编号>`. */
export function viewCase(d: CasesDeps, inv: CommandInvocation, rest: string): Action[] {
  const c = target(d, inv, rest, '查看')
  return Array.isArray(c) ? c : [inv.reply(viewReply(c, formatFor(d, inv)))]
}

/** `#案例 周报 [时段]` (trainers and admins): the text and the Markdown file, to the asker privately. */
export function digestReply(d: CasesDeps, inv: CommandInvocation, rest: string): Action[] {
  const roles = inv.event.sender.roles
  if (!roles.includes('trainer') && !roles.includes('admin')) return [inv.reply(T.digestRoles)]
  const cfg = d.ctx.configFor(inv.event.group)
  const now = d.ctx.clock.now()
  const tz = d.ctx.timezone
  const word = rest.trim()
  const days = readDayRange(word)
  if (days && !days.ok) return [inv.reply(days.error)]
  const range = word ? periodFromWord(word, now, tz) : lastDays(cfg.digest.days, now, tz)
  if (!range) return [inv.reply(T.digestUsage(d.ctx.commandPrefix, cfg.digest.days))]
  const mask = replyMasker(d, inv.event, cfg)
  const built = buildDigest(d.digest, range, mask, cfg.maxReplyChars, seesRaw(inv.event, cfg))
  // The digest (colleagues' and customers' cases, the file too) is the asker's: privately, also when asked in a work
  // group, where one line says where it went (a group customers read hears nothing, as for every staff command).
  const note = inv.event.group && !customersRead(inv.event) ? [inv.reply(T.digestSentPrivately)] : []
  const file = built.path ? [inv.whisperFile(built.path, `${RULE}.周报文件`)] : []
  return [inv.whisper(built.text), ...file, ...note]
}

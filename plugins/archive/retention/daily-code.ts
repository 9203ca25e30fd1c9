import type { Action } from '../../../bot/core/actions.js'
import { addDays, dayKey } from '../../../bot/time/zoned.js'
import type { ArchiveDeps } from '../access/deps.js'
import { ANCHOR_LOG, type AnchorEntry, type CheckCodeEntry } from '../store/chain.js'
import { checkCodeMessage, checkCodeRecord } from '../texts.js'
import { AnchorBook } from '../verify/anchor-book.js'
import { type CodeCheck, checkCode, dayCode } from '../verify/check-code.js'
import { ANCHOR_DAYS, readAnchors } from './anchors.js'

/**
 * The daily check code (`verify/check-code.ts`) of yesterday's files, once a day (the first run of the daily job
 * after the day; a run that finds it written already does nothing): recorded in the anchor log with the files it
 * covers, and sent privately to the auditors (`roles.auditor`; none: the admins) unless `checkCode.send` is off.
 * The sends are ordinary decisions: audited, held back in observe mode, through the outbox. Nothing where the back
 * end keeps no chain (PostgreSQL, memory) or yesterday has no file.
 */
export async function dailyCheckCode(d: ArchiveDeps, now: number): Promise<Action[]> {
  if (!d.backend.heads) return []
  const { ctx } = d
  const today = dayKey(now, ctx.timezone)
  const day = addDays(today, -1)
  const log = await readAnchors<AnchorEntry | CheckCodeEntry>(d, today, today)
  if (log.some(e => e.kind === 'code' && e.day === day)) return []
  const heads = await d.backend.heads({ from: day, to: day })
  const files = heads.map(h => ({ chat: h.chat, bytes: h.bytes, hash: h.hash }))
  if (!files.length) return []
  const code = checkCode(day, files)
  const entry: CheckCodeEntry = { v: 1, kind: 'code', day, code, files, at: now }
  ctx.store.append(ANCHOR_LOG, today, entry)
  const cfg = ctx.configFor()
  const auditors = ctx.membersWithRole('auditor')
  const to = cfg.checkCode.send ? [...new Set(auditors.length ? auditors : ctx.membersWithRole('admin'))] : []
  const text = checkCodeMessage(day, code, files.length, ctx.commandPrefix)
  return [
    ...to.map((id): Action => ({ type: 'say', to: { contact: id }, text, rule: 'archive.check-code', memberId: id })),
    { type: 'record', rule: 'archive.check-code', text: checkCodeRecord(day, code, files.length, to.length) },
  ]
}

/**
 * `day`'s check code as the file archive gives it now (`dayCode`: the files the recorded code read, read as far,
 * every link walked), with the code recorded then; undefined where the back end keeps no chain. Reads the day's
 * files: for a person's question (`#记录 校验码`, the console), never per message.
 */
export async function codeOfDay(d: ArchiveDeps, day: string): Promise<CodeCheck | undefined> {
  const { stored } = d.backend
  if (!d.backend.heads || !stored) return undefined
  // The code of a day is written by the daily job of a day after it (normally the next).
  const log = await readAnchors<AnchorEntry | CheckCodeEntry>(d, day, addDays(day, ANCHOR_DAYS))
  const chats = (await d.backend.chats()).map(c => c.chat)
  return dayCode({ stored: stored.bind(d.backend) }, day, new AnchorBook(log).code(day), chats)
}

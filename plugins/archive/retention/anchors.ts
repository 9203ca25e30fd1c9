import type { Action } from '../../../bot/core/actions.js'
import { addDays, dayKey } from '../../../bot/time/zoned.js'
import type { ArchiveDeps } from '../access/deps.js'
import { ANCHOR_LOG, type AnchorEntry, type ChainHead, type CheckCodeEntry } from '../store/chain.js'
import { anchored } from '../texts.js'

/**
 * Days (today and the ones before) whose segments the daily job anchors: a message delivered late is appended to
 * its own day's file, so a file may grow after its day.
 */
export const ANCHOR_DAYS = 3

/**
 * The daily anchors: the head (size, last line's hash) of every day segment of the last `ANCHOR_DAYS` days that
 * grew since it was last anchored, and of any older one a late message grew since the last run, appended to the state store's `ANCHOR_LOG` (outside the archive folder), so
 * `archive verify` catches a cut tail, a removed file or a chain recomputed after an edit. Returns one audit
 * record saying how many; nothing where the back end keeps no chain.
 */
export async function anchorHeads(d: ArchiveDeps, now: number): Promise<Action[]> {
  if (!d.backend.heads) return []
  const today = dayKey(now, d.ctx.timezone)
  const from = addDays(today, -(ANCHOR_DAYS - 1))
  // An anchor of a file of these days is written on its day or later: these days of the log hold them all.
  const last = new Map<string, number>()
  for (const a of await readAnchors<AnchorEntry>(d, from, today))
    if (a.kind === 'head') last.set(fileKey(a), Math.max(a.bytes, last.get(fileKey(a)) ?? 0))
  const fresh = [
    // Older files a late message grew since the last run (their anchors are in older days of the log).
    ...((await d.backend.grownBefore?.(from)) ?? []),
    ...(await d.backend.heads({ from, to: today })).filter(h => last.get(fileKey(h)) !== h.bytes),
  ]
  if (!fresh.length) return []
  recordHeads(d, fresh, 'head', now)
  return [
    {
      type: 'record',
      rule: 'archive.anchor',
      text: anchored(fresh.length),
      reason: `链头锚定 ${from} 至 ${today}（chain heads）`,
    },
  ]
}

/** Append `heads` to the anchor log (dated today), as `kind`. */
export function recordHeads(d: ArchiveDeps, heads: readonly ChainHead[], kind: AnchorEntry['kind'], now: number): void {
  const day = dayKey(now, d.ctx.timezone)
  for (const h of heads) {
    const entry: AnchorEntry = { v: 1, kind, chat: h.chat, day: h.day, bytes: h.bytes, hash: h.hash, at: now }
    if (h.pos !== undefined) entry.pos = h.pos
    d.ctx.store.append(ANCHOR_LOG, day, entry)
  }
}

/**
 * The anchor log's entries of days in [from, to]: the store's, and for the fleet's archive (`fleetWide`) every
 * account's (the daily job runs once fleet-wide, on whichever account's turn it is).
 */
export async function readAnchors<E extends AnchorEntry | CheckCodeEntry>(
  d: ArchiveDeps,
  from: string,
  to: string,
): Promise<E[]> {
  const own = d.ctx.store.readLog<E>(ANCHOR_LOG, from, to)
  if (!d.backend.fleetWide || !d.ctx.store.readFleetLog) return own
  const others = await d.ctx.store.readFleetLog<E>(ANCHOR_LOG, from, to)
  return [...others.map(o => o.record), ...own]
}

function fileKey(h: ChainHead): string {
  return `${h.chat}\n${h.day}`
}

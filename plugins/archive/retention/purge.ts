import type { Action } from '../../../bot/core/actions.js'
import { addDays, dayKey } from '../../../bot/time/zoned.js'
import { type ArchiveDeps, logAccess } from '../access/deps.js'
import type { ChatInfo } from '../capture/record.js'
import { purged } from '../texts.js'
import { recordHeads } from './anchors.js'
import { purgeExports } from './exports.js'

/** True when a group's records may not be purged: a hold from config (`legalHold`) or from `#记录 保全`. */
export function onHold(d: ArchiveDeps, c: ChatInfo): boolean {
  if (c.kind === 'private') return false
  return !!d.holds.data.holds[c.chat] || configOf(d, c).legalHold
}

/**
 * The daily purge: each chat's day segments older than its retention
 * (`retentionDays` of its kind, per group overridable) are deleted, except in
 * groups on legal hold; export files past their keeping time go too ({@link purgeExports}). Where records are chained, the heads of the segments it deletes are written to the anchor
 * log first (and flushed), so `archive verify` reports them as deleted by retention, not as removed.
 * Returns one audit record saying what went and what was held.
 */
export async function purgeExpired(d: ArchiveDeps, now: number): Promise<Action[]> {
  const today = dayKey(now, d.ctx.timezone)
  const held: string[] = []
  const cuts: { chat: string; before: string }[] = []
  for (const listed of await d.backend.chats()) {
    const c = listed.recovered ? await known(d, listed) : listed
    if (onHold(d, c)) held.push(c.title)
    else cuts.push({ chat: c.chat, before: addDays(today, -retentionOf(d, c)) })
  }
  if (d.backend.heads) {
    for (const cut of cuts)
      recordHeads(
        d,
        await d.backend.heads({ chats: [cut.chat], from: '0000-00-00', to: addDays(cut.before, -1) }),
        'purged',
        now,
      )
    await d.ctx.store.flush(true) // the anchor log's lines on disk now, before any file goes
  }
  let segments = 0
  let records = 0
  for (const cut of cuts) {
    const r = await d.backend.purgeBefore(cut.chat, cut.before)
    segments += r.segments
    records += r.records
  }
  const text = purged(segments, records, held, purgeExports(d, now))
  await logAccess(d, { who: 'job', action: 'purge', detail: text, count: records })
  return [{ type: 'record', rule: 'archive.purge', text, reason: `保留期清理 ${today} 之前（retention purge）` }]
}

/**
 * A chat listed again after its line in the chat list was lost (`recovered`): a group the bot is in is known again
 * (its kind and config entry, saved for the next start); others stay as recovered.
 */
async function known(d: ArchiveDeps, c: ChatInfo): Promise<ChatInfo> {
  const g = c.kind === 'private' ? undefined : d.ctx.directory.group(c.chat)
  if (!g) return c
  const info: ChatInfo = { chat: g.id, kind: g.kind, title: g.topic, configName: g.configName }
  await d.backend.saveChat(info)
  return info
}

/** A chat's retention in days; a recovered group whose kind is unknown keeps the longest of the group kinds'. */
function retentionOf(d: ArchiveDeps, c: ChatInfo): number {
  const days = configOf(d, c).retentionDays
  return c.recovered && c.kind !== 'private' ? Math.max(days.customer, days.internal, days.broadcast) : days[c.kind]
}

function configOf(d: ArchiveDeps, c: ChatInfo) {
  return c.kind === 'private' || !c.configName
    ? d.ctx.configFor()
    : d.ctx.configFor({ id: c.chat, topic: c.title, kind: c.kind, configName: c.configName })
}

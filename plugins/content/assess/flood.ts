import { formatDuration } from '../../../bot/config/duration.js'
import type { ContentConfig } from '../config.js'

/** Flood settings (the `flood` config section). */
export type FloodConfig = ContentConfig['flood']

interface Posted {
  at: number
  groupId: string
  hash: number
  length: number
}
interface MemberWindow {
  times: number[]
  posted: Posted[]
}

const MAX_POSTED = 50

/** FNV-1a hash of a string's UTF-16 units. */
export function textHash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** How many different groups got the text with this hash and length (no allocation: the list is at most 50 long). */
function distinctGroups(posted: Posted[], hash: number, length: number): number {
  let n = 0
  for (let i = 0; i < posted.length; i++) {
    const p = posted[i]
    if (p.hash !== hash || p.length !== length) continue
    let seen = false
    for (let j = 0; j < i && !seen; j++)
      seen = posted[j].hash === hash && posted[j].length === length && posted[j].groupId === p.groupId
    if (!seen) n++
  }
  return n
}

/**
 * In-memory sliding windows per member: message times, and recent texts with
 * the group they went to. Bounded: at most `maxMessages + 1` times and 50
 * texts per member, and `maxTracked` members (least recently seen dropped).
 */
export class FloodTracker {
  private members = new Map<string, MemberWindow>()

  /** Record a message; returns a note when it makes the member a flooder, else undefined. */
  observe(memberId: string, groupId: string, text: string, at: number, cfg: FloodConfig): string | undefined {
    const w = this.window(memberId, cfg.maxTracked)
    const times = w.times
    times.push(at)
    while (times.length && times[0] <= at - cfg.within) times.shift()
    if (times.length > cfg.maxMessages + 1) times.shift()
    if (times.length > cfg.maxMessages) return `${formatDuration(cfg.within)}内发了 ${cfg.maxMessages} 条以上消息`
    return this.repeated(w, groupId, text.trim(), at, cfg)
  }

  /** Number of members currently tracked. */
  get size(): number {
    return this.members.size
  }

  private repeated(w: MemberWindow, groupId: string, text: string, at: number, cfg: FloodConfig): string | undefined {
    const posted = w.posted
    while (posted.length && posted[0].at <= at - cfg.repeatWithin) posted.shift()
    if (text.length < cfg.minLength) return undefined
    const hash = textHash(text)
    posted.push({ at, groupId, hash, length: text.length })
    if (posted.length > MAX_POSTED) posted.shift()
    const groups = distinctGroups(posted, hash, text.length)
    return groups >= cfg.repeatGroups
      ? `${formatDuration(cfg.repeatWithin)}内把同一段文字发到了 ${groups} 个群`
      : undefined
  }

  private window(memberId: string, maxTracked: number): MemberWindow {
    let w = this.members.get(memberId)
    if (w) this.members.delete(memberId)
    else w = { times: [], posted: [] }
    this.members.set(memberId, w)
    if (this.members.size > maxTracked) this.members.delete(this.members.keys().next().value as string)
    return w
  }
}

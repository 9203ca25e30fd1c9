import type { GroupSeen } from '../state.js'

/** A member silent for too long, with when they last spoke (undefined: never, since `since`). */
export interface SilentMember {
  id: string
  name: string
  staff: boolean
  last?: number
  since: number
}

/**
 * Current members with no message for `days` days. The clock also restarts when
 * they (re)joined or tracking began, so a new group or member is not silent at once.
 */
export function silentMembers(
  g: GroupSeen | undefined,
  current: { id: string; name: string; staff: boolean }[],
  now: number,
  days: number,
): SilentMember[] {
  const cutoff = now - days * 86_400_000
  const out: SilentMember[] = []
  for (const c of current) {
    const m = g?.members[c.id]
    const since = Math.max(m?.joined ?? 0, g?.since ?? now)
    if (Math.max(m?.last ?? 0, since) > cutoff) continue
    out.push({ id: c.id, name: m?.name ?? c.name, staff: c.staff, last: m?.last, since })
  }
  return out.sort((a, b) => (a.last ?? 0) - (b.last ?? 0))
}

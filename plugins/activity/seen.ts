import { z } from 'zod'
import { docSpec } from '../../bot/ports/store.js'
import type { GroupKind } from '../../bot/core/event.js'

/** Doc with the last message time of every member per group (grows with members, not history). */
export const SEEN_DOC = 'activity-members'

/** What the plugin remembers about one member of one group. */
export interface MemberSeen {
  name: string
  staff: boolean
  last?: number
  joined?: number
  left?: number
}

/** What the plugin remembers about one group. */
export interface GroupSeen {
  topic: string
  kind: GroupKind
  since: number
  members: Record<string, MemberSeen>
}

/** The last-seen doc. */
export interface SeenDoc {
  groups: Record<string, GroupSeen>
}

/** The last-seen document (volatile). */
export const SEEN_SPEC = docSpec<SeenDoc>({
  version: 1,
  schema: z.object({ groups: z.record(z.string(), z.looseObject({})) }),
  defaults: () => ({ groups: {} }),
  volatile: true,
})

/** The group entry, created on first sight (tracking starts then). */
export function seenGroup(doc: SeenDoc, groupId: string, topic: string, kind: GroupKind, now: number): GroupSeen {
  const g = (doc.groups[groupId] ??= { topic, kind, since: now, members: {} })
  g.topic = topic
  return g
}

/** The member entry of a group, created on first sight. */
export function seenMember(g: GroupSeen, id: string, name: string, staff: boolean): MemberSeen {
  const m = (g.members[id] ??= { name, staff })
  m.name = name
  m.staff = staff
  return m
}

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

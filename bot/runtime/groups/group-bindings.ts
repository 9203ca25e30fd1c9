import type { GroupRef } from '../../core/event.js'
import { z } from 'zod'
import { docSpec, type Store } from '../../ports/store/store.js'
import type { GroupMatcher } from './group-matcher.js'

interface BindingsDoc {
  /** Config group name -> the room id it was first confirmed in. */
  rooms: Record<string, string>
}

/** The `group-bindings` document: once a room is confirmed for a group, only that room is that group. */
export const BINDINGS_DOC = docSpec<BindingsDoc>({
  version: 1,
  schema: z.object({ rooms: z.record(z.string(), z.string()) }),
  defaults: () => ({ rooms: {} }),
})

/** How a room resolved: managed as `ref`, or refused because its entry is bound to another room. */
export interface Resolution {
  ref?: GroupRef
  /** `boundTo`: the bound room, or (`ambiguous`) the other rooms matching an unbound group. */
  refused?: { configName: string; boundTo: string; ambiguous?: boolean }
}

/**
 * Bindings of config groups to room ids (`group-bindings`). A group given by
 * exact topic, and the admin channel's group whatever way it is given, binds
 * to the first room that matches it; from then on only that room is that
 * group, whatever its topic becomes. Another room renamed to the same topic
 * is refused (and reported by the caller). Groups given by `id` are bound by
 * config; `topicPattern` groups (many rooms by design) are matched each time.
 */
export class GroupBindings {
  private doc

  constructor(
    store: Store,
    /** The admin channel's group name, when the admin channel is a group. */
    private adminGroup: () => string | undefined,
  ) {
    this.doc = store.doc('group-bindings', BINDINGS_DOC)
  }

  /**
   * Resolve every room the bot is in. A single-room group not yet bound that
   * several rooms match is bound to none of them (each is refused) until only one matches.
   */
  resolveAll(matcher: GroupMatcher, rooms: { id: string; topic: string }[]): Map<string, Resolution> {
    const out = new Map<string, Resolution>()
    const unbound = new Map<string, string[]>()
    for (const r of rooms) {
      const name = this.pendingSingle(matcher, r.id, r.topic)
      if (name) unbound.set(name, [...(unbound.get(name) ?? []), r.id])
    }
    for (const r of rooms) {
      const name = this.pendingSingle(matcher, r.id, r.topic)
      const rivals = name ? (unbound.get(name) ?? []) : []
      out.set(
        r.id,
        rivals.length > 1
          ? { refused: { configName: name!, boundTo: rivals.filter(x => x !== r.id).join('、'), ambiguous: true } }
          : this.resolve(matcher, r.id, r.topic),
      )
    }
    return out
  }

  /** Resolve a room by identity first, then by topic, binding single-room groups on first sight. */
  resolve(matcher: GroupMatcher, id: string, topic: string): Resolution {
    const rooms = this.doc.data.rooms
    const bound = Object.entries(rooms).find(([, roomId]) => roomId === id)?.[0]
    const boundEntry = bound ? matcher.entry(bound) : undefined
    if (boundEntry) return { ref: { id, topic, kind: boundEntry.kind, configName: boundEntry.name } }
    const hit = matcher.match(id, topic)
    if (!hit) return {}
    if (!this.isSingle(matcher, hit)) return { ref: hit }
    const owner = rooms[hit.configName]
    if (owner && owner !== id) return { refused: { configName: hit.configName, boundTo: owner } }
    if (!owner) {
      rooms[hit.configName] = id
      this.doc.changed()
    }
    return { ref: hit }
  }

  /** The single-room group this room would be the first binding of, if any. */
  private pendingSingle(matcher: GroupMatcher, id: string, topic: string): string | undefined {
    if (Object.values(this.doc.data.rooms).includes(id)) return undefined
    const hit = matcher.match(id, topic)
    if (!hit || this.doc.data.rooms[hit.configName] || !this.isSingle(matcher, hit)) return undefined
    return hit.configName
  }

  private isSingle(matcher: GroupMatcher, hit: GroupRef): boolean {
    const entry = matcher.entry(hit.configName)
    return entry?.id === undefined && (entry?.topic === hit.topic || hit.configName === this.adminGroup())
  }
}

/** The admin channel's room: the one managed room of that group, or none (admins are then told privately). */
export function adminRoom(groups: GroupRef[], name: string | undefined): string | undefined {
  const rooms = groups.filter(g => g.configName === name)
  return rooms.length === 1 ? rooms[0].id : undefined
}

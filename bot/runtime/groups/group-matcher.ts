import type { BotConfig } from '../../config/load-config.js'
import type { GroupRef } from '../../core/event.js'

type GroupEntry = BotConfig['groups'][number]

/**
 * Resolves a room (id + topic) to its managed-group entry: id first, then exact topic, then topic regex.
 * An entry given by `id` matches only that room, never by topic. Bindings of topic entries to the room
 * first confirmed are kept by GroupBindings (group-bindings.ts).
 */
export class GroupMatcher {
  private compiled: { entry: GroupEntry; re?: RegExp }[]

  constructor(entries: GroupEntry[]) {
    this.compiled = entries.map(entry => ({
      entry,
      re: entry.topicPattern ? new RegExp(entry.topicPattern) : undefined,
    }))
  }

  /** The managed group for a room, or undefined when the room is not managed. */
  match(id: string, topic: string): GroupRef | undefined {
    const hit =
      this.compiled.find(c => c.entry.id === id) ??
      this.compiled.find(c => c.entry.id === undefined && c.entry.topic !== undefined && c.entry.topic === topic) ??
      this.compiled.find(c => c.entry.id === undefined && c.re?.test(topic))
    return hit && { id, topic, kind: hit.entry.kind, configName: hit.entry.name }
  }

  /** The config entry by name. */
  entry(name: string): GroupEntry | undefined {
    return this.compiled.find(c => c.entry.name === name)?.entry
  }
}

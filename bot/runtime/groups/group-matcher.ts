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

/** A configured group that no room the bot is in matches: its config name and how it was meant to match. */
export interface UnmatchedGroup {
  name: string
  /** How the entry matches a room, e.g. `群名 "示例科技销售部工作群"`. */
  match: string
}

/**
 * The configured groups no managed room belongs to (a misspelt topic, or the bot not in that group yet): each is
 * silently unmanaged otherwise. Ask again when rooms change (an invitation, a renamed group): it reads `managed` now.
 */
export function unmatchedGroups(entries: GroupEntry[], managed: GroupRef[]): UnmatchedGroup[] {
  const found = new Set(managed.map(g => g.configName))
  return entries
    .filter(e => !found.has(e.name))
    .map(e => ({
      name: e.name,
      match:
        e.id !== undefined
          ? `群 ID ${e.id}`
          : e.topic !== undefined
            ? `群名 "${e.topic}"`
            : `群名匹配 /${e.topicPattern}/`,
    }))
}

/** One line naming unmatched groups, e.g. `销售部工作群（群名 "示例科技销售部工作群"）、…`. */
export function describeUnmatched(groups: UnmatchedGroup[]): string {
  return groups.map(g => `${g.name}（${g.match}）`).join('、')
}

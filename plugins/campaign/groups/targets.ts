import type { GroupKind, GroupRef } from '../../../bot/core/event.js'
import type { Targets } from '../config.js'

const KIND_WORDS: Record<string, GroupKind[]> = {
  内部群: ['internal'],
  internal: ['internal'],
  客户群: ['customer'],
  customer: ['customer'],
  公告群: ['broadcast'],
  broadcast: ['broadcast'],
  全部: ['internal', 'customer', 'broadcast'],
  all: ['internal', 'customer', 'broadcast'],
}

/** The managed groups a target selects, and the named groups the bot is not (or no longer) in. */
export interface ResolvedTargets {
  groups: GroupRef[]
  missingNames: string[]
}

/** Select the bot's current groups by kind or config name (a name may match several rooms). */
export function resolveTargets(targets: Targets, groups: GroupRef[]): ResolvedTargets {
  const picked = groups.filter(g => targets.kinds.includes(g.kind) || targets.groups.includes(g.configName))
  const missingNames = targets.groups.filter(name => !groups.some(g => g.configName === name))
  return { groups: picked, missingNames }
}

/**
 * Read chat target words (`内部群`, `客户群,公告群`, or config group names,
 * separated by spaces, commas or 、). A config name wins over a kind word.
 * Returns the unknown words too.
 */
export function parseTargetWords(text: string, groups: GroupRef[]): { targets: Targets; unknown: string[] } {
  const targets: Targets = { kinds: [], groups: [] }
  const unknown: string[] = []
  for (const word of text.split(/[\s,，、]+/).filter(Boolean)) {
    if (groups.some(g => g.configName === word)) targets.groups.push(word)
    else if (KIND_WORDS[word.toLowerCase()])
      targets.kinds.push(...KIND_WORDS[word.toLowerCase()].filter(k => !targets.kinds.includes(k)))
    else unknown.push(word)
  }
  return { targets, unknown }
}

/** Config names of groups, each once, e.g. `销售部工作群、南宁区域群`. */
export function groupNames(groups: GroupRef[]): string {
  return [...new Set(groups.map(g => g.configName))].join('、')
}

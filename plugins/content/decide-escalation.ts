import type { GroupKind } from '../../bot/core/event.js'
import type { Strike } from '../../bot/runtime/records/ledger.js'
import { covers, type ContentConfig } from './config.js'

/** Ledger category of this plugin's strikes: `content.<category>`. */
export const strikeCategory = (category: string): string => `content.${category}`

/** How many of a member's active strikes came from this plugin. */
export function contentStrikeCount(active: Strike[]): number {
  let n = 0
  for (const s of active) if (s.category.startsWith('content.')) n++
  return n
}

/** What a new strike means: the member's count after it, the limit, and the escalation when the limit is reached. */
export interface StrikePlan {
  count: number
  limit: number
  /** `remove`: remove the member and report; `ask`: ask the admins to handle it (removal not allowed here). */
  escalate?: 'remove' | 'ask'
  /** Whether reaching the limit removes this member in this group (for the warning's wording). */
  removable: boolean
  /** The config allows removing this member here, but the bot is not the group's owner or an admin. */
  botCannot?: boolean
}

/**
 * Plan a strike given the member's active content strikes before it. `botMayRemove`: whether the bot is owner
 * or admin of the group, when known; known not to be, the limit asks the admins instead of promising removal.
 */
export function planStrike(
  activeBefore: number,
  cfg: ContentConfig,
  kind: GroupKind,
  isStaff: boolean,
  botMayRemove?: boolean,
): StrikePlan {
  const count = activeBefore + 1
  const limit = cfg.escalation.strikes
  const allowed = covers(cfg.escalation.remove[kind], isStaff)
  const removable = allowed && botMayRemove !== false
  const cannot = allowed && !removable ? { botCannot: true } : {}
  if (count < limit) return { count, limit, removable, ...cannot }
  return { count, limit, removable, escalate: removable ? 'remove' : 'ask', ...cannot }
}

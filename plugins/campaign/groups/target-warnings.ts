import type { GroupRef } from '../../../bot/core/event.js'
import type { CampaignConfig } from '../config.js'
import { T } from '../texts.js'

/**
 * `check-config`'s warning when the daily posts' targets (`plugins.campaign.queue.targets`) select none of the
 * configured groups: every `#排期 添加` would be refused.
 */
export function queueTargetWarnings(
  cfg: CampaignConfig,
  groups: readonly Pick<GroupRef, 'configName' | 'kind'>[],
): string[] {
  const { kinds, groups: names } = cfg.queue.targets
  const hit = groups.some(g => kinds.includes(g.kind) || names.includes(g.configName))
  return hit ? [] : [T.queueTargetsMatchNothing(kinds, names)]
}

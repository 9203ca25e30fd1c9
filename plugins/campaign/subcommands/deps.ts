import type { Action } from '../../../bot/core/actions.js'
import type { PluginContext } from '../../../bot/core/plugin.js'
import type { CampaignConfig } from '../config.js'
import type { MediaLibrary } from '../media/library.js'
import type { GroupProgress } from '../report/share-count.js'
import type { ScheduleContext } from '../schedule/posting-window.js'
import type { FleetPosts } from '../fleet/fleet-posts.js'
import type { Campaign, CampaignState } from '../state.js'

/** What the `#活动` and `#排期` commands work with. */
export interface CampaignCommandDeps {
  ctx: PluginContext<CampaignConfig>
  state: CampaignState
  sched: ScheduleContext
  media: MediaLibrary
  /** The post queue of the whole fleet (this account's posts alone for one process). */
  queue: FleetPosts
  /** Who is expected in each group a campaign was announced to (current members). */
  progress(c: Campaign): Promise<GroupProgress[]>
  /** Close an announced campaign and report it (`early`: `#活动 结束`). */
  finish(id: string, early: boolean): Promise<Action[]>
  /** File names in a folder (the media folder listing for `#排期 素材`). */
  listDir(dir: string): string[]
}

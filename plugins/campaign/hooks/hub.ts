import type { PluginContext } from '../../../bot/core/plugin.js'
import type { CampaignConfig } from '../config.js'
import type { MediaLibrary } from '../media/library.js'
import type { ScheduleContext } from '../schedule/posting-window.js'
import type { CampaignState } from '../state.js'

/** What every hook reads: the plugin's context, its documents, the posting window and the media library. */
export interface CampaignHub {
  ctx: PluginContext<CampaignConfig>
  state: CampaignState
  sched: ScheduleContext
  media: MediaLibrary
}

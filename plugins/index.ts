import type { PluginDefinition } from '../bot/core/plugin.js'
import { ackPlugin } from './ack/index.js'
import { activityPlugin } from './activity/index.js'
import { archivePlugin } from './archive/index.js'
import { campaignPlugin } from './campaign/index.js'
import { casesPlugin } from './cases/index.js'
import { contentPlugin } from './content/index.js'
import { realnamePlugin } from './realname/index.js'
import { servicePlugin } from './service/index.js'

/** Every plugin the bot ships, in alphabetical order. Each has a config section of the same name. */
export const PLUGINS: PluginDefinition[] = [
  ackPlugin,
  activityPlugin,
  archivePlugin,
  campaignPlugin,
  casesPlugin,
  contentPlugin,
  realnamePlugin,
  servicePlugin,
]

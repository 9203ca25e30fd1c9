/**
 * The package's `wechat-group-guard/sandbox` entry: the simulated WeChat `npm start` runs on, for a bot that embeds
 * Group Guard (with plugins of its own) to try its rules without an account. Build a Wechaty on its puppet, install
 * `GroupGuard`, start the bot, log the world's bot in, then speak as members with `world.say`; `world.on('sent')`
 * hears what the bot sends (examples/embed-sandbox.ts).
 */
import { shipped } from '../package-root.js'

export { createSandbox, type Sandbox, type SandboxOptions, SandboxWorld, type SentListener } from './index.js'
export type { Conversation, MessageOptions, SentRecord } from './types.js'
export { populateWorld, readWorld, type WorldSpec } from './load-world.js'

/** The demo company's world file shipped with the package (`data/demo/world.yaml`), as `npm start` uses it. */
export const DEMO_WORLD = shipped('data/demo/world.yaml')

import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PluginDefinition } from '../core/plugin.js'
import { FakeClock } from '../ports/clock.js'
import { MemoryStore } from '../ports/store/memory-store.js'
import { SimulatedWeChat } from '../ports/simulated.js'
import { createLogger } from '../process/logger.js'
import { BotRuntime } from '../runtime/host/runtime.js'
import { loadConfig, type LoadedConfig } from './load-config.js'

/**
 * Load a config and start its plugins on simulated WeChat and an in-memory store: the same checks the bot
 * runs at start-up (schema, paths, roster, every plugin's `create()`, every job's schedule), without
 * connecting. Throws ConfigError listing every problem; `check-config` and `start` both call it.
 */
export async function verifyConfig(file: string, plugins: PluginDefinition[], now = Date.now()): Promise<LoadedConfig> {
  const loaded = loadConfig(file, plugins)
  await startPluginsDry(loaded, plugins, now)
  return loaded
}

/** Create and schedule every enabled plugin against simulated ports, then stop them; throws ConfigError. */
export async function startPluginsDry(loaded: LoadedConfig, plugins: PluginDefinition[], now: number): Promise<void> {
  const clock = new FakeClock(now)
  const wechat = new SimulatedWeChat(clock)
  const rt = new BotRuntime({
    loaded,
    plugins,
    clock,
    store: new MemoryStore(),
    directory: wechat,
    roomAdmin: wechat,
    sender: wechat,
    log: createLogger('silent'),
    outputDir: join(tmpdir(), 'group-guard-check'),
    sandboxed: true,
  })
  try {
    await rt.start()
  } finally {
    await rt.stop()
  }
}

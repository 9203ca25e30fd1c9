import type { GroupRef, Member } from '../../../bot/core/event.js'
import type { PluginDefinition } from '../../../bot/core/plugin.js'
import { parseConfig } from '../../../bot/config/load-config.js'
import { FakeClock } from '../../../bot/ports/clock.js'
import type { MemoryStore } from '../../../bot/ports/memory-store.js'
import { SimulatedWeChat } from '../../../bot/ports/simulated.js'
import { BotRuntime } from '../../../bot/runtime/host/runtime.js'
import { createLogger } from '../../../bot/process/logger.js'

/**
 * A runtime over an existing store, with its own fake clock and simulated
 * WeChat, as a restarted bot process would have. `groups` are added to the
 * directory before the runtime starts (a real bot sees its rooms at login).
 */
export async function runtimeOverStore(
  yaml: string,
  plugins: PluginDefinition[],
  store: MemoryStore,
  start: number,
  groups: [GroupRef, Member[]][] = [],
  outputDir = '/tmp/bot-test-output',
) {
  const clock = new FakeClock(start)
  const wechat = new SimulatedWeChat(clock)
  for (const [ref, members] of groups) wechat.addGroup(ref, members)
  const rt = new BotRuntime({
    loaded: parseConfig(yaml, 'test.yaml', plugins),
    plugins,
    clock,
    store,
    directory: wechat,
    roomAdmin: wechat,
    sender: wechat,
    log: createLogger('silent'),
    outputDir,
    random: () => 0.5,
  })
  await rt.start()
  return { rt, clock, wechat }
}

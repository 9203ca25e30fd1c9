import type { GroupRef, Member } from '../../../bot/core/event.js'
import type { PluginDefinition } from '../../../bot/core/plugin.js'
import { parseConfig } from '../../../bot/config/load-config.js'
import type { FakeClock } from '../../../bot/ports/clock.js'
import { SimulatedWeChat } from '../../../bot/ports/simulated.js'
import type { Store } from '../../../bot/ports/store/store.js'
import { createLogger } from '../../../bot/process/logger.js'
import { BotRuntime } from '../../../bot/runtime/host/runtime.js'
import { servicePlugin } from '../../../plugins/service/index.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'

/** Options of the service test runtime: more plugins, their YAML, the customer group entry, the roster. */
export interface Options {
  plugins?: PluginDefinition[]
  /** YAML lines under `plugins:` besides `service` (indented two spaces). */
  more?: string
  /** The customer group's `groups[]` entry. */
  customerGroup?: string
  /** Roster entries (YAML flow maps, one a line, indented two spaces). */
  roster?: string
  /** The `roles` map (a YAML flow map). */
  roles?: string
}

/** Config of the service tests: an internal group and one customer group 张三 is responsible for. */
export function config(service = '{ responsible: { 张三交流群: [u1] } }', o: Options = {}): string {
  return `
company: 示例科技
roles: ${o.roles ?? '{ admin: [admin1], staff: [u1, u2] }'}
roster:
${o.roster ?? '  - { name: 张三, dept: 销售部, phone: "13800138001", contactId: u1 }'}
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
  - ${o.customerGroup ?? '{ name: 客户群, topic: 张三交流群, kind: customer }'}
plugins:
  service: ${service}
${o.more ?? ''}
`
}

export const sales = group('r1', '销售部工作群', 'internal', '销售群')
export const customers = group('r2', '张三交流群', 'customer', '客户群')
export const admin = member('admin1', '陈管理')
export const zhang = member('u1', '张三')
export const li = member('u2', '李四')
export const liu = member('c1', '刘总')

/** Wall-clock instant on the demo Monday (or another day) in Asia/Shanghai. */
export function at(local: string, day = '2026-11-30'): number {
  return Date.parse(`${day}T${local}:00+08:00`)
}

/** A runtime with the service plugin, the sales group and 张三's customer group (刘总 the customer). */
export async function serviceRuntime(service?: string, start = at('08:55'), o: Options = {}) {
  const env = await makeRuntime(config(service, o), [...(o.plugins ?? []), servicePlugin], { start })
  addGroups(env.wechat)
  /** `who` says `body` in `g` (default the customer group; `null`: privately to the bot). */
  const say = async (who: Member, body: string, g: GroupRef | null = customers, extra = {}) => {
    const e = text(who, body, env.clock.now(), g ?? undefined, extra)
    await env.rt.handle(e)
    await env.clock.advance(5_000)
    return e
  }
  return { ...env, say }
}

function addGroups(wechat: SimulatedWeChat): void {
  wechat.addGroup(sales, [admin, zhang, li])
  wechat.addGroup(customers, [zhang, liu])
}

/** A second runtime over the same store, as after a restart. */
export async function restart(env: { store: Store; clock: FakeClock }, service?: string, o: Options = {}) {
  const wechat = new SimulatedWeChat(env.clock)
  addGroups(wechat)
  const rt = new BotRuntime({
    loaded: parseConfig(config(service, o), 'test.yaml', [servicePlugin]),
    plugins: [servicePlugin],
    clock: env.clock,
    store: env.store,
    directory: wechat,
    roomAdmin: wechat,
    sender: wechat,
    log: createLogger('silent'),
    outputDir: '/tmp/bot-test-output',
    random: () => 0.5,
  })
  await rt.start()
  return { rt, wechat }
}

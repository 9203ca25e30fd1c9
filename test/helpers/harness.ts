import type { GroupRef, Member, MessageEvent } from '../../bot/core/event.js'
import type { PluginDefinition } from '../../bot/core/plugin.js'
import { parseConfig } from '../../bot/config/load-config.js'
import { FakeClock } from '../../bot/ports/clock.js'
import { SimulatedWeChat } from '../../bot/ports/simulated.js'
import type { Store } from '../../bot/ports/store/store.js'
import { BotRuntime } from '../../bot/runtime/host/runtime.js'
import { createLogger } from '../../bot/process/logger.js'
import type { FleetGate } from '../../bot/fleet/gate.js'
import type { WorkCalendar } from '../../bot/time/workdays.js'
import { testStore } from './test-store.js'

/** Monday 2026-11-30 09:00 in Asia/Shanghai. */
export const MONDAY_9AM = Date.parse('2026-11-30T01:00:00Z')

/** An instant given as local time in Asia/Shanghai, e.g. `shanghai('2026-11-30T09:00')`. */
export function shanghai(local: string): number {
  return Date.parse(`${local}+08:00`)
}

/** Options of {@link makeRuntime}. */
export interface RuntimeOptions<S extends Store = Store> {
  /** Start instant of a new fake clock (default {@link MONDAY_9AM}). */
  start?: number
  calendar?: WorkCalendar
  /** Config file name shown in errors and used to resolve relative paths. */
  file?: string
  /** Existing ports, as a restarted bot process keeps its data and its WeChat: a second runtime over them. */
  clock?: FakeClock
  store?: S
  wechat?: SimulatedWeChat
  /** Groups added to the directory before the runtime starts (a real bot sees its rooms at login). */
  groups?: [GroupRef, Member[]][]
  outputDir?: string
  /** A simulated WeChat run (sandbox, replay): plugins keep their files beside `outputDir`. */
  sandboxed?: boolean
  /** The fleet this runtime belongs to (default: one process acting everywhere). */
  gate?: FleetGate
  /** Receives each log line at level warn and above (default: no log). */
  log?: (line: string) => void
  /** The least level `log` receives (default warn). */
  logLevel?: 'info' | 'warn'
}

/** A runtime on simulated ports with a fake clock, built from YAML config text (store: {@link testStore}). */
export async function makeRuntime<S extends Store = Store>(
  yaml: string,
  plugins: PluginDefinition[] = [],
  opts: RuntimeOptions<S> = {},
) {
  const clock = opts.clock ?? new FakeClock(opts.start ?? MONDAY_9AM)
  const store = (opts.store ?? (await testStore())) as S
  const wechat = opts.wechat ?? new SimulatedWeChat(clock)
  for (const [ref, members] of opts.groups ?? []) wechat.addGroup(ref, members)
  const loaded = parseConfig(yaml, opts.file ?? 'test.yaml', plugins)
  const rt = new BotRuntime({
    loaded,
    plugins,
    clock,
    store,
    directory: wechat,
    roomAdmin: wechat,
    sender: wechat,
    log: opts.log ? createLogger(opts.logLevel ?? 'warn', 'bot', opts.log) : createLogger('silent'),
    outputDir: opts.outputDir ?? '/tmp/bot-test-output',
    sandboxed: opts.sandboxed,
    calendar: opts.calendar,
    random: () => 0.5,
    fleet: opts.gate,
  })
  await rt.start()
  return { rt, clock, store, wechat }
}

/** A member with no roles (the runtime fills roles from config). */
export function member(id: string, name = id, groupAlias?: string): Member {
  return { id, name, groupAlias, roles: [], isStaff: false }
}

/** A group reference. */
export function group(id: string, topic: string, kind: GroupRef['kind'] = 'internal', configName = topic): GroupRef {
  return { id, topic, kind, configName }
}

let seq = 0
/** A text message event at `at`. */
export function text(
  from: Member,
  body: string,
  at: number,
  g?: GroupRef,
  extra: Partial<MessageEvent> = {},
): MessageEvent {
  return {
    type: 'message',
    id: `m${++seq}`,
    at,
    group: g,
    sender: { ...from, roles: [...from.roles] },
    kind: 'text',
    text: body,
    mentions: [],
    mentionsAll: false,
    ...extra,
  }
}

/**
 * Content's and activity's message decisions inside the running bot against the same decisions replayed alone:
 * one build's full bot (as bench/plugin-cost.ts starts it) handles the pipeline's message stream while the two
 * plugins' `onEvent` are timed and the message events activity receives are recorded; then those events are fed,
 * round after round (8 passes a round), to the pure functions each plugin's message path runs: content's
 * `assessMessage` (the matcher of the bench config's dictionaries, the config's global section, a fresh flood
 * tracker a pass) and activity's `decideMessage` (a fresh state a pass). Printed: the hooks' wall time a message
 * in the bot, and the replay's CPU (whole process, main thread) and wall time a message (medians of the rounds).
 * What the replay leaves out: content's actions on offending messages (`act`), its config per group and QR
 * checks; activity's part names and document marks.
 *
 *   npx tsx bench/plugin-replay.ts [DIST] [--messages 12000] [--rounds 20] [--groups 10]
 *
 * The in-bot figure over the replay's is what the bot's other work between two messages adds to the same code
 * (caches another plugin's, Wechaty's or the store's work has taken over, type feedback shared with other
 * events), besides the parts the replay leaves out.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { parseDocument } from 'yaml'
import { writeBenchConfig } from './bench-config.js'
import { loadBuild, runThenExit, startFull } from './build-drive.js'
import { collectGarbage, cpuMs, loadAverageLine, median } from './measure.js'
import { messageList } from './message-stream.js'
import { syntheticWorld } from './synthetic-world.js'

/** CPU time of the main thread alone (ms, 10 ms ticks), as bench/pipeline-ab.ts reads it. */
function mainThreadMs(): number {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** Passes over the recorded events a round (each from a fresh state): rounds long enough for 10 ms ticks. */
const PASSES = 8

/** A plugin instance as far as this bench touches it. */
interface Hooked {
  name: string
  instance: { onEvent?: (event: unknown) => unknown }
}

/** A message event as the replay reads it. */
interface Message {
  type: string
  kind: string
  group?: object
  command?: unknown
  isCommand?: boolean
  refusedCommand?: boolean
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { messages: { type: 'string' }, rounds: { type: 'string' }, groups: { type: 'string' } },
  })
  const dist = resolve(positionals[0] ?? 'dist')
  const n = Number(values.messages ?? 12_000)
  const rounds = Number(values.rounds ?? 20)
  process.setSourceMapsEnabled(false)
  const world = syntheticWorld({ groups: Number(values.groups ?? 10), membersPerGroup: 100 })
  const dir = mkdtempSync(join(tmpdir(), 'bench-plugin-replay-'))
  const load = async (path: string) => import(pathToFileURL(join(dist, `${path}.js`)).href)
  try {
    const config = writeBenchConfig(world, join(dir, 'config'))
    const spent = new Map<string, number>([
      ['content', 0],
      ['activity', 0],
    ])
    const events: Message[] = []
    let recording = false
    const run = await startFull(await loadBuild(dist), world, config, join(dir, 'data'), {
      started: app => {
        for (const p of app.runtime.plugins as Hooked[]) {
          const inner = p.instance.onEvent
          if (!inner || !spent.has(p.name)) continue
          p.instance.onEvent = (event: unknown) => {
            const t = performance.now()
            const out = inner.call(p.instance, event)
            spent.set(p.name, (spent.get(p.name) ?? 0) + performance.now() - t)
            if (recording && p.name === 'activity' && (event as Message).type === 'message')
              events.push(structuredClone(event) as Message)
            return out
          }
        }
      },
    })
    await run(messageList(world, 2_000, 99))
    for (const k of spent.keys()) spent.set(k, 0)
    recording = true
    const { skipped } = await run(messageList(world, n))
    const handled = n - skipped
    const inBot = new Map([...spent].map(([k, ms]) => [k, (ms * 1000) / handled]))

    const { assessMessage } = await load('plugins/content/assess/assess')
    const { FloodTracker } = await load('plugins/content/assess/flood')
    const { contentConfigSchema } = await load('plugins/content/config')
    const { compileMatcher, loadDictionaryFiles } = await load('plugins/content/matcher/index')
    const { decideMessage } = await load('plugins/activity/decide-count')
    const { emptyCurrent } = await load('plugins/activity/state')
    const { rulesCache } = await load('plugins/activity/rules/group-rules')
    const { activityConfigSchema } = await load('plugins/activity/config')
    const { chineseCalendar } = await load('bot/time/workdays')
    const plugins = parseDocument(readFileSync(config, 'utf8')).toJS().plugins
    // A plugin's section without the keys the runtime reads itself.
    const section = (name: string) => {
      const { enabled: _e, dryRun: _d, ...rest } = plugins[name] ?? {}
      return rest
    }
    const cfg = contentConfigSchema.parse(section('content'))
    const files = (cfg.dictionaries as string[]).map(f => resolve(dirname(config), f))
    const matcher = compileMatcher(loadDictionaryFiles(files).dictionary)
    // What content's `onMessage` passes on to `assessMessage`: group messages, no commands, no recalls.
    const assessed = events.filter(ev => ev.group && !ev.command && ev.kind !== 'recalled')
    const tz = 'Asia/Shanghai'
    const activityCfg = activityConfigSchema.parse(section('activity'))
    const waiting = { cfg: activityCfg, rules: rulesCache(tz, chineseCalendar)(activityCfg), observing: false }
    const inputs = {
      tz,
      displayName: (m: { groupAlias?: string; name: string }) => m.groupAlias ?? m.name,
      waiting: () => waiting,
    }
    const replays: [string, number, () => void][] = [
      [
        'content',
        assessed.length,
        () => {
          const flood = new FloodTracker()
          for (const ev of assessed)
            assessMessage(ev, matcher, cfg, flood, () => false, ev.isCommand === true || ev.refusedCommand === true)
        },
      ],
      [
        'activity',
        events.length,
        () => {
          const st = { current: emptyCurrent(), seen: { groups: {} }, seenChanged: true, counted: undefined }
          for (const ev of events) decideMessage(ev, st, inputs)
        },
      ],
    ]
    console.log(
      `${handled} messages in the bot (${events.length} message events reached activity, ${assessed.length} content's assessment)`,
    )
    for (const [name, count, replay] of replays) {
      const cpu: number[] = []
      const main: number[] = []
      const wall: number[] = []
      for (let r = 0; r < rounds; r++) {
        collectGarbage()
        const c = cpuMs()
        const m = mainThreadMs()
        const w = performance.now()
        for (let pass = 0; pass < PASSES; pass++) replay()
        cpu.push(((cpuMs() - c) * 1000) / (count * PASSES))
        main.push(((mainThreadMs() - m) * 1000) / (count * PASSES))
        wall.push(((performance.now() - w) * 1000) / (count * PASSES))
      }
      console.log(
        `${name.padEnd(9)} in the bot ${inBot.get(name)?.toFixed(2)} µs wall a message (its whole onEvent); replayed alone ${median(cpu).toFixed(2)} µs CPU (main thread ${median(main).toFixed(2)}), ${median(wall).toFixed(2)} µs wall (medians of ${rounds} rounds)`,
      )
    }
    console.log(loadAverageLine())
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

runThenExit(main)

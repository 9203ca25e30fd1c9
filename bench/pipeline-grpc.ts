/**
 * Pipeline over a real puppet-service connection: bare Wechaty and the full bot
 * (createApp from the compiled code, every plugin, a FileStore writing in the
 * background as the running bot does, the real clock) as gRPC clients of puppet
 * services in child processes (bench/service-child.ts; one service per client,
 * as a service takes one client), so only the clients' CPU time is counted. Each
 * client has every room and its members loaded before it is warmed by a first
 * stream (the full bot loads them at login, bare Wechaty by `Room.findAll()`;
 * without it bare Wechaty would load rooms the warm-up missed during the timed
 * stream). Both clients stay connected; the timed streams alternate between
 * them (`reps` each), so machine noise hits both alike, and the medians are compared.
 */
import { fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { WechatyBuilder } from 'wechaty'
import { PuppetService } from 'wechaty-puppet-service'
import { writeBenchConfig } from './bench-config.js'
import { bot } from './bot-modules.js'
import { collectGarbage, cpuMs, median } from './measure.js'
import { countHandled, quiet } from './sandbox-drive.js'
import { syntheticWorld } from './synthetic-world.js'

const CHILD = resolve(import.meta.dirname, 'service-child.ts')

/** One client's timed streams (per message: CPU and wall µs), the medians and every run's CPU. */
export interface GrpcFigures {
  cpuUsPerMsg: number
  wallUsPerMsg: number
  runsCpuUs: number[]
}

/** What `runGrpcPipeline` measured. */
export interface GrpcPipelineResult {
  groups: number
  membersPerGroup: number
  messages: number
  reps: number
  bare: GrpcFigures
  full: GrpcFigures
  /** Full ÷ bare median CPU per message. */
  ratio: number
}

/** Serve `groups` × `membersPerGroup` to each client and time both on `messages` messages, `reps` times each. */
export async function runGrpcPipeline(opts: {
  groups: number
  membersPerGroup: number
  messages: number
  reps?: number
}): Promise<GrpcPipelineResult> {
  const reps = opts.reps ?? 3
  const world = syntheticWorld({ groups: opts.groups, membersPerGroup: opts.membersPerGroup })
  const dir = mkdtempSync(join(tmpdir(), 'bench-grpc-'))
  const warm = Math.min(2_000, opts.messages)
  const services: Service[] = []
  const stops: (() => Promise<void>)[] = []
  try {
    const bareService = await startService(opts)
    services.push(bareService)
    const bareBot = WechatyBuilder.build({ puppet: bareService.puppet })
    bareBot.on('error', () => {})
    let seen = 0
    bareBot.on('message', () => {
      seen++
    })
    const login = new Promise(r => bareBot.once('login', r))
    await bareBot.start()
    stops.push(() => bareBot.stop())
    await login
    await bareBot.Room.findAll() // every room and its members loaded, as the full bot has them at ready
    await quiet(bareBot)
    const fullService = await startService(opts)
    services.push(fullService)
    const app = bot.createApp({
      configFile: writeBenchConfig(world, join(dir, 'config')),
      dataDir: join(dir, 'data'),
      log: bot.createLogger('silent'),
      puppet: fullService.puppet,
      store: new bot.FileStore(join(dir, 'data'), { background: true }),
    })
    const handled = countHandled(app)
    await app.bot.start()
    stops.push(() => app.stop())
    await app.ready
    await app.membersLoaded // every group's members read, as bare Wechaty's Room.findAll() above
    await quiet(app.bot)
    const bareSeen = () => seen
    await bareService.stream(99, warm, bareSeen)
    await fullService.stream(99, warm, handled)
    const runs = { bare: [] as Timed[], full: [] as Timed[] }
    for (let r = 0; r < reps; r++) {
      runs.bare.push(await bareService.stream(7 + r, opts.messages, bareSeen))
      runs.full.push(await fullService.stream(7 + r, opts.messages, handled))
    }
    const bare = figures(runs.bare)
    const full = figures(runs.full)
    return { ...opts, reps, bare, full, ratio: full.cpuUsPerMsg / bare.cpuUsPerMsg }
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {})
    for (const s of services) await s.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** One timed stream: per message CPU and wall µs. */
interface Timed {
  cpuUs: number
  wallUs: number
}

function figures(runs: Timed[]): GrpcFigures {
  return {
    cpuUsPerMsg: median(runs.map(r => r.cpuUs)),
    wallUsPerMsg: median(runs.map(r => r.wallUs)),
    runsCpuUs: runs.map(r => r.cpuUs),
  }
}

/**
 * A service child (a server for one client) and a puppet connected to it; `stream` has the service send a
 * stream and waits until the client handled all of it that could be sent.
 */
interface Service {
  puppet: PuppetService
  stream(seed: number, count: number, handled: () => number): Promise<Timed>
  stop(): Promise<void>
}

async function startService(opts: { groups: number; membersPerGroup: number }): Promise<Service> {
  const child = fork(CHILD, ['--groups', String(opts.groups), '--members', String(opts.membersPerGroup)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const next = <R>() => new Promise<R>(r => child.once('message', m => r(m as R)))
  const { env } = await next<{ env: Record<string, string> }>()
  const puppet = new PuppetService({
    endpoint: env.WECHATY_PUPPET_SERVICE_ENDPOINT,
    token: env.WECHATY_PUPPET_SERVICE_TOKEN,
    tls: { disable: true },
  })
  return {
    puppet,
    async stream(seed, count, handled) {
      collectGarbage()
      const base = handled()
      const cpu = cpuMs()
      const t = performance.now()
      child.send({ seed, count })
      const { sent, skipped } = await next<{ sent: number; skipped: number }>()
      const n = sent - skipped
      const deadline = performance.now() + 600_000
      while (handled() - base < n) {
        if (performance.now() > deadline) throw new Error(`gRPC client handled ${handled() - base} of ${n} messages`)
        await new Promise(r => setTimeout(r, 1))
      }
      return { cpuUs: ((cpuMs() - cpu) * 1000) / n, wallUs: ((performance.now() - t) * 1000) / n }
    },
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise(r => child.once('exit', r))
      child.send('stop')
      await exited
    },
  }
}

/** One line per result. */
export function describeGrpcPipeline(r: GrpcPipelineResult): string {
  const f = (x: GrpcFigures) => `${x.cpuUsPerMsg.toFixed(0)} µs CPU (${x.wallUsPerMsg.toFixed(0)} wall)`
  const runs = (x: GrpcFigures) => x.runsCpuUs.map(u => u.toFixed(0)).join(', ')
  return `gRPC, ${r.groups} groups × ${r.membersPerGroup}, ${r.reps} × ${r.messages.toLocaleString('en')} messages, alternating: bare ${f(r.bare)}, full ${f(r.full)} per message (medians; CPU runs bare ${runs(r.bare)}, full ${runs(r.full)}) → ${r.ratio.toFixed(2)}×`
}

/**
 * Pipeline over a real puppet-service connection: bare Wechaty and the full bot
 * (createApp, every plugin, a FileStore writing in the background as the running
 * bot does, the real clock) as gRPC clients of a puppet service in another
 * process (bench/service-child.ts), so only the client side's CPU time is
 * counted. Each client has every room and its members loaded before it is
 * warmed by a first stream (the full bot loads them at login, bare Wechaty by
 * `Room.findAll()`; without it bare Wechaty would load rooms the warm-up missed
 * during the timed stream), then timed on a second stream; the service takes
 * one client at a time, so bare and full run one after the other.
 */
import { fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { WechatyBuilder } from 'wechaty'
import { PuppetService } from 'wechaty-puppet-service'
import { createApp } from '../bot/app.js'
import { FileStore } from '../bot/ports/store/file-store.js'
import { createLogger } from '../bot/process/logger.js'
import { writeBenchConfig } from './bench-config.js'
import { collectGarbage, cpuMs } from './measure.js'
import { countHandled, quiet } from './sandbox-drive.js'
import { syntheticWorld } from './synthetic-world.js'

const CHILD = resolve(import.meta.dirname, 'service-child.ts')

/** One client's timed stream (per message: CPU and wall µs). */
export interface GrpcFigures {
  cpuUsPerMsg: number
  wallUsPerMsg: number
}

/** What `runGrpcPipeline` measured. */
export interface GrpcPipelineResult {
  groups: number
  membersPerGroup: number
  messages: number
  bare: GrpcFigures
  full: GrpcFigures
  /** Full ÷ bare CPU per message. */
  ratio: number
}

/** Serve `groups` × `membersPerGroup` from a child process and time both clients on `messages` messages. */
export async function runGrpcPipeline(opts: {
  groups: number
  membersPerGroup: number
  messages: number
}): Promise<GrpcPipelineResult> {
  const world = syntheticWorld({ groups: opts.groups, membersPerGroup: opts.membersPerGroup })
  const dir = mkdtempSync(join(tmpdir(), 'bench-grpc-'))
  const warm = Math.min(2_000, opts.messages)
  try {
    const bare = await withService(opts, async (puppet, stream) => {
      const bot = WechatyBuilder.build({ puppet })
      bot.on('error', () => {})
      let seen = 0
      bot.on('message', () => {
        seen++
      })
      const login = new Promise(r => bot.once('login', r))
      await bot.start()
      await login
      await bot.Room.findAll() // every room and its members loaded, as the full bot has them at ready
      await quiet(bot)
      await stream(99, warm, () => seen)
      const timed = await stream(7, opts.messages, () => seen)
      await bot.stop()
      return timed
    })
    const full = await withService(opts, async (puppet, stream) => {
      const app = createApp({
        configFile: writeBenchConfig(world, join(dir, 'config')),
        dataDir: join(dir, 'data'),
        log: createLogger('silent'),
        puppet,
        store: new FileStore(join(dir, 'data'), { background: true }),
      })
      const handled = countHandled(app)
      await app.bot.start()
      await app.ready
      await quiet(app.bot)
      await stream(99, warm, handled)
      const timed = await stream(7, opts.messages, handled)
      await app.stop()
      return timed
    })
    return { ...opts, bare, full, ratio: full.cpuUsPerMsg / bare.cpuUsPerMsg }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

type Stream = (seed: number, count: number, handled: () => number) => Promise<GrpcFigures>

/**
 * Fork a service child (a server for one client), hand `client` a puppet connected to it and a function that
 * has the service send a stream and waits until the client handled all of it that could be sent.
 */
async function withService<T>(
  opts: { groups: number; membersPerGroup: number },
  client: (puppet: PuppetService, stream: Stream) => Promise<T>,
): Promise<T> {
  const child = fork(CHILD, ['--groups', String(opts.groups), '--members', String(opts.membersPerGroup)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const next = <R>() => new Promise<R>(r => child.once('message', m => r(m as R)))
  try {
    const { env } = await next<{ env: Record<string, string> }>()
    const puppet = new PuppetService({
      endpoint: env.WECHATY_PUPPET_SERVICE_ENDPOINT,
      token: env.WECHATY_PUPPET_SERVICE_TOKEN,
      tls: { disable: true },
    })
    return await client(puppet, async (seed, count, handled) => {
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
      return { cpuUsPerMsg: ((cpuMs() - cpu) * 1000) / n, wallUsPerMsg: ((performance.now() - t) * 1000) / n }
    })
  } finally {
    child.send('stop')
    await new Promise(r => child.once('exit', r))
  }
}

/** One line per result. */
export function describeGrpcPipeline(r: GrpcPipelineResult): string {
  const f = (x: GrpcFigures) => `${x.cpuUsPerMsg.toFixed(0)} µs CPU (${x.wallUsPerMsg.toFixed(0)} wall)`
  return `gRPC, ${r.groups} groups × ${r.membersPerGroup}, ${r.messages.toLocaleString('en')} messages: bare ${f(r.bare)}, full ${f(r.full)} per message → ${r.ratio.toFixed(2)}×`
}

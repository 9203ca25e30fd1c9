/**
 * The compiled bot as it ships, in a child process: `node dist/bin/cli.js start` (the bundle)
 * on the sandbox or against a puppet service this process serves over gRPC
 * (loopback, TLS off), beside bare Wechaty (bench/bare-wechaty.mjs) on the same
 * connection. What the start-up and memory workloads spawn. Needs `npm run build`.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { PuppetServer } from 'wechaty-puppet-service'
import { createSandbox, type SandboxWorld } from '../bot/sandbox/index.js'
import { freePort } from '../test/e2e/puppet-service.js'
import type { StreamMessage } from './message-stream.js'
import { populate } from './sandbox-drive.js'
import type { BenchWorld } from './synthetic-world.js'

const ROOT = resolve(import.meta.dirname, '..')
const CLI = join(ROOT, 'dist', 'bin', 'cli.js')
const BARE = join(ROOT, 'bench', 'bare-wechaty.mjs')

/** The command line of a build's `dist/`: the bundle (`bin/cli.js`), or tsc's `bot/cli.js` in builds before it. */
export function cliOf(dist: string): string {
  const bundled = join(dist, 'bin', 'cli.js')
  return existsSync(bundled) ? bundled : join(dist, 'bot', 'cli.js')
}

/**
 * A synthetic world served over gRPC, the bot logged in. One client per server: a second client after the
 * first disconnected is not told it is logged in, so each child gets a server of its own.
 */
export interface ServedWorld {
  world: SandboxWorld
  env: Record<string, string>
  stop(): Promise<void>
}

/** Serve `world` on a free loopback port, with heartbeats like a live service. */
export async function serveWorld(world: BenchWorld): Promise<ServedWorld> {
  const sandbox = createSandbox()
  populate(sandbox, world)
  const port = await freePort()
  const endpoint = `127.0.0.1:${port}`
  const token = `insecure_bench_${port}`
  const server = new PuppetServer({ endpoint, token, puppet: sandbox.puppet as never, tls: { disable: true } })
  await sandbox.puppet.start()
  await server.start()
  sandbox.world.login(world.botId)
  const beat = setInterval(() => sandbox.puppet.emit('heartbeat', { data: 'bench service alive' }), 1000)
  return {
    world: sandbox.world,
    env: {
      WECHATY_PUPPET: 'wechaty-puppet-service',
      WECHATY_PUPPET_SERVICE_TOKEN: token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: endpoint,
      WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'true',
    },
    async stop() {
      clearInterval(beat)
      await server.stop()
      await sandbox.puppet.stop()
    },
  }
}

/** A started child: spawn → ready (ms, measured here), its memory, and how to stop it. */
export interface Started {
  readyMs: number
  /** CPU time the child had used when it was ready (ms, from /proc): steadier than wall time on a busy machine. */
  readyCpuMs: number
  pid: number
  /** Resident set size now and at its peak (MB), from /proc. */
  rss(): { now: number; peak: number }
  /** CPU time the child used so far (ms), from /proc. */
  cpuMs(): number
  /** The last 20,000 characters the child wrote (stdout and stderr). */
  output(): string
  stop(): Promise<void>
}

/** What to start: the compiled bot or bare Wechaty, on the sandbox (demo world) or the served world. */
export interface StartSpec {
  kind: 'bot' | 'bare'
  /** Serve this world over gRPC for the child (a server of its own); without it, the sandbox. */
  world?: BenchWorld
  configFile?: string
  dataDir?: string
  /** Extra Node options for the child (e.g. `--cpu-prof --cpu-prof-dir DIR` for a start-up profile). */
  nodeArgs?: string[]
  /** Bare Wechaty over gRPC: ready only once every room and its members are loaded (as the bot is at ready). */
  loadRooms?: boolean
  /** More environment for the child (e.g. `NODE_OPTIONS` for a heap snapshot on a signal). */
  env?: Record<string, string>
  /** Another build's command line to start instead of `dist/bin/cli.js` (before/after in one run). */
  cli?: string
}

/**
 * Spawn the child and resolve once it is ready (the bot's "就绪 ready" log line; bare Wechaty's login);
 * `world` is served before the spawn (not timed) and stopped with the child.
 */
export async function startChild(spec: StartSpec, timeoutMs = 180_000): Promise<Started & { served?: ServedWorld }> {
  const served = spec.world ? await serveWorld(spec.world) : undefined
  try {
    const child = await spawnChild(spec, served?.env, timeoutMs)
    return {
      ...child,
      served,
      async stop() {
        await child.stop()
        await served?.stop()
      },
    }
  } catch (e) {
    await served?.stop()
    throw e
  }
}

function spawnChild(spec: StartSpec, service: Record<string, string> | undefined, timeoutMs: number): Promise<Started> {
  const home = mkdtempSync(join(tmpdir(), 'bench-home-'))
  const env: Record<string, string | undefined> = {
    ...process.env,
    HOME: home,
    LOG_LEVEL: 'info',
    BOT_CONFIG: spec.configFile ?? join(ROOT, 'data', 'bot.config.example.yaml'),
    BOT_DATA_DIR: spec.dataDir ?? join(home, 'data'),
    WECHATY_PUPPET: undefined,
    ...service,
    ...spec.env,
  }
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k]
  const cli = spec.cli ?? CLI
  if (spec.kind === 'bot' && !existsSync(cli)) throw new Error(`${cli} missing: run npm run build first`)
  const bareMode = service ? (spec.loadRooms ? 'service-rooms' : 'service') : 'sandbox'
  const args = [...(spec.nodeArgs ?? []), ...(spec.kind === 'bot' ? [cli, 'start'] : [BARE, bareMode])]
  const t = performance.now()
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] })
  const ready = spec.kind === 'bot' ? /就绪 ready/ : /"phase":"ready"/
  let output = ''
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${args.join(' ')} not ready after ${timeoutMs} ms: ${output.slice(-1500)}`))
    }, timeoutMs)
    let done = false
    const onData = (d: Buffer) => {
      output = (output + d.toString()).slice(-20_000)
      if (done || !ready.test(output)) return
      done = true
      clearTimeout(timer)
      const readyMs = performance.now() - t
      const readyCpuMs = procCpuMs(child.pid!)
      const exited = new Promise<void>(r => child.once('exit', () => r()))
      resolvePromise({
        readyMs,
        readyCpuMs,
        pid: child.pid!,
        rss: () => procStatus(child.pid!),
        cpuMs: () => procCpuMs(child.pid!),
        output: () => output,
        async stop() {
          child.kill('SIGTERM')
          const killer = setTimeout(() => child.kill('SIGKILL'), 15_000)
          await exited
          clearTimeout(killer)
        },
      })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', code => {
      if (done) return
      clearTimeout(timer)
      reject(new Error(`${args.join(' ')} exited with ${code} before ready: ${output.slice(-1500)}`))
    })
  })
}

/** Deliver messages into the served world in batches (a live stream's pace), skipping senders the bot removed. */
export async function sendAll(world: SandboxWorld, messages: StreamMessage[], batch = 200): Promise<number> {
  let skipped = 0
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]
    try {
      world.send(m.from, { room: m.room }, m.content, { mentions: m.mentions })
    } catch (e) {
      if (!/is not a member/.test((e as Error).message)) throw e
      skipped++
    }
    if (i % batch === batch - 1) await new Promise(r => setTimeout(r, 5))
  }
  return skipped
}

/** Wait until the child has been nearly idle (under 5% of a core) for a second: it has caught up. */
export async function settled(child: Started, maxMs = 300_000): Promise<void> {
  const end = performance.now() + maxMs
  let quiet = 0
  while (quiet < 4 && performance.now() < end) {
    const before = child.cpuMs()
    await new Promise(r => setTimeout(r, 250))
    quiet = child.cpuMs() - before < 12.5 ? quiet + 1 : 0
  }
}

function procStatus(pid: number): { now: number; peak: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? Number.NaN)
  return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
}

function procCpuMs(pid: number): number {
  // Fields after the command name: utime and stime are the 12th and 13th (clock ticks, 100 per second).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

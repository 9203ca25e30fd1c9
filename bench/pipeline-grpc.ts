/**
 * Pipeline over a real puppet-service connection: bare Wechaty and the full bot
 * (createApp from the compiled code, every plugin, a FileStore writing in the
 * background as the running bot does, the real clock) as gRPC clients of puppet
 * services, each client and each service in a process of its own
 * (bench/grpc-client-child.ts, bench/service-child.ts; one service per client, as a
 * service takes one client), so each client's CPU time is its own and nothing else's,
 * its garbage collector's included (with both clients in one process, each paid for
 * collecting the other's heap). Each client has every room and its members loaded
 * before it is warmed by a first stream (the full bot loads them at login, bare
 * Wechaty by `Room.findAll()`; without it bare Wechaty would load rooms the warm-up
 * missed during the timed stream). Both clients stay connected; the timed streams
 * alternate between them (`reps` each), so machine noise hits both alike, and the
 * medians are compared. `BENCH_CLIENT_NODE_ARGS` passes node flags to the two clients (e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { writeBenchConfig } from './bench-config.js'
import { type Child, forkChild } from './ipc-child.js'
import { median } from './measure.js'
import { syntheticWorld } from './synthetic-world.js'

const SERVICE = resolve(import.meta.dirname, 'service-child.ts')
const CLIENT = resolve(import.meta.dirname, 'grpc-client-child.ts')

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
  const children: Child[] = []
  try {
    const bareService = await startService(opts, children)
    const bare = await startClient({ kind: 'bare', ...bareService.env }, children)
    const fullService = await startService(opts, children)
    const full = await startClient(
      {
        kind: 'full',
        ...fullService.env,
        configFile: writeBenchConfig(world, join(dir, 'config')),
        dataDir: join(dir, 'data'),
      },
      children,
    )
    await timed(bareService, bare, 99, warm)
    await timed(fullService, full, 99, warm)
    const runs = { bare: [] as Timed[], full: [] as Timed[] }
    for (let r = 0; r < reps; r++) {
      runs.bare.push(await timed(bareService, bare, 7 + r, opts.messages))
      runs.full.push(await timed(fullService, full, 7 + r, opts.messages))
    }
    const bareFigures = figures(runs.bare)
    const fullFigures = figures(runs.full)
    return {
      ...opts,
      reps,
      bare: bareFigures,
      full: fullFigures,
      ratio: fullFigures.cpuUsPerMsg / bareFigures.cpuUsPerMsg,
    }
  } finally {
    for (const c of children.reverse()) await c.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** One stream from `service`, timed in the client: per message CPU and wall µs over the messages it could send. */
async function timed(service: Child, client: Child, seed: number, count: number): Promise<Timed> {
  await client.ask({ op: 'start' })
  const { sent, skipped } = await service.ask<{ sent: number; skipped: number }>({ seed, count })
  return client.ask<Timed>({ op: 'until', count: sent - skipped }, 600_000)
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

/** Fork `file` and wait for its first message (`ready` or the service's env). */
async function startChild<R>(
  file: string,
  args: string[],
  children: Child[],
  first?: unknown,
): Promise<{ child: Child; hello: R }> {
  const nodeArgs = file === CLIENT ? (process.env.BENCH_CLIENT_NODE_ARGS?.split(' ').filter(Boolean) ?? []) : []
  const child = forkChild(file, { args, nodeArgs, defaultTimeoutMs: 300_000 })
  children.push(child)
  const hello = first === undefined ? child.next<R>() : child.ask<R>(first)
  return { child, hello: await hello }
}

/** A service child (a server for one client) serving the synthetic world; `env` tells a client where it is. */
async function startService(
  opts: { groups: number; membersPerGroup: number },
  children: Child[],
): Promise<Child & { env: { endpoint: string; token: string } }> {
  const { child, hello } = await startChild<{ env: Record<string, string> }>(
    SERVICE,
    ['--groups', String(opts.groups), '--members', String(opts.membersPerGroup)],
    children,
  )
  const env = { endpoint: hello.env.WECHATY_PUPPET_SERVICE_ENDPOINT, token: hello.env.WECHATY_PUPPET_SERVICE_TOKEN }
  return { ...child, env }
}

/** A client child (bench/grpc-client-child.ts), ready: connected, every room and its members loaded. */
async function startClient(setup: object, children: Child[]): Promise<Child> {
  const { child } = await startChild<{ ready: true }>(CLIENT, [], children, setup)
  return child
}

/** One line per result. */
export function describeGrpcPipeline(r: GrpcPipelineResult): string {
  const f = (x: GrpcFigures) => `${x.cpuUsPerMsg.toFixed(0)} µs CPU (${x.wallUsPerMsg.toFixed(0)} wall)`
  const runs = (x: GrpcFigures) => x.runsCpuUs.map(u => u.toFixed(0)).join(', ')
  return `gRPC, ${r.groups} groups × ${r.membersPerGroup}, ${r.reps} × ${r.messages.toLocaleString('en')} messages, alternating: bare ${f(r.bare)}, full ${f(r.full)} per message (medians; CPU runs bare ${runs(r.bare)}, full ${runs(r.full)}) → ${r.ratio.toFixed(2)}×`
}

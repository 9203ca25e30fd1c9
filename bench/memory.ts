/**
 * Workload 5, memory: resident set size of a fresh bot process with 100
 * groups × 500 members on the sandbox, started on the seeded data dir
 * (1,000,000 recorded messages; 50,000 with --quick), after handling 20,000
 * live messages (5,000 with --quick). Target: under 300 MB. The same process
 * with a bare Wechaty instead of the app shows how much of that is Node,
 * tsx, the modules, the in-process sandbox and Wechaty's caches.
 */
import { runChild } from './spawn-child.js'

/** Target resident memory. */
export const MEMORY_TARGET_MB = 300

/** Memory figures of one child (MB). */
export type MemoryFigures = Record<string, number>

/** What `runMemoryBench` measured. */
export interface MemoryResult {
  messages: number
  full: MemoryFigures
  bare: MemoryFigures
  /** RSS the app adds over the bare bot after the same traffic (MB). */
  appMb: number
  target: number
  pass: boolean
}

/** Run one full and one bare child with the same live traffic. */
export async function runMemoryBench(opts: {
  quick?: boolean
  configFile: string
  dataDir: string
  endAt: number
}): Promise<MemoryResult> {
  const messages = opts.quick ? 5_000 : 20_000
  const args = [
    '--config',
    opts.configFile,
    '--data',
    opts.dataDir,
    '--at',
    String(opts.endAt),
    '--messages',
    String(messages),
  ]
  const mb = async (extra: string[]) =>
    (await runChild([...args, ...extra])).reports.find(r => r.phase === 'memory')!.mb
  const full = await mb([])
  const bare = await mb(['--bare'])
  return {
    messages,
    full,
    bare,
    appMb: full.live - bare.live,
    target: MEMORY_TARGET_MB,
    pass: full.live < MEMORY_TARGET_MB,
  }
}

/** Print one result as lines. */
export function describeMemory(r: MemoryResult): string[] {
  const m = (x: number) => `${x.toFixed(0)} MB`
  return [
    `full bot after ${r.messages.toLocaleString('en')} live messages: RSS ${m(r.full.live)} (peak ${m(r.full.peak)}, after GC ${m(r.full.afterGc)}, JS heap ${m(r.full.heapUsed)})`,
    `  RSS along the way: Node + tsx + Wechaty + sandbox modules ${m(r.full.imports)}, sandbox world built ${m(r.full.world)}, app modules imported ${m(r.full.appModules)} (+${m(r.full.appModules - r.full.world)})`,
    `bare Wechaty, same world and traffic: RSS ${m(r.bare.live)} (peak ${m(r.bare.peak)}) → the app (its modules, state and caches) adds ${m(r.appMb)}`,
  ]
}

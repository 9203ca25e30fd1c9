/**
 * Workload 5, memory from compiled code: resident set size of
 * `node dist/bot/cli.js start` against a puppet service this process serves
 * over gRPC (100 groups × 500 members), started on the seeded state
 * (1,000,000 recorded messages; 50,000 with --quick), after 20,000 live
 * messages (5,000 with --quick) once it has caught up. Beside it, bare Wechaty
 * on the same connection and traffic: what Node, Wechaty and the gRPC client
 * cost without the bot. Read from /proc (VmRSS, VmHWM). Needs `npm run build`.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type StartSpec, sendAll, settled, startChild } from './compiled.js'
import { messageList } from './message-stream.js'
import type { BenchWorld } from './synthetic-world.js'

/** Target resident memory of the bot. */
export const MEMORY_TARGET_MB = 250

/** RSS of one child (MB): right after ready, after the traffic, and its peak. */
export interface MemoryFigures {
  ready: number
  live: number
  peak: number
}

/** What `runMemoryBench` measured. */
export interface MemoryResult {
  messages: number
  full: MemoryFigures
  bare: MemoryFigures
  /** RSS the bot adds over bare Wechaty after the same traffic (MB). */
  appMb: number
  target: number
  pass: boolean
}

/** One bot child and one bare child, each with the same live traffic. */
export async function runMemoryBench(opts: {
  quick?: boolean
  world: BenchWorld
  configFile: string
  dataDir: string
}): Promise<MemoryResult> {
  const messages = opts.quick ? 5_000 : 20_000
  const copy = mkdtempSync(join(tmpdir(), 'bench-memory-'))
  cpSync(opts.dataDir, copy, { recursive: true })
  try {
    const measure = async (spec: StartSpec): Promise<MemoryFigures> => {
      const child = await startChild(spec)
      try {
        await settled(child)
        const ready = child.rss().now
        await sendAll(child.served!.world, messageList(opts.world, messages, 23))
        await settled(child)
        const { now, peak } = child.rss()
        return { ready, live: now, peak }
      } finally {
        await child.stop()
      }
    }
    const full = await measure({ kind: 'bot', world: opts.world, configFile: opts.configFile, dataDir: copy })
    const bare = await measure({ kind: 'bare', world: opts.world })
    return {
      messages,
      full,
      bare,
      appMb: full.live - bare.live,
      target: MEMORY_TARGET_MB,
      pass: full.live < MEMORY_TARGET_MB,
    }
  } finally {
    rmSync(copy, { recursive: true, force: true })
  }
}

/** Print one result as lines. */
export function describeMemory(r: MemoryResult): string[] {
  const m = (x: number) => `${x.toFixed(0)} MB`
  return [
    `compiled bot over gRPC after ${r.messages.toLocaleString('en')} live messages: RSS ${m(r.full.live)} (after ready ${m(r.full.ready)}, peak ${m(r.full.peak)})`,
    `bare Wechaty, same connection and traffic: RSS ${m(r.bare.live)} (after login ${m(r.bare.ready)}, peak ${m(r.bare.peak)}) → the bot adds ${m(r.appMb)}`,
  ]
}

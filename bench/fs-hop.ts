/**
 * What a trip through libuv's thread pool costs the process next to the call itself: the CPU (every thread, user +
 * system) per append of one journal-sized line (about 400 bytes, Chinese text) through a kept handle, written with
 * the promisified `fs.writeFile(fd)` the store's background appends use or with `writeSync`, without and with an
 * fsync after each (always through the pool, as the store does). Rounds alternate the two ways; medians printed.
 *
 *   npx tsx bench/fs-hop.ts [--appends 2000] [--rounds 6]
 *
 * docs/performance-history.md, "inproc11".
 */
import { closeSync, fsync, mkdtempSync, openSync, rmSync, writeFile, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { promisify } from 'node:util'
import { loadAverageLine, median } from './measure.js'

const writeAsync = promisify(writeFile) as (fd: number, text: string) => Promise<void>
const fsyncAsync = promisify(fsync)

/** Process CPU in µs (every thread). */
function cpuUs(): number {
  const u = process.cpuUsage()
  return u.user + u.system
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { appends: { type: 'string' }, rounds: { type: 'string' } } })
  const n = Number(values.appends ?? 2000)
  const rounds = Number(values.rounds ?? 6)
  const dir = mkdtempSync(join(tmpdir(), 'bench-fs-hop-'))
  const fd = openSync(join(dir, 'journal.jsonl'), 'a', 0o600)
  const line = `${JSON.stringify({ op: 'enqueue', id: 'x'.repeat(40), text: '客户您好，这是一条回复消息'.repeat(8) })}\n`
  const run = async (pool: boolean, sync: boolean) => {
    const t = cpuUs()
    for (let i = 0; i < n; i++) {
      if (pool) await writeAsync(fd, line)
      else writeSync(fd, line)
      if (sync) await fsyncAsync(fd)
    }
    return (cpuUs() - t) / n
  }
  try {
    for (const sync of [false, true]) {
      const pool: number[] = []
      const spot: number[] = []
      for (let r = 0; r < rounds; r++) {
        pool.push(await run(true, sync))
        spot.push(await run(false, sync))
      }
      const list = (xs: number[]) => xs.map(x => x.toFixed(0)).join(', ')
      console.log(
        `${sync ? 'with' : 'no'} fsync: write through the pool ${median(pool).toFixed(1)} µs CPU an append ` +
          `(${list(pool)}), on the spot ${median(spot).toFixed(1)} (${list(spot)})`,
      )
    }
    console.log(loadAverageLine())
  } finally {
    closeSync(fd)
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()

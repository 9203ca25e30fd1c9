/**
 * The compiled bot's memory over time, for finding what the memory line's RSS
 * is made of: starts `node [flags] --trace-gc dist/bin/cli.js start` over gRPC
 * on the seeded state (100 × 500, bench/seed-cache.ts; 50,000 messages with
 * --quick), like bench/memory.ts but with no traffic, and prints the bot's log
 * and V8's GC lines, each stamped with seconds since spawn and the RSS then,
 * until `--after` seconds past "就绪 ready". Node flags go after `--`
 * (e.g. `-- --max-old-space-size=300`, `-- --cpu-prof --cpu-prof-dir=DIR`).
 *
 *   npx tsx bench/memory-trace.ts [--quick] [--after 60] [-- node flags]
 */
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { serveWorld } from './compiled.js'
import { seededState } from './seed-cache.js'

const { values, positionals } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, after: { type: 'string', default: '60' } },
  allowPositionals: true,
})
const seed = await seededState({ quick: values.quick })
const copy = mkdtempSync(join(tmpdir(), 'bench-trace-'))
cpSync(seed.dataDir, copy, { recursive: true })
const served = await serveWorld(seed.world)
const cli = resolve(import.meta.dirname, '..', 'dist', 'bin', 'cli.js')
const child = spawn(process.execPath, [...positionals, '--trace-gc', cli, 'start'], {
  env: {
    ...process.env,
    HOME: mkdtempSync(join(tmpdir(), 'bench-home-')),
    LOG_LEVEL: 'info',
    BOT_CONFIG: seed.configFile,
    BOT_DATA_DIR: copy,
    ...served.env,
  },
  stdio: ['ignore', 'pipe', 'pipe'],
})
const t0 = performance.now()
const rss = () => {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024)
  } catch {
    return Number.NaN
  }
}
let readyAt: number | undefined
const print = (d: Buffer) => {
  for (const line of String(d).split('\n').filter(Boolean)) {
    console.log(`[${((performance.now() - t0) / 1000).toFixed(1)} s, RSS ${rss()} MB] ${line.slice(0, 240)}`)
    if (readyAt === undefined && /就绪 ready/.test(line)) readyAt = performance.now()
  }
}
child.stdout.on('data', print)
child.stderr.on('data', print)
const exited = new Promise(r => child.once('exit', r))
while (readyAt === undefined || performance.now() - readyAt < Number(values.after) * 1000) {
  if (child.exitCode !== null) break
  await new Promise(r => setTimeout(r, 1000))
}
child.kill('SIGTERM')
await exited
await served.stop()
rmSync(copy, { recursive: true, force: true })
process.exit(0)

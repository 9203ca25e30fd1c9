/** Spawning `bench/app-child.ts` in a fresh Node process and reading its phase reports. */
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import type { ChildReport } from './app-child.js'

const ROOT = resolve(import.meta.dirname, '..')
const CHILD = join(ROOT, 'bench', 'app-child.ts')

/** What one child run produced: its reports and the parent-side wall time from spawn to "ready". */
export interface ChildRun {
  reports: ChildReport[]
  spawnToReadyMs: number
}

/** Start a child with `args`; resolves when it exits, rejects on a non-zero exit or timeout. */
export function runChild(args: string[], timeoutMs = 300_000): Promise<ChildRun> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now()
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const reports: ChildReport[] = []
    let spawnToReadyMs = NaN
    let buffered = ''
    let stderr = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`app-child timed out after ${timeoutMs} ms`))
    }, timeoutMs)
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const line = buffered.slice(0, nl)
        buffered = buffered.slice(nl + 1)
        if (!line.startsWith('{')) continue
        const r = JSON.parse(line) as ChildReport
        if (r.phase === 'ready') spawnToReadyMs = performance.now() - start
        reports.push(r)
      }
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000)
    })
    child.on('exit', code => {
      clearTimeout(timer)
      if (code === 0) resolvePromise({ reports, spawnToReadyMs })
      else reject(new Error(`app-child exited with ${code}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`))
    })
  })
}

/** Small measuring helpers shared by the workloads. */
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** Run a full garbage collection (so one run's garbage is not billed to the next). */
export function collectGarbage(): void {
  gc()
}

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/** The number after the command-line option `name` (`--rounds 21`), or `fallback` when it is absent. */
export function numberOption(name: string, fallback: number): number {
  const at = process.argv.indexOf(name)
  return at > 0 ? Number(process.argv[at + 1]) : fallback
}

/** Resident set size in MB. */
export function rssMb(): number {
  return process.memoryUsage.rss() / 2 ** 20
}

/** The machine's load averages (1, 5, 15 min) as a printed line. */
export function loadAverageLine(): string {
  return `load average ${loadavg()
    .map(x => x.toFixed(2))
    .join(' ')}`
}

/** CPU time this process has used so far (all threads, user + system), in ms. */
export function cpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/**
 * CPU ms of each run, `rounds` samples a name after `warmRounds` unrecorded ones, the runs taken in turn and in
 * reverse order every other round (so no run always follows the same one).
 */
export function interleavedCpuSamples(
  runs: Record<string, () => unknown>,
  rounds: number,
  warmRounds: number,
): Map<string, number[]> {
  const names = Object.keys(runs)
  const samples = new Map<string, number[]>(names.map(n => [n, []]))
  for (let round = 0; round < rounds + warmRounds; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      const start = cpuMs()
      runs[name]()
      if (round >= warmRounds) samples.get(name)!.push(cpuMs() - start)
    }
  }
  return samples
}

/** The median CPU ms of each named run's samples, divided by `mb` (ms a MB of the text the run scans). */
export function medianMsPerMb(samples: Map<string, number[]>, mb: number): (name: string) => number {
  return name => {
    const sorted = [...samples.get(name)!].sort((x, y) => x - y)
    return sorted[sorted.length >> 1] / mb
  }
}

/**
 * Run `fn`, recording a CPU profile of it into `file` (appended as `file.N` for later passes) when given;
 * `intervalUs`: the time between samples (V8's default otherwise).
 */
export async function profiled<T>(file: string | undefined, fn: () => Promise<T>, intervalUs?: number): Promise<T> {
  if (!file) return fn()
  const { Session } = await import('node:inspector/promises')
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  if (intervalUs) await session.post('Profiler.setSamplingInterval', { interval: intervalUs })
  await session.post('Profiler.start')
  try {
    return await fn()
  } finally {
    const { profile } = await session.post('Profiler.stop')
    writeFileSync(file, JSON.stringify(profile))
    session.disconnect()
  }
}

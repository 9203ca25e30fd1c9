/** The summary table `npm run bench` prints, and the JSON file with the same figures. */
import { writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'

/** Outcome of one workload. */
export type Status = 'PASS' | 'MISS' | 'N/A' | 'ERROR'

/** One line of the summary. */
export interface Row {
  workload: string
  figure: string
  target: string
  status: Status
  /** Wall time the line took, seeding and set-up included (s). */
  seconds?: number
}

/** Print the rows as an aligned table (TIME: each line's wall time). */
export function printTable(rows: Row[]): void {
  const cols = ['workload', 'figure', 'target', 'status', 'time'] as const
  const cell = (r: Row, c: (typeof cols)[number]) =>
    c === 'time' ? (r.seconds === undefined ? '' : `${r.seconds.toFixed(0)} s`) : r[c]
  const width = cols.map(c => Math.max(c.length, ...rows.map(r => displayWidth(cell(r, c)))))
  const line = (cells: string[]) =>
    cells
      .map((s, i) => s + ' '.repeat(width[i] - displayWidth(s)))
      .join('  ')
      .trimEnd()
  console.log(line(cols.map(c => c.toUpperCase())))
  console.log(line(width.map(w => '-'.repeat(w))))
  for (const r of rows) console.log(line(cols.map(c => cell(r, c))))
}

/** Where and when the figures were taken (the machine is shared: load average included). */
export function machineInfo(): { cpus: number; model: string; node: string; loadavg: number[] } {
  const list = cpus()
  return {
    cpus: list.length,
    model: list[0]?.model ?? 'unknown',
    node: process.version,
    loadavg: loadavg().map(x => Math.round(x * 100) / 100),
  }
}

/** Write the results JSON (pretty-printed). */
export function writeResults(file: string, data: object): void {
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`)
}

/** Terminal columns of a string: CJK and full-width characters take two. */
function displayWidth(s: string): number {
  let w = 0
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1
  return w
}

import { PerformanceObserver } from 'node:perf_hooks'
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8'

/**
 * How far V8 lets the old generation grow past what the last full collection kept, in percent. V8's own
 * choice is 1.1× to 4× depending on how fast collections run: a bot whose live data is ~130 MB then holds
 * several hundred MB of garbage between collections (member lists read at login, the message stream).
 */
export const HEAP_GROWING_PERCENT = 20

/**
 * V8's young generation (both semi-spaces) after ready, in MB: what `node --max-semi-space-size=4` gives,
 * instead of the 2 × 16 MB it grows to while the member lists load at login (Node's default).
 */
export const YOUNG_GENERATION_MB = 8

/** What `keepHeapTight` set (undefined: the operator's own choice is kept). */
export interface HeapTightness {
  growingPercent?: number
  youngMb?: number
}

/**
 * Keep the long-running bot's heap close to its live data, from the moment it is called (the CLI calls it at
 * ready, after the start-up's dictionary compile and member reads, so the start is not slowed by extra
 * collections; docs/operations.md, "Memory"):
 * - V8's `--heap-growing-percent` (read at every full collection), unless the operator passed it to node;
 * - the young generation back to `YOUNG_GENERATION_MB` (`capYoungGeneration`), unless the operator sized it
 *   (`--max-semi-space-size` on the command line or in `NODE_OPTIONS`).
 */
export function keepHeapTight(env: NodeJS.ProcessEnv = process.env, execArgv = process.execArgv): HeapTightness {
  const chosen = (flag: RegExp) => [...execArgv, env.NODE_OPTIONS ?? ''].some(a => flag.test(a))
  const set: HeapTightness = {}
  if (!chosen(/--heap[-_]growing[-_]percent/)) {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
    set.growingPercent = HEAP_GROWING_PERCENT
  }
  if (!chosen(/--(max|min)[-_]semi[-_]space[-_]size/)) {
    capYoungGeneration(YOUNG_GENERATION_MB)
    set.youngMb = YOUNG_GENERATION_MB
  }
  return set
}

/**
 * Bring V8's young generation down to `mb` and keep it there. Its size is fixed when the process starts,
 * and V8 shrinks it only in a collection meant to save memory (or after a long quiet spell); it grows by
 * `--semi-space-growth-factor` at a scavenge that kept much. So after each collection: while the young
 * generation is larger than `mb`, V8 is told to save memory (`--optimize-for-size`), which the next full
 * collection does by shrinking it, and not otherwise (it costs CPU); once it reached `mb` it stops growing
 * (growth factor 1). One watch at a time (a second call replaces the first); returns a function that stops it.
 */
export function capYoungGeneration(mb: number): () => void {
  watching?.disconnect()
  let saving: boolean | undefined
  let growth: number | undefined
  const adjust = () => {
    const young = youngGenerationMb()
    if (young === undefined) return
    const save = young > mb
    if (save !== saving) setFlagsFromString(save ? '--optimize-for-size' : '--no-optimize-for-size')
    const factor = young >= mb ? 1 : 2
    if (factor !== growth) setFlagsFromString(`--semi-space-growth-factor=${factor}`)
    saving = save
    growth = factor
  }
  const watch = new PerformanceObserver(adjust)
  watching = watch
  watch.observe({ entryTypes: ['gc'] })
  adjust()
  return () => {
    watch.disconnect()
    if (watching === watch) watching = undefined
  }
}

let watching: PerformanceObserver | undefined

/** The young generation's size now (both semi-spaces), in MB. */
export function youngGenerationMb(): number | undefined {
  const space = getHeapSpaceStatistics().find(s => s.space_name === 'new_space')
  return space && space.space_size / 2 ** 20
}

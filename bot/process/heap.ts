import { setFlagsFromString } from 'node:v8'

/**
 * How far V8 lets the old generation grow past what the last full collection kept, in percent. V8's own
 * choice is 1.1× to 4× depending on how fast collections run: a bot whose live data is ~130 MB then holds
 * several hundred MB of garbage between collections (member lists read at login, the message stream).
 */
export const HEAP_GROWING_PERCENT = 20

/**
 * Keep the long-running bot's heap close to its live data: sets V8's `--heap-growing-percent` for this
 * process (read at every full collection, so it applies from the moment it is set: the CLI sets it at ready,
 * after the start-up's dictionary compile, so the start is not slowed by extra collections), unless the operator chose
 * a value (`node --heap-growing-percent=N` or in `NODE_OPTIONS`). Returns the percent in force, or
 * undefined when the operator's value is kept.
 */
export function keepHeapTight(env: NodeJS.ProcessEnv = process.env, execArgv = process.execArgv): number | undefined {
  const chosen = [...execArgv, env.NODE_OPTIONS ?? ''].some(a => /--heap[-_]growing[-_]percent/.test(a))
  if (chosen) return undefined
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
  return HEAP_GROWING_PERCENT
}

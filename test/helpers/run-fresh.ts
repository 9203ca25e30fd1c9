import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href

/** The file URL of a path relative to the repository root, for imports inside a `runFresh` script. */
export const moduleUrl = (path: string): string => pathToFileURL(resolve(path)).href

/** Runs a module script in a fresh Node (the module cache is per process) and returns what it printed last, as JSON. */
export function runFresh(script: string): Record<string, unknown> {
  const r = spawnSync(process.execPath, ['--import', TSX, '--input-type=module', '-e', script], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}')
}

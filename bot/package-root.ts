import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The folder of this package (where package.json is), from source (tsx) and from dist/ alike. */
export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)))

/** A file shipped with the package (example config, dictionaries, demo world), whatever the working directory. */
export function shipped(path: string): string {
  return join(PACKAGE_ROOT, path)
}

function findRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d
    if (dirname(d) === d) return dir
  }
}

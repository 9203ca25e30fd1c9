/**
 * Wechaty and file-box load packages at import that the bot never uses at start and rarely after: jimp (an image
 * library of about 50 modules, for `FileBox.toQRCode`), jsqr (file-box's QR decoder) and open-graph (with
 * request and cheerio, about 250 modules, for `UrlLink.create(url)`). Together about a third of a second of CPU
 * at each start.
 *
 * `deferPackages()` puts a stand-in for each into Node's CommonJS module cache, at the path the importing
 * package resolves it to; the stand-in loads the real package the first time it is read, called or constructed,
 * and forwards to it from then on. It must run before the module graph that imports Wechaty is linked (a
 * dynamic `import()` after it): Node's loader reads that cache when it links an ES module's CommonJS imports.
 * The importers use the packages' default export only, which is the stand-in itself.
 */
import Module, { createRequire } from 'node:module'

/** A package to defer, and the package whose code imports it (its path is resolved from there). */
export interface DeferredPackage {
  name: string
  importer: string
}

/** What the start defers: packages Wechaty's graph imports and the bot does not use at start. */
export const DEFERRED_PACKAGES: readonly DeferredPackage[] = [
  { name: 'jimp', importer: 'file-box' },
  { name: 'jsqr', importer: 'file-box' },
  { name: 'open-graph', importer: 'wechaty' },
]

/**
 * Install a stand-in for each package not loaded yet. Returns the names of those deferred (a package that is
 * already loaded, or not installed, is left alone).
 */
export function deferPackages(packages: readonly DeferredPackage[] = DEFERRED_PACKAGES): string[] {
  const here = createRequire(import.meta.url)
  const deferred: string[] = []
  for (const { name, importer } of packages) {
    let path: string
    try {
      path = createRequire(here.resolve(importer)).resolve(name)
    } catch {
      continue
    }
    if (here.cache[path]) continue
    // The stand-in steps aside on first use: the real module takes its place in the cache.
    installStandIn(here, path, () => {
      delete here.cache[path]
      return here(path) as object
    })
    deferred.push(name)
  }
  return deferred
}

/**
 * Put a loaded module at `path` in `req`'s CommonJS cache whose exports call `load` (once) on first use (a read,
 * a call or a construction) and forward to what it returned from then on.
 */
export function installStandIn(req: NodeJS.Require, path: string, load: () => object): void {
  let real: object | undefined
  const loaded = (): object => {
    real ??= load()
    return real
  }
  // A function target, so the stand-in can be called and constructed like a package that exports a function.
  const target = function deferredPackage() {}
  const proxy: object = new Proxy(target, {
    get: (_t, key) => Reflect.get(loaded(), key),
    has: (_t, key) => Reflect.has(loaded(), key),
    apply: (_t, self, args) => Reflect.apply(loaded() as (...a: unknown[]) => unknown, self, args),
    construct: (_t, args, newTarget) => {
      const exported = loaded() as new (...a: unknown[]) => object
      return Reflect.construct(exported, args, newTarget === proxy ? exported : newTarget)
    },
  })
  const module = new Module(path)
  module.filename = path
  module.loaded = true
  module.exports = proxy
  req.cache[path] = module
}

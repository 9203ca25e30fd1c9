/**
 * The command line as it ships (`bin`, `npm start`): tsc's output bundled into `dist/bin` by esbuild. The bot's
 * own modules become a few files, with a chunk per part that loads on demand (each CLI command, the sandbox,
 * the PostgreSQL store, the web console) and the QR and lease workers as entries of their own. Node 20 resolves,
 * reads and links each module on its own, so the packages a start loads that are many small modules are bundled
 * too: zod, yaml, pino and kysely, and Wechaty's graph (wechaty, its puppets, file-box, and what they import:
 * rxjs, fp-ts, lodash, ix, qrcode, gRPC and wechaty-grpc, …). A gRPC start loaded about 1,600 files before ready
 * and loads about 130 (the bot's own chunks, LevelDB, a few packages the bot imports); its CPU to ready is about
 * 0.7× of before (docs/performance-history.md, twenty-fifth session, startbundle). What stays external is in
 * `EXTERNAL`, with why; an external package a bundled one imports must resolve to the same file from `dist/bin`.
 * `dist/bot` and `dist/plugins` stay the library (`exports`, types). Run by `npm run build` after tsc.
 */
import { mkdirSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { readFile } from 'node:fs/promises'
import { build } from 'esbuild'

const OUT = 'dist/bin'

/** Packages the bot imports that are bundled in, with every package they import (but those in `EXTERNAL`). */
const BUNDLED = [
  'zod',
  'yaml',
  'pino',
  'kysely',
  'wechaty',
  'wechaty-puppet',
  'wechaty-puppet-service',
  'wechaty-puppet-mock',
  'file-box',
]

/** Packages imported from a bundled one that stay external: what must stay one copy, native, or read at run time. */
const EXTERNAL = [
  // leveldown is native; the rest of LevelDB's packages are imported by it and by flash-store alike.
  'level',
  'leveldown',
  'levelup',
  'encoding-down',
  'level-errors',
  // Deferred at start (bot/process/defer-packages.ts, bot/sandbox/defer-faker.ts): a stand-in in the module cache.
  'jimp',
  'jsqr',
  'open-graph',
  'faker',
  // pino's worker thread loads files next to its own code; raven is optional (Wechaty imports it if installed).
  'thread-stream',
  'raven',
]

/** The name of the package a bare specifier names (`@scope/name` or `name`, subpaths dropped). */
function packageOf(path) {
  return path
    .split('/')
    .slice(0, path.startsWith('@') ? 2 : 1)
    .join('/')
}

/**
 * The bot's own imports of `BUNDLED` packages are bundled, and so is whatever a bundled package imports, except
 * `EXTERNAL`; every other package stays external. An external package imported from a bundled one must resolve to
 * the same file from `dist/bin` as from its importer (the build fails otherwise: a nested version would be lost).
 */
function bundledPackages() {
  return {
    name: 'bundled-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, async args => {
        if (args.kind === 'entry-point' || args.pluginData?.probe || args.path.startsWith('node:')) return undefined
        const name = packageOf(args.path)
        if (!args.importer.includes('/node_modules/'))
          return BUNDLED.includes(name) ? undefined : { path: args.path, external: true }
        const there = await probe(b, args, args.resolveDir)
        // Not installed (memory-card's optional storage backends, imported only when configured): as before.
        if (there.errors.length) return { path: args.path, external: true }
        if (!EXTERNAL.includes(name)) return undefined
        const here = await probe(b, args, resolve(OUT))
        if (here.path !== there.path)
          throw new Error(
            `${args.path}, imported by ${args.importer}, resolves to ${here.path || 'nothing'} from ${OUT}`,
          )
        return { path: args.path, external: true }
      })
    },
  }
}

/** Where `args.path` resolves from `dir`, by esbuild's own rules (this plugin stepping aside). */
function probe(b, args, dir) {
  return b.resolve(args.path, { kind: args.kind, resolveDir: dir, pluginData: { probe: true } })
}

/**
 * wechaty-puppet imports the puppet named by `WECHATY_PUPPET` by that name at run time: for wechaty-puppet-service it
 * imports the bundled copy instead (a static `import()`, a chunk of its own), so the package and its graph load once.
 */
function bundledPuppetService() {
  return {
    name: 'bundled-puppet-service',
    setup(b) {
      b.onLoad(
        { filter: /wechaty-puppet[/\\]dist[/\\]esm[/\\]src[/\\]puppet[/\\]puppet-resolver\.js$/ },
        async args => {
          const code = await readFile(args.path, 'utf8')
          const call = 'await import(puppetName)'
          if (!code.includes(call))
            throw new Error(`${args.path}: no \`${call}\` to point at the bundled puppet service`)
          return {
            contents: code.replace(
              call,
              "await (puppetName === 'wechaty-puppet-service' ? import('wechaty-puppet-service') : import(puppetName))",
            ),
            loader: 'js',
          }
        },
      )
    },
  }
}

/**
 * wechaty-grpc, bundled: its generated gRPC code is required from a list of names at run time (here named one by
 * one, so esbuild bundles them), and at import it reads its .proto and OpenAPI files from the folder of its own code
 * (`codeRoot`, from `__dirname`): here the folder of the package Node resolves from `dist/bin` (the build checks it
 * is the one bundled).
 */
function bundledGrpc() {
  return {
    name: 'bundled-grpc',
    setup(b) {
      b.onLoad({ filter: /wechaty-grpc[/\\]dist[/\\]esm[/\\]commonjs[/\\]generated[/\\][\w-]+\.cjs$/ }, async args => {
        const code = await readFile(args.path, 'utf8')
        const files = [...code.matchAll(/'(\.\.\/\.\.\/out\/[^']+\.js)'/g)].map(m => m[1])
        if (!files.length || !code.includes('...require(pkg)'))
          throw new Error(`${args.path}: no list of files to require`)
        return {
          contents: `module.exports = Object.assign({}, ${files.map(f => `require('${f}')`).join(', ')})`,
          loader: 'js',
        }
      })
      b.onLoad({ filter: /wechaty-grpc[/\\]dist[/\\]esm[/\\]src[/\\]cjs\.js$/ }, async args => {
        const code = await readFile(args.path, 'utf8')
        const line = "import { codeRoot } from '../commonjs/code-root.cjs';"
        if (!code.includes(line)) throw new Error(`${args.path}: no \`${line}\` to replace`)
        const here = await b.resolve('wechaty-grpc', {
          kind: 'import-statement',
          resolveDir: resolve(OUT),
          pluginData: { probe: true },
        })
        if (here.path !== resolve(args.path, '..', 'mod.js'))
          throw new Error(`wechaty-grpc resolves to ${here.path || 'nothing'} from ${OUT}, not ${args.path}'s package`)
        return {
          contents: code.replace(
            line,
            "import { fileURLToPath as __codeRootPath } from 'node:url';\nconst codeRoot = __codeRootPath(new URL('..', import.meta.resolve('wechaty-grpc')));",
          ),
          loader: 'js',
        }
      })
    },
  }
}

rmSync(OUT, { recursive: true, force: true })
mkdirSync(OUT, { recursive: true })
await build({
  entryPoints: {
    cli: 'dist/bot/cli.js',
    'qr-worker': 'dist/plugins/content/qr/qr-worker.js',
    'lease-worker': 'dist/bot/fleet/lease-worker.js',
  },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [bundledPackages(), bundledPuppetService(), bundledGrpc()],
  // Bundled CommonJS packages require Node's modules and external packages: each chunk gets a `require`.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // A chunk's name hashes its contents: the matcher's caches count a chunk by its name (codeFolderHash).
  chunkNames: 'chunk-[hash]',
  logLevel: 'warning',
})

/**
 * The command line as it ships (`bin`, `npm start`): tsc's output bundled into `dist/bin` by esbuild. The bot's
 * own modules become a few files, with a chunk per part that loads on demand (each CLI command, the sandbox,
 * the PostgreSQL store, the web console) and the QR and lease workers as entries of their own. Packages stay external, except
 * those only the bot loads that are many small modules (zod 95 ES modules, yaml 72 and pino 12 CommonJS ones):
 * Node 20 resolves, reads and links each module on its own, about 280 of the bot's and those 180 at a start;
 * the bundle saves most of that (docs/performance.md, start-up). `dist/bot` and `dist/plugins` stay the library (`exports`,
 * types). Run by `npm run build` after tsc.
 */
import { rmSync } from 'node:fs'
import { build } from 'esbuild'

const OUT = 'dist/bin'
/** Packages bundled in (their own dependencies stay external). */
const BUNDLED = ['zod', 'yaml', 'pino']

/** Every package external except `bundled` (by name, subpaths included). */
function externalExcept(bundled) {
  return {
    name: 'external-except',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, args => {
        if (args.kind === 'entry-point') return undefined
        const name = args.path
          .split('/')
          .slice(0, args.path.startsWith('@') ? 2 : 1)
          .join('/')
        return bundled.includes(name) ? undefined : { path: args.path, external: true }
      })
    },
  }
}

rmSync(OUT, { recursive: true, force: true })
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
  plugins: [externalExcept(BUNDLED)],
  // yaml and pino are CommonJS and require Node's modules and pino's dependencies: each chunk gets a `require`.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // A chunk's name hashes its contents: the matcher's caches count a chunk by its name (codeFolderHash).
  chunkNames: 'chunk-[hash]',
  logLevel: 'warning',
})

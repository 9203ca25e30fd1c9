/**
 * The command line as it ships (`bin`, `npm start`): tsc's output bundled into `dist/bin` by esbuild. The bot's
 * own modules become a few files, with a chunk per part that loads on demand (each CLI command, the sandbox,
 * the PostgreSQL store, the web console) and the QR worker as its own entry; every package stays external.
 * Node 20 resolves, reads and links each ES module on its own, about 280 of the bot's at a start: the bundle
 * saves most of that (docs/performance.md, start-up). `dist/bot` and `dist/plugins` stay the library (`exports`,
 * types). Run by `npm run build` after tsc.
 */
import { rmSync } from 'node:fs'
import { build } from 'esbuild'

const OUT = 'dist/bin'

rmSync(OUT, { recursive: true, force: true })
await build({
  entryPoints: { cli: 'dist/bot/cli.js', 'qr-worker': 'dist/plugins/content/qr/qr-worker.js' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // A chunk's name hashes its contents: the matcher's caches count a chunk by its name (codeFolderHash).
  chunkNames: 'chunk-[hash]',
  logLevel: 'warning',
})

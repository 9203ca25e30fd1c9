/**
 * The bot's modules as a bench runs them: compiled (`dist/`, what `npm start` runs; the default) or
 * from source through tsx (`BENCH_BOT=source`, no build needed). Per-message figures are taken on what
 * ships (tsx adds a naming call to every function it defines). Run `npm run build` first.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Which code the bench measures: `compiled` (dist/) unless `BENCH_BOT=source`. */
export const BOT_CODE: 'compiled' | 'source' = process.env.BENCH_BOT === 'source' ? 'source' : 'compiled'

async function load<T>(path: string): Promise<T> {
  if (BOT_CODE === 'source') return (await import(pathToFileURL(join(ROOT, `${path}.ts`)).href)) as T
  const file = join(ROOT, 'dist', `${path}.js`)
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (or BENCH_BOT=source)`)
  return (await import(pathToFileURL(file).href)) as T
}

/** `createApp`, the FileStore, the logger and the sandbox, from one build (never mixed). */
export const bot = {
  ...(await load<typeof import('../bot/app.js')>('bot/app')),
  ...(await load<typeof import('../bot/ports/store/file-store.js')>('bot/ports/store/file-store')),
  ...(await load<typeof import('../bot/process/logger.js')>('bot/process/logger')),
  ...(await load<typeof import('../bot/sandbox/index.js')>('bot/sandbox/index')),
}

import { FileStore } from '../store/file-store.js'
import type { Store } from '../store/store.js'
import { PgStore } from './pg-store.js'

/**
 * The store the bot runs on: PostgreSQL when `BOT_DATABASE_URL` is a `postgres://` URL (rows under
 * the namespace `BOT_ACCOUNT`, default `default`; tables in the PostgreSQL schema `BOT_DATABASE_SCHEMA`,
 * default `public`), else the embedded file store in `dataDir`.
 */
export async function openStore(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  const url = env.BOT_DATABASE_URL?.trim()
  if (!url) return new FileStore(dataDir, { background: true })
  const problem = databaseUrlProblem(url)
  if (problem) throw new Error(problem)
  return PgStore.open({
    url,
    account: env.BOT_ACCOUNT?.trim() || undefined,
    schema: env.BOT_DATABASE_SCHEMA?.trim() || undefined,
  })
}

/** What is wrong with a `BOT_DATABASE_URL` value, or undefined (the password is never shown). */
export function databaseUrlProblem(url: string): string | undefined {
  if (/^postgres(ql)?:\/\//.test(url)) return undefined
  return `BOT_DATABASE_URL must be a postgres:// URL, got ${JSON.stringify(url.split('@').pop())}`
}

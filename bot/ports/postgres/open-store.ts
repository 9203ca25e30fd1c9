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

/**
 * What is wrong with a `BOT_DATABASE_URL` value, or undefined (the password is never shown): not a `postgres://`
 * URL, or no user name when neither PGUSER nor USER gives one (the server would answer only "no PostgreSQL user
 * name specified in startup packet").
 */
export function databaseUrlProblem(url: string, vars: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!/^postgres(ql)?:\/\//.test(url))
    return `BOT_DATABASE_URL 应为 postgres:// 开头的地址，如 postgres://用户名:密码@主机:5432/数据库，填的是 ${JSON.stringify(url.split('@').pop())} (BOT_DATABASE_URL must be a postgres:// URL)`
  let user: string
  try {
    user = new URL(url).username
  } catch {
    return 'BOT_DATABASE_URL 不是有效的地址，应写成 postgres://用户名:密码@主机:5432/数据库（密码里的 @ : / 要写成 %40 %3A %2F） (BOT_DATABASE_URL is not a valid URL)'
  }
  if (user || vars.PGUSER?.trim() || vars.USER?.trim()) return undefined
  const where = url.replace(/^postgres(ql)?:\/\/[^/]*@/, '').replace(/^postgres(ql)?:\/\//, '')
  return `BOT_DATABASE_URL 缺少数据库用户名：应写成 postgres://用户名@${where}（有密码时 postgres://用户名:密码@…） (BOT_DATABASE_URL names no user: write postgres://USER@host/db)`
}

import { describe, expect, it, vi } from 'vitest'
import { connectionSummary } from '../../../bot/cli/settings-check.js'
import { fleetCommand } from '../../../bot/fleet/cli.js'
import { PgStore } from '../../../bot/ports/postgres/pg-store.js'
import { usePgFixture } from '../../helpers/pg-test.js'

const { url, closers, fresh } = await usePgFixture()

/** `fleet status` with these settings: its exit code and what it wrote to stderr. */
async function fleetStatus(env: NodeJS.ProcessEnv) {
  const err: string[] = []
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation(s => {
    err.push(String(s))
    return true
  })
  try {
    return { code: await fleetCommand(['status'], env), err: err.join('') }
  } finally {
    spy.mockRestore()
  }
}

describe.skipIf(!url)('fleet status with a schema that holds no fleet', () => {
  it('names the schema it looked in and the schemas that hold one', async () => {
    const schema = fresh()
    const store = await PgStore.open({ url: url as string, schema, account: 'sales1' })
    closers.push(() => store.close())
    const typo = `${schema}x`
    const { code, err } = await fleetStatus({ BOT_DATABASE_URL: url, BOT_DATABASE_SCHEMA: typo })
    expect(code).toBe(1)
    expect(err).toContain(`schema「${typo}」里没有多账号数据（BOT_DATABASE_SCHEMA=${typo}）`)
    expect(err).toMatch(new RegExp(`有多账号数据的 schema：.*${schema}.*（请检查 BOT_DATABASE_SCHEMA）`))
  })
})

describe('fleet status with a URL that names no user', () => {
  it('says in Chinese that the URL needs one (the server would only say "no user name in startup packet")', async () => {
    const { code, err } = await fleetStatus({ BOT_DATABASE_URL: 'postgres://127.0.0.1:5432/test' })
    expect(code).toBe(2)
    expect(err).toBe(
      '❌ BOT_DATABASE_URL 缺少数据库用户名：应写成 postgres://用户名@127.0.0.1:5432/test（有密码时 postgres://用户名:密码@…） (BOT_DATABASE_URL names no user: write postgres://USER@host/db)\n',
    )
  })

  it('leaves the user to PGUSER or USER when one of them is set, as the PostgreSQL client does', async () => {
    const { databaseUrlProblem } = await import('../../../bot/ports/postgres/open-store.js')
    expect(databaseUrlProblem('postgres://127.0.0.1/test', { USER: 'bot' })).toBeUndefined()
    expect(databaseUrlProblem('postgres://127.0.0.1/test', { PGUSER: 'bot' })).toBeUndefined()
    expect(databaseUrlProblem('postgres://bot@127.0.0.1/test', {})).toBeUndefined()
  })

  it('never shows the password of a URL that names no user (postgres://:password@host, usual in containers)', async () => {
    const { databaseUrlProblem } = await import('../../../bot/ports/postgres/open-store.js')
    const problem = databaseUrlProblem('postgres://:PGSEKRIT@db.internal:5432/guard', {})
    expect(problem).toContain('postgres://用户名@db.internal:5432/guard')
    expect(problem).not.toContain('PGSEKRIT')
    expect(databaseUrlProblem('postgres://:Abc@123@db.internal/guard', {})).not.toContain('123')
  })
})

describe('check-config’s summary line', () => {
  it('names the PostgreSQL schema beside the account', () => {
    const env = { puppet: 'wechaty-puppet-service', dataDir: '/tmp/x' } as Parameters<typeof connectionSummary>[0]
    expect(connectionSummary(env, { BOT_DATABASE_URL: 'postgres://db/x', BOT_ACCOUNT: 'acct1' })).toBe(
      '  连接 connection: wechaty-puppet-service; 存储 store: PostgreSQL (BOT_DATABASE_SCHEMA=public, BOT_ACCOUNT=acct1)',
    )
    expect(
      connectionSummary(env, {
        BOT_DATABASE_URL: 'postgres://db/x',
        BOT_DATABASE_SCHEMA: 'sales',
        BOT_ACCOUNT: 'acct1',
      }),
    ).toContain('PostgreSQL (BOT_DATABASE_SCHEMA=sales, BOT_ACCOUNT=acct1)')
  })
})

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

import { describe, expect, it, vi } from 'vitest'
import type { GroupRef, Member } from '../../../bot/core/event.js'
import { formatStatus } from '../../../bot/fleet/cli.js'
import { fleetSnapshot } from '../../../bot/fleet/status.js'
import { PgStore } from '../../../bot/ports/postgres/pg-store.js'
import { ackPlugin } from '../../../plugins/ack/index.js'
import { makeRuntime } from '../../helpers/harness.js'
import { usePgFixture } from '../../helpers/pg-test.js'
import { testFleet } from '../../helpers/test-fleet.js'
import { admin, at, boss, config, customers, sales, zhang } from '../../plugins/ack/helpers.js'

const { url, closers, fresh } = await usePgFixture()
const LEASE_MS = 1_200

/**
 * One account in `groups`, leases of 1.2 s, WeChat name `小助手<account>` (`name`: another, `''` none);
 * `kill`: SIGKILL as the database sees it (its sessions and lock go).
 */
async function bot(schema: string, account: string, groups: [GroupRef, Member[]][], name = `小助手${account}`) {
  const store = await PgStore.open({ url: url as string, schema, account })
  const fleet = testFleet(
    store,
    groups.map(([g]) => g.id),
    {
      leaseMs: LEASE_MS,
      renewMs: LEASE_MS / 4,
      topics: () => Object.fromEntries(groups.map(([g]) => [g.id, g.topic])),
      name: () => name,
    },
  )
  const h = await makeRuntime(config(), [ackPlugin], { store, gate: fleet, start: at('08:55'), groups })
  let dead = false
  closers.push(async () => {
    if (dead) return
    await h.rt.stop()
    await store.close()
  })
  const kill = async () => {
    dead = true
    h.rt.timers.stop()
    await store.close()
  }
  return { ...h, store, fleet, kill }
}

/** sales1 in the sales group and 张三's customer group, sales2 in the sales group only (`name`: sales2's WeChat name). */
async function twoBots(name?: string) {
  const schema = fresh()
  const a = await bot(schema, 'sales1', [
    [sales, [boss, admin, zhang]],
    [customers, [zhang]],
  ])
  const b = await bot(schema, 'sales2', [[sales, [boss, admin, zhang]]], name)
  return { a, b }
}

describe.skipIf(!url)('a group only a down account was in', () => {
  it('is named in the takeover message, #状态 and fleet status: nobody can take it over', async () => {
    const { a, b } = await twoBots()
    await a.kill()
    // At once, before its leases run out: its process is gone and no other account is in 张三交流群.
    const status = await b.fleet.status(id => (id === sales.id ? sales.topic : id))
    expect(status[1]).toMatch(
      /^· 「小助手sales1」\(sales1\) wxid_sales1：进程已退出（\d 秒前最后续约，租约到期后由其他账号接管，其中 1 个群没有其他账号、无人接管），在 2 个群，租约未到期 2 个（销售部工作群、张三交流群）/,
    )
    expect(status.at(-1)).toBe(
      '⚠️ 1 个群无人负责：张三交流群（只有 「小助手sales1」(sales1) 在群里），需要把另一个账号拉进群（或让离线的账号恢复）',
    )

    await vi.waitFor(() => expect(b.fleet.holds(sales.id)).toBe(true), { timeout: 3 * LEASE_MS, interval: 100 })
    await vi.waitFor(
      async () => {
        await b.clock.advance(1_000)
        expect(b.wechat.textsTo('admin1')).toEqual([
          '⚠️ 机器人账号 「小助手sales1」(sales1) 已掉线（租约到期未续约：进程退出、卡住或断网）。本账号 「小助手sales2」(sales2) 已接管它负责的 1 个群：销售部工作群。' +
            '请检查 「小助手sales1」(sales1) 的进程和微信登录；已接管的群此后由 「小助手sales2」(sales2) 负责。\n' +
            '⚠️ 1 个群无人负责：张三交流群（只有 「小助手sales1」(sales1) 在群里），需要把另一个账号拉进群（或让离线的账号恢复）',
        ])
      },
      { timeout: 5_000, interval: 50 },
    )

    const snapshot = await fleetSnapshot(b.store.db, LEASE_MS, b.store.schema)
    expect(snapshot.stranded).toEqual([{ groupId: customers.id, accounts: ['sales1'] }])
    const table = formatStatus(snapshot)
    expect(table).toMatch(
      /^fleet: 2 account\(s\), 1 alive; 1 group\(s\) held, 0 waiting for a holder, 1 with no account online in it\n/,
    )
    expect(table).toContain(
      'no account online in (nobody can take them over; bring another account into the group):\n  r2  张三交流群  only 「小助手sales1」(sales1)\n',
    )
    expect((await b.fleet.status(id => id)).at(-1)).toMatch(
      /^⚠️ 1 个群无人负责：张三交流群（只有 「小助手sales1」\(sales1\) 在群里）/,
    )
  })

  it('is told by the first online account when no online account is in any group of the down one, once', async () => {
    const schema = fresh()
    const a = await bot(schema, 'sales1', [[customers, [zhang]]])
    const b = await bot(schema, 'sales2', [[sales, [boss, admin, zhang]]])
    await b.fleet.renew() // sales2 sees sales1 online
    await a.kill()
    const told = () => b.wechat.textsTo('admin1')
    await vi.waitFor(
      async () => {
        await b.clock.advance(1_000)
        expect(told()).toEqual([
          '⚠️ 机器人账号 「小助手sales1」(sales1) 已掉线（租约到期未续约：进程退出、卡住或断网）。它所在的群没有其他账号，无人接管。' +
            '请检查 「小助手sales1」(sales1) 的进程和微信登录。\n' +
            '⚠️ 1 个群无人负责：张三交流群（只有 「小助手sales1」(sales1) 在群里），需要把另一个账号拉进群（或让离线的账号恢复）',
        ])
      },
      { timeout: 4 * LEASE_MS + 5_000, interval: 100 },
    )
    await new Promise(r => setTimeout(r, LEASE_MS))
    await b.clock.advance(5_000)
    expect(told()).toHaveLength(1)
  })

  it('names nothing while every group of the fleet has an account online in it; each account by its WeChat name', async () => {
    // sales2 has written no WeChat name (not logged in since the upgrade): named by its account alone.
    const { b } = await twoBots('')
    await b.fleet.renew()
    const snapshot = await fleetSnapshot(b.store.db, LEASE_MS, b.store.schema)
    expect(snapshot.stranded).toEqual([])
    expect(formatStatus(snapshot)).toMatch(/, 0 with no account online in it\n/)
    expect(formatStatus(snapshot)).toMatch(
      /\naccount +name +contact .*\nsales1 +小助手sales1 +wxid_sales1 .*\nsales2 +- +wxid_sales2 /,
    )
    // The other account's group by its topic, though this account is not in it.
    expect(await b.fleet.status(id => (id === sales.id ? sales.topic : id))).toEqual([
      '机器人账号组（数据库）：2 个账号，2 个在线；本账号 sales2',
      '· 「小助手sales1」(sales1) wxid_sales1：在线，在 2 个群，负责 2 个（销售部工作群、张三交流群），发送队列 0 条',
      '· sales2（本账号） wxid_sales2：在线，在 1 个群，负责 0 个，发送队列 0 条',
    ])
  })
})

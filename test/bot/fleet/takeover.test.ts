import { sql } from 'kysely'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import type { GroupRef, Member } from '../../../bot/core/event.js'
import { definePlugin, type PluginDefinition } from '../../../bot/core/plugin.js'
import { moveOutbox } from '../../../bot/fleet/outbox-move.js'
import { PgFleet } from '../../../bot/fleet/pg-fleet.js'
import { OUTBOX_JOURNAL } from '../../../bot/runtime/delivery/outbox.js'
import { PgStore } from '../../../bot/ports/postgres/pg-store.js'
import { createLogger } from '../../../bot/process/logger.js'
import { ackPlugin } from '../../../plugins/ack/index.js'
import { contentPlugin } from '../../../plugins/content/index.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'
import { dropSchemas, freshSchema, pgAvailable } from '../../helpers/pg-test.js'
import { admin, at, boss, config, li, sales, wang, zhang } from '../../plugins/ack/helpers.js'
import * as camp from '../../plugins/campaign/fixtures.js'
import { campaignPlugin } from '../../../plugins/campaign/index.js'
import { servicePlugin } from '../../../plugins/service/index.js'
import { activityPlugin } from '../../../plugins/activity/index.js'
import * as act from '../../plugins/activity/fixtures.js'
import * as svc from '../../plugins/service/helpers.js'

const url = await pgAvailable()
const schemas: string[] = []
const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map(c => c().catch(() => {})))
})
afterAll(async () => {
  if (url) await dropSchemas(url, schemas)
})

const NOTICE = '【通知】今天下午3点在三楼会议室开月度复盘会，请各位准备好本月客户跟进表，收到请回复'
const LEASE_MS = 1_200

/** A timer for everyone (no group): sets `ping` at 09:10 on `#ping`, tells the admins when it fires. */
const pinger = definePlugin({
  name: 'pinger',
  description: 'test plugin',
  configSchema: z.object({}).strict(),
  create: () => ({
    onTimer: () => [{ type: 'notifyAdmins', text: '定时提醒', rule: 'ping' }],
  }),
})

/** Numbers each question (「请问…」) in the group, per account, like tickets: the same question gets another number elsewhere. */
const numberer = definePlugin({
  name: 'numberer',
  description: 'test plugin',
  configSchema: z.object({}).strict(),
  create: () => {
    let n = 0
    return {
      onEvent: ev =>
        ev.type === 'message' && ev.group && ev.text.startsWith('请问')
          ? [{ type: 'say', to: { room: ev.group.id }, text: `已登记问题 Q${++n}`, rule: 'question' }]
          : [],
    }
  },
})

/** Answers each question (「请问…」) in the group and tells its asker privately: two queued messages per question. */
const replier = definePlugin({
  name: 'replier',
  description: 'test plugin',
  configSchema: z.object({}).strict(),
  create: () => ({
    onEvent: ev =>
      ev.type === 'message' && ev.group && ev.text.startsWith('请问')
        ? [
            { type: 'say', to: { room: ev.group.id }, text: `已登记：${ev.text}`, rule: 'question' },
            { type: 'say', to: { contact: ev.sender.id }, text: `你的问题已登记：${ev.text}`, rule: 'question' },
          ]
        : [],
  }),
})

/** What an account is in: its config, plugins, start time and groups with their members. */
interface World {
  yaml: string
  plugins: PluginDefinition[]
  start: number
  groups: [GroupRef, Member[]][]
}

/** `bot`'s options. */
interface BotOptions {
  lock?: boolean
  leaseMs?: number
  listen?: boolean
}

/**
 * One bot account (its own store, fleet and simulated WeChat) in the sales group, on the shared schema. `lock: false`:
 * it holds no account lock (so `crash` can end it without the store's flush); `leaseMs`: its leases' length (renewed
 * four times a lease); `listen`: it hears the other accounts' notices (leases given back), as a bot does.
 */
async function bot(schema: string, account: string, world?: World, o: BotOptions = {}) {
  const { lock = true, leaseMs = LEASE_MS } = o
  const w = world ?? {
    yaml: config(),
    plugins: [ackPlugin, pinger],
    start: at('08:55'),
    groups: [[sales, [boss, admin, zhang, li, wang]]],
  }
  const store = await PgStore.open({ url: url as string, schema, account, lock })
  const fleet = new PgFleet({
    db: store.db,
    schema: store.schema,
    account,
    contactId: () => `wxid_${account}`,
    groups: () => w.groups.map(([g]) => g.id),
    queueDepth: () => 0,
    log: createLogger('silent'),
    adopt: (from, names, move) => store.adopt(from, names, move),
    leaseMs,
    renewMs: leaseMs / 4,
    listen: o.listen ? () => store.listenConnection() : undefined,
  })
  const h = await makeRuntime(w.yaml, w.plugins, { store, gate: fleet, start: w.start, groups: w.groups })
  let dead = false
  /** SIGKILL, as far as the database can tell: its connections (and account lock) go, nothing is given back. */
  const kill = async () => {
    dead = true
    h.rt.timers.stop()
    await store.close()
  }
  /** SIGKILL with nothing flushed since the last write (the store opened without its lock): its connections go. */
  const crash = async () => {
    dead = true
    h.rt.timers.stop()
    h.rt.outbox.pause()
    await store.db.destroy()
    await fleet.stop().catch(() => {}) // its renewals end (they fail without a connection)
  }
  /** A clean stop (SIGTERM): the leases are given back. */
  const stop = async () => {
    dead = true
    await h.rt.stop()
    await store.close()
  }
  closers.push(async () => {
    if (dead) return
    await h.rt.stop()
    await store.close()
  })
  return { ...h, store, fleet, kill, crash, stop }
}

/**
 * Two accounts on a fresh schema: sales1 (`a`, first, so it holds the groups they share) then sales2 (`b`), in
 * `world` (one for both, or `[sales1's, sales2's]`), with `bot`'s options for each.
 */
async function twoBots(
  world?: World | [World | undefined, World | undefined],
  o: { a?: BotOptions; b?: BotOptions } = {},
) {
  const schema = freshSchema()
  schemas.push(schema)
  const [wa, wb] = Array.isArray(world) ? world : [world, world]
  const a = await bot(schema, 'sales1', wa, o.a)
  const b = await bot(schema, 'sales2', wb, o.b)
  return { schema, a, b }
}

/** Move the bots' clocks on until `check` passes (sends wait for the database), then a little more for a second send, if any. */
async function settle(bots: { clock: { advance(ms: number): Promise<void> } }[], check: () => void) {
  await vi.waitFor(
    async () => {
      for (const x of bots) await x.clock.advance(1_000)
      check()
    },
    { timeout: 5_000, interval: 50 },
  )
  for (let i = 0; i < 5; i++) {
    for (const x of bots) await x.clock.advance(1_000)
    await new Promise(r => setTimeout(r, 50))
  }
  check()
}

/** What both accounts sent into the group or to a contact, with the sender account. */
const sentBy = (bots: Awaited<ReturnType<typeof bot>>[], to: string) =>
  bots.flatMap((b, i) => b.wechat.textsTo(to).map(t => ({ t, bot: i })))

/** The activity plugin's world: a sales group and 张三's customer group with 刘总, from 08:55. */
const activityWorld = (): World => ({
  yaml: act.activityConfig(),
  plugins: [activityPlugin],
  start: at('08:55'),
  groups: [
    [act.sales, [act.zhang, act.boss]],
    [act.cust, [act.zhang, act.liuzong]],
  ],
})

/** The sales group with ack and a plugin answering every question in the group and privately, from 08:55. */
const replierWorld = (): World => ({
  yaml: config(),
  plugins: [ackPlugin, replier],
  start: at('08:55'),
  groups: [[sales, [boss, admin, zhang, li, wang]]],
})

describe.skipIf(!url)('fleet takeover on PostgreSQL', () => {
  it('resumes a notice of a killed holder: the survivor reminds and reports once, with the answers given before', async () => {
    const { a, b } = await twoBots()
    expect(a.fleet.holds(sales.id)).toBe(true)
    expect(b.fleet.holds(sales.id)).toBe(false)
    const say = async (local: string, who: typeof boss, body: string, to = [a, b]) => {
      for (const x of to) {
        await x.clock.advanceTo(at(local))
        await x.rt.handle(text(who, body, x.clock.now(), sales))
      }
    }
    await say('09:00', boss, NOTICE)
    await say('09:02', zhang, '收到')
    await settle([a, b], () =>
      expect(sentBy([a, b], sales.id).map(s => s.t)).toEqual([expect.stringContaining('已登记通知 N1')]),
    )

    await a.kill()
    // Within a lease and a renewal the survivor acts in the group, with the notice and its timers.
    await vi.waitFor(() => expect(b.rt.timers.pending('ack').map(t => t.key)).toHaveLength(2), {
      timeout: 3 * LEASE_MS,
      interval: 100,
    })
    expect(b.fleet.holds(sales.id)).toBe(true)
    expect(b.rt.timers.pending('ack').map(t => t.key)).toEqual(['remind:N1@sales1', 'deadline:N1@sales1'])

    await b.clock.advanceTo(at('09:21'))
    const reminders = () => sentBy([a, b], sales.id).filter(s => s.t.includes('没有回复'))
    await settle([b], () => expect(reminders()).toHaveLength(1))
    // 张三 answered the killed account before it died: he is not reminded.
    expect(b.wechat.sent.find(s => s.text?.includes('没有回复'))?.mentions).toEqual(['u2', 'u3'])
    await say('09:24', li, '收到收到，刚在路上', [b])
    await b.clock.advanceTo(at('09:31'))
    await settle([b], () => expect(sentBy([a, b], 'boss')).toHaveLength(1))
    const [report] = sentBy([a, b], 'boss')
    expect(report.bot).toBe(1)
    expect(report.t).toContain('应回复 3 人：按时 1 人，提醒后 1 人，未回复 1 人')
    expect(b.rt.ledger.openFines('u3')).toEqual([expect.objectContaining({ violation: '未按时回复通知 N1@sales1' })])
    expect(reminders()).toHaveLength(1)

    // The killed account's records no longer hold the notice or its timers: back, it would not send them again.
    const rows = await sql<{ name: string; data: { notices?: object; timers?: object } }>`
      select name, data from bot_documents where account = 'sales1' and name in ('ack-notices', 'timers')`.execute(
      b.store.db,
    )
    expect(rows.rows.map(r => [r.name, Object.keys(r.data.notices ?? r.data.timers ?? {})]).sort()).toEqual([
      ['ack-notices', []],
      ['timers', []],
    ])
  })

  it('tells the admins once that a killed account is down and who took its groups; #状态 shows it gone at once', async () => {
    const { a, b } = await twoBots()
    await a.kill()
    // Its lease still runs, but its process is gone: not shown online.
    const status = await b.fleet.status(id => (id === sales.id ? sales.topic : id))
    expect(status[0]).toBe('机器人账号组（数据库）：2 个账号，1 个在线；本账号 sales2')
    expect(status[1]).toMatch(
      /^· sales1 wxid_sales1：进程已退出（\d 秒前最后续约，租约到期后由其他账号接管），在 1 个群，租约未到期 1 个（销售部工作群）/,
    )
    await vi.waitFor(() => expect(b.fleet.holds(sales.id)).toBe(true), { timeout: 3 * LEASE_MS, interval: 100 })
    const told = () => b.wechat.textsTo('admin1')
    await settle([b], () =>
      expect(told()).toEqual([
        '⚠️ 机器人账号 sales1 已掉线（租约到期未续约：进程退出、卡住或断网）。本账号 sales2 已接管它负责的 1 个群：销售部工作群。' +
          '请检查 sales1 的进程和微信登录；已接管的群此后由 sales2 负责。',
      ]),
    )
    // Later renewals take nothing more of it: once per outage.
    await new Promise(r => setTimeout(r, LEASE_MS))
    await settle([b], () => expect(told()).toHaveLength(1))
    expect((await b.fleet.status(id => id))[1]).toMatch(/^· sales1 wxid_sales1：离线 \d 秒，在 1 个群，发送队列 0 条$/)
  })

  it('hands the groups over quietly at a clean stop: no admin message, #状态 says it stopped', async () => {
    const { a, b } = await twoBots()
    await a.stop()
    await vi.waitFor(() => expect(b.fleet.holds(sales.id)).toBe(true), { timeout: LEASE_MS, interval: 50 })
    expect(await b.fleet.status(id => id)).toEqual([
      '机器人账号组（数据库）：2 个账号，1 个在线；本账号 sales2',
      '· sales1 wxid_sales1：已停止（正常退出，群已交给其他账号），在 1 个群，发送队列 0 条',
      '· sales2（本账号） wxid_sales2：在线，在 1 个群，负责 1 个（r1），发送队列 0 条',
    ])
    await settle([b], () => expect(b.wechat.textsTo('admin1')).toEqual([]))
  })

  it('decides on nothing again after a clean stop: the account that stopped acted on every message up to its last', async () => {
    const decided: string[] = []
    const counter = definePlugin({
      name: 'counter',
      description: 'test plugin',
      configSchema: z.object({}).strict(),
      create: ctx => ({
        onEvent: ev => {
          if (ev.type === 'message') decided.push(`${ctx.directory.selfId()}:${ev.text}`)
          return []
        },
      }),
    })
    const world: World = {
      yaml: config(),
      plugins: [ackPlugin, counter],
      start: at('08:55'),
      groups: [[sales, [boss, admin, zhang, li, wang]]],
    }
    const { a, b } = await twoBots(world)
    for (const x of [a, b]) await x.rt.enqueue(text(zhang, '今天的报价单发群里了', x.clock.now(), sales))
    // (The survivor's clock stands: the message stays within the lease gap it would look back over.)
    await settle([a], () => expect(decided.filter(d => d.endsWith('报价单发群里了'))).toHaveLength(1))
    await a.stop()
    await vi.waitFor(() => expect(b.fleet.holds(sales.id)).toBe(true), { timeout: LEASE_MS, interval: 50 })
    await settle([b], () => expect(decided.filter(d => d.endsWith('报价单发群里了'))).toHaveLength(1))
  })

  it('decides on the messages of the lease gap after a takeover, once: spam is warned, a question the dead holder answered is not answered again', async () => {
    const one = group('r9', '客户一群', 'customer', '客户一群')
    const other = group('r8', '客户二群', 'customer', '客户二群')
    const [first, second] = [member('c3', '优惠多多'), member('c4', '兼职小王')]
    const world = (groups: GroupRef[]): World => ({
      yaml: `
company: 示例科技
roles: { admin: [admin1] }
groups:
  - { name: 客户一群, topic: 客户一群, kind: customer }
  - { name: 客户二群, topic: 客户二群, kind: customer }
plugins:
  content: { dictionaries: [test/plugins/content/fixtures/test-dictionary.yaml], watch: false }
`,
      plugins: [contentPlugin, numberer],
      start: at('08:55'),
      groups: groups.map(g => [g, [first, second]]),
    })
    const { a, b } = await twoBots([world([one]), world([one, other])])
    const say = async (who: typeof first, body: string, to: Awaited<ReturnType<typeof bot>>[], g = one) => {
      // Queued, as a bot's events are (a task beside the queue would not be the cause of its sends).
      for (const x of to) await x.rt.enqueue(text(who, body, x.clock.now(), g))
    }
    const warnings = () => sentBy([a, b], one.id).filter(s => s.t.includes('违反群规'))
    // The survivor numbered a question of its own group before: its numbers differ from the holder's.
    await say(first, '请问发票怎么开', [b], other)
    // Both accounts receive these; the holder answers and warns.
    await say(second, '请问几点发货', [a, b])
    await say(first, '兼 职 刷 单，加 v', [a, b])
    // (The survivor's clock stands: these stay within the lease gap it looks back over.)
    await settle([a], () => expect(warnings().map(w => w.bot)).toEqual([0]))
    expect(a.wechat.textsTo(one.id)).toContain('已登记问题 Q1')

    await a.kill()
    // Sent in the lease gap: only the survivor receives it, and does not hold the group yet.
    await say(second, '兼 职 刷 单，加 v', [b])
    expect(b.fleet.holds(one.id)).toBe(false)
    await vi.waitFor(() => expect(b.fleet.holds(one.id)).toBe(true), { timeout: 3 * LEASE_MS, interval: 100 })
    await settle([b], () => expect(warnings().map(w => w.bot)).toEqual([0, 1]))
    // The new warning is for the spam of the gap; the first spammer is not warned or struck a second time.
    expect(b.wechat.sent.filter(m => m.text?.includes('违反群规')).map(m => m.mentions)).toEqual([['c4']])
    expect(b.rt.ledger.activeStrikes('c3', b.clock.now()).map(s => s.id)).toEqual(['sales1/S1'])
    // The question the dead holder answered gets no second answer (as 「已登记问题 Q2」 from the survivor).
    expect(b.wechat.textsTo(one.id).filter(t => t.startsWith('已登记问题'))).toEqual([])
  })

  it('moves the open work of every group taken over together in one transaction and reads their sends in one query: both gaps’ spam warned', async () => {
    const one = group('r9', '客户一群', 'customer', '客户一群')
    const other = group('r8', '客户二群', 'customer', '客户二群')
    const spammers = [member('c3', '优惠多多'), member('c4', '兼职小王')]
    const world: World = {
      yaml: `
company: 示例科技
roles: { admin: [admin1] }
groups:
  - { name: 客户一群, topic: 客户一群, kind: customer }
  - { name: 客户二群, topic: 客户二群, kind: customer }
plugins:
  content: { dictionaries: [test/plugins/content/fixtures/test-dictionary.yaml], watch: false }
`,
      plugins: [contentPlugin],
      start: at('08:55'),
      groups: [one, other].map(g => [g, spammers]),
    }
    const { a, b } = await twoBots(world)
    expect(a.fleet.heldGroups()).toEqual(['r8', 'r9'])
    const reads = vi.spyOn(b.fleet, 'sentCauses')
    const moves = vi.spyOn(b.fleet, 'adopt')
    await a.kill()
    // Sent in the lease gap, one spammer in each group: only the survivor receives them.
    for (const [i, g] of [one, other].entries())
      await b.rt.enqueue(text(spammers[i], '兼 职 刷 单，加 v', b.clock.now(), g))
    await vi.waitFor(() => expect(b.fleet.heldGroups()).toEqual(['r8', 'r9']), { timeout: 3 * LEASE_MS, interval: 100 })
    // (The survivor's clock stands until both takeovers ran: the messages stay within the lease gap it looks back over.)
    await vi.waitFor(() => expect(reads).toHaveBeenCalled(), { timeout: 2_000, interval: 50 })
    await b.rt.queue.idle()
    const warned = () => [one, other].map(g => b.wechat.textsTo(g.id).filter(t => t.includes('违反群规')).length)
    await settle([b], () => expect(warned()).toEqual([1, 1]))
    expect(reads).toHaveBeenCalledTimes(1)
    expect(moves).toHaveBeenCalledTimes(1)
  })

  it('counts a message of the lease gap once: what the dead holder had counted is not decided on again, what came after it is', async () => {
    const world: World = {
      yaml: act.activityConfig(),
      plugins: [activityPlugin],
      start: at('08:55'),
      groups: [[act.sales, [act.zhang, act.li, act.boss]]],
    }
    const { a, b } = await twoBots(world)
    // Both accounts receive it; the holder counts it and answers nothing. (The survivor's clock stands: it stays
    // within the lease gap the survivor looks back over.)
    for (const x of [a, b]) await x.rt.enqueue(text(act.zhang, '大家早', x.clock.now(), act.sales))
    await a.kill()
    // Sent in the lease gap: only the survivor receives it.
    await b.rt.enqueue(text(act.li, '早上好', b.clock.now(), act.sales))
    await vi.waitFor(() => expect(b.fleet.holds(act.sales.id)).toBe(true), { timeout: 3 * LEASE_MS, interval: 100 })
    await b.rt.queue.idle()
    await new Promise(r => setTimeout(r, 300)) // the takeover task, queued at the renewal
    await b.rt.queue.idle()
    await b.rt.enqueue(text(act.boss, '#活跃度', b.clock.now(), act.sales))
    await settle([b], () => expect(b.wechat.textsTo(act.sales.id).join('\n')).toContain('活跃度'))
    // 张三's message counted by the dead holder (its open day is summed in) is not counted a second time.
    expect(b.wechat.textsTo(act.sales.id)[0]).toContain('1 个群共 2 条消息')
    expect(b.wechat.textsTo(act.sales.id)[0]).toContain('李四 1 条、张三 1 条')
  })

  it('moves a killed account’s complaint tickets with their group: listed and resolved through the survivor by the number people saw, reminded there', async () => {
    const world: World = {
      yaml: svc.config(),
      plugins: [servicePlugin],
      start: svc.at('08:55'),
      groups: [
        [svc.sales, [svc.zhang, svc.li]],
        [svc.customers, [svc.zhang, svc.liu]],
      ],
    }
    const { a, b } = await twoBots(world)
    const say = async (who: typeof svc.liu, body: string, to: Awaited<ReturnType<typeof bot>>[]) => {
      for (const x of to) await x.rt.enqueue(text(who, body, x.clock.now(), svc.customers))
    }
    for (const x of [a, b]) await x.clock.advanceTo(svc.at('09:05'))
    await say(svc.liu, '你们的净水器刚装三天就漏水，质量问题太严重了，我要投诉', [a, b])
    await settle([a], () => expect(a.wechat.textsTo('u1')).toEqual([expect.stringContaining('📣 新投诉 T1：')]))

    await a.kill()
    await vi.waitFor(() => expect(b.fleet.holds(svc.customers.id)).toBe(true), {
      timeout: 3 * LEASE_MS,
      interval: 100,
    })
    await vi.waitFor(() => expect(b.rt.timers.pending('service').map(t => t.key)).toHaveLength(2), {
      timeout: 2_000,
      interval: 50,
    })
    expect(b.rt.timers.pending('service').map(t => t.key)).toEqual(['remind:T1@sales1', 'deadline:T1@sales1'])
    // Its reminder comes from the survivor.
    await b.clock.advanceTo(svc.at('10:36'))
    await settle([b], () =>
      expect(b.wechat.textsTo('u1')).toEqual([expect.stringContaining('⏰ 投诉 T1@sales1 将在 11:05 到期')]),
    )
    await say(svc.zhang, '#投诉 列表', [b])
    await settle([b], () => expect(b.wechat.textsTo('u1').join('\n')).toContain('T1@sales1'))
    await say(svc.zhang, '#投诉 处理 T1 已上门更换滤芯', [b])
    await settle([b], () =>
      expect(b.wechat.textsTo(svc.customers.id).at(-1)).toBe(
        '您好，您反馈的问题已经处理，感谢您的耐心。如还有不满意的地方，请随时告诉我们。',
      ),
    )
    // Resolved: no escalation at the deadline.
    await b.clock.advanceTo(svc.at('11:10'))
    await settle([b], () => expect(b.wechat.textsTo('admin1').filter(t => t.includes('投诉'))).toEqual([]))
  })

  it('moves the customers waiting in a killed account’s group: the survivor reminds, and #日报 through either lists them once', async () => {
    const world = activityWorld()
    const { schema, a, b } = await twoBots(world)
    for (const x of [a, b]) await x.clock.advanceTo(at('09:05'))
    // Both accounts are in the group and receive the one message (one id).
    const asked = text(act.liuzong, '请问这个套餐怎么收费？', a.clock.now(), act.cust)
    for (const x of [a, b]) await x.rt.enqueue({ ...asked })
    await vi.waitFor(() => expect(a.rt.timers.pending('activity').map(t => t.key)).toEqual(['wait:c1']), {
      timeout: 2_000,
      interval: 50,
    })

    // Killed later than the lease gap the survivor keeps messages for: only the move brings the customer over.
    for (const x of [a, b]) await x.clock.advanceTo(at('09:07'))
    await a.kill()
    await vi.waitFor(() => expect(b.fleet.holds(act.cust.id)).toBe(true), { timeout: 3 * LEASE_MS, interval: 100 })
    await vi.waitFor(() => expect(b.rt.timers.pending('activity').map(t => t.key)).toEqual(['wait:c1']), {
      timeout: 2_000,
      interval: 50,
    })
    // The reminder comes from the survivor, once.
    await b.clock.advanceTo(at('09:16'))
    await settle([b], () => expect(b.wechat.textsTo('zhang')).toEqual([expect.stringContaining('刘总 已等待')]))
    const waitingIn = (texts: string[]) =>
      texts
        .filter(t => t.includes('活跃度日报'))
        .at(-1)
        ?.match(/· 示例科技张三交流群：.*/g)
    await b.rt.enqueue(text(act.boss, '#日报', b.clock.now()))
    await settle([b], () =>
      expect(waitingIn(b.wechat.textsTo('boss'))).toEqual([
        expect.stringMatching(/^· 示例科技张三交流群：刘总（09:05 起/),
      ]),
    )

    // Back, the old holder acts in no group: its report lists the customer once (the survivor's list), not as its own too.
    const back = await bot(schema, 'sales1', world)
    await back.clock.advanceTo(b.clock.now())
    expect(back.fleet.holds(act.cust.id)).toBe(false)
    expect(back.rt.timers.pending('activity')).toEqual([])
    await back.rt.enqueue(text(member('admin1', '陈管理'), '#状态', back.clock.now()))
    await settle([back], () => expect(back.wechat.textsTo('admin1').join('\n')).toContain('等待回复的客户消息 0 条'))
    await back.rt.enqueue(text(act.boss, '#日报', back.clock.now()))
    await settle([back], () =>
      expect(waitingIn(back.wechat.textsTo('boss'))).toEqual([
        expect.stringMatching(/^· 示例科技张三交流群：刘总（09:05 起/),
      ]),
    )
    // Answered through the survivor: nobody waits in either report.
    await b.rt.enqueue(text(act.zhang, '您好，这个套餐每月 199 元', b.clock.now(), act.cust))
    await vi.waitFor(() => expect(b.rt.timers.pending('activity')).toEqual([]), { timeout: 2_000, interval: 50 })
    await b.store.flush()
    await back.rt.enqueue(text(act.boss, '#日报', back.clock.now()))
    await settle([back], () =>
      expect(back.wechat.textsTo('boss').filter(t => t.includes('活跃度日报'))).toHaveLength(2),
    )
    expect(waitingIn(back.wechat.textsTo('boss'))).toBeFalsy()
  })

  it('lists a customer the survivor also kept from the lease gap once, though its copy carries another id', async () => {
    const world = activityWorld()
    const { a, b } = await twoBots(world)
    for (const x of [a, b]) await x.clock.advanceTo(at('09:05'))
    // Each account's copy of the one message has its own id, stamped a few milliseconds apart.
    const asked = text(act.liuzong, '请问这个套餐怎么收费？', a.clock.now(), act.cust)
    await a.rt.enqueue({ ...asked, id: 'wx-a-1' })
    await b.rt.enqueue({ ...asked, id: 'wx-b-7', at: asked.at + 4 })
    await vi.waitFor(() => expect(a.rt.timers.pending('activity').map(t => t.key)).toEqual(['wait:c1']), {
      timeout: 2_000,
      interval: 50,
    })

    // Killed within the lease gap: the survivor moves the dead holder's list and decides on its own copy too.
    await a.kill()
    await vi.waitFor(() => expect(b.fleet.holds(act.cust.id)).toBe(true), { timeout: 3 * LEASE_MS, interval: 100 })
    await vi.waitFor(() => expect(b.rt.timers.pending('activity').map(t => t.key)).toEqual(['wait:c1']), {
      timeout: 2_000,
      interval: 50,
    })
    await b.clock.advanceTo(at('09:16'))
    await settle([b], () => expect(b.wechat.textsTo('zhang')).toHaveLength(1))
    const [reminder] = b.wechat.textsTo('zhang')
    expect(reminder).toContain('有 1 位客户还没有人回复')
    expect(reminder.match(/刘总 已等待/g)).toHaveLength(1)
  })

  it('fires a timer two bots both hold once', async () => {
    const { a, b } = await twoBots()
    // The same timer in both (as a takeover leaves it when the old holder still had it): one run key.
    for (const x of [a, b])
      x.rt.timers.put({ plugin: 'pinger', key: 'ping', at: at('09:10'), run: 'timer:sales1:pinger:ping@1' })
    await Promise.all([a.clock.advanceTo(at('09:11')), b.clock.advanceTo(at('09:11'))])
    const pings = () => [a, b].flatMap(x => x.wechat.textsTo('admin1'))
    await settle([a, b], () => expect(pings()).toEqual(['定时提醒']))
    expect(a.rt.audit.query({ plugin: 'pinger' }).length + b.rt.audit.query({ plugin: 'pinger' }).length).toBe(1)
  })

  it('leaves a group timer to the bot acting in the group', async () => {
    const { a, b } = await twoBots()
    for (const x of [a, b]) x.rt.timers.put({ plugin: 'pinger', key: 'ping', at: at('09:10'), group: sales.id })
    await Promise.all([a.clock.advanceTo(at('09:11')), b.clock.advanceTo(at('09:11'))])
    await settle([a, b], () => expect(a.wechat.textsTo('admin1')).toEqual(['定时提醒']))
    expect(b.wechat.textsTo('admin1')).toEqual([])
    expect(b.rt.audit.query({ plugin: 'pinger' })).toEqual([])
  })

  it('continues a campaign in a group taken over: the shares recorded before count, the reminder and report come once', async () => {
    const members = new Map(camp.MEMBERS)
    const world = (groups: GroupRef[]): World => ({
      yaml: camp.config(),
      plugins: [campaignPlugin],
      start: camp.at('2026-11-30T08:00'),
      groups: groups.map(g => [g, members.get(g) ?? []]),
    })
    const { a, b } = await twoBots([world([camp.sales]), world([camp.sales, camp.nanning])])
    expect(a.fleet.holds(camp.sales.id)).toBe(true)
    const both = [a, b]
    const reach = async (iso: string, who = both) => {
      for (const x of who) await x.clock.advanceTo(camp.at(iso))
    }
    await reach('2026-11-30T08:31')
    await settle(both, () =>
      expect(sentBy(both, camp.sales.id).filter(s => s.t.startsWith('【活动】'))).toHaveLength(1),
    )
    expect(sentBy(both, camp.sales.id).find(s => s.t.startsWith('【活动】'))?.bot).toBe(0)
    // 张三 shares in the sales group (held by sales1): phrase, then the screenshot.
    for (const x of both) {
      await x.rt.handle(text(camp.zs, '已分享', x.clock.now(), camp.sales))
      await x.rt.handle(camp.image(camp.zs, x.clock.now(), camp.sales))
    }
    await settle([a], () => expect(a.wechat.textsTo(camp.sales.id).join('\n')).toContain('✅ 已记录'))

    await a.kill()
    await vi.waitFor(() => expect(b.fleet.holds(camp.sales.id)).toBe(true), { timeout: 3 * LEASE_MS, interval: 100 })
    await b.rt.queue.idle()
    await new Promise(r => setTimeout(r, 300)) // the takeover task, queued at the renewal
    await b.rt.queue.idle()
    await reach('2026-11-30T17:01', [b])
    const reminders = () => sentBy(both, camp.sales.id).filter(s => s.t.startsWith('【活动提醒】'))
    await settle([b], () => expect(reminders()).toHaveLength(1))
    expect(reminders()[0].bot).toBe(1)
    const mentioned = b.wechat.sent.find(
      s => s.text?.startsWith('【活动提醒】') && 'room' in s.chat && s.chat.room === camp.sales.id,
    )
    expect(mentioned?.mentions).not.toContain('zs')
    await reach('2026-11-30T18:01', [b])
    await settle([b], () => expect(b.wechat.textsTo('admin').join('\n')).toMatch(/张三/))
  })

  it('sends the backlog of an account that stopped cleanly from the account that took its group, each message once; back, it sends none', async () => {
    const world = replierWorld()
    const { schema, a, b } = await twoBots(world)
    const questions = ['请问发票怎么开', '请问几点发货', '请问合同放哪了', '请问报价单发了吗']
    for (const q of questions) for (const x of [a, b]) await x.rt.enqueue(text(zhang, q, x.clock.now(), sales))
    // The holder's clock stands: its first answer goes, the rest waits behind the 3 s between two sends to a chat.
    await vi.waitFor(() => expect(a.wechat.sent).toHaveLength(1), { timeout: 5_000, interval: 50 })
    expect(a.rt.outbox.depth()).toBe(7)
    await a.stop()
    await vi.waitFor(() => expect(b.fleet.holds(sales.id)).toBe(true), { timeout: LEASE_MS, interval: 50 })
    const lines = (bots: Awaited<ReturnType<typeof bot>>[], to: string) =>
      sentBy(bots, to).flatMap(s => s.t.split(/\n+/).map(t => `${s.bot}:${t}`))
    const answers = questions.map(q => `已登记：${q}`)
    const told = questions.map(q => `你的问题已登记：${q}`)
    await settle([b], () => {
      expect(lines([a, b], sales.id)).toEqual([`0:${answers[0]}`, ...answers.slice(1).map(t => `1:${t}`)])
      expect(lines([a, b], zhang.id)).toEqual(told.map(t => `1:${t}`))
    })
    // Back, the account that stopped finds its outbox without them: nothing is sent again.
    const back = await bot(schema, 'sales1', world)
    expect(back.rt.outbox.depth()).toBe(0)
    await settle([back, b], () => expect(back.wechat.sent).toEqual([]))
    expect(lines([a, b], zhang.id)).toHaveLength(4)
  })

  it('leaves a private message the taker cannot send with the stopped account, which sends it when back', async () => {
    const world = replierWorld()
    const { schema, a, b } = await twoBots(world)
    b.wechat.friends = new Set(['admin1']) // 张三 is no friend of sales2
    for (const x of [a, b]) await x.rt.enqueue(text(zhang, '请问发票怎么开', x.clock.now(), sales))
    await vi.waitFor(() => expect(a.wechat.sent).toHaveLength(1), { timeout: 5_000, interval: 50 })
    await a.stop()
    await vi.waitFor(() => expect(b.fleet.holds(sales.id)).toBe(true), { timeout: LEASE_MS, interval: 50 })
    await settle([b], () => expect(b.wechat.sent).toEqual([]))
    const back = await bot(schema, 'sales1', world)
    expect(back.rt.outbox.depth()).toBe(1)
    await settle([back], () => expect(back.wechat.textsTo(zhang.id)).toEqual(['你的问题已登记：请问发票怎么开']))
  })

  it('sends a warning a killed holder had queued after its last mark once, from the survivor; struck once', async () => {
    const one = group('r9', '客户一群', 'customer', '客户一群')
    const [first, second] = [member('c3', '优惠多多'), member('c4', '兼职小王')]
    const world: World = {
      yaml: `
company: 示例科技
roles: { admin: [admin1] }
groups:
  - { name: 客户一群, topic: 客户一群, kind: customer }
plugins:
  content: { dictionaries: [test/plugins/content/fixtures/test-dictionary.yaml], watch: false }
`,
      plugins: [contentPlugin],
      start: at('08:55'),
      groups: [[one, [first, second]]],
    }
    const { schema, a, b } = await twoBots(world)
    for (const who of [first, second])
      for (const x of [a, b]) await x.rt.enqueue(text(who, '兼 职 刷 单，加 v', x.clock.now(), one))
    const warned = () => sentBy([a, b], one.id).filter(s => s.t.includes('违反群规'))
    // The first warning goes; the second waits in the holder's outbox (3 s to one chat, its clock stands) while
    // its flush marks both messages decided on and writes both strikes.
    await vi.waitFor(() => expect(warned().map(w => w.bot)).toEqual([0]), { timeout: 5_000, interval: 50 })
    await a.rt.deps.store.flush()
    // Queued: the second warning and both reports to the admin (another chat: a switch pause after the warning).
    expect(a.rt.outbox.depth()).toBe(3)
    await a.kill()
    await vi.waitFor(() => expect(b.fleet.holds(one.id)).toBe(true), { timeout: 3 * LEASE_MS, interval: 100 })
    await settle([b], () => expect(warned().map(w => w.bot)).toEqual([0, 1]))
    expect(b.wechat.sent.filter(m => m.text?.includes('违反群规')).map(m => m.mentions)).toEqual([['c4']])
    expect(b.rt.ledger.activeStrikes('c4', b.clock.now()).map(s => s.id)).toEqual(['sales1/S2'])
    // The reports the group's messages caused went with it: each reaches the admin once.
    // (Merged into one message: the admin's queue held both.)
    const reports = () =>
      sentBy([a, b], 'admin1').flatMap(s =>
        s.t.split('\n').flatMap(l => (l.startsWith('成员') ? [`${s.bot}:${l}`] : [])),
      )
    await settle([b], () => expect(reports()).toEqual(['1:成员：优惠多多（c3）', '1:成员：兼职小王（c4）']))
    // Back, the killed account sends neither warning nor report again.
    const back = await bot(schema, 'sales1', world)
    expect(back.rt.outbox.depth()).toBe(0)
    await settle([back, b], () => expect(warned()).toHaveLength(2))
    expect(back.wechat.sent).toEqual([])
    expect(reports()).toHaveLength(2)
  })

  it('leaves the admin group’s reports of a killed holder to the account in that group, not the survivor outside it: each sent once', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const one = group('r9', '客户一群', 'customer', '客户一群')
    const admins = group('r7', '管理群', 'internal', '管理群')
    const [first, second] = [member('c3', '优惠多多'), member('c4', '兼职小王')]
    const world = (groups: [GroupRef, Member[]][]): World => ({
      yaml: `
company: 示例科技
roles: { admin: [admin1] }
adminChannel: { mode: group, group: 管理群 }
groups:
  - { name: 客户一群, topic: 客户一群, kind: customer }
  - { name: 管理群, topic: 管理群, kind: internal }
plugins:
  content: { dictionaries: [test/plugins/content/fixtures/test-dictionary.yaml], watch: false }
`,
      plugins: [contentPlugin],
      start: at('08:55'),
      groups,
    })
    const a = await bot(
      schema,
      'sales1',
      world([
        [one, [first, second]],
        [admins, [admin]],
      ]),
    )
    expect(a.fleet.heldGroups()).toEqual(['r7', 'r9'])
    const b = await bot(schema, 'sales2', world([[one, [first, second]]])) // not in the admin group
    const c = await bot(schema, 'sales3', world([[admins, [admin]]]))
    for (const who of [first, second])
      for (const x of [a, b]) await x.rt.enqueue(text(who, '兼 职 刷 单，加 v', x.clock.now(), one))
    const warned = () => sentBy([a, b], one.id).filter(s => s.t.includes('违反群规'))
    await vi.waitFor(() => expect(warned().map(w => w.bot)).toEqual([0]), { timeout: 5_000, interval: 50 })
    await a.rt.deps.store.flush()
    // Queued: the second warning and both reports into the admin group (another chat: a switch pause after the warning).
    expect(a.rt.outbox.depth()).toBe(3)
    await a.kill()
    await vi.waitFor(() => expect([b.fleet.holds(one.id), c.fleet.holds(admins.id)]).toEqual([true, true]), {
      timeout: 3 * LEASE_MS,
      interval: 100,
    })
    const reports = () =>
      sentBy([a, b, c], admins.id).flatMap(s =>
        s.t.split('\n').flatMap(l => (l.startsWith('成员') ? [`${s.bot}:${l}`] : [])),
      )
    await settle([b, c], () => {
      expect(warned().map(w => w.bot)).toEqual([0, 1])
      expect(reports()).toEqual(['2:成员：优惠多多（c3）', '2:成员：兼职小王（c4）'])
    })
    expect(b.wechat.sent.filter(m => m.text?.includes('成员：'))).toEqual([])
  })

  it('does not answer again a message of the lease gap whose answer the killed holder had queued, its mark not written', async () => {
    const world = replierWorld()
    const { a, b } = await twoBots(world, { a: { lock: false } })
    for (const q of ['请问发票怎么开', '请问几点发货'])
      for (const x of [a, b]) await x.rt.enqueue(text(zhang, q, x.clock.now(), sales))
    await vi.waitFor(() => expect(a.wechat.sent).toHaveLength(1), { timeout: 5_000, interval: 50 })
    // The queued answers' rows are written (at once, as every queued message's); the mark (a volatile document,
    // written by the periodic flush, whose clock stands) is not: the holder dies without it.
    await a.rt.deps.store.journal('outbox', OUTBOX_JOURNAL).commit()
    expect(a.rt.outbox.depth()).toBe(3)
    await a.crash()
    await vi.waitFor(() => expect(b.fleet.holds(sales.id)).toBe(true), { timeout: 3 * LEASE_MS, interval: 100 })
    const lines = (to: string) => sentBy([a, b], to).flatMap(s => s.t.split(/\n+/).map(t => `${s.bot}:${t}`))
    // Both questions were received in the lease gap: the first was answered (sent), the second's answer moved here.
    await settle([b], () => {
      expect(lines(sales.id)).toEqual(['0:已登记：请问发票怎么开', '1:已登记：请问几点发货'])
      expect(lines(zhang.id)).toEqual(['1:你的问题已登记：请问发票怎么开', '1:你的问题已登记：请问几点发货'])
    })
  })

  it('moves a stopped account’s backlog as soon as its process lets its account go, not at the next renewal', async () => {
    const world = replierWorld()
    // Renewals every 15 s: only the notices (leases given back, the account let go) make the survivor act sooner.
    const { a, b } = await twoBots(world, {
      a: { leaseMs: 60_000, listen: true },
      b: { leaseMs: 60_000, listen: true },
    })
    for (const x of [a, b]) await x.rt.enqueue(text(zhang, '请问发票怎么开', x.clock.now(), sales))
    await vi.waitFor(() => expect(a.wechat.sent).toHaveLength(1), { timeout: 5_000, interval: 50 })
    // The bot stops (leases given back); its process still holds the account while Wechaty stops.
    await a.rt.stop()
    await vi.waitFor(() => expect(b.fleet.holds(sales.id)).toBe(true), { timeout: 5_000, interval: 50 })
    await new Promise(r => setTimeout(r, 300)) // the survivor's takeover, refused meanwhile
    expect(b.wechat.sent).toEqual([])
    await a.store.close()
    await settle([b], () => expect(b.wechat.textsTo(zhang.id)).toEqual(['你的问题已登记：请问发票怎么开']))
  })

  it('commits a move of queued messages once: gone from the down account’s outbox, in this one’s, when the takeover ends', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const down = await PgStore.open({ url: url as string, schema, account: 'sales1' })
    const item = {
      chat: { room: sales.id },
      text: '已登记：请问几点发货',
      key: 'k1',
      seq: 1,
      attempts: 0,
      notBefore: 0,
    }
    down.journal('outbox', OUTBOX_JOURNAL).append({ op: 'queue', item })
    await down.close()
    const taker = await PgStore.open({ url: url as string, schema, account: 'sales2' })
    closers.push(() => taker.close())
    const outbox = taker.journal('outbox', OUTBOX_JOURNAL)
    const done = await taker.adopt('sales1', ['outbox'], async theirs => {
      const { moved } = await moveOutbox(theirs, [sales.id], { reaches: () => true })
      for (const q of moved) outbox.append({ op: 'queue', item: { ...q, seq: 7 } })
    })
    expect(done).toBe(true)
    // Read at once, before any later write of the taker: both sides are committed.
    const queues = async () => {
      const rows = await taker.db
        .selectFrom('bot_documents')
        .select(['account', 'data'])
        .where('name', '=', 'outbox')
        .execute()
      const records = await taker.db.selectFrom('bot_journal_records').select(['account', 'record']).execute()
      return Object.fromEntries(
        ['sales1', 'sales2'].map(acc => {
          const snap = rows.find(r => r.account === acc)?.data as { queue: { key: string }[] } | undefined
          const more = records
            .filter(r => r.account === acc)
            .map(r => (r.record as { item?: { key: string } }).item?.key)
          return [acc, [...(snap?.queue ?? []).map(q => q.key), ...more]]
        }),
      )
    }
    expect(await queues()).toEqual({ sales1: [], sales2: ['k1'] })
  })

  it('moves nothing from an account whose process still holds its lock', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const alive = await PgStore.open({ url: url as string, schema, account: 'sales1' })
    const taker = await PgStore.open({ url: url as string, schema, account: 'sales2' })
    closers.push(
      () => alive.close(),
      () => taker.close(),
    )
    let read = false
    const move = () => {
      read = true
    }
    expect(await taker.adopt('sales1', ['timers'], move)).toBe(false)
    expect(read).toBe(false)
    await alive.close()
    expect(await taker.adopt('sales1', ['timers'], move)).toBe(true)
    expect(read).toBe(true)
  })
})

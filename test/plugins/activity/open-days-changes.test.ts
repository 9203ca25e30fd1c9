import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type FleetGate, SOLO } from '../../../bot/fleet/gate.js'
import { FakeClock } from '../../../bot/ports/clock.js'
import { SimulatedWeChat } from '../../../bot/ports/simulated.js'
import { FileStore } from '../../../bot/ports/store/file-store.js'
import { activityPlugin } from '../../../plugins/activity/index.js'
import { CURRENT_DOC, CURRENT_SPEC, DAYS_LOG } from '../../../plugins/activity/state.js'
import { makeRuntime, member, MONDAY_9AM, text } from '../../helpers/harness.js'
import { activityConfig, boss, cust, li, liuzong, MIN, sales, wang, zhang, zhoujie } from './fixtures.js'

const CONFIG = activityConfig()

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'activity-changes-'))
  dirs.push(dir)
  return dir
}
const fileLines = (dir: string) =>
  readFileSync(join(dir, 'state', `${CURRENT_DOC}.jsonl`), 'utf8')
    .split('\n')
    .slice(0, -1)

/** A bot on the file store of `dir`, its own clock and WeChat (a new process). */
async function boot(dir: string, at = MONDAY_9AM, gate?: FleetGate) {
  const clock = new FakeClock(at)
  const wechat = new SimulatedWeChat(clock)
  wechat.addGroup(sales, [zhang, li, boss, member('admin1', '陈管理'), wang])
  wechat.addGroup(cust, [zhang, liuzong, zhoujie])
  const store = new FileStore(dir)
  const h = await makeRuntime(CONFIG, [activityPlugin], { clock, store, wechat, gate })
  return { ...h, store }
}

/** A bot with 刘总 waiting in the customer group, flushed: the waiting list and its reminder's timer on disk. */
async function bootWaiting(dir: string, gate?: FleetGate) {
  const a = await boot(dir, MONDAY_9AM, gate)
  await a.rt.handle(text(liuzong, '在吗？想问下发票', a.clock.now(), cust))
  await a.store.flush()
  return a
}

describe('activity: the open days written as changes', () => {
  it('a flush appends what changed; after a kill the next start has every count and waiting customer of the last flush', async () => {
    const dir = tempDir()
    const a = await boot(dir)
    await a.rt.handle(text(zhang, '大家早', a.clock.now(), sales))
    await a.rt.handle(text(liuzong, '在吗？想问下发票', a.clock.now(), cust))
    await a.store.flush()
    await a.clock.advance(2 * MIN)
    await a.rt.handle(text(li, '收到', a.clock.now(), sales))
    await a.rt.handle(text(zhang, '刘总您好，马上给您开', a.clock.now(), cust)) // answers 刘总 after 2 minutes
    await a.rt.handle(text(zhoujie, '我也想问一下', a.clock.now(), cust))
    await a.store.flush()
    const flushed = structuredClone(a.store.doc(CURRENT_DOC, CURRENT_SPEC).data)
    expect(fileLines(dir).length).toBeGreaterThan(1) // records after the snapshot, not the whole document again
    await a.rt.handle(text(wang, '这条在下一次写盘前丢了', a.clock.now(), sales)) // killed before the next flush

    const b = await boot(dir, a.clock.now())
    expect(b.store.doc(CURRENT_DOC, CURRENT_SPEC).data).toEqual(flushed)
    await b.rt.handle(text(boss, '#活跃度', b.clock.now(), sales))
    await b.clock.advance(MIN)
    expect(b.wechat.textsTo('r1')[0]).toContain('2 个群共 5 条消息')
    await b.clock.advance(10 * MIN)
    expect(b.wechat.textsTo('zhang')).toEqual([expect.stringContaining('周姐 已等待 10分钟')])
  })

  it('reads the open days an older release wrote as one document, then keeps them as changes', async () => {
    const dir = tempDir()
    new FileStore(dir) // creates the folders
    const day = {
      day: '2026-11-30',
      groupId: 'r1',
      topic: '销售部工作群',
      kind: 'internal',
      members: {
        wang: { name: '王五', staff: false, messages: 3, chars: 9, kinds: { text: 3 }, first: 1, last: 2 },
      },
      hours: new Array(24).fill(0).map((_, h) => (h === 8 ? 3 : 0)),
      joined: [],
      left: [],
      responses: [],
      unanswered: 0,
    }
    const old = { $version: 1, days: { '2026-11-30': { r1: day } }, waiting: {} }
    writeFileSync(join(dir, 'state', `${CURRENT_DOC}.json`), JSON.stringify(old))
    const a = await boot(dir)
    await a.rt.handle(text(zhang, '大家早', a.clock.now(), sales))
    await a.store.flush()
    expect(existsSync(join(dir, 'state', `${CURRENT_DOC}.json`))).toBe(false)
    expect(fileLines(dir)).toHaveLength(1)

    const b = await boot(dir, a.clock.now())
    await b.rt.handle(text(boss, '#活跃度', b.clock.now(), sales))
    await b.clock.advance(MIN)
    expect(b.wechat.textsTo('r1')[0]).toContain('1 个群共 4 条消息')
  })

  it('closing a day rewrites the document whole, without that day', async () => {
    const dir = tempDir()
    const a = await boot(dir)
    await a.rt.handle(text(zhang, '大家早', a.clock.now(), sales))
    await a.store.flush()
    await a.rt.handle(text(li, '早', a.clock.now(), sales))
    await a.store.flush()
    expect(fileLines(dir)).toHaveLength(2) // the snapshot, the line of li's counters and the group-day's
    await a.clock.advance(24 * 60 * MIN)
    await a.rt.handle(text(zhang, '第二天', a.clock.now(), sales))
    await a.store.flush()
    const lines = fileLines(dir)
    expect(lines).toHaveLength(1)
    expect(Object.keys(JSON.parse(lines[0]).days)).toEqual(['2026-12-01'])
    const closed = a.store.readLog<{ groupId: string; members: object }>(DAYS_LOG, '2026-11-30', '2026-11-30')
    expect(closed.map(g => [g.groupId, Object.keys(g.members)])).toEqual([
      ['r1', ['zhang', 'li']],
      ['c1', []],
    ])
  })
})

describe('activity: a kill in the middle of the flush after a day closes', () => {
  it('keeps the closed day’s last-seen times: the next start raises them again from the days log', async () => {
    const dir = tempDir()
    const a = await boot(dir)
    await a.rt.handle(text(zhang, '早上好', a.clock.now(), sales)) // Monday 09:00: his first message, in the shard
    await a.store.flush()
    await a.clock.advance(6 * 60 * MIN)
    await a.rt.handle(text(zhang, '下午好', a.clock.now(), sales)) // 15:00: in the open day only, until it closes
    await a.store.flush()
    const shards = readdirSync(join(dir, 'state')).filter(f => f.startsWith('activity-members-@'))
    const before = shards.map(f => [f, readFileSync(join(dir, 'state', f))] as const)
    await a.clock.advance(9 * 60 * MIN + 20 * MIN) // Tuesday 00:20: Monday closed
    await a.store.flush()
    for (const [f, bytes] of before) writeFileSync(join(dir, 'state', f), bytes) // killed before the shards were written

    const b = await boot(dir, a.clock.now() + 11 * 60 * MIN + 40 * MIN) // Tuesday 12:00, 21 hours after 15:00
    await b.rt.handle(text(boss, '#沉默成员 1', b.clock.now(), sales))
    await b.clock.advance(MIN)
    const answer = b.wechat.textsTo('r1')[0]
    expect(answer).toContain('王五')
    expect(answer).not.toContain('张三')
  })

  it('after a downtime the start closes several days at once; a kill then loses none of their last-seen times', async () => {
    const dir = tempDir()
    const a = await boot(dir)
    await a.rt.handle(text(zhang, '早上好', a.clock.now(), sales)) // Monday 09:00, in the shard
    await a.store.flush()
    const shards = readdirSync(join(dir, 'state')).filter(f => f.startsWith('activity-members-@'))
    const before = shards.map(f => [f, readFileSync(join(dir, 'state', f))] as const)
    await a.clock.advance(6 * 60 * MIN)
    await a.rt.handle(text(zhang, '下午好', a.clock.now(), sales)) // Monday 15:00, in the open day only
    await a.clock.advance(9 * 60 * MIN + 5 * MIN)
    await a.rt.handle(text(wang, '还在加班', a.clock.now(), cust)) // Tuesday 00:05: Monday still open (grace)
    await a.store.flush() // then stopped, Monday and Tuesday both open

    const thursday = a.clock.now() + (2 * 24 * 60 - 5 + 12 * 60) * MIN // started again Thursday 12:00
    const b = await boot(dir, thursday) // closes Monday and Tuesday at once
    await b.store.flush()
    for (const [f, bytes] of before) writeFileSync(join(dir, 'state', f), bytes) // killed before the shards were written

    const c = await boot(dir, thursday + MIN)
    await c.rt.handle(text(boss, '#沉默成员 3', c.clock.now(), sales)) // 69 hours after 15:00, 75 after 09:00
    await c.clock.advance(MIN)
    const answer = c.wechat.textsTo('r1')[0]
    expect(answer).toContain('王五')
    expect(answer).not.toContain('张三')
  })
})

describe('activity: a kill after a send, the waiting customers and their reminder', () => {
  it('the reminder is kept with the waiting list (both at the periodic flush): a customer asking after the restart is still reminded about', async () => {
    const dir = tempDir()
    const a = await boot(dir)
    await a.rt.handle(text(liuzong, '在吗？想问下发票', a.clock.now(), cust)) // the group's reminder is set
    await a.store.flush()
    await a.rt.handle(text(zhang, '刘总您好，马上给您开', a.clock.now(), cust)) // answered: the reminder is cancelled
    await a.rt.handle(text(boss, '#活跃度', a.clock.now(), sales))
    await a.clock.advance(MIN) // the answer is sent, after the flush of what must be durable before it
    expect(a.wechat.textsTo('r1')[0]).toContain('1 个群共 2 条消息')
    // Killed before the next periodic flush: the start has the waiting list of the last one (刘总 waiting).

    const b = await boot(dir, a.clock.now())
    await b.rt.handle(text(zhoujie, '我也想问一下', b.clock.now(), cust))
    await b.clock.advance(11 * MIN)
    // Before, the cancelled reminder was written before the send and the list was not: 刘总 stayed listed with a
    // reminder that no longer existed, and no later customer of the group was ever reminded about.
    expect(b.wechat.textsTo('zhang').join('\n')).toContain('周姐 已等待')
  })

  it('a reminder sent and then a kill: the restart does not send it again', async () => {
    const dir = tempDir()
    const a = await bootWaiting(dir)
    await a.clock.advance(11 * MIN) // the reminder fires and is sent
    expect(a.wechat.textsTo('zhang')).toEqual([expect.stringContaining('刘总 已等待 10分钟')])
    // Killed before the next periodic flush.

    const b = await boot(dir, a.clock.now())
    await b.clock.advance(MIN)
    expect(b.wechat.textsTo('zhang')).toEqual([])
  })

  it('a send between the reminder firing and its handler does not leave the reminder without its state on disk', async () => {
    const dir = tempDir()
    const a = await bootWaiting(dir)
    let release = () => {}
    void a.rt.queue.push(() => new Promise<void>(r => (release = r))) // the queue is busy when the timer fires
    await a.clock.advance(11 * MIN)
    a.rt.outbox.enqueue({ chat: { room: 'r1' }, text: '另一条消息' }) // sent meanwhile, after its own flush
    await a.clock.advance(1000)
    release()
    await a.clock.advance(MIN)
    expect(a.wechat.textsTo('zhang')).toEqual([expect.stringContaining('刘总 已等待')])
    // Killed before the next periodic flush.

    const b = await boot(dir, a.clock.now())
    await b.rt.handle(text(zhoujie, '我也想问一下', b.clock.now(), cust))
    await b.clock.advance(11 * MIN)
    expect(b.wechat.textsTo('zhang')).toEqual([expect.stringContaining('周姐 已等待')])
  })

  it('in a fleet, a reminder whose run was claimed before a kill: the next customer is still reminded about', async () => {
    const claimed = new Set<string>() // fleet-wide, as in PostgreSQL
    const gate: FleetGate = { ...SOLO, account: 'a1', claimRun: async run => !claimed.has(run) && !!claimed.add(run) }
    const dir = tempDir()
    const a = await bootWaiting(dir, gate)
    const killed = tempDir()
    cpSync(dir, killed, { recursive: true }) // the disk when the process is killed right after claiming the run
    await a.clock.advance(11 * MIN)

    const b = await boot(killed, a.clock.now(), gate)
    await b.rt.handle(text(zhoujie, '我也想问一下', b.clock.now(), cust))
    await b.clock.advance(30 * MIN)
    expect(b.wechat.textsTo('zhang').join('\n')).toContain('周姐 已等待')
  })

  it('a waiting list whose timer was lost (kill between the two writes, an older release) gets a timer again', async () => {
    const dir = tempDir()
    const a = await bootWaiting(dir)
    rmSync(join(dir, 'state', 'timers-volatile.json')) // the list says a reminder is set; no timer is stored

    const b = await boot(dir, a.clock.now() + 20 * MIN)
    await b.clock.advance(MIN)
    expect(b.wechat.textsTo('zhang')).toEqual([])
    await b.rt.handle(text(zhoujie, '我也想问一下', b.clock.now(), cust))
    await b.clock.advance(MIN)
    expect(b.wechat.textsTo('zhang').join('\n')).toContain('刘总 已等待')
  })
})

describe('activity: the silent members report and the last-seen times it raises', () => {
  it('a report before a close, then a second close and a restart: the member still shows the day he spoke', async () => {
    const dir = tempDir()
    const a = await boot(dir)
    await a.rt.handle(text(zhang, '大家早', a.clock.now(), sales)) // the group's last-seen entry, with its members
    await a.store.flush()
    await a.rt.handle(text(wang, '收到', a.clock.now(), sales)) // a known member: only the open day changes
    await a.rt.handle(text(boss, '#沉默成员 3', a.clock.now(), sales)) // reads the open day: 王五 spoke today
    await a.clock.advanceTo(Date.parse('2026-12-01T09:00:00+08:00')) // Monday closes
    await a.store.flush()
    await a.clock.advanceTo(Date.parse('2026-12-02T09:00:00+08:00')) // Tuesday closes, nothing in the group
    await a.store.flush()

    const b = await boot(dir, Date.parse('2026-12-04T09:00:00+08:00'))
    await b.rt.handle(text(zhang, '本周总结已提交', b.clock.now(), sales))
    await b.rt.handle(text(boss, '#沉默成员 3', b.clock.now(), sales))
    await b.clock.advance(MIN)
    expect(b.wechat.textsTo('r1').at(-1)).toContain('王五（最后发言 11-30）')
  })
})

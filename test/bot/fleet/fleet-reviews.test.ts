import { describe, expect, it } from 'vitest'
import { contentPlugin } from '../../../plugins/content/index.js'
import { member } from '../../helpers/harness.js'
import { CONTENT_CONFIG as CONFIG, one, spammer, two } from './content-customers.js'
import { eventually, fleetBot, fleetOfTwo, url } from './two-accounts.js'

const admin = member('admin1', '陈管理')
/** A customer's insult in pinyin: a fuzzy hit, asked about (review-only by default). */
const FUZZY = '你是不是shabi啊'
const MIN = 60_000

/** The spammer asked about by both accounts: R1 of sales1 (group 1), then R1 of sales2 (group 2) 20 minutes later. */
async function askedByBoth(second = FUZZY) {
  const [a, b] = await fleetOfTwo(CONFIG, [contentPlugin])
  a.wechat.addGroup(one, [spammer])
  b.wechat.addGroup(two, [spammer])
  await a.say(spammer, FUZZY, one)
  await b.clock.advance(20 * MIN)
  await b.say(spammer, second, two)
  for (const h of [a, b])
    await eventually(h, () => expect(h.wechat.textsTo('admin1').join('\n')).toContain('🔎 待确认 R1'))
  // The admins answer after both were asked (each account has its own clock here).
  await a.clock.advance(21 * MIN)
  return { a, b }
}

describe.skipIf(!url)('an answer through one account decides the same question asked by another (one store)', () => {
  it('#确认 through sales1 decides sales2’s open question: warned in its group, the admins told in one line', async () => {
    const { a, b } = await askedByBoth('又来 SHA-bi')
    await a.say(admin, '#确认 R1')
    await eventually(a, () => expect(a.wechat.textsTo('r1').join('\n')).toMatch(/违反群规/))
    await a.store.flush()
    await eventually(b, () => expect(b.wechat.textsTo('r2').join('\n')).toMatch(/违反群规/))
    await eventually(b, () =>
      expect(b.wechat.textsTo('admin1').join('\n')).toContain(
        'R1 与 R1@sales1 是同一人的同一变体（拼音 shabi → 傻逼），已由 陈管理 一并确认，按违规处理，不必再答复。',
      ),
    )
    await b.say(admin, '#确认 R1')
    await eventually(b, () =>
      expect(b.wechat.textsTo('admin1').join('\n')).toContain('R1 已随 R1@sales1 一并确认过，不再处理。'),
    )
    expect(b.wechat.textsTo('r2').filter(t => t.includes('违反群规'))).toHaveLength(1)
  })

  it('#忽略 through sales1 closes sales2’s question of the same message: nothing to the member', async () => {
    const { a, b } = await askedByBoth()
    await a.say(admin, '#忽略 R1')
    await a.store.flush()
    await eventually(b, () =>
      expect(b.wechat.textsTo('admin1').join('\n')).toContain(
        'R1 与 R1@sales1 是同一人的同一条消息，已由 陈管理 一并忽略，不必再答复。',
      ),
    )
    expect(b.wechat.textsTo('r2')).toEqual([])
  })

  it('after #确认 through sales1, the same evasion in sales2’s group is acted on at once, not asked', async () => {
    const [a, b] = await fleetOfTwo(CONFIG, [contentPlugin])
    a.wechat.addGroup(one, [spammer])
    b.wechat.addGroup(two, [spammer])
    await a.say(spammer, FUZZY, one)
    await a.clock.advance(30 * MIN)
    await a.say(admin, '#确认 R1')
    await eventually(a, () => expect(a.wechat.textsTo('r1').join('\n')).toMatch(/违反群规/))
    await a.store.flush()
    await b.clock.advance(31 * MIN)
    await b.say(spammer, '又来 SHA-bi', two)
    await eventually(b, () => expect(b.wechat.textsTo('r2').join('\n')).toMatch(/违反群规/))
    await eventually(b, () =>
      expect(b.wechat.textsTo('admin1').join('\n')).toContain(
        'R1@sales1 已确认过同一变体（拼音 shabi → 傻逼），这次直接处理，未再询问',
      ),
    )
    expect(b.wechat.textsTo('admin1').join('\n')).not.toContain('🔎 待确认')
  })

  it('a group moved to sales2 after sales1 asked: sales1’s #确认 is carried out by sales2 in that group, once', async () => {
    const [a, b] = await fleetOfTwo(CONFIG, [contentPlugin])
    a.wechat.addGroup(one, [spammer])
    b.wechat.addGroup(one, [spammer])
    await a.say(spammer, '客服都是shabi吗', one)
    await eventually(a, () => expect(a.wechat.textsTo('admin1').join('\n')).toContain('🔎 待确认 R1'))
    // The group's lease moves to sales2 (the lease itself is tested in pg-fleet and takeover tests).
    const [aHolds, bHolds] = [a.fleet.holds.bind(a.fleet), b.fleet.holds.bind(b.fleet)]
    a.fleet.holds = g => g !== 'r1' && aHolds(g)
    b.fleet.holds = g => g === 'r1' || bHolds(g)
    await a.say(admin, '#确认 R1')
    await eventually(a, () =>
      expect(a.wechat.textsTo('admin1').join('\n')).toContain('群「销售一群」现由其他机器人账号服务：R1 在该群的处理'),
    )
    expect(a.wechat.textsTo('r1')).toEqual([])
    await a.store.flush()
    await eventually(b, () => expect(b.wechat.textsTo('r1').join('\n')).toMatch(/违反群规/))
    await eventually(b, () =>
      expect(b.wechat.textsTo('admin1').join('\n')).toContain(
        'R1@sales1 已确认：群「销售一群」现由本机器人账号服务，对 优惠多多 的处理由本账号执行。',
      ),
    )
    expect(b.rt.ledger.activeStrikes('c3', b.clock.now()).filter(s => !s.id.includes('/'))).toHaveLength(1)
    await b.store.flush()
    // sales1's check after 5 minutes reads that sales2 carried it out: nobody is asked to act by hand.
    await a.clock.advance(6 * MIN)
    await b.clock.advance(6 * MIN)
    expect(a.wechat.textsTo('admin1').join('\n')).not.toContain('没有机器人账号服务')
    expect(b.wechat.textsTo('r1').filter(t => t.includes('违反群规'))).toHaveLength(1)
  })

  it('sales1 down after its #确认 left a message to a group nobody serves: sales2 tells the admins to act by hand, once', async () => {
    const [a, b] = await fleetOfTwo(CONFIG, [contentPlugin])
    a.wechat.addGroup(one, [spammer])
    await a.say(spammer, '客服都是shabi吗', one)
    await eventually(a, () => expect(a.wechat.textsTo('admin1').join('\n')).toContain('🔎 待确认 R1'))
    // The group's lease leaves sales1 and nobody takes it (the lease itself is tested in pg-fleet and takeover tests).
    const aHolds = a.fleet.holds.bind(a.fleet)
    a.fleet.holds = g => g !== 'r1' && aHolds(g)
    await a.say(admin, '#确认 R1')
    await eventually(a, () =>
      expect(a.wechat.textsTo('admin1').join('\n')).toContain('群「销售一群」现由其他机器人账号服务'),
    )
    await a.store.flush()
    await a.kill() // before its own check, 5 minutes after the answer
    const unserved = () => b.wechat.textsTo('admin1').filter(t => t.includes('没有机器人账号服务'))
    // Not before sales1's own check would have been written (5 minutes, and 2 more).
    await b.clock.advance(6 * MIN)
    expect(unserved()).toEqual([])
    for (let i = 0; i < 6; i++) await b.clock.advance(MIN)
    await eventually(b, () =>
      expect(unserved()).toEqual([
        '⚠️ R1@sales1 已确认，但群「销售一群」现在没有机器人账号服务，对 优惠多多 的处理（警告、记违规等）没有执行，已记入审计；请在群里手动处理。' +
          '（确认它的机器人账号 「小助手sales1」(sales1) 没有按时核对，可能已离线，由本账号提醒）',
      ]),
    )
    await b.store.flush()
    await b.clock.advance(10 * MIN)
    expect(unserved()).toHaveLength(1)
    // sales1 back: its own check, long overdue, reads that sales2 told the admins: nobody is told twice.
    const back = await fleetBot(a.schema, 'sales1', ['r2'], CONFIG, [contentPlugin])
    await back.clock.advance(20 * MIN)
    expect(back.wechat.textsTo('admin1').join('\n')).not.toContain('没有机器人账号服务')
  })

  it('three accounts, sales2 with no review log: sales2 and sales3 check in turn, the admins told once', async () => {
    // sales2 serves no group and has asked nothing; sales3 asked about sales2's group (its review log is written).
    const [a, b] = await fleetOfTwo(CONFIG, [contentPlugin], [['r1'], []])
    const c = await fleetBot(a.schema, 'sales3', ['r2'], CONFIG, [contentPlugin])
    c.wechat.addGroup(two, [spammer])
    await c.say(spammer, FUZZY, two)
    await eventually(c, () => expect(c.wechat.textsTo('admin1').join('\n')).toContain('🔎 待确认 R1'))
    await c.store.flush()
    a.wechat.addGroup(one, [spammer])
    await a.say(spammer, '客服都是shabi吗', one)
    await eventually(a, () => expect(a.wechat.textsTo('admin1').join('\n')).toContain('🔎 待确认 R1'))
    const aHolds = a.fleet.holds.bind(a.fleet)
    a.fleet.holds = g => g !== 'r1' && aHolds(g)
    const answered = a.clock.now()
    await a.say(admin, '#确认 R1')
    await eventually(a, () => expect(a.wechat.textsTo('admin1').join('\n')).toContain('现由其他机器人账号服务'))
    await a.store.flush()
    await a.kill()
    for (const h of [b, c]) await h.fleet.renew() // each reads the roster of three
    /** The notices to act by hand that sales2 and sales3 sent. */
    const told = () => [b, c].map(h => h.wechat.textsTo('admin1').filter(t => t.includes('没有机器人账号服务')).length)
    /** Let what an account sends go out (a send waits for its store's flush, real I/O). */
    const settle = async (h: typeof c) => {
      for (let i = 0; i < 5; i++) {
        await h.store.flush()
        await h.clock.advance(1_000)
      }
    }
    /** Move an account's clock on, a minute at a time, to `ms` after the answer. */
    const until = async (h: typeof c, ms: number) => {
      while (h.clock.now() < answered + ms) await h.clock.advance(Math.min(MIN, answered + ms - h.clock.now()))
    }
    // sales3 comes after sales2 (9 minutes): reading no review log of sales2 does not make it first.
    await until(c, 8 * MIN)
    await settle(c)
    expect(told()).toEqual([0, 0])
    await until(b, 8 * MIN)
    await eventually(b, () => expect(told()).toEqual([1, 0]))
    await b.store.flush()
    // sales3's turn reads that sales2 told the admins: once.
    await until(c, 12 * MIN)
    await settle(c)
    expect(told()).toEqual([1, 0])
  })
})

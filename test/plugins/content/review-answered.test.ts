import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileStore } from '../../../bot/ports/store/file-store.js'
import { FakeClock } from '../../../bot/ports/clock.js'
import { createContentPlugin } from '../../../plugins/content/index.js'
import { makeRuntime, MONDAY_9AM, text } from '../../helpers/harness.js'
import { admin, config, cust, cust2, MIN, spammer, start } from './setup.js'

/** A customer writes an insult in pinyin: a fuzzy hit, review-only by default. */
const FUZZY = '你是不是shabi啊'
const HOUR = 60 * MIN

/** The admins' questions (`🔎 待确认 R…`) so far. */
const questions = (h: Awaited<ReturnType<typeof start>>) =>
  h.wechat.textsTo(admin.id).filter(t => t.startsWith('🔎 待确认'))

describe('the same evasion again after #确认: acted on, not asked again', () => {
  /** R1 asked at 09:00:10 and confirmed an hour later, when its incident's window is long over. */
  async function confirmedLate() {
    const h = await start()
    await h.post(spammer, cust, FUZZY)
    await h.post(admin, undefined, '#确认 R1', {}, HOUR)
    await h.drain()
    return h
  }

  it('warns and strikes the member at once, and the report tells the admins it was confirmed before', async () => {
    const h = await confirmedLate()
    await h.post(spammer, cust2, '又来 SHA-bi', {}, 5 * MIN)
    await h.drain()
    expect(questions(h)).toHaveLength(1)
    expect(h.wechat.textsTo(cust2.id)).toHaveLength(1)
    expect(h.wechat.textsTo(cust2.id)[0]).not.toContain('管理员已确认')
    expect(h.rt.ledger.activeStrikes(spammer.id, h.clock.now())).toHaveLength(2)
    const report = h.wechat.textsTo(admin.id).at(-1)!
    expect(report).toContain('🚨 违规内容 V2')
    expect(report).toContain('R1 已确认过同一变体（拼音 shabi → 傻逼），这次直接处理，未再询问')
  })

  it('tells the admins in one line when the matrix sends them no report', async () => {
    const h = await start('actions: { high: { customer: [warn, strike] } }')
    await h.post(spammer, cust, FUZZY)
    await h.post(admin, undefined, '#确认 R1', {}, HOUR)
    await h.post(spammer, cust, FUZZY, {}, MIN)
    await h.drain()
    expect(h.wechat.textsTo(cust.id)).toHaveLength(2)
    expect(h.wechat.textsTo(admin.id).join('\n')).toContain(
      '🔁 优惠多多 在「示例科技张三交流群」又发了 R1 已确认过的同一变体（拼音 shabi → 傻逼），已直接处理：群内警告、记违规',
    )
  })

  it('keeps acting while the member keeps at it, each repeat within the window of the last', async () => {
    const h = await confirmedLate()
    await h.post(spammer, cust, 'shabi', {}, 8 * MIN)
    await h.post(spammer, cust, 'shabi!', {}, 8 * MIN)
    await h.drain()
    expect(questions(h)).toHaveLength(1)
    expect(h.audit().filter(a => a.rule === 'content.review.confirmed-repeat')).toHaveLength(2)
  })

  it('asks again once the window after the answer (or the last repeat) is over', async () => {
    const h = await confirmedLate()
    await h.post(spammer, cust, FUZZY, {}, 11 * MIN)
    await h.drain()
    expect(questions(h).map(q => q.split('：')[0])).toEqual(['🔎 待确认 R1', '🔎 待确认 R2'])
  })

  it('asks about another term or another way of writing it', async () => {
    const h = await confirmedLate()
    await h.post(spammer, cust, '你就是个feiwu', {}, MIN)
    await h.drain()
    expect(questions(h)).toHaveLength(2)
    expect(h.rt.ledger.activeStrikes(spammer.id, h.clock.now())).toHaveLength(1)
  })

  it('is about this member only', async () => {
    const h = await confirmedLate()
    const other = { ...spammer, id: 'wxid_c9', name: '路人' }
    await h.post(other, cust, FUZZY, {}, MIN)
    await h.drain()
    expect(questions(h)).toHaveLength(2)
  })
})

describe('the same message again after #忽略: not asked again that day', () => {
  async function ignored(extra = '') {
    const h = await start(extra)
    await h.post(spammer, cust, FUZZY)
    await h.post(admin, undefined, '#忽略 R1')
    await h.drain()
    return h
  }

  it('reposted in another group: nothing to the member, no question, an audit record', async () => {
    const h = await ignored()
    await h.post(spammer, cust2, ` ${FUZZY}`, {}, 3 * HOUR)
    await h.drain()
    expect(questions(h)).toHaveLength(1)
    expect(h.wechat.textsTo(cust2.id)).toEqual([])
    expect(h.rt.ledger.activeStrikes(spammer.id, h.clock.now())).toEqual([])
    const [quiet] = h.audit().filter(a => a.rule === 'content.review.ignored-repeat')
    expect(quiet.text).toBe('同样的消息 R1 已忽略（拼音 shabi → 傻逼），24 小时内不再询问')
  })

  it('asks about other words with the same hit: they may be the violation', async () => {
    const h = await ignored()
    await h.post(spammer, cust, '你才是shabi', {}, HOUR)
    await h.drain()
    expect(questions(h)).toHaveLength(2)
  })

  it('asks again a day after the answer', async () => {
    const h = await ignored()
    await h.post(spammer, cust, FUZZY, {}, 25 * HOUR)
    await h.drain()
    expect(questions(h)).toHaveLength(2)
  })

  it('keeps quiet for as long as ignoredQuiet says, and the audit record says how long', async () => {
    const h = await ignored('ignoredQuiet: 90m')
    await h.post(spammer, cust2, FUZZY, {}, HOUR)
    await h.drain()
    expect(questions(h)).toHaveLength(1)
    const [quiet] = h.audit().filter(a => a.rule === 'content.review.ignored-repeat')
    expect(quiet.text).toBe('同样的消息 R1 已忽略（拼音 shabi → 傻逼），1小时30分钟内不再询问')
    await h.post(spammer, cust2, FUZZY, {}, HOUR)
    await h.drain()
    expect(questions(h)).toHaveLength(2)
  })
})

describe('#确认 of a question posted in several groups', () => {
  const SPAM = 'baijiale 真人在线 充值送'

  async function confirmed() {
    const h = await start('', ['data/dictionaries/default.yaml'])
    for (const g of [cust, cust2]) await h.post(spammer, g, SPAM, {}, MIN)
    await h.post(admin, undefined, '#确认 R1')
    await h.drain()
    return h
  }

  it('sends the admins one report naming every group; each group still gets its own warning', async () => {
    const h = await confirmed()
    // The outbox joins what goes to one chat at once: the reports are counted in the text the admin reads.
    const reports = h.wechat.textsTo(admin.id).join('\n\n').split('🚨 违规内容').slice(1)
    expect(reports).toHaveLength(1)
    expect(reports[0]).toContain('群：示例科技张三交流群（客户群）、示例科技李四交流群（客户群）')
    expect(reports[0]).toContain('管理员已确认 R1（共 2 条）')
    expect(reports[0]).toContain('记违规（30天内第 1/3 次）')
    expect(reports[0]).toMatch(
      /· 「示例科技李四交流群」11-30 09:02 消息 m\d+：群内警告、报告管理员（同一事件，违规只记一次；30天内第 1\/3 次）/,
    )
    for (const g of [cust, cust2]) expect(h.wechat.textsTo(g.id)).toHaveLength(1)
  })

  it("each group's warning counts the strike the confirmation just made, as a repeat in another group does", async () => {
    const h = await confirmed()
    expect(h.wechat.textsTo(cust2.id)[0]).toContain('这是您30天内第 1 次违规')
  })

  it('at the strike limit the member is removed from every group, as a repeat in another group would be', async () => {
    const h = await start('escalation: { strikes: 1 }', ['data/dictionaries/default.yaml'])
    for (const g of [cust, cust2]) await h.post(spammer, g, SPAM, {}, MIN)
    await h.post(admin, undefined, '#确认 R1')
    await h.drain()
    expect(
      h
        .audit()
        .filter(a => a.type === 'remove')
        .map(a => a.groupId),
    ).toEqual([cust.id, cust2.id])
    // One report for both removals.
    const reports = h.audit().filter(a => a.rule === 'content.escalate')
    expect(reports).toHaveLength(1)
    expect(reports[0].text?.match(/⚠️ 已达违规上限：已尝试将其移出本群/g)).toHaveLength(2)
  })

  it('audits the one report once, each warning once and the strike once', async () => {
    const h = await confirmed()
    const after = h.audit().filter(a => a.type !== 'record' && a.type !== 'emit')
    expect(after.filter(a => a.type === 'notifyAdmins' && a.rule === 'content.report')).toHaveLength(1)
    expect(after.filter(a => a.type === 'warn')).toHaveLength(2)
    expect(after.filter(a => a.type === 'strike')).toHaveLength(1)
  })
})

describe('an answer kept across a restart', () => {
  it('a repeat after #确认 is acted on by the restarted bot too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'review-answered-'))
    const clock = new FakeClock(MONDAY_9AM)
    const run = () =>
      makeRuntime(config(), [createContentPlugin()], { store: new FileStore(dir), clock, groups: [[cust, [spammer]]] })
    const before = await run()
    await clock.advance(MIN)
    await before.rt.handle(text(spammer, FUZZY, clock.now(), cust))
    await clock.advance(HOUR)
    await before.rt.handle(text(admin, '#确认 R1', clock.now(), undefined))
    await clock.advance(MIN)
    await before.rt.stop()
    const after = await run()
    await clock.advance(MIN)
    await after.rt.handle(text(spammer, FUZZY, clock.now(), cust))
    await clock.advance(MIN)
    expect(after.wechat.textsTo(admin.id).join('\n')).not.toContain('🔎 待确认')
    expect(after.wechat.textsTo(cust.id)).toHaveLength(1)
  })
})

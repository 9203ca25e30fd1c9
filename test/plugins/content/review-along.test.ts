import { describe, expect, it } from 'vitest'
import { activityPlugin } from '../../../plugins/activity/index.js'
import { contentPlugin } from '../../../plugins/content/index.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'
import { admin, CUSTOMERS_CONTACT, cust, cust2, MIN, spammer, start } from './setup.js'

/** A customer's insult in pinyin: a fuzzy hit, review-only by default. */
const FUZZY = '你是不是shabi啊'
/** 家薇 is a homophone of the contact term 加薇 (review only); here it is a flower wholesaler's name. */
const SHOP = '家薇花卉的尾款今天到账了'

/** The admins' questions (`🔎 待确认 R…`) so far, by id. */
const questions = (h: Awaited<ReturnType<typeof start>>) =>
  h.wechat
    .textsTo(admin.id)
    .filter(t => t.startsWith('🔎 待确认'))
    .map(t => t.split('：')[0].replace('🔎 待确认 ', ''))

/** R1 in one group, then R2 about the same evasion in another, past the incident window: two open questions. */
async function twoOpen(second = '又来 SHA-bi') {
  const h = await start()
  await h.post(spammer, cust, FUZZY)
  await h.post(spammer, cust2, second, {}, 20 * MIN)
  await h.drain()
  expect(questions(h)).toEqual(['R1', 'R2'])
  return h
}

describe('#确认 R1 also answers an open R2 about the same evasion', () => {
  it('handles R2 as confirmed: its group warned, one report naming both, one reply line naming both', async () => {
    const h = await twoOpen()
    await h.post(admin, undefined, '#确认 R1')
    await h.drain()
    for (const g of [cust, cust2]) expect(h.wechat.textsTo(g.id)).toHaveLength(1)
    const said = h.wechat.textsTo(admin.id).join('\n')
    expect(said).toContain('R2 与 R1 是同一人的同一变体（拼音 shabi → 傻逼），一并确认，按违规处理，不必再答复。')
    expect(said.split('🚨 违规内容').slice(1)).toHaveLength(1)
    expect(said).toContain('管理员已确认 R1、R2（共 2 条）')
    expect(h.audit().find(a => a.rule === 'content.review.along')?.text).toBe('R2 随 R1 一并确认')
  })

  it('strikes once per incident: 20 minutes apart they are two, as two direct hits would be', async () => {
    const h = await twoOpen()
    await h.post(admin, undefined, '#确认 R1')
    await h.drain()
    expect(h.rt.ledger.activeStrikes(spammer.id, h.clock.now())).toHaveLength(2)
    expect(h.wechat.textsTo(cust2.id)[0]).toContain('这是您30天内第 2 次违规')
  })

  it('a later #确认 R2 is told it was answered with R1; nothing is done twice', async () => {
    const h = await twoOpen()
    await h.post(admin, undefined, '#确认 R1')
    await h.post(admin, undefined, '#确认 R2')
    await h.drain()
    expect(h.wechat.textsTo(admin.id).join('\n')).toContain('R2 已随 R1 一并确认过，不再处理。')
    expect(h.wechat.textsTo(cust2.id)).toHaveLength(1)
  })

  it('leaves another term or another way of writing it open', async () => {
    const h = await twoOpen('你就是个feiwu')
    await h.post(admin, undefined, '#确认 R1')
    await h.drain()
    expect(h.wechat.textsTo(cust2.id)).toEqual([])
    expect(h.wechat.textsTo(admin.id).join('\n')).not.toContain('一并确认')
    await h.post(admin, undefined, '#确认 R2')
    await h.drain()
    expect(h.wechat.textsTo(cust2.id)).toHaveLength(1)
  })

  it("leaves another member's question open", async () => {
    const h = await start()
    await h.post(spammer, cust, FUZZY)
    await h.post(member('wxid_c9', '路人'), cust2, FUZZY, {}, MIN)
    await h.post(admin, undefined, '#确认 R1')
    await h.drain()
    expect(h.wechat.textsTo(cust2.id)).toEqual([])
  })
})

describe('#忽略 R1 also closes an open R2 of the same message', () => {
  it('closes R2: nothing to the member, its message released, one reply line naming both', async () => {
    const h = await twoOpen(FUZZY)
    await h.post(admin, undefined, '#忽略 R1')
    await h.drain()
    expect(h.wechat.textsTo(cust2.id)).toEqual([])
    expect(h.wechat.textsTo(admin.id).join('\n')).toContain('R2 与 R1 是同一人的同一条消息，一并忽略，不必再答复。')
    expect(h.audit().find(a => a.rule === 'content.review.along')?.text).toBe('R2 随 R1 一并忽略')
    expect(h.rt.ledger.activeStrikes(spammer.id, h.clock.now())).toEqual([])
    await h.post(admin, undefined, '#忽略 R2')
    await h.drain()
    expect(h.wechat.textsTo(admin.id).join('\n')).toContain('R2 已随 R1 一并忽略过，不再处理。')
  })

  it('leaves a question about other words with the same hit open: they may be the violation', async () => {
    const h = await twoOpen()
    await h.post(admin, undefined, '#忽略 R1')
    await h.post(admin, undefined, '#确认 R2')
    await h.drain()
    expect(h.wechat.textsTo(admin.id).join('\n')).not.toContain('一并忽略')
    expect(h.wechat.textsTo(cust2.id)).toHaveLength(1)
  })

  it('a question closed along is no ignore of the admins when counting ignores to suggest allowing the phrase', async () => {
    const h = await start(`${CUSTOMERS_CONTACT}\nsuggestAllowAfter: 3`, [
      'test/plugins/content/fixtures/review-learn.yaml',
    ])
    await h.post(spammer, cust, SHOP)
    await h.post(spammer, cust2, SHOP, {}, 20 * MIN)
    await h.post(admin, undefined, '#忽略 R1')
    await h.post(spammer, cust, '家薇花卉的第 2 笔尾款今天到账了')
    await h.post(admin, undefined, '#忽略 R3')
    await h.drain()
    expect(h.wechat.textsTo(admin.id).join('\n')).toContain('R2 与 R1 是同一人的同一条消息')
    // Ignored by the admins twice (R1, R3): the third would suggest.
    expect(h.audit().filter(a => a.rule === 'content.review.suggest-allow')).toEqual([])
  })
})

describe('the salesperson is not reminded about a question decided along', () => {
  const CONFIG = `
company: 示例科技
roles: { admin: [wxid_admin], staff: [wxid_zhangsan] }
groups:
  - { name: 客户交流群, topicPattern: "交流群$", kind: customer, responsible: [wxid_zhangsan] }
plugins:
  activity: { responseThreshold: 30m, responsible: { 示例科技张三交流群: [wxid_zhangsan] } }
  content: { watch: false }
`
  const room = group('r-cust', '示例科技张三交流群', 'customer', '客户交流群')
  const zhangsan = { ...member('wxid_zhangsan', '张三'), roles: ['staff' as const], isStaff: true }

  it('confirming R1 forgets the held message of R2 too: no 客户等待提醒 for it', async () => {
    const { rt, clock, wechat } = await makeRuntime(CONFIG, [activityPlugin, contentPlugin])
    const liu = member('wxid_c1', '刘总')
    wechat.addGroup(room, [zhangsan, liu])
    await rt.handle(text(liu, '加我微信 liu2026，报价发我', clock.now(), room))
    await clock.advance(15 * MIN)
    await rt.handle(text(liu, '加我微信 liu2026，报价发我', clock.now(), room))
    await clock.advance(MIN)
    expect(wechat.textsTo('wxid_admin').join('\n')).toContain('🔎 待确认 R2')
    await rt.handle(text(member('wxid_admin', '管理员'), '#确认 R1', clock.now()))
    await clock.advance(2 * 60 * MIN)
    expect(wechat.textsTo('wxid_admin').join('\n')).toContain('R2 与 R1 是同一人的同一变体')
    expect(wechat.textsTo('wxid_zhangsan').join('\n')).not.toContain('客户等待提醒')
  })
})

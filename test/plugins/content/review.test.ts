import { describe, expect, it } from 'vitest'
import { admin, cust, cust2, EVERYONE_INSULTS, MIN, spammer, start } from './setup.js'

/** A customer writes an insult in pinyin: a fuzzy hit, review-only by default. */
const FUZZY = '你是不是shabi啊'

describe('review-only hits (#确认 / #忽略)', () => {
  it('asks the admins about a fuzzy hit and does nothing to the member', async () => {
    const h = await start()
    await h.post(spammer, cust, FUZZY)
    await h.drain()
    expect(h.wechat.textsTo(cust.id)).toEqual([])
    expect(h.rt.ledger.activeStrikes(spammer.id, h.clock.now())).toEqual([])
    const [asked] = h.wechat.textsTo(admin.id)
    expect(asked).toContain('🔎 待确认 R1：疑似侮辱性言论')
    expect(asked).toContain('拼音 shabi → 傻逼')
    expect(asked).toContain('#确认 R1')
    expect(asked).toContain('#忽略 R1')
  })

  it('#确认 handles the message as an offence: warning and strike by the action matrix', async () => {
    const h = await start()
    await h.post(spammer, cust, FUZZY)
    await h.post(admin, undefined, '#确认 R1')
    await h.drain()
    expect(h.wechat.textsTo(admin.id).join('\n')).toContain('已确认 R1')
    expect(h.wechat.textsTo(cust.id)).toHaveLength(1)
    // Sent when the admin answers, maybe hours later: it says which message it is about.
    expect(h.wechat.textsTo(cust.id)[0]).toContain('（11-30 09:00 的消息，管理员已确认）')
    expect(h.rt.ledger.activeStrikes(spammer.id, h.clock.now()).map(s => s.category)).toEqual(['content.insult'])
  })

  it('#忽略 records the answer and nothing happens; a second answer is refused', async () => {
    const h = await start()
    await h.post(spammer, cust, FUZZY)
    await h.post(admin, undefined, '#忽略 r1')
    await h.post(admin, undefined, '#确认 R1')
    await h.drain()
    const replies = h.wechat.textsTo(admin.id).join('\n')
    expect(replies).toContain('已忽略 R1')
    expect(replies).toContain('R1 已忽略过，不再处理。')
    expect(h.wechat.textsTo(cust.id)).toEqual([])
    expect(h.rt.ledger.activeStrikes(spammer.id, h.clock.now())).toEqual([])
    expect(h.audit().map(a => a.rule)).toContain('content.review.ignore')
  })

  it('answers an unknown id with the usage', async () => {
    const h = await start()
    await h.post(admin, undefined, '#确认 R9')
    await h.drain()
    expect(h.wechat.textsTo(admin.id).join('\n')).toContain('没有找到待确认的 R9。用法：#确认 <编号> 或 #忽略 <编号>')
  })

  it('lets a category make a fuzzy kind act (act: [..., pinyin])', async () => {
    const h = await start(EVERYONE_INSULTS, [
      'test/plugins/content/fixtures/test-dictionary.yaml',
      'test/plugins/content/fixtures/act-pinyin.yaml',
    ])
    await h.post(spammer, cust, FUZZY)
    await h.drain()
    expect(h.wechat.textsTo(cust.id)).toHaveLength(1)
    expect(h.wechat.textsTo(admin.id).join('\n')).not.toContain('待确认')
  })
})

describe('one spammer, one evasion, several groups', () => {
  const SPAM = 'baijiale 真人在线 充值送'
  // Two groups: a third would also be flooding (acting, warned at once), another matter.
  const groups = [cust, cust2]

  async function spread() {
    const h = await start('', ['data/dictionaries/default.yaml'])
    for (const g of groups) await h.post(spammer, g, SPAM, {}, MIN)
    await h.drain()
    return h
  }

  it('asks the admins once, and the answer names every group it was posted in', async () => {
    const h = await spread()
    const asked = h.wechat.textsTo(admin.id).filter(t => t.includes('🔎 待确认'))
    expect(asked).toHaveLength(1)
    await h.post(admin, undefined, '#确认 R1')
    await h.drain()
    const answer = h.wechat
      .textsTo(admin.id)
      .join('\n')
      .split('\n')
      .find(t => t.startsWith('已确认 R1'))
    expect(answer).toBe(
      '已确认 R1（优惠多多：赌博；共 2 条，发在「示例科技张三交流群」「示例科技李四交流群」），按违规处理。',
    )
  })

  it('#确认 handles the message in every group: each group warned, one strike', async () => {
    const h = await spread()
    await h.post(admin, undefined, '#确认 R1')
    await h.drain()
    for (const g of groups) expect(h.wechat.textsTo(g.id)).toHaveLength(1)
    expect(h.rt.ledger.activeStrikes(spammer.id, h.clock.now())).toHaveLength(1)
  })

  it('#忽略 answers for every group at once: no question left open', async () => {
    const h = await spread()
    await h.post(admin, undefined, '#忽略 R1')
    await h.post(admin, undefined, '#忽略 R2')
    await h.drain()
    const replies = h.wechat.textsTo(admin.id).join('\n')
    expect(replies).toContain('已忽略 R1')
    expect(replies).toContain('没有找到待确认的 R2')
    for (const g of groups) expect(h.wechat.textsTo(g.id)).toEqual([])
  })

  it('asks again after the incident window', async () => {
    const h = await start('', ['data/dictionaries/default.yaml'])
    await h.post(spammer, cust, SPAM)
    await h.post(spammer, cust2, SPAM, {}, 11 * MIN)
    await h.drain()
    expect(h.wechat.textsTo(admin.id).filter(t => t.includes('🔎 待确认'))).toHaveLength(2)
  })
})

import { describe, expect, it } from 'vitest'
import { admin, cust, EVERYONE_INSULTS, spammer, start } from './setup.js'

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

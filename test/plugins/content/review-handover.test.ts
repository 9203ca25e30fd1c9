import { describe, expect, it } from 'vitest'
import { type FleetGate, SOLO } from '../../../bot/fleet/gate.js'
import { contentPlugin } from '../../../plugins/content/index.js'
import { makeRuntime, text } from '../../helpers/harness.js'
import { admin, config, cust, cust2, MIN, spammer, zhangsan } from './setup.js'

/** Pinyin insults by a customer: fuzzy hits, asked about (review-only by default). */
const FIRST = '你们这些人都是shabi'
const AGAIN = '一群shabi客服'

/**
 * One account of a fleet (sales1) whose groups are those in `served`: a group leaves it when another account takes
 * it over (its lease). No other account's records here: nobody else carries anything out.
 */
async function sales1(served: Set<string>) {
  const gate: FleetGate = { ...SOLO, account: 'sales1', holds: g => served.has(g), several: () => true }
  const h = await makeRuntime(config(), [contentPlugin], { gate })
  h.wechat.addGroup(cust, [zhangsan, spammer])
  h.wechat.addGroup(cust2, [zhangsan, spammer])
  const post = async (g: typeof cust | undefined, from: typeof admin, body: string, gap = 10_000) => {
    await h.clock.advance(gap)
    await h.rt.handle(text(from, body, h.clock.now(), g))
  }
  const audit = () => h.rt.audit.query({ plugin: 'content', days: 60, limit: 1000 }).reverse()
  return { ...h, post, audit }
}

describe('a question answered after its group moved to another account of the fleet', () => {
  it('leaves the warning and strike to the account serving the group; the answer says so; nothing is done here', async () => {
    const served = new Set([cust.id, cust2.id])
    const h = await sales1(served)
    await h.post(cust, spammer, FIRST)
    served.delete(cust.id)
    await h.post(undefined, admin, '#确认 R1', MIN)
    await h.clock.advance(MIN)
    expect(h.wechat.textsTo(admin.id).join('\n')).toContain(
      '群「示例科技张三交流群」现由其他机器人账号服务：R1 在该群的处理（警告、记违规等）交给它执行；5分钟内没有账号执行会告诉管理员。',
    )
    expect(h.wechat.textsTo(cust.id)).toEqual([])
    expect(h.rt.ledger.activeStrikes(spammer.id, h.clock.now())).toEqual([])
    expect(h.audit().find(a => a.rule === 'content.review.left')?.evidence?.messageId).toBe('m1')
  })

  it('no account carried it out within 5 minutes: the admins are told to act by hand, once, and it is audited', async () => {
    const served = new Set([cust.id, cust2.id])
    const h = await sales1(served)
    await h.post(cust, spammer, FIRST)
    served.delete(cust.id)
    await h.post(undefined, admin, '#确认 R1', MIN)
    await h.clock.advance(6 * MIN)
    await h.clock.advance(10 * MIN)
    const warned = h.wechat.textsTo(admin.id).filter(t => t.includes('没有机器人账号服务'))
    expect(warned).toHaveLength(1)
    expect(warned[0]).toContain(
      '⚠️ R1 已确认，但群「示例科技张三交流群」现在没有机器人账号服务，对 优惠多多 的处理（警告、记违规等）没有执行，已记入审计；请在群里手动处理。',
    )
    expect(h.audit().filter(a => a.rule === 'content.review.unserved' && a.type === 'record')).toHaveLength(1)
    expect(h.wechat.textsTo(cust.id)).toEqual([])
  })

  it('the group came back before the 5 minutes were over (a late lease): warned here then, nobody told to act by hand', async () => {
    const served = new Set([cust.id, cust2.id])
    const h = await sales1(served)
    await h.post(cust, spammer, FIRST)
    served.delete(cust.id)
    await h.post(undefined, admin, '#确认 R1', MIN)
    served.add(cust.id)
    await h.clock.advance(6 * MIN)
    expect(h.wechat.textsTo(cust.id).join('\n')).toMatch(/违反群规/)
    expect(h.rt.ledger.activeStrikes(spammer.id, h.clock.now())).toHaveLength(1)
    expect(h.wechat.textsTo(admin.id).join('\n')).not.toContain('没有机器人账号服务')
  })

  it('of a question posted in two groups, the group still served here is acted on at once, the other left', async () => {
    const served = new Set([cust.id, cust2.id])
    const h = await sales1(served)
    await h.post(cust, spammer, FIRST)
    await h.post(cust2, spammer, AGAIN, MIN)
    served.delete(cust2.id)
    await h.post(undefined, admin, '#确认 R1', MIN)
    await h.clock.advance(MIN)
    expect(h.wechat.textsTo(cust.id).join('\n')).toMatch(/违反群规/)
    expect(h.wechat.textsTo(cust2.id)).toEqual([])
    expect(h.wechat.textsTo(admin.id).join('\n')).toContain('群「示例科技李四交流群」现由其他机器人账号服务')
  })
})

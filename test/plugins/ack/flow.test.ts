import { describe, expect, it } from 'vitest'
import { member, text } from '../../helpers/harness.js'
import { admin, at, boss, li, sales, salesRuntime, wang, zhang } from './helpers.js'

const NOTICE = '【通知】今天下午3点在三楼会议室开月度复盘会，请各位准备好本月客户跟进表，收到请回复'

describe('ack: notice -> answers -> reminder -> report -> fine -> red packet', () => {
  it("tracks a leader's notice end to end", async () => {
    const { rt, clock, wechat } = await salesRuntime()
    const say = async (local: string, who: typeof boss, body: string, extra = {}) => {
      await clock.advanceTo(at(local))
      await rt.handle(text(who, body, clock.now(), sales, extra))
    }
    await say('08:58', zhang, '收到')
    await say('09:00', boss, NOTICE)
    await say('09:01', boss, '收到')
    await say('09:02', zhang, '收到！！')
    await say('09:03', zhang, '收到收到')
    await say('09:10', li, '收到了吗？')
    await clock.advanceTo(at('09:21'))
    const [confirm, reminder] = wechat.sent.filter(s => 'room' in s.chat)
    expect(confirm.text).toBe(
      '📌 已登记通知 N1（销售部-王强发布）：请 3 位同事在 09:30 前回复「收到」，也可以引用通知回复。',
    )
    expect(reminder).toMatchObject({ mentions: ['u2', 'u3'], text: expect.stringContaining('还有 2 位同事没有回复') })

    await say('09:24', li, '收到收到，刚在路上')
    await clock.advanceTo(at('09:31'))
    const report = wechat.textsTo('boss').join('\n')
    expect(report).toContain('应回复 3 人：按时 1 人，提醒后 1 人，未回复 1 人')
    expect(report).toContain('按时回复（1）：销售部-张三（2分钟）')
    expect(report).toContain('提醒后回复（1）：销售部-李四（24分钟）')
    expect(report).toContain('未回复（1）：销售部-王五')
    expect(rt.ledger.openFines('u3')).toEqual([
      expect.objectContaining({ violation: '未按时回复通知 N1', at: at('09:30') }),
    ])
    expect(rt.ledger.openFines('u2')).toEqual([])
    const fineNote = wechat.sent.find(s => s.text?.startsWith('💰'))
    expect(fineNote).toMatchObject({ chat: { room: 'r1' }, mentions: ['u3'] })

    await say('10:39', wang, '[转账]', { kind: 'transfer', attachment: { amount: 5, payee: 'admin1' } })
    expect(rt.ledger.openFines('u3')).toHaveLength(1) // money arrives only when the admin accepts it
    await say('10:40', admin, '[已收款]', { kind: 'transfer', attachment: { amount: 5, payer: 'u3' } })
    await clock.advance(10_000)
    expect(rt.ledger.openFines('u3')).toEqual([])
    expect(rt.ledger.finesOf('u3')[0].settled).toMatchObject({ amount: 5, at: at('10:40') })
    expect(wechat.textsTo('r1').at(-1)).toBe('✅ 已收到转账 5 元：罚款 F1（未按时回复通知 N1）5 元已结清。')
    expect(rt.audit.query({ plugin: 'ack' }).filter(e => e.type === 'settle')).toEqual([
      expect.objectContaining({ rule: 'ack.fine-settled', memberId: 'u3', text: '罚款 F1 已由转账结清 5 元' }),
    ])
  })

  it('says in the report that fines were recorded, or in observe mode that they were not', async () => {
    const reportOf = async (ack: string, observeAfterNotice: boolean) => {
      const { rt, clock } = await salesRuntime(ack)
      await rt.handle(text(boss, NOTICE, at('09:00'), sales))
      if (observeAfterNotice) await rt.handle(text(admin, '#观察 ack 开', at('09:05')))
      await clock.advanceTo(at('09:31'))
      const reports = rt.audit.query({ plugin: 'ack' }).filter(e => e.rule === 'ack.report')
      expect(reports).toHaveLength(1)
      return { text: reports[0].text ?? '', fines: rt.ledger.openFines('u3').length }
    }
    const live = await reportOf('{ fines: { enabled: true } }', false)
    expect(live.text).toContain('已为 3 人记录罚款（发送 #罚款 全部 查看）。')
    expect(live.fines).toBe(1)
    for (const observed of [
      await reportOf('{ fines: { enabled: true }, dryRun: true }', false),
      await reportOf('{ fines: { enabled: true } }', true),
    ]) {
      expect(observed.text).toContain('观察中：将为 3 人记录罚款（未记录）。')
      expect(observed.text).not.toContain('已为')
      expect(observed.fines).toBe(0)
    }
  })

  it('records a late answer after the report without undoing the fine', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, NOTICE, at('08:55'), sales))
    await clock.advanceTo(at('09:40'))
    await rt.handle(text(wang, '收到', clock.now(), sales))
    await rt.handle(text(admin, '#通知 详情 N1', clock.now(), sales))
    await clock.advance(10_000)
    expect(rt.ledger.openFines('u3')).toHaveLength(1)
    expect(wechat.textsTo('r1').at(-1)).toContain('截止后回复（1）：销售部-王五（45分钟）')
  })
})

describe('ack: red packets', () => {
  it('does not settle when the paid amount is short, and ignores red packets when fines are off', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, NOTICE, at('08:55'), sales))
    await clock.advanceTo(at('12:00'))
    await rt.handle(
      text(admin, '[已收款]', clock.now(), sales, { kind: 'transfer', attachment: { amount: 5, payer: 'u3' } }),
    )
    await clock.advance(10_000)
    expect(wechat.textsTo('r1').at(-1)).toContain(
      '转账 5 元不足：罚款 F3（未按时回复通知 N1）现应缴 10 元，还差 5 元，未结清。请按应缴金额重新转账（不足的这笔不抵扣）。',
    )
    expect(rt.ledger.openFines('u3')).toHaveLength(1)

    await rt.handle(
      text(admin, '[已收款]', clock.now(), sales, { kind: 'transfer', attachment: { amount: 10, payer: 'u3' } }),
    )
    await clock.advance(10_000)
    expect(wechat.textsTo('r1').at(-1)).toContain('✅ 已收到转账 10 元：罚款 F3（未按时回复通知 N1）10 元已结清。')
    expect(rt.ledger.openFines('u3')).toEqual([])

    const off = await salesRuntime('{}')
    await off.rt.handle(text(boss, NOTICE, at('08:55'), sales))
    await off.clock.advanceTo(at('09:30'))
    await off.rt.handle(text(wang, '[红包]', off.clock.now(), sales, { kind: 'redpacket' }))
    await off.clock.advance(10_000)
    expect(off.rt.ledger.openFines()).toEqual([])
    expect(off.wechat.sent.filter(s => s.text?.startsWith('💰') || s.text?.includes('红包'))).toEqual([])
    expect(off.wechat.textsTo('boss')[0]).toContain('未回复（3）')
  })
  it('never says an unknown amount was paid, nor posts the fine in the group: the member and admins hear once per packet', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, NOTICE, at('08:55'), sales))
    await clock.advanceTo(at('12:00'))
    const inGroup = wechat.textsTo('r1').length
    for (const _ of [1, 2]) await rt.handle(text(wang, '[红包]', clock.now(), sales, { kind: 'redpacket' }))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1')).toHaveLength(inGroup)
    expect(wechat.textsTo('u3')).toEqual([
      '收到你的红包（金额未知）：罚款 F3（未按时回复通知 N1）现应缴 10 元，尚未结清，管理员核对红包金额后会确认。',
      '收到你的红包（金额未知）：罚款 F3（未按时回复通知 N1）现应缴 10 元，尚未结清，管理员核对红包金额后会确认。',
    ])
    // One note a packet (the outbox merges the two into one message).
    const note =
      '销售部-王五在「销售部工作群」发了红包（金额未知），其罚款 F3（未按时回复通知 N1）现应缴 10 元：核对金额后发送 #罚款 结清 F3 确认。'
    expect(wechat.textsTo('admin1').at(-1)).toBe(`${note}\n\n${note}`)
    expect(rt.ledger.openFines('u3')).toHaveLength(1)

    await rt.handle(text(wang, '#罚款 结清 F3', clock.now(), sales))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1').at(-1)).toContain('⛔ 只有管理员')
    await rt.handle(text(admin, '#罚款 结清 f3', clock.now(), sales))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1').at(-1)).toBe('已确认 销售部-王五 的罚款 F3（未按时回复通知 N1）10 元已结清。')
    expect(rt.ledger.openFines('u3')).toEqual([])
    expect(rt.ledger.finesOf('u3')[0].settled).toMatchObject({ amount: 10 })
    expect(rt.audit.query({ plugin: 'ack' }).filter(e => e.type === 'settle')).toEqual([
      expect.objectContaining({ rule: 'ack.fine-settled', memberId: 'u3', text: '罚款 F3 经管理员确认结清 10 元' }),
    ])
    await rt.handle(text(admin, '#罚款 结清 F3', clock.now(), sales))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1').at(-1)).toBe('找不到未缴的罚款 F3。')
  })

  it('settles nothing while ack observes: a transfer and #罚款 结清 are only recorded, and the admin is told', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, NOTICE, at('08:55'), sales))
    await clock.advanceTo(at('12:00'))
    await rt.handle(text(admin, '#观察 ack 开', clock.now()))
    await rt.handle(
      text(admin, '[已收款]', clock.now(), sales, { kind: 'transfer', attachment: { amount: 10, payer: 'u3' } }),
    )
    await rt.handle(text(admin, '#罚款 结清 F3', clock.now()))
    await clock.advance(10_000)
    expect(rt.ledger.openFines('u3')).toHaveLength(1)
    expect(wechat.textsTo('u3')).toEqual([])
    expect(wechat.textsTo('admin1').at(-1)).toBe(
      '观察模式：销售部-王五 的罚款 F3（未按时回复通知 N1）没有结清，只记录了将要做的事（#审计 ack 查看）。',
    )
    const settles = rt.audit.query({ plugin: 'ack' }).filter(e => e.type === 'settle')
    expect(settles.map(e => e.text).sort()).toEqual(['罚款 F3 已由转账结清 10 元', '罚款 F3 经管理员确认结清 10 元'])
    expect(settles.every(e => e.dryRun)).toBe(true)
  })

  it('waives nothing while ack observes: #罚款 免除 and an accepted excuse are only recorded, and the admin is told', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, NOTICE, at('08:55'), sales))
    await rt.handle(text(wang, '说明：在客户现场', at('09:00'), sales))
    await clock.advanceTo(at('12:00'))
    await rt.handle(text(admin, '#观察 ack 开', clock.now()))
    await rt.handle(text(admin, '#罚款 免除 F1 系统故障', clock.now()))
    await rt.handle(text(admin, '#通知 接受 N1 王五', clock.now()))
    await clock.advance(10_000)
    expect(rt.ledger.openFines()).toHaveLength(3)
    expect(wechat.textsTo('admin1').slice(-2).join('\n')).toContain(
      '观察模式：销售部-张三 的罚款 F1（未按时回复通知 N1）没有免除，只记录了将要做的事（#审计 ack 查看）。',
    )
    expect(wechat.textsTo('admin1').at(-1)).toContain(
      '已接受 销售部-王五 对通知 N1 的说明；观察模式：罚款 F3 没有免除，只记录了将要做的事（#审计 ack 查看）。',
    )
    const waives = rt.audit.query({ plugin: 'ack' }).filter(e => e.type === 'waive')
    expect(waives.map(e => e.text).sort()).toEqual([
      '罚款 F1 已免除：系统故障',
      '罚款 F3 已免除：已接受说明：在客户现场',
    ])
    expect(waives.every(e => e.dryRun)).toBe(true)
  })

  it('waives the fine when an excuse accepted in observe mode is accepted again once ack acts', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, NOTICE, at('08:55'), sales))
    await rt.handle(text(wang, '说明：在客户现场', at('09:00'), sales))
    await clock.advanceTo(at('12:00'))
    await rt.handle(text(admin, '#观察 ack 开', clock.now()))
    await rt.handle(text(admin, '#通知 接受 N1 王五', clock.now()))
    await rt.handle(text(admin, '#观察 ack 关', clock.now()))
    await rt.handle(text(admin, '#通知 接受 N1 王五', clock.now()))
    await clock.advance(10_000)
    expect(rt.ledger.openFines('u3')).toEqual([])
    expect(wechat.textsTo('admin1').at(-1)).toContain('已接受 销售部-王五 对通知 N1 的说明')
    const waives = rt.audit.query({ plugin: 'ack' }).filter(e => e.type === 'waive')
    // Newest first: the waiver done once ack acts, then the one rehearsed in observe mode.
    expect(waives.map(e => e.dryRun)).toEqual([false, true])
  })
})

describe('ack: transfers', () => {
  const NOTICE2 = '【通知】明早9点前提交周报，收到请回复'
  const transfer = (amount: number, extra: Record<string, string> = {}) => ({
    kind: 'transfer' as const,
    attachment: { amount, ...extra },
  })
  /** The receipt an admin's WeChat posts when they accept 王五's transfer (「已收款」). */
  const receipt = (amount: number) => transfer(amount, { payer: 'u3' })

  it('settles nothing by a transfer to the bot (it cannot accept one): the member is told to pay an admin', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, NOTICE, at('08:55'), sales))
    await clock.advanceTo(at('09:40'))
    const [fine] = rt.ledger.openFines('u3')
    await rt.handle(text(wang, '[转账]', clock.now(), undefined, transfer(5)))
    await clock.advance(10_000)
    expect(wechat.textsTo('u3').at(-1)).toBe(
      `收到你的转账 5 元，但机器人不能收款，这笔钱会在 24 小时后自动退回给你。罚款 ${fine.id}（未按时回复通知 N1）现应缴 5 元：请转账给管理员，管理员收款后自动结清。`,
    )
    expect(rt.ledger.openFines('u3')).toHaveLength(1)
  })

  it('settles a 5 元 fine when an admin accepts a 5 元 transfer (the receipt), and answers the payer privately', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, NOTICE, at('08:55'), sales))
    await clock.advanceTo(at('09:40'))
    const [fine] = rt.ledger.openFines('u3')
    await rt.handle(text(admin, '[已收款]', clock.now(), undefined, receipt(5)))
    await clock.advance(10_000)
    expect(wechat.textsTo('u3').at(-1)).toBe(`✅ 已收到转账 5 元：罚款 ${fine.id}（未按时回复通知 N1）5 元已结清。`)
    expect(rt.ledger.openFines('u3')).toEqual([])
    expect(rt.ledger.finesOf('u3')[0].settled).toMatchObject({ amount: 5 })
    expect(rt.audit.query({ plugin: 'ack' })).toContainEqual(
      expect.objectContaining({ rule: 'ack.fine-settled', text: `罚款 ${fine.id} 已由转账结清 5 元` }),
    )
  })

  it('judges a receipt by when the member sent the transfer, not when the admin accepted it hours later', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, NOTICE, at('08:55'), sales))
    await clock.advanceTo(at('11:40')) // the fine now owes more than 5 元
    const [fine] = rt.ledger.openFines('u3')
    expect(rt.ledger.owed(fine, clock.now())).toBeGreaterThan(5)
    const sent = { kind: 'transfer' as const, attachment: { amount: 5, payer: 'u3', paidAt: at('09:40') } }
    await rt.handle(text(admin, '[已收款]', clock.now(), sales, sent))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1').at(-1)).toBe(`✅ 已收到转账 5 元：罚款 ${fine.id}（未按时回复通知 N1）5 元已结清。`)
    expect(rt.ledger.finesOf('u3')[0].settled).toMatchObject({ amount: 5 })
  })

  it('answers a red packet sent privately to the bot like a transfer to it, and asks no admin to confirm', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, NOTICE, at('08:55'), sales))
    await clock.advanceTo(at('09:40'))
    const [fine] = rt.ledger.openFines('u3')
    const before = wechat.sent.length
    await rt.handle(text(wang, '[红包]', clock.now(), undefined, { kind: 'redpacket' }))
    await clock.advance(10_000)
    expect(wechat.sent.slice(before).map(s => s.text)).toEqual([
      `收到你的红包，但机器人不能领取，红包会在 24 小时后自动退回给你。罚款 ${fine.id}（未按时回复通知 N1）现应缴 5 元：请转账给管理员，管理员收款后自动结清。`,
    ])
    expect(rt.ledger.openFines('u3')).toHaveLength(1)
  })

  it('settles nothing with 3 元 and says how much is missing', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, NOTICE, at('08:55'), sales))
    await clock.advanceTo(at('09:40'))
    const [fine] = rt.ledger.openFines('u3')
    await rt.handle(text(admin, '[已收款]', clock.now(), sales, receipt(3)))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1').at(-1)).toBe(
      `转账 3 元不足：罚款 ${fine.id}（未按时回复通知 N1）现应缴 5 元，还差 2 元，未结清。请按应缴金额重新转账（不足的这笔不抵扣）。`,
    )
    expect(rt.ledger.openFines('u3')).toHaveLength(1)
  })

  it('settles two open fines oldest first, naming each, what stays open and what is left over', async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, NOTICE, at('08:55'), sales))
    await clock.advanceTo(at('09:00'))
    await rt.handle(text(boss, NOTICE2, clock.now(), sales))
    await clock.advanceTo(at('09:40'))
    await rt.handle(text(boss, '【通知】下午2点前交报销单，收到请回复', clock.now(), sales))
    await clock.advanceTo(at('10:20'))
    const [first, second, third] = rt.ledger.openFines('u3')
    expect(third).toBeDefined()

    await rt.handle(text(admin, '[已收款]', clock.now(), sales, receipt(12)))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1').at(-1)).toBe(
      `✅ 已收到转账 12 元：罚款 ${first.id}（未按时回复通知 N1）5 元、罚款 ${second.id}（未按时回复通知 N2）5 元已结清。` +
        `还有 1 笔未缴（${third.id} 现应缴 5 元），发送 #罚款 查看。多出的 2 元未抵扣，请联系管理员。`,
    )
    expect(rt.ledger.openFines('u3').map(f => f.id)).toEqual([third.id])
  })

  it("waits for the receiver of a group transfer, settles by no one else's receipt, and ignores transfers when fines are off", async () => {
    const { rt, clock, wechat } = await salesRuntime()
    await rt.handle(text(boss, NOTICE, at('08:55'), sales))
    await clock.advanceTo(at('09:40'))
    await rt.handle(text(wang, '[转账]', clock.now(), sales, transfer(5, { payee: 'u1' })))
    await rt.handle(text(member('u1', '张三'), '[已收款]', clock.now(), sales, receipt(5)))
    await clock.advance(10_000)
    expect(rt.ledger.openFines('u3')).toHaveLength(1)
    expect(wechat.textsTo('r1').join('\n')).not.toMatch(/已收到转账|转账 5 元/)

    const off = await salesRuntime('{}')
    await off.rt.handle(text(boss, NOTICE, at('08:55'), sales))
    await off.clock.advanceTo(at('09:40'))
    await off.rt.handle(text(wang, '[转账]', off.clock.now(), undefined, transfer(5)))
    await off.clock.advance(10_000)
    expect(off.wechat.textsTo('u3')).toEqual([])
  })
})

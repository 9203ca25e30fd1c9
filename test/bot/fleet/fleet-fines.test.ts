import { describe, expect, it, vi } from 'vitest'
import { group, text } from '../../helpers/harness.js'
import { ackPlugin } from '../../../plugins/ack/index.js'
import { admin, at, boss, sales, wang } from '../../plugins/ack/helpers.js'
import { eventually, fleetOfTwo, url } from './two-accounts.js'

const CONFIG = `
company: 示例科技
roles: { admin: [admin1], leader: [boss] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
  - { name: 二组群, topic: 销售二组工作群, kind: internal }
plugins:
  ack: { fines: { enabled: true } }
`
const team2 = group('r2', '销售二组工作群', 'internal', '二组群')
const NOTICE = '【通知】今天下午3点在三楼会议室开月度复盘会，请各位准备好本月客户跟进表，收到请回复'

describe.skipIf(!url)('fines in a fleet: each account numbers its own, so ids carry the account', () => {
  it('never settles one account’s F1 for another’s, and says which account settles it', async () => {
    // sales1 holds 销售群, sales2 二组群: each fines 王五 for a notice he did not answer, each as its F1.
    const [a, b] = await fleetOfTwo(CONFIG, [ackPlugin], [['r1'], ['r2']], { start: at('08:55') })
    a.wechat.addGroup(sales, [boss, wang])
    b.wechat.addGroup(team2, [boss, wang])
    await a.say(boss, NOTICE, sales)
    await b.say(boss, NOTICE, team2)
    for (const [bot, g] of [
      [a, sales],
      [b, team2],
    ] as const) {
      await eventually(bot, () => expect(bot.wechat.textsTo(g.id).join()).toContain('已登记通知 N1'))
      await bot.clock.advanceTo(at('09:40'))
      await eventually(bot, () => expect(bot.wechat.textsTo(g.id).join()).toContain('💰'))
    }
    expect(a.rt.ledger.openFines('u3').map(f => f.id)).toEqual(['F1'])
    expect(b.rt.ledger.openFines('u3').map(f => f.id)).toEqual(['F1'])

    // Both are listed through either account, each with its account.
    // Each account reads the other's ledger when it changed (before its next task).
    const synced = async (bot: typeof a, ids: string[]) => {
      await vi.waitFor(async () => {
        await bot.fleet.sync()
        expect(bot.rt.ledger.openFinesFleet('u3').map(f => bot.rt.ledger.label(f))).toEqual(ids)
      }, 5_000)
    }
    await synced(a, ['F1@sales1', 'F1@sales2'])
    for (const bot of [a, b]) await bot.fleet.renew() // reads the WeChat names written after each started
    /** What an account answers the admin's command privately. */
    const answer = async (bot: typeof a, command: string) => {
      const before = bot.wechat.textsTo('admin1').length
      await bot.say(admin, command)
      await eventually(bot, () => expect(bot.wechat.textsTo('admin1')).toHaveLength(before + 1))
      return bot.wechat.textsTo('admin1')[before]
    }
    expect(await answer(a, '#罚款 全部')).toContain('销售部-王五：2 笔，现应缴 10 元（F1@sales1、F1@sales2）')

    // The member sees both, and where the other one is paid.
    await a.say(wang, '#罚款')
    await eventually(a, () => expect(a.wechat.textsTo('u3').at(-1)).toContain('F1@sales2 未按时回复通知 N1'))
    expect(a.wechat.textsTo('u3').at(-1)).toContain(
      '编号带 @sales2 的罚款由机器人账号 「小助手sales2」(sales2) 记录，请在该账号所在的群里转账给管理员。',
    )

    // sales2's fine, asked of sales1 (which has an F1 of its own): nothing is settled, the answer says where.
    expect(await answer(a, '#罚款 结清 F1@sales2')).toBe(
      '罚款 F1@sales2 由机器人账号 「小助手sales2」(sales2) 记录，请私聊「小助手sales2」发送：#罚款 结清 F1@sales2',
    )
    expect(a.rt.ledger.openFines('u3')).toHaveLength(1)

    // The admin accepting 王五's transfer in sales2's group settles sales2's own fine; the next finds only sales1's.
    const receipt = { kind: 'transfer' as const, attachment: { amount: 5, payer: 'u3' } }
    await b.rt.enqueue(text(admin, '[已收款]', b.clock.now(), team2, receipt))
    await b.clock.advance(5_000)
    await eventually(b, () =>
      expect(b.wechat.textsTo(team2.id).at(-1)).toBe(
        '✅ 已收到转账 5 元：罚款 F1@sales2（未按时回复通知 N1）5 元已结清。',
      ),
    )
    // A second receipt in sales2's group: the money reached the admin, so 王五 is not asked to pay again; the
    // admins are told which account confirms it.
    await synced(b, ['F1@sales1'])
    await b.rt.enqueue(text(admin, '[已收款]', b.clock.now(), team2, receipt))
    await eventually(b, () =>
      expect(b.wechat.textsTo('u3').at(-1)).toBe(
        '管理员已收到你的转账 5 元，够缴罚款 F1@sales1（5 元）：由机器人账号 「小助手sales1」(sales1) 记录，需管理员在该账号确认后结清，这笔不用再转账。',
      ),
    )
    await eventually(b, () =>
      expect(b.wechat.sent.map(s => s.text).join('\n')).toContain(
        '收下了 5 元转账，付款人未缴的罚款 F1@sales1（转账时应缴 5 元）由机器人账号 「小助手sales1」(sales1) 记录，本账号不能结清：这笔够缴，核对后请私聊「小助手sales1」发送：#罚款 结清 F1@sales1',
      ),
    )
    // A receipt short of the fine: never "no need to pay"; the member and the admins are told what is missing.
    const small = { kind: 'transfer' as const, attachment: { amount: 0.01, payer: 'u3' } }
    await b.rt.enqueue(text(admin, '[已收款]', b.clock.now(), team2, small))
    await eventually(b, () =>
      expect(b.wechat.textsTo('u3').at(-1)).toBe(
        '管理员已收到你的转账 0.01 元，但罚款 F1@sales1（机器人账号 「小助手sales1」(sales1) 记录）转账时应缴 5 元，还差 4.99 元，未结清。请联系管理员核对。',
      ),
    )
    await eventually(b, () =>
      expect(b.wechat.sent.map(s => s.text).join('\n')).toContain('这笔不够缴 F1@sales1，请核对后与付款人联系'),
    )

    // The id sales1 showed, sent to sales1, settles sales1's fine.
    expect(await answer(a, '#罚款 结清 F1@sales1')).toBe(
      '已确认 销售部-王五 的罚款 F1@sales1（未按时回复通知 N1）5 元已结清。',
    )
    expect(a.rt.ledger.openFines('u3')).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { DEFAULT_FINE_POLICY } from '../../../bot/runtime/records/fine-policy.js'
import { fineRuleText, ownFinesText, T } from '../../../plugins/ack/texts.js'

// The policy's arithmetic at each boundary (1h59m, 2h, 2h01m, 11h, 20h) is tested with the
// shared ledger in test/bot/runtime/records/fine-policy.test.ts; here only how ack words it in chat.
describe('the fine rule as members read it', () => {
  it('describes the default policy', () => {
    expect(fineRuleText(DEFAULT_FINE_POLICY)).toBe('2小时内 5 元，超时每 1小时加 5 元，最多 50 元')
  })

  it('follows a company that changed the policy', () => {
    expect(fineRuleText({ base: 10, windowMs: 30 * 60_000, step: 10, stepMs: 3_600_000, cap: 100 })).toBe(
      '30分钟内 10 元，超时每 1小时加 10 元，最多 100 元',
    )
  })
})

describe('settleCommands (a receipt for fines other fleet accounts hold)', () => {
  it('gives one command per fine, grouped by the account that must receive them', async () => {
    const { settleCommands } = await import('../../../plugins/ack/decide-fine.js')
    expect(settleCommands([{ id: 'F1@sales2' }, { id: 'F4@sales1' }, { id: 'F2@sales2' }], '#')).toBe(
      '私聊 sales2 发送：#罚款 结清 F1@sales2、#罚款 结清 F2@sales2；私聊 sales1 发送：#罚款 结清 F4@sales1',
    )
    // Each account by its WeChat name where it wrote one (the admins know the bots by it); sales1 wrote none.
    const names = (a: string) => (a === 'sales2' ? '小助手B' : undefined)
    expect(settleCommands([{ id: 'F1@sales2' }, { id: 'F4@sales1' }], '#', names)).toBe(
      '私聊「小助手B」发送：#罚款 结清 F1@sales2；私聊 sales1 发送：#罚款 结清 F4@sales1',
    )
  })
})

describe('another account’s fines as people read them: the account by its WeChat name, the id suffix kept', () => {
  it('to the admin settling it here: where to send the command, by the name the admins know the bot by', () => {
    expect(T.fineElsewhere('F1@sales2', 'sales2', '#罚款 结清 F1@sales2', '小助手B')).toBe(
      '罚款 F1@sales2 由机器人账号 「小助手B」(sales2) 记录，请私聊「小助手B」发送：#罚款 结清 F1@sales2',
    )
    // An account that wrote no WeChat name yet (not logged in since the upgrade): its id alone.
    expect(T.fineElsewhere('F1@sales2', 'sales2', '#罚款 结清 F1@sales2')).toBe(
      '罚款 F1@sales2 由机器人账号 sales2 记录，请私聊该账号发送：#罚款 结清 F1@sales2',
    )
  })

  it('to the member: which fines another account recorded (@sales2) and which bot that is', () => {
    const elsewhere = [{ account: 'sales2', name: '小助手B' }, { account: 'sales3' }]
    expect(ownFinesText([], [], DEFAULT_FINE_POLICY, 'Asia/Shanghai', 10, elsewhere)).toBe('你没有未缴的罚款。')
    const fine = { id: 'F1@sales2', violation: '未按时回复通知 N1', at: 0 } as Parameters<typeof ownFinesText>[1][0]
    const text = ownFinesText([{ fine, owed: 5 }], [], DEFAULT_FINE_POLICY, 'Asia/Shanghai', 10, elsewhere)
    expect(text).toContain(
      '编号带 @sales2、@sales3 的罚款由机器人账号 「小助手B」(sales2)、sales3 记录，请在该账号所在的群里转账给管理员。',
    )
  })
})

import { describe, expect, it } from 'vitest'
import { DEFAULT_FINE_POLICY } from '../../../bot/runtime/records/fine-policy.js'
import { fineRuleText } from '../../../plugins/ack/texts.js'

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
  })
})

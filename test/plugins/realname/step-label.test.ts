import { describe, expect, it } from 'vitest'
import { stepLabel } from '../../../plugins/realname/texts.js'

describe('realname: what an escalation step did, as the admin report says it', () => {
  it('says a customer was not reminded privately (the bot never writes to a customer privately)', () => {
    expect(stepLabel('remind', { customerGroup: true, staff: false })).toBe('私聊提醒未发出（机器人不私聊客户）')
  })

  it("says a staff member's @ in a customer group went privately", () => {
    expect(stepLabel('mention', { customerGroup: true, staff: true })).toBe('再次私聊提醒（客户群里不@员工）')
  })

  it('says what was done in an internal group as it was done', () => {
    const internal = { customerGroup: false, staff: true }
    expect(['remind', 'mention', 'report', 'remove'].map(a => stepLabel(a as 'remind', internal))).toEqual([
      '私聊提醒',
      '群内@提醒',
      '报告管理员',
      '移出群聊',
    ])
  })
})

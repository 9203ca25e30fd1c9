import { describe, expect, it } from 'vitest'
import { realnameConfigSchema } from '../../../plugins/realname/config.js'
import { scheduleStep, stepActions, stepDueAt } from '../../../plugins/realname/decide-escalation.js'
import type { NicknameNotice } from '../../../plugins/realname/texts.js'

const H = 3_600_000
const T0 = Date.parse('2026-11-30T01:10:00Z')
const steps = realnameConfigSchema.parse({}).escalation
const notice: NicknameNotice = {
  group: '示例科技销售部工作群',
  who: '孙七七',
  memberId: 'wxid_sunqi',
  nickname: '孙七七',
  aliasUnknown: true,
  detail: '格式不符，应为 部门-姓名 或 地区-姓名',
  target: '部门-姓名（例如 销售部-张三）',
  personal: false,
}
const ctx = (now: number, customerGroup = false) => ({
  groupId: 'r1',
  startedAt: T0,
  now,
  unconfirmed: true,
  audience: { customerGroup, staff: true },
  prefix: '#',
})

describe('escalation schedule', () => {
  it('defaults to a private reminder at once, an @ after 2 hours and an admin report after 4 hours, without removal', () => {
    expect(steps.map(s => s.action)).toEqual(['remind', 'mention', 'report'])
    expect([0, 1, 2, 3].map(i => stepDueAt(steps, T0, i))).toEqual([T0, T0 + 2 * H, T0 + 4 * H, undefined])
  })

  it('schedules the next step as a persisted timer and nothing after the last', () => {
    expect(scheduleStep(steps, T0, { groupId: 'r1', memberId: 'u1', index: 1 })).toEqual([
      expect.objectContaining({
        type: 'schedule',
        key: 'step:r1:u1',
        at: T0 + 2 * H,
        payload: { groupId: 'r1', memberId: 'u1', index: 1 },
      }),
    ])
    expect(scheduleStep(steps, T0, { groupId: 'r1', memberId: 'u1', index: 3 })).toEqual([])
  })

  it('turns each step into the matching action', () => {
    const [remind] = stepActions(steps, 0, notice, ctx(T0))
    expect(remind).toMatchObject({ type: 'remind', to: { contact: 'wxid_sunqi' } })
    expect(remind.type === 'remind' && remind.text).toContain('我在本群的昵称')
    expect(stepActions(steps, 1, notice, ctx(T0 + 2 * H))[0]).toMatchObject({
      type: 'warn',
      groupId: 'r1',
      memberId: 'wxid_sunqi',
    })
    const [report] = stepActions(steps, 2, notice, ctx(T0 + 4 * H))
    expect(report.type).toBe('notifyAdmins')
    const text = report.type === 'notifyAdmins' ? report.text : ''
    expect(text).toContain('首次提醒后4小时')
    expect(text).toContain('已私聊提醒、群内@提醒')
    expect(text).toContain('按微信名「孙七七」判断')
    expect(text.split('\n').at(-1)).toBe(
      '花名册中无法确认此人身份，请核实是否为本公司员工：是员工就补充花名册后发送 #花名册 重载，' +
        '或发送 #实名豁免 wxid_sunqi 免除实名要求；不是就在微信里把他移出群聊。',
    )
  })

  it("says in the report that a staff member's @ in a customer group went privately", () => {
    const [report] = stepActions(steps, 2, notice, ctx(T0 + 4 * H, true))
    const text = report.type === 'notifyAdmins' ? report.text : ''
    expect(text).toContain('已私聊提醒、再次私聊提醒（客户群里不@员工）。')
  })

  it('can end with a removal when configured', () => {
    const withRemove = realnameConfigSchema.parse({
      escalation: [
        { action: 'remind', after: '0m' },
        { action: 'remove', after: '3d' },
      ],
    }).escalation
    expect(stepDueAt(withRemove, T0, 1)).toBe(T0 + 72 * H)
    expect(stepActions(withRemove, 1, notice, ctx(T0 + 72 * H))).toEqual([
      expect.objectContaining({ type: 'remove', groupId: 'r1', memberId: 'wxid_sunqi' }),
    ])
  })

  it('rejects steps out of time order and a removal that is not last', () => {
    const bad = realnameConfigSchema.safeParse({
      escalation: [
        { action: 'remove', after: '1d' },
        { action: 'remind', after: '1h' },
      ],
    })
    expect(bad.success).toBe(false)
    const messages = bad.error?.issues.map(i => i.message) ?? []
    expect(messages).toEqual(
      expect.arrayContaining([
        '各步骤应按时间先后排列（steps must be in time order）',
        'remove 只能是最后一步（remove must be the last step）',
      ]),
    )
  })
})

describe('realname config', () => {
  it('rejects a bad nickname format or welcome placeholder at load time', () => {
    const r = realnameConfigSchema.safeParse({
      formats: { internal: ['{dept}-{xingming}'] },
      welcome: { text: '欢迎{who}' },
    })
    expect(r.success).toBe(false)
    const text = r.error?.issues.map(i => i.message).join('\n')
    expect(text).toContain('unknown placeholder {xingming}')
    expect(text).toContain('未知的占位符 {who}')
  })
})

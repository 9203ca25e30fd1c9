import { describe, expect, it } from 'vitest'
import type { Role } from '../../../bot/core/event.js'
import { Roster } from '../../../bot/roster/roster.js'
import { mustAnswer, type AudienceRules } from '../../../plugins/ack/decide-notice.js'
import { member } from '../../helpers/harness.js'

const roles: Record<string, Role[]> = { admin1: ['admin'], boss: ['leader'], boss2: ['leader'], trainer: ['trainer'] }
const base: AudienceRules = {
  selfId: 'bot',
  authorId: 'boss',
  rolesOf: id => roles[id] ?? [],
  exemptRoles: ['admin', 'leader'],
  exempt: [],
  roster: new Roster(),
}
const people = [
  member('bot', '小助手'),
  member('boss', '王经理', '销售部-王强'),
  member('boss2', '李总'),
  member('admin1', '陈管理'),
  member('trainer', '刘老师', '培训部-刘芳'),
  member('u1', '张三', '销售部-张三'),
  member('u2', '李四'),
  member('c1', '刘总'),
]
const ids = (rules: AudienceRules) => mustAnswer(people, rules).map(m => m.id)

describe('mustAnswer', () => {
  it('is everyone but the bot, the author, leaders and admins when there is no roster', () => {
    expect(ids(base)).toEqual(['trainer', 'u1', 'u2', 'c1'])
  })

  it('drops configured exempt roles and contact ids', () => {
    expect(ids({ ...base, exemptRoles: ['admin', 'leader', 'trainer'], exempt: ['u2'] })).toEqual(['u1', 'c1'])
  })

  it('with a roster counts staff only: bound contacts, role holders, or the name part of the group nickname', () => {
    const roster = new Roster([
      { name: '张三', line: 2 },
      { name: '李四', contactId: 'u2', line: 3 },
    ])
    expect(ids({ ...base, roster })).toEqual(['trainer', 'u1', 'u2'])
  })

  it('decides exemptions by contact id, never by a copied name', () => {
    const impostor = member('u9', '王经理', '销售部-王强')
    expect(mustAnswer([impostor], base).map(m => m.id)).toEqual(['u9'])
  })
})

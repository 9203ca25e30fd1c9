import { describe, expect, it } from 'vitest'
import { type CommandDeps, complaintCommand, followUpCommand } from '../../../plugins/service/commands.js'
import type { StaffWatch } from '../../../plugins/service/desk/staff.js'
import { leaverCommand } from '../../../plugins/service/leaver-command.js'

describe('the service commands in #帮助', () => {
  it('are described in Chinese only, like every other entry of the chat help', () => {
    const deps = {} as CommandDeps // building a command's spec reads none of its dependencies
    const leavers = leaverCommand({} as StaffWatch, '#')
    for (const spec of [complaintCommand(deps), followUpCommand(deps), leavers])
      expect(spec.description).not.toMatch(/[A-Za-z]/)
  })

  it('give their usage as every other line of the list does, without 用法：', () => {
    expect(leaverCommand({} as StaffWatch, '#').usage).toBe('#离职（查看等待确认的人） | #离职 确认')
  })
})

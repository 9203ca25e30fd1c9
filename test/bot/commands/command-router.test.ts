import { describe, expect, it } from 'vitest'
import { CommandRouter, replyTo } from '../../../bot/commands/command-router.js'
import type { Role } from '../../../bot/core/event.js'
import type { CommandSpec } from '../../../bot/core/plugin.js'
import { group, member, text } from '../../helpers/harness.js'

const sales = group('r1', '销售部工作群')
const T = Date.parse('2026-11-30T01:00:00Z')

function spec(name: string, role: CommandSpec['role'], extra: Partial<CommandSpec> = {}): CommandSpec {
  return { name, role, usage: `#${name}`, description: `${name}说明`, run: () => [], ...extra }
}

function router() {
  const r = new CommandRouter('#')
  r.add('notice', spec('通知', 'leader', { aliases: ['notice'], usage: '#通知 <内容>' }))
  r.add('cases', spec('案例', 'member', { aliases: ['case'] }))
  r.add('stats', spec('统计', 'admin', { where: 'group' }))
  r.add('reports', spec('日报', 'trainer', { where: 'private' }))
  return r
}

const inGroup = (body: string) => text(member('u1', '张三'), body, T, sales)
const inPrivate = (body: string) => text(member('u1', '张三'), body, T)
/** A `#帮助` from someone holding `roles`, in the internal group (or privately). */
const helpFrom = (roles: Role[], g = true) => {
  const ev = g ? inGroup('#帮助') : inPrivate('#帮助')
  return { ...ev, sender: { ...ev.sender, roles, isStaff: roles.length > 0 } }
}

describe('CommandRouter', () => {
  it('runs a command with its arguments, by name or by English alias in any case', () => {
    const r = router()
    expect(r.route(inGroup('#通知 今天 三点开会'), ['leader'])).toMatchObject({
      kind: 'run',
      command: { plugin: 'notice' },
      args: '今天 三点开会',
      argv: ['今天', '三点开会'],
    })
    expect(r.route(inGroup('#NOTICE hi'), ['leader'])).toMatchObject({
      kind: 'run',
      command: { plugin: 'notice' },
      args: 'hi',
    })
    expect(r.route(inGroup('＃案例 搜索 价格'), [])).toMatchObject({
      kind: 'run',
      command: { plugin: 'cases' },
      argv: ['搜索', '价格'],
    })
  })

  it('reads a Chinese command written without a space before its text', () => {
    const r = router()
    expect(r.route(inGroup('#案例客户刘总，成交5万'), [])).toMatchObject({
      kind: 'run',
      command: { plugin: 'cases' },
      args: '客户刘总，成交5万',
    })
    expect(r.route(inGroup('#案例搜索 价格'), [])).toMatchObject({ kind: 'run', argv: ['搜索', '价格'] })
  })

  it('counts every role as staff for staff-only commands, and shows them in #帮助 only to staff', () => {
    const r = router()
    r.add('kb', spec('经验', 'staff'))
    expect(r.route(inGroup('#经验 先问预算'), ['trainer'])).toMatchObject({ kind: 'run' })
    expect(r.route(inGroup('#经验 先问预算'), [])).toMatchObject({ kind: 'reply', refused: '经验' })
    expect(r.help(helpFrom(['trainer']))).toContain('#经验')
    expect(r.help(helpFrom([]))).not.toContain('#经验')
  })

  it('ignores messages that are not commands', () => {
    expect(router().route(inGroup('收到，谢谢'), [])).toEqual({ kind: 'none' })
  })

  it('answers an unknown command with a pointer to #帮助, never repeating what was typed', () => {
    const routed = router().route(inGroup('#兼职刷单日赚五百加v详聊'), ['admin'])
    expect(routed).toEqual({ kind: 'reply', text: '未知命令。发送 #帮助 查看你可以使用的命令。', privately: false })
    const long = router().route(inGroup(`#${'长'.repeat(350_000)}`), [])
    expect(long.kind === 'reply' && long.text.length).toBeLessThan(40)
  })

  it('answers a command not meant for someone without a role, asked privately by them, like an unknown one; lists only theirs', () => {
    const r = router()
    r.add('fines', spec('罚款', 'member', { openToAnyone: id => id === 'u2' }))
    r.add('help', spec('帮助', 'member', { customerFacing: true }))
    r.add('whoami', spec('我的ID', 'member', { openToAnyone: true }))
    const unknown = { kind: 'reply', text: '未知命令。发送 #帮助 查看你可以使用的命令。', privately: false }
    expect(r.route(inPrivate('#统计'), [])).toEqual({ ...unknown, refused: '统计' }) // audited as refused
    expect(r.route(inPrivate('#日报'), [])).toEqual({ ...unknown, refused: '日报' })
    expect(r.route(inPrivate('#通知 开会'), [])).toMatchObject(unknown)
    expect(r.route(inPrivate('#我的ID'), []).kind).toBe('run')
    expect(r.route(inPrivate('#案例'), [])).toEqual({ ...unknown, refused: '案例' }) // anyone's, but not a customer's
    expect(r.route(inPrivate('#罚款'), [])).toEqual({ ...unknown, refused: '罚款' }) // not open to u1
    const fined = text(member('u2', '李四'), '#罚款', T)
    expect(r.route(fined, []).kind).toBe('run') // open to u2: it runs, and is listed
    expect(r.help({ ...fined, text: '#帮助' })).toContain('#罚款')
    expect(r.route(inPrivate('#罚款'), ['staff']).kind).toBe('run')
    expect(r.route(inPrivate('#日报'), ['trainer']).kind).toBe('run')
    expect(r.help(helpFrom([], false)).split('\n')).toEqual([
      '可用命令（2）：',
      '#帮助  帮助说明',
      '#我的ID  我的ID说明',
    ])
  })

  it('suggests the command a typo is near, among those the asker may use', () => {
    const r = router()
    r.add('help', spec('帮助', 'member', { aliases: ['help'], customerFacing: true }))
    expect(r.route(inGroup('#帮主'), [])).toEqual({
      kind: 'reply',
      text: '未知命令。是不是要找 #帮助？发送 #帮助 查看你可以使用的命令。',
      privately: false,
    })
    expect(r.route(inGroup('#hepl'), [])).toMatchObject({ text: expect.stringContaining('。是不是要找 #help？') })
    expect(r.route(inGroup('#通支 开会'), ['leader'])).toMatchObject({ text: expect.stringContaining('#通知？') })
    expect(r.route(inGroup('#通支 开会'), [])).toMatchObject({ text: '未知命令。发送 #帮助 查看你可以使用的命令。' })
  })

  it('caps the arguments a command is given', () => {
    const routed = router().route(inGroup(`#案例 ${'字'.repeat(10_001)}`), [])
    expect(routed).toMatchObject({ kind: 'reply', text: '#案例 的内容太长（最多 10000 字），请缩短后再发。' })
    expect(router().route(inGroup(`#案例 ${'字'.repeat(10_000)}`), []).kind).toBe('run')
  })

  it('treats __proto__ and constructor as ordinary words', () => {
    const r = router()
    expect(r.route(inGroup('#__proto__'), ['admin'])).toMatchObject({
      kind: 'reply',
      text: expect.stringContaining('未知命令'),
    })
    expect(r.route(inGroup('#constructor x'), ['admin'])).toMatchObject({ kind: 'reply' })
    expect(r.route(inGroup('#案例 __proto__ constructor'), [])).toMatchObject({
      kind: 'run',
      argv: ['__proto__', 'constructor'],
    })
  })

  it.each<[string, Role[], string]>([
    ['#通知 开会', [], '领导'],
    ['#通知 开会', ['staff', 'trainer'], '领导'],
    ['#统计', ['leader'], '管理员'],
  ])('refuses %j for roles %j, naming the role needed (%s)', (body, roles, label) => {
    const routed = router().route(inGroup(body), roles)
    expect(routed.kind).toBe('reply')
    if (routed.kind !== 'reply') return
    expect(routed.text).toContain('没有权限')
    expect(routed.text).toContain(`「${label}」`)
    expect(routed.refused).toBe(body.slice(1).split(' ')[0])
  })

  it('lets admins use every command and anyone use member commands', () => {
    const r = router()
    expect(r.route(inGroup('#通知 开会'), ['admin']).kind).toBe('run')
    expect(r.route(inGroup('#统计'), ['admin']).kind).toBe('run')
    expect(r.route(inGroup('#案例'), []).kind).toBe('run')
  })

  it('tells someone who uses a group-only command privately to use it in the group', () => {
    expect(router().route(inPrivate('#统计'), ['admin'])).toEqual({
      kind: 'reply',
      text: '#统计 只能在群里使用。',
      privately: false,
    })
  })

  it('tells someone who uses a private-only command in a group to message the bot', () => {
    expect(router().route(inGroup('#日报'), ['trainer'])).toEqual({
      kind: 'reply',
      text: '#日报 请私聊机器人使用。',
      privately: false,
    })
    expect(router().route(inPrivate('#日报'), ['trainer']).kind).toBe('run')
  })

  it('tells someone without the role, where they typed it, that a private-only command is not theirs', () => {
    const routed = router().route(inGroup('#日报'), ['leader'])
    expect(routed).toMatchObject({ kind: 'reply', refused: '日报' })
    if (routed.kind === 'reply') expect(routed.text).toContain('⛔ 没有权限：#日报')
  })

  it('refuses to register a name or alias twice, naming both plugins', () => {
    const r = router()
    expect(() => r.add('other', spec('通知', 'member'))).toThrow('command #通知 registered by both notice and other')
    expect(() => r.add('other', spec('公告', 'member', { aliases: ['Notice'] }))).toThrow(
      'command #notice registered by both notice and other',
    )
  })

  it('lists in help only the commands the asker may use', () => {
    const r = router()
    const memberHelp = r.help(helpFrom([]))
    expect(memberHelp).toContain('#案例')
    expect(memberHelp).not.toContain('#通知')
    expect(memberHelp).not.toContain('#统计')
    const leaderHelp = r.help(helpFrom(['leader']))
    expect(leaderHelp).toContain('#通知 <内容>  通知说明')
    expect(r.help(helpFrom(['admin']))).toMatch(/^可用命令（3）/) // #日报 is for private chat
    expect(r.help(helpFrom(['admin'], false))).toMatch(/^可用命令（3）/) // #统计 is for groups
  })

  it('lists in help only the subcommands the asker may run, and no command of which they may run none', () => {
    const r = new CommandRouter('#')
    const help = [
      { usage: '#排期 添加', roles: ['editor', 'admin'] as Role[] },
      { usage: '#排期 审核', roles: ['approver'] as Role[] },
    ]
    r.add('campaign', spec('排期', 'member', { help, description: '排期说明' }))
    r.add(
      'archive',
      spec('记录', 'auditor', { help: [{ usage: '#记录 搜索' }, { usage: '#记录 保全', roles: ['admin'] }] }),
    )
    expect(r.help(helpFrom(['staff']))).not.toContain('#排期')
    expect(r.help(helpFrom(['admin']))).toContain('#排期 添加  排期说明')
    expect(r.help(helpFrom(['editor', 'approver']))).toContain('#排期 添加；#排期 审核  排期说明')
    expect(r.help(helpFrom(['auditor']))).toContain('#记录 搜索  记录说明')
    expect(r.help(helpFrom(['admin']))).toContain('#记录 搜索；#记录 保全  记录说明')
  })

  it('names a command only when the word after the prefix is a name or alias it knows (what the archive hides)', () => {
    const r = router()
    for (const known of ['#通知 三点开会', '＃NOTICE hi', '@群管家 #案例', '# 统计', '#日报本周'])
      expect(r.names(known)).toBe(true)
    for (const talk of ['#私下转账给我 给你打8折 别告诉公司', '# 标题', '通知 三点', '#', '##通知'])
      expect(r.names(talk)).toBe(false)
  })
})

describe('replyTo', () => {
  it('answers in the group, mentioning the sender, or privately', () => {
    expect(replyTo(inGroup('#案例'), '好的', 'cmd')).toMatchObject({
      type: 'say',
      to: { room: 'r1' },
      mentions: ['u1'],
      text: '好的',
    })
    expect(replyTo(inPrivate('#案例'), '好的', 'cmd')).toMatchObject({
      type: 'say',
      to: { contact: 'u1' },
      text: '好的',
    })
  })
})

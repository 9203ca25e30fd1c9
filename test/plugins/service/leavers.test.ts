import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Fact } from '../../../bot/core/facts.js'
import { definePlugin } from '../../../bot/core/plugin.js'
import { Roster } from '../../../bot/roster/roster.js'
import { z } from 'zod'
import { text } from '../../helpers/harness.js'
import { admin, at, customers, liu, restart, sales, serviceRuntime, zhang } from './helpers.js'

const BOTH = `  - { name: 张三, dept: 销售部, contactId: u1 }
  - { name: 李四, dept: 销售部, contactId: u2 }`

/** A plugin that keeps the facts it hears, as campaign or activity would. */
function listener() {
  const heard: Fact[] = []
  const plugin = definePlugin({
    name: 'listener',
    description: 'test',
    configSchema: z.object({}).strict(),
    create: () => ({
      onFact: f => {
        heard.push(f)
        return []
      },
    }),
  })
  return { heard, plugin }
}

describe('service: staff who leave (离职)', () => {
  it('gone from the roster with no successor: removed from the internal group, their work goes to the admins', async () => {
    const { rt, wechat, clock, say } = await serviceRuntime()
    wechat.adminIn.add('r1')
    await say(liu, '质量太差了，我要投诉')
    await say(zhang, '#回访 @刘总 3天', customers, { mentions: ['c1'] })
    rt.replaceRoster(new Roster([{ name: '李四', dept: '销售部', contactId: 'u2', line: 1 }]))
    await say(liu, '还有人管吗')
    expect(wechat.textsTo('admin1')).toEqual([
      [
        '👋 员工离职：张三 已不在花名册（或已标记离职）。',
        '正在移出内部群：销售部工作群（移不出的群稍后会单独告诉您）',
        '仍在的受管理群：张三交流群（请接管后将其移出）',
        '负责的客户群：张三交流群（花名册没有指定接替人，请在花名册“接替人”一栏填写后 #花名册 重载，或在配置中改负责人）',
        '未处理的投诉/回访：T1、R1，已转由管理员跟进（#投诉 列表、#回访 列表）。',
        '请及时收回其工作微信号。',
      ].join('\n'),
    ])
    expect(wechat.removed).toEqual([{ groupId: 'r1', memberId: 'u1' }])
    await clock.advance(2 * 60_000)
    expect(wechat.textsTo('admin1')).toHaveLength(1) // removed: nothing more to ask
    expect(rt.audit.query({ plugin: 'service' }).map(e => e.rule)).toEqual(
      expect.arrayContaining(['service.staff-left', 'service.staff-left-removed']),
    )
    await clock.advance(10 * 60_000) // a new complaint, not more words on T1
    await say(liu, '我要退款')
    expect(wechat.textsTo('admin1')[1]).toContain('📣 新投诉 T2')
    await clock.advanceTo(at('10:01', '2026-12-03'))
    expect(wechat.textsTo('admin1').find(t => t.startsWith('📞 回访提醒 R1'))).toContain('负责人已离职且没有接替的人')
    expect(wechat.textsTo('u1').filter(t => t.startsWith('📞'))).toEqual([])
  })

  it('marked 离职 with a successor: the customer group, open tickets and follow-ups move to them, a fact tells the others', async () => {
    const probe = listener()
    const { rt, wechat, clock, say } = await serviceRuntime('{}', at('08:55'), {
      roster: BOTH,
      customerGroup: '{ name: 客户群, topic: 张三交流群, kind: customer, responsible: [u1] }',
      plugins: [probe.plugin],
    })
    await clock.advanceTo(at('11:00'))
    await say(liu, '质量太差了，我要投诉')
    await say(zhang, '#回访 @刘总 3天 问问滤芯', customers, { mentions: ['c1'] })
    rt.replaceRoster(
      new Roster([
        { name: '张三', dept: '销售部', status: '离职', successor: '李四', contactId: 'u1', line: 1 },
        { name: '李四', dept: '销售部', contactId: 'u2', line: 2 },
      ]),
    )
    await say(liu, '在吗')
    const notice = wechat.textsTo('admin1')
    expect(notice[0]).toContain('负责的客户群已交给 李四：张三交流群')
    expect(notice[0]).toContain('未处理的投诉/回访：T1、R1，已转给 李四。')
    expect(notice[1]).toMatch(/^⚠️ 移除成员失败/) // the bot is not owner or admin of the sales group
    await clock.advance(2 * 60_000)
    expect(wechat.textsTo('admin1')[2]).toBe(
      '⚠️ 离职员工 张三 仍在内部群：销售部工作群。机器人不是这些群的群主或管理员，无法移出，请群主或群管理员将其移出。',
    )
    expect(wechat.textsTo('u2')).toEqual([
      '👋 张三 已离职，由你接替：\n负责的客户群：张三交流群\n未处理的投诉/回访：T1、R1（#投诉 列表、#回访 列表）',
    ])
    expect(probe.heard).toContainEqual({
      name: 'group.responsibility-moved',
      data: { groupId: 'r2', groupTopic: '张三交流群', from: 'u1', to: 'u2', at: expect.any(Number) },
    })
    await clock.advanceTo(at('14:01'))
    expect(wechat.textsTo('u2')[1]).toMatch(/^⏰ 投诉 T1 将在 14:30 到期/)
    await say(liu, '我要退款')
    expect(wechat.textsTo('u2')[2]).toMatch(/^📣 新投诉 T2/)
    await clock.advanceTo(at('10:01', '2026-12-03'))
    expect(wechat.textsTo('u2').find(t => t.startsWith('📞'))).toMatch(
      /^📞 回访提醒 R1：今天请回访「张三交流群」的客户 刘总/,
    )
    expect(wechat.textsTo('u1').filter(t => /^(⏰|📣|📞)/.test(t))).toHaveLength(1) // only T1's notice, before
  })

  it('acts once, and on the day a leftOn date is reached (the 09:00 check), not before', async () => {
    const { wechat, clock, say } = await serviceRuntime('{}', at('08:55'), {
      roster: `  - { name: 张三, dept: 销售部, contactId: u1, leftOn: "2026-12-02", successor: 李四 }
  - { name: 李四, dept: 销售部, contactId: u2 }`,
      customerGroup: '{ name: 客户群, topic: 张三交流群, kind: customer, responsible: [u1] }',
    })
    await say(liu, '你好')
    await clock.advanceTo(at('18:00', '2026-12-01'))
    expect(wechat.textsTo('admin1')).toEqual([])
    // A customer message after midnight on the day: not yet (not removed at night, as the docs say 09:00).
    await clock.advanceTo(at('00:30', '2026-12-02'))
    await say(liu, '在吗')
    expect(wechat.textsTo('admin1')).toEqual([])
    expect(wechat.removed).toEqual([])
    await clock.advanceTo(at('09:01', '2026-12-02'))
    expect(wechat.textsTo('admin1')[0]).toContain('👋 员工离职：张三')
    await say(liu, '在吗')
    await clock.advanceTo(at('09:01', '2026-12-03'))
    expect(wechat.textsTo('admin1').filter(t => t.startsWith('👋'))).toHaveLength(1)
  })

  it('records someone who left holding nothing without telling anyone', async () => {
    // Seven on the roster: two leaving at once is no partial roster (see the held reloads below).
    const others = ['赵六', '钱七', '孙八', '周九'].map((name, i) => ({ name, dept: '行政部', contactId: `s${i}` }))
    const { rt, wechat, say } = await serviceRuntime('{}', at('08:55'), {
      roster: [
        BOTH,
        '  - { name: 王五, dept: 销售部, contactId: u3 }',
        ...others.map(o => `  - ${JSON.stringify(o)}`),
      ].join('\n'),
    })
    await say(liu, '你好')
    rt.replaceRoster(
      new Roster([
        { name: '张三', dept: '销售部', contactId: 'u1', line: 1 },
        ...others.map((o, i) => ({ ...o, line: i + 2 })),
      ]),
    )
    await say(liu, '在吗')
    const notices = wechat.textsTo('admin1').filter(t => t.startsWith('👋'))
    expect(notices).toEqual([expect.stringContaining('员工离职：李四')]) // 李四 is still in the sales group
    expect(rt.audit.query({ plugin: 'service' }).map(e => e.text)).toContainEqual(
      expect.stringMatching(/^员工离职 王五/),
    )
  })
})

describe('service: a partial roster (many gone at once) waits for an admin', () => {
  const THREE = `${BOTH}\n  - { name: 陈管理, dept: 行政部, contactId: admin1 }`
  const onlyAdmin = () => new Roster([{ name: '陈管理', dept: '行政部', contactId: 'admin1', line: 1 }])

  it('removes and hands over nothing, tells the admins once, and acts on #离职 确认', async () => {
    const { rt, wechat, clock, say } = await serviceRuntime('{ responsible: { 张三交流群: [u1] } }', undefined, {
      roster: THREE,
    })
    wechat.adminIn.add('r1')
    await say(liu, '你好')
    rt.replaceRoster(onlyAdmin()) // HR reloads a file holding only 行政部
    await say(liu, '在吗')
    expect(wechat.removed).toEqual([])
    expect(wechat.textsTo('admin1')).toEqual([
      '⚠️ 花名册一次少了 2 人（原有 3 人）：张三、李四。可能只导入了部分名单，机器人暂不按离职处理（不移出群、不交接工作）。确实都已离职请发送 #离职 确认；名单不全请补全花名册后 #花名册 重载。',
    ])
    expect(rt.audit.query({ plugin: 'service' }).map(e => e.rule)).toContain('service.staff-left-held')
    await clock.advanceTo(at('09:01', '2026-12-01')) // the daily check: not told again
    await say(liu, '我要投诉，漏水')
    expect(wechat.textsTo('admin1').filter(t => t.startsWith('⚠️'))).toHaveLength(1)
    expect(wechat.textsTo('u1')[0]).toMatch(/^📣 新投诉 T1/) // 张三 still follows his group
    await say(admin, '#离职', null)
    expect(wechat.textsTo('admin1').at(-1)).toBe(
      '等待确认的离职人员 2 人：张三、李四。确实都已离职请发送 #离职 确认；名单不全请补全花名册后 #花名册 重载。',
    )
    await say(admin, '#离职 确认', null)
    const said = wechat.textsTo('admin1').join('\n')
    expect(said).toContain('✅ 已按离职处理：张三、李四。')
    expect(said).toContain('👋 员工离职：张三')
    expect(wechat.removed).toEqual(expect.arrayContaining([{ groupId: 'r1', memberId: 'u1' }]))
    await say(admin, '#离职 确认', null)
    expect(wechat.textsTo('admin1').at(-1)).toBe('没有等待确认的离职人员。')
    await say(admin, '#离职 全部', null)
    expect(wechat.textsTo('admin1').at(-1)).toBe('用法：#离职（查看等待确认的人） | #离职 确认')
  })

  it('a full roster reloaded after the partial one releases them: nobody leaves', async () => {
    const { rt, wechat, say } = await serviceRuntime('{}', undefined, { roster: THREE })
    await say(liu, '你好')
    rt.replaceRoster(onlyAdmin())
    await say(liu, '在吗')
    rt.replaceRoster(
      new Roster([
        { name: '张三', dept: '销售部', contactId: 'u1', line: 1 },
        { name: '李四', dept: '销售部', contactId: 'u2', line: 2 },
        { name: '陈管理', dept: '行政部', contactId: 'admin1', line: 3 },
      ]),
    )
    await say(liu, '还在吗')
    await say(admin, '#离职 确认', null)
    expect(wechat.textsTo('admin1').at(-1)).toBe('没有等待确认的离职人员。')
    expect(wechat.textsTo('admin1').filter(t => t.startsWith('👋'))).toEqual([])
  })
})

describe('service: a leaver is no longer staff', () => {
  it('someone marked 离职 loses the staff role the roster gave them: #投诉 is refused', async () => {
    const { rt, wechat, say } = await serviceRuntime('{}', at('08:55'), {
      roster: `  - { name: 张三, dept: 销售部, contactId: u1 }\n  - { name: 王五, dept: 销售部, contactId: u3 }`,
    })
    const wang = { ...zhang, id: 'u3', name: '王五' }
    await say(wang, '#投诉 列表', sales)
    expect(wechat.textsTo('r1')).toEqual(['目前没有投诉记录。'])
    rt.replaceRoster(
      new Roster([
        { name: '张三', dept: '销售部', contactId: 'u1', line: 1 },
        { name: '王五', dept: '销售部', status: '离职', contactId: 'u3', line: 2 },
      ]),
    )
    await say(wang, '#投诉 列表', sales)
    expect(wechat.textsTo('r1').at(-1)).toBe('⛔ 没有权限：#投诉 需要「员工」角色。')
  })
})

describe('service: #花名册 重载', () => {
  it('acts on the reload itself: the admin who reloads hears about the leaver in the same turn', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'roster-')), 'staff.csv')
    writeFileSync(file, '姓名,部门,微信ID\n张三,销售部,u1\n李四,销售部,u2\n')
    const { wechat, rt, clock } = await serviceRuntime('{}', at('08:55'), {
      roster: `  ${file}`,
      customerGroup: '{ name: 客户群, topic: 张三交流群, kind: customer, responsible: [u1] }',
    })
    const admin = { id: 'admin1', name: '陈管理', roles: [], isStaff: false }
    await rt.handle(text(admin, '#状态', clock.now()))
    writeFileSync(file, '姓名,部门,微信ID,状态,接替人\n张三,销售部,u1,离职,李四\n李四,销售部,u2,,\n')
    await rt.handle(text(admin, '#花名册 重载', clock.now()))
    await clock.advance(10_000)
    const said = wechat.textsTo('admin1').join('\n') // the outbox merges texts to one chat
    expect(said).toMatch(/✅ 花名册已重载：2 人。\n+👋 员工离职：张三[\s\S]*负责的客户群已交给 李四：张三交流群/)
  })
})

describe('service: leavers in observe mode and after a restart', () => {
  const opts = {
    roster: BOTH,
    customerGroup: '{ name: 客户群, topic: 张三交流群, kind: customer, responsible: [u1] }',
  }
  const left = new Roster([
    { name: '张三', dept: '销售部', status: '离职', successor: '李四', contactId: 'u1', line: 1 },
    { name: '李四', dept: '销售部', contactId: 'u2', line: 2 },
  ])

  it('in observe mode removes nobody and tells nobody: the audit log shows what it would do', async () => {
    const { rt, wechat, say } = await serviceRuntime('{ dryRun: true }', at('08:55'), opts)
    wechat.adminIn.add('r1')
    await say(liu, '你好')
    rt.replaceRoster(left)
    await say(liu, '在吗')
    expect(wechat.removed).toEqual([])
    expect(wechat.sent).toEqual([])
    const entries = rt.audit.query({ plugin: 'service' })
    expect(entries.filter(e => e.dryRun).map(e => e.rule)).toEqual(
      expect.arrayContaining(['service.staff-left', 'service.staff-left-removed', 'service.staff-left-handover']),
    )
  })

  it('keeps the handover over a restart, and does not announce the leaver again', async () => {
    const env = await serviceRuntime('{}', at('08:55'), opts)
    await env.say(liu, '你好')
    env.rt.replaceRoster(left)
    await env.say(liu, '在吗')
    await env.rt.stop()
    const again = await restart(env, '{}', {
      ...opts,
      roster: `${BOTH.replace('contactId: u1 }', 'contactId: u1, status: 离职, successor: 李四 }')}`,
    })
    await again.rt.handle(text(liu, '我要投诉', env.clock.now(), customers))
    await env.clock.advance(5_000)
    expect(again.wechat.textsTo('u2')[0]).toMatch(/^📣 新投诉 T1/)
    expect(again.wechat.textsTo('admin1').filter(t => t.startsWith('👋'))).toEqual([])
  })
})

describe('service: leavers.removeFromInternal: false', () => {
  it('removes nobody and lists every group for the admins', async () => {
    const { rt, wechat, say } = await serviceRuntime('{ leavers: { removeFromInternal: false } }')
    wechat.adminIn.add('r1')
    await say(liu, '你好')
    rt.replaceRoster(new Roster([{ name: '李四', dept: '销售部', contactId: 'u2', line: 1 }]))
    await say(liu, '在吗')
    expect(wechat.removed).toEqual([])
    expect(wechat.textsTo('admin1')[0]).toContain('仍在的受管理群：销售部工作群、张三交流群（请接管后将其移出）')
    expect(wechat.textsTo('admin1')[0]).not.toContain('正在移出')
  })
})

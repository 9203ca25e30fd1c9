import { describe, expect, it } from 'vitest'
import { Roster } from '../../../bot/roster/roster.js'
import { admin, at, customers, liu, serviceRuntime, zhang } from './helpers.js'

const zhangEntry = { name: '张三', dept: '销售部', contactId: 'u1', line: 1 }
const liEntry = { name: '李四', dept: '销售部', contactId: 'u2', line: 2 }
const adminEntry = { name: '陈管理', dept: '行政部', contactId: 'admin1', line: 3 }
const THREE = `  - { name: 张三, dept: 销售部, contactId: u1 }
  - { name: 李四, dept: 销售部, contactId: u2 }
  - { name: 陈管理, dept: 行政部, contactId: admin1 }`

describe('service: someone back on the roster is no leaver any more', () => {
  it('one person removed from the file by mistake and restored: their work goes back, the admins are told once', async () => {
    const { rt, wechat, clock, say } = await serviceRuntime(undefined, at('08:55'), { roster: THREE })
    wechat.adminIn.add('r1')
    await say(liu, '质量太差了，我要投诉')
    await say(zhang, '#回访 @刘总 3天', customers, { mentions: ['c1'] })
    rt.replaceRoster(new Roster([liEntry, adminEntry]))
    await say(liu, '还有人管吗')
    expect(wechat.textsTo('admin1')[0]).toContain('未处理的投诉/回访：T1、R1，已转由管理员跟进')
    expect(wechat.removed).toEqual([{ groupId: 'r1', memberId: 'u1' }])
    rt.replaceRoster(new Roster([zhangEntry, liEntry, adminEntry]))
    await say(liu, '在吗')
    expect(wechat.textsTo('admin1').slice(1)).toEqual([
      [
        '↩️ 员工回到花名册：张三，不再按离职处理。',
        '张三 离职时已被机器人移出：销售部工作群，请重新邀请其入群。',
        '投诉/回访交还负责人：T1 → 张三；R1 → 张三（#投诉 列表、#回访 列表）',
      ].join('\n'),
    ])
    await say(admin, '#投诉 列表', null)
    expect(wechat.textsTo('admin1').at(-1)).toContain('负责人 张三')
    await say(admin, '#回访 列表', null)
    expect(wechat.textsTo('admin1').at(-1)).toContain('负责人 张三')
    await clock.advance(10 * 60_000) // a new complaint, not more words on T1
    await say(liu, '我要退款')
    expect(wechat.textsTo('u1').at(-1)).toMatch(/^📣 新投诉 T2/)
    expect(wechat.textsTo('admin1').filter(t => t.startsWith('↩️'))).toHaveLength(1)
  })

  it('a broken file confirmed as leavers, then the right file: no still-in notices for people back, lists show the configured people', async () => {
    const { rt, wechat, clock, say } = await serviceRuntime(undefined, at('08:55'), { roster: THREE })
    await say(liu, '质量太差了，我要投诉')
    await say(zhang, '#回访 @刘总 3天', customers, { mentions: ['c1'] })
    await clock.advance(10 * 60_000) // the customer's next complaint is a new ticket
    // The broken file: the same people without their WeChat ids.
    rt.replaceRoster(new Roster([zhangEntry, liEntry, adminEntry].map(({ contactId: _, ...e }) => e)))
    await say(liu, '在吗')
    // 陈管理 is an admin in config: gone from the file alone, no leaver (not held, never told about herself).
    expect(wechat.textsTo('admin1').at(-1)).toMatch(/^⚠️ 花名册一次少了 2 人（原有 3 人）：张三、李四。/)
    await say(admin, '#离职 确认', null)
    expect(wechat.textsTo('admin1').join('\n')).toContain('✅ 已按离职处理：张三、李四。')
    expect(wechat.textsTo('admin1').filter(t => t.includes('陈管理'))).toEqual([])
    await say(liu, '我要退款') // T2 opens while 张三 counts as gone: the admins get it
    expect(wechat.textsTo('admin1').at(-1)).toMatch(/^📣 新投诉 T2/)
    // Meanwhile the lists name the configured person who left, never 未配置.
    await say(admin, '#投诉 列表', null)
    expect(wechat.textsTo('admin1').at(-1)).toContain('负责人 管理员（张三 已离职）')
    expect(wechat.textsTo('admin1').at(-1)).not.toContain('未配置')
    await say(admin, '#回访 列表', null)
    expect(wechat.textsTo('admin1').at(-1)).toContain('负责人 管理员（张三 已离职）')
    const before = wechat.textsTo('admin1').length
    rt.replaceRoster(new Roster([zhangEntry, liEntry, adminEntry]))
    await clock.advance(2 * 60_000) // the still-in checks fire before any message: the roster is looked at first
    const after = wechat.textsTo('admin1').slice(before)
    expect(after.filter(t => t.includes('仍在内部群'))).toEqual([])
    expect(after).toEqual([
      [
        '↩️ 员工回到花名册：张三、李四，不再按离职处理。',
        '投诉/回访交还负责人：T1 → 张三；T2 → 张三；R1 → 张三（#投诉 列表、#回访 列表）',
      ].join('\n'),
    ])
    await say(admin, '#投诉 列表', null)
    const list = wechat.textsTo('admin1').at(-1) ?? ''
    expect(list).not.toContain('未配置')
    expect(list.match(/负责人 张三/g)).toHaveLength(2)
    await say(admin, '#回访 列表', null)
    expect(wechat.textsTo('admin1').at(-1)).toContain('负责人 张三')
    expect(wechat.textsTo('admin1').at(-1)).not.toContain('负责人 管理员')
    await clock.advanceTo(at('09:01', '2026-12-01'))
    await say(liu, '你好')
    expect(wechat.textsTo('admin1').filter(t => t.startsWith('↩️'))).toHaveLength(1)
  })

  it('marked 离职 with a successor by mistake, then working again: the successor is told the work went back', async () => {
    const { rt, wechat, clock, say } = await serviceRuntime(undefined, at('08:55'), { roster: THREE })
    await say(liu, '质量太差了，我要投诉')
    await say(zhang, '#回访 @刘总 3天', customers, { mentions: ['c1'] })
    rt.replaceRoster(new Roster([{ ...zhangEntry, status: '离职', successor: '李四' }, liEntry, adminEntry]))
    await say(liu, '在吗')
    expect(wechat.textsTo('u2').at(-1)).toContain('未处理的投诉/回访：T1、R1')
    await clock.advance(10 * 60_000)
    rt.replaceRoster(new Roster([zhangEntry, liEntry, adminEntry]))
    await say(liu, '还在吗')
    expect(wechat.textsTo('admin1').at(-1)).toContain('投诉/回访交还负责人：T1 → 张三；R1 → 张三')
    expect(wechat.textsTo('u2').at(-1)).toBe(
      '↩️ 张三 回到花名册，以下投诉/回访已交还，你不必再跟进：T1 → 张三；R1 → 张三（#投诉 列表、#回访 列表）',
    )
    await clock.advanceTo(at('10:31'))
    expect(wechat.textsTo('u1').at(-1)).toMatch(/^⏰ 投诉 T1 将在 11:00 到期/)
    expect(wechat.textsTo('u2').filter(t => t.startsWith('⏰'))).toEqual([])
  })
})

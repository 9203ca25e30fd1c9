import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { definePlugin } from '../../../../bot/core/plugin.js'
import { decideMode } from '../../../../bot/runtime/host/observe-mode.js'
import { ackPlugin } from '../../../../plugins/ack/index.js'
import { group, makeRuntime, member, text } from '../../../helpers/harness.js'
import { H, MIN, sales as rnSales, start as startRealname } from '../../../plugins/realname/setup.js'
import { cust, spammer, start as startContent } from '../../../plugins/content/setup.js'

const sales = group('r1', '销售部工作群', 'internal', '销售群')
const south = group('r2', '南宁区域群', 'internal', '南宁群')
const admin = member('admin1', '陈管理')

/** A plugin that warns on 坏 and answers #回声. */
const probe = definePlugin({
  name: 'probe',
  description: 'test plugin',
  configSchema: z.object({ word: z.string().default('坏') }).strict(),
  create: ctx => ({
    onEvent: ev =>
      ev.type === 'message' && ev.group && ev.text.includes(ctx.configFor(ev.group).word)
        ? [{ type: 'warn', groupId: ev.group.id, memberId: ev.sender.id, text: '请注意用语', rule: 'word' }]
        : [],
    commands: [
      {
        name: '回声',
        role: 'admin',
        usage: '#回声 <文字>',
        description: '复述，并在群里公告',
        run: inv => [
          inv.reply(`收到：${inv.args}`),
          { type: 'say', to: { room: sales.id }, text: `公告：${inv.args}`, rule: 'probe.announce' },
        ],
      },
    ],
  }),
})

function config(plugins: string, groupPlugins = '') {
  return `
company: 示例科技
roles: { admin: [admin1], leader: [boss] }
plugins: ${plugins}
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal${groupPlugins ? `, plugins: ${groupPlugins}` : ''} }
  - { name: 南宁群, topic: 南宁区域群, kind: internal }
`
}

describe('observe mode precedence', () => {
  it('decides by runtime switch, then group override, then plugin default, then global', () => {
    expect(decideMode({ runtime: false, group: true, plugin: true, global: true })).toEqual({
      observing: false,
      source: 'runtime',
    })
    expect(decideMode({ group: false, plugin: true, global: true })).toEqual({ observing: false, source: 'group' })
    expect(decideMode({ plugin: false, global: true })).toEqual({ observing: false, source: 'plugin' })
    expect(decideMode({ global: true })).toEqual({ observing: true, source: 'global' })
  })

  it('#观察 <plugin> 关 makes group warnings live, though the plugin default is copied into overridden groups', async () => {
    // The group overrides another setting of the plugin: its merged section carries the plugin's dryRun: true.
    const { rt, clock, wechat } = await makeRuntime(config('{ probe: { dryRun: true } }', '{ probe: { word: 坏 } }'), [
      probe,
    ])
    await rt.handle(text(member('u1', '张三'), '坏', clock.now(), sales))
    await rt.handle(text(admin, '#观察 probe 关', clock.now(), sales))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1')).toEqual([
      expect.stringMatching(/^probe 观察模式已关闭（所有群）。\nprobe：执行（#观察 开关）/),
    ])
    await rt.handle(text(member('u2', '李四'), '坏', clock.now(), sales))
    await rt.handle(text(member('u3', '王五'), '坏', clock.now(), south))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1').at(-1)).toBe('请注意用语')
    expect(wechat.textsTo('r2')).toEqual(['请注意用语'])
  })

  it('a group override beats the plugin default, and #观察 and #状态 show the mode per plugin and group', async () => {
    const { rt, clock, wechat } = await makeRuntime(
      config('{ probe: { dryRun: false } }', '{ probe: { dryRun: true } }'),
      [probe],
    )
    wechat.addGroup(sales, [member('u1')])
    wechat.addGroup(south, [member('u2')])
    await rt.handle(text(member('u1'), '坏', clock.now(), sales))
    await rt.handle(text(member('u2'), '坏', clock.now(), south))
    await rt.handle(text(admin, '#观察', clock.now()))
    await rt.handle(text(admin, '#状态', clock.now()))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1')).toEqual([])
    expect(wechat.textsTo('r2')).toEqual(['请注意用语'])
    const answers = wechat.textsTo('admin1').join('\n')
    expect(answers).toContain(
      '观察模式（开关 > 群设置 > 插件设置 > 全局设置）：\nprobe：执行（插件设置）；销售群 观察（群设置）',
    )
    expect(answers).toContain('插件：probe\n· probe：执行（插件设置）；销售群 观察（群设置）') // #状态
  })

  it('answers the admin who asked in observe mode, but a post the command makes into a group is only recorded', async () => {
    const { rt, clock, wechat } = await makeRuntime(config('{ probe: { dryRun: true } }'), [probe])
    await rt.handle(text(admin, '#回声 下午开会', clock.now()))
    await clock.advance(10_000)
    expect(wechat.textsTo('admin1')).toEqual(['收到：下午开会'])
    expect(wechat.textsTo('r1')).toEqual([])
    expect(rt.audit.query({ plugin: 'probe' }).map(e => `${e.rule} ${e.dryRun}`)).toEqual([
      'probe.announce true',
      'command.回声 false',
    ])
  })

  it('#通知 posts nothing into a group in observe mode and tells the leader privately', async () => {
    const { rt, clock, wechat } = await makeRuntime(config('{ ack: { dryRun: true } }'), [ackPlugin])
    wechat.addGroup(sales, [member('boss', '王经理'), member('u1', '张三'), member('u2', '李四')])
    await rt.handle(text(member('boss', '王经理'), '#通知 明天九点开会', clock.now(), sales))
    await clock.advance(3 * H)
    expect(wechat.textsTo('r1')).toEqual([])
    expect(wechat.textsTo('u1')).toEqual([])
    expect(wechat.textsTo('boss')).toEqual([expect.stringContaining('观察模式：通知 N1 没有发到群里')])
    expect(rt.audit.query({ plugin: 'ack' }).some(e => e.rule === 'ack.notice' && e.dryRun)).toBe(true)
  })

  it('realname: a case escalated in observe mode starts at its first step after switching to live', async () => {
    const { rt, clock, wechat, join } = await startRealname('dryRun: true')
    const sun = member('wxid_sunqi', '孙七七')
    await join(rnSales, [sun], member('wxid_zhangsan', '张三', '销售部-张三'))
    await clock.advance(5 * H) // reminder, @ and admin report, all only recorded
    expect(wechat.sent).toEqual([])
    const rehearsed = rt.audit.query({ plugin: 'realname' }).filter(e => e.dryRun)
    expect(rehearsed.map(e => e.type)).toEqual(expect.arrayContaining(['remind', 'warn', 'notifyAdmins']))
    await rt.handle(text(member('wxid_admin', '陈管理'), '#观察 realname 关', clock.now()))
    await rt.handle(text(sun, '大家好', clock.now(), rnSales))
    await clock.advance(MIN)
    expect(wechat.textsTo('wxid_sunqi')).toEqual([expect.stringContaining('不符合要求')]) // step 1: a private reminder
    expect(wechat.textsTo(rnSales.id)).toEqual([])
    expect(wechat.textsTo('wxid_admin')).toEqual([expect.stringContaining('实名群昵称（realname） 观察模式已关闭')])
    await clock.advance(2 * H + MIN) // then the real case goes on: step 2, the @ in the group
    expect(wechat.textsTo(rnSales.id)).toEqual([expect.stringContaining('请尽快把群昵称改为实名')])
  })

  it('content: offences in observe mode record strikes without counting them, so live starts at the first strike', async () => {
    const h = await startContent('dryRun: true')
    for (let i = 0; i < 3; i++) await h.post(spammer, cust, `兼 职 刷 单，日 赚 500，加 v 详聊 ${i}`, {}, 20 * MIN)
    await h.drain()
    expect(h.wechat.sent).toEqual([])
    expect(h.rt.ledger.activeStrikes('wxid_c3', h.clock.now())).toEqual([])
    await h.post(member('wxid_admin', '陈管理'), undefined, '#观察 content 关')
    await h.post(spammer, cust, '兼 职 刷 单，日 赚 500，加 v 详聊', {}, 20 * MIN)
    await h.drain()
    const [warn] = h.wechat.textsTo(cust.id)
    expect(warn).toContain('第 1 次违规')
    expect(h.rt.ledger.activeStrikes('wxid_c3', h.clock.now())).toHaveLength(1)
  })

  it('realname: a real case does not advance while the plugin observes, and goes on where it was after', async () => {
    const { rt, clock, wechat, join } = await startRealname()
    const sun = member('wxid_sunqi', '孙七七')
    await join(rnSales, [sun], member('wxid_zhangsan', '张三', '销售部-张三'))
    await clock.advance(11 * MIN) // step 1: the private reminder
    expect(wechat.textsTo('wxid_sunqi')).toHaveLength(1)
    await rt.handle(text(member('wxid_admin', '陈管理'), '#观察 realname 开', clock.now()))
    await clock.advance(6 * H) // step 2 falls due: only paused, not recorded as done
    expect(wechat.sent.filter(s => s.text?.includes('请尽快把群昵称改为实名'))).toEqual([])
    await rt.handle(text(member('wxid_admin', '陈管理'), '#观察 realname 关', clock.now()))
    await clock.advance(H + MIN)
    expect(wechat.textsTo(rnSales.id).filter(t => t.includes('请尽快把群昵称改为实名'))).toHaveLength(1) // step 2, live
  })
})

describe('#审计 as an admin reads it', () => {
  it('names what the bot would have done in observe mode, in Chinese, with the group, the person and the text', async () => {
    const zhang = member('u1', '张三')
    const { rt, clock, wechat } = await makeRuntime(config('{ probe: { dryRun: true } }'), [probe], {
      groups: [[sales, [zhang, admin]]],
    })
    await rt.handle(text(zhang, '坏', clock.now(), sales))
    await rt.handle(text(admin, '#回声 明天开会', clock.now(), sales))
    await clock.advance(10_000)
    await rt.handle(text(admin, '#审计 probe', clock.now()))
    await clock.advance(10_000)
    const listed = wechat.textsTo('admin1').at(-1)!.split('\n')
    // Newest first: the announcement the #回声 would have posted, then the warning; ids first, for #撤销.
    expect(listed[0]).toMatch(/^A\d+ \d\d-\d\d \d\d:\d\d 【观察】发言 probe 群「销售部工作群」：公告：明天开会$/)
    expect(listed.at(-1)).toMatch(/^A\d+ \d\d-\d\d \d\d:\d\d 【观察】警告 probe 群「销售部工作群」 @张三：请注意用语$/)
    expect(listed.join('\n')).not.toMatch(/probe\/word|\bwarn\b|\bsay\b/)
  })

  it('marks a rehearsed warning once as 【观察】, and a strike #撤销 undid as 【已撤销】', async () => {
    const h = await startContent('dryRun: true')
    await h.post(spammer, cust, '兼 职 刷 单，日 赚 500，加 v 详聊', {}, MIN)
    await h.post(member('wxid_admin', '陈管理'), undefined, '#观察 content 关', {}, 20 * MIN)
    await h.post(spammer, cust, '兼 职 刷 单，日 赚 500，加 v 详聊', {}, MIN)
    await h.post(member('wxid_admin', '陈管理'), undefined, '#撤销 wxid_c3', {}, MIN)
    await h.post(member('wxid_admin', '陈管理'), undefined, '#审计 content', {}, MIN)
    await h.drain()
    const listed = h.wechat.textsTo('wxid_admin').at(-1)!.split('\n')
    const rehearsed = listed.find(l => l.includes('【观察】警告'))
    expect(rehearsed).toMatch(
      /^A\d+ \d\d-\d\d \d\d:\d\d 【观察】警告 违规内容（content） 群「示例科技张三交流群」 @优惠多多（V1 无关商业广告[^）a-z]*）：您的消息违反群规/,
    )
    expect(rehearsed).not.toMatch(/：【观察】/)
    expect(listed.filter(l => l.includes('【已撤销】'))).toEqual([
      expect.stringMatching(
        /^A\d+ \d\d-\d\d \d\d:\d\d 【已撤销】记违规 违规内容（content） 群「示例科技张三交流群」 @优惠多多（V2 /,
      ),
    ])
  })
})

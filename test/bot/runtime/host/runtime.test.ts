import { describe, expect, it } from 'vitest'
import { definePlugin } from '../../../../bot/core/plugin.js'
import { z } from 'zod'
import { group, makeRuntime, member, text } from '../../../helpers/harness.js'

const CONFIG = `
company: 示例科技
roles: { admin: [admin1], leader: [boss] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
`
const sales = group('r1', '销售部工作群', 'internal', '销售群')

/** A plugin that warns on the word 坏 and crashes on the word 炸. */
const probe = definePlugin({
  name: 'probe',
  description: 'test plugin',
  configSchema: z.object({ word: z.string().default('坏') }).strict(),
  create: ctx => ({
    onEvent: ev => {
      if (ev.type !== 'message' || !ev.group) return []
      if (ev.text.includes('炸')) throw new Error('boom')
      const cfg = ctx.configFor(ev.group)
      return ev.text.includes(cfg.word)
        ? [{ type: 'warn', groupId: ev.group.id, memberId: ev.sender.id, text: '请注意用语', rule: 'word' }]
        : []
    },
    commands: [
      {
        name: '回声',
        aliases: ['echo'],
        role: 'leader',
        usage: '#回声 <文字>',
        description: '复述',
        run: inv => [inv.reply(inv.args || '（空）')],
      },
    ],
  }),
})

describe('BotRuntime', () => {
  it('turns a plugin decision into one outbox send after the audit entry', async () => {
    const { rt, clock, wechat } = await makeRuntime(CONFIG, [probe])
    await rt.handle(text(member('u1', '张三'), '这个不坏吧', clock.now(), sales))
    await clock.advance(1)
    expect(wechat.sent).toEqual([
      expect.objectContaining({ chat: { room: 'r1' }, text: '请注意用语', mentions: ['u1'] }),
    ])
    expect(rt.audit.query({ plugin: 'probe' })[0]).toMatchObject({ type: 'warn', memberId: 'u1', dryRun: false })
  })

  it('records but does not send in dry-run, and says so in the audit log', async () => {
    const { rt, clock, wechat } = await makeRuntime(
      CONFIG.replace('company', 'plugins: { probe: { dryRun: true } }\ncompany'),
      [probe],
    )
    await rt.handle(text(member('u1'), '坏', clock.now(), sales))
    await clock.advance(10_000)
    expect(wechat.sent).toHaveLength(0)
    expect(rt.audit.query()[0]).toMatchObject({ type: 'warn', dryRun: true })
  })

  it('keeps other plugins running when one throws, and lists the error in #状态', async () => {
    const other = definePlugin({
      ...probe,
      name: 'other',
      create: () => ({
        onEvent: ev => (ev.type === 'message' && ev.group ? [{ type: 'record', text: 'seen', rule: 'seen' }] : []),
      }),
    })
    const { rt, clock, wechat } = await makeRuntime(CONFIG, [probe, other])
    await rt.handle(text(member('u1'), '炸', clock.now(), sales))
    expect(rt.audit.query({ plugin: 'other' })).toHaveLength(1)
    await rt.handle(text(member('admin1'), '#状态', clock.now(), sales))
    await clock.advance(5000)
    expect(wechat.textsTo('admin1').join('\n')).toMatch(/最近错误（详情见日志）：[\s\S]*probe\.message: boom/)
  })

  it('drops duplicate message ids and messages older than the configured age', async () => {
    const { rt, clock } = await makeRuntime(CONFIG, [probe])
    const ev = text(member('u1'), '坏', clock.now(), sales)
    await rt.handle(ev)
    await rt.handle({ ...ev })
    await rt.handle(text(member('u2'), '坏', clock.now() - 10 * 60_000, sales))
    expect(rt.audit.query({ plugin: 'probe' })).toHaveLength(1)
  })

  it('authorises commands by contact id: a copied nickname is refused and audited', async () => {
    const { rt, clock, wechat } = await makeRuntime(CONFIG, [probe])
    const impostor = member('u9', '老板', '销售部-老板')
    await rt.handle(text(impostor, '#回声 你好', clock.now(), sales))
    await rt.handle(text(member('boss', '老板'), '#echo 你好', clock.now(), sales))
    await clock.advance(10_000)
    expect(wechat.textsTo('r1')).toEqual([expect.stringContaining('没有权限'), '你好'])
    expect(rt.audit.query()).toContainEqual(expect.objectContaining({ type: 'refused', memberId: 'u9' }))
  })

  it('answers unknown commands with a usage hint and #帮助 lists only what the asker may use', async () => {
    const { rt, clock, wechat } = await makeRuntime(CONFIG, [probe])
    await rt.handle(text(member('u1'), '#不存在', clock.now(), sales))
    await rt.handle(text(member('u1'), '#帮助', clock.now(), sales))
    await clock.advance(10_000)
    const [unknown, help] = wechat.textsTo('r1')
    expect(unknown).toContain('未知命令')
    expect(help).toContain('#帮助')
    expect(help).not.toContain('#回声')
    expect(help).not.toContain('#状态')
  })

  it('undoes a strike by audit id and tells the member', async () => {
    const striker = definePlugin({
      ...probe,
      name: 'striker',
      create: () => ({
        onEvent: ev =>
          ev.type === 'message' && ev.group
            ? [{ type: 'strike', memberId: ev.sender.id, category: 'x', ttlMs: 86_400_000, rule: 'strike' }]
            : [],
      }),
    })
    const { rt, clock, wechat } = await makeRuntime(CONFIG, [striker])
    await rt.handle(text(member('u1'), 'hi', clock.now(), sales))
    expect(rt.ledger.activeStrikes('u1', clock.now())).toHaveLength(1)
    const id = rt.audit.query({ plugin: 'striker' })[0].id
    await rt.handle(text(member('admin1'), `#撤销 ${id}`, clock.now(), sales))
    await clock.advance(10_000)
    expect(rt.ledger.activeStrikes('u1', clock.now())).toHaveLength(0)
    expect(wechat.textsTo('u1')[0]).toContain('已撤销')
  })

  it('undoes the latest penalty of an @-mentioned member without an audit id', async () => {
    const striker = definePlugin({
      ...probe,
      name: 'striker',
      create: () => ({
        onEvent: ev =>
          ev.type === 'message' && ev.group && ev.text === '坏'
            ? [{ type: 'strike', memberId: ev.sender.id, category: 'x', ttlMs: 86_400_000, rule: 'strike' }]
            : [],
      }),
    })
    const { rt, clock, wechat } = await makeRuntime(CONFIG, [striker])
    await rt.handle(text(member('u1'), '坏', clock.now(), sales))
    await rt.handle(text(member('u1'), '坏', clock.now(), sales))
    await rt.handle(text(member('admin1'), '#撤销 @u1', clock.now(), sales, { mentions: ['u1'] }))
    expect(rt.ledger.activeStrikes('u1', clock.now())).toHaveLength(1)
    await rt.handle(text(member('admin1'), '#撤销 @u1', clock.now(), sales, { mentions: ['u1'] }))
    await rt.handle(text(member('admin1'), '#撤销 @u1', clock.now(), sales, { mentions: ['u1'] }))
    await clock.advance(60_000)
    expect(rt.ledger.activeStrikes('u1', clock.now())).toHaveLength(0)
    expect(wechat.textsTo('r1').join('\n')).toContain('此成员最近 30 天没有可撤销的处罚')
  })

  it('fires a scheduled timer once, at its time, into the plugin', async () => {
    const fired: number[] = []
    const timed = definePlugin({
      ...probe,
      name: 'timed',
      create: ctx => ({
        onEvent: ev =>
          ev.type === 'message' ? [{ type: 'schedule', key: 'k', at: ctx.clock.now() + 60_000, rule: 'later' }] : [],
        onTimer: () => {
          fired.push(ctx.clock.now())
          return []
        },
      }),
    })
    const { rt, clock } = await makeRuntime(CONFIG, [timed])
    const t0 = clock.now()
    await rt.handle(text(member('u1'), 'x', t0, sales))
    await clock.advance(59_000)
    expect(fired).toEqual([])
    await clock.advance(5 * 60_000)
    expect(fired).toEqual([t0 + 60_000])
  })

  it('honours per-group overrides: a plugin switched off or to dry-run in one group only', async () => {
    const yaml = `company: 示例科技
roles: { admin: [admin1] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
  - { name: 北京群, topic: 北京工作群, kind: internal, plugins: { probe: { word: 差 } } }
  - { name: 静音群, topic: 静音群, kind: internal, plugins: { probe: { enabled: false } } }
  - { name: 观察群, topic: 观察群, kind: internal, plugins: { probe: { dryRun: true } } }
`
    const { rt, clock, wechat } = await makeRuntime(yaml, [probe])
    const names: Record<string, string> = {
      销售部工作群: '销售群',
      北京工作群: '北京群',
      静音群: '静音群',
      观察群: '观察群',
    }
    for (const [id, topic] of [
      ['r1', '销售部工作群'],
      ['r2', '北京工作群'],
      ['r3', '静音群'],
      ['r4', '观察群'],
    ]) {
      const g = group(id, topic, 'internal', names[topic])
      wechat.addGroup(g, [])
      await rt.handle(text(member('u1'), id === 'r2' ? '差' : '坏', clock.now(), g))
    }
    await clock.advance(60_000)
    expect(wechat.sent.map(s => 'room' in s.chat && s.chat.room).sort()).toEqual(['r1', 'r2'])
    expect(
      rt.audit
        .query({ plugin: 'probe' })
        .map(e => `${e.groupId}:${e.dryRun}`)
        .sort(),
    ).toEqual(['r1:false', 'r2:false', 'r4:true'])
  })
})

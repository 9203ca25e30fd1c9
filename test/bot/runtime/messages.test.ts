import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { Action } from '../../../bot/core/actions.js'
import { definePlugin } from '../../../bot/core/plugin.js'
import { firstLine } from '../../../bot/runtime/delivery/executor.js'
import { mergeTexts } from '../../../bot/runtime/delivery/merge-texts.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'

const CONFIG = `
company: 示例科技
roles: { admin: [admin1] }
groups:
  - { name: 客户群, topic: 示例科技刘总交流群, kind: customer }
`
const cust = group('c1', '示例科技刘总交流群', 'customer', '客户群')

/** A plugin whose rule is given by the word said: 警告 warns, 罚 fines, 踢 removes the sender. */
const probe = definePlugin({
  name: 'probe',
  description: 'test plugin',
  configSchema: z.object({}).strict(),
  create: () => ({
    onEvent: (ev): Action[] => {
      if (ev.type !== 'message' || !ev.group) return []
      const meta = { groupId: ev.group.id, memberId: ev.sender.id }
      if (ev.text === '警告')
        return [{ type: 'warn', text: '你的消息涉及违规内容，第 1 次违规。', rule: 'warn', ...meta }]
      if (ev.text === '罚') return [{ type: 'fine', violation: '未按时回复', rule: 'fine', ...meta }]
      if (ev.text === '踢') return [{ type: 'remove', rule: 'remove', ...meta }]
      if (ev.text === '炸')
        throw new Error("ENOENT: no such file or directory, open '/srv/bot/data/x.json'\n    at open (node:fs:1)")
      return []
    },
  }),
})

async function start() {
  const h = await makeRuntime(CONFIG, [probe])
  h.wechat.addGroup(cust, [member('u1', '刘总'), member('u2', '王总', '王总-采购'), member('admin1', '陈管理')])
  return h
}

describe('messages people read', () => {
  it("merged warnings to two customers keep each person's line with their name", async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(member('admin1', '陈管理'), '警告', clock.now(), cust)) // sent at once; the next wait the gap
    await rt.handle(text(member('u1', '刘总'), '警告', clock.now(), cust))
    await rt.handle(text(member('u2', '王总', '王总-采购'), '警告', clock.now(), cust))
    await clock.advance(10_000)
    expect(wechat.sent).toEqual([
      // Staff are warned privately, never in front of customers.
      expect.objectContaining({
        chat: { contact: 'admin1' },
        text: '关于客户群「示例科技刘总交流群」（只发给你，客户看不到）：\n你的消息涉及违规内容，第 1 次违规。',
      }),
      expect.objectContaining({
        chat: { room: 'c1' },
        mentions: ['u1', 'u2'],
        text: '刘总：你的消息涉及违规内容，第 1 次违规。\n\n王总-采购：你的消息涉及违规内容，第 1 次违规。',
      }),
    ])
  })

  it('texts for the same people merge without names', () => {
    const a = { chat: { room: 'c1' }, text: '第一条', mentions: ['u1'], label: '刘总' }
    const b = { chat: { room: 'c1' }, text: '第二条', mentions: ['u1'], label: '刘总' }
    expect(mergeTexts(a, [a, b], 1500).message.text).toBe('第一条\n\n第二条')
  })

  it('a failed removal tells the admins who and which group in one line with an audit id, never the error, its stack or paths', async () => {
    const { rt, clock, wechat } = await start()
    wechat.remove = async () => {
      throw new Error(
        '2 UNKNOWN: room del member failed\n    at callErrorFromStatus (/srv/bot/node_modules/@grpc/grpc-js/build/src/call.js:31:19)',
      )
    }
    await rt.handle(text(member('u1', '刘总'), '踢', clock.now(), cust))
    await clock.advance(10_000)
    const [note] = wechat.textsTo('admin1')
    expect(note).toBe(
      '⚠️ 移除成员失败（A1）：没能把 刘总 移出群「示例科技刘总交流群」，机器人可能不是该群的群主或群管理员。请群主或群管理员手动移出（原因记在审计 A2）。',
    )
    expect(rt.audit.get('A2')?.reason).toBe('2 UNKNOWN: room del member failed')
    expect(firstLine(new TypeError('cannot read /srv/bot/data/x.json:3'))).toBe('cannot read …')
  })

  it('undoing a fine tells the member a fine was cancelled, not a violation record', async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(member('u1', '刘总'), '罚', clock.now(), cust))
    const fineId = rt.audit.query({ plugin: 'probe' })[0].id
    await rt.handle(text(member('admin1', '陈管理'), `#撤销 ${fineId}`, clock.now()))
    await clock.advance(10_000)
    expect(wechat.textsTo('admin1')).toEqual([`已撤销 ${fineId}：罚款 1 笔。`])
    // A customer is not the bot's friend: told in the group, without the audit id.
    expect(wechat.textsTo('u1')).toEqual([])
    expect(wechat.textsTo('c1')).toEqual([
      expect.stringMatching(/^管理员已撤销对您 \d\d-\d\d \d\d:\d\d 的一笔罚款，抱歉打扰。$/),
    ])
  })

  it('#撤销 in private takes a member name or WeChat id', async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(member('u2', '王总', '王总-采购'), '罚', clock.now(), cust))
    await rt.handle(text(member('admin1', '陈管理'), '#撤销 王总-采购', clock.now()))
    await rt.handle(text(member('u1', '刘总'), '罚', clock.now(), cust))
    await rt.handle(text(member('admin1', '陈管理'), '#撤销 u1', clock.now()))
    await clock.advance(10_000)
    expect(wechat.textsTo('admin1').join('\n')).toMatch(/^已撤销 A\d+：罚款 1 笔。\n已撤销 A\d+：罚款 1 笔。$/)
    expect(rt.ledger.openFines()).toEqual([])
  })

  it('#状态 shows recent errors as one line without paths or stacks', async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(member('u1', '刘总'), '炸', clock.now(), cust))
    await rt.handle(text(member('admin1', '陈管理'), '#状态', clock.now()))
    await clock.advance(10_000)
    const status = wechat.textsTo('admin1').join('\n')
    expect(status).toMatch(/最近错误（详情见日志）：\n.*probe\.message: ENOENT: no such file or directory, open '…'$/)
    expect(status).not.toContain('/srv')
    expect(status).not.toContain('node:fs')
  })
})

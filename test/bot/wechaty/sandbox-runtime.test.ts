import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { definePlugin } from '../../../bot/core/plugin.js'
import type { BotEvent } from '../../../bot/core/event.js'
import { demoConfig, startSandboxApp } from '../../helpers/sandbox-app.js'

const SALES = 'r-sales@chatroom'
const seen: BotEvent[] = []
/** Records every event; removes whoever says 踢我. */
const probe = definePlugin({
  name: 'probe',
  description: 'records events',
  configSchema: z.object({}).strict(),
  create: () => ({
    onEvent: ev => {
      seen.push(ev)
      return ev.type === 'message' && ev.group && ev.text === '踢我'
        ? [{ type: 'remove', groupId: ev.group.id, memberId: ev.sender.id, rule: 'kick' }]
        : []
    },
  }),
})

let stop: (() => Promise<void>) | undefined
afterEach(async () => {
  seen.length = 0
  await stop?.()
  stop = undefined
})

describe('the runtime on Wechaty with the sandbox puppet', () => {
  it('answers a command in the group with an @-mention of the asker', async () => {
    const s = await startSandboxApp(demoConfig(), [probe])
    stop = s.stop
    s.world.say('wxid_zhangsan', { room: SALES }, '#帮助')
    await s.advance(10_000)
    const reply = s.world.sent.find(r => r.roomId === SALES)
    expect(reply?.text).toContain('可用命令')
    expect(reply?.mentionIds).toEqual(['wxid_zhangsan'])
  })

  it('knows its own WeChat name once logged in (the fleet names this account so to the admins)', async () => {
    const s = await startSandboxApp(demoConfig(), [probe])
    stop = s.stop
    expect(s.app.ports.selfName()).toBe('小助手')
  })

  it('normalises group nickname, mentions, quotes and roles into the event', async () => {
    const s = await startSandboxApp(demoConfig(), [probe])
    stop = s.stop
    const first = s.world.say('wxid_boss', { room: SALES }, '【通知】下午开会')
    s.world.say('wxid_zhangsan', { room: SALES }, '收到 @销售部-李四', {
      mentions: ['wxid_lisi'],
      quote: { messageId: first },
    })
    await s.settle()
    const msgs = seen.filter(e => e.type === 'message')
    expect(msgs[0]).toMatchObject({
      sender: { id: 'wxid_boss', groupAlias: '销售部-王强', roles: ['leader', 'staff'] },
      group: { kind: 'internal', configName: '销售部工作群' },
    })
    expect(msgs[1]).toMatchObject({
      text: '收到 @销售部-李四',
      mentions: ['wxid_lisi'],
      quote: { senderName: '销售部-王强', text: '【通知】下午开会' },
    })
  })

  it('handles a message id delivered twice once, and ignores messages older than maxMessageAge', async () => {
    const s = await startSandboxApp(demoConfig(), [probe])
    stop = s.stop
    s.world.say('wxid_zhangsan', { room: SALES }, '你好', { id: 'dup-1' })
    s.world.say('wxid_zhangsan', { room: SALES }, '你好', { id: 'dup-1' })
    s.world.say('wxid_lisi', { room: SALES }, '昨天的消息', { timestamp: s.clock.now() - 3_600_000 })
    await s.settle()
    expect(seen.filter(e => e.type === 'message').map(e => e.type === 'message' && e.text)).toEqual(['你好'])
  })

  it('ignores everything, commands included, in groups that are not managed', async () => {
    const s = await startSandboxApp(demoConfig(), [probe])
    stop = s.stop
    s.world.say('wxid_admin', { room: 'r-news@chatroom' }, '#状态')
    await s.advance(10_000)
    expect(seen).toEqual([])
    expect(s.world.sent).toEqual([])
  })

  it('tells joins, voluntary leaves and removals apart', async () => {
    const s = await startSandboxApp(demoConfig(), [probe])
    stop = s.stop
    s.world.join(SALES, ['wxid_zhaoliu'], 'wxid_zhangsan')
    s.world.leave(SALES, 'wxid_wangwu')
    s.world.kick(SALES, 'wxid_lisi', 'wxid_bot')
    await s.settle()
    const kinds = seen.map(e =>
      e.type === 'join'
        ? `join ${e.members[0].id} by ${e.inviter?.id}`
        : e.type === 'leave'
          ? `leave ${e.members[0].id} by ${e.remover?.id ?? 'self'}`
          : e.type,
    )
    expect(kinds).toEqual([
      'join wxid_zhaoliu by wxid_zhangsan',
      'leave wxid_wangwu by self',
      'leave wxid_lisi by wxid_bot',
    ])
  })

  it('reports a removal the bot has no right to make to the admins instead of failing silently', async () => {
    const s = await startSandboxApp(demoConfig(), [probe])
    stop = s.stop
    s.world.say('wxid_c3', { room: 'r-cust-zhangsan@chatroom' }, '踢我')
    await s.advance(10_000)
    expect(s.world.room('r-cust-zhangsan@chatroom').memberIdList).toContain('wxid_c3')
    expect(s.world.sent.find(r => r.toContactId === 'wxid_admin')?.text).toContain('移除成员失败')
  })
})

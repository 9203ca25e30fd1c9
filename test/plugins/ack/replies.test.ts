import { describe, expect, it } from 'vitest'
import { compileRules } from '../../../plugins/ack/match/rules.js'
import { ackConfigSchema } from '../../../plugins/ack/config.js'
import type { Notice } from '../../../plugins/ack/state.js'
import { onGroupReply, onPrivateReply, onRecall } from '../../../plugins/ack/decide-reply.js'
import { text } from '../../helpers/harness.js'
import { at, boss, li, sales, wang, zhang } from './helpers.js'

const rules = compileRules(ackConfigSchema.parse({}))
const TZ = 'Asia/Shanghai'

function notice(over: Partial<Notice> = {}): Notice {
  return {
    id: 'N1',
    groupId: 'r1',
    groupTopic: '销售部工作群',
    messageId: '7281930045',
    text: '【通知】周五前提交季度总结',
    authorId: 'boss',
    authorName: '王强',
    at: at('09:00'),
    deadline: at('09:30'),
    required: { u1: '张三', u2: '李四', u3: '王五' },
    answers: {},
    excuses: {},
    state: 'open',
    ...over,
  }
}

describe('onGroupReply', () => {
  it('records an acknowledgement, ignores chatter and the author', () => {
    const n = notice()
    expect(onGroupReply(text(zhang, '收到', at('09:05'), sales), [n], rules, TZ).changed).toBe(true)
    expect(onGroupReply(text(li, '今天中午吃什么', at('09:05'), sales), [n], rules, TZ).changed).toBe(false)
    expect(onGroupReply(text(boss, '收到', at('09:05'), sales), [n], rules, TZ).changed).toBe(false)
    expect(Object.keys(n.answers)).toEqual(['u1'])
  })

  it('registers an excuse on the quoted notice and tells the member it awaits approval', () => {
    const n = notice()
    const out = onGroupReply(
      text(wang, '说明：周五在南宁出差，周一补交', at('09:05'), sales, {
        quote: { text: '【通知】周五前提交季度总结' },
      }),
      [n],
      rules,
      TZ,
    )
    expect(n.excuses.u3).toMatchObject({ text: '周五在南宁出差，周一补交' })
    expect(n.answers.u3).toBeUndefined()
    expect(out.actions).toEqual([
      expect.objectContaining({ type: 'say', mentions: ['u3'], text: expect.stringContaining('待管理员确认') }),
    ])
  })
})

describe('onPrivateReply', () => {
  it('needs the notice id, and the sender must be on its list', () => {
    const n = notice()
    expect(onPrivateReply(text(zhang, '收到', at('09:05')), [n], rules).changed).toBe(false)
    expect(onPrivateReply(text(boss, 'N1 收到', at('09:05')), [n], rules).changed).toBe(false)
    expect(onPrivateReply(text(wang, '说明 N1：在医院', at('09:05')), [n], rules).changed).toBe(true)
    expect(n.excuses.u3.text).toBe('在医院')
  })
})

describe('onRecall', () => {
  it("finds the recalled notice by the bare id or inside the puppet's revoke XML", () => {
    const bare = notice()
    expect(onRecall(text(boss, '7281930045', at('09:01'), sales, { kind: 'recalled' }), [bare]).changed).toBe(true)
    expect(bare.state).toBe('recalled')
    const xml = notice()
    const revoke =
      '<sysmsg type="revokemsg"><revokemsg><msgid>1</msgid><newmsgid>7281930045</newmsgid><replacemsg><![CDATA["王经理" 撤回了一条消息]]></replacemsg></revokemsg></sysmsg>'
    const out = onRecall(text(boss, revoke, at('09:01'), sales, { kind: 'recalled' }), [xml])
    expect(xml.state).toBe('recalled')
    expect(out.actions.map(a => a.type)).toEqual(['cancel', 'cancel', 'say'])
  })

  it('ignores recalls of other messages', () => {
    const n = notice()
    expect(onRecall(text(boss, '72819300', at('09:01'), sales, { kind: 'recalled' }), [n]).changed).toBe(false)
    expect(n.state).toBe('open')
  })
})

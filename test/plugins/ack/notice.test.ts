import { describe, expect, it } from 'vitest'
import { noticeForAck, noticeForQuote } from '../../../plugins/ack/decide-reply.js'
import { answerTiming, recordAnswer, silentMembers, type Notice } from '../../../plugins/ack/state.js'

const TZ = 'Asia/Shanghai'
const at = (local: string) => Date.parse(`${local}:00+08:00`)

function notice(id: string, over: Partial<Notice> = {}): Notice {
  return {
    id,
    groupId: 'g1',
    groupTopic: '销售部工作群',
    messageId: `msg-${id}`,
    text: '【通知】今天下午3点在三楼会议室开月度复盘会，请各位准备好本月客户跟进表',
    authorId: 'boss',
    authorName: '王强',
    at: at('2026-11-30T09:00'),
    deadline: at('2026-11-30T09:30'),
    required: { u1: '张三', u2: '李四', u3: '王五' },
    answers: {},
    excuses: {},
    state: 'open',
    ...over,
  }
}

describe('recordAnswer', () => {
  it('counts a member once, at the first answer', () => {
    const n = notice('N1')
    expect(recordAnswer(n, 'u1', at('2026-11-30T09:02'), 'ack')).toBe(true)
    expect(recordAnswer(n, 'u1', at('2026-11-30T09:05'), 'quote')).toBe(false)
    expect(n.answers.u1).toEqual({ at: at('2026-11-30T09:02'), via: 'ack' })
    expect(silentMembers(n)).toEqual(['u2', 'u3'])
  })

  it('ignores answers before the notice, from people who need not answer, and to untracked notices', () => {
    expect(recordAnswer(notice('N1'), 'u1', at('2026-11-30T08:59'), 'ack')).toBe(false)
    expect(recordAnswer(notice('N1'), 'boss', at('2026-11-30T09:01'), 'ack')).toBe(false)
    expect(recordAnswer(notice('N1', { state: 'recalled' }), 'u1', at('2026-11-30T09:01'), 'ack')).toBe(false)
    expect(recordAnswer(notice('N1', { state: 'closed' }), 'u1', at('2026-11-30T09:01'), 'ack')).toBe(false)
  })

  it('still records a late answer after the deadline report', () => {
    const n = notice('N1', { state: 'reported' })
    expect(recordAnswer(n, 'u3', at('2026-11-30T10:10'), 'ack')).toBe(true)
    expect(answerTiming(n, n.answers.u3)).toBe('late')
  })

  it('an accepted excuse takes the member off the silent list', () => {
    const n = notice('N1', {
      excuses: { u3: { at: 0, text: '出差', acceptedBy: 'admin' }, u2: { at: 0, text: '在路上' } },
    })
    expect(silentMembers(n)).toEqual(['u1', 'u2'])
  })
})

describe('answerTiming', () => {
  it('tells prompt, after-the-reminder and late answers apart', () => {
    const n = notice('N1', { remindedAt: at('2026-11-30T09:20') })
    expect(answerTiming(n, { at: at('2026-11-30T09:20'), via: 'ack' })).toBe('prompt')
    expect(answerTiming(n, { at: at('2026-11-30T09:24'), via: 'ack' })).toBe('reminded')
    expect(answerTiming(n, { at: at('2026-11-30T09:31'), via: 'ack' })).toBe('late')
  })
})

describe('noticeForQuote', () => {
  const older = notice('N1', { text: '【通知】周五前提交季度总结', messageId: 'a' })
  const newer = notice('N2', { at: at('2026-11-30T09:10'), messageId: 'b' })
  const all = [older, newer]

  it('binds by the quoted message id when the puppet gives one', () => {
    expect(noticeForQuote(all, { id: 'a', text: 'whatever' })).toBe(older)
  })

  it('binds by the quoted text, truncated and re-punctuated as WeChat shows it', () => {
    expect(noticeForQuote(all, { text: '【通知】今天下午3点在三楼会议室开月度复盘会，请各位准备...' })).toBe(newer)
    expect(noticeForQuote(all, { text: '通知 周五前提交季度总结' })).toBe(older)
  })

  it("binds a quote of the bot's confirmation by the notice id it names", () => {
    expect(noticeForQuote(all, { text: '📌 已登记通知 N1（王强发布）：请 3 位同事在 09:30 前回复「收到」' })).toBe(
      older,
    )
  })

  it('does not bind short or unrelated quotes, nor recalled notices', () => {
    expect(noticeForQuote(all, { text: '收到' })).toBeUndefined()
    expect(noticeForQuote(all, { text: '中午吃什么' })).toBeUndefined()
    expect(
      noticeForQuote([{ ...older, state: 'recalled' }], { id: 'a', text: '【通知】周五前提交季度总结' }),
    ).toBeUndefined()
  })
})

describe('noticeForAck', () => {
  it('binds to the latest open notice the member must answer', () => {
    const a = notice('N1')
    const b = notice('N2', { at: at('2026-11-30T09:10') })
    const c = notice('N3', { at: at('2026-11-30T09:15'), required: { u9: '小赵' } })
    expect(noticeForAck([a, b, c], 'g1', 'u1', at('2026-11-30T09:20'), TZ)).toBe(b)
    expect(noticeForAck([a, b, c], 'g2', 'u1', at('2026-11-30T09:20'), TZ)).toBeUndefined()
  })

  it("falls back to today's reported notice still unanswered, never to an older day", () => {
    const today = notice('N1', { state: 'reported' })
    const yesterday = notice('N0', { state: 'reported', at: at('2026-11-27T09:00') })
    expect(noticeForAck([yesterday, today], 'g1', 'u3', at('2026-11-30T10:00'), TZ)).toBe(today)
    expect(noticeForAck([yesterday], 'g1', 'u3', at('2026-11-30T10:00'), TZ)).toBeUndefined()
    today.answers.u3 = { at: at('2026-11-30T09:40'), via: 'ack' }
    expect(noticeForAck([today], 'g1', 'u3', at('2026-11-30T10:00'), TZ)).toBeUndefined()
  })

  it('ignores notices posted after the message', () => {
    expect(noticeForAck([notice('N1')], 'g1', 'u1', at('2026-11-30T08:55'), TZ)).toBeUndefined()
  })
})

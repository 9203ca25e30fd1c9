import { describe, expect, it } from 'vitest'
import type { Action } from '../../../bot/core/actions.js'
import { contentConfigSchema } from '../../../plugins/content/config.js'
import { decideIncident, type IncidentInput } from '../../../plugins/content/decide.js'
import { planStrike } from '../../../plugins/content/decide-escalation.js'
import { excerpt } from '../../../plugins/content/assess/excerpt.js'
import { dictionaryFindings, scanMessage } from '../../../plugins/content/assess/findings.js'
import { newIncident } from '../../../plugins/content/incidents/incident.js'
import { compileMatcher, loadDictionaryFiles } from '../../../plugins/content/matcher/index.js'
import { MONDAY_9AM, text } from '../../helpers/harness.js'
import { cust, DICTIONARY, sales, spammer, wangwu } from './setup.js'

const cfg = contentConfigSchema.parse({ dictionaries: [DICTIONARY] })
const matcher = compileMatcher(loadDictionaryFiles([DICTIONARY]).dictionary)

function decide(body: string, g = cust, activeStrikes = 0, from = spammer, c = cfg): Action[] {
  const ev = { ...text(from, body, MONDAY_9AM, g, { id: 'msg-42' }), group: g }
  ev.sender.isStaff = from === wangwu
  const findings = dictionaryFindings(scanMessage(ev, matcher), matcher.dictionary)
  const incident = newIncident(
    { next: 7, incidents: [] },
    {
      memberId: from.id,
      memberName: from.name,
      groupId: g.id,
      groupTopic: g.topic,
      groupKind: g.kind,
      categories: findings.map(f => f.category),
      labels: findings.map(f => f.label),
      severity: findings[0].severity,
      startedAt: ev.at,
      messageId: ev.id,
      steps: [],
      dryRun: false,
    },
  )
  const input: IncidentInput = {
    cfg: c,
    ev,
    findings,
    memberName: from.name,
    activeStrikes,
    timezone: 'Asia/Shanghai',
    prefix: '#',
  }
  return decideIncident(incident, input)
}
const textOf = (actions: Action[], type: Action['type']) =>
  actions.flatMap(a => (a.type === type && 'text' in a ? [a.text] : []))

describe('deciding an incident', () => {
  const evasive = '兼 职 刷 单，日 赚 500，加 v 详聊'

  it('warns a customer politely (您), saying the admins are told now, quoting the rules, never the offending words or the category names', () => {
    const [warn] = textOf(decide(evasive), 'warn')
    expect(warn).toBe(
      '您的消息违反群规：禁止发布与工作无关的商业广告；禁止私下引流、索要或发布联系方式。这是您30天内第 1 次违规，已报告管理员，累计 3 次将被移出本群。',
    )
    for (const word of ['兼职', '刷单', '日赚', '加v', '加 v', '兼 职']) expect(warn).not.toContain(word)
  })

  it('reports to the admins with the quoted original text, offsets, terms, message id, group and member', () => {
    const [report] = textOf(decide(evasive), 'notifyAdmins')
    expect(report).toContain('违规内容 V7：无关商业广告（中）、私加联系方式（中）')
    expect(report).toContain('群：示例科技张三交流群（客户群）')
    expect(report).toContain('成员：优惠多多（wxid_c3）')
    expect(report).toContain('消息：msg-42')
    expect(report).toContain('无关商业广告：「兼 职 刷 单」位置 0–7 → 词条「兼职刷单」')
    expect(report).toContain('私加联系方式：「加 v」位置 16–19 → 词条「加v」')
    expect(report).toContain('处理：群内警告、报告管理员、记违规（30天内第 1/3 次）')
  })

  it('follows the matrix: a medium offence in an internal group is warned and struck without a report, a low one only recorded', () => {
    expect(decide('加我微信聊', sales, 0, wangwu).map(a => a.type)).toEqual(['warn', 'strike'])
    // Staff are addressed as 你; nothing is reported yet, so the warning says when it will be.
    expect(textOf(decide('加我微信聊', sales, 0, wangwu), 'warn')[0]).toBe(
      '你的消息违反群规：禁止私下引流、索要或发布联系方式。这是你30天内第 1 次违规，累计 3 次将报告管理员处理。',
    )
    expect(decide('下班斗地主吗', sales, 0, wangwu).map(a => [a.type, a.rule])).toEqual([['record', 'content.record']])
  })

  it('strikes under content.<category> with the configured expiry, carrying the message as evidence', () => {
    const strike = decide('你个傻逼').find(a => a.type === 'strike')
    expect(strike).toMatchObject({
      memberId: 'wxid_c3',
      category: 'content.insult',
      ttlMs: 30 * 86_400_000,
      evidence: { messageId: 'msg-42' },
    })
  })

  it('escalates at the strike limit: removal plus a report for a customer, a request to the admins for staff', () => {
    const customer = decide('日赚 500', cust, 2)
    expect(customer.map(a => a.type)).toEqual(['warn', 'strike', 'notifyAdmins', 'remove'])
    expect(textOf(customer, 'warn')[0]).toContain('30天内已累计 3 次违规，将被移出本群。')
    expect(textOf(customer, 'notifyAdmins')[0]).toContain('已尝试将其移出本群')
    const internal = decide('加我微信聊', sales, 2, wangwu)
    expect(internal.map(a => a.type)).toEqual(['warn', 'strike', 'notifyAdmins'])
    expect(textOf(internal, 'notifyAdmins')[0]).toContain('本群不自动移出，请管理员处理')
  })

  it("plans strikes from the member's active count and the removal scope", () => {
    expect(planStrike(0, cfg, 'customer', false)).toEqual({ count: 1, limit: 3, removable: true })
    expect(planStrike(5, cfg, 'customer', true)).toEqual({ count: 6, limit: 3, removable: false, escalate: 'ask' })
    expect(planStrike(2, cfg, 'broadcast', false).escalate).toBe('remove')
  })
})

describe('excerpts for admins', () => {
  it('shows invisible characters and line breaks, repairs lone surrogates and cuts long text', () => {
    expect(excerpt('内\u200b部\n价')).toBe('内·部 价')
    expect(excerpt('a\ud800b')).toBe('a\ufffdb')
    expect(excerpt('兼'.repeat(100_000), 5)).toBe('兼兼兼兼兼…')
    expect(excerpt('😀😀😀', 2)).toBe('😀😀…')
  })
})

import { describe, expect, it } from 'vitest'
import { countBy, digestMarkdown, digestText, recurringProblemTerms } from '../../../plugins/cases/digest/digest.js'
import { digestActions } from '../../../plugins/cases/decide-digest.js'
import { casesConfigSchema } from '../../../plugins/cases/config.js'
import { compileMasker } from '../../../plugins/cases/content/privacy.js'
import { makeCase } from './fixtures.js'
import { FLEET_ID_NOTE, toCsv } from '../../../plugins/cases/cli/export-command.js'

const cfg = casesConfigSchema.parse({})
const mask = compileMasker(cfg.privacy)
const range = { from: '2026-11-24', to: '2026-11-30' }
const opts = {
  range,
  mask,
  tz: 'Asia/Shanghai',
  maxChars: 1500,
  fileName: '案例周报.md',
  fieldNames: cfg.fields,
  viewHint: '#案例 查看 编号',
}

const week = [
  makeCase(
    '客户：刘总\n产品：商用净水器\n难点：客户觉得网上价格比我们低\n做法：先做水质检测\n再算三年成本\n心得：别急着降价',
    { tag: '成交', author: '张三' },
  ),
  makeCase('客户 13912345678 说网上更便宜，价格异议怎么处理？', { tag: '问题', author: '李四' }),
  makeCase('竞品报价更低，客户一直压价格', { tag: '问题', author: '王五' }),
  makeCase('客户：周姐\n产品：软水机\n做法：请老客户现身说法', { tag: '成交', author: '杜艳霞' }),
  makeCase('# 三个复购小技巧\n1. 换芯提醒提前一周', { tag: '经验', author: '杜艳霞' }),
]

describe('digest parts', () => {
  it('counts by key, most frequent first', () => {
    expect(countBy(week, c => c.tag)).toEqual([
      ['成交', 2],
      ['问题', 2],
      ['经验', 1],
    ])
    expect(countBy(week, c => c.fields.产品)).toEqual([
      ['商用净水器', 1],
      ['软水机', 1],
    ])
  })

  it('finds terms recurring across #问题 cases and 难点 fields, not generic or one-off words', () => {
    const terms = recurringProblemTerms(week, cfg.fields)
    expect(terms).toEqual([
      ['价格', 3],
      ['网上', 2],
    ])
  })

  it('does not take an evaluation such as 很大 for a problem, but keeps the thing it judges', () => {
    const noisy = [
      makeCase('客户说净水器噪音很大', { tag: '问题', author: '李四' }),
      makeCase('晚上噪音很大，客户投诉', { tag: '问题', author: '王五' }),
    ]
    expect(recurringProblemTerms(noisy, cfg.fields)).toEqual([['噪音', 2]])
  })
})

describe('digestText', () => {
  it('summarises a fixed week: counts, deals with what worked, recurring problems, new cases', () => {
    const text = digestText(week, opts)
    expect(text).toBe(
      [
        '📚 案例周报 2026-11-24 至 2026-11-30',
        '共 5 条新案例',
        '按标签：成交 2 · 问题 2 · 经验 1',
        '按作者：杜艳霞 2 · 张三 1 · 李四 1 · 王五 1',
        '按产品：商用净水器 1 · 软水机 1',
        '',
        '✅ 成交与做法（2）：',
        `· ${week[0].id} 张三｜刘总 · 商用净水器`,
        '  做法：先做水质检测；再算三年成本',
        '  心得：别急着降价',
        `· ${week[3].id} 杜艳霞｜周姐 · 软水机`,
        '  做法：请老客户现身说法',
        '',
        '🔁 反复出现的问题：价格（3） · 网上（2）',
        '',
        '🆕 新案例：',
        `· ${week[0].id}【成交】刘总 · 商用净水器（张三）`,
        `· ${week[1].id}【问题】客户 139****5678 说网上更便宜，价…（李四）`,
        `· ${week[2].id}【问题】竞品报价更低，客户一直压价格（王五）`,
        `· ${week[3].id}【成交】周姐 · 软水机（杜艳霞）`,
        `· ${week[4].id}【经验】# 三个复购小技巧（杜艳霞）`,
        '完整内容见文件「案例周报.md」，单条全文：#案例 查看 编号',
      ].join('\n'),
    )
  })

  it('stays within the length limit and points to the file for the rest', () => {
    const many = Array.from({ length: 80 }, (_, i) => makeCase(`第${i}个经验：回访老客户`, { tag: '经验' }))
    const text = digestText(many, { ...opts, maxChars: 600 })
    expect(text.length).toBeLessThanOrEqual(600)
    expect(text).toMatch(/…另有 \d+ 条见文件\n完整内容见文件「案例周报.md」/)
  })

  it('says so when the week has no cases', () => {
    expect(digestText([], opts)).toContain('本期没有新案例')
  })
})

describe('digestMarkdown', () => {
  it('contains every case in full, masked, with user lines unable to become headings', () => {
    const md = digestMarkdown(week, opts)
    expect(md.match(/^### C\d+【/gm)).toHaveLength(5)
    expect(md).toContain('再算三年成本')
    expect(md).toContain('139****5678')
    expect(md).not.toContain('13912345678')
    expect(md).toContain('\\# 三个复购小技巧')
    expect(md).toMatch(/^# 案例周报 2026-11-24 至 2026-11-30$/m)
  })

  it("a fleet export says why its ids carry an account (chat shows C1 for an account's own case)", () => {
    const fleetCases = week.map((c, i) => ({ ...c, id: `C${i + 1}@sales1` }))
    const md = digestMarkdown(fleetCases, opts, '案例导出', [FLEET_ID_NOTE])
    expect(md.split('\n').slice(0, 4)).toEqual(['# 案例导出 2026-11-24 至 2026-11-30', '', FLEET_ID_NOTE, ''])
    expect(FLEET_ID_NOTE).toContain('本账号的案例显示为 C1')
    expect(toCsv(fleetCases, 'Asia/Shanghai', true).split('\r\n')[0]).toMatch(/^\uFEFF编号@账号,/)
    expect(toCsv(week, 'Asia/Shanghai').split('\r\n')[0]).toMatch(/^\uFEFF编号,/)
  })
})

describe('digestActions', () => {
  it('with nobody to send it to, records in the audit log (#审计) in Chinese why no digest went out', () => {
    expect(digestActions({ text: '', cases: [] }, [])).toEqual([
      {
        type: 'record',
        text: '案例周报未发送：没有培训师（roles.trainer）也没有 digest.extraRecipients（weekly digest skipped: no recipients）',
        rule: 'cases.digest-no-recipients',
      },
    ])
  })
})

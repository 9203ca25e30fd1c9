import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { MessageKind } from '../../../bot/core/event.js'
import { PLUGINS } from '../../../plugins/index.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'

/** A small seeded PRNG (mulberry32) so a failure reproduces. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const HOSTILE = [
  '',
  ' ',
  '\u0000\u0001\u0007\u001b[31m',
  '\ud800',
  'a\udfffb',
  '\u200b\u200d\ufeff',
  'x'.repeat(100_000),
  '收'.repeat(50_000),
  '@不存在的人 你好',
  '#',
  '＃',
  '# ',
  `#${'很'.repeat(300)}`,
  '#通知 截止 -5分钟',
  '#通知 截止 99999999小时',
  '#审计 99999999999',
  '#撤销 A-1',
  `#撤销 ${'A'.repeat(1000)}`,
  '#案例 搜索 .*(a+)+$',
  "#案例 搜索 ' OR 1=1; --",
  '#活动 新建 | | 截止 昨天',
  '#排期 添加 2026-02-30 内容',
  '#观察 全部 也许',
  '#花名册 删除',
  '#沉默成员 -3',
  '#活跃度 明年 @nobody',
  '「张三：原文」\n- - - - -\n收到',
  '<msg><appmsg>xml</appmsg></msg>',
]
const KINDS: MessageKind[] = [
  'text',
  'image',
  'link',
  'file',
  'voice',
  'video',
  'emoticon',
  'miniprogram',
  'contact',
  'redpacket',
  'transfer',
  'recalled',
  'location',
  'other',
]

describe('fuzz: hostile and random input through every plugin', () => {
  it("never crashes a plugin, never rejects, and answers every command with something (a customer's unknown #… is talk)", async () => {
    const yaml = readFileSync('data/bot.config.example.yaml', 'utf8').replace(
      'roster: demo/roster.csv',
      `roster: ${process.cwd()}/data/demo/roster.csv`,
    )
    const { rt, clock, wechat } = await makeRuntime(yaml, PLUGINS, { file: 'data/bot.config.example.yaml' })
    const groups = [
      group('r-sales@chatroom', '示例科技销售部工作群', 'internal', '销售部工作群'),
      group('r-cust@chatroom', '示例科技张三交流群', 'customer', '客户交流群'),
      group('r-news@chatroom', '示例科技公告群', 'broadcast', '公告群'),
    ]
    for (const g of groups)
      wechat.addGroup(g, [member('wxid_zhangsan', '张三', '销售部-张三'), member('wxid_c1', '刘总')])
    const people = [
      member('wxid_admin', '陈管理', '行政部-陈静'),
      member('wxid_boss', '王经理'),
      member('wxid_zhangsan', '张三'),
      member('wxid_c1', '刘总'),
      member('stranger', ''),
    ]
    const random = prng(20261130)
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]
    const commands = rt.router.all().map(c => `${rt.loaded.config.commandPrefix}${c.spec.name}`)
    const unanswered: string[] = []
    const replies = () => rt.audit.query({ days: 3, limit: 1_000_000 }).filter(e => /^command/.test(e.rule)).length
    for (let i = 0; i < 600; i++) {
      const body =
        i % 3 === 0
          ? `${pick(commands)} ${pick(HOSTILE)}`
          : i % 3 === 1
            ? pick(HOSTILE)
            : Array.from({ length: Math.floor(random() * 40) }, () =>
                String.fromCharCode(Math.floor(random() * 0xffff)),
              ).join('')
      const ev = text(pick(people), body, clock.now(), random() < 0.2 ? undefined : pick(groups), {
        kind: pick(KINDS),
        mentions: random() < 0.1 ? ['nobody'] : [],
        mentionsAll: random() < 0.05,
      })
      const before = replies()
      // Handled synchronously, `handle` returns nothing: a throw then counts as a rejection here.
      await expect(Promise.resolve().then(() => rt.handle(ev))).resolves.toBeUndefined()
      // A customer's `#…` in a group customers read is ordinary talk unless it names a command (then audited).
      const customerTalk = !!ev.group && ev.group.kind !== 'internal' && !ev.sender.isStaff && !ev.isCommand
      if (/^[#＃]\S/.test(body) && ev.kind === 'text' && !customerTalk && replies() === before)
        unanswered.push(body.slice(0, 60))
      if (i % 50 === 0) await clock.advance(60_000)
    }
    await clock.advance(24 * 3_600_000)
    expect(rt.errors).toEqual([])
    expect(unanswered).toEqual([])
  }, 120_000)
})

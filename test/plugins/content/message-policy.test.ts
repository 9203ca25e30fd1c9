import { describe, expect, it } from 'vitest'
import type { MessageEvent } from '../../../bot/core/event.js'
import { contentConfigSchema } from '../../../plugins/content/config.js'
import { dictionaryFindings, scanMessage } from '../../../plugins/content/assess/findings.js'
import { compileMatcher, loadDictionaryFiles } from '../../../plugins/content/matcher/index.js'
import {
  fileExtension,
  inScope,
  messageTypeFindings,
  scopedFindings,
} from '../../../plugins/content/assess/message-policy.js'
import { passesOutward } from '../../../plugins/content/assess/outward.js'
import { text } from '../../helpers/harness.js'
import { DICTIONARY, spammer } from './setup.js'

const cfg = contentConfigSchema.parse({ dictionaries: [DICTIONARY] })
const matcher = compileMatcher(loadDictionaryFiles([DICTIONARY]).dictionary)
const msg = (extra: Partial<MessageEvent>) => text(spammer, '', 0, undefined, extra)

describe('file extensions', () => {
  it.each([
    ['报价单.pdf', 'pdf'],
    ['安装包.APK', 'apk'],
    ['报价单.pdf.exe', 'exe'],
    ['setup.exe.', 'exe'],
    ['setup.exe ', 'exe'],
    ['run.bat\u200b', 'bat'],
    ['README', ''],
    ['', ''],
  ])('%j has extension %j', (name, ext) => {
    expect(fileExtension(name)).toBe(ext)
  })
})

describe('scope: whose messages each category checks', () => {
  it('checks links only from non-staff in internal groups but from everyone in customer groups', () => {
    expect(inScope(cfg, 'link', 'internal', true)).toBe(false)
    expect(inScope(cfg, 'link', 'internal', false)).toBe(true)
    expect(inScope(cfg, 'link', 'customer', true)).toBe(true)
  })

  it('treats contact cards from non-staff in customer groups as ads, and ignores cards in internal groups', () => {
    expect(inScope(cfg, 'card', 'customer', false)).toBe(true)
    expect(inScope(cfg, 'card', 'customer', true)).toBe(false)
    expect(inScope(cfg, 'card', 'internal', false)).toBe(false)
  })

  it('checks dictionary categories that are not listed for everyone, and follows a per-category override', () => {
    expect(inScope(cfg, 'ad', 'internal', true)).toBe(true)
    const custom = contentConfigSchema.parse({
      dictionaries: [DICTIONARY],
      scope: { confidential: { internal: 'nobody' } },
    })
    expect(inScope(custom, 'confidential', 'internal', true)).toBe(false)
    expect(inScope(custom, 'confidential', 'customer', true)).toBe(true)
    expect(inScope(custom, 'card', 'customer', false)).toBe(true)
  })
})

describe('scope in an internal group: what staff say among themselves', () => {
  /** The categories kept of a message by a staff member (or not) in an internal group, under the defaults. */
  const kept = (body: string, isStaff = true) =>
    scopedFindings(
      cfg,
      dictionaryFindings(scanMessage(msg({ text: body }), matcher), matcher.dictionary),
      'internal',
      isStaff,
      () => false,
      () => passesOutward(body),
    ).map(f => f.category)

  it('keeps a staff member’s confidential term only when the message passes it on', () => {
    expect(kept('成本价下周例会上再对一遍')).toEqual([])
    expect(kept('成本价我已经发给客户了')).toEqual(['confidential'])
    expect(kept('内部价格表截图给经销商看看')).toEqual(['confidential'])
    expect(kept('成本价下周例会上再对一遍', false)).toEqual(['confidential'])
  })

  it('keeps contact wording from non-staff only: colleagues ask each other to message them', () => {
    expect(kept('报销有问题的加我微信')).toEqual([])
    expect(kept('想要优惠的加我微信', false)).toEqual(['contact'])
  })

  it('leaves customer groups as they were', () => {
    expect(inScope(cfg, 'confidential', 'customer', true)).toBe(true)
    expect(cfg.scope.confidential.customer).toBe('everyone')
  })
})

describe('message types', () => {
  const categories = (ev: MessageEvent, kind: 'internal' | 'customer' | 'broadcast' = 'customer') =>
    messageTypeFindings(ev, kind, cfg).map(f => f.category)

  it('flags contact cards, mini programs and dangerous files, not ordinary files', () => {
    expect(categories(msg({ kind: 'contact', text: '[名片]' }))).toEqual(['card'])
    expect(categories(msg({ kind: 'miniprogram', attachment: { title: '拼团' } }))).toEqual(['miniprogram'])
    expect(categories(msg({ kind: 'file', attachment: { fileName: '红包助手.apk' } }))).toEqual(['file'])
    expect(categories(msg({ kind: 'file', attachment: { fileName: '报价单.pdf' } }))).toEqual([])
    expect(categories(msg({ kind: 'text', text: '你好' }))).toEqual([])
  })

  it('marks every message in a broadcast group as possibly off-topic (scope decides whose)', () => {
    expect(categories(msg({ kind: 'text', text: '你好' }), 'broadcast')).toEqual(['offtopic'])
  })

  it('uses the configured labels and extensions', () => {
    const custom = contentConfigSchema.parse({
      dictionaries: [DICTIONARY],
      kinds: { file: { extensions: ['.ZIP'], label: '压缩包' } },
    })
    const [f] = messageTypeFindings(msg({ kind: 'file', attachment: { fileName: 'a.zip' } }), 'customer', custom)
    expect(f).toMatchObject({ category: 'file', label: '压缩包', severity: 'high' })
    expect(messageTypeFindings(msg({ kind: 'file', attachment: { fileName: 'a.exe' } }), 'customer', custom)).toEqual(
      [],
    )
  })
})

describe('text inside messages', () => {
  const found = (ev: MessageEvent) =>
    scanMessage(ev, matcher).map(e => (e.source === 'policy' ? e.note : `${e.source}:${e.match.category}`))

  it('matches link-card titles and descriptions like text, and checks the card URL against the allowed domains', () => {
    expect(
      found(
        msg({
          kind: 'link',
          text: '[链接] x',
          attachment: { title: '兼职刷单 日结', description: '加我微信', url: 'https://pay.evil.io/a' },
        }),
      ),
    ).toEqual(['title:ad', 'description:contact', 'url:link'])
    expect(
      found(msg({ kind: 'link', attachment: { title: '公司新品发布', url: 'https://www.example.com/new' } })),
    ).toEqual([])
    expect(found(msg({ kind: 'link', attachment: { title: '活动', url: 'https://example.com.evil.io/' } }))).toEqual([
      'url:link',
    ])
  })

  it('matches file names and mini-program titles, but not the placeholder text of non-text messages', () => {
    expect(
      found(msg({ kind: 'file', text: '[文件] 内部价格表.xlsx', attachment: { fileName: '内部价格表.xlsx' } })),
    ).toEqual(['fileName:confidential'])
    expect(found(msg({ kind: 'miniprogram', attachment: { title: '扫码进群领红包' } }))).toEqual(['title:ad'])
    expect(found(msg({ kind: 'image', text: '[图片] 兼职刷单' }))).toEqual([])
  })

  it('finds URLs written in text', () => {
    expect(found(msg({ text: '看这里 www.evil-shop.top/x 便宜' }))).toEqual(['text:link'])
  })

  it('quotes each span once: a term inside a longer match of the same category is dropped from the evidence', () => {
    const nested = compileMatcher({
      categories: {
        ad: { label: '广告', severity: 'medium', terms: ['兼职刷单', '刷单', '日赚'], allow: [], patterns: [] },
      },
      links: null,
    })
    const [ad] = dictionaryFindings(scanMessage(msg({ text: '兼 职 刷 单，日 赚' }), nested), nested.dictionary)
    expect(ad.evidence.map(e => (e.source === 'policy' ? '' : e.match.matched))).toEqual(['兼 职 刷 单', '日 赚'])
  })

  it('groups matches by category with the dictionary label and severity', () => {
    const findings = dictionaryFindings(
      scanMessage(msg({ text: '兼 职 刷 单，日 赚 500，加 v' }), matcher),
      matcher.dictionary,
    )
    expect(findings.map(f => [f.category, f.label, f.severity, f.evidence.length])).toEqual([
      ['ad', '无关商业广告', 'medium', 2],
      ['contact', '私加联系方式', 'medium', 1],
    ])
  })
})

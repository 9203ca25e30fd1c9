import { describe, expect, it } from 'vitest'
import { Roster, type RosterEntry } from '../../../bot/roster/roster.js'
import { checkNickname, type NicknameProblem } from '../../../plugins/realname/nickname/check.js'
import { compileFormat } from '../../../plugins/realname/nickname/format.js'
import { verdictMemo } from '../../../plugins/realname/nickname/verdict-memo.js'

const vocab = { company: '示例科技', departments: ['销售部', '行政部', '培训部'], regions: ['南宁', '柳州'] }
const internal = ['{dept}-{name}', '{region}-{name}'].map(f => compileFormat(f, vocab))
const customer = ['{company}{name}{phone}'].map(f => compileFormat(f, vocab))
const entry = (name: string, dept?: string, region?: string, phone?: string, contactId?: string): RosterEntry => ({
  name,
  dept,
  region,
  phone,
  contactId,
  line: 0,
})
const roster = new Roster([
  entry('张三', '销售部', undefined, '13800138001', 'wxid_zhangsan'),
  entry('李四', '销售部', '南宁', '13800138002', 'wxid_lisi'),
  entry('杜艳霞', undefined, '南宁', '13800138004', 'wxid_du'),
  entry('赵六', '销售部', undefined, '13800138005'),
  entry('王芳', '销售部', undefined, '13900000001'),
  entry('王芳', '培训部', undefined, '13900000002'),
  entry('欧阳娜娜', '销售部'),
  entry('阿依古丽·买买提', '销售部'),
])

type Row = [nickname: string, kind: 'internal' | 'customer', contactId: string, expected: 'ok' | NicknameProblem]
const ZS = 'wxid_zhangsan'
const rows: Row[] = [
  // valid, with every forgiving separator
  ['销售部-张三', 'internal', ZS, 'ok'],
  ['销售部－张三', 'internal', ZS, 'ok'],
  ['销售部—张三', 'internal', ZS, 'ok'],
  ['销售部–张三', 'internal', ZS, 'ok'],
  ['销售部_张三', 'internal', ZS, 'ok'],
  ['销售部·张三', 'internal', ZS, 'ok'],
  ['销售部 张三', 'internal', ZS, 'ok'],
  ['销售部\u3000张三', 'internal', ZS, 'ok'],
  ['销售部 - 张三', 'internal', ZS, 'ok'],
  ['销售部——张三', 'internal', ZS, 'ok'],
  ['  销售部-张三  ', 'internal', ZS, 'ok'],
  ['南宁-李四', 'internal', 'wxid_lisi', 'ok'],
  ['销售部-李四', 'internal', 'wxid_lisi', 'ok'],
  ['南宁-杜艳霞', 'internal', 'wxid_du', 'ok'],
  ['销售部-赵六', 'internal', 'wxid_zhaoliu', 'ok'],
  ['销售部-欧阳娜娜', 'internal', 'wxid_x1', 'ok'],
  ['销售部-阿依古丽·买买提', 'internal', 'wxid_x2', 'ok'],
  ['销售部-王芳', 'internal', 'wxid_x3', 'ok'],
  ['培训部-王芳', 'internal', 'wxid_x4', 'ok'],
  ['示例科技张三13800138001', 'customer', ZS, 'ok'],
  ['示例科技-张三-13800138001', 'customer', ZS, 'ok'],
  ['示例科技 张三 13800138001', 'customer', ZS, 'ok'],
  // empty, emoji, invisible, full-width, decorations, length
  ['', 'internal', ZS, 'empty'],
  ['   ', 'internal', ZS, 'empty'],
  ['销售部-张三😀', 'internal', ZS, 'emoji'],
  ['🌹销售部-张三', 'internal', ZS, 'emoji'],
  ['销售部-张三❤️', 'internal', ZS, 'emoji'],
  ['🇨🇳销售部-张三', 'internal', ZS, 'emoji'],
  ['销售部-张\u200b三', 'internal', ZS, 'invisible'],
  ['\u200d销售部-张三', 'internal', ZS, 'invisible'],
  ['销售部-张三\ufeff', 'internal', ZS, 'invisible'],
  ['销售部-\u202e三张', 'internal', ZS, 'invisible'],
  ['销售部-Ｚｈａｎｇ', 'internal', ZS, 'fullwidth'],
  ['示例科技张三１３８００１３８００１', 'customer', ZS, 'fullwidth'],
  ['【销售部】张三', 'internal', ZS, 'decoration'],
  ['销售部-张三★', 'internal', ZS, 'decoration'],
  ['销售部~张三', 'internal', ZS, 'decoration'],
  ['销售部/张三', 'internal', ZS, 'decoration'],
  ['销售部-张三（请假）', 'internal', ZS, 'decoration'],
  [`销售部-${'张'.repeat(30)}`, 'internal', ZS, 'too-long'],
  // wrong shape
  ['张三', 'internal', ZS, 'format'],
  ['销售部张三', 'internal', ZS, 'format'],
  ['张三-销售部', 'internal', ZS, 'format'],
  ['市场部-张三', 'internal', ZS, 'format'],
  ['销售部-张三张三张三张三', 'internal', ZS, 'format'],
  ['销售部-张三-', 'internal', ZS, 'format'],
  ['示例科技张三1380013800', 'customer', ZS, 'format'],
  ['其他公司张三13800138001', 'customer', ZS, 'format'],
  ['销售部-张三', 'customer', ZS, 'format'],
  // roster: unknown names, impostors, wrong department/region, wrong phone
  ['销售部-刘备', 'internal', 'wxid_x5', 'not-on-roster'],
  ['销售部-张三家属', 'internal', 'wxid_family', 'not-on-roster'],
  ['销售部-Zhang', 'internal', 'wxid_x6', 'not-on-roster'],
  ['销售部-张三', 'internal', 'wxid_impostor', 'taken'],
  ['销售部-王五', 'internal', ZS, 'name-mismatch'],
  ['行政部-张三', 'internal', ZS, 'unit-mismatch'],
  ['柳州-李四', 'internal', 'wxid_lisi', 'unit-mismatch'],
  ['行政部-王芳', 'internal', 'wxid_x7', 'unit-mismatch'],
  ['示例科技张三13900000000', 'customer', ZS, 'phone-mismatch'],
  ['示例科技李四13800138001', 'customer', 'wxid_lisi', 'phone-mismatch'],
]

describe('checkNickname', () => {
  it.each(rows)('%j in a %s group (contact %s) → %s', (nickname, kind, contactId, expected) => {
    const v = checkNickname(nickname, kind === 'internal' ? internal : customer, { roster, contactId, maxLength: 30 })
    expect(v.ok ? 'ok' : v.problem).toBe(expected)
  })

  it('says what is wrong in Chinese, naming the offending character or the expected format', () => {
    const detail = (n: string) => {
      const v = checkNickname(n, internal, { roster, contactId: ZS, maxLength: 30 })
      return v.ok ? '' : v.detail
    }
    expect(detail('销售部-张三😀')).toContain('😀')
    expect(detail('张三')).toBe('格式不符，应为 部门-姓名 或 地区-姓名')
    expect(detail('销售部-王五')).toContain('张三')
    expect(detail('行政部-张三')).toContain('销售部')
  })

  it('resolves namesakes by department and returns the matching roster entry', () => {
    const v = checkNickname('培训部-王芳', internal, { roster, contactId: 'x', maxLength: 30 })
    expect(v.ok && v.entry?.phone).toBe('13900000002')
  })

  it('checks only the format when no roster is configured', () => {
    expect(checkNickname('销售部-刘备', internal, { roster: new Roster(), contactId: 'x', maxLength: 30 }).ok).toBe(
      true,
    )
  })

  it('accepts a regex format and reads its named groups', () => {
    const re = [compileFormat('/^(?<name>\\p{Script=Han}{2,4})（(?<dept>销售部|行政部)）$/', vocab)]
    expect(checkNickname('张三（销售部）', re, { roster, contactId: ZS, maxLength: 30 }).ok).toBe(true)
    const wrong = checkNickname('张三（行政部）', re, { roster, contactId: ZS, maxLength: 30 })
    expect(wrong.ok ? 'ok' : wrong.problem).toBe('unit-mismatch')
  })
})

describe('compileFormat', () => {
  it.each([
    ['{dept}-{nmae}', /unknown placeholder \{nmae\}/],
    ['{dept}-', /must contain \{name\}/],
    ['{name}-{name}', /appears twice/],
    ['/([a-z/', /invalid nickname regex/],
  ])('rejects %s with a clear message', (source, message) => {
    expect(() => compileFormat(source, vocab)).toThrow(message)
  })

  it('labels templates for people and uses the company name', () => {
    expect(internal.map(f => f.label)).toEqual(['部门-姓名', '地区-姓名'])
    expect(customer[0].label).toBe('示例科技姓名手机号')
  })

  it('accepts any 2-10 Chinese characters as department when no list is configured', () => {
    const open = [compileFormat('{dept}-{name}', { company: 'x', departments: [], regions: [] })]
    expect(checkNickname('市场部-张三', open, { contactId: ZS, maxLength: 30 }).ok).toBe(true)
  })
})

describe('verdict memo', () => {
  it('gives each contact the verdict of every nickname and length it was asked about, as checking gives it', () => {
    const memo = verdictMemo()
    const asks: [string, string, number][] = []
    for (let round = 0; round < 2; round++)
      for (const [nickname, contactId] of [
        ['销售部-张三', ZS],
        ['张三', ZS],
        ['南宁-李四', 'wxid_lisi'],
        ['销售部-张三', 'wxid_lisi'],
      ])
        for (const maxLength of [30, 4]) asks.push([nickname, contactId, maxLength])
    for (const [nickname, contactId, maxLength] of asks)
      expect(memo(nickname, internal, { roster, contactId, maxLength })).toEqual(
        checkNickname(nickname, internal, { roster, contactId, maxLength }),
      )
  })
})

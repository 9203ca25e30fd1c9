import { describe, expect, it } from 'vitest'
import { casesConfigSchema } from '../../../plugins/cases/config.js'
import { compileMasker } from '../../../plugins/cases/content/privacy.js'

const defaults = casesConfigSchema.parse({}).privacy
const mask = compileMasker(defaults)

describe('compileMasker', () => {
  it.each([
    ['电话13912345678', '电话139****5678'],
    ['电话 139-1234-5678 或 139 1234 5678', '电话 139****5678 或 139****5678'],
    ['+86 13912345678', '139****5678'],
    ['座机 0771-5551234', '座机 0771-****'],
    ['微信号：zhangsan88', '微信号：***'],
    ['加vx:li_si-2024谢谢', '加vx:***谢谢'],
    ['VX zhao_liu_1', 'VX ***'],
    ['wxid_abc123def 在群里', 'wxid_*** 在群里'],
    ['身份证 11010519850315123X。', '身份证 110************23X。'],
    ['身份证号110105200001011234', '身份证号110************234'],
    ['邮箱 li.si+crm@mail.example.com.cn 联系', '邮箱 ***@mail.example.com.cn 联系'],
  ])('masks %s', (input, expected) => {
    expect(mask(input)).toBe(expected)
  })

  it.each([
    '订单号 202611301234567',
    '订单号 202611301234567890',
    '@张三 看下',
    '金额 8.6万，12 台',
    '微信沟通过两次',
    '日期 2026-11-30',
  ])('leaves %s alone', input => {
    expect(mask(input)).toBe(input)
  })

  it('masks only what is switched on, plus extra patterns', () => {
    const m = compileMasker({ ...defaults, maskPhones: false, extraPatterns: ['QQ\\s*\\d{5,11}'] })
    expect(m('电话13912345678 微信号：abcdef1 QQ 123456')).toBe('电话13912345678 微信号：*** ***')
  })

  it('throws at creation on an invalid extra pattern, and config rejects it', () => {
    expect(() => compileMasker({ ...defaults, extraPatterns: ['(unclosed'] })).toThrow(/extraPatterns\[0\]/)
    expect(casesConfigSchema.safeParse({ privacy: { extraPatterns: ['(unclosed'] } }).success).toBe(false)
  })
})

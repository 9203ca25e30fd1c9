import { describe, expect, it } from 'vitest'
import { runtimeReason } from '../../../bot/commands/builtin/audit-reasons.js'
import { readableRecordReason } from '../../../plugins/content/audit-text.js'

const labelOf = (key: string) => ({ ad: '无关商业广告', contact: '私加联系方式' })[key] ?? key

describe('audit reasons as an admin reads them in #审计 (stored in English, shown in Chinese with the ids)', () => {
  it.each([
    ['content.review.ignore', 'R3 ignored by wxid_admin', 'R3 已忽略，wxid_admin'],
    ['content.review.suggest-allow', 'ad 家薇装饰 ignored 3x', '无关商业广告「家薇装饰」被忽略 3 次'],
    ['content.review.along', 'R4 confirmed with R3 by wxid_admin', 'R4 随 R3 一并已确认，wxid_admin'],
    ['content.review.along', 'R4, R5 ignored with R3', 'R4、R5 随 R3 一并已忽略'],
    ['content.review.closed', 'R3, R4 confirmed by wxid_admin', 'R3、R4 已确认，wxid_admin'],
    ['content.review.left', 'R3 left to the holder of r-cust@chatroom', 'R3 交给管理群 r-cust@chatroom 的账号处理'],
    ['content.review.handed-over', 'R3 carried out for m1, m2', 'R3 已代为处理消息 m1、m2'],
    ['content.review.unserved', 'R3: no account serves r1', 'R3：没有账号管理群 r1'],
    ['content.review.unserved', 'R3: not carried out in r1, r2', 'R3：未在群 r1、r2 执行'],
    ['content.dictionary.edit', 'allow ad 家薇装饰 (R3)', '允许 无关商业广告「家薇装饰」（R3）'],
    ['content.dictionary.edit-refused', 'remove contact 加我', '词库删除 私加联系方式「加我」'],
  ])('%s: %s', (rule, reason, read) => {
    expect(readableRecordReason({ rule, reason }, labelOf)).toBe(read)
  })

  it('leaves an incident reason to the category reading', () => {
    expect(readableRecordReason({ rule: 'content.review', reason: 'R1 contact' }, labelOf)).toBeUndefined()
  })

  it.each([
    [
      { plugin: 'runtime', rule: 'command-refused', type: 'refused' as const, reason: '回访 by 刘总' },
      '刘总 无权使用 #回访',
    ],
    [
      { plugin: 'runtime', rule: 'console.x', type: 'record' as const, reason: '陈管理 (console)' },
      '陈管理（网页后台）',
    ],
    [
      { plugin: 'service', rule: 'remove-failed', type: 'error' as const, reason: 'not room owner' },
      '移出群失败：not room owner',
    ],
  ])('runtime: %o', (e, read) => {
    expect(runtimeReason(e)).toBe(read)
  })
})

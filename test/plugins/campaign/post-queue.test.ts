import { describe, expect, it } from 'vitest'
import { chineseCalendar } from '../../../bot/time/workdays.js'
import type { QueuedPost } from '../../../plugins/campaign/state.js'
import {
  approvePost,
  noticeInstant,
  postDueOutcome,
  rejectPost,
  validateNewPost,
} from '../../../plugins/campaign/decide-post.js'
import { parsePostArgs, weekRange } from '../../../plugins/campaign/parse/post-args.js'
import type { ScheduleContext } from '../../../plugins/campaign/schedule/posting-window.js'

const at = (iso: string) => Date.parse(`${iso}+08:00`)
const TZ = 'Asia/Shanghai'
const s: ScheduleContext = {
  window: { start: '06:30', end: '09:00', postAt: '07:30' },
  tz: TZ,
  calendar: chineseCalendar,
}
const FRI = at('2026-09-25T15:00:00')

function post(extra: Partial<QueuedPost> = {}): QueuedPost {
  return {
    id: '1',
    day: '2026-10-09',
    time: '07:30',
    content: { text: '早报' },
    anyDay: false,
    editor: 'ed',
    editorName: '陈静',
    createdAt: FRI,
    status: 'pending',
    ...extra,
  }
}

describe('approval state machine', () => {
  it('goes pending -> approved once; a second approval and self-approval are refused', () => {
    const p = post()
    expect(approvePost(post(), 'ed', FRI)).toContain('不能审核自己')
    expect(approvePost(p, 'boss', FRI)).toBeUndefined()
    expect(p).toMatchObject({ status: 'approved', decidedBy: 'boss' })
    expect(approvePost(p, 'boss', FRI)).toContain('已通过')
  })

  it('rejects pending or approved posts with a reason, never published ones', () => {
    const p = post({ status: 'approved' })
    expect(rejectPost(p, 'boss', ' ', FRI)).toContain('原因')
    expect(rejectPost(p, 'boss', '图片不清楚', FRI)).toBeUndefined()
    expect(p).toMatchObject({ status: 'rejected', reason: '图片不清楚' })
    expect(rejectPost(post({ status: 'published' }), 'boss', '晚了', FRI)).toContain('已发布')
    expect(approvePost(p, 'boss', FRI)).toContain('已驳回')
  })

  it('publishes only approved posts, and only while their day’s window is open', () => {
    expect(postDueOutcome(post({ status: 'approved' }), at('2026-10-09T07:30:00'), s)).toBe('publish')
    expect(postDueOutcome(post({ status: 'approved' }), at('2026-10-09T08:59:00'), s)).toBe('publish')
    expect(postDueOutcome(post({ status: 'approved' }), at('2026-10-09T09:00:00'), s)).toBe('missed')
    expect(postDueOutcome(post(), at('2026-10-09T07:30:00'), s)).toBe('unapproved')
    expect(postDueOutcome(post({ status: 'rejected' }), at('2026-10-09T07:30:00'), s)).toBe('none')
  })
})

describe('new posts', () => {
  it.each([
    ['2026-10-05', false, '法定节假日'],
    ['2026-10-11', false, '周末'],
    ['2026-09-24', false, '已经过去'],
  ])('refuses %s', (day, anyDay, why) => {
    expect(validateNewPost(day, '07:30', anyDay, [], FRI, s)).toContain(why)
  })

  it('accepts the make-up Saturday, and a holiday only when asked for', () => {
    expect(validateNewPost('2026-10-10', '07:30', false, [], FRI, s)).toBeUndefined()
    expect(validateNewPost('2026-10-03', '07:30', true, [], FRI, s)).toBeUndefined()
  })

  it('keeps to the window and to one post per day', () => {
    expect(validateNewPost('2026-10-09', '09:00', false, [], FRI, s)).toBe(
      '发布时间须不早于 06:30、早于 09:00（09:00 及以后不发布）。',
    )
    expect(validateNewPost('2026-10-09', '08:59', false, [], FRI, s)).toBeUndefined()
    expect(validateNewPost('2026-10-09', '08:00', false, [post()], FRI, s)).toContain('已有排期 #1')
    expect(validateNewPost('2026-10-09', '08:00', false, [post({ status: 'rejected' })], FRI, s)).toBeUndefined()
  })

  it('parses day, optional time, the holiday word and an image', () => {
    expect(parsePostArgs('10-03 08:00 节假日照发 国庆快乐 | 图片 /tmp/a.png', FRI, TZ)).toEqual({
      ok: true,
      req: { day: '2026-10-03', time: '08:00', anyDay: true, body: '国庆快乐', image: '/tmp/a.png' },
    })
    expect(parsePostArgs('下周一 早报内容', FRI, TZ)).toMatchObject({
      ok: true,
      req: { day: '2026-09-28', time: undefined, anyDay: false },
    })
    expect(parsePostArgs('某天 内容', FRI, TZ)).toMatchObject({
      ok: false,
      error: expect.stringContaining('无法识别的日期'),
    })
    expect(parsePostArgs('10-09', FRI, TZ)).toMatchObject({ ok: false, error: '缺少排期内容。' })
  })

  it('tells editors the workday before, skipping the holiday week', () => {
    expect(noticeInstant('2026-10-08', '17:00', FRI, s)).toBe(at('2026-09-30T17:00:00'))
    expect(noticeInstant('2026-09-28', '17:00', at('2026-09-25T18:00:00'), s)).toBeUndefined()
  })

  it('finds this week and next week (Monday to Sunday)', () => {
    expect(weekRange(FRI, TZ, false)).toEqual(['2026-09-21', '2026-09-27'])
    expect(weekRange(FRI, TZ, true)).toEqual(['2026-09-28', '2026-10-04'])
  })
})

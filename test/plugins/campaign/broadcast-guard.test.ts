import { describe, expect, it } from 'vitest'
import { broadcastReminderDue, type BroadcastReply } from '../../../plugins/campaign/decide-share.js'

const base: BroadcastReply = {
  senderRoles: ['staff'],
  isShareReport: false,
  at: 1000,
  publishedTodayAt: 500,
  throttleMs: 600,
}

describe('announcement-only reminder in broadcast groups', () => {
  it('reminds an ordinary member who answers after today’s post', () => {
    expect(broadcastReminderDue(base)).toBe(true)
  })

  it.each<[string, Partial<BroadcastReply>]>([
    ['an admin', { senderRoles: ['admin'] }],
    ['an approver', { senderRoles: ['staff', 'approver'] }],
    ['a share report', { isShareReport: true }],
    ['no post today', { publishedTodayAt: undefined }],
    ['a message before the post', { publishedTodayAt: 2000 }],
    ['a reminder within the throttle', { lastRemindedAt: 600 }],
  ])('stays quiet for %s', (_, extra) => {
    expect(broadcastReminderDue({ ...base, ...extra })).toBe(false)
  })

  it('reminds again once the throttle has passed', () => {
    expect(broadcastReminderDue({ ...base, lastRemindedAt: 400 })).toBe(true)
  })
})

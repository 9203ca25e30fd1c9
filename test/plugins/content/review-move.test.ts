import { describe, expect, it } from 'vitest'
import { forgetReleased, overdueHandovers, releasedHere } from '../../../plugins/content/fleet-reviews.js'
import { lookUpReview, moveReviews, movedReviewNow } from '../../../plugins/content/review-move.js'
import type { Review, ReviewLog } from '../../../plugins/content/state.js'
import { movedClosedText, movedReviewText, whichReviewText } from '../../../plugins/content/texts.js'

const MIN = 60_000
const HOUR = 60 * MIN
const hit = { category: 'ad', label: '广告', evidence: [{ source: 'text', match: { term: '加微信', kind: 'pinyin' } }] }
const r = (id: string, status: string, at: number, extra: object = {}) =>
  ({
    id,
    memberId: 'wxid_c3',
    memberName: '优惠多多',
    groupId: 'r1',
    groupTopic: '销售一群',
    messageId: `m-${id}`,
    text: 'jia weixin',
    findings: [hit],
    status,
    at,
    ...extra,
  }) as unknown as Review
const log = (...reviews: Review[]): ReviewLog => ({ next: reviews.length + 1, reviews })
const accounts = { from: 'sales1', to: 'sales2' }

describe('review questions moving with their group at a takeover (review-move)', () => {
  it('moves the open questions about the group, named R3@sales1, in time order; the answered ones stay', () => {
    const theirs = log(r('R1', 'confirmed', 0, { decidedAt: MIN }), r('R2', 'open', 2 * MIN), r('R3', 'open', 9 * MIN))
    const mine = log(r('R1', 'open', MIN, { groupId: 'r2' }), r('R2', 'open', 10 * MIN, { groupId: 'r2' }))
    const moved = moveReviews(theirs, mine, 'r1', accounts)
    expect(moved.map(x => x.id)).toEqual(['R2@sales1', 'R3@sales1'])
    expect(mine.reviews.map(x => x.id)).toEqual(['R1', 'R2@sales1', 'R3@sales1', 'R2'])
    expect(mine.next).toBe(3)
    expect(theirs.reviews.map(x => x.id)).toEqual(['R1'])
    expect(theirs.moved).toEqual([
      { id: 'R2', to: 'sales2', groupTopic: '销售一群' },
      { id: 'R3', to: 'sales2', groupTopic: '销售一群' },
    ])
  })

  it('a question with a repeat in the group moves with it; one about other groups stays; none twice', () => {
    const repeat = { groupId: 'r1', groupTopic: '销售一群', messageId: 'm9', at: 5 * MIN, findings: [hit] }
    const theirs = log(
      r('R1', 'open', 0, { groupId: 'r5', repeats: [repeat] }),
      r('R2', 'open', MIN, { groupId: 'r5' }),
    )
    // Already here: the takeover's transaction ran again after a failure, reading sales1's copy again.
    const mine = log(r('R1@sales1', 'open', 0, { groupId: 'r5', repeats: [repeat] }))
    expect(moveReviews(theirs, mine, 'r1', accounts).map(x => x.id)).toEqual(['R1@sales1'])
    expect(mine.reviews.map(x => x.id)).toEqual(['R1@sales1'])
    expect(theirs.reviews.map(x => x.id)).toEqual(['R2'])
  })

  it('a question moving back to the account that asked it takes its own id again there, not R3@sales1', () => {
    // sales1 asked R3; the group moved to sales2 (R3@sales1 there); now it moves back to sales1.
    const sales2 = log(r('R3@sales1', 'open', 0))
    const sales1 = { ...log(), next: 4, moved: [{ id: 'R3', to: 'sales2', groupTopic: '销售一群' }] }
    expect(moveReviews(sales2, sales1, 'r1', { from: 'sales2', to: 'sales1' }).map(x => x.id)).toEqual(['R3'])
    expect(sales1.reviews.map(x => x.id)).toEqual(['R3'])
    expect(sales1.moved).toEqual([])
    expect(lookUpReview(sales1, 'R3@sales1', 'sales1')).toEqual({ review: sales1.reviews[0] })
    expect(lookUpReview(sales1, 'R3', 'sales1')).toEqual({ review: sales1.reviews[0] })
  })

  it('a question moved once keeps its fleet id when it moves on', () => {
    const theirs = log(r('R4@sales1', 'open', 0))
    const mine = log()
    expect(moveReviews(theirs, mine, 'r1', { from: 'sales2', to: 'sales3' }).map(x => x.id)).toEqual(['R4@sales1'])
    expect(theirs.moved).toEqual([{ id: 'R4@sales1', to: 'sales3', groupTopic: '销售一群' }])
  })
})

describe('the id an admin types after a move (lookUpReview)', () => {
  const mine = log(r('R1', 'confirmed', 0, { decidedAt: MIN }), r('R1@sales1', 'open', MIN), r('R2', 'open', 2 * MIN))
  const found = (typed: string, self = 'sales2') => {
    const x = lookUpReview(mine, typed, self)
    return 'review' in x ? x.review.id : 'several' in x ? x.several.map(y => y.id) : x
  }

  it('R1 beside an open R1 moved here asks which, even when this account’s own R1 is answered; R1@sales1 exactly', () => {
    // An admin who was asked this account's R1 and answers late must not strike the moved question's member.
    expect(found('R1')).toEqual(['R1', 'R1@sales1'])
    expect(found('r1@SALES1')).toBe('R1@sales1')
    expect(found('R1@sales2')).toBe('R1')
    expect(found('R2')).toBe('R2')
  })

  it('the answer that asks which says which of them is answered already', () => {
    const x = lookUpReview(mine, 'R1', 'sales2')
    const text = (name?: string) => ('several' in x ? whichReviewText('R1', x.several, '#确认', 'sales2', name) : '')
    expect(text('销售小助手')).toBe(
      '「R1」对应 2 条：R1（优惠多多：广告，群「销售一群」，已确认）、R1@sales1（优惠多多：广告，群「销售一群」）。请写完整编号，例如 #确认 R1@sales1；本账号「销售小助手」(sales2)自己的 R1 也可写 R1@sales2。',
    )
    // An account that wrote no WeChat name yet (not logged in since the upgrade): the id alone.
    expect(text()).toContain('；本账号自己的 R1 也可写 R1@sales2。')
  })

  it('R5 moved here alone (no own R5): the moved one', () => {
    const moved = log(r('R5@sales1', 'open', 0))
    expect(lookUpReview(moved, 'R5', 'sales2')).toEqual({ review: moved.reviews[0] })
  })

  it('two open questions named R2: the admin is asked which', () => {
    const both = log(r('R2', 'open', 0), r('R2@sales1', 'open', MIN))
    const x = lookUpReview(both, 'R2', 'sales2')
    expect('several' in x && x.several.map(y => y.id)).toEqual(['R2', 'R2@sales1'])
  })

  it('through the account that asked it, a moved question names the account it went to', () => {
    const asked = { ...log(), moved: [{ id: 'R7', to: 'sales2', groupTopic: '销售一群' }] }
    expect(lookUpReview(asked, 'R7', 'sales1')).toEqual({
      movedTo: 'sales2',
      fleetId: 'R7@sales1',
      groupTopic: '销售一群',
    })
    expect(lookUpReview(asked, 'R7@sales1', 'sales1')).toEqual({
      movedTo: 'sales2',
      fleetId: 'R7@sales1',
      groupTopic: '销售一群',
    })
    expect(lookUpReview(asked, 'R8', 'sales1')).toEqual({ none: true })
  })

  it('the answer names that account by its WeChat name when the fleet knows it, else by its account name', () => {
    const moved = { movedTo: 'service3', fleetId: 'R4@sales1', groupTopic: '华东客户群' }
    expect(movedReviewText('R4', moved, '#忽略 R4 允许', '售后小帮手')).toBe(
      'R4 已随群「华东客户群」转给机器人账号「售后小帮手」(service3)（本账号离线时由它接管该群），请私聊「售后小帮手」发送：#忽略 R4@sales1 允许',
    )
    expect(movedReviewText('R4', moved, '#忽略 R4 允许')).toBe(
      'R4 已随群「华东客户群」转给机器人账号 service3（本账号离线时由它接管该群），请私聊 service3 发送：#忽略 R4@sales1 允许',
    )
  })
})

describe('where a moved question is now, as the account that asked it reads the fleet (movedReviewNow)', () => {
  const moved = { movedTo: 'sales2', fleetId: 'R7@sales1', groupTopic: '销售一群' }

  it('open where it went, answered there, moved on to a third account, or no longer kept', () => {
    const open = r('R7@sales1', 'open', 0)
    expect(movedReviewNow(new Map([['sales2', log(open)]]), moved, 'sales1')).toEqual({
      account: 'sales2',
      review: open,
    })
    const answered = r('R7@sales1', 'ignored', 0, { decidedAt: MIN, decidedByName: '陈管理' })
    expect(movedReviewNow(new Map([['sales2', log(answered)]]), moved, 'sales1')).toEqual({
      account: 'sales2',
      review: answered,
    })
    // sales2 went down too and service3 took the group: the question is there now.
    const onward = new Map([
      ['sales2', { ...log(), moved: [{ id: 'R7@sales1', to: 'service3', groupTopic: '销售一群' }] }],
      ['service3', log(open)],
    ])
    expect(movedReviewNow(onward, moved, 'sales1')).toEqual({ account: 'service3', review: open })
    expect(movedReviewNow(new Map([['sales2', log()]]), moved, 'sales1')).toEqual({ account: 'sales2', gone: true })
    // sales2's log not read here yet: where it went, as far as this account knows.
    expect(movedReviewNow(new Map(), moved, 'sales1')).toEqual({ account: 'sales2' })
  })

  it('the answer through the account that asked it: answered there (by whom, how), moved on, or no longer kept', () => {
    const there = { movedTo: 'sales2', groupTopic: '销售一群' }
    const confirmed = r('R7@sales1', 'confirmed', 0, { decidedAt: MIN, decidedByName: '陈管理' })
    expect(movedClosedText('R7', there, confirmed, '小助手二号')).toBe(
      'R7 已随群「销售一群」转给机器人账号「小助手二号」(sales2)，已在那里由 陈管理 确认，按违规处理，不再处理。',
    )
    const along = r('R7@sales1', 'ignored', 0, { decidedAt: MIN, answeredWith: 'R9' })
    expect(movedClosedText('R7', there, along)).toBe(
      'R7 已随群「销售一群」转给机器人账号 sales2，已在那里随 R9 一并忽略，不再处理。',
    )
    expect(movedClosedText('R7', there)).toBe(
      'R7 已随群「销售一群」转给机器人账号 sales2，那里已不再保存这条待确认（只保存最近 500 条），不再处理。',
    )
    expect(
      movedReviewText('R7', { ...there, movedTo: 'service3', fleetId: 'R7@sales1' }, '#确认 R7', '售后小帮手', true),
    ).toBe(
      'R7 已随群「销售一群」转给机器人账号「售后小帮手」(service3)（本账号离线时该群被接管，现由它负责），请私聊「售后小帮手」发送：#确认 R7@sales1',
    )
  })
})

describe('another account’s #忽略 released where the group is served now (releasedHere)', () => {
  it('the ignored messages in groups this account serves, however long ago they were answered, once', () => {
    const sales1 = log(
      r('R1', 'ignored', 0, { decidedAt: HOUR }),
      r('R2', 'ignored', 0, { decidedAt: HOUR, groupId: 'r5' }),
      r('R3', 'confirmed', 0, { decidedAt: HOUR }),
      r('R4', 'ignored', 0, { decidedAt: 0 }),
    )
    const foreign = new Map([['sales1', sales1]])
    const holds = (g: string) => g === 'r1'
    const due = releasedHere(foreign, holds, new Set())
    expect(due.map(h => [h.account, h.review.id, h.messages.map(m => m.messageId)])).toEqual([
      ['sales1', 'R1', ['m-R1']],
      ['sales1', 'R4', ['m-R4']],
    ])
    expect(releasedHere(foreign, holds, new Set(['R1@sales1|m-R1', 'R4@sales1|m-R4']))).toEqual([])
  })

  it('past 500 released keys, those no #忽略 lists any more are forgotten, and nothing is released twice', () => {
    // R1 is still in sales1's log, R5 not released yet; 500 others left their accounts' logs (the newest 500 kept).
    const foreign = new Map([
      ['sales1', log(r('R1', 'ignored', 0, { decidedAt: HOUR }), r('R5', 'ignored', 0, { decidedAt: HOUR }))],
      ['sales3', log(r('R1', 'confirmed', 0, { decidedAt: HOUR }))],
    ])
    const gone = Array.from({ length: 500 }, (_, i) => `R${i + 10}@sales3|m-R${i + 10}`)
    const released = new Set(['R1@sales1|m-R1', ...gone.slice(0, 499)])
    forgetReleased(released, foreign)
    expect(released.size).toBe(500)
    released.add(gone[499])
    forgetReleased(released, foreign)
    expect([...released]).toEqual(['R1@sales1|m-R1'])
    expect(releasedHere(foreign, () => true, released).map(h => h.review.id)).toEqual(['R5'])
  })
})

describe('another account’s confirmed message it left and did not check (overdueHandovers)', () => {
  const left = (extra: object = {}) =>
    r('R1', 'confirmed', 0, { decidedAt: HOUR, leftToHolder: ['m-R1'], decidedByName: '陈管理', ...extra })
  const fleet = (...extra: [string, ReviewLog][]) => new Map<string, ReviewLog>([['sales1', log(left())], ...extra])
  const roster = ['sales3', 'sales1', 'sales2']
  const as = (self: string) => ({ self, accounts: roster })

  it('each account checks in its turn by name, 2 minutes apart after the 5 minutes of the answering account', () => {
    const others: [string, ReviewLog][] = [
      ['sales3', log()],
      ['sales2', log()],
    ]
    const at = (self: string) =>
      overdueHandovers(log(), fleet(...others.filter(([a]) => a !== self)), as(self), 2 * HOUR)
    expect(at('sales2').map(o => [o.id, o.account, o.messages.map(m => m.messageId), o.at])).toEqual([
      ['R1@sales1', 'sales1', ['m-R1'], HOUR + 7 * MIN],
    ])
    expect(at('sales3')[0].at).toBe(HOUR + 9 * MIN)
  })

  it('the turns follow the fleet’s roster, not whose review logs an account reads: no two accounts share one', () => {
    // sales2 never wrote a review log: sales3 reads only sales1's, yet waits for sales2's turn.
    const turns = [
      overdueHandovers(log(), fleet(['sales3', log()]), as('sales2'), 2 * HOUR)[0].at,
      overdueHandovers(log(), fleet(), as('sales3'), 2 * HOUR)[0].at,
    ]
    expect(turns).toEqual([HOUR + 7 * MIN, HOUR + 9 * MIN])
    // Before its first renewal read the roster, an account still takes a turn of its own.
    expect(overdueHandovers(log(), fleet(), { self: 'sales2', accounts: [] }, 2 * HOUR)[0].at).toBe(HOUR + 7 * MIN)
  })

  it('none once some account carried it out or told the admins, once the answering account checked, or a day on', () => {
    const told: [string, ReviewLog] = ['sales3', { ...log(), carried: ['R1@sales1|m-R1'] }]
    expect(overdueHandovers(log(), fleet(told), as('sales2'), 2 * HOUR)).toEqual([])
    const checked = new Map([['sales1', log(left({ leftToHolder: undefined }))]])
    expect(overdueHandovers(log(), checked, as('sales2'), 2 * HOUR)).toEqual([])
    expect(overdueHandovers(log(), fleet(), as('sales2'), 26 * HOUR)).toEqual([])
  })
})

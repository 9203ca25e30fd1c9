import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileStore } from '../../../bot/ports/store/file-store.js'
import {
  answeredReviewFor,
  decidedAlong,
  openReviewFor,
  REVIEWS_DOC,
  type Review,
  type ReviewLog,
} from '../../../plugins/content/state.js'

const review = {
  id: 'R1',
  memberId: 'wxid_c3',
  groupId: 'r-cust',
  messageId: 'm1',
  at: 1,
  findings: [{ category: 'contact' }],
  status: 'ignored',
}
const good = { category: 'contact', label: '私加联系方式', phrase: '家薇装饰' }

/** The `content-reviews` document as a store in `dir` reads it from `stored`. */
function load(stored: object) {
  const dir = mkdtempSync(join(tmpdir(), 'reviews-'))
  mkdirSync(join(dir, 'state'))
  writeFileSync(join(dir, 'state', 'content-reviews.json'), JSON.stringify(stored))
  return () => new FileStore(dir).doc('content-reviews', REVIEWS_DOC).data
}

describe('the content-reviews document (version 2)', () => {
  it("reads an older release's version 1 reviews: well-formed hints kept, a malformed one dropped", () => {
    const data = load({
      $version: 1,
      next: 2,
      reviews: [{ ...review, hints: [good, { category: 'contact', phrase: 7 }, null], allowed: true }],
      learned: ['contact|家薇装饰'],
    })()
    expect(data.reviews[0].hints).toEqual([good])
    expect(data.reviews[0].allowed).toBe(true)
    expect(data.learned).toEqual(['contact|家薇装饰'])
  })

  it('refuses a version 2 document whose hint is malformed (it would break #忽略 R1 允许)', () => {
    const read = load({ $version: 2, next: 2, reviews: [{ ...review, hints: [{ category: 'contact' }] }] })
    expect(read).toThrow(/hints/)
  })
})

describe('the open review a repeat joins (openReviewFor)', () => {
  const MIN = 60_000
  const log = () =>
    ({
      next: 2,
      reviews: [{ ...review, status: 'open', at: 0, findings: [{ category: 'contact' }, { category: 'ad' }] }],
    }) as unknown as ReviewLog
  const q = { memberId: 'wxid_c3', categories: ['contact'], now: 9 * MIN, windowMs: 10 * MIN }

  it('is the member’s open review within the window whose categories cover the repeat’s', () => {
    expect(openReviewFor(log(), q)?.id).toBe('R1')
    expect(openReviewFor(log(), { ...q, categories: ['ad', 'contact'] })?.id).toBe('R1')
  })

  it('is none past the window, for a new category, for someone else, or once answered', () => {
    expect(openReviewFor(log(), { ...q, now: 10 * MIN })).toBeUndefined()
    expect(openReviewFor(log(), { ...q, categories: ['contact', 'porn'] })).toBeUndefined()
    expect(openReviewFor(log(), { ...q, memberId: 'wxid_c1' })).toBeUndefined()
    const answered = log()
    answered.reviews[0].status = 'ignored'
    expect(openReviewFor(answered, q)).toBeUndefined()
  })
})

describe('the answered review a later message is decided by (answeredReviewFor)', () => {
  const MIN = 60_000
  const HOUR = 60 * MIN
  const hit = (matched: string, kind = 'pinyin') => ({
    category: 'insult',
    evidence: [{ source: 'text', match: { term: '傻逼', kind, matched } }],
  })
  const log = (status: 'confirmed' | 'ignored', extra: object = {}) =>
    ({
      next: 2,
      reviews: [{ ...review, status, text: '你是 shabi', at: 0, decidedAt: HOUR, findings: [hit('shabi')], ...extra }],
    }) as unknown as ReviewLog
  const q = (now: number, text = '你是 shabi', findings = [hit('sha bi')]) =>
    ({ memberId: 'wxid_c3', text, findings, now, windowMs: 10 * MIN, quietMs: 24 * HOUR }) as unknown as Parameters<
      typeof answeredReviewFor
    >[1]

  it('confirmed: the same term and form, however written, within the window after the answer or the last repeat', () => {
    expect(answeredReviewFor(log('confirmed'), q(HOUR + 9 * MIN, '又来 sha bi'))?.id).toBe('R1')
    expect(answeredReviewFor(log('confirmed'), q(HOUR + 10 * MIN))).toBeUndefined()
    expect(answeredReviewFor(log('confirmed', { actedAgainAt: HOUR + 9 * MIN }), q(HOUR + 18 * MIN))?.id).toBe('R1')
    expect(answeredReviewFor(log('confirmed'), q(HOUR + MIN, 'SB', [hit('SB', 'initials')]))).toBeUndefined()
    expect(answeredReviewFor(log('confirmed'), { ...q(HOUR + MIN), memberId: 'wxid_c1' })).toBeUndefined()
  })

  it('ignored: only the same text, for a day after the answer', () => {
    expect(answeredReviewFor(log('ignored'), q(HOUR + 23 * HOUR, ' 你是 shabi '))?.id).toBe('R1')
    expect(answeredReviewFor(log('ignored'), q(HOUR + 24 * HOUR))).toBeUndefined()
    expect(answeredReviewFor(log('ignored'), q(HOUR + MIN, '你才是 shabi'))).toBeUndefined()
    expect(answeredReviewFor(log('ignored'), { ...q(HOUR + 2 * HOUR), quietMs: 2 * HOUR })).toBeUndefined()
  })

  it('never an open review, nor a message without hits', () => {
    expect(answeredReviewFor(log('confirmed', { status: 'open' }), q(HOUR + MIN))).toBeUndefined()
    expect(answeredReviewFor(log('confirmed'), q(HOUR + MIN, '你是 shabi', []))).toBeUndefined()
  })
})

describe('the open questions an answer decides too (decidedAlong)', () => {
  const hit = (term: string, kind = 'pinyin') => ({
    category: 'insult',
    evidence: [{ source: 'text', match: { term, kind, matched: 'x' } }],
  })
  const r = (id: string, status: string, text: string, findings: object[], at: number, extra: object = {}) =>
    ({ ...review, id, status, text, findings, at, ...extra }) as unknown as Review
  const log = (...reviews: Review[]) => ({ next: reviews.length + 1, reviews }) as ReviewLog

  it('#确认: the same terms in the same forms, whatever the words; not another form, member or an answered one', () => {
    const answered = r('R1', 'confirmed', '你是 shabi', [hit('傻逼')], 0)
    const same = r('R2', 'open', '又来 SHA-bi', [hit('傻逼')], 5)
    const initials = r('R3', 'open', 'SB', [hit('傻逼', 'initials')], 6)
    const other = r('R4', 'open', 'shabi', [hit('傻逼')], 7, { memberId: 'wxid_c9' })
    const done = r('R5', 'ignored', 'shabi', [hit('傻逼')], 8)
    const wider = r('R6', 'open', 'shabi', [hit('傻逼')], 9, {
      repeats: [{ text: 'feiwu', findings: [hit('废物')], at: 10 }],
    })
    const l = log(answered, same, initials, other, done, wider)
    expect(decidedAlong(l, answered).map(x => x.id)).toEqual(['R2'])
    expect(decidedAlong(l, answered, 5)).toEqual([])
    expect(decidedAlong(l, { ...answered, status: 'open' })).toEqual([])
  })

  it('#忽略: only questions whose every message has the text of one of its messages', () => {
    const answered = r('R1', 'ignored', '你是 shabi', [hit('傻逼')], 0)
    const same = r('R2', 'open', ' 你是 shabi ', [hit('傻逼')], 5)
    const words = r('R3', 'open', '你才是 shabi', [hit('傻逼')], 6)
    expect(decidedAlong(log(answered, same, words), answered).map(x => x.id)).toEqual(['R2'])
  })
})

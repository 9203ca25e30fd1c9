import { describe, expect, it } from 'vitest'
import type { Campaign } from '../../../plugins/campaign/state.js'
import {
  campaignForReport,
  compileShareMatcher,
  imageCompletesClaim,
  judgePhrase,
} from '../../../plugins/campaign/decide-share.js'
import { RecentImages } from '../../../plugins/campaign/media/recent-images.js'

const MIN = 60_000
const matches = compileShareMatcher(['已分享', '已转发', '已发朋友圈'], 30)

function campaign(id: string, title: string, announced: Record<string, number>): Campaign {
  return {
    id,
    title,
    content: { text: title },
    targets: { kinds: ['internal'], groups: [] },
    startDay: '2026-11-30',
    deadline: 0,
    source: 'chat',
    status: 'announced',
    announced: Object.fromEntries(Object.entries(announced).map(([g, at]) => [g, { name: g, at }])),
  }
}

describe('share phrases', () => {
  it.each([
    ['已分享', true],
    ['已分享 ✅', true],
    ['@小助手 已转发了', true],
    ['刚刚已发朋友圈', true],
    ['还没分享', false],
    ['分享了', false],
    ['我已分享但是这条消息很长很长很长很长很长很长很长很长很长很长很长', false],
    ['', false],
  ])('%s -> %s', (text, expected) => {
    expect(matches(text)).toBe(expected)
  })

  // review26: a share phrase is everyday talk too. A question is no claim; the share must be the sender's own,
  // of the campaign (named or implied), to where it is shared, not something else handed to someone.
  it.each([
    ['已分享，截图补上了', true],
    ['好的，已转发到朋友圈了', true],
    ['我已分享[强]', true],
    ['已转发👍🏻', true],
    ['海报已转发', true],
    ['双十二的海报已分享朋友圈', true],
    ['净水器活动已转发', true],
    ['已分享，你们呢？', true],
    ['报价单已转发给刘总了', false],
    ['合同已转发', false],
    ['已转发给刘总', false],
    ['大家都已分享了吗？', false],
    ['大家都已分享了吗', false],
    ['你已转发了没', false],
    ['是不是都已分享了?', false],
    ['大家都已分享了', false],
    ['张三已转发', false],
  ])('%s -> %s (campaign 双十二净水器特惠 open)', (text, expected) => {
    expect(matches(text, ['双十二净水器特惠'])).toBe(expected)
  })
})

describe('phrase and screenshot', () => {
  it('counts a phrase after a recent screenshot, else waits for one', () => {
    expect(judgePhrase(10 * MIN, 5 * MIN, true, 10 * MIN)).toEqual({ kind: 'done', screenshot: true })
    expect(judgePhrase(30 * MIN, 5 * MIN, true, 10 * MIN)).toEqual({ kind: 'claim' })
    expect(judgePhrase(30 * MIN, undefined, true, 10 * MIN)).toEqual({ kind: 'claim' })
  })

  it('counts a phrase alone when screenshots are not required', () => {
    expect(judgePhrase(30 * MIN, undefined, false, 10 * MIN)).toEqual({ kind: 'done', screenshot: false })
  })

  it('lets a screenshot complete a claim only within the window', () => {
    expect(imageCompletesClaim(9 * MIN, 0, 10 * MIN)).toBe(true)
    expect(imageCompletesClaim(11 * MIN, 0, 10 * MIN)).toBe(false)
    expect(imageCompletesClaim(1 * MIN, undefined, 10 * MIN)).toBe(false)
  })

  it('remembers the last image per group and member', () => {
    const images = new RecentImages(10 * MIN)
    images.add('g1', 'u1', 1)
    images.add('g1', 'u1', 5)
    expect(images.last('g1', 'u1')).toBe(5)
    expect(images.last('g2', 'u1')).toBeUndefined()
  })
})

describe('which campaign a report is about', () => {
  const older = campaign('1', '年终大促', { g1: 100 })
  const newer = campaign('2', '双十二净水器特惠', { g1: 200, g2: 200 })

  it('takes the quoted campaign, else the latest announced in that group', () => {
    expect(campaignForReport([older, newer], 'g1')?.id).toBe('2')
    expect(campaignForReport([older, newer], 'g1', '【活动】年终大促\n截止…')?.id).toBe('1')
    expect(campaignForReport([older], 'g2')).toBeUndefined()
    expect(campaignForReport([{ ...newer, status: 'ended' }], 'g1')).toBeUndefined()
  })
})

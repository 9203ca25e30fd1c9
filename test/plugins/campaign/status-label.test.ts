import { describe, expect, it } from 'vitest'
import { statusLabel } from '../../../plugins/campaign/texts.js'

describe('campaign: the status label a list, progress and the console show', () => {
  const deadline = Date.UTC(2026, 11, 8, 10)

  it('calls a campaign that will not be published 未发布 before its deadline, 已截止（未发布） after it', () => {
    expect(statusLabel('missed', deadline, deadline - 3600_000)).toBe('未发布')
    expect(statusLabel('missed', deadline, deadline)).toBe('已截止（未发布）')
  })

  it('names the other states as they are', () => {
    expect(['scheduled', 'announced', 'ended'].map(s => statusLabel(s as 'ended', deadline, 0))).toEqual([
      '待发布',
      '进行中',
      '已结束',
    ])
  })
})

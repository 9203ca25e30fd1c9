import { describe, expect, it } from 'vitest'
import { DEFAULT_FINE_POLICY, fineOwed, type FinePolicy } from '../../../../bot/runtime/records/fine-policy.js'

const M = 60_000
const H = 60 * M
const since = Date.parse('2026-11-30T01:00:00Z')

describe('fineOwed with the company rule (5 yuan within 2 h, +5 per started hour, at most 50)', () => {
  it.each([
    ['at once', 0, 5],
    ['1h59m', H + 59 * M, 5],
    ['exactly 2h', 2 * H, 5],
    ['2h01m', 2 * H + M, 10],
    ['3h', 3 * H, 10],
    ['3h01m', 3 * H + M, 15],
    ['10h', 10 * H, 45],
    ['11h', 11 * H, 50],
    ['20h', 20 * H, 50],
    ['3 days', 72 * H, 50],
  ])('settled after %s owes the right amount', (_label, after, yuan) => {
    expect(fineOwed(DEFAULT_FINE_POLICY, since, since + after)).toBe(yuan)
  })
})

describe('fineOwed with a custom policy', () => {
  // 10 yuan within 30 minutes, +2 per started 15 minutes, at most 20.
  const policy: FinePolicy = { base: 10, windowMs: 30 * M, step: 2, stepMs: 15 * M, cap: 20 }

  it.each([
    [30 * M, 10],
    [30 * M + 1, 12],
    [45 * M, 12],
    [45 * M + 1, 14],
    [90 * M, 18],
    [90 * M + 1, 20],
    [5 * H, 20],
  ])('after %i ms owes %i yuan', (after, yuan) => {
    expect(fineOwed(policy, since, since + after)).toBe(yuan)
  })
})

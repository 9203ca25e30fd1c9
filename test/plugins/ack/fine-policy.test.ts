import { describe, expect, it } from 'vitest'
import { DEFAULT_FINE_POLICY, fineOwed } from '../../../bot/runtime/fine-policy.js'
import { Ledger } from '../../../bot/runtime/ledger.js'
import { MemoryStore } from '../../../bot/ports/memory-store.js'
import { fineRuleText } from '../../../plugins/ack/texts.js'

const min = 60_000
const t0 = Date.parse('2026-11-30T09:30:00+08:00')

describe('fine owed for a missed notice (5 yuan within 2h, +5 per started hour, cap 50)', () => {
  it.each([
    ['paid at once', 0, 5],
    ['1h59m', 119 * min, 5],
    ['exactly 2h', 120 * min, 5],
    ['2h01m', 121 * min, 10],
    ['3h', 180 * min, 10],
    ['3h01m', 181 * min, 15],
    ['11h', 660 * min, 50],
    ['20h', 1200 * min, 50],
  ])('%s after the deadline -> %i yuan', (_, late, yuan) => {
    expect(fineOwed(DEFAULT_FINE_POLICY, t0, t0 + late)).toBe(yuan)
  })

  it('settling through the ledger records what was owed at that moment', () => {
    const ledger = new Ledger(new MemoryStore(), DEFAULT_FINE_POLICY)
    ledger.addFine({ memberId: 'u1', violation: '未按时回复通知 N1', at: t0 })
    expect(ledger.settleOldest('u1', t0 + 121 * min, 'm1')).toMatchObject({ owed: 10 })
    expect(ledger.openFines('u1')).toEqual([])
  })

  it('describes the policy in chat text', () => {
    expect(fineRuleText(DEFAULT_FINE_POLICY)).toBe('2小时内 5 元，超时每 1小时加 5 元，最多 50 元')
  })
})

import { describe, expect, it } from 'vitest'
import { MemoryStore } from '../../../bot/ports/store/memory-store.js'
import { Ledger } from '../../../bot/runtime/records/ledger.js'

const POLICY = { base: 10, windowMs: 86_400_000, step: 0, stepMs: 86_400_000, cap: 100 }
const DAY = 86_400_000

describe('fleet-wide strikes and fines', () => {
  it('counts another account’s strikes against the same member, and never undoes them here', () => {
    const ledger = new Ledger(new MemoryStore(), POLICY)
    ledger.addStrike({ memberId: 'spammer', category: 'ad', groupId: 'g1', at: 0, expiresAt: DAY, auditId: 'A1' })
    ledger.setForeign('b', {
      strikes: [{ id: 'S1', memberId: 'spammer', category: 'ad', groupId: 'g9', at: 0, expiresAt: DAY, auditId: 'A1' }],
      fines: [{ id: 'F2', memberId: 'spammer', violation: 'ad', at: 0, auditId: 'A1' }],
      next: 3,
    })
    expect(ledger.activeStrikes('spammer', 1).map(s => s.id)).toEqual(['S1', 'b/S1'])
    expect(ledger.finesOf('spammer').map(f => f.id)).toEqual(['F2@b'])
    expect(ledger.undoAudit({ id: 'A1', at: 0, memberId: 'spammer' }, 'admin', 2)).toEqual({ strikes: 1, fines: 0 })
    expect(ledger.activeStrikes('spammer', 3).map(s => s.id)).toEqual(['b/S1'])
    // A newer copy of the other ledger replaces the older one (its undo shows here too).
    ledger.setForeign('b', { strikes: [], fines: [], next: 3 })
    expect(ledger.activeStrikes('spammer', 3)).toEqual([])
  })
})

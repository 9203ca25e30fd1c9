import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileStore } from '../../../../bot/ports/store/file-store.js'
import { MemoryStore } from '../../../../bot/ports/store/memory-store.js'
import { DEFAULT_FINE_POLICY } from '../../../../bot/runtime/records/fine-policy.js'
import { LEDGER_JOURNAL, Ledger, ledgerAccepts } from '../../../../bot/runtime/records/ledger.js'

const H = 3_600_000
const DAY = 24 * H
const T0 = Date.parse('2026-11-30T01:00:00Z')

function ledger(store = new MemoryStore()) {
  return new Ledger(store, DEFAULT_FINE_POLICY)
}

describe('Ledger strikes', () => {
  it('counts a strike until it expires', () => {
    const l = ledger()
    l.addStrike({ memberId: 'u1', category: 'ad', at: T0, expiresAt: T0 + 30 * DAY })
    expect(l.activeStrikes('u1', T0 + 30 * DAY - 1)).toHaveLength(1)
    expect(l.activeStrikes('u1', T0 + 30 * DAY)).toHaveLength(0)
    expect(l.activeStrikes('u2', T0)).toHaveLength(0)
  })

  it('counts strikes per category when asked', () => {
    const l = ledger()
    l.addStrike({ memberId: 'u1', category: 'ad', at: T0, expiresAt: T0 + DAY })
    l.addStrike({ memberId: 'u1', category: 'nickname', at: T0, expiresAt: T0 + DAY })
    expect(l.activeStrikes('u1', T0)).toHaveLength(2)
    expect(l.activeStrikes('u1', T0, 'ad').map(s => s.category)).toEqual(['ad'])
  })

  it('undo revokes only a record of the member and time the named entry has (a reused id revokes nothing else)', () => {
    const l = ledger()
    // An old strike of u2 that once had audit id A10 (before a lost counter restarted the ids).
    const old = l.addStrike({ memberId: 'u2', category: 'ad', at: T0 - DAY, expiresAt: T0 + DAY, auditId: 'A10' })
    const mine = l.addStrike({ memberId: 'u1', category: 'ad', at: T0, expiresAt: T0 + DAY, auditId: 'A10' })
    expect(l.undoAudit({ id: 'A10', at: T0, memberId: 'u1' }, 'admin1', T0 + H)).toEqual({ strikes: 1, fines: 0 })
    expect(l.activeStrikes('u2', T0 + H).map(s => s.id)).toEqual([old.id])
    expect(l.activeStrikes('u1', T0 + H).map(s => s.id)).not.toContain(mine.id)
    // The same id for the same member, but a strike older than the entry: not the one named.
    const older = l.addStrike({ memberId: 'u1', category: 'ad', at: T0 - DAY, expiresAt: T0 + DAY, auditId: 'A11' })
    expect(l.hasEffect({ id: 'A11', at: T0, memberId: 'u1' })).toBe(false)
    expect(l.activeStrikes('u1', T0 + H).map(s => s.id)).toEqual([older.id])
  })

  it('revokes only the strikes of the undone audit entry', () => {
    const l = ledger()
    l.addStrike({ memberId: 'u1', category: 'ad', at: T0, expiresAt: T0 + DAY, auditId: 'A1' })
    const kept = l.addStrike({ memberId: 'u1', category: 'ad', at: T0, expiresAt: T0 + DAY, auditId: 'A2' })
    expect(l.undoAudit({ id: 'A1', at: T0 }, 'admin1', T0 + H)).toEqual({ strikes: 1, fines: 0 })
    expect(l.activeStrikes('u1', T0 + H).map(s => s.id)).toEqual([kept.id])
    // Undoing twice changes nothing more.
    expect(l.undoAudit({ id: 'A1', at: T0 }, 'admin1', T0 + H)).toEqual({ strikes: 0, fines: 0 })
  })
})

describe('Ledger fines', () => {
  it('settles the oldest open fine with what it owed at that moment', () => {
    const l = ledger()
    const old = l.addFine({ memberId: 'u1', violation: '未改群昵称', at: T0 })
    const recent = l.addFine({ memberId: 'u1', violation: '发广告', at: T0 + 2 * H })
    l.addFine({ memberId: 'u2', violation: '发广告', at: T0 - DAY })

    // 3h30m after the first fine: 1h30m late, two hours started → 15 yuan.
    expect(l.settleOldest('u1', T0 + 3.5 * H, 'msg-1')).toEqual({
      fine: expect.objectContaining({ id: old.id }),
      owed: 15,
    })
    expect(l.openFines('u1').map(f => f.id)).toEqual([recent.id])
    expect(l.owed(old, T0 + 10 * H)).toBe(0)
    // The next red packet settles the other one, still within its own 2 hours.
    expect(l.settleOldest('u1', T0 + 3.5 * H)!.owed).toBe(5)
    expect(l.settleOldest('u1', T0 + 4 * H)).toBeUndefined()
    expect(l.finesOf('u1').map(f => f.settled?.amount)).toEqual([15, 5])
  })

  it('waives a fine with who and why, once', () => {
    const l = ledger()
    const fine = l.addFine({ memberId: 'u1', violation: '未改群昵称', at: T0 })
    expect(l.waive(fine.id, 'admin1', '新员工第一次', T0 + H)).toBe(true)
    expect(l.finesOf('u1')[0].waived).toEqual({ at: T0 + H, by: 'admin1', reason: '新员工第一次' })
    expect(l.openFines('u1')).toEqual([])
    expect(l.owed(fine, T0 + 5 * H)).toBe(0)
    expect(l.waive(fine.id, 'admin1', 'again', T0 + H)).toBe(false)
    expect(l.waive('F999', 'admin1', 'unknown', T0)).toBe(false)
  })

  it('does not waive a fine that was already paid', () => {
    const l = ledger()
    const fine = l.addFine({ memberId: 'u1', violation: '发广告', at: T0 })
    l.settleOldest('u1', T0 + H)
    expect(l.waive(fine.id, 'admin1', 'too late', T0 + 2 * H)).toBe(false)
    expect(l.finesOf('u1')[0].settled!.amount).toBe(5)
  })

  it('undo waives the fines of that audit entry only, and leaves paid ones paid', () => {
    const l = ledger()
    const a = l.addFine({ memberId: 'u1', violation: 'x', at: T0, auditId: 'A1' })
    const paid = l.addFine({ memberId: 'u2', violation: 'x', at: T0, auditId: 'A1' })
    const other = l.addFine({ memberId: 'u1', violation: 'x', at: T0, auditId: 'A2' })
    l.settleOldest('u2', T0 + H)
    expect(l.undoAudit({ id: 'A1', at: T0 }, 'admin1', T0 + H)).toEqual({ strikes: 0, fines: 1 })
    expect(l.finesOf('u1').find(f => f.id === a.id)!.waived).toMatchObject({ by: 'admin1' })
    expect(l.openFines('u1').map(f => f.id)).toEqual([other.id])
    expect(l.finesOf('u2').find(f => f.id === paid.id)).toMatchObject({ settled: { amount: 5 } })
    expect(l.finesOf('u2')[0].waived).toBeUndefined()
  })

  it('keeps strikes and fines in the store for the next run', () => {
    const store = new MemoryStore()
    const fine = ledger(store).addFine({ memberId: 'u1', violation: 'x', at: T0 })
    ledger(store).addStrike({ memberId: 'u1', category: 'ad', at: T0, expiresAt: T0 + DAY })
    const next = ledger(store)
    expect(next.openFines('u1').map(f => f.id)).toEqual([fine.id])
    expect(next.activeStrikes('u1', T0)).toHaveLength(1)
    // Ids stay unique across runs.
    expect(next.addFine({ memberId: 'u1', violation: 'y', at: T0 }).id).not.toBe(fine.id)
  })
})

describe('Ledger on disk', () => {
  const strike = { id: 'S1', memberId: 'u1', category: 'ad', at: T0, expiresAt: T0 + DAY, auditId: 'A1' }
  const fine = { id: 'F2', memberId: 'u1', violation: '发广告', at: T0, auditId: 'A1' }

  it("takes over an older release's ledger document and then writes one line per change, never the whole ledger", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-'))
    mkdirSync(join(dir, 'state'))
    writeFileSync(
      join(dir, 'state', 'ledger.json'),
      JSON.stringify({ $version: 1, strikes: [strike], fines: [fine], next: 3 }),
    )
    const store = new FileStore(dir)
    const l = new Ledger(store, DEFAULT_FINE_POLICY)
    const journal = join(dir, 'state', 'ledger.jsonl')
    expect(existsSync(join(dir, 'state', 'ledger.json'))).toBe(false)
    const snapshot = readFileSync(journal, 'utf8')

    expect(l.addStrike({ memberId: 'u2', category: 'ad', at: T0 + H, expiresAt: T0 + DAY }).id).toBe('S3')
    expect(l.addFine({ memberId: 'u2', violation: '发广告', at: T0 + H }).id).toBe('F4')
    l.settleOldest('u2', T0 + 2 * H, 'm1')
    expect(l.undoAudit({ id: 'A1', at: T0 }, 'admin1', T0 + 2 * H)).toEqual({ strikes: 1, fines: 1 })
    await store.flush()

    const text = readFileSync(journal, 'utf8')
    expect(text.startsWith(snapshot)).toBe(true)
    expect(
      text
        .slice(snapshot.length)
        .trim()
        .split('\n')
        .map(line => JSON.parse(line).op),
    ).toEqual(['strike', 'fine', 'settle', 'revoke', 'waive'])

    const again = new Ledger(new FileStore(dir), DEFAULT_FINE_POLICY)
    expect(again.activeStrikes('u1', T0 + 3 * H)).toEqual([])
    expect(again.activeStrikes('u2', T0 + 3 * H).map(s => s.id)).toEqual(['S3'])
    expect(again.finesOf('u1')[0].waived).toMatchObject({ by: 'admin1', reason: 'undo' })
    expect(again.finesOf('u2')[0].settled).toMatchObject({ at: T0 + 2 * H, messageId: 'm1' })
    expect(again.openFines()).toEqual([])
    expect(again.addStrike({ memberId: 'u3', category: 'ad', at: T0 + 3 * H, expiresAt: T0 + DAY }).id).toBe('S5')
  })

  it('drops strikes long expired with one record, and they stay dropped after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-'))
    const store = new FileStore(dir)
    const l = new Ledger(store, DEFAULT_FINE_POLICY)
    l.addStrike({ memberId: 'u1', category: 'ad', at: T0, expiresAt: T0 + DAY })
    const later = T0 + 200 * DAY
    l.addStrike({ memberId: 'u1', category: 'ad', at: later, expiresAt: later + DAY })
    await store.flush()
    const again = new Ledger(new FileStore(dir), DEFAULT_FINE_POLICY)
    expect(again.activeStrikes('u1', later).map(s => s.id)).toEqual(['S2'])
    expect(again.hasEffect({ id: 'none', at: 0 })).toBe(false)
    const ops = readFileSync(join(dir, 'state', 'ledger.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
    expect(ops.map(line => JSON.parse(line).op)).toEqual(['strike', 'strike', 'prune'])
  })

  it('refuses at start a ledger snapshot the schema refuses, though a quick check stands in for the schema', () => {
    // Every snapshot the quick check accepts, the schema accepts too: mutate a valid one field by field.
    const valid = { strikes: [strike, { ...strike, id: 'S2', auditId: undefined }], fines: [fine], next: 3 }
    const bad: unknown[] = [null, 0, 'x', [], true, {}, -1, 1.5, Number.NaN, [strike], { id: 1 }]
    const variants: unknown[] = [valid]
    for (const value of bad) {
      variants.push({ ...valid, [['strikes', 'fines', 'next'][variants.length % 3]]: value })
      for (const field of ['id', 'memberId', 'category', 'at', 'expiresAt', 'auditId'])
        variants.push({ ...valid, strikes: [strike, { ...strike, [field]: value }] })
      for (const field of ['id', 'memberId', 'at', 'auditId'])
        variants.push({ ...valid, fines: [{ ...fine, [field]: value }] })
      variants.push({ ...valid, strikes: [value] }, { ...valid, fines: [value] }, { ...valid, next: value })
    }
    for (const v of variants) if (ledgerAccepts(v)) expect(LEDGER_JOURNAL.schema.safeParse(v).success).toBe(true)
    expect(ledgerAccepts(valid)).toBe(true)

    const dir = mkdtempSync(join(tmpdir(), 'ledger-'))
    mkdirSync(join(dir, 'state'))
    const snapshot = { $version: 2, ...valid, strikes: [{ ...strike, expiresAt: 'soon' }] }
    writeFileSync(join(dir, 'state', 'ledger.jsonl'), `${JSON.stringify(snapshot)}\n`)
    expect(() => new Ledger(new FileStore(dir), DEFAULT_FINE_POLICY)).toThrow(/strikes\.0\.expiresAt/)
  })
})

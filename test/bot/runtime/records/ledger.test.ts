import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileStore } from '../../../../bot/ports/store/file-store.js'
import { MemoryStore } from '../../../../bot/ports/store/memory-store.js'
import { DEFAULT_FINE_POLICY } from '../../../../bot/runtime/records/fine-policy.js'
import {
  LEDGER_JOURNAL,
  LEDGER_V2_SCHEMA,
  Ledger,
  ledgerAccepts,
  ledgerV2Accepts,
} from '../../../../bot/runtime/records/ledger.js'

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
  it('settles a fine with what it owed at that moment, once', () => {
    const l = ledger()
    const old = l.addFine({ memberId: 'u1', violation: '未改群昵称', at: T0 })
    const recent = l.addFine({ memberId: 'u1', violation: '发广告', at: T0 + 2 * H })
    l.addFine({ memberId: 'u2', violation: '发广告', at: T0 - DAY })

    // 3h30m after the first fine: 1h30m late, two hours started → 15 yuan.
    expect(l.settle(old.id, T0 + 3.5 * H, 'msg-1')).toEqual({
      fine: expect.objectContaining({ id: old.id }),
      owed: 15,
    })
    expect(l.openFines('u1').map(f => f.id)).toEqual([recent.id])
    expect(l.owed(old, T0 + 10 * H)).toBe(0)
    // The other one, still within its own 2 hours.
    expect(l.settle(recent.id, T0 + 3.5 * H)!.owed).toBe(5)
    expect(l.settle(recent.id, T0 + 4 * H)).toBeUndefined()
    expect(l.settle('F999', T0 + 4 * H)).toBeUndefined()
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
    l.settle(fine.id, T0 + H)
    expect(l.waive(fine.id, 'admin1', 'too late', T0 + 2 * H)).toBe(false)
    expect(l.finesOf('u1')[0].settled!.amount).toBe(5)
  })

  it('undo waives the fines of that audit entry only, and leaves paid ones paid', () => {
    const l = ledger()
    const a = l.addFine({ memberId: 'u1', violation: 'x', at: T0, auditId: 'A1' })
    const paid = l.addFine({ memberId: 'u2', violation: 'x', at: T0, auditId: 'A1' })
    const other = l.addFine({ memberId: 'u1', violation: 'x', at: T0, auditId: 'A2' })
    l.settle(paid.id, T0 + H)
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
    l.settle('F4', T0 + 2 * H, 'm1')
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

  it('refuses at start a version 2 snapshot the schema refuses, though a quick check stands in for the schema', () => {
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
    for (const v of variants) if (ledgerV2Accepts(v)) expect(LEDGER_V2_SCHEMA.safeParse(v).success).toBe(true)
    expect(ledgerV2Accepts(valid)).toBe(true)

    const dir = mkdtempSync(join(tmpdir(), 'ledger-'))
    mkdirSync(join(dir, 'state'))
    const snapshot = { $version: 2, ...valid, strikes: [{ ...strike, expiresAt: 'soon' }] }
    writeFileSync(join(dir, 'state', 'ledger.jsonl'), `${JSON.stringify(snapshot)}\n`)
    expect(() => new Ledger(new FileStore(dir), DEFAULT_FINE_POLICY)).toThrow(/strikes\.0\.expiresAt/)
  })

  /** A version 3 snapshot: strikes S1 (u1, A1) and S7 (u2, no group, no audit entry, revoked), fine F2. */
  const table = () => ({
    strikes: {
      id: [1, 7],
      member: [0, 3],
      category: [1, 1],
      group: [2, -1],
      at: [T0, T0 + H],
      expiresAt: [T0 + DAY, T0 + DAY],
      audit: [1, null],
    },
    names: ['u1', 'ad', 'g1', 'u2'],
    more: { 1: { revoked: { at: T0 + 2 * H, by: 'admin1', reason: 'undo' } } },
    fines: [fine],
    next: 8,
  })

  it('refuses at start a version 3 snapshot whose columns disagree, though a quick check stands in for the schema', () => {
    const valid = table()
    const bad: unknown[] = [null, 0, 'x', [], true, {}, -1, -2, 1.5, 4, Number.NaN, [1], { id: 1 }]
    const variants: unknown[] = [valid]
    for (const value of bad) {
      for (const column of Object.keys(valid.strikes))
        variants.push(
          { ...valid, strikes: { ...valid.strikes, [column]: value } },
          { ...valid, strikes: { ...valid.strikes, [column]: [value, value] } },
          { ...valid, strikes: { ...valid.strikes, [column]: [value] } },
        )
      variants.push(
        { ...valid, names: value },
        { ...valid, names: ['u1', 'ad', value, 'u2'] },
        { ...valid, more: value },
        { ...valid, more: { 1: value } },
        { ...valid, more: { [String(value)]: {} } },
        { ...valid, more: { 0: { revoked: value } } },
        { ...valid, fines: value },
        { ...valid, next: value },
      )
    }
    let accepted = 0
    for (const v of variants)
      if (ledgerAccepts(v)) {
        accepted++
        expect(LEDGER_JOURNAL.schema.safeParse(v).success).toBe(true)
      }
    expect(ledgerAccepts(valid)).toBe(true)
    expect(accepted).toBeGreaterThan(1) // some variants are valid still (e.g. a member index that is another name)

    const dir = mkdtempSync(join(tmpdir(), 'ledger-'))
    mkdirSync(join(dir, 'state'))
    const past = { ...valid, strikes: { ...valid.strikes, member: [0, 9] } }
    writeFileSync(join(dir, 'state', 'ledger.jsonl'), `${JSON.stringify({ $version: 3, ...past })}\n`)
    expect(() => new Ledger(new FileStore(dir), DEFAULT_FINE_POLICY)).toThrow(/wrong shape: strikes: columns/)
  })

  it('reads a version 3 snapshot: strikes with and without group and audit entry, a revoked one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-'))
    mkdirSync(join(dir, 'state'))
    writeFileSync(join(dir, 'state', 'ledger.jsonl'), `${JSON.stringify({ $version: 3, ...table() })}\n`)
    const l = new Ledger(new FileStore(dir), DEFAULT_FINE_POLICY)
    expect(l.activeStrikes('u1', T0)).toEqual([{ ...strike, groupId: 'g1' }])
    expect(l.activeStrikes('u2', T0 + H)).toEqual([]) // revoked
    expect(l.hasEffect({ id: 'A1', at: T0, memberId: 'u1' })).toBe(true)
    expect(l.hasEffect({ id: 'A1', at: T0, memberId: 'u2' })).toBe(false)
    expect(l.addStrike({ memberId: 'u2', category: 'ad', at: T0 + H, expiresAt: T0 + DAY }).id).toBe('S8')
  })

  it("reads an older release's version 2 journal (strikes as objects, records after it) and rewrites it as version 3 at the next flush", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-'))
    mkdirSync(join(dir, 'state'))
    const noted = { ...strike, id: 'S3', memberId: 'u2', auditId: 'manual-7', note: 'kept' }
    const v2 = { $version: 2, strikes: [strike, noted], fines: [fine], next: 4 }
    const records = [
      { op: 'revoke', id: 'S1', revoked: { at: T0 + H, by: 'admin1', reason: 'undo' } },
      { op: 'strike', strike: { id: 'S4', memberId: 'u1', category: 'link', at: T0 + H, expiresAt: T0 + DAY } },
    ]
    const file = join(dir, 'state', 'ledger.jsonl')
    writeFileSync(file, [v2, ...records].map(r => `${JSON.stringify(r)}\n`).join(''))
    const store = new FileStore(dir)
    const l = new Ledger(store, DEFAULT_FINE_POLICY)
    const seen = (x: Ledger) => ({
      u1: x.activeStrikes('u1', T0),
      u2: x.activeStrikes('u2', T0),
      fines: x.fines(),
    })
    const before = seen(l)
    expect(before).toEqual({
      u1: [{ id: 'S4', memberId: 'u1', category: 'link', at: T0 + H, expiresAt: T0 + DAY }],
      u2: [noted],
      fines: [fine], // S1 revoked: u1 has only S4
    })
    await store.flush()
    const rewritten = readFileSync(file, 'utf8')
    expect(rewritten.trim().split('\n')).toHaveLength(1) // one snapshot, the records in it
    expect(JSON.parse(rewritten)).toMatchObject({ $version: 3, names: ['u1', 'ad', 'u2', 'link'] })
    const again = new Ledger(new FileStore(dir), DEFAULT_FINE_POLICY)
    expect(seen(again)).toEqual(before)
    expect(again.undoAudit({ id: 'manual-7', at: T0 }, 'admin1', T0 + H)).toEqual({ strikes: 1, fines: 0 })
    expect(again.addFine({ memberId: 'u1', violation: 'x', at: T0 }).id).toBe('F5')
  })

  it('drops the names only pruned strikes used', () => {
    const store = new MemoryStore()
    const l = ledger(store)
    l.addStrike({ memberId: 'gone', category: 'old', groupId: 'g0', at: T0, expiresAt: T0 + DAY })
    const later = T0 + 200 * DAY
    l.addStrike({ memberId: 'u1', category: 'ad', at: later, expiresAt: later + DAY })
    expect(store.journal('ledger', LEDGER_JOURNAL).state.names).toEqual(['u1', 'ad'])
    expect(l.activeStrikes('u1', later).map(s => s.id)).toEqual(['S2'])
    expect(l.activeStrikes('gone', T0)).toEqual([])
  })

  it("counts another account's strikes whether its release writes version 3 or version 2", () => {
    const l = ledger()
    const { fines: _, next: __, ...columns } = table()
    l.setForeign('b', { ...columns, fines: [], next: 8 })
    l.setForeign('c', { strikes: [{ ...strike, id: 'S5' }], fines: [fine], next: 6 })
    expect(l.activeStrikes('u1', T0).map(s => s.id)).toEqual(['b/S1', 'c/S5'])
    expect(l.finesOf('u1').map(f => f.id)).toEqual(['F2@c'])
  })
})

import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FakeClock } from '../../../../bot/ports/clock.js'
import { FileStore } from '../../../../bot/ports/store/file-store.js'
import { AuditLog } from '../../../../bot/runtime/records/audit.js'

const T0 = Date.parse('2026-11-30T01:00:00Z')
const TZ = 'Asia/Shanghai'

/** A data folder with ten audit entries over two days, flushed. */
async function tenEntries(): Promise<{ dir: string; clock: FakeClock }> {
  const dir = mkdtempSync(join(tmpdir(), 'audit-ids-'))
  const clock = new FakeClock(T0)
  const store = new FileStore(dir)
  const audit = new AuditLog(store, clock, TZ)
  for (let i = 0; i < 10; i++) {
    audit.append({ plugin: 'content', rule: 'ad', type: 'strike', dryRun: false, memberId: `u${i}` })
    await clock.advance(3 * 3_600_000)
  }
  await store.flush()
  return { dir, clock }
}

const next = (dir: string, clock: FakeClock) =>
  new AuditLog(new FileStore(dir, { acceptStateLoss: true }), clock, TZ).append({
    plugin: 'runtime',
    rule: 'x',
    type: 'say',
    dryRun: false,
  }).id

describe('audit ids never repeat', () => {
  it('continue after the highest logged id when audit-counter.json is deleted', async () => {
    const { dir, clock } = await tenEntries()
    rmSync(join(dir, 'state', 'audit-counter.json'))
    expect(next(dir, clock)).toBe('A11')
  })

  it('continue when audit-counter.json is truncated (moved aside, named in a warning)', async () => {
    const { dir, clock } = await tenEntries()
    writeFileSync(join(dir, 'state', 'audit-counter.json'), '')
    const store = new FileStore(dir)
    expect(new AuditLog(store, clock, TZ).append({ plugin: 'runtime', rule: 'x', type: 'say', dryRun: false }).id).toBe(
      'A11',
    )
    expect(store.warnings[0]).toContain('state/audit-counter.json: corrupt')
  })

  it('continue after the highest id of a day longer than the part of it a start reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-ids-'))
    const clock = new FakeClock(T0)
    const store = new FileStore(dir)
    const audit = new AuditLog(store, clock, TZ)
    for (let i = 0; i < 2_000; i++)
      audit.append({ plugin: 'content', rule: 'ad', type: 'strike', dryRun: false, memberId: `u${i}`, reason: '广告' })
    await store.flush()
    expect(statSync(join(dir, 'logs', 'audit', '2026-11-30.jsonl')).size).toBeGreaterThan(200_000)
    rmSync(join(dir, 'state', 'audit-counter.json'))
    expect(next(dir, clock)).toBe('A2001')
  })

  it('continue when the counter was set back (an old backup restored)', async () => {
    const { dir, clock } = await tenEntries()
    writeFileSync(join(dir, 'state', 'audit-counter.json'), JSON.stringify({ $version: 1, next: 3 }))
    expect(next(dir, clock)).toBe('A11')
  })
})

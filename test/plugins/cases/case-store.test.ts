import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileStore } from '../../../bot/ports/store/file-store.js'
import { MemoryStore } from '../../../bot/ports/store/memory-store.js'
import { CASES_SHARD_DOC, type NewCase } from '../../../plugins/cases/state.js'
import { CaseStore, parseCaseId } from '../../../plugins/cases/store/case-store.js'

const TZ = 'Asia/Shanghai'
const draft = (text: string, at: number, over: Partial<NewCase> = {}): NewCase => ({
  tag: '成交',
  authorId: 'zhang',
  author: '张三',
  groupId: 'r1',
  at,
  text,
  fields: {},
  title: text,
  images: [],
  ...over,
})
const NOV = Date.parse('2026-11-30T02:00:00Z')
const DEC = Date.parse('2026-12-01T02:00:00Z')

describe('CaseStore', () => {
  it('writes the sequence and the month document before resolving, and reloads both', async () => {
    const store = new MemoryStore()
    const cases = new CaseStore(store, TZ)
    const a = await cases.add(draft('十一月的案例', NOV))
    const b = await cases.add(draft('十二月的案例', DEC))
    expect([a.id, b.id]).toEqual(['C1', 'C2'])
    expect(store.persists).toBe(4)
    expect(store.doc('cases-2026-11', CASES_SHARD_DOC).data.cases).toHaveLength(1)
    const reopened = new CaseStore(store, TZ)
    expect(reopened.live().map(c => c.id)).toEqual(['C1', 'C2'])
    expect((await reopened.add(draft('又一个', DEC))).id).toBe('C3')
  })

  it('finds duplicates ignoring whitespace and letter case, only among live cases', async () => {
    const cases = new CaseStore(new MemoryStore(), TZ)
    const a = await cases.add(draft('客户：刘总\n金额：8万 RO', NOV))
    expect(cases.duplicateOf('客户：刘总  金额：8万 ro')).toBe(a)
    await cases.update(a, c => {
      c.status = 'withdrawn'
    })
    expect(cases.duplicateOf('客户：刘总\n金额：8万 RO')).toBeUndefined()
  })

  it('keeps nothing when the write fails, and undoes a failed update', async () => {
    const store = new MemoryStore()
    const cases = new CaseStore(store, TZ)
    const ok = await cases.add(draft('第一条', NOV))
    const shard = store.doc('cases-2026-11', CASES_SHARD_DOC)
    shard.persist = async () => {
      throw new Error('disk full')
    }
    await expect(cases.add(draft('第二条', NOV))).rejects.toThrow('disk full')
    expect(cases.live().map(c => c.text)).toEqual(['第一条'])
    expect(cases.duplicateOf('第二条')).toBeUndefined()
    await expect(
      cases.update(ok, c => {
        c.text = '改过了'
        c.editedAt = NOV
      }),
    ).rejects.toThrow()
    expect(ok.text).toBe('第一条')
    expect(ok.editedAt).toBeUndefined()
    expect(cases.duplicateOf('第一条')).toBe(ok)
  })

  it('finds the latest live case by an author in a chat since a time', async () => {
    const cases = new CaseStore(new MemoryStore(), TZ)
    await cases.add(draft('群里的', NOV))
    const priv = await cases.add(draft('私聊的', NOV + 1000, { groupId: undefined }))
    expect(cases.latestBy('zhang', 'r1', NOV)?.text).toBe('群里的')
    expect(cases.latestBy('zhang', 'private:zhang', NOV)).toBe(priv)
    expect(cases.latestBy('zhang', 'r1', NOV + 1)).toBeUndefined()
    expect(cases.latestBy('li', 'r1', NOV)).toBeUndefined()
  })
})

describe('parseCaseId', () => {
  it.each([
    ['C12', 'C12'],
    ['c12', 'C12'],
    ['Ｃ１２', 'C12'],
    ['12', 'C12'],
    ['C012', 'C12'],
    ['X12', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (input, id) => {
    expect(parseCaseId(input)).toBe(id)
  })
})

describe('CaseStore ids never repeat', () => {
  async function twoMonths(): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'case-ids-'))
    const cases = new CaseStore(new FileStore(dir), TZ)
    await cases.add(draft('十一月的案例', NOV))
    await cases.add(draft('十二月的案例', DEC))
    return dir
  }

  it('keeps every case and continues the ids when cases-meta.json is deleted', async () => {
    const dir = await twoMonths()
    rmSync(join(dir, 'state', 'cases-meta.json'))
    const cases = new CaseStore(new FileStore(dir), TZ)
    expect(cases.live().map(c => c.id)).toEqual(['C1', 'C2'])
    expect((await cases.add(draft('又一个', DEC))).id).toBe('C3')
  })

  it('keeps every case and continues the ids when cases-meta.json is truncated, and says so', async () => {
    const dir = await twoMonths()
    writeFileSync(join(dir, 'state', 'cases-meta.json'), '')
    const store = new FileStore(dir)
    const cases = new CaseStore(store, TZ)
    expect(cases.get('C1')?.text).toBe('十一月的案例')
    expect((await cases.add(draft('又一个', DEC))).id).toBe('C3')
    expect(store.warnings.join('\n')).toContain('state/cases-meta.json: corrupt')
  })

  it('refuses to start when a month of cases is deleted or wrong-shaped, naming the file', async () => {
    const dir = await twoMonths()
    rmSync(join(dir, 'state', 'cases-2026-11.json'))
    expect(() => new CaseStore(new FileStore(dir), TZ)).toThrow(/state\/cases-2026-11\.json: missing/)
    writeFileSync(join(dir, 'state', 'cases-2026-11.json'), JSON.stringify({ cases: { C1: {} } }))
    expect(() => new CaseStore(new FileStore(dir), TZ)).toThrow(/state\/cases-2026-11\.json: wrong shape: cases/)
    expect(readdirSync(join(dir, 'state'))).toContain('cases-2026-11.json')
  })
})

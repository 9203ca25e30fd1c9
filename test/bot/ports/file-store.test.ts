import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { FileStore } from '../../../bot/ports/store/file-store.js'
import { recordingFs } from './recording-fs.js'
import { docSpec, journalSpec } from '../../../bot/ports/store/store.js'

interface Counts {
  count: number
  names: string[]
}
const fresh = (): Counts => ({ count: 0, names: [] })
const schema = z.object({ count: z.number(), names: z.array(z.string()) })
const COUNTS = docSpec<Counts>({ version: 1, schema, defaults: fresh })
const VOLATILE = docSpec<Counts>({ version: 1, schema, defaults: fresh, volatile: true })
const CASES = docSpec({
  version: 1,
  schema: z.object({ confirmed: z.array(z.string()) }),
  defaults: () => ({ confirmed: [] as string[] }),
  durable: true,
})

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'file-store-'))
}
const stateFile = (dir: string, name: string) => join(dir, 'state', `${name}.json`)
const onDisk = (dir: string, name: string): unknown => JSON.parse(readFileSync(stateFile(dir, name), 'utf8'))

afterEach(() => {
  vi.restoreAllMocks()
})

describe('FileStore documents', () => {
  it('keeps documents for a new store over the same folder (a restart)', async () => {
    const dir = tempDir()
    const store = new FileStore(dir)
    const doc = store.doc('counts', COUNTS)
    doc.data.count = 7
    doc.data.names.push('张三')
    doc.changed()
    await store.flush()

    const again = new FileStore(dir).doc('counts', COUNTS)
    expect(again.data).toEqual({ count: 7, names: ['张三'] })
  })

  it('fills fields added since the file was written from the defaults', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'state'), { recursive: true })
    writeFileSync(stateFile(dir, 'counts'), JSON.stringify({ count: 3 }))
    expect(new FileStore(dir).doc('counts', COUNTS).data).toEqual({ count: 3, names: [] })
  })

  it('does not write on changed(), only at the next flush()', async () => {
    const dir = tempDir()
    const store = new FileStore(dir)
    const doc = store.doc('counts', COUNTS)
    doc.data.count = 1
    doc.changed()
    expect(existsSync(stateFile(dir, 'counts'))).toBe(false)
    await store.flush()
    expect(onDisk(dir, 'counts')).toEqual({ $version: 1, count: 1, names: [] })

    doc.data.count = 2
    doc.changed()
    expect(onDisk(dir, 'counts')).toEqual({ $version: 1, count: 1, names: [] })
    await store.flush()
    expect(onDisk(dir, 'counts')).toEqual({ $version: 1, count: 2, names: [] })
  })

  it('coalesces many changes between flushes into one write of the latest state', async () => {
    const dir = tempDir()
    const { recorded, calls } = recordingFs()
    const store = new FileStore(dir, { fs: recorded })
    const doc = store.doc('counts', COUNTS)
    const writes = () => calls.filter(c => c.startsWith('rename')).length
    const before = writes()
    for (let i = 1; i <= 100; i++) {
      doc.data.count = i
      doc.changed()
    }
    await store.flush()
    expect(writes() - before).toBe(1)
    expect(onDisk(dir, 'counts')).toEqual({ $version: 1, count: 100, names: [] })
    // Nothing changed since: the next flush writes nothing.
    await store.flush()
    expect(writes() - before).toBe(1)
  })

  it('persist() writes at once, without waiting for a flush', async () => {
    const dir = tempDir()
    const doc = new FileStore(dir).doc('cases', CASES)
    doc.data.confirmed.push('案例-1')
    await doc.persist()
    expect(onDisk(dir, 'cases')).toEqual({ $version: 1, confirmed: ['案例-1'] })
  })
})

describe('FileStore logs', () => {
  it('reads records across days in day order, including lines not yet flushed', async () => {
    const dir = tempDir()
    const store = new FileStore(dir)
    store.append('audit', '2026-11-30', { id: 'A2' })
    store.append('audit', '2026-11-29', { id: 'A1' })
    await store.flush()
    store.append('audit', '2026-11-30', { id: 'A3' })
    store.append('audit', '2026-12-01', { id: 'A4' })

    expect(store.readLog('audit', '2026-11-29', '2026-11-30')).toEqual([{ id: 'A1' }, { id: 'A2' }, { id: 'A3' }])
    expect(store.readLog('audit', '2026-11-30', '2026-11-30')).toEqual([{ id: 'A2' }, { id: 'A3' }])
    expect(store.readLog('other', '2026-11-01', '2026-12-31')).toEqual([])

    await store.flush()
    expect(new FileStore(dir).readLog('audit', '2026-11-01', '2026-12-31')).toEqual([
      { id: 'A1' },
      { id: 'A2' },
      { id: 'A3' },
      { id: 'A4' },
    ])
  })

  it('writes each log line once, however often it flushes', async () => {
    const dir = tempDir()
    const store = new FileStore(dir)
    store.append('audit', '2026-11-30', { id: 'A1' })
    await store.flush()
    await store.flush()
    expect(readFileSync(join(dir, 'logs', 'audit', '2026-11-30.jsonl'), 'utf8')).toBe('{"id":"A1"}\n')
  })

  it('survives a torn last line left by a crash', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'logs', 'audit'), { recursive: true })
    writeFileSync(join(dir, 'logs', 'audit', '2026-11-30.jsonl'), '{"id":"A1"}\n{"id":"A2","ty')
    const records = new FileStore(dir).readLog<{ id?: string }>('audit', '2026-11-30', '2026-11-30')
    expect(records[0]).toEqual({ id: 'A1' })
    expect(records).toHaveLength(2)
    expect(records[1].id).toBeUndefined()
  })
})

describe('FileStore log tails', () => {
  /** A day of records with Chinese text of varying length (3 bytes a character), flushed; and its lines. */
  async function longDay(): Promise<{ store: FileStore; lines: string[] }> {
    const dir = tempDir()
    const store = new FileStore(dir)
    for (let i = 1; i <= 60; i++) store.append('audit', '2026-11-30', { id: `A${i}`, text: '违规'.repeat(i % 7) })
    await store.flush()
    const lines = readFileSync(join(dir, 'logs', 'audit', '2026-11-30.jsonl'), 'utf8')
      .split('\n')
      .slice(0, -1)
    return { store, lines }
  }

  it('reads the records wholly within the last bytes of a day, then those not written yet', async () => {
    const { store, lines } = await longDay()
    store.append('audit', '2026-11-30', { id: 'A61' })
    const size = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0)
    for (let window = 30; window < 600; window += 7) {
      // The lines that start at or after the window's first byte, each with its line feed.
      let start = size
      let whole = 0
      for (let i = lines.length - 1; i >= 0 && start - Buffer.byteLength(lines[i]) - 1 >= size - window; i--) {
        start -= Buffer.byteLength(lines[i]) + 1
        whole++
      }
      const tail = store.readLogTail('audit', '2026-11-30', window)
      const expected = whole
        ? lines.slice(-whole).map(l => JSON.parse(l))
        : store.readLog('audit', '2026-11-30', '2026-11-30').slice(0, -1)
      expect(tail).toEqual([...expected, { id: 'A61' }])
    }
  })

  it('reads the whole day when no whole line fits the window, or the day is shorter than it', async () => {
    const { store } = await longDay()
    const day = store.readLog('audit', '2026-11-30', '2026-11-30')
    expect(store.readLogTail('audit', '2026-11-30', 10)).toEqual(day)
    expect(store.readLogTail('audit', '2026-11-30', 1_000_000)).toEqual(day)
    expect(store.readLogTail('audit', '2026-12-01', 100)).toEqual([])
  })
})

describe('FileStore logs before and after a flush', () => {
  it('reads lines of a new day that are not flushed yet, like the memory store', () => {
    const store = new FileStore(tempDir())
    store.append('audit', '2026-11-30', { n: 1 })
    expect(store.readLog('audit', '2026-11-30', '2026-11-30')).toEqual([{ n: 1 }])
  })

  it('starts a new line after a torn last line, so the next record survives', async () => {
    const dir = tempDir()
    const first = new FileStore(dir)
    first.append('events', '2026-11-30', { n: 1 })
    await first.flush()
    appendFileSync(join(dir, 'logs', 'events', '2026-11-30.jsonl'), '{"n":2') // a crash mid-write
    const second = new FileStore(dir)
    second.append('events', '2026-11-30', { n: 3 })
    await second.flush()
    expect(second.readLog('events', '2026-11-30', '2026-11-30')).toEqual([{ n: 1 }, { corrupt: '{"n":2' }, { n: 3 }])
  })
})

describe('FileStore volatile documents', () => {
  it('leaves volatile documents to the periodic flush when only durable state must be written (before a send)', async () => {
    const dir = tempDir()
    const store = new FileStore(dir)
    const counters = store.doc('counters', VOLATILE)
    const decisions = store.doc('decisions', COUNTS)
    counters.data.count = 1
    counters.changed()
    decisions.data.count = 1
    decisions.changed()
    await store.flush(true)
    expect(existsSync(stateFile(dir, 'counters'))).toBe(false)
    expect(onDisk(dir, 'decisions')).toMatchObject({ count: 1 })
    await store.flush()
    expect(onDisk(dir, 'counters')).toMatchObject({ count: 1 })
  })
})

describe('FileStore periodic flush', () => {
  it('lets a waiting event run between two documents instead of after all of them', async () => {
    const dir = tempDir()
    const store = new FileStore(dir)
    for (const name of ['members', 'counters']) {
      const d = store.doc(name, VOLATILE)
      d.data.count = 1
      d.changed()
    }
    const seenByEvent: boolean[] = []
    const flushed = store.flush()
    setImmediate(() => seenByEvent.push(existsSync(stateFile(dir, 'members')), existsSync(stateFile(dir, 'counters'))))
    await flushed
    expect(seenByEvent).toEqual([true, false])
    expect(onDisk(dir, 'counters')).toMatchObject({ count: 1 })
  })

  it('still writes every durable document before the flush before a send returns', async () => {
    const dir = tempDir()
    const store = new FileStore(dir)
    for (const name of ['cases-a', 'cases-b']) {
      const d = store.doc(name, CASES)
      d.data.confirmed.push('c1')
      d.changed()
    }
    const seenByEvent: boolean[] = []
    const flushed = store.flush(true)
    setImmediate(() => seenByEvent.push(existsSync(stateFile(dir, 'cases-b'))))
    await flushed
    expect(seenByEvent).toEqual([])
    expect(onDisk(dir, 'cases-b')).toMatchObject({ confirmed: ['c1'] })
  })
})

describe('FileStore writing in the background (the running bot)', () => {
  it('lets events run while a flush writes a durable document, and returns once it is on disk and fsynced', async () => {
    const dir = tempDir()
    const { recorded, calls } = recordingFs()
    const store = new FileStore(dir, { fs: recorded, background: true })
    const doc = store.doc('cases', CASES)
    doc.data.confirmed.push('案例-1')
    doc.changed()
    let eventRan = false
    setImmediate(() => {
      eventRan = true
    })
    await store.flush(true)
    expect(eventRan).toBe(true)
    expect(onDisk(dir, 'cases')).toEqual({ $version: 1, confirmed: ['案例-1'] })
    expect(calls).toContain(`fsync ${stateFile(dir, 'cases')}.tmp-${process.pid}`)
  })

  it('persist() writes off the event loop, in the order called, so records persisted one after the other reach the disk in that order', async () => {
    const dir = tempDir()
    const { recorded, calls } = recordingFs()
    const store = new FileStore(dir, { fs: recorded, background: true })
    const cases = store.doc('cases', CASES)
    const queue = store.doc('queue', CASES)
    cases.data.confirmed.push('案例-1')
    const first = cases.persist()
    queue.data.confirmed.push('确认 案例-1')
    const second = queue.persist()
    expect(existsSync(stateFile(dir, 'cases'))).toBe(false) // nothing written on the event loop
    await first
    expect(onDisk(dir, 'cases')).toEqual({ $version: 1, confirmed: ['案例-1'] })
    await second
    expect(onDisk(dir, 'queue')).toEqual({ $version: 1, confirmed: ['确认 案例-1'] })
    const renames = calls.filter(c => /rename .*(cases|queue)\.json$/.test(c))
    expect(renames).toEqual([`rename ${stateFile(dir, 'cases')}`, `rename ${stateFile(dir, 'queue')}`])
  })

  it('a flush before a send waits for a write already under way, and writes what changed meanwhile', async () => {
    const dir = tempDir()
    const store = new FileStore(dir, { background: true })
    const doc = store.doc('cases', CASES)
    doc.data.confirmed.push('案例-1')
    const first = doc.persist()
    doc.data.confirmed.push('案例-2')
    doc.changed()
    await store.flush(true)
    expect(onDisk(dir, 'cases')).toEqual({ $version: 1, confirmed: ['案例-1', '案例-2'] })
    await first
  })

  it('keeps log lines readable exactly once while they are being appended, in order', async () => {
    const dir = tempDir()
    const store = new FileStore(dir, { background: true })
    store.append('audit', '2026-11-30', { id: 'A1' })
    const flushed = store.flush()
    store.append('audit', '2026-11-30', { id: 'A2' })
    const reads: unknown[] = []
    const read = () => reads.push(store.readLog('audit', '2026-11-30', '2026-11-30'))
    read()
    await new Promise(r => setImmediate(r))
    read()
    await Promise.all([flushed, store.flush()])
    read()
    for (const r of reads) expect(r).toEqual([{ id: 'A1' }, { id: 'A2' }])
    expect(readFileSync(join(dir, 'logs', 'audit', '2026-11-30.jsonl'), 'utf8')).toBe('{"id":"A1"}\n{"id":"A2"}\n')
  })

  it('the durable documents of one flush share one fsync of the state folder, after all of their renames', async () => {
    const dir = tempDir()
    const { recorded, calls } = recordingFs()
    const store = new FileStore(dir, { fs: recorded, background: true })
    const docs = ['cases', 'queue', 'ledger'].map(n => store.doc(n, CASES))
    for (const d of docs) d.changed()
    await store.flush(true) // listed in the manifest now
    calls.length = 0
    for (const [i, d] of docs.entries()) {
      d.data.confirmed.push(`案例-${i}`)
      d.changed()
    }
    await store.flush(true)
    for (const n of ['cases', 'queue', 'ledger'])
      expect(onDisk(dir, n)).toEqual({ $version: 1, confirmed: [expect.any(String)] })
    const folder = calls.map((c, i) => [c, i] as const).filter(([c]) => c === `fsync ${join(dir, 'state')}`)
    expect(folder).toHaveLength(1)
    const lastRename = Math.max(...calls.map((c, i) => (c.startsWith('rename ') ? i : -1)))
    expect(folder[0][1]).toBeGreaterThan(lastRename)
  })

  it('a failed background write names the file, keeps the document dirty and the old file', async () => {
    const dir = tempDir()
    let full = false
    const noSpace = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    const { recorded } = recordingFs((op, path) =>
      full && op === 'write' && path.includes('cases') ? noSpace : undefined,
    )
    const store = new FileStore(dir, { fs: recorded, background: true })
    const doc = store.doc('cases', CASES)
    await doc.persist()
    full = true
    doc.data.confirmed.push('案例-1')
    doc.changed()
    await expect(store.flush(true)).rejects.toThrow(/cases\.json: ENOSPC/)
    expect(onDisk(dir, 'cases')).toEqual({ $version: 1, confirmed: [] })
    full = false
    await store.flush(true)
    expect(onDisk(dir, 'cases')).toEqual({ $version: 1, confirmed: ['案例-1'] })
  })
})

describe('FileStore journals written at the flush', () => {
  const NOTES = journalSpec<{ notes: string[] }, { note: string }>({
    version: 1,
    schema: z.object({ notes: z.array(z.string()) }),
    defaults: () => ({ notes: [] }),
    record: z.object({ note: z.string() }),
    apply: (s, r) => {
      s.notes.push(r.note)
    },
    atFlush: true,
  })

  it('writes the records of many turns at the flush before a send, in order, in one append', async () => {
    const dir = tempDir()
    const store = new FileStore(dir, { background: true })
    const journal = store.journal('notes', NOTES)
    const file = join(dir, 'state', 'notes.jsonl')
    const snapshot = readFileSync(file, 'utf8')
    for (const note of ['V1', 'V2', 'V3']) {
      journal.append({ note })
      await new Promise(r => setImmediate(r))
      await new Promise(r => setImmediate(r))
    }
    expect(readFileSync(file, 'utf8')).toBe(snapshot)
    await store.flush(true)
    expect(readFileSync(file, 'utf8')).toBe(`${snapshot}{"note":"V1"}\n{"note":"V2"}\n{"note":"V3"}\n`)
    expect(new FileStore(dir).journal('notes', NOTES).state.notes).toEqual(['V1', 'V2', 'V3'])
  })
  it('appends after a compaction to the new file, not through a handle of the replaced one', async () => {
    const dir = tempDir()
    const store = new FileStore(dir, { background: true })
    const journal = store.journal('notes', { ...NOTES, atFlush: false, compactAfter: 2 })
    const file = join(dir, 'state', 'notes.jsonl')
    for (const note of ['V1', 'V2']) {
      journal.append({ note })
      await store.flush(true)
    }
    await store.flush() // compacted: the file replaced by one snapshot line
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1)
    journal.append({ note: 'V3' })
    await store.flush(true)
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2)
    expect(new FileStore(dir).journal('notes', NOTES).state.notes).toEqual(['V1', 'V2', 'V3'])
  })
})

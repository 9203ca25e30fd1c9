import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FileStore } from '../../../bot/ports/file-store.js'

interface Counts {
  count: number
  names: string[]
}
const fresh = (): Counts => ({ count: 0, names: [] })

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
    const doc = store.doc('counts', fresh)
    doc.data.count = 7
    doc.data.names.push('张三')
    doc.changed()
    await store.flush()

    const again = new FileStore(dir).doc('counts', fresh)
    expect(again.data).toEqual({ count: 7, names: ['张三'] })
  })

  it('fills fields added since the file was written from the defaults', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'state'), { recursive: true })
    writeFileSync(stateFile(dir, 'counts'), JSON.stringify({ count: 3 }))
    expect(new FileStore(dir).doc('counts', fresh).data).toEqual({ count: 3, names: [] })
  })

  it('does not write on changed(), only at the next flush()', async () => {
    const dir = tempDir()
    const store = new FileStore(dir)
    const doc = store.doc('counts', fresh)
    doc.data.count = 1
    doc.changed()
    expect(existsSync(stateFile(dir, 'counts'))).toBe(false)
    await store.flush()
    expect(onDisk(dir, 'counts')).toEqual({ count: 1, names: [] })

    doc.data.count = 2
    doc.changed()
    expect(onDisk(dir, 'counts')).toEqual({ count: 1, names: [] })
    await store.flush()
    expect(onDisk(dir, 'counts')).toEqual({ count: 2, names: [] })
  })

  it('coalesces many changes between flushes into one write of the latest state', async () => {
    const dir = tempDir()
    const store = new FileStore(dir)
    const doc = store.doc('counts', fresh)
    const writes = vi.spyOn(Low.prototype, 'write')
    for (let i = 1; i <= 100; i++) {
      doc.data.count = i
      doc.changed()
    }
    await store.flush()
    expect(writes).toHaveBeenCalledTimes(1)
    expect(onDisk(dir, 'counts')).toEqual({ count: 100, names: [] })
    // Nothing changed since: the next flush writes nothing.
    await store.flush()
    expect(writes).toHaveBeenCalledTimes(1)
  })

  it('persist() writes at once, without waiting for a flush', async () => {
    const dir = tempDir()
    const doc = new FileStore(dir).doc('cases', () => ({ confirmed: [] as string[] }))
    doc.data.confirmed.push('案例-1')
    await doc.persist()
    expect(onDisk(dir, 'cases')).toEqual({ confirmed: ['案例-1'] })
  })

  it('moves a corrupt state file aside, starts empty and says where the file went', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'state'), { recursive: true })
    writeFileSync(stateFile(dir, 'ledger'), '{"fines": [')
    const store = new FileStore(dir)
    expect(store.doc('ledger', fresh).data).toEqual(fresh())

    const aside = readdirSync(join(dir, 'state')).filter(f => f.startsWith('ledger.json.corrupt-'))
    expect(aside).toHaveLength(1)
    expect(aside[0]).toMatch(/^ledger\.json\.corrupt-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/)
    expect(readFileSync(join(dir, 'state', aside[0]), 'utf8')).toBe('{"fines": [')
    expect(existsSync(stateFile(dir, 'ledger'))).toBe(false)
    expect(store.warnings).toEqual([expect.stringContaining(join(dir, 'state', aside[0]))])
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
    const counters = store.doc('counters', fresh, { volatile: true })
    const decisions = store.doc('decisions', fresh)
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

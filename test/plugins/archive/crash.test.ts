import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RECORD_VERSION } from '../../../plugins/archive/capture/record.js'
import { FileArchive } from '../../../plugins/archive/store/file-backend.js'

const CHILD = join(import.meta.dirname, 'archive-crash-child.ts')
const DAY = '2026-11-30'

describe('archive buffered appends across a SIGKILL', () => {
  it('keeps every message a reply was sent to; loses at most the turn in progress; the index stays right', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archive-crash-'))
    const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, dir], { encoding: 'utf8', timeout: 60_000 })
    expect(r.signal, r.stderr).toBe('SIGKILL')
    const replied = readFileSync(join(dir, 'replied.log'), 'utf8').split('\n').filter(Boolean).map(Number)
    expect(replied).toEqual([1, 2, 3, 4, 5])

    const archive = new FileArchive(join(dir, 'archive'))
    const stored = (await archive.tail('g1', 100)).map(x => x.seq)
    for (const n of replied) expect(stored).toContain(n)
    expect(stored.every(n => n <= 7)).toBe(true)
    expect(new Set(stored).size).toBe(stored.length)
    expect(await archive.chats()).toEqual([{ chat: 'g1', kind: 'internal', title: '报名群' }])

    // Appending after the restart: the index finds old and new records, each with its own text.
    await archive.append(
      {
        v: RECORD_VERSION,
        seq: 8,
        id: 'm8',
        at: Date.UTC(2026, 10, 30, 3),
        chat: 'g1',
        sender: { id: 'li', name: '李四' },
        type: 'text',
        text: '报名第8条',
        mentions: [],
      },
      DAY,
    )
    const found = (await archive.search({ from: DAY, to: DAY, words: ['报名'] }, 20)).hits.map(h => h.record.text)
    expect(found.sort()).toEqual([...stored, 8].map(n => `报名第${n}条`).sort())
    await archive.close()
  }, 120_000)

  it('past the doc table’s batches (600 messages: 256 entries a write): every message is found after reopening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archive-crash-600-'))
    const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, dir, '600'], {
      encoding: 'utf8',
      timeout: 120_000,
    })
    expect(r.signal, r.stderr).toBe('SIGKILL')
    const replied = readFileSync(join(dir, 'replied.log'), 'utf8').split('\n').filter(Boolean).map(Number)
    expect(replied).toHaveLength(600)

    // Killed with the last entries not yet written (600 = 2 × 256 + 88; 16 bytes each): rebuilt from the record lines.
    expect(statSync(join(dir, 'archive', 'index', 'docs.bin')).size).toBe(512 * 16)
    const archive = new FileArchive(join(dir, 'archive'))
    const stored = (await archive.tail('g1', 1000)).map(x => x.seq)
    expect(stored.filter(n => n <= 600)).toHaveLength(600)
    expect(archive.indexed).toBe(stored.length)
    const search = (word: string) => archive.search({ from: DAY, to: DAY, words: [word] }, 5)
    expect((await search('报名')).total).toBe(stored.length)
    // Each message by its own text, on both sides of each batch and in the last, unwritten one.
    for (const n of [1, 255, 256, 257, 512, 513, 599, 600]) {
      const hits = (await search(`报名第${n}条`)).hits.map(h => h.record.id)
      expect(hits, `message ${n}`).toEqual([`m${n}`])
    }
    await archive.close()
  }, 180_000)
})

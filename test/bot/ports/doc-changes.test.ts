import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { FileStore } from '../../../bot/ports/store/file-store.js'
import { docSpec } from '../../../bot/ports/store/store.js'

/** Scores by player, kept as changes: a part is a player's name, its record the player's score (null: gone). */
interface Scores {
  players: Record<string, number>
}
const SCORES = docSpec<Scores>({
  version: 1,
  schema: z.object({ players: z.record(z.string(), z.number()) }),
  defaults: () => ({ players: {} }),
  volatile: true,
  changes: {
    record: z.object({ p: z.string(), v: z.number().nullable() }),
    of: (data, p) => ({ p, v: data.players[p] ?? null }),
    apply: (data, r) => {
      const { p, v } = r as { p: string; v: number | null }
      if (v === null) delete data.players[p]
      else data.players[p] = v
    },
  },
})

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'doc-changes-'))
  dirs.push(dir)
  return dir
}
const lines = (dir: string) =>
  readFileSync(join(dir, 'state', 'scores.jsonl'), 'utf8')
    .split('\n')
    .slice(0, -1)

describe('FileStore documents kept as changes', () => {
  it('appends the records of the parts named since the last write (one line), and a restart folds them in', async () => {
    const dir = tempDir()
    const store = new FileStore(dir)
    const doc = store.doc('scores', SCORES)
    doc.data.players = { 张三: 1, 李四: 2 }
    doc.changed()
    await store.flush() // the first write after a start is whole
    doc.data.players.张三 = 5
    doc.changed('张三')
    doc.data.players.张三 = 6 // named twice before the flush: one record, its value at the flush
    doc.changed('张三')
    delete doc.data.players.李四
    doc.changed('李四')
    await store.flush()
    expect(lines(dir)).toEqual([
      '{"$version":1,"players":{"张三":1,"李四":2}}',
      '[{"p":"张三","v":6},{"p":"李四","v":null}]',
    ])
    expect(new FileStore(dir).doc('scores', SCORES).data).toEqual({ players: { 张三: 6 } })
  })

  it('rewrites the file as one snapshot when changed without a part, and once the records outgrow it', async () => {
    const dir = tempDir()
    const store = new FileStore(dir)
    const doc = store.doc('scores', SCORES)
    doc.data.players = { 王五: 1, a0: 0, a1: 0, a2: 0, a3: 0 }
    doc.changed()
    await store.flush()
    const counts: number[] = []
    for (let i = 0; i < 7; i++) {
      doc.data.players.王五++
      doc.changed('王五')
      await store.flush()
      counts.push(lines(dir).length)
    }
    // A snapshot of 66 bytes, lines of 23: the seventh write found 138 bytes of records, past twice the snapshot.
    expect(counts).toEqual([2, 3, 4, 5, 6, 7, 1])
    expect(lines(dir)).toEqual(['{"$version":1,"players":{"王五":8,"a0":0,"a1":0,"a2":0,"a3":0}}'])
    doc.data.players.赵六 = 9
    doc.changed()
    await store.flush()
    expect(lines(dir)).toEqual(['{"$version":1,"players":{"王五":8,"a0":0,"a1":0,"a2":0,"a3":0,"赵六":9}}'])
  })

  it('rewrites the file whole when the parts named would take more than half of it', async () => {
    const dir = tempDir()
    const store = new FileStore(dir)
    const doc = store.doc('scores', SCORES)
    doc.data.players = { 张三: 1, 李四: 1, a0: 0, a1: 0, a2: 0 }
    doc.changed()
    await store.flush()
    const counts: number[] = []
    for (let i = 0; i < 3; i++) {
      doc.data.players.张三++
      doc.data.players.李四++
      doc.changed('张三')
      doc.changed('李四')
      await store.flush()
      counts.push(lines(dir).length)
    }
    // The first write of records took 22 bytes a record: two are 44 of a 70-byte snapshot, past half of it.
    expect(counts).toEqual([2, 1, 1])
  })

  it('leaves out a torn last line (a kill mid-append) and rewrites the file whole at the next write', async () => {
    const dir = tempDir()
    const store = new FileStore(dir)
    const doc = store.doc('scores', SCORES)
    doc.data.players.张三 = 1
    doc.changed()
    await store.flush()
    appendFileSync(join(dir, 'state', 'scores.jsonl'), '[{"p":"张三","v":2}]\n[{"p":"张')
    const again = new FileStore(dir)
    const reread = again.doc('scores', SCORES)
    expect(reread.data).toEqual({ players: { 张三: 2 } })
    reread.data.players.李四 = 3
    reread.changed('李四')
    await again.flush()
    expect(lines(dir)).toEqual(['{"$version":1,"players":{"张三":2,"李四":3}}'])
  })

  it('moves a damaged file aside and starts from the defaults (volatile), with a warning', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'state'), { recursive: true })
    writeFileSync(join(dir, 'state', 'scores.jsonl'), '{"$version":1,"players":{}}\n[{"p":1}]\n[{"p":"a","v":1}]\n')
    const store = new FileStore(dir)
    expect(store.doc('scores', SCORES).data).toEqual({ players: {} })
    expect(store.warnings).toEqual([expect.stringContaining('state/scores.jsonl: wrong shape: line 2')])
    expect(existsSync(join(dir, 'state', 'scores.jsonl'))).toBe(false)
  })

  it('reads the whole document an older release wrote, and removes it once its snapshot is written', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'state'), { recursive: true })
    writeFileSync(join(dir, 'state', 'scores.json'), JSON.stringify({ $version: 1, players: { 张三: 4 } }))
    const store = new FileStore(dir)
    const doc = store.doc('scores', SCORES)
    expect(doc.data).toEqual({ players: { 张三: 4 } })
    doc.data.players.李四 = 1
    doc.changed('李四')
    await store.flush()
    expect(lines(dir)).toEqual(['{"$version":1,"players":{"张三":4,"李四":1}}'])
    expect(existsSync(join(dir, 'state', 'scores.json'))).toBe(false)
  })

  it('after a rollback and a new upgrade, reads the whole document the older release wrote last, not the stale changes', async () => {
    const dir = tempDir()
    const a = new FileStore(dir)
    const doc = a.doc('scores', SCORES)
    doc.data.players.张三 = 1
    doc.changed('张三')
    await a.flush() // this release: scores.jsonl
    // The older release, started after it, knows only scores.json: it wrote the newer counts there.
    const older = join(dir, 'state', 'scores.json')
    writeFileSync(older, JSON.stringify({ $version: 1, players: { 张三: 9, 李四: 3 } }))
    utimesSync(older, new Date(Date.now() + 60_000), new Date(Date.now() + 60_000))
    const b = new FileStore(dir)
    const again = b.doc('scores', SCORES)
    expect(again.data).toEqual({ players: { 张三: 9, 李四: 3 } })
    again.changed('李四')
    await b.flush()
    expect(lines(dir)).toEqual(['{"$version":1,"players":{"张三":9,"李四":3}}'])
    expect(existsSync(older)).toBe(false)
  })

  it('refuses a document kept as changes that is not volatile (its records are not fsynced)', () => {
    const store = new FileStore(tempDir())
    expect(() => store.doc('scores', { ...SCORES, volatile: false, durable: true })).toThrow(
      'scores: a document kept as changes must be volatile',
    )
  })
})

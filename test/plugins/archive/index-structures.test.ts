import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type ArchiveRecord, RECORD_VERSION } from '../../../plugins/archive/capture/record.js'
import { DocTable } from '../../../plugins/archive/search/doc-table.js'
import { emitRecordKeys, haystack, INDEXED_CHARS, recordKeys } from '../../../plugins/archive/search/grams.js'
import { IndexFile } from '../../../plugins/archive/search/index-file.js'
import { LivePostings, layoutPostings } from '../../../plugins/archive/search/live-postings.js'
import { NgramIndex } from '../../../plugins/archive/search/ngram-index.js'
import type { ArchiveQuery } from '../../../plugins/archive/search/query.js'
import { FileArchive } from '../../../plugins/archive/store/file-backend.js'
import { tempArchiveDir } from './setup.js'

/** A small deterministic generator (tests must not depend on Math.random). */
function lcg(seed: number): () => number {
  let s = seed
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0
    return s / 2 ** 32
  }
}

/** What the postings must hold: per key, its docs ascending, once each. */
function reference(adds: [number, number][]): Map<number, number[]> {
  const out = new Map<number, number[]>()
  for (const [k, doc] of adds) {
    const list = out.get(k) ?? []
    if (list.at(-1) !== doc) list.push(doc)
    out.set(k, list)
  }
  return out
}

/** Random adds over `docs` docs: small and large keys (above 2^32, as bigram and member keys are), repeats included. */
function randomAdds(docs: number, from = 0, seed = 7): [number, number][] {
  const rnd = lcg(seed)
  const adds: [number, number][] = []
  for (let doc = from; doc < from + docs; doc++)
    for (let j = 0; j < 40; j++) {
      const k = rnd() < 0.5 ? Math.floor(rnd() * 5000) : 2 ** 48 + Math.floor(rnd() * 2 ** 40)
      adds.push([k, doc], ...(rnd() < 0.1 ? [[k, doc] as [number, number]] : []))
    }
  return adds
}

/** What `live` holds for the keys of `want`. */
const held = (live: LivePostings, want: Map<number, number[]>) =>
  new Map([...want.keys()].map(k => [k, [...live.get(k)]]))

describe('archive index: postings held in memory', () => {
  it('keeps each key’s docs ascending and once each, past every initial capacity', () => {
    const adds = randomAdds(600)
    const live = new LivePostings()
    for (const [k, doc] of adds) live.add(k, doc)
    const want = reference(adds)
    expect(live.keys).toBe(want.size)
    expect(held(live, want)).toEqual(want)
    expect([...live.get(123.5)]).toEqual([])
    const { keys, offsets, docs } = live.layout()
    expect([...keys]).toEqual([...want.keys()].sort((a, b) => a - b))
    const laidOut = new Map([...keys].map((k, i) => [k, [...docs.subarray(offsets[i], offsets[i + 1])]]))
    expect(laidOut).toEqual(want)
    expect(offsets[keys.length]).toBe(live.postings)
  })

  it('holds the next postings alone once cleared (reused for the next segment)', () => {
    const live = new LivePostings()
    for (const [k, doc] of randomAdds(600, 0, 3)) live.add(k, doc)
    live.clear()
    expect(live.keys).toBe(0)
    expect(live.postings).toBe(0)
    const next = randomAdds(300, 600, 4)
    for (const [k, doc] of next) live.add(k, doc)
    const want = reference(next)
    expect(live.keys).toBe(want.size)
    expect(held(live, want)).toEqual(want)
    const { keys, offsets, docs } = live.layout()
    expect(new Map([...keys].map((k, i) => [k, [...docs.subarray(offsets[i], offsets[i + 1])]]))).toEqual(want)
  })

  it('takes back newer postings after a segment could not be written, in doc order', () => {
    const older = randomAdds(500, 0, 1)
    const newer = randomAdds(500, 500, 2)
    const a = new LivePostings()
    for (const [k, doc] of older) a.add(k, doc)
    const b = new LivePostings()
    for (const [k, doc] of newer) b.add(k, doc)
    a.append(b)
    const want = reference([...older, ...newer])
    expect(held(a, want)).toEqual(want)
  })

  it('holds a segment past a pool chunk (65,536 postings) and past 65,536 keys, and again once cleared', () => {
    const live = new LivePostings()
    for (const round of [0, 1]) {
      const adds: [number, number][] = []
      // 3,000 docs of 40 keys: 120,000 postings; 72,016 distinct keys (16-bit key numbers run out).
      for (let doc = round * 3000; doc < (round + 1) * 3000; doc++)
        for (let j = 0; j < 40; j++) adds.push([j < 16 ? j : 1000 + (doc % 3000) * 24 + j - 16, doc])
      for (const [k, doc] of adds) live.add(k, doc)
      const want = reference(adds)
      expect(live.keys).toBe(want.size)
      expect(want.size).toBeGreaterThan(65_536)
      expect(held(live, new Map([...want].filter(([k]) => k < 20 || k % 997 === 0)))).toEqual(
        new Map([...want].filter(([k]) => k < 20 || k % 997 === 0)),
      )
      const layout = live.layout()
      expect(new Map([...want.keys()].map(k => [k, [...layoutPostings(layout, k)]]))).toEqual(want)
      live.clear()
    }
  })

  it('finds each key’s docs in a layout, and holds a layout’s postings again', () => {
    const adds = randomAdds(400, 0, 5)
    const live = new LivePostings()
    for (const [k, doc] of adds) live.add(k, doc)
    const want = reference(adds)
    const layout = live.layout()
    expect(new Map([...want.keys()].map(k => [k, [...layoutPostings(layout, k)]]))).toEqual(want)
    expect([...layoutPostings(layout, 123.5)]).toEqual([])
    expect([...layoutPostings(layout, 2 ** 52)]).toEqual([])
    const again = LivePostings.fromLayout(layout)
    expect(held(again, want)).toEqual(want)
    expect(again.layout()).toEqual(layout)
  })
})

describe('archive index: a segment being written', () => {
  const day = '2026-11-30'
  const words = ['退款', '客户', '价格']
  const records = Array.from({ length: 8300 }, (_, i) =>
    record(`${words[i % 3]}消息${i % 11}`, { id: `m${i}`, seq: i, chat: `g${i % 3}`, at: i * 1000 }),
  )
  /** What searches answer: the total and the newest hits of each word, and of a word in one group. */
  const answers = (index: NgramIndex) =>
    [...words.map(w => ({ words: [w] })), { words: ['消息7'], chats: ['g1'] }].map(q => {
      const r = index.search({ from: day, to: day, ...q }, 5)
      return { total: r?.total, ids: r?.hits.map(h => h.record.id) }
    })
  /** An index of the records whose first segment (the first 8,192) is being written. */
  const indexIn = async (dir: string) => {
    const index = new NgramIndex(dir, (_chat, _day, at) => at.map(l => records[l.offset]))
    for (let i = 0; i < 8192; i++) index.add(records[i], day, i, 1)
    await null // the 8,192nd message started the segment's write: its postings are laid out
    for (let i = 8192; i < records.length; i++) index.add(records[i], day, i, 1)
    return index
  }

  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('is searched while its file is written, with the messages after it, as once it is written', async () => {
    const dir = tempArchiveDir()
    const index = await indexIn(dir)
    const segment = join(dir, 'seg-0000000000.aix')
    expect(existsSync(segment)).toBe(false)
    const writing = answers(index)
    expect(writing[0].total).toBe(records.filter(r => r.text?.startsWith('退款')).length)
    await index.flush()
    expect(existsSync(segment)).toBe(true)
    expect(answers(index)).toEqual(writing)
    await index.close()
  })

  it('goes back to memory when its file cannot be written, and is written with the next segment', async () => {
    const written = await indexIn(tempArchiveDir())
    await written.flush()
    const expected = answers(written)
    await written.close()
    // The write fails a little later (a full disk), after a search put the newer messages' keys into memory.
    const write = vi
      .spyOn(IndexFile, 'write')
      .mockImplementation(() => new Promise((_, fail) => setTimeout(() => fail(new Error('ENOSPC: no space left')), 5)))
    const index = await indexIn(tempArchiveDir())
    expect(answers(index)).toEqual(expected)
    await index.flush()
    expect(index.failing).toContain('ENOSPC')
    expect(answers(index)).toEqual(expected)
    write.mockRestore()
    await index.flush()
    expect(index.failing).toBeUndefined()
    expect(answers(index)).toEqual(expected)
    await index.close()
  })
})

function record(text: string, extra: Partial<ArchiveRecord> = {}): ArchiveRecord {
  return {
    v: RECORD_VERSION,
    seq: 1,
    id: 'm1',
    at: 0,
    chat: 'g1',
    sender: { id: 'zhang', name: '张三 Zh' },
    type: 'text',
    text,
    mentions: [],
    ...extra,
  }
}

describe('archive index: the keys of a record', () => {
  it('are the grams of what a search looks in, cut where indexing stops, with sender and recall keys', () => {
    const long = `${'退款'.repeat(INDEXED_CHARS / 2 - 1)}x😀尾巴`
    const cases = [
      record('iPhone 退款\u3000到账 ΟΔΟΣ', { quote: { text: 'Quote 文字' }, attachment: { fileName: '报价单.XLSX' } }),
      record('', { attachment: { title: 'Title', description: '说明' }, recalls: 'm0', type: 'recall' }),
      record(long, { quote: { text: '引用不再索引' } }),
      record(`${'a'.repeat(INDEXED_CHARS - 3)}😀😀`),
    ]
    for (const r of cases) {
      const emitted: number[] = []
      emitRecordKeys(r, k => emitted.push(k))
      expect(new Set(emitted)).toEqual(recordKeys(r))
      // Every key of the text is one of the grams of the indexed part of the haystack, and all of them are there.
      const text = [...recordKeys(r)].filter(k => k < 2 ** 48)
      expect(new Set(text)).toEqual(gramsOf(haystack(r).slice(0, INDEXED_CHARS)))
    }
  })
})

/** The unigrams and bigrams of `s`, read code point by code point (whitespace breaks a bigram). */
function gramsOf(s: string): Set<number> {
  const out = new Set<number>()
  let prev = -1
  for (const ch of s) {
    const c = ch.codePointAt(0) as number
    if (/\s/u.test(ch) || c === 0x200b) {
      prev = -1
      continue
    }
    out.add(c)
    if (prev >= 0) out.add((prev + 1) * 0x110000 + c)
    prev = c
  }
  return out
}

describe('archive index: a restart', () => {
  it('answers every search as before, across a written segment and the docs held in memory', async () => {
    const dir = tempArchiveDir()
    const a = new FileArchive(dir)
    const day = '2026-11-30'
    const words = ['退款', '客户', '价格', '发票', '回款']
    for (let i = 0; i < 8400; i++) {
      const text = `${words[i % 5]}${words[(i * 7) % 5]}消息${i % 13}`
      await a.append(record(text, { id: `m${i}`, seq: i, chat: `g${i % 3}`, at: i * 1000 }), day)
    }
    const queries: ArchiveQuery[] = [
      ...words.map(w => ({ from: day, to: day, words: [w] })),
      { from: day, to: day, words: ['款客'] },
      { from: day, to: day, words: ['消息1'], chats: ['g1'] },
      { from: day, to: day, member: 'zhang', words: ['价'] },
    ]
    const answers = async (x: FileArchive) =>
      Promise.all(
        queries.map(async q => {
          const r = await x.search(q, 10)
          return { total: r.total, ids: r.hits.map(h => h.record.id) }
        }),
      )
    const before = await answers(a)
    expect(before[0].total).toBeGreaterThan(1000)
    await a.close()
    const b = new FileArchive(dir)
    expect(await answers(b)).toEqual(before)
    await b.close()
  })
})

describe('archive index: the doc table', () => {
  it('finds the first doc of a day by blocks, days out of order and chat numbers past 16 bits included', () => {
    const file = join(tempArchiveDir(), 'docs.bin')
    const t = new DocTable(file)
    const rnd = lcg(3)
    const days: number[] = []
    for (let i = 0; i < 1000; i++) {
      days.push(9000 + Math.floor(i / 10) + (rnd() < 0.1 ? -5 : 0)) // some late arrivals from earlier days
      t.add({ chat: i === 700 ? 70_000 : i % 9, day: days[i], type: i % 3, offset: i * 10, length: 10 })
    }
    const first = (day: number) => {
      let max = 0
      return days.findIndex(d => (max = Math.max(max, d)) >= day)
    }
    for (const day of [0, 9000, 9001, 9033, 9064, 9099, 9100])
      expect(t.firstOnOrAfter(day)).toBe(first(day) < 0 ? 1000 : first(day))
    expect([t.chatOf(699), t.chatOf(700), t.chatOf(701)]).toEqual([699 % 9, 70_000, 701 % 9])
    const columns = (x: DocTable) => Array.from({ length: 1000 }, (_, i) => [x.chatOf(i), x.dayOf(i), x.typeOf(i)])
    const buffered = columns(t)
    t.flush()
    expect(columns(t)).toEqual(buffered) // the same read from the file
    t.close()
    const back = new DocTable(file)
    expect(columns(back)).toEqual(buffered)
    expect(columns(back)).toEqual(days.map((day, i) => [i === 700 ? 70_000 : i % 9, day, i % 3]))
    expect(back.location(700)).toEqual({ offset: 7000, length: 10 })
    expect(back.firstOnOrAfter(9050)).toBe(first(9050))
    back.close()
  })

  it('reads entries from the file by pages: written after a page was read, in any order, across many pages', () => {
    const file = join(tempArchiveDir(), 'docs.bin')
    const t = new DocTable(file)
    const entry = (i: number) => ({ chat: i % 300, day: 7000 + (i >> 8), type: i % 4, offset: i * 3, length: 3 })
    const add = (to: number) => {
      while (t.count < to) t.add(entry(t.count))
    }
    const read = (i: number) => ({ chat: t.chatOf(i), day: t.dayOf(i), type: t.typeOf(i), ...t.location(i) })
    add(5000)
    t.flush()
    expect([read(4095), read(4500)]).toEqual([entry(4095), entry(4500)])
    add(5600) // page 1 was read with 904 entries: the rest are written later
    expect(read(5200)).toEqual(entry(5200)) // still buffered
    t.flush()
    expect([read(5200), read(4501), read(5599)]).toEqual([entry(5200), entry(4501), entry(5599)])
    add(40_000)
    t.flush()
    const rnd = lcg(9)
    for (let k = 0; k < 3000; k++) {
      const i = Math.floor(rnd() * 40_000)
      expect(read(i)).toEqual(entry(i))
    }
    t.close()
  })

  it('holds chat, day and type exactly across chunks of 65,536 docs, narrow or widened', () => {
    const file = join(tempArchiveDir(), 'docs.bin')
    const t = new DocTable(file)
    const n = 150_000
    // Days rise one per 1,000 docs, with a jump of 400 days inside the second chunk and one late arrival;
    // chat numbers past a byte only in the third chunk.
    const entry = (i: number) => ({
      chat: i > 140_000 ? 300 + (i % 7) : i % 100,
      day: 8000 + Math.floor(i / 1000) + (i >= 100_000 ? 400 : 0) - (i === 120_000 ? 450 : 0),
      type: i % 5,
    })
    for (let i = 0; i < n; i++) t.add({ ...entry(i), offset: i, length: 1 })
    const check = (x: DocTable) => {
      for (let i = 0; i < n; i += 97) expect([x.chatOf(i), x.dayOf(i), x.typeOf(i)]).toEqual(Object.values(entry(i)))
      expect(x.dayOf(120_000)).toBe(entry(120_000).day)
    }
    check(t) // buffered
    t.close()
    const seen: number[][] = []
    const back = new DocTable(file, (doc, chat, day, type) => {
      if (doc % 97 === 0) seen.push([chat, day, type])
    })
    expect(seen).toEqual(Array.from({ length: Math.ceil(n / 97) }, (_, k) => Object.values(entry(k * 97))))
    check(back) // read from the file
    for (const day of [8000, 8065, 8066, 8099, 8500, 8540, 8549, 9000]) {
      let max = 0
      let want = n
      for (let i = 0; i < n; i++)
        if ((max = Math.max(max, entry(i).day)) >= day) {
          want = i
          break
        }
      expect(back.firstOnOrAfter(day)).toBe(want)
    }
    back.close()
  })
})

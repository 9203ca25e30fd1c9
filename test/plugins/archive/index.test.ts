import { appendFileSync, cpSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type ArchiveRecord, RECORD_VERSION } from '../../../plugins/archive/capture/record.js'
import type { ArchiveQuery } from '../../../plugins/archive/search/query.js'
import { FileArchive } from '../../../plugins/archive/store/file-backend.js'
import { tempArchiveDir } from './setup.js'

const DAY = '2026-11-30'
const T0 = Date.UTC(2026, 10, 30, 2)
let seq = 0

function rec(chat: string, text: string, extra: Partial<ArchiveRecord> = {}): ArchiveRecord {
  seq++
  return {
    v: RECORD_VERSION,
    seq,
    id: `m${seq}`,
    at: T0 + seq * 1000,
    chat,
    sender: { id: 'zhang', name: '张三' },
    type: 'text',
    text,
    mentions: [],
    ...extra,
  }
}

const q = (words: string[], more: Partial<ArchiveQuery> = {}): ArchiveQuery => ({ from: DAY, to: DAY, words, ...more })
const texts = async (a: FileArchive, query: ArchiveQuery) => (await a.search(query, 20)).hits.map(h => h.record.text)

describe('archive search index (character n-grams)', () => {
  it('finds 1- and 2-character Chinese words exactly, and mixed-script words case-insensitively', async () => {
    const a = new FileArchive(tempArchiveDir())
    for (const t of [
      '我要退款',
      '退一步海阔天空',
      '款式不错',
      'iPhone退款了吗',
      '微信Pay到账',
      '付款码发我',
      'ok 好的',
    ])
      await a.append(rec('g1', t), DAY)
    expect(await texts(a, q(['退款']))).toEqual(['iPhone退款了吗', '我要退款'])
    expect((await a.search(q(['退款']), 5)).total).toBe(2)
    expect(await texts(a, q(['款']))).toEqual(['付款码发我', 'iPhone退款了吗', '款式不错', '我要退款'])
    expect(await texts(a, q(['iphone退款']))).toEqual(['iPhone退款了吗'])
    expect(await texts(a, q(['PAY到']))).toEqual(['微信Pay到账'])
    expect(await texts(a, q(['信p']))).toEqual(['微信Pay到账'])
    expect(await texts(a, q(['退', '步']))).toEqual(['退一步海阔天空'])
    expect(await texts(a, q(['退款', '海']))).toEqual([])
    expect(await texts(a, q(['k 好']))).toEqual(['ok 好的'])
  })

  it('shows the message before and after a hit in its chat, and marks recalled originals', async () => {
    const a = new FileArchive(tempArchiveDir())
    await a.append(rec('g1', '客户说价格太高'), DAY)
    await a.append(rec('g2', '别的群的话'), DAY)
    const hit = rec('g1', '那就申请折扣')
    await a.append(hit, DAY)
    await a.append(rec('g1', '好的我去问'), DAY)
    await a.append(rec('g1', hit.id, { type: 'recall', recalls: hit.id }), DAY)
    const [h] = (await a.search(q(['折扣']), 5)).hits
    expect(h.before?.text).toBe('客户说价格太高')
    expect(h.after?.text).toBe('好的我去问')
    expect(h.recalled).toBe(true)
  })

  it('filters by group, member, type and date without reading other records', async () => {
    const a = new FileArchive(tempArchiveDir())
    await a.append(rec('g1', '发票已开', { sender: { id: 'li', name: '李四-南宁' } }), DAY)
    await a.append(rec('g2', '发票没到'), DAY)
    await a.append(rec('g1', '发票.pdf', { type: 'file', attachment: { fileName: '发票.pdf' } }), '2026-12-01')
    expect(await texts(a, q(['发票'], { chats: ['g2'] }))).toEqual(['发票没到'])
    expect(await texts(a, q(['发票'], { member: 'li' }))).toEqual(['发票已开'])
    expect(await texts(a, q(['发票'], { member: '南宁' }))).toEqual(['发票已开'])
    expect(await texts(a, q(['发票'], { member: '李四-南宁' }))).toEqual(['发票已开'])
    expect(await texts(a, q(['发票'], { to: '2026-12-01', types: ['file'] }))).toEqual(['发票.pdf'])
    expect(await texts(a, q([], { member: 'li' }))).toEqual(['发票已开'])
  })

  it('grows by appending: written index segments are never rewritten, and a reopened archive finds everything', async () => {
    const dir = tempArchiveDir()
    const a = new FileArchive(dir)
    for (let i = 0; i < 8300; i++)
      await a.append(rec(`g${i % 7}`, i === 5 ? '第一段里的退款' : `普通消息${i % 50}`), DAY)
    await a.append(rec('g1', '内存里的退款'), DAY)
    await a.close()
    const segs = readdirSync(join(dir, 'index')).filter(f => f.endsWith('.aix'))
    expect(segs).toHaveLength(1)
    const before = statSync(join(dir, 'index', segs[0]))
    const b = new FileArchive(dir)
    expect(b.indexed).toBe(8301)
    await b.append(rec('g2', '重开以后的退款'), DAY)
    expect(await texts(b, q(['退款']))).toEqual(['重开以后的退款', '内存里的退款', '第一段里的退款'])
    await b.close()
    const after = statSync(join(dir, 'index', segs[0]))
    expect([after.ino, after.mtimeMs, after.size]).toEqual([before.ino, before.mtimeMs, before.size])
  })

  it('indexes lines it missed (a crash between a line and its index entry, a restored backup) when reopened', async () => {
    const dir = tempArchiveDir()
    const a = new FileArchive(dir)
    await a.saveChat({ chat: 'g1', kind: 'internal', title: '销售群' })
    await a.append(rec('g1', '先到的退款'), DAY)
    await a.close()
    const missed = rec('g1', '后到的退款')
    appendFileSync(join(dir, 'chats', 'c_g1', `${DAY}.jsonl`), `${JSON.stringify(missed)}\n`)
    const b = new FileArchive(dir)
    expect(await texts(b, q(['退款']))).toEqual(['后到的退款', '先到的退款'])
    await b.close()
    expect(await texts(new FileArchive(dir), q(['退款']))).toEqual(['后到的退款', '先到的退款'])
  })

  it('forgets purged days, and indexes an archive written before the index existed', async () => {
    const dir = tempArchiveDir()
    const a = new FileArchive(dir)
    await a.saveChat({ chat: 'g1', kind: 'internal', title: '销售群' })
    await a.append(rec('g1', '旧的退款'), '2026-11-01')
    await a.append(rec('g1', '新的退款'), DAY)
    await a.close()
    rmSync(join(dir, 'index'), { recursive: true })
    const b = new FileArchive(dir)
    expect(await texts(b, q(['退款'], { from: '2026-11-01' }))).toEqual(['新的退款', '旧的退款'])
    await b.purgeBefore('g1', '2026-11-15')
    expect(await texts(b, q(['退款'], { from: '2026-11-01' }))).toEqual(['新的退款'])
  })
})

describe('archive search index: what a stop keeps for the next start', () => {
  const count = async (a: FileArchive, word: string) => (await a.search(q([word]), 3)).total

  it('a restart finds what came since the last index segment, and the next segment takes it in (nothing twice)', async () => {
    const dir = tempArchiveDir()
    const a = new FileArchive(dir)
    for (let i = 0; i < 5000; i++) await a.append(rec(`g${i % 5}`, i % 10 ? `普通消息${i % 40}` : '退款申请'), DAY)
    await a.close()
    const b = new FileArchive(dir)
    expect(b.indexed).toBe(5000)
    expect(await count(b, '退款')).toBe(500)
    // Past 8,192 messages a segment is written from what the last stop kept and what came since.
    for (let i = 0; i < 4000; i++) await b.append(rec(`g${i % 5}`, i % 10 ? `普通消息${i % 40}` : '退款申请'), DAY)
    expect(await count(b, '退款')).toBe(900)
    expect(await texts(b, q(['退款'], { chats: ['g0'] }))).toHaveLength(20)
    await b.close()
    const c = new FileArchive(dir)
    expect(c.indexed).toBe(9000)
    expect(await count(c, '退款')).toBe(900)
    expect(await count(c, '普通消息7')).toBe(225)
    await c.close()
  })

  it('a crash after a restart loses nothing: the docs since the last stop are indexed again, once', async () => {
    const dir = tempArchiveDir()
    const a = new FileArchive(dir)
    for (let i = 0; i < 300; i++) await a.append(rec('g1', i % 3 ? '闲聊' : '退款'), DAY)
    await a.close()
    const b = new FileArchive(dir)
    for (let i = 0; i < 30; i++) await b.append(rec('g2', '后来的退款'), DAY)
    b.flush() // the turn's lines and index entries written, then killed: no stop
    const c = new FileArchive(dir)
    expect(c.indexed).toBe(330)
    expect(await count(c, '退款')).toBe(130)
    expect(await count(c, '后来')).toBe(30)
  })

  it('a config reload keeps what the index holds in memory and goes on: a crash after it loses nothing', async () => {
    const dir = tempArchiveDir()
    const a = new FileArchive(dir)
    for (let i = 0; i < 100; i++) await a.append(rec('g1', '重载前的退款'), DAY)
    a.flush()
    a.keep() // the plugin's stop before a reload: the archive stays open
    for (let i = 0; i < 50; i++) await a.append(rec('g1', '重载后的退款'), DAY)
    a.flush() // killed
    const b = new FileArchive(dir)
    expect(b.indexed).toBe(150)
    expect([await count(b, '退款'), await count(b, '前'), await count(b, '后')]).toEqual([150, 100, 50])
  })

  it('a restored backup whose doc table is older than what the last stop kept indexes again from the segments', async () => {
    const dir = tempArchiveDir()
    const a = new FileArchive(dir)
    for (let i = 0; i < 100; i++) await a.append(rec('g1', '退款一'), DAY)
    await a.close()
    const older = join(tempArchiveDir(), 'index')
    cpSync(join(dir, 'index'), older, { recursive: true })
    const b = new FileArchive(dir)
    for (let i = 0; i < 50; i++) await b.append(rec('g1', '退款二'), DAY)
    await b.close()
    // The backup: the index as it was after the first stop, but what the second stop kept; the segments of now.
    rmSync(join(older, 'live.tail'))
    cpSync(join(dir, 'index', 'live.tail'), join(older, 'live.tail'))
    rmSync(join(dir, 'index'), { recursive: true })
    cpSync(older, join(dir, 'index'), { recursive: true })
    const c = new FileArchive(dir)
    expect(c.indexed).toBe(150)
    expect([await count(c, '退款'), await count(c, '一'), await count(c, '二')]).toEqual([150, 100, 50])
  })
})

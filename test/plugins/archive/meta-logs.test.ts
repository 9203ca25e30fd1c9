import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type ArchiveRecord, type ChatInfo, RECORD_VERSION } from '../../../plugins/archive/capture/record.js'
import { FileArchive, folderName } from '../../../plugins/archive/store/file-backend.js'
import { readSnapshotLog, SnapshotLog } from '../../../plugins/archive/store/snapshot-log.js'
import { tempArchiveDir } from './setup.js'

const DAY = '2026-11-30'
const T0 = Date.UTC(2026, 10, 30, 2)
let seq = 0

function rec(chat: string, text: string): ArchiveRecord {
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
  }
}

const info = (i: number, title = `第${i}群`): ChatInfo => ({ chat: `g${i}`, kind: 'internal', title })
const titles = async (a: FileArchive) => new Map((await a.chats()).map(c => [c.chat, c.title]))
const found = async (a: FileArchive, word: string, chats?: string[]) =>
  (await a.search({ from: DAY, to: DAY, words: [word], chats }, 20)).hits.map(h => h.record.text)
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean)
const content = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined)

describe('archive chat list and index meta: changes appended, not rewritten', () => {
  it('a new chat costs one appended line of each log; a reopened archive knows every chat and finds its messages', async () => {
    const dir = tempArchiveDir()
    const a = new FileArchive(dir)
    for (let i = 0; i < 1000; i++) {
      await a.saveChat(info(i))
      await a.append(rec(`g${i}`, `第${i}群的退款`), DAY)
    }
    a.flush()
    const [chats, meta] = [join(dir, 'chats.json'), join(dir, 'index', 'meta.json')]
    // Past 64 KB the chat list's log was folded into chats.json once, while running; it holds what came after.
    expect(Object.keys(JSON.parse(readFileSync(chats, 'utf8')).chats).length).toBeGreaterThan(500)
    expect(statSync(join(dir, 'chats.log.jsonl')).size).toBeLessThan(64 * 1024)
    const [chatsBefore, metaBefore] = [content(chats), content(meta)]
    const logBefore = [lines(join(dir, 'chats.log.jsonl')).length, lines(join(dir, 'index', 'meta.log.jsonl')).length]
    await a.saveChat(info(1000))
    await a.append(rec('g1000', '第1000群的退款'), DAY)
    a.flush()
    expect([content(chats), content(meta)]).toEqual([chatsBefore, metaBefore])
    expect([lines(join(dir, 'chats.log.jsonl')).length, lines(join(dir, 'index', 'meta.log.jsonl')).length]).toEqual([
      logBefore[0] + 1,
      logBefore[1] + 1,
    ])
    await a.saveChat(info(7, '第7群改名了'))
    await a.close()

    const b = new FileArchive(dir)
    const t = await titles(b)
    expect(t.size).toBe(1001)
    expect([t.get('g0'), t.get('g7'), t.get('g1000')]).toEqual(['第0群', '第7群改名了', '第1000群'])
    expect(await found(b, '退款', ['g1000'])).toEqual(['第1000群的退款'])
    expect(await found(b, '退款', ['g150'])).toEqual(['第150群的退款'])
    // The first change after a restart folds the logs into their snapshots: the next start reads one file each.
    await b.saveChat(info(1001))
    await b.append(rec('g1001', '第1001群的退款'), DAY)
    await b.close()
    expect(statSync(join(dir, 'chats.log.jsonl')).size).toBe(0)
    expect(Object.keys(JSON.parse(readFileSync(chats, 'utf8')).chats)).toHaveLength(1002)
    const c = new FileArchive(dir)
    expect((await titles(c)).get('g7')).toBe('第7群改名了')
    expect(await found(c, '退款', ['g1001'])).toEqual(['第1001群的退款'])
    await c.close()
  })

  it('a line torn by a crash mid-append is skipped; the lines before it are kept and the next line starts whole', async () => {
    const dir = tempArchiveDir()
    const a = new FileArchive(dir)
    for (let i = 0; i < 3; i++) {
      await a.saveChat(info(i))
      await a.append(rec(`g${i}`, `第${i}群的退款`), DAY)
    }
    await a.close()
    // The process died while writing the third chat's lines: half of each is on disk.
    for (const log of [join(dir, 'chats.log.jsonl'), join(dir, 'index', 'meta.log.jsonl')])
      truncateSync(log, statSync(log).size - 12)

    const b = new FileArchive(dir)
    // g2's name line was torn: its folder lists it again, titled by its id (its records carry no topic).
    expect([...(await titles(b)).entries()]).toEqual([
      ['g0', '第0群'],
      ['g1', '第1群'],
      ['g2', 'g2'],
    ])
    expect((await b.chats()).find(c => c.chat === 'g2')?.recovered).toBe(true)
    expect(await found(b, '退款')).toEqual(['第2群的退款', '第1群的退款', '第0群的退款']) // indexed again on opening
    await b.saveChat(info(2))
    expect((await b.chats()).find(c => c.chat === 'g2')).toEqual(info(2))
    await b.saveChat(info(3))
    await b.append(rec('g3', '第3群的退款'), DAY)
    await b.close()
    const c = new FileArchive(dir)
    expect([...(await titles(c)).keys()]).toEqual(['g0', 'g1', 'g2', 'g3'])
    expect(await found(c, '退款', ['g3'])).toEqual(['第3群的退款'])
    expect(await found(c, '退款', ['g2'])).toEqual(['第2群的退款'])
    await c.close()
  })

  it('lists again the chat folders the chat list lost (a backup without it): a group by its newest topic, a private chat by its contact', async () => {
    const dir = tempArchiveDir()
    const a = new FileArchive(dir)
    await a.saveChat({ chat: 'g~1', kind: 'internal', title: '新名' })
    await a.append({ ...rec('g~1', '改名前'), topic: '旧名' }, '2026-11-29')
    await a.append({ ...rec('g~1', '改名后'), topic: '新名' }, DAY)
    await a.saveChat({ chat: 'private:c1', kind: 'private', title: '刘总' })
    await a.append({ ...rec('private:c1', '在吗'), sender: { id: 'c1', name: '刘总' } }, DAY)
    await a.append({ ...rec('private:c1', '您好'), sender: { id: 'bot', name: '助手' }, fromBot: true }, DAY)
    await a.close()
    for (const f of ['chats.json', 'chats.log.jsonl']) rmSync(join(dir, f), { force: true })

    const b = new FileArchive(dir)
    expect(await b.chats()).toEqual([
      { chat: 'g~1', kind: 'customer', title: '新名', recovered: true },
      { chat: 'private:c1', kind: 'private', title: '刘总', recovered: true },
    ])
    expect(await found(b, '改名后')).toEqual(['改名后'])
    await b.close()
  })

  it('reads an archive written before the logs (chats.json and meta.json whole, no log), and continues it', async () => {
    const dir = tempArchiveDir()
    const old = (chat: string, text: string) => `${JSON.stringify({ ...rec(chat, text) })}\n`
    for (const g of ['g1', 'g2']) mkdirSync(join(dir, 'chats', folderName(g)), { recursive: true })
    writeFileSync(join(dir, 'chats', folderName('g1'), `${DAY}.jsonl`), old('g1', '旧群一的退款'))
    writeFileSync(join(dir, 'chats', folderName('g2'), `${DAY}.jsonl`), old('g2', '旧群二的退款'))
    // As the releases before the logs wrote them: chats.json indented, meta.json without `seq`, no index files.
    writeFileSync(
      join(dir, 'chats.json'),
      `${JSON.stringify({ v: 1, chats: { g1: info(1, '旧群一'), g2: { ...info(2, '旧群二'), chat: 'g2' } } }, null, 1)}\n`,
    )
    mkdirSync(join(dir, 'index'))
    writeFileSync(
      join(dir, 'index', 'meta.json'),
      `${JSON.stringify({ v: 1, chats: [], types: [], segments: [], purged: {} })}\n`,
    )

    const a = new FileArchive(dir)
    expect(await titles(a)).toEqual(
      new Map([
        ['g1', '旧群一'],
        ['g2', '旧群二'],
      ]),
    )
    expect(await found(a, '退款')).toEqual(['旧群二的退款', '旧群一的退款'])
    await a.saveChat(info(3, '新群'))
    await a.append(rec('g3', '新群的退款'), DAY)
    await a.close()
    const b = new FileArchive(dir)
    expect([...(await titles(b)).values()]).toEqual(['旧群一', '旧群二', '新群'])
    expect(await found(b, '退款', ['g1', 'g3'])).toEqual(['新群的退款', '旧群一的退款'])
    await b.close()
  })

  it('a log older than its snapshot (a crash between a compaction’s two renames, a backup) changes nothing back', async () => {
    const dir = tempArchiveDir()
    const a = new FileArchive(dir)
    await a.saveChat(info(1, '旧名'))
    await a.close()
    const stale = join(dir, 'stale.jsonl')
    copyFileSync(join(dir, 'chats.log.jsonl'), stale) // names g1 旧名
    const b = new FileArchive(dir)
    await b.saveChat(info(1, '新名')) // the first change after a start: chats.json holds 新名, the log is emptied
    await b.close()
    copyFileSync(stale, join(dir, 'chats.log.jsonl'))
    const c = new FileArchive(dir)
    expect((await titles(c)).get('g1')).toBe('新名')
    await c.saveChat(info(2))
    await c.close()
    expect([...(await titles(new FileArchive(dir))).entries()]).toEqual([
      ['g1', '新名'],
      ['g2', '第2群'],
    ])
  })

  it('a log whose only line is torn: the next change starts a new line after it, and is read back', () => {
    const dir = tempArchiveDir()
    const [snap, log] = [join(dir, 'doc.json'), join(dir, 'doc.log.jsonl')]
    writeFileSync(log, '{"v":1,"n":1,"e":{"ti') // killed mid-append, nothing else written
    const read = readSnapshotLog<{ seq?: number }, { title: string }>(snap, log)
    expect(read.entries).toEqual([])
    const doc = { titles: [] as string[] }
    const l = new SnapshotLog<{ title: string }>(snap, log, () => doc, read)
    doc.titles.push('新名')
    l.append({ title: '新名' })
    l.close()
    expect(readSnapshotLog(snap, log).entries).toEqual([{ title: '新名' }])
    expect(existsSync(snap)).toBe(false) // one line appended, nothing rewritten
  })
})

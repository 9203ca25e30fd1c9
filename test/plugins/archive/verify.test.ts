import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ArchiveRecord } from '../../../plugins/archive/capture/record.js'
import { ANCHOR_LOG, type AnchorEntry, lineHash } from '../../../plugins/archive/store/chain.js'
import { FileArchive, folderName } from '../../../plugins/archive/store/file-backend.js'
import { MemoryArchive } from '../../../plugins/archive/store/memory-backend.js'
import { AnchorBook } from '../../../plugins/archive/verify/anchor-book.js'
import { MONDAY_9AM } from '../../helpers/harness.js'
import { CONFIG, customer, customers, li, runCli, sales, setup, tempArchiveDir, zhang } from './setup.js'

const T0 = Date.parse('2026-11-30T01:00:00Z') // 09:00 in Shanghai

/** A customer group's record `seq`, a minute apart from 09:00 on 2026-11-30. */
function rec(seq: number, text: string, at = T0 + seq * 60_000): ArchiveRecord {
  return {
    v: 1,
    seq,
    id: `m${seq}`,
    at,
    chat: 'r-cust',
    topic: '张三交流群',
    sender: { id: 'c1', name: '刘总' },
    type: 'text',
    text,
    mentions: [],
  }
}

/** A file archive of two days of one customer group, seq 1–4 then 5–8, every line whole. */
async function twoDays(): Promise<{ dir: string; day1: string; day2: string }> {
  const dir = tempArchiveDir()
  const a = new FileArchive(dir)
  await a.saveChat({ chat: 'r-cust', kind: 'customer', title: '张三交流群', configName: '客户群' })
  for (let s = 1; s <= 4; s++) await a.append(rec(s, `第${s}条`), '2026-11-30')
  for (let s = 5; s <= 8; s++) await a.append(rec(s, `第${s}条`, T0 + 86_400_000 + s * 60_000), '2026-12-01')
  await a.close()
  const folder = join(dir, 'chats', folderName('r-cust'))
  return { dir, day1: join(folder, '2026-11-30.jsonl'), day2: join(folder, '2026-12-01.jsonl') }
}

/** When the tests' anchors were written: 2026-12-02 10:00 in Shanghai. */
const ANCHORED = Date.parse('2026-12-02T02:00:00Z')

/** `archive verify` over the file archive in `dir`, as the command line runs it (with `anchors`, its anchor log). */
async function verify(dir: string, argv: string[] = [], anchors?: AnchorEntry[]) {
  return runCli(['verify', ...argv], {
    backend: new FileArchive(dir),
    dir,
    anchors: anchors && (() => new AnchorBook(anchors)),
    now: Date.parse('2026-12-02T02:00:00Z'),
  })
}

/** The anchors the daily job would write now for every day segment in `dir` (or `kind` for each). */
function anchorsOf(dir: string, kind: AnchorEntry['kind'] = 'head'): AnchorEntry[] {
  const heads = new FileArchive(dir).heads({ from: '0000-00-00', to: '9999-12-31' })
  return heads.map(h => ({ v: 1, kind, ...h, at: ANCHORED }))
}

/** Lines `from` (index) on given new links, each naming the hash of the line before it: a chain recomputed by hand. */
function relink(all: string[], from: number): string[] {
  const out = [...all]
  for (let i = from; i < out.length; i++)
    out[i] = out[i].replace(/"prev":"[^"]*"/, `"prev":"${lineHash(Buffer.from(out[i - 1]))}"`)
  return out
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean)

describe('archive verify (CLI)', () => {
  it('an archive as the bot wrote it: every chat and day with its messages, nothing wrong, exit 0', async () => {
    const dir = tempArchiveDir()
    const h = await setup({ dir })
    await h.say(customer, '你好，想了解净水器', customers)
    const oops = await h.say(zhang, '报价稍后发您', customers)
    await h.say(zhang, oops.id, customers, { kind: 'recalled' })
    await h.say(li, '内部讨论', sales)
    h.backend.flush?.() // what the bot buffered is on disk, as after its turn
    const r = await verify(dir)
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^存档核对 archive verify · 全部日期（all days）：2 个会话，4 条消息/)
    expect(r.out).toMatch(/✅ 张三交流群 · \d{4}-\d{2}-\d{2}：3 条（messages）/)
    expect(r.out).toMatch(/✅ 销售部工作群 · \d{4}-\d{2}-\d{2}：1 条（messages）/)
    expect(r.out).toContain('结果：✅ 未发现问题（no problems found）')
  })

  it('a damaged archive: the auditor sees the gap, the cut line, the duplicate and the broken links, exit 3; an earlier time is a note', async () => {
    const { dir, day1, day2 } = await twoDays()
    // Day 1: record 3 removed by hand (a gap), record 2 stored twice.
    const [l1, l2, , l4] = lines(day1)
    writeFileSync(day1, `${[l1, l2, l4, l2].join('\n')}\n`)
    // Day 2: record 6 set back an hour, and a last line cut short by a crash.
    const d2 = lines(day2).map(l =>
      l.includes('"seq":6,') ? l.replace(/"at":(\d+)/, (_, at) => `"at":${Number(at) - 3_600_000}`) : l,
    )
    writeFileSync(day2, `${d2.join('\n')}\n`)
    appendFileSync(day2, JSON.stringify(rec(9, '第9条')).slice(0, 40))
    const r = await verify(dir)
    expect(r.code).toBe(3)
    const file1 = `chats/${folderName('r-cust')}/2026-11-30.jsonl`
    const file2 = `chats/${folderName('r-cust')}/2026-12-01.jsonl`
    expect(r.out.split('\n')).toEqual([
      '存档核对 archive verify · 全部日期（all days）：1 个会话，8 条消息（1 chat(s), 8 message(s)）',
      '⚠️ 张三交流群 · 2026-11-30：4 条（messages）',
      `   链断开 chain broken：${file1} 第 3 行，上一行不是写入时的那一行：上一行被改动、删除或插入（the line before it was changed, removed or inserted）`,
      '   缺号 seq gap：缺 3（1 条），在 2026-11-30 09:02:00 与 2026-11-30 09:04:00 之间（1 missing between seq 2 and 4）',
      `   重复 duplicate：${file1} 第 4 行（id m2，seq 2）与 2026-11-30 第 2 行重复（same id or seq as that line）`,
      '⚠️ 张三交流群 · 2026-12-01：4 条（messages）',
      `   链断开 chain broken：${file2} 第 3 行，上一行不是写入时的那一行：上一行被改动、删除或插入（the line before it was changed, removed or inserted）`,
      `   损坏行 damaged line：${file2} 第 5 行，末行被截断（last line cut short）`,
      `   ℹ️ 时间早于前一条（提示，不算问题）：${file2} 第 2 行 2026-12-01 08:06:00 早于前一条 2026-12-01 09:05:00（note, not a problem: earlier than the record before it; WeChat delivers messages late after a reconnect）`,
      'ℹ️ 哈希链 hash chain：8 条记录在链中（8 chained）',
      'ℹ️ 没有锚点日志：只核对了链本身，截尾、删除的文件、重算的链无从发现（no anchor log: the chain alone was checked）',
      '结果：发现 5 处问题（5 problem(s) found）',
      '',
    ])
  })

  it('a torn line a later write closed, and a line that is no record: named by file and line; the range and --json', async () => {
    const { dir, day2 } = await twoDays()
    const [m5, m6, m7, m8] = lines(day2)
    writeFileSync(day2, `${[m5, m6.slice(0, 30), m7, '{"note":"edited by hand"}', m8].join('\n')}\n`)
    const r = await verify(dir, ['--from', '2026-12-01', '--to', '2026-12-01', '--json'])
    expect(r.code).toBe(3)
    const report = JSON.parse(r.out)
    expect(report).toMatchObject({ from: '2026-12-01', to: '2026-12-01', chats: 1, messages: 3, problems: 4 })
    expect(report.days).toHaveLength(1)
    expect(report.days[0]).toMatchObject({
      chat: 'r-cust',
      title: '张三交流群',
      day: '2026-12-01',
      messages: 3,
      damaged: [
        { line: 2, problem: 'damaged' },
        { line: 4, problem: 'damaged' },
      ],
      gaps: [{ after: 5, before: 7 }],
      // The torn line is a link like any line: the record after it was written after the whole one.
      chain: { chained: 3, before: 0, broken: { line: 3, problem: 'link' } },
    })
    // The day before is not in range: its seq 1–4 and the gap before 5 are not looked at.
    const text = await verify(dir, ['--from', '2026-11-30', '--to', '2026-11-30', '--group', '客户群'])
    expect(text.code).toBe(0)
    expect(text.out).toContain('2026-11-30：1 个会话，4 条消息')
  })

  it('a gap across days is reported on the later day; an unknown group and a reversed range are refused (exit 2)', async () => {
    const { dir, day1 } = await twoDays()
    writeFileSync(day1, `${lines(day1).slice(0, 2).join('\n')}\n`) // 3 and 4, the day's last, removed
    const r = await verify(dir)
    expect(r.code).toBe(3)
    expect(r.out).toContain('✅ 张三交流群 · 2026-11-30：2 条（messages）')
    expect(r.out).toContain('⚠️ 张三交流群 · 2026-12-01：4 条（messages）')
    expect(r.out).toContain('缺号 seq gap：缺 3–4（2 条），在 2026-11-30 09:02:00 与 2026-12-01 09:05:00 之间')
    const unknown = await verify(dir, ['--group', '财务部'])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain('--group：没有名为「财务部」的会话记录')
    const reversed = await verify(dir, ['--from', '2026-12-01', '--to', '2026-11-30'])
    expect(reversed.code).toBe(2)
    expect(reversed.err).toContain('晚于')
  })

  it('two lines swapped: no gap is claimed, the later one is named as out of order (seq; its time as a note), the link broken', async () => {
    const { dir, day1 } = await twoDays()
    const [m1, m2, m3, m4] = lines(day1)
    writeFileSync(day1, `${[m1, m3, m2, m4].join('\n')}\n`)
    const r = await verify(dir, ['--group', '张三交流群'])
    expect(r.code).toBe(3)
    expect(r.out).not.toContain('缺号')
    const file = `chats/${folderName('r-cust')}/2026-11-30.jsonl`
    expect(r.out).toContain(
      `   顺序错乱 seq out of order：${file} 第 3 行 seq 2 排在 seq 3 之后（stored after a higher seq）`,
    )
    expect(r.out).toContain(
      `   ℹ️ 时间早于前一条（提示，不算问题）：${file} 第 3 行 2026-11-30 09:02:00 早于前一条 2026-11-30 09:03:00`,
    )
    expect(r.out).toContain(`   链断开 chain broken：${file} 第 2 行，上一行不是写入时的那一行`)
    expect(r.out).toContain('结果：发现 2 处问题（2 problem(s) found）')
  })

  it('an archive kept in memory (no chain) has nothing to verify, exit 2', async () => {
    const r = await runCli(['verify'], { backend: new MemoryArchive(), now: T0 })
    expect(r.code).toBe(2)
    expect(r.err).toContain('这个存档没有哈希链，无从核对')
  })
})

describe('archive verify: the hash chain and its anchors', () => {
  const file1 = `chats/${folderName('r-cust')}/2026-11-30.jsonl`
  const file2 = `chats/${folderName('r-cust')}/2026-12-01.jsonl`

  it('an edited record that keeps its seq, id and shape: the link of the line after it names the line', async () => {
    const { dir, day1 } = await twoDays()
    const all = lines(day1)
    all[1] = all[1].replace('第2条', '第2条，已退款')
    writeFileSync(day1, `${all.join('\n')}\n`)
    const r = await verify(dir)
    expect(r.code).toBe(3)
    expect(r.out).toContain(
      `⚠️ 张三交流群 · 2026-11-30：4 条（messages）\n   链断开 chain broken：${file1} 第 3 行，上一行不是写入时的那一行`,
    )
    expect(r.out).not.toContain('缺号')
    expect(r.out).not.toContain('损坏行')
    expect(r.out).toContain('结果：发现 1 处问题（1 problem(s) found）')
  })

  it('a deleted first line: the file no longer starts its chain; --json names file and line', async () => {
    const { dir, day2 } = await twoDays()
    writeFileSync(day2, `${lines(day2).slice(1).join('\n')}\n`)
    const r = await verify(dir, ['--json'])
    expect(r.code).toBe(3)
    const day = JSON.parse(r.out).days.find((d: { day: string }) => d.day === '2026-12-01')
    expect(day).toMatchObject({ file: file2, chain: { chained: 3, broken: { line: 1, problem: 'start' } } })
    expect(day.gaps).toEqual([{ after: 4, before: 6, afterAt: expect.any(Number), beforeAt: expect.any(Number) }])
  })

  it('a cut tail of the last day: unseen by the chain alone, caught by the anchor (the first line missing)', async () => {
    const { dir, day2 } = await twoDays()
    const anchors = anchorsOf(dir)
    writeFileSync(day2, `${lines(day2).slice(0, 2).join('\n')}\n`)
    const alone = await verify(dir)
    expect(alone.code).toBe(0) // nothing after the cut lines shows a gap: what anchors are for
    expect(alone.out).toContain('ℹ️ 没有锚点日志')
    const r = await verify(dir, [], anchors)
    expect(r.code).toBe(3)
    expect(r.out).toMatch(
      new RegExp(
        `截尾 cut tail：${file2} 自第 3 行起缺失，2026-12-02 10:00:00 锚定时文件有 \\d+ 字节，其余各行链接完好（lines removed from the end since they were anchored; every remaining link holds）`,
      ),
    )
    expect(r.out).toContain('ℹ️ 锚点 anchors：核对 2 个；0 条记录在最近的锚点之后')
    expect(r.out).toContain('结果：发现 1 处问题（1 problem(s) found）')
  })

  it('an edit with the chain recomputed: every link right, so only the anchor (outside the archive) tells', async () => {
    const { dir, day2 } = await twoDays()
    const anchors = anchorsOf(dir)
    const later = new FileArchive(dir) // a line written after the anchor: a later line links to the anchored one
    await later.append(rec(9, '第9条', T0 + 86_400_000 + 9 * 60_000), '2026-12-01')
    await later.close()
    const all = lines(day2)
    all[1] = all[1].replace('第6条', '第6条，已退款')
    writeFileSync(day2, `${relink(all, 2).join('\n')}\n`)
    const alone = await verify(dir)
    expect(alone.code).toBe(0) // a recomputed chain without anchors passes: the limit the docs state
    const r = await verify(dir, [], anchors)
    expect(r.code).toBe(3)
    expect(r.out).toContain(
      `   与锚点不符 anchor mismatch：${file2} 第 4 行及以前与 2026-12-02 10:00:00 锚定的不同，而后面的行链接的是现在的它：链被重算（lines up to it changed and the chain recomputed）`,
    )
    expect(r.out).not.toContain('链断开')
  })

  it('one line deleted mid-file: named at its line (the link, the gap), the file no longer its anchor, no cut tail claimed', async () => {
    const { dir, day1 } = await twoDays()
    const anchors = anchorsOf(dir)
    const [m1, m2, , m4] = lines(day1)
    writeFileSync(day1, `${[m1, m2, m4].join('\n')}\n`)
    const r = await verify(dir, [], anchors)
    expect(r.code).toBe(3)
    const day = r.out.split('\n').slice(1, 5)
    expect(day).toEqual([
      '⚠️ 张三交流群 · 2026-11-30：3 条（messages）',
      `   链断开 chain broken：${file1} 第 3 行，上一行不是写入时的那一行：上一行被改动、删除或插入（the line before it was changed, removed or inserted）`,
      expect.stringMatching(
        new RegExp(
          `^   与锚点不符 anchor mismatch：${file1} 已不是 2026-12-02 10:00:00 锚定时的样子（当时 \\d+ 字节），源于第 3 行处的删改（见链断开）（the file no longer matches its anchor: lines removed or changed at line 3, where the chain breaks）$`,
        ),
      ),
      '   缺号 seq gap：缺 3（1 条），在 2026-11-30 09:02:00 与 2026-11-30 09:04:00 之间（1 missing between seq 2 and 4）',
    ])
    expect(r.out).not.toContain('截尾')
    expect(r.out).toContain('结果：发现 3 处问题（3 problem(s) found）')
    const json = await verify(dir, ['--json'], anchors)
    expect(json.code).toBe(3)
    const d = JSON.parse(json.out).days.find((x: { day: string }) => x.day === '2026-11-30')
    expect(d.chain.broken).toEqual({ line: 3, problem: 'link' })
    expect(d.anchors.broken).toMatchObject({ problem: 'changed', line: 3, anchoredAt: ANCHORED })
  })

  it('a line edited mid-file to another length: the anchor mismatch points at the broken link, not at a recomputed chain', async () => {
    const { dir, day1 } = await twoDays()
    const anchors = anchorsOf(dir)
    const all = lines(day1)
    all[0] = all[0].replace('第1条', '第1条（改过）')
    writeFileSync(day1, `${all.join('\n')}\n`)
    const r = await verify(dir, [], anchors)
    expect(r.code).toBe(3)
    expect(r.out).toContain(`   链断开 chain broken：${file1} 第 2 行，上一行不是写入时的那一行`)
    expect(r.out).toContain(`源于第 2 行处的删改（见链断开）`)
    expect(r.out).not.toContain('链被重算')
    expect(r.out).not.toContain('截尾')
  })

  it('a line edited longer before the anchored end: the note counts the records added since by line, not by offset', async () => {
    const { dir, day1 } = await twoDays()
    const anchors = anchorsOf(dir)
    const all = lines(day1)
    all[0] = all[0].replace('第1条', '第1条，后来被改得更长更长更长更长更长')
    writeFileSync(day1, `${all.join('\n')}\n`)
    const late = new FileArchive(dir)
    await late.append(rec(9, '锚定之后的一条'), '2026-11-30') // after the anchor: the only record not anchored yet
    await late.close()
    const r = await verify(dir, [], anchors)
    expect(r.out).toContain('ℹ️ 锚点 anchors：核对 2 个；1 条记录在最近的锚点之后')
    expect(r.code).toBe(3) // the edit: the link of line 2
  })

  it('the last line edited: the last line is named as differing from its anchor (no later line links to it), no recomputed chain claimed; --json says last', async () => {
    const { dir, day2 } = await twoDays()
    const anchors = anchorsOf(dir)
    const asWritten = lines(day2)
    const edited = (text: string) => {
      const all = [...asWritten]
      all[3] = all[3].replace(/"text":"[^"]*"/, `"text":"${text}"`)
      writeFileSync(day2, `${all.join('\n')}\n`)
    }
    // Longer (the anchor ends inside the line) and as long (it ends at the line's end, another hash).
    for (const text of ['第8条，已撤回', '第9条']) {
      edited(text)
      const r = await verify(dir, [], anchors)
      expect(r.code).toBe(3)
      expect(r.out).toContain(
        `⚠️ 张三交流群 · 2026-12-01：4 条（messages）\n   末行与锚点不符 last line changed：${file2} 第 4 行（末行）与 2026-12-02 10:00:00 锚定的不同：锚定后它被改动（或连同前面的行改动、链被重算；没有后面的行链接它，无从分辨）（the last line differs from what was anchored: it was changed, or lines before it too with the chain recomputed; no later line links to it to tell）\n`,
      )
      expect(r.out).not.toContain('链断开')
      expect(r.out).not.toContain('截尾')
      expect(r.out).toContain('结果：发现 1 处问题（1 problem(s) found）')
      const d = JSON.parse((await verify(dir, ['--json'], anchors)).out).days[1]
      expect(d.anchors.broken).toMatchObject({ problem: 'last', line: 4, anchoredAt: ANCHORED })
    }
    // Shorter, every link holding: the file ends before its anchor, which nothing tells from lines cut off its end.
    edited('第8')
    expect((await verify(dir, [], anchors)).out).toContain(`截尾 cut tail：${file2} 自第 5 行起缺失`)
  })

  it('lines written after the anchor are a note; a file removed by hand is missing, one the purge recorded is not', async () => {
    const { dir, day1 } = await twoDays()
    const anchors = anchorsOf(dir)
    const later = new FileArchive(dir)
    await later.append(rec(9, '第9条', T0 + 86_400_000 + 9 * 60_000), '2026-12-01')
    await later.close()
    expect((await verify(dir, [], anchors)).out).toContain('核对 2 个；1 条记录在最近的锚点之后，尚未锚定')
    rmSync(day1)
    const removed = await verify(dir, [], anchors)
    expect(removed.code).toBe(3)
    expect(removed.out).toContain(
      `⚠️ 张三交流群 · 2026-11-30：0 条（messages）\n   文件缺失 file missing：${file1}，2026-12-02 10:00:00 锚定时有`,
    )
    const purged: AnchorEntry[] = [...anchors, { ...anchors[0], kind: 'purged', at: ANCHORED + 86_400_000 }]
    const r = await verify(dir, [], purged)
    expect(r.code).toBe(0)
    expect(r.out).not.toContain('2026-11-30：')
    expect(r.out).toContain(
      'ℹ️ 张三交流群：1 个日记录文件按保留期删除（2026-11-30，有清理记录）（deleted by the retention purge, recorded）',
    )
  })

  it('a restart mid-day goes on from the file’s last line, also over a line a crash tore: no link broken', async () => {
    const dir = tempArchiveDir()
    const day = join(dir, 'chats', folderName('r-cust'), '2026-11-30.jsonl')
    for (const seqs of [[1, 2], [3], [4, 5]]) {
      const a = new FileArchive(dir) // a process of its own
      await a.saveChat({ chat: 'r-cust', kind: 'customer', title: '张三交流群', configName: '客户群' })
      for (const s of seqs) await a.append(rec(s, `第${s}条`), '2026-11-30')
      await a.close()
      if (seqs[0] === 3) appendFileSync(day, '{"v":2,"seq":4,"id":"m4","te') // killed mid-write
    }
    const r = await verify(dir, [], anchorsOf(dir))
    expect(r.code).toBe(3)
    expect(r.out).toContain(`损坏行 damaged line：${file1} 第 4 行，不是有效记录`)
    expect(r.out).not.toContain('链断开')
    expect(r.out).toContain('ℹ️ 哈希链 hash chain：5 条记录在链中（5 chained）')
    expect(r.out).toContain('结果：发现 1 处问题（1 problem(s) found）')
  })

  it('late messages to an earlier day and chats written in turn keep every link (one chain per day file)', async () => {
    const dir = tempArchiveDir()
    const a = new FileArchive(dir)
    await a.saveChat({ chat: 'r-cust', kind: 'customer', title: '张三交流群', configName: '客户群' })
    await a.saveChat({ chat: 'r-other', kind: 'customer', title: '李四交流群', configName: '客户群' })
    const other = (s: number) => ({ ...rec(s, `另一群${s}`), chat: 'r-other', id: `o${s}` })
    const DAY = 86_400_000
    // Today's messages, with yesterday's delivered late in between (each to its own day's file), two chats in turn.
    for (const [r, day] of [
      [rec(1, '昨天'), '2026-11-30'],
      [rec(3, '今天', T0 + DAY), '2026-12-01'],
      [other(1), '2026-12-01'],
      [rec(2, '昨天晚到的', T0 + 2 * 60_000), '2026-11-30'],
      [rec(4, '今天', T0 + DAY + 60_000), '2026-12-01'],
      [other(2), '2026-12-01'],
      [rec(5, '今天', T0 + DAY + 120_000), '2026-12-01'],
    ] as const)
      a.appendNow({ ...r }, day)
    await a.close()
    const r = await verify(dir, [], anchorsOf(dir))
    expect(r.out).not.toContain('链断开')
    expect(r.out).toContain('ℹ️ 哈希链 hash chain：7 条记录在链中（7 chained）')
    expect(r.code).toBe(0)
  })

  it('records written before the chain are a note, never broken; a record stripped of its link after it began is', async () => {
    const dir = tempArchiveDir()
    const day = join(dir, 'chats', folderName('r-cust'), '2026-11-30.jsonl')
    const old = new FileArchive(dir)
    await old.saveChat({ chat: 'r-cust', kind: 'customer', title: '张三交流群', configName: '客户群' })
    await old.close()
    // An older release's lines (version 1, no link), then this release's.
    mkdirSync(dirname(day), { recursive: true })
    appendFileSync(day, `${JSON.stringify(rec(1, '升级前'))}\n${JSON.stringify(rec(2, '升级前'))}\n`)
    const now = new FileArchive(dir)
    for (const s of [3, 4]) await now.append(rec(s, '升级后'), '2026-11-30')
    await now.close()
    const r = await verify(dir)
    expect(r.code).toBe(0)
    expect(r.out).toContain(
      'ℹ️ 哈希链 hash chain：2 条记录在链中，2 条写于链之前（版本 1，改动无从发现）（2 chained, 2 written before the chain）',
    )
    const all = lines(day)
    const stripped = { ...JSON.parse(all[3]), v: 1 }
    delete stripped.prev
    writeFileSync(day, `${[...all.slice(0, 3), JSON.stringify(stripped)].join('\n')}\n`)
    const s = await verify(dir)
    expect(s.code).toBe(3)
    expect(s.out).toContain(
      `链断开 chain broken：${file1} 第 4 行，记录缺少链接：链接被去掉（a record without its link: it was stripped）`,
    )
  })

  it('a chained record stripped of its link at the start of a file is tampering, not a record written before the chain', async () => {
    const { dir, day1 } = await twoDays()
    // Every link of the day removed, the version left as written: no line of it can pass as an older release's.
    const stripped = lines(day1).map(l => {
      const r = JSON.parse(l)
      delete r.prev
      return JSON.stringify(r)
    })
    writeFileSync(day1, `${stripped.join('\n')}\n`)
    const r = await verify(dir)
    expect(r.code).toBe(3)
    expect(r.out).toContain(
      `链断开 chain broken：${file1} 第 1 行，记录缺少链接：链接被去掉（a record without its link: it was stripped）`,
    )
    expect(r.out).not.toContain('写于链之前')
  })

  it('messages of five days delivered in turn, more days than the archive keeps heads of: every link kept', async () => {
    const dir = tempArchiveDir()
    const a = new FileArchive(dir)
    await a.saveChat({ chat: 'r-cust', kind: 'customer', title: '张三交流群', configName: '客户群' })
    const DAY = 86_400_000
    const days = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']
    let seq = 0
    // Today's (12-04) between late ones of each earlier day, twice round: a day comes back after others pushed it out.
    for (const round of [0, 1])
      for (const [i, day] of days.entries()) {
        seq++
        a.appendNow(rec(seq, `第${round + 1}轮`, T0 + i * DAY + seq * 60_000), day)
        seq++
        a.appendNow(rec(seq, '今天', T0 + 4 * DAY + seq * 60_000), '2026-12-04')
      }
    await a.close()
    const r = await verify(dir, [], anchorsOf(dir))
    expect(r.out).not.toContain('链断开')
    expect(r.out).toContain('ℹ️ 哈希链 hash chain：20 条记录在链中（20 chained）')
    // (The seq numbers, given in arrival order across days here, are verify's other check.)
  })

  it('a message delivered days late to an older day file is anchored at the next daily run', async () => {
    // Messages are taken up to a week old (`runtime.maxMessageAge`; by default only five minutes).
    const config = CONFIG.replace(
      'groups:',
      'runtime: { maxMessageAge: 168h }\nplugins: { archive: { checkCode: { send: false } } }\ngroups:',
    )
    const h = await setup({ config, dir: tempArchiveDir() })
    await h.say(customer, '11-30 的消息', customers)
    await h.clock.advance(4 * 86_400_000) // 2026-12-04 09:00, after four daily runs: 11-30 anchored once
    const book = () => new AnchorBook(h.store.readLog<AnchorEntry>(ANCHOR_LOG, '2026-01-01', '2027-12-31'))
    expect(book().heads('r-cust', '2026-11-30')).toHaveLength(1)
    // After a reconnect: a message of 11-30 goes to its own day's file, four days old, past the days re-read daily.
    await h.say(customer, '11-30 晚到的消息', customers, { at: MONDAY_9AM + 3_600_000 })
    expect((await h.records('r-cust', '2026-11-30', '2026-11-30')).map(r => r.text)).toEqual([
      '11-30 的消息',
      '11-30 晚到的消息',
    ])
    await h.clock.advance(86_400_000) // 2026-12-05 03:30
    await h.records('r-cust')
    expect(book().heads('r-cust', '2026-11-30')).toHaveLength(2)
    const r = await runCli(['verify'], { backend: h.backend, dir: h.dir, anchors: book })
    expect(r.out).toContain('ℹ️ 锚点 anchors：核对 2 个；0 条记录在最近的锚点之后')
    expect(r.code).toBe(0)
    await h.clock.advance(86_400_000) // nothing grew since: no anchor of it again
    await h.records('r-cust')
    expect(book().heads('r-cust', '2026-11-30')).toHaveLength(2)
  })

  it('an older day file a late message grew before a restart is still anchored after it (noted on disk)', async () => {
    const { dir } = await twoDays()
    const before = new FileArchive(dir)
    expect(before.grownBefore('2026-12-03').map(h => h.day)).toEqual(['2026-11-30', '2026-12-01']) // written by twoDays
    expect(before.grownBefore('2026-12-03')).toEqual([]) // asked: nothing grew since
    await before.append(rec(9, '11-30 晚到的消息'), '2026-11-30')
    await before.close() // the bot restarts before the daily run
    const after = new FileArchive(dir)
    const grown = after.grownBefore('2026-12-03')
    expect(grown.map(h => [h.chat, h.day])).toEqual([['r-cust', '2026-11-30']])
    expect(grown[0].bytes).toBe(readFileSync(join(dir, 'chats', folderName('r-cust'), '2026-11-30.jsonl')).length)
    expect(after.grownBefore('2026-12-03')).toEqual([])
    await after.close()
  })

  it('through the bot: the daily job anchors each day outside the archive, the purge records what it deletes', async () => {
    // No check code sent: its private message would be one more chat to anchor (check-code.test.ts has those).
    const config = CONFIG.replace(
      'groups:',
      'plugins: { archive: { retentionDays: { internal: 1 }, checkCode: { send: false } } }\ngroups:',
    )
    const h = await setup({ config, dir: tempArchiveDir() })
    await h.say(zhang, '内部群的消息', sales)
    await h.say(customer, '客户群的消息', customers)
    await h.clock.advance(86_400_000) // 2026-12-01 03:30: anchors of 11-30 (nothing expired yet)
    await h.records('r-sales')
    const book = () => new AnchorBook(h.store.readLog<AnchorEntry>(ANCHOR_LOG, '2026-01-01', '2027-12-31'))
    expect(book().heads('r-sales', '2026-11-30')).toHaveLength(1)
    expect(book().heads('r-cust', '2026-11-30')).toHaveLength(1)
    const audit = h.rt.audit.query({ plugin: 'archive', days: 3, limit: 100 })
    expect(audit.filter(e => e.rule === 'archive.anchor').map(e => e.text)).toEqual([
      '信息记录链头锚定：2 个日记录文件的末行哈希已记入锚点日志（archive verify 据此发现截尾、删文件、重算的链）',
    ])
    // What #审计 shows beside it: Chinese first.
    expect(audit.find(e => e.rule === 'archive.anchor')?.reason).toBe(
      '链头锚定 2026-11-29 至 2026-12-01（chain heads）',
    )
    await h.clock.advance(86_400_000) // 2026-12-02 03:30: the internal group's 11-30 expires; nothing grew
    expect(await h.records('r-sales')).toEqual([])
    expect(book().purgedAt('r-sales', '2026-11-30')).toBeDefined()
    const r = await runCli(['verify'], { backend: h.backend, dir: h.dir, anchors: book })
    expect(r.code).toBe(0)
    expect(r.out).toContain('ℹ️ 销售部工作群：1 个日记录文件按保留期删除（2026-11-30，有清理记录）')
    expect(r.out).toContain('ℹ️ 锚点 anchors：核对 1 个；0 条记录在最近的锚点之后')
    expect(
      h.rt.audit.query({ plugin: 'archive', days: 5, limit: 100 }).filter(e => e.rule === 'archive.anchor'),
    ).toHaveLength(1)
  })
})

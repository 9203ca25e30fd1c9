import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { runArchiveCli } from '../../../plugins/archive/cli/export-command.js'
import type { ArchiveRecord } from '../../../plugins/archive/capture/record.js'
import { FileArchive, folderName } from '../../../plugins/archive/store/file-backend.js'
import { customer, customers, li, sales, setup, tempArchiveDir, zhang } from './setup.js'

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

/** `archive verify` over the file archive in `dir`, as the command line runs it. */
async function verify(dir: string, argv: string[] = []) {
  let out = ''
  let err = ''
  const sink = (add: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        add(String(chunk))
        done()
      },
    })
  const code = await runArchiveCli(['verify', ...argv], {
    backend: new FileArchive(dir),
    dir,
    timezone: 'Asia/Shanghai',
    out: sink(s => {
      out += s
    }),
    err: sink(s => {
      err += s
    }),
    who: 'cli:tester',
    now: Date.parse('2026-12-02T02:00:00Z'),
  })
  return { code, out, err }
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

  it('a damaged archive: the auditor sees the gap, the cut line and the duplicate, exit 3; an earlier time is a note', async () => {
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
      '   缺号 seq gap：缺 3（1 条），在 2026-11-30 09:02:00 与 2026-11-30 09:04:00 之间（1 missing between seq 2 and 4）',
      `   重复 duplicate：${file1} 第 4 行（id m2，seq 2）与 2026-11-30 第 2 行重复（same id or seq as that line）`,
      '⚠️ 张三交流群 · 2026-12-01：4 条（messages）',
      `   损坏行 damaged line：${file2} 第 5 行，末行被截断（last line cut short）`,
      `   ℹ️ 时间早于前一条（提示，不算问题）：${file2} 第 2 行 2026-12-01 08:06:00 早于前一条 2026-12-01 09:05:00（note, not a problem: earlier than the record before it; WeChat delivers messages late after a reconnect）`,
      '结果：发现 3 处问题（3 problem(s) found）',
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
    expect(report).toMatchObject({ from: '2026-12-01', to: '2026-12-01', chats: 1, messages: 3, problems: 3 })
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

  it('two lines swapped: no gap is claimed, the later one is named as out of order (seq; its time as a note)', async () => {
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
    expect(r.out).toContain('结果：发现 1 处问题（1 problem(s) found）')
  })

  it('on PostgreSQL (no archive folder) it says it is not supported there, exit 2', async () => {
    const { dir } = await twoDays()
    let err = ''
    const code = await runArchiveCli(['verify'], {
      backend: new FileArchive(dir),
      timezone: 'Asia/Shanghai',
      out: new Writable({ write: (_c, _e, done) => done() }),
      err: new Writable({
        write(chunk, _e, done) {
          err += String(chunk)
          done()
        },
      }),
      who: 'cli:tester',
      now: T0,
    })
    expect(code).toBe(2)
    expect(err).toContain('PostgreSQL 存档（BOT_DATABASE_URL）不支持')
  })
})

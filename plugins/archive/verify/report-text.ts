import { dayKey, zonedParts } from '../../../bot/time/zoned.js'
import type { AnchorCheck } from './links.js'
import { type DayCheck, dayProblems, type VerifyReport } from './verify.js'

/**
 * The verify report as the auditor reads it, Chinese first with English: a head line, one line per chat and day
 * (✅ or ⚠️ with its message count), under a ⚠️ day each finding with its file and line, and the result.
 */
export function verifyText(report: VerifyReport, titles: ReadonlyMap<string, string>, tz: string): string {
  const out = [
    `存档核对 archive verify · ${range(report)}：${report.chats} 个会话，${report.messages} 条消息` +
      `（${report.chats} chat(s), ${report.messages} message(s)）`,
  ]
  if (!report.days.length) out.push('范围内没有记录（no records in range）')
  for (const d of report.days) {
    const title = titles.get(d.chat) ?? d.chat
    const bad = dayProblems(d)
    out.push(`${bad ? '⚠️' : '✅'} ${title} · ${d.day}：${d.messages} 条（messages）`)
    if (d.unreadable) out.push(`   无法读取 unreadable：${d.file}（${d.unreadable}）`)
    if (d.missing)
      out.push(
        d.rows
          ? `   行缺失 rows missing：${d.file} 一行也没有了，${when(d.missing.anchoredAt, tz)} 锚定时有 ${d.missing.bytes} 行，没有保留期清理的记录` +
              '（the day’s rows were anchored and are gone, not deleted by the retention purge）'
          : `   文件缺失 file missing：${d.file}，${when(d.missing.anchoredAt, tz)} 锚定时有 ${d.missing.bytes} 字节，没有保留期清理的记录` +
              '（anchored, and not deleted by the retention purge）',
      )
    const broken = d.chain.broken
    if (broken)
      out.push(
        `   链断开 chain broken：${lineOf(d, broken.line, broken.pos)}，${d.rows && broken.problem === 'start' ? ROWS_START : LINK[broken.problem]}`,
      )
    const anchor = d.anchors.broken
    if (anchor) out.push(`   ${anchorText(d, anchor, when(anchor.anchoredAt, tz))}`)
    for (const g of d.gaps) {
      const missing = g.before - g.after - 1
      const nums = missing === 1 ? `${g.after + 1}` : `${g.after + 1}–${g.before - 1}`
      out.push(
        `   缺号 seq gap：缺 ${nums}（${missing} 条），在 ${when(g.afterAt, tz)} 与 ${when(g.beforeAt, tz)} 之间` +
          `（${missing} missing between seq ${g.after} and ${g.before}）`,
      )
    }
    for (const x of d.damaged)
      out.push(
        x.problem === 'truncated'
          ? `   损坏行 damaged line：${d.file} 第 ${x.line} 行，末行被截断（last line cut short）`
          : `   损坏行 damaged line：${lineOf(d, x.line, x.pos)}，不是有效记录（not a record of this chat）`,
      )
    for (const x of d.duplicates)
      out.push(
        `   重复 duplicate：${d.file} 第 ${x.line} 行（id ${x.id}，seq ${x.seq}）与 ${x.first.day} 第 ${x.first.line} 行重复` +
          `（same id or seq as that line）`,
      )
    for (const x of d.outOfOrder)
      out.push(
        `   ℹ️ 时间早于前一条（提示，不算问题）：${d.file} 第 ${x.line} 行 ${when(x.at, tz)} 早于前一条 ${when(x.previousAt, tz)}` +
          '（note, not a problem: earlier than the record before it; WeChat delivers messages late after a reconnect）',
      )
    for (const x of d.seqBackwards)
      out.push(
        `   顺序错乱 seq out of order：${d.file} 第 ${x.line} 行 seq ${x.seq} 排在 seq ${x.previousSeq} 之后` +
          '（stored after a higher seq）',
      )
  }
  out.push(...chainNotes(report, titles))
  out.push(
    report.problems
      ? `结果：发现 ${report.problems} 处问题（${report.problems} problem(s) found）`
      : '结果：✅ 未发现问题（no problems found）',
  )
  return `${out.join('\n')}\n`
}

/** How an anchor the file (or day of rows) no longer matches reads: what is known, by its kind (`AnchorCheck`). */
function anchorText(d: DayCheck, a: NonNullable<AnchorCheck['broken']>, anchored: string): string {
  const [file, size] = [d.file, d.rows ? `${a.bytes} 行` : `${a.bytes} 字节`]
  const what = d.rows ? 'the rows no longer match their anchor' : 'the file no longer matches its anchor'
  switch (a.problem) {
    case 'changed':
      return (
        `与锚点不符 anchor mismatch：${file} 已不是 ${anchored} 锚定时的样子（当时 ${size}），源于第 ${a.line} 行${pos(a.pos)}处的删改（见链断开）` +
        `（${what}: lines removed or changed at line ${a.line}, where the chain breaks）`
      )
    case 'cut':
      return (
        `截尾 cut tail：${file} 自第 ${a.line} 行起缺失，${anchored} 锚定时${d.rows ? '' : '文件'}有 ${size}，其余各行链接完好` +
        '（lines removed from the end since they were anchored; every remaining link holds）'
      )
    case 'last':
      return (
        `末行与锚点不符 last line changed：${lineOf(d, a.line, a.pos)}（末行）与 ${anchored} 锚定的不同：锚定后它被改动（或连同前面的行改动、链被重算；没有后面的行链接它，无从分辨）` +
        '（the last line differs from what was anchored: it was changed, or lines before it too with the chain recomputed; no later line links to it to tell）'
      )
    case 'rewritten':
      return (
        `与锚点不符 anchor mismatch：${lineOf(d, a.line, a.pos)}及以前与 ${anchored} 锚定的不同，而后面的行链接的是现在的它：链被重算` +
        '（lines up to it changed and the chain recomputed）'
      )
  }
}

/** A line of a file (`chats/…/day.jsonl 第 3 行`), or a row of a chat's day on PostgreSQL with its `pos`. */
function lineOf(d: DayCheck, line: number, at: string | undefined): string {
  return `${d.file} 第 ${line} 行${pos(at)}`
}

function pos(at: string | undefined): string {
  return at === undefined ? '' : `（pos ${at}）`
}

/** A chat's day of rows whose first row does not start its chain. */
const ROWS_START =
  '不是这一天链的开头：前面的行被删除，或行被改到别的会话或日期（the first row does not start the chat’s and day’s chain）'

/** How each broken link reads. */
const LINK = {
  start: '不是本文件链的开头：前面的行被删除，或文件被移动（the first line does not start the file’s chain）',
  link: '上一行不是写入时的那一行：上一行被改动、删除或插入（the line before it was changed, removed or inserted）',
  unlinked: '记录缺少链接：链接被去掉（a record without its link: it was stripped）',
}

/** The notes after the days: records before the chain, the anchors, the days deleted by retention. */
function chainNotes(report: VerifyReport, titles: ReadonlyMap<string, string>): string[] {
  const sum = (f: (d: VerifyReport['days'][number]) => number) => report.days.reduce((n, d) => n + f(d), 0)
  const [chained, before] = [sum(d => d.chain.chained), sum(d => d.chain.before)]
  const out = [
    `ℹ️ 哈希链 hash chain：${chained} 条记录在链中` +
      (before ? `，${before} 条写于链之前（版本 1，改动无从发现）` : '') +
      `（${chained} chained${before ? `, ${before} written before the chain` : ''}）`,
  ]
  if (!report.anchorLog)
    out.push(
      'ℹ️ 没有锚点日志：只核对了链本身，截尾、删除的文件、重算的链无从发现（no anchor log: the chain alone was checked）',
    )
  else {
    const [checked, after] = [sum(d => d.anchors.checked), sum(d => d.anchors.after)]
    out.push(
      `ℹ️ 锚点 anchors：核对 ${checked} 个；${after} 条记录在最近的锚点之后，尚未锚定（每日任务锚定）` +
        `（${checked} checked; ${after} record(s) not anchored yet）`,
    )
  }
  for (const p of report.purged)
    out.push(
      `ℹ️ ${titles.get(p.chat) ?? p.chat}：${p.days} 个日记录文件按保留期删除（${p.first === p.last ? p.first : `${p.first} 至 ${p.last}`}，有清理记录）` +
        '（deleted by the retention purge, recorded）',
    )
  return out
}

function range(r: VerifyReport): string {
  if (!r.from || !r.to) return '全部日期（all days）'
  return r.from === r.to ? r.from : `${r.from} 至 ${r.to}`
}

/** `YYYY-MM-DD HH:mm:ss` of an instant in `tz`. */
function when(ms: number, tz: string): string {
  const p = zonedParts(ms, tz)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${dayKey(ms, tz)} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`
}

import { dayKey, zonedParts } from '../../../bot/time/zoned.js'
import { dayProblems, type VerifyReport } from './verify.js'

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
          : `   损坏行 damaged line：${d.file} 第 ${x.line} 行，不是有效记录（not a record of this chat）`,
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
  out.push(
    report.problems
      ? `结果：发现 ${report.problems} 处问题（${report.problems} problem(s) found）`
      : '结果：✅ 未发现问题（no problems found）',
  )
  return `${out.join('\n')}\n`
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

import { dayKey, zonedParts } from '../../../bot/time/zoned.js'
import { codeFileProblem } from '../texts.js'
import { type CodeCheck, dayCode, normalizeCode } from '../verify/check-code.js'
import type { ArchiveBackend } from '../store/backend.js'
import type { ArchiveCliEnv } from './cli-env.js'

/** What `archive verify --code` found: the check, the code given, whether the archive still gives it. */
export interface CodeVerdict {
  check: CodeCheck
  given: string
  /** The archive as stored gives the code given (every file read to its point with every link whole). */
  matches: boolean
}

/**
 * `archive verify --code CODE [--day D]`: whether the archive as stored (`stored`: its day files, or its rows) still gives `typed` for the day
 * (`day`, or the day the anchor log recorded this code for). A string when the arguments cannot be used (the caller
 * reports it as a usage error): a code that is no code, or no day given and none recorded with this code.
 */
export async function verifyCode(
  typed: string,
  day: string | undefined,
  env: Pick<ArchiveCliEnv, 'backend' | 'anchors'>,
  stored: Required<Pick<ArchiveBackend, 'stored'>>,
): Promise<CodeVerdict | string> {
  const given = normalizeCode(typed)
  if (!given)
    return `--code「${typed}」不是存档校验码：应为 20 个字母数字，如 7F3K-9QX2-…（a check code is 20 letters and digits in groups of 4）`
  const book = await env.anchors?.()
  const on = day ?? book?.dayOfCode(given)
  if (!on)
    return (
      '锚点日志中没有这个校验码：请用 --day YYYY-MM-DD 指明它是哪一天的（日志被改写时也是如此）' +
      '（the anchor log records no such code: give its day with --day）'
    )
  const chats = (await env.backend.chats()).map(c => c.chat)
  const check = await dayCode(stored, on, book?.code(on), chats)
  return { check, given, matches: check.computed === given && !check.differs.length }
}

/** The verdict as the auditor reads it, Chinese first with English. */
export function codeVerdictText(v: CodeVerdict, titles: ReadonlyMap<string, string>, tz: string): string {
  const c = v.check
  const out = [`存档校验码核对 archive check code · ${c.day}：${c.files} 个会话文件（${c.files} chat file(s)）`]
  if (v.matches) out.push(`✅ 存档仍给出校验码 ${v.given}（the archive as stored still gives this code）`)
  else
    out.push(`⚠️ 存档现在给出 ${c.computed}，不是 ${v.given}（the archive now gives ${c.computed}, not the code given）`)
  if (c.recorded && c.recorded.code !== v.given)
    out.push(
      `ℹ️ 锚点日志记录的当天校验码是 ${c.recorded.code}（${when(c.recorded.at, tz)} 发出），与给出的不同：` +
        '码抄错了，或日志被改写（the anchor log records another code for that day）',
    )
  if (!c.recorded)
    out.push('ℹ️ 锚点日志没有当天的校验码记录：按现存文件整体计算（no code recorded that day: the files as they are）')
  for (const p of c.differs)
    out.push(
      `   与校验码时不同 differs（${p.problem}）：${titles.get(p.chat) ?? p.chat} · ${codeFileProblem(p).trim()}`,
    )
  if (!v.matches && !c.differs.length && c.recorded)
    out.push(
      '   锚点日志说不出是哪个文件：它与存档一起被改写，或校验码不是这一天的（the anchor log cannot tell which file）',
    )
  if (c.later)
    out.push(
      `ℹ️ ${c.later} 个会话文件在校验码之后才有当天的记录（迟到的消息），不在校验码内（not covered: written after the code）`,
    )
  out.push(v.matches ? '结果：✅ 校验码一致（check code matches）' : '结果：校验码不符（check code mismatch）')
  return `${out.join('\n')}\n`
}

/** `YYYY-MM-DD HH:mm` of an instant in `tz`. */
function when(ms: number, tz: string): string {
  const p = zonedParts(ms, tz)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${dayKey(ms, tz)} ${two(p.hour)}:${two(p.minute)}`
}

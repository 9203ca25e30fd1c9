import type { Action } from '../../../bot/core/actions.js'
import type { CommandInvocation } from '../../../bot/core/plugin.js'
import { readDayRange } from '../../../bot/time/day-range.js'
import { addDays, dayKey, shortDateTime } from '../../../bot/time/zoned.js'
import { periodFromWord } from '../../cases/digest/period.js'
import { type ArchiveDeps, logAccess } from '../access/deps.js'
import { codeOfDay } from '../retention/daily-code.js'
import * as T from '../texts.js'
import type { CodeCheck } from '../verify/check-code.js'

/**
 * `#记录 校验码 [日期]` (auditors, admins; private): a day's check code (default yesterday) as the archive gives it
 * now, recomputed from the day files as `archive verify --code` does, with whether it is the code the daily job sent
 * and, when not, which files differ. File archive only; written to the access and audit logs.
 */
export async function checkCodeCommand(d: ArchiveDeps, inv: CommandInvocation, argv: string[]): Promise<Action[]> {
  const { ctx } = d
  const now = ctx.clock.now()
  const today = dayKey(now, ctx.timezone)
  const word = argv.join('')
  const typed = word ? (periodFromWord(word, now, ctx.timezone) ?? readDayRange(word)) : undefined
  if (typed && 'ok' in typed && !typed.ok) return [inv.reply(typed.error)]
  const range = typed && ('ok' in typed ? typed.range : typed)
  if (word && (!range || range.from !== range.to)) return [inv.reply(T.CHECK_CODE_ONE_DAY)]
  const day = range?.from ?? addDays(today, -1)
  if (day >= today) return [inv.reply(T.checkCodeNotYet(day))]
  const check = await codeOfDay(d, day)
  if (!check) return [inv.reply(T.CHECK_CODE_NO_CHAIN)]
  const text = answer(check, ctx.timezone)
  await logAccess(d, { who: inv.event.sender.id, action: 'check-code', detail: `${day} ${check.computed}` })
  return [
    inv.reply(text),
    {
      type: 'record',
      rule: 'archive.check-code-asked',
      memberId: inv.event.sender.id,
      reason: `${inv.event.sender.name} 查询存档校验码`,
      text: `存档校验码 ${day}：现为 ${check.computed}${check.recorded ? `，发出的为 ${check.recorded.code}` : ''}`,
    },
  ]
}

/** The answer: the code now, and how it compares with the one sent. */
function answer(c: CodeCheck, tz: string): string {
  if (!c.files && !c.recorded) return T.checkCodeNoFiles(c.day)
  const head = T.checkCodeNow(c.day, c.computed, c.files)
  if (!c.recorded) return `${head}\n${T.CHECK_CODE_NOT_SENT}`
  const sent = shortDateTime(c.recorded.at, tz)
  if (c.recorded.code === c.computed && !c.differs.length) return `${head}\n${T.checkCodeSame(sent, c.later)}`
  return [head, T.checkCodeDiffers(sent, c.recorded.code), ...c.differs.map(T.codeFileProblem)].join('\n')
}

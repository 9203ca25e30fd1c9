import { shortDateTime, validDay } from '../../time/zoned.js'
import * as T from '../../../plugins/archive/texts.js'
import { type CodeCheck, normalizeCode } from '../../../plugins/archive/verify/check-code.js'
import { h, type Html } from '../html.js'

/** The archive page's check-code box as typed: a day and, optionally, the code the person kept. */
export interface CodeForm {
  day: string
  code: string
}

/** What the box asks for: the day to check and the code given (written form), or why it cannot be checked. */
export interface CodeAsk {
  form: CodeForm
  day?: string
  given?: string
  error?: string
}

/** Read the box (`codeDay`, `code`): a real day before `today`, and a code when one is typed. */
export function readCodeForm(get: (k: string) => string | undefined, today: string): CodeAsk {
  const form = { day: (get('codeDay') ?? '').trim().slice(0, 10), code: (get('code') ?? '').trim().slice(0, 40) }
  if (!form.day) return { form }
  const day = validDay(form.day)
  if (!day) return { form, error: `「${form.day}」不是有效的日期，请写成年-月-日，例如 2026-12-01。` }
  if (day >= today) return { form, error: T.checkCodeNotYet(day) }
  const given = form.code ? normalizeCode(form.code) : undefined
  if (form.code && !given) return { form, error: `「${form.code}」不是存档校验码：应为 20 个字母数字，如 7F3K-9QX2-…` }
  return { form, day, given }
}

/** The box, and under it what the archive gives for the day asked (`check`: undefined where there is no chain). */
export function codeBox(ask: CodeAsk, checked: { check?: CodeCheck } | undefined, tz: string): Html {
  const box = h`<form method="get" action="/archive" class="filters">
<label>核对存档校验码：日期 <input type="date" name="codeDay" value="${ask.form.day}"></label>
<label>你保存的校验码 <input type="text" name="code" value="${ask.form.code}" maxlength="40" placeholder="XXXX-XXXX-XXXX-XXXX-XXXX（可不填）"></label>
<button>核对</button></form>`
  if (ask.error) return h`${box}<p class="error" role="alert">${ask.error}</p>`
  if (!checked) return box
  const c = checked.check
  if (!c) return h`${box}<p class="muted">${T.CHECK_CODE_NO_CHAIN}</p>`
  if (!c.files && !c.recorded) return h`${box}<p class="muted">${T.checkCodeNoFiles(c.day)}</p>`
  const lines: string[] = [T.checkCodeNow(c.day, c.computed, c.files)]
  if (ask.given)
    lines.push(
      ask.given === c.computed && !c.differs.length
        ? `✅ 与你保存的校验码一致：当天的记录没有被改动。`
        : `⚠️ 与你保存的 ${ask.given} 不同：当天的记录被改动过，或校验码抄错了。`,
    )
  if (!c.recorded) lines.push(T.CHECK_CODE_NOT_SENT)
  else {
    const sent = shortDateTime(c.recorded.at, tz)
    const same = c.recorded.code === c.computed && !c.differs.length
    lines.push(same ? T.checkCodeSame(sent, c.later) : T.checkCodeDiffers(sent, c.recorded.code))
    lines.push(...c.differs.map(p => T.codeFileProblem(p).trim()))
  }
  return h`${box}<div class="evidence">${lines.map(l => h`<div>${l}</div>`)}</div>`
}

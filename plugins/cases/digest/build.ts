import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Action } from '../../bot/core/actions.js'
import type { CasesDeps } from './deps.js'
import { digestMarkdown, digestText } from './digest.js'
import { lastDays, rangeInstants, type DayRange } from './period.js'
import type { Masker } from './privacy.js'
import type { CaseRecord } from './types.js'

/** A digest ready to send: chat text and, when there are cases, the Markdown file on disk. */
export interface BuiltDigest {
  text: string
  path?: string
  cases: CaseRecord[]
}

/** Live cases captured within `range`. */
export function casesIn(d: CasesDeps, range: DayRange): CaseRecord[] {
  const { from, to } = rangeInstants(range, d.ctx.timezone)
  return d.cases.live().filter(c => c.at >= from && c.at < to)
}

/** Build the digest for `range`: bounded chat text plus the full Markdown file under `outputDir/cases/`. */
export function buildDigest(d: CasesDeps, range: DayRange, mask: Masker, maxChars: number, raw = false): BuiltDigest {
  const cfg = d.ctx.configFor()
  const cases = casesIn(d, range)
  const fileName = `案例周报_${range.from}_${range.to}${raw ? '_原文' : ''}.md`
  const common = { range, mask, tz: d.ctx.timezone, fieldNames: cfg.fields }
  const text = digestText(cases, { ...common, maxChars, fileName, viewHint: `${d.ctx.commandPrefix}案例 查看 编号` })
  if (!cases.length) return { text, cases }
  const dir = join(d.ctx.outputDir, 'cases')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, fileName)
  writeFileSync(path, digestMarkdown(cases, common))
  return { text, path, cases }
}

/** The scheduled weekly digest: chat text and the file to every trainer (and extra recipients), privately. */
export function weeklyDigestActions(d: CasesDeps, now: number): Action[] {
  const cfg = d.ctx.configFor()
  const recipients = [...new Set([...d.ctx.membersWithRole('trainer'), ...cfg.digest.extraRecipients])]
  if (!recipients.length) {
    d.ctx.log.warn('cases: weekly digest has no recipients (no trainer in roles)')
    return [
      { type: 'record', text: 'weekly digest skipped: no trainers configured', rule: 'cases.digest-no-recipients' },
    ]
  }
  const digest = buildDigest(d, lastDays(cfg.digest.days, now, d.ctx.timezone), d.maskerFor(cfg), cfg.maxReplyChars)
  return recipients.flatMap((contact): Action[] => [
    { type: 'say', to: { contact }, text: digest.text, rule: 'cases.weekly-digest', memberId: contact },
    ...(digest.path
      ? [
          {
            type: 'sendFile' as const,
            to: { contact },
            path: digest.path,
            rule: 'cases.weekly-digest-file',
            memberId: contact,
          },
        ]
      : []),
  ])
}

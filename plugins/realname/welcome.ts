import type { RealnameConfig } from './config.js'
import type { PendingWelcome } from './state.js'
import { renderTemplate } from './template.js'

/** Timer key of a group's merged welcome. */
export const welcomeTimerKey = (groupId: string): string => `welcome:${groupId}`

/** Values the welcome templates are filled with. */
export interface WelcomeValues {
  group: string
  company: string
  grace: string
  format: string
  example: string
}

/**
 * One welcome for everyone who joined within the batch window: the welcome
 * line, the group rules, and the rename hint when any newcomer must comply.
 * The newcomers are @-mentioned by the send, so the text need not name them.
 */
export function welcomeText(cfg: RealnameConfig['welcome'], pending: PendingWelcome, v: WelcomeValues): string {
  const lines = [renderTemplate(cfg.text, { names: pending.names.join('、'), group: v.group, company: v.company })]
  if (cfg.rules.length) lines.push('群规：', ...cfg.rules.map((r, i) => `${i + 1}. ${r}`))
  if (pending.mustNames.length) {
    lines.push(
      renderTemplate(cfg.formatHint, {
        names: pending.mustNames.join('、'),
        grace: v.grace,
        format: v.format,
        example: v.example,
      }),
    )
  }
  return lines.join('\n')
}

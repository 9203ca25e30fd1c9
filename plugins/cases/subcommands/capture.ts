import type { Action } from '../../../bot/core/actions.js'
import type { CommandInvocation } from '../../../bot/core/plugin.js'
import { formatDuration } from '../../../bot/config/duration.js'
import { capturedRecord, decideCapture } from '../decide-capture.js'
import type { CaseRecord } from '../state.js'
import { confirmation, T } from '../texts.js'
import type { CasesDeps } from './deps.js'

/**
 * Capture `inv.args` as a case tagged `tag`. The confirmation is returned
 * only after the case is durably written; a failed write says so instead.
 */
export async function capture(d: CasesDeps, inv: CommandInvocation, tag: string): Promise<Action[]> {
  const ev = inv.event
  const cfg = d.ctx.configFor(ev.group)
  const decision = decideCapture(ev, inv.args.trim(), tag, {
    cfg,
    fields: d.ctx.configFor().fields,
    template: d.template,
    duplicateOf: text => d.cases.duplicateOf(text),
    prefix: d.ctx.commandPrefix,
    author: d.ctx.displayName(ev.sender),
  })
  if ('reply' in decision) return [decision.whisper ? inv.whisper(decision.reply) : inv.reply(decision.reply)]
  let saved: CaseRecord
  try {
    saved = await d.cases.add(decision.draft)
  } catch (e) {
    d.ctx.log.error('case write failed', e)
    return [inv.reply(T.saveFailed)]
  }
  d.search.upsert(saved, d.terms.refresh(saved))
  const text = confirmation(saved, d.maskerFor(cfg), formatDuration(cfg.imageWindow), d.ctx.commandPrefix)
  return [inv.reply(text), ...capturedRecord(saved, ev)]
}

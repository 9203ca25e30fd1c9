import type { Action } from '../../../bot/core/actions.js'
import type { MessageEvent } from '../../../bot/core/event.js'
import type { CommandInvocation, PluginContext } from '../../../bot/core/plugin.js'
import type { CasesConfig } from '../config.js'
import type { Masker } from '../content/privacy.js'
import type { TemplateParser } from '../content/template.js'
import { seesRaw } from '../decide-access.js'
import type { DigestSource } from '../digest/build.js'
import type { CaseSearch } from '../search/case-search.js'
import type { TermsCache } from '../search/terms-cache.js'
import type { CaseRecord } from '../state.js'
import { parseCaseId, type CaseStore } from '../store/case-store.js'
import { T, type FormatOptions } from '../texts.js'

/** What the commands and the image hook share: the context, the store, the search and compiled helpers. */
export interface CasesDeps {
  ctx: PluginContext<CasesConfig>
  cases: CaseStore
  search: CaseSearch
  terms: TermsCache
  template: TemplateParser
  /** Masker for a config section (compiled once per section object). */
  maskerFor(cfg: CasesConfig): Masker
  /** Where digests are built from. */
  digest: DigestSource
}

/** The rule of every `#案例` answer in the audit log. */
export const RULE = 'command.案例'

/** The masker for a reply to `event`. */
export function replyMasker(d: CasesDeps, event: MessageEvent, cfg: CasesConfig): Masker {
  return seesRaw(event, cfg) ? s => s : d.maskerFor(cfg)
}

/** How replies to `inv` are formatted (masking, timezone, length). */
export function formatFor(d: CasesDeps, inv: CommandInvocation): FormatOptions {
  const cfg = d.ctx.configFor(inv.event.group)
  const mask = replyMasker(d, inv.event, cfg)
  return { mask, tz: d.ctx.timezone, prefix: d.ctx.commandPrefix, maxChars: cfg.maxReplyChars }
}

/** The live case named by the first word of `rest`, or a reply explaining why there is none. */
export function target(d: CasesDeps, inv: CommandInvocation, rest: string, verb: string): CaseRecord | Action[] {
  const id = parseCaseId(rest.split(/\s+/)[0])
  if (!id) return [inv.reply(T.idUsage(d.ctx.commandPrefix, verb))]
  const c = d.cases.get(id)
  if (!c) return [inv.reply(T.notFound(id))]
  if (c.status) return [inv.reply(T.removed(id, c.status))]
  return c
}

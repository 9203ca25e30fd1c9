import type { MessageEvent } from '../../bot/core/event.js'
import type { PluginContext } from '../../bot/core/plugin.js'
import type { CaseStore } from './case-store.js'
import type { CasesConfig } from './config.js'
import { compileMasker, type Masker } from './privacy.js'
import type { CaseSearch } from './search/case-search.js'
import type { TermsCache } from './search/terms-cache.js'
import type { TemplateParser } from './template.js'

/** What the command and event handlers share: the context, the store, the search and compiled helpers. */
export interface CasesDeps {
  ctx: PluginContext<CasesConfig>
  cases: CaseStore
  search: CaseSearch
  terms: TermsCache
  template: TemplateParser
  /** Masker for a config section (compiled once per section object). */
  maskerFor(cfg: CasesConfig): Masker
}

/** A masker cache keyed by config section object. */
export function maskerCache(): (cfg: CasesConfig) => Masker {
  const cache = new WeakMap<CasesConfig, Masker>()
  return cfg => {
    let m = cache.get(cfg)
    if (!m) {
      m = compileMasker(cfg.privacy)
      cache.set(cfg, m)
    }
    return m
  }
}

/** Why `event`'s sender may not share or search here, or undefined when they may. */
export function refusal(event: MessageEvent, cfg: CasesConfig): string | undefined {
  if (cfg.staffOnly && !event.sender.isStaff) return '案例库仅供公司员工使用。'
  if (event.group && !cfg.groupKinds.includes(event.group.kind))
    return '为保护客户信息，案例请在内部工作群或私聊机器人分享和搜索，本条未处理。'
  return undefined
}

/** True when the reply to `event` may show contact details: an admin in a private chat (when allowed). */
export function seesRaw(event: MessageEvent, cfg: CasesConfig): boolean {
  return cfg.privacy.adminsSeeRaw && !event.group && event.sender.roles.includes('admin')
}

/** The masker to use for a reply to `event`. */
export function replyMasker(d: CasesDeps, event: MessageEvent, cfg: CasesConfig): Masker {
  return seesRaw(event, cfg) ? s => s : d.maskerFor(cfg)
}

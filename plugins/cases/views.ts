import type { CasesDeps } from './subcommands/deps.js'
import type { Masker } from './content/privacy.js'
import type { CaseRecord } from './state.js'
import { parseSearchArgs } from './search/query.js'

/** One case as the console lists it, masked with the plugin's privacy settings (as in chat). */
export interface CaseView {
  id: string
  at: number
  tag: string
  author: string
  groupTopic?: string
  title: string
  text: string
}

/** What the cases plugin shows in the web console. */
export interface CasesViews {
  /**
   * Search like `#案例 搜索` (words, `标签:`, `作者:`, `产品:`, date words) on the plugin's index; empty
   * text lists the newest. Returns the best `limit`, how many matched and how many cases there are.
   */
  search(query: string, limit: number): { hits: CaseView[]; total: number; size: number }
  /** One live case by id (`C12`), with its template fields and how many screenshots it has. */
  get(id: string): (CaseView & { fields: Record<string, string>; images: number }) | undefined
  /** How many days back `#案例 周报` without a period covers (`digest.days`). */
  digestDays(): number
}

declare module '../../bot/core/views.js' {
  interface Views {
    cases: CasesViews
  }
}

/** The cases views over the plugin's search index (never a scan of every case). */
export function casesViews(d: CasesDeps): CasesViews {
  const view = (c: CaseRecord, mask: Masker): CaseView => ({
    id: c.id,
    at: c.at,
    tag: c.tag,
    author: c.author,
    groupTopic: c.groupTopic,
    title: mask(c.title),
    text: mask(c.text),
  })
  return {
    search: (query, limit) => {
      const mask = d.maskerFor(d.ctx.configFor())
      const out = d.search.search(parseSearchArgs(query, d.ctx.clock.now(), d.ctx.timezone), limit)
      return { hits: out.hits.map(c => view(c, mask)), total: out.total, size: d.search.size }
    },
    get: id => {
      const c = d.cases.get(id.toUpperCase())
      if (!c || c.status) return undefined
      const mask = d.maskerFor(d.ctx.configFor())
      const fields = Object.fromEntries(Object.entries(c.fields).map(([k, v]) => [k, mask(v)]))
      return { ...view(c, mask), fields, images: c.images.length }
    },
    digestDays: () => d.ctx.configFor().digest.days,
  }
}

import { CaseStore } from '../../plugins/cases/store/case-store.js'
import { casesConfigSchema, type PrivacyConfig } from '../../plugins/cases/config.js'
import { compileMasker } from '../../plugins/cases/content/privacy.js'
import { shortDateTime } from '../time/zoned.js'
import { h, type Html } from './html.js'
import type { ConsoleSource } from './source.js'

const LIMIT = 50

/**
 * Cases page: search live cases by words in the title, text, tag or author (all words must match).
 * Shown with the cases plugin's privacy masking, as in chat.
 */
export function casesPage(source: ConsoleSource, query: string): Html {
  const q = query.trim().slice(0, 100)
  const words = q.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean)
  const tz = source.timezone()
  const live = new CaseStore(source.store, tz).live()
  const mask = compileMasker(
    (source.pluginConfig('cases')?.privacy as PrivacyConfig | undefined) ?? casesConfigSchema.parse({}).privacy,
  )
  const hits = live
    .filter(c => {
      const hay = `${c.title}\n${c.text}\n${c.tag}\n${c.author}`.normalize('NFKC').toLowerCase()
      return words.every(w => hay.includes(w))
    })
    .reverse()
  return h`<form method="get" action="/cases" class="inline">
<input type="search" name="q" value="${q}" placeholder="关键词，如 价格 净水器" aria-label="搜索案例">
<button>搜索</button></form>
<p class="muted">${q ? `找到 ${hits.length} 个案例` : `共 ${live.length} 个案例，最新在前`}${hits.length > LIMIT ? `，显示前 ${LIMIT} 个` : ''}。</p>
${
  hits.length
    ? h`<table><thead><tr><th>编号</th><th>时间</th><th>标签</th><th>作者</th><th>内容</th></tr></thead><tbody>
${hits.slice(0, LIMIT).map(
  c => h`<tr><td>${c.id}</td><td>${shortDateTime(c.at, tz)}</td><td>#${c.tag}</td><td>${c.author}</td>
<td><strong>${mask(c.title)}</strong><div class="evidence">${mask(c.text)}</div></td></tr>`,
)}
</tbody></table>`
    : ''
}`
}

import { shortDateTime } from '../../time/zoned.js'
import { csrfField, h, type Html } from '../html.js'
import type { ConsoleSource } from '../source.js'

const LIMIT = 50

/**
 * Cases page: the cases plugin's search (as `#案例 搜索`: words, `标签:成交`, `作者:张三`, `产品:净水器`,
 * `本周`…) on its index, newest first without words; masked by the plugin's privacy settings, as in chat.
 */
export function casesPage(source: ConsoleSource, query: string, csrf: string): Html {
  const q = query.trim().slice(0, 100)
  const views = source.views('cases')
  if (!views) return h`<p class="muted">案例库（cases 插件）没有启用。</p>`
  const tz = source.timezone()
  const { hits, total, size } = views.search(q, LIMIT)
  return h`<form method="get" action="/cases" class="inline">
<input type="search" name="q" value="${q}" placeholder="关键词，如 价格 净水器 标签:成交" aria-label="搜索案例">
<button>搜索</button></form>
<form method="post" action="/cases/digest" class="filters">${csrfField(csrf)}
<select name="period" aria-label="周报范围"><option value="">最近 ${views.digestDays()} 天</option><option>本周</option><option>上周</option><option>本月</option></select>
<button>生成案例周报</button><span class="muted">与微信里发送「#案例 周报」相同：摘要显示在这里，完整文件私聊发给你。</span></form>
<p class="muted">${q ? `找到 ${total} 个案例` : `共 ${size} 个案例，最新在前`}${total > LIMIT ? `，显示前 ${LIMIT} 个` : ''}。</p>
${
  hits.length
    ? h`<table><thead><tr><th>编号</th><th>时间</th><th>标签</th><th>作者</th><th>内容</th></tr></thead><tbody>
${hits.map(
  c => h`<tr><td>${c.id}</td><td class="nw">${shortDateTime(c.at, tz)}</td><td>#${c.tag}</td><td class="nw">${c.author}</td>
<td><a href="/cases/${c.id}"><strong>${c.title}</strong></a><div class="evidence">${c.text}</div></td></tr>`,
)}
</tbody></table>`
    : ''
}`
}

/** One case: title, text, template fields, author, group (or 私聊) and time (masked as in chat). */
export function casePage(source: ConsoleSource, id: string): Html | undefined {
  const c = source.views('cases')?.get(id)
  if (!c) return undefined
  const tz = source.timezone()
  const fields = Object.entries(c.fields)
  return h`<p><a href="/cases">← 返回案例列表</a></p>
<p class="muted">${c.id} · #${c.tag} · ${c.author} · ${c.groupTopic ?? '私聊'} · ${shortDateTime(c.at, tz)}${c.images ? ` · 截图 ${c.images} 张` : ''}</p>
<h2>${c.title}</h2>
${fields.length ? h`<table><tbody>${fields.map(([k, v]) => h`<tr><th>${k}</th><td>${v}</td></tr>`)}</tbody></table>` : ''}
<div class="answer">${c.text}</div>`
}

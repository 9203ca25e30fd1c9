import { shortDateTime } from '../time/zoned.js'
import { AUDIT_TYPE_NAMES, type AuditEntry } from '../runtime/records/audit.js'
import { csrfField, h, type Html } from './html.js'
import type { GroupMode, GroupPluginMode, PluginMode, StatusFacts, ViolationRow } from './source.js'

const KIND: Record<string, string> = { internal: '内部群', customer: '客户群', broadcast: '公告群' }
/** What the runtime's own audit entries are, in words (the settings page's recent changes). */
const RULE: Record<string, string> = {
  'console.dry-run': '网页后台 · 观察模式',
  'console.archive-search': '网页后台 · 搜索信息记录',
  'console.archive-browse': '网页后台 · 浏览信息记录',
  'console.archive-export': '网页后台 · 导出信息记录',
  'console.fine-settle': '网页后台 · 结清罚款',
  'console.fine-waive': '网页后台 · 免除罚款',
  undo: '撤销处罚',
  'remove-failed': '移出群失败',
  'command-refused': '拒绝命令',
}

function mode(dry: boolean): Html {
  return dry ? h`<span class="tag on">观察模式</span>` : h`<span class="tag off">执行</span>`
}

/** Overview: the facts of `#状态`, today's messages and the open notices. */
export function overviewPage(f: StatusFacts, today: { messages: number; openNotices?: number }): Html {
  const card = (k: string, v: unknown, cls = '') =>
    h`<div class="card"><div class="k">${k}</div><div class="v ${cls}">${v}</div></div>`
  return h`<section class="cards">
  ${card('健康', f.health.label, f.health.ok ? 'ok' : 'bad')}
  ${card('微信登录', f.loggedIn ? `已登录 ${f.selfId}` : '未登录', f.loggedIn ? 'ok' : 'bad')}
  ${card('在线时长', f.uptime)}
  ${card('受管理的群', `${f.groups.length} 个`)}
  ${card('今天的群消息', `${today.messages} 条`)}
  ${today.openNotices === undefined ? '' : card('进行中的通知', `${today.openNotices} 条`)}
  ${card('发送队列', `${f.outboxDepth} 条待发`)}
  ${card('待触发定时', f.pendingTimers)}
  ${card('内存', `${f.memoryMb} MB`)}
</section>
<h2>插件</h2>
<table><thead><tr><th>插件</th><th>模式</th><th>状态</th></tr></thead><tbody>
${f.plugins.map(p => h`<tr><td>${p.title}</td><td>${mode(p.dryRun)}</td><td>${p.status ?? ''}</td></tr>`)}
</tbody></table>
<h2>受管理的群</h2>
${
  f.groups.length
    ? h`<table><thead><tr><th>群名</th><th>类型</th></tr></thead><tbody>
${f.groups.map(g => h`<tr><td>${g.topic}</td><td>${KIND[g.kind] ?? g.kind}</td></tr>`)}
</tbody></table>`
    : h`<p class="muted">还没有受管理的群。</p>`
}
${f.health.warnings.length ? h`<h2>需要注意</h2><ul>${f.health.warnings.map(w => h`<li>${w}</li>`)}</ul>` : ''}
<h2>最近错误</h2>
${f.errors.length ? h`<ul class="evidence">${f.errors.map(e => h`<li>${e}</li>`)}</ul>` : h`<p class="muted">没有错误。</p>`}`
}

/** Violations: the content plugin's recent entries with evidence, per category (with its label); undo with a reason. */
export function violationsPage(
  all: ViolationRow[],
  opts: { days: number; category?: string; tz: string; csrf: string },
): Html {
  const { days, category, tz, csrf } = opts
  if (!all.length) return h`<p class="muted">最近 ${days} 天没有违规记录。</p>`
  // Counted in incidents, as chat's #违规 does: a warning, a strike and a report of one message are one.
  const incidents = new Map<string, { label: string; of: Set<string> }>()
  for (const r of all)
    for (const c of r.categories) {
      let known = incidents.get(c.key)
      if (!known) incidents.set(c.key, (known = { label: c.label, of: new Set() }))
      known.of.add(r.incident)
    }
  const counts = [...incidents].map(([c, { label, of }]) => [c, { label, n: of.size }] as const)
  const rows = category ? all.filter(r => r.categories.some(c => c.key === category)) : all
  const link = (c: string | undefined, label: string, n: number) =>
    c === category
      ? h`<strong>${label}（${n}）</strong>`
      : h`<a href="/violations?days=${days}${c ? `&category=${encodeURIComponent(c)}` : ''}">${label}（${n}）</a>`
  return h`<p class="muted">最近 ${days} 天内容审核插件的记录，最新在前。撤销会删除违规记录和罚款、私聊通知成员，并写入审计日志。</p>
<p>类别（事件数）：${link(undefined, '全部', new Set(all.map(r => r.incident)).size)}${counts.map(([c, { label, n }]) => h` · ${link(c, label, n)}`)}</p>
<table><thead><tr><th>编号</th><th>时间</th><th>处理</th><th>成员</th><th>群</th><th>原因与证据</th><th>撤销</th></tr></thead><tbody>
${rows.map(r => violationRow(r, tz, csrf))}
</tbody></table>`
}

function violationRow(
  { entry: e, member, group, reason, evidence, undoable, undone }: ViolationRow,
  tz: string,
  csrf: string,
): Html {
  return h`<tr>
<td class="nw">${e.id}</td>
<td class="nw">${shortDateTime(e.at, tz)}</td>
<td class="nw">${AUDIT_TYPE_NAMES[e.type] ?? e.type}${e.dryRun ? h` <span class="tag on">观察</span>` : ''}</td>
<td class="nw">${member ?? ''}</td>
<td>${group ?? ''}</td>
<td>${reason ?? ''}${evidence ? h`<div class="evidence">${evidence}</div>` : ''}</td>
<td>${
    undoable
      ? h`<form class="inline" method="post" action="/violations/undo">${csrfField(csrf)}
<input type="hidden" name="id" value="${e.id}">
<input type="text" name="reason" placeholder="撤销原因" required maxlength="200" aria-label="撤销 ${e.id} 的原因">
<button class="danger">撤销</button></form>`
      : undone
        ? h`【已撤销】${undone.by}${undone.why ? `：${undone.why}` : ''}`
        : ''
  }</td>
</tr>`
}

const GROUP_MODE: Record<GroupPluginMode, Html> = {
  off: h`<span class="tag">停用</span>`,
  observe: h`<span class="tag on">观察</span>`,
  act: h`<span class="tag off">执行</span>`,
}

/** Settings: observe mode per plugin (with a switch) and the effective mode per plugin and group. */
export function settingsPage(plugins: PluginMode[], groups: GroupMode[], csrf: string): Html {
  return h`<h2>插件观察模式</h2>
<p class="muted">观察模式下插件只记录不执行（不发言、不处罚）。切换立即生效、重启后保留，并写入审计日志。</p>
<table><thead><tr><th>插件</th><th>配置文件</th><th>当前</th><th>切换</th></tr></thead><tbody>
${plugins.map(
  p => h`<tr><td>${p.title}</td><td>${mode(p.configDryRun)}</td><td>${mode(p.effective)}</td><td>
<form class="inline" method="post" action="/settings/dry-run">${csrfField(csrf)}
<input type="hidden" name="plugin" value="${p.name}"><input type="hidden" name="on" value="${p.effective ? '0' : '1'}">
<button aria-label="${p.effective ? '关闭' : '开启'}${p.title}观察模式">${p.effective ? '关闭观察模式' : '开启观察模式'}</button></form></td></tr>`,
)}
</tbody></table>
<h2>各群实际生效的模式</h2>
${
  groups.length
    ? h`<p class="muted">由插件模式和配置文件里按群的 enabled / dryRun 共同决定；按群设置请改配置文件后发送 #重载配置。</p>
<table><thead><tr><th>群</th>${plugins.map(p => h`<th>${p.title}</th>`)}</tr></thead><tbody>
${groups.map(g => h`<tr><td>${g.topic}</td>${plugins.map(p => h`<td>${GROUP_MODE[g.plugins[p.name] ?? 'act']}</td>`)}</tr>`)}
</tbody></table>`
    : h`<p class="muted">还没有受管理的群。</p>`
}`
}

/** Recent audit entries (settings page footer and the proof that console changes are recorded). */
export function auditTable(entries: AuditEntry[], tz: string): Html {
  if (!entries.length) return h`<p class="muted">没有记录。</p>`
  return h`<table><thead><tr><th>编号</th><th>时间</th><th>来源</th><th>内容</th></tr></thead><tbody>
${entries.map(
  e =>
    h`<tr><td>${e.id}</td><td>${shortDateTime(e.at, tz)}</td><td>${RULE[e.rule] ?? `${e.plugin}/${e.rule}`}</td><td>${e.text ?? e.reason ?? ''}</td></tr>`,
)}
</tbody></table>`
}

/** Sign-in: confirm a code from a link (a POST, so link previews cannot use it), or type a code or token. */
export function loginPage(opts: { code?: string; pre: string; error?: string; tokenEnabled: boolean }): Html {
  return h`<div class="login">
${opts.error ? h`<p class="error" role="alert">${opts.error}</p>` : ''}
<p>在微信里私聊机器人发送 <strong>#后台</strong>，会收到一个 10 分钟内有效、只能使用一次的登录链接；也可以把链接里的登录码填在下面。</p>
<form method="post" action="/login">
<input type="hidden" name="pre" value="${opts.pre}">
<label>登录码 <input type="text" name="code" value="${opts.code ?? ''}" autocomplete="one-time-code" required></label>
<button>${opts.code ? '确认登录' : '登录'}</button>
</form>
${
  opts.tokenEnabled
    ? h`<details><summary>使用访问令牌登录</summary>
<form method="post" action="/login">
<input type="hidden" name="pre" value="${opts.pre}">
<label>令牌 <input type="password" name="token" required></label>
<button>登录</button>
</form></details>`
    : ''
}
</div>`
}

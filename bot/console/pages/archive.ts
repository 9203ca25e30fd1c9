import { checkDayRange } from '../../time/day-range.js'
import { addDays, shortDateTime } from '../../time/zoned.js'
import { chatTitle, describeRecord, type RecallLookup } from '../../../plugins/archive/export/export.js'
import { type ArchiveQuery, WITH_COMMANDS } from '../../../plugins/archive/search/query.js'
import type { ArchiveSearch } from '../../../plugins/archive/views.js'
import type { BrowsePage } from '../../../plugins/archive/export/browse.js'
import { hiddenCommandsHint } from '../../../plugins/archive/texts.js'
import type { ArchiveRecord, ChatInfo } from '../../../plugins/archive/capture/record.js'
import { csrfField, h, type Html } from '../html.js'

/** The archive search form's fields, as typed (kept to refill the form). */
export interface ArchiveForm {
  q: string
  chat: string
  member: string
  from: string
  to: string
  /** 含命令: commands to the bot and the bot's own messages are searched too (as `#记录 搜索 … 含命令`). */
  commands: boolean
  /** Browsing one chat (no words, no member): newest or oldest first, and the page (1-based). */
  order: 'newest' | 'oldest'
  page: number
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * Read the form into a query over at most `maxDays` days ending `to` (default: the last 7 days up to `today`); `note`
 * says a range too long was shortened, `error` that the dates typed are no real days or run backwards (not searched).
 */
export function archiveQuery(
  get: (k: string) => string | undefined,
  today: string,
  maxDays: number,
): { form: ArchiveForm; query: ArchiveQuery; note?: string; error?: string } {
  const text = (k: string, max: number) => (get(k) ?? '').trim().slice(0, max)
  const to = DAY.test(text('to', 10)) && text('to', 10) <= today ? text('to', 10) : today
  let from = DAY.test(text('from', 10)) && text('from', 10) <= to ? text('from', 10) : addDays(to, -6)
  // Dates typed that are no real days or run backwards are said so, not replaced silently by the default.
  const asked =
    text('from', 10) || text('to', 10)
      ? checkDayRange(text('from', 10) || to, text('to', 10) || to, 'pickers')
      : undefined
  const error = asked && !asked.ok ? asked.error : undefined
  // Refused dates stay in the fields as typed (nothing is searched, and no other range is offered for export).
  if (error) from = text('from', 10) || from
  let note: string | undefined
  if (from < addDays(to, 1 - maxDays)) {
    from = addDays(to, 1 - maxDays)
    note = `一次最多查 ${maxDays} 天，已从 ${from} 起。`
  }
  const form = {
    q: text('q', 100),
    chat: text('chat', 200),
    member: text('member', 60),
    from,
    to: error ? text('to', 10) || to : to,
    commands: get('commands') === '1',
    order: get('order') === 'oldest' ? ('oldest' as const) : ('newest' as const),
    page: Math.max(1, Math.min(Number.parseInt(text('page', 6), 10) || 1, 100_000)),
  }
  const words = form.q.split(/\s+/).filter(Boolean)
  const query: ArchiveQuery = {
    from,
    to,
    ...(words.length ? { words } : {}),
    ...(form.member ? { member: form.member } : {}),
    ...(form.chat ? { chats: [form.chat] } : {}),
  }
  return { form, query, note, error }
}

/**
 * Archive page: search by words, group, member and days, or read one chat's messages page by page (a chat chosen, no
 * words and no member); export the same selection as CSV, Markdown, JSONL or HTML.
 */
export function archivePage(opts: {
  chats: ChatInfo[]
  form: ArchiveForm
  result?: ArchiveSearch
  /** One chat's page, when browsing. */
  browsed?: BrowsePage
  note?: string
  /** Why the search did not run (dates that are no real days or run backwards). */
  error?: string
  tz: string
  csrf: string
}): Html {
  const { chats, form, result, tz } = opts
  const info = new Map(chats.map(c => [c.chat, c]))
  const fields = h`<label>关键词 <input type="search" name="q" value="${form.q}" maxlength="100" placeholder="多个词用空格分开"></label>
<label>会话 <select name="chat"><option value="">全部会话</option>${chats.map(
    c => h`<option value="${c.chat}"${c.chat === form.chat ? h` selected` : ''}>${chatTitle(c, c.chat)}</option>`,
  )}</select></label>
<label>成员 <input type="text" name="member" value="${form.member}" maxlength="60" placeholder="名字或微信 ID"></label>
<label>从 <input type="date" name="from" value="${form.from}"></label>
<label>到 <input type="date" name="to" value="${form.to}"></label>
<label title="只选会话、不填关键词和成员时，按时间浏览该会话的消息">顺序 <select name="order"><option value="newest">最新在前</option><option value="oldest"${form.order === 'oldest' ? h` selected` : ''}>最早在前</option></select></label>
<label title="也搜索发给机器人的命令和机器人自己的消息（回答、帮助、警告），默认不搜"><input type="checkbox" name="commands" value="1"${form.commands ? h` checked` : ''}> ${WITH_COMMANDS}</label>`
  // Refused dates: no export box (it would offer a range nobody entered).
  const exportBox = opts.error
    ? ''
    : h`<form method="post" action="/archive/export" class="filters">${csrfField(opts.csrf)}
<input type="hidden" name="q" value="${form.q}"><input type="hidden" name="chat" value="${form.chat}">
<input type="hidden" name="member" value="${form.member}"><input type="hidden" name="from" value="${form.from}"><input type="hidden" name="to" value="${form.to}">
<span class="muted">导出当前条件（${form.from} 至 ${form.to}）：</span>
<button name="format" value="csv">CSV（Excel）</button><button name="format" value="md">Markdown</button><button name="format" value="jsonl">JSONL</button><button name="format" value="html">HTML</button></form>`
  return h`<form method="get" action="/archive" class="filters">${fields}<button>搜索</button></form>
${exportBox}
<p class="muted">每次搜索、浏览和导出都记入信息记录的访问日志和审计日志。${opts.note ?? ''}</p>
${opts.error ? h`<p class="error" role="alert">${opts.error}</p>` : ''}
${result ? resultTable(result, info, tz) : opts.browsed ? browseTable(opts.browsed, form, info, tz) : h`<p class="muted">输入关键词或成员后搜索；只选一个会话（不填关键词和成员）可按时间浏览它的消息。</p>`}`
}

/** One chat's page of messages, with the pages before and after (the form's other fields kept in the links). */
function browseTable(
  b: BrowsePage & { recall?: RecallLookup },
  f: ArchiveForm,
  info: Map<string, ChatInfo>,
  tz: string,
): Html {
  const hint = b.hiddenCommands ? hiddenCommandsHint(b.hiddenCommands, true) : ''
  const chat = chatTitle(info.get(f.chat), f.chat)
  if (!b.total) return h`<p class="muted">${chat} · ${f.from} 至 ${f.to} 没有消息。${hint}</p>`
  const link = (page: number, label: string) => {
    const q = new URLSearchParams({ chat: f.chat, from: f.from, to: f.to, order: f.order, page: String(page) })
    if (f.commands) q.set('commands', '1')
    return h`<a href="/archive?${q.toString()}">${label}</a>`
  }
  const nav = h`<p>${b.page > 1 ? h`${link(b.page - 1, '‹ 上一页')} · ` : ''}第 ${b.page}/${b.pages} 页${b.page < b.pages ? h` · ${link(b.page + 1, '下一页 ›')}` : ''}</p>`
  return h`<p>${chat} · ${f.from} 至 ${f.to} · 共 ${b.total} 条，${f.order === 'oldest' ? '最早在前' : '最新在前'}。${hint}</p>
${nav}
<table><thead><tr><th>时间</th><th>发送人</th><th>内容</th></tr></thead><tbody>
${b.records.map(
  x => h`<tr><td class="nw">${shortDateTime(x.record.at, tz)}</td><td class="nw">${x.record.sender.name}</td>
<td><div class="evidence">${x.record.quote ? h`<div class="muted">引用 ${x.record.quote.senderName ?? ''}：${x.record.quote.text}</div>` : ''}${describeRecord(x.record, b.recall)}${x.recalled ? '（已撤回）' : ''}</div></td></tr>`,
)}
</tbody></table>
${b.pages > 1 ? nav : ''}`
}

function resultTable(r: ArchiveSearch, info: Map<string, ChatInfo>, tz: string): Html {
  if (!r.hits.length)
    return h`<p class="muted">没有找到记录。${r.hiddenCommands ? hiddenCommandsHint(r.hiddenCommands, true) : ''}</p>`
  const found = r.complete
    ? `共 ${r.total} 条`
    : `${r.searchedFrom} 以来已有 ${r.total} 条（更早的日期未再搜索，可缩小日期范围）`
  const line = (x: ArchiveRecord) => h`${shortDateTime(x.at, tz)} ${x.sender.name}：${describeRecord(x, r.recall)}`
  return h`<p>${found}${r.total > r.hits.length ? `，显示最新 ${r.hits.length} 条` : ''}。</p>
<table><thead><tr><th>时间</th><th>会话</th><th>发送人</th><th>内容（上一条 / 下一条）</th></tr></thead><tbody>
${r.hits.map(
  x => h`<tr><td class="nw">${shortDateTime(x.record.at, tz)}</td><td>${chatTitle(info.get(x.record.chat), x.record.chat)}</td>
<td class="nw">${x.record.sender.name}</td><td>${x.before ? h`<div class="muted">↑ ${line(x.before)}</div>` : ''}
<div class="evidence">${describeRecord(x.record, r.recall)}${x.recalled ? '（已撤回）' : ''}</div>${x.after ? h`<div class="muted">↓ ${line(x.after)}</div>` : ''}</td></tr>`,
)}
</tbody></table>`
}

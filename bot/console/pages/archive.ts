import { checkDayRange } from '../../time/day-range.js'
import { addDays, shortDateTime } from '../../time/zoned.js'
import { chatTitle, describeRecord } from '../../../plugins/archive/export/export.js'
import { type ArchiveQuery, WITH_COMMANDS } from '../../../plugins/archive/search/query.js'
import type { ArchiveSearch } from '../../../plugins/archive/views.js'
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

/** Archive page: search by words, group, member and days; export the same selection as CSV, Markdown or JSONL. */
export function archivePage(opts: {
  chats: ChatInfo[]
  form: ArchiveForm
  result?: ArchiveSearch
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
<p class="muted">每次搜索和导出都记入信息记录的访问日志和审计日志。${opts.note ?? ''}</p>
${opts.error ? h`<p class="error" role="alert">${opts.error}</p>` : ''}
${result ? resultTable(result, info, tz) : h`<p class="muted">输入关键词或成员后搜索。</p>`}`
}

function resultTable(r: ArchiveSearch, info: Map<string, ChatInfo>, tz: string): Html {
  if (!r.hits.length)
    return h`<p class="muted">没有找到记录。${r.hiddenCommands ? hiddenCommandsHint(r.hiddenCommands, true) : ''}</p>`
  const found = r.complete
    ? `共 ${r.total} 条`
    : `${r.searchedFrom} 以来已有 ${r.total} 条（更早的日期未再搜索，可缩小日期范围）`
  const line = (x: ArchiveRecord) => h`${shortDateTime(x.at, tz)} ${x.sender.name}：${describeRecord(x)}`
  return h`<p>${found}${r.total > r.hits.length ? `，显示最新 ${r.hits.length} 条` : ''}。</p>
<table><thead><tr><th>时间</th><th>会话</th><th>发送人</th><th>内容（上一条 / 下一条）</th></tr></thead><tbody>
${r.hits.map(
  x => h`<tr><td class="nw">${shortDateTime(x.record.at, tz)}</td><td>${chatTitle(info.get(x.record.chat), x.record.chat)}</td>
<td class="nw">${x.record.sender.name}</td><td>${x.before ? h`<div class="muted">↑ ${line(x.before)}</div>` : ''}
<div class="evidence">${describeRecord(x.record)}${x.recalled ? '（已撤回）' : ''}</div>${x.after ? h`<div class="muted">↓ ${line(x.after)}</div>` : ''}</td></tr>`,
)}
</tbody></table>`
}

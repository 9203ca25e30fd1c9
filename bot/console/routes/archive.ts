import type { ExportFormat } from '../../../plugins/archive/export/export.js'
import type { ChatInfo } from '../../../plugins/archive/capture/record.js'
import type { ArchiveSearch } from '../../../plugins/archive/views.js'
import type { BrowsePage } from '../../../plugins/archive/export/browse.js'
import { chatName, chatTitle, isExportFormat } from '../../../plugins/archive/export/export.js'
import { WITH_COMMANDS } from '../../../plugins/archive/search/query.js'
import { dayKey } from '../../time/zoned.js'
import { h } from '../html.js'
import { type ArchiveForm, archivePage, archiveQuery } from '../pages/archive.js'
import { codeBox, readCodeForm } from '../pages/archive-code.js'
import type { CodeCheck } from '../../../plugins/archive/verify/check-code.js'
import type { ConsoleSource } from '../source.js'
import type { ConsoleHono, RouteContext } from './context.js'

const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  html: 'text/html; charset=utf-8',
}

/**
 * The message archive: search and one chat's pages (audited), streamed export (audited when done), the check code
 * (audited).
 */
export function archiveRoutes(app: ConsoleHono, { source, log, view }: RouteContext): void {
  app.get('/archive', async c => {
    const views = source.views('archive')
    if (!views) return view(c, '/archive', '信息记录', h`<p class="muted">信息记录（archive 插件）没有启用。</p>`)
    const today = dayKey(source.now(), source.timezone())
    const { form, query, note, error } = archiveQuery(q => c.req.query(q), today, views.maxDays())
    const s = c.get('session')
    const chats = await namedChats(source, await views.chats())
    let result: ArchiveSearch | undefined
    let browsed: BrowsePage | undefined
    if (form.chat && !query.words && !query.member && !error) {
      // One chat chosen and nothing to search for: its messages page by page (as in chat, without commands unless ticked).
      const { from, to } = query
      const skip = form.commands ? {} : { skipCommands: await views.commandTalk() }
      browsed = await views.browse(
        { chat: form.chat, from, to, order: form.order, page: form.page, ...skip },
        s.actor.id,
      )
      const what = `${chatTitle(
        chats.find(x => x.chat === form.chat),
        form.chat,
      )} · ${form.from} 至 ${form.to} · 第 ${browsed.page}/${browsed.pages} 页`
      const text = `${s.actor.name} 在网页后台浏览信息记录：${what}，显示 ${browsed.records.length} 条`
      source.record(s.actor, 'console.archive-browse', text)
    } else if ((query.words || query.member) && !error) {
      // As in chat: command conversations with the bot are not evidence unless 含命令 is ticked (exports keep every record).
      const skip = form.commands ? {} : { skipCommands: await views.commandTalk() }
      result = await views.search({ ...query, ...skip }, s.actor.id)
      const text = `${s.actor.name} 在网页后台搜索信息记录：${describe(form, true)}，命中 ${result.total} 条`
      source.record(s.actor, 'console.archive-search', text)
    }
    const ask = readCodeForm(q => c.req.query(q), today)
    let checked: { check?: CodeCheck } | undefined
    if (ask.day) {
      checked = { check: await views.checkCode(ask.day, s.actor.id) }
      const text = `${s.actor.name} 在网页后台核对存档校验码 ${ask.day}：现为 ${checked.check?.computed ?? '（无哈希链）'}`
      source.record(s.actor, 'console.archive-check-code', text)
    }
    const page = archivePage({ chats, form, result, browsed, note, error, tz: source.timezone(), csrf: s.csrf })
    return view(c, '/archive', '信息记录', h`${page}${codeBox(ask, checked, source.timezone())}`)
  })

  app.post('/archive/export', async c => {
    const views = source.views('archive')
    if (!views) return c.text('信息记录没有启用', 404)
    const form = await c.req.parseBody()
    const format = typeof form.format === 'string' && form.format ? form.format : 'csv'
    if (!isExportFormat(format)) return c.text('不支持的导出格式：请选择 CSV、Markdown、JSONL 或 HTML。', 400)
    const today = dayKey(source.now(), source.timezone())
    const { form: f, query } = archiveQuery(
      k => (typeof form[k] === 'string' ? form[k] : undefined),
      today,
      views.maxDays(),
    )
    const s = c.get('session')
    const what = `${describe(f)} · ${format}`
    // One chat chosen (an auditor exporting one customer's group): its name in the file's, so exports differ.
    // Everything that may fail is done before the export starts: a started export always logs its end.
    const chat = f.chat ? (await namedChats(source, await views.chats())).find(x => x.chat === f.chat) : undefined
    const name = `信息记录-${chat ? `${fileNamePart(chatName(chat, chat.chat))}-` : ''}${query.from}-${query.to}.${format}`
    const headers = {
      'Content-Type': EXPORT_TYPES[format],
      'Content-Disposition': `attachment; filename="archive-${query.from}-${query.to}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    }
    // Audited when it starts: a download cancelled half-way has read records too.
    source.record(s.actor, 'console.archive-export', `${s.actor.name} 在网页后台开始导出信息记录：${what}`)
    const encoder = new TextEncoder()
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>()
    const writer = writable.getWriter()
    views
      .exportTo(query, format, s.actor.id, chunk => writer.write(encoder.encode(chunk)))
      .then(count => {
        const text = `${s.actor.name} 在网页后台导出信息记录：${what}，共 ${count} 条`
        source.record(s.actor, 'console.archive-export', text)
        return writer.close()
      })
      .catch(e => {
        source.record(s.actor, 'console.archive-export', `${s.actor.name} 在网页后台导出信息记录中断：${what}`)
        log.error('console: archive export failed', e)
        return writer.abort(e).catch(() => {})
      })
    return c.body(readable, 200, headers)
  })
}

/**
 * Private chats that only the bot spoke in were once titled with the contact id (old data keeps it): shown with
 * the person's roster or group name instead.
 */
async function namedChats(source: ConsoleSource, chats: ChatInfo[]): Promise<ChatInfo[]> {
  const id = (c: ChatInfo) => c.chat.slice('private:'.length)
  const untitled = chats.filter(c => c.kind === 'private' && c.title === id(c)).map(id)
  if (!untitled.length) return chats
  const names = await source.names(untitled)
  return chats.map(c => {
    const name = c.kind === 'private' && c.title === id(c) ? names.get(id(c)) : undefined
    return name ? { ...c, title: name } : c
  })
}

/** A chat's title as part of a file name: no path separators or characters Windows refuses, at most 40 characters. */
function fileNamePart(title: string): string {
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 40)
}

function describe(f: ArchiveForm, search = false): string {
  const withCommands = search && f.commands && WITH_COMMANDS
  return [
    f.q && `「${f.q}」`,
    f.member && `成员 ${f.member}`,
    f.chat && `会话 ${f.chat}`,
    `${f.from} 至 ${f.to}`,
    withCommands,
  ]
    .filter(Boolean)
    .join(' · ')
}

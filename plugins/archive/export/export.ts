import { addDays, clockTime, dayKey, shortDateTime } from '../../../bot/time/zoned.js'
import type { ArchiveBackend } from '../store/backend.js'
import { HTML_INLINE_BUDGET, htmlChat, htmlDay, htmlFoot, htmlHead, htmlMessage } from './html.js'
import { type ArchiveQuery, type Hit, matches } from '../search/query.js'
import { type ArchiveRecord, type ChatInfo, type ChatKind, TYPE_LABEL } from '../capture/record.js'
import { csvCell } from '../../../bot/core/csv.js'

/** Export formats: JSONL (the records as stored), CSV (UTF-8 with BOM, for Excel), Markdown and HTML transcripts. */
export type ExportFormat = 'jsonl' | 'csv' | 'md' | 'html'

/** Every export format, for argument checks. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'jsonl', 'md', 'html']

/** Whether `word` is an export format (a list look-up: `constructor` or `__proto__` is none). */
export function isExportFormat(word: string): word is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(word)
}

const KIND_LABEL: Record<ChatKind, string> = {
  internal: '内部群',
  customer: '客户群',
  broadcast: '公告群',
  private: '私聊',
}
const CSV_HEADER = [
  '时间',
  '会话',
  '会话ID',
  '发送人',
  '发送人ID',
  '类型',
  '内容',
  '引用',
  '附件',
  '提及',
  '消息ID',
  '撤回',
]

/**
 * Write the records matching `q` to `write`, chat by chat in arrival order.
 * Two passes over the segments (the first finds recalls, so originals are
 * marked 已撤回); one segment in memory at a time. Returns the record count.
 */
export async function exportArchive(
  backend: ArchiveBackend,
  q: ArchiveQuery,
  format: ExportFormat,
  tz: string,
  write: (chunk: string) => Promise<void>,
): Promise<number> {
  const info = new Map((await backend.chats()).map(c => [c.chat, c]))
  const recalled = new Set<string>()
  const recalls: ArchiveRecord[] = []
  for await (const seg of backend.scan({ chats: q.chats, from: q.from, to: q.to }))
    for (const r of seg.records)
      if (r.type === 'recall' && r.recalls) {
        recalled.add(`${r.chat}\n${r.recalls}`)
        if (matches(r, q)) recalls.push(r)
      }
  const lookup = await recalledOriginals(backend, recalls, tz)
  const isRecalled = (r: ArchiveRecord) => recalled.has(`${r.chat}\n${r.id}`)
  if (format === 'csv') await write(`\uFEFF${CSV_HEADER.join(',')}\r\n`)
  if (format === 'md') await write(`# 信息记录导出 ${q.from} 至 ${q.to}\n`)
  if (format === 'html') await write(htmlHead(`信息记录导出 ${q.from} 至 ${q.to}`))
  let inlineBudget = HTML_INLINE_BUDGET
  let count = 0
  let lastChat = ''
  let lastDay = ''
  for await (const seg of backend.scan({ chats: q.chats, from: q.from, to: q.to })) {
    const rows = seg.records.filter(r => matches(r, q))
    if (!rows.length) continue
    count += rows.length
    if (format === 'jsonl') await write(rows.map(r => `${JSON.stringify(r)}\n`).join(''))
    else if (format === 'csv')
      await write(rows.map(r => `${csvRow(r, info.get(r.chat), lookup, isRecalled(r))}\r\n`).join(''))
    else if (format === 'html') {
      let head = ''
      if (seg.chat !== lastChat) head += htmlChat(chatTitle(info.get(seg.chat), seg.chat))
      if (seg.chat !== lastChat || seg.day !== lastDay) head += htmlDay(seg.day)
      ;[lastChat, lastDay] = [seg.chat, seg.day]
      let body = head
      for (const r of rows) {
        const stored = r.type === 'image' ? r.attachment?.stored : undefined
        const bytes = stored && inlineBudget > 0 ? await backend.readMedia(stored).catch(() => undefined) : undefined
        if (bytes) inlineBudget -= bytes.byteLength
        const image = bytes && stored ? { bytes, name: stored } : undefined
        body += htmlMessage(r, tz, describeRecord(r, lookup), isRecalled(r), image)
      }
      await write(body)
    } else {
      let head = ''
      if (seg.chat !== lastChat) head += `\n## ${mdText(chatTitle(info.get(seg.chat), seg.chat))}\n`
      if (seg.chat !== lastChat || seg.day !== lastDay) head += `\n### ${seg.day}\n\n`
      ;[lastChat, lastDay] = [seg.chat, seg.day]
      await write(head + rows.map(r => `${mdLine(r, lookup, isRecalled(r))}\n`).join(''))
    }
  }
  if (format === 'md' && !count) await write('\n（该范围内没有记录）\n')
  if (format === 'html') await write(htmlFoot(count))
  return count
}

/** A chat's title with its kind, e.g. `张三交流群（客户群）` (a recovered group's kind is unknown: `（群）`). */
export function chatTitle(c: ChatInfo | undefined, chat: string): string {
  return c ? `${c.title}（${c.recovered && c.kind !== 'private' ? '群' : KIND_LABEL[c.kind]}）` : chat
}

/**
 * A chat's name where its kind is not shown beside it: a group's title, a private chat's person marked
 * `李四（私聊）` (their name alone reads like a group's or a sender's).
 */
export function chatName(c: ChatInfo | undefined, chat: string): string {
  if (!c) return chat
  return c.kind === 'private' ? `${c.title}（${KIND_LABEL.private}）` : c.title
}

/** The messages recalls name, by chat and id ({@link recalledOriginals}), and the timezone to date them in. */
export interface RecallLookup {
  originals: Map<string, ArchiveRecord>
  tz: string
}

const originalKey = (chat: string, id: string) => `${chat}\n${id}`

/**
 * The messages the recalls among `records` took back, looked up in their chat on the recall's day and the day before
 * (WeChat allows a recall within minutes; one just past midnight names yesterday's message). A recall whose message
 * is not found (purged, never archived) has none.
 */
export async function recalledOriginals(
  backend: ArchiveBackend,
  records: Iterable<ArchiveRecord>,
  tz: string,
): Promise<RecallLookup> {
  const wanted = new Map<string, Set<string>>() // chat + day → ids
  for (const r of records)
    if (r.type === 'recall' && r.recalls) {
      const key = `${r.chat}\n${dayKey(r.at, tz)}`
      wanted.set(key, (wanted.get(key) ?? new Set()).add(r.recalls))
    }
  const originals = new Map<string, ArchiveRecord>()
  for (const [key, ids] of wanted) {
    const [chat, day] = key.split('\n')
    for await (const seg of backend.scan({ chats: [chat], from: addDays(day, -1), to: day }))
      for (const r of seg.records) if (ids.has(r.id)) originals.set(originalKey(chat, r.id), r)
  }
  return { originals, tz }
}

/** Every record a list of hits shows: each hit with the messages before and after it. */
export function hitRecords(hits: Hit[]): ArchiveRecord[] {
  return hits.flatMap(h => [h.record, ...(h.before ? [h.before] : []), ...(h.after ? [h.after] : [])])
}

/**
 * What a recall took back, for a person: the message's time and first characters, or that it is not in the archive
 * (never the bare message id, which nobody can read).
 */
export function recalledText(r: ArchiveRecord, lookup: RecallLookup | undefined): string {
  const o = r.recalls ? lookup?.originals.get(originalKey(r.chat, r.recalls)) : undefined
  if (!o) return lookup ? '原消息已不在记录中' : ''
  const text = describeRecord(o).replace(/\s+/g, ' ')
  return `${shortDateTime(o.at, lookup?.tz ?? 'UTC')} 的「${text.length > 20 ? `${text.slice(0, 20)}…` : text}」`
}

/**
 * How a record reads in one line: text, or `[图片 a.jpg]`, `[链接 标题 url]`, `撤回了一条消息（11-30 09:00 的「…」）`
 * (with `recall`, the recalled message's time and start; without, no detail).
 */
export function describeRecord(r: ArchiveRecord, recall?: RecallLookup): string {
  if (r.type === 'recall') {
    const what = recalledText(r, recall)
    return what ? `撤回了一条消息（${what}）` : '撤回了一条消息'
  }
  const a = r.attachment
  const meta = a ? [a.title, a.fileName, a.url, a.amount !== undefined ? `${a.amount}元` : ''].filter(Boolean) : []
  const tag = r.type === 'text' || r.type === 'quote' ? '' : `[${[TYPE_LABEL[r.type], ...meta].join(' ')}]`
  const text = r.type === 'text' || r.type === 'quote' || !/^\[.*\]$/.test(r.text) ? r.text : ''
  return [tag, text].filter(Boolean).join(' ')
}

function mdLine(r: ArchiveRecord, lookup: RecallLookup, recalled: boolean): string {
  const quote = r.quote ? `\n  > 引用 ${mdText(r.quote.senderName ?? '')}：${mdText(r.quote.text)}` : ''
  return `- ${clockTime(r.at, lookup.tz)} **${mdText(r.sender.name)}**：${mdText(describeRecord(r, lookup))}${recalled ? '（已撤回）' : ''}${quote}`
}

/**
 * Text as a Markdown viewer shows what was said: on one line (a line break, `\r` too, is ` ⏎ `), every character that
 * could start markup escaped with a backslash (HTML `<script>`, `<img onerror>`, links `[合同](https://…)`, emphasis,
 * `~~strikethrough~~`, code, entities `&amp;`, a heading's closing `#`), so it renders as plain text.
 */
function mdText(s: string): string {
  return s.replace(/\r\n|\r|\n/g, ' ⏎ ').replace(/[\\`*_~[\]<>&#]/g, '\\$&')
}

function csvRow(r: ArchiveRecord, c: ChatInfo | undefined, lookup: RecallLookup, recalled: boolean): string {
  const a = r.attachment
  const tz = lookup.tz
  return [
    `${dayKey(r.at, tz)} ${clockTime(r.at, tz)}`,
    c ? chatName(c, r.chat) : (r.topic ?? r.chat),
    r.chat,
    r.sender.name,
    r.sender.id,
    TYPE_LABEL[r.type],
    r.type === 'recall' ? recalledText(r, lookup) : r.text,
    r.quote ? `${r.quote.senderName ?? ''}：${r.quote.text}` : '',
    a ? [a.title, a.fileName, a.url].filter(Boolean).join(' ') : '',
    r.mentions.join(' '),
    r.id,
    recalled ? '已撤回' : '',
  ]
    .map(csvCell)
    .join(',')
}

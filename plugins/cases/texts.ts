import { shortDateTime } from '../../bot/time/zoned.js'
import type { Masker } from './privacy.js'
import type { SearchOutcome } from './search/case-search.js'
import type { SearchQuery } from './search/query.js'
import { snippet } from './search/snippet.js'
import { normalize } from './search/tokenize.js'
import { clip } from './template.js'
import type { CaseRecord } from './types.js'

/** Shared formatting inputs. */
export interface FormatOptions {
  mask: Masker
  tz: string
  prefix: string
  maxChars: number
}

/** The confirmation after a case is durably stored. */
export function confirmation(c: CaseRecord, mask: Masker, imageWindowText: string, prefix: string): string {
  const fields = Object.keys(c.fields)
  return [
    `✅ 已记录${c.tag}案例 ${c.id}「${clip(mask(c.title), 30)}」${fields.length ? `，识别到 ${fields.join('/')}` : ''}`,
    `${imageWindowText}内发的截图会附到本案例；修改：${prefix}案例 修改 ${c.id} 新内容；撤回：${prefix}案例 撤回 ${c.id}`,
  ].join('\n')
}

/** The filters of a query in words, e.g. `标签:成交 · 2026-11-01~2026-11-30`. */
export function describeFilters(q: SearchQuery): string {
  const parts = [
    q.tag && `标签:${q.tag}`,
    q.author && `作者:${q.author}`,
    q.product && `产品:${q.product}`,
    q.range && (q.range.from === q.range.to ? q.range.from : `${q.range.from}~${q.range.to}`),
  ]
  return parts.filter(Boolean).join(' · ')
}

/** The reply to `#案例 搜索`: numbered hits with id, title, author, date and a snippet around the hit. */
export function searchReply(q: SearchQuery, out: SearchOutcome, o: FormatOptions): string {
  const filters = describeFilters(q)
  const what = [q.text && `「${q.text}」`, filters && `（${filters}）`].filter(Boolean).join('')
  const shown = out.hits.length
  const head =
    out.mode === 'browse'
      ? `📂 ${filters} 共 ${out.total} 条${out.total > shown ? `，最新 ${shown} 条` : ''}：`
      : out.mode === 'partial'
        ? `🔍 没有同时包含全部关键词的案例，${what}部分匹配 ${out.total} 条${out.total > shown ? `，最相关 ${shown} 条` : ''}：`
        : `🔍 ${what}找到 ${out.total} 条${out.total > shown ? `，最相关 ${shown} 条` : ''}：`
  const needles = [normalize(q.text).replace(/\s+/g, ''), ...[...out.terms].sort((a, b) => b.length - a.length)]
  const items = out.hits.map((c, i) => {
    const text = o.mask(c.text)
    return `${i + 1}. ${c.id}【${c.tag}】${clip(o.mask(c.title), 30)}\n   ${c.author} · ${shortDateTime(c.at, o.tz).slice(0, 5)} · ${snippet(text, needles)}`
  })
  return clip([head, ...items, `看全文：${o.prefix}案例 查看 ${out.hits[0].id}`].join('\n'), o.maxChars)
}

const COMMON_WORDS = ['价格', '复购', '竞品', '售后', '安装']

/**
 * The reply when a search finds nothing: broader words of the query that do have cases, and other hints;
 * never the word just searched. An empty store says so and how to add the first case.
 */
export function noHitsReply(
  q: SearchQuery,
  counts: { term: string; count: number }[],
  prefix: string,
  storeSize: number,
): string {
  const filters = describeFilters(q)
  const head = `🔍 没有找到${q.text ? `与「${q.text}」` : ''}${filters ? `（${filters}）` : ''}相关的案例`
  if (!storeSize) return `${head}：案例库里还没有可搜索的案例。分享第一条：${prefix}案例 <内容>`
  const searched = normalize(q.text).replace(/\s+/g, '')
  const broader = counts.filter(c => c.count > 0 && c.term !== searched).map(c => `「${c.term}」${c.count} 条`)
  const common = COMMON_WORDS.filter(w => !searched.includes(w))
    .slice(0, 3)
    .map(w => `「${w}」`)
    .join('')
  const tips = [
    broader.length ? `· 单独搜其中的词：${broader.join('、')}` : `· 换更短、更常用的词，比如${common}`,
    filters ? `· 去掉筛选条件（${filters}）再试` : '· 换个说法或同义词再试',
    `· 发 ${prefix}案例 搜索 标签:问题 看最新的问题案例`,
  ]
  return [`${head}。试试：`, ...tips].join('\n')
}

/** `#案例 查看`: one case whole (masked as needed), cut to the reply limit. */
export function viewReply(c: CaseRecord, o: FormatOptions): string {
  const where = c.groupTopic ?? '私聊'
  const images = c.images.length ? ` · 附图 ${c.images.length} 张` : ''
  const head = [
    `📄 ${c.id}【${c.tag}】${o.mask(c.title)}`,
    `${c.author} · ${where} · ${shortDateTime(c.at, o.tz)}${c.editedAt ? '（已修改）' : ''}${images}`,
    '————',
  ].join('\n')
  const text = o.mask(c.text)
  const room = o.maxChars - head.length - 40
  if (text.length <= room) return `${head}\n${text}`
  return `${head}\n${text.slice(0, room)}…\n（全文共 ${text.length} 字，已截断；完整内容见周报文件或导出）`
}

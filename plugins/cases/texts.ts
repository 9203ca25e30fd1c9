import type { HelpPart } from '../../bot/core/plugin.js'
import { formatDuration } from '../../bot/config/duration.js'
import { shortDateTime } from '../../bot/time/zoned.js'
import type { Masker } from './content/privacy.js'
import type { SearchOutcome } from './search/case-search.js'
import type { SearchQuery } from './search/query.js'
import { snippet } from './search/snippet.js'
import { normalize } from './search/tokenize.js'
import { clip } from './content/template.js'
import type { CaseRecord } from './state.js'

/** Every fixed sentence of the plugin (zh-CN), and the short ones built from a few values. */
export const T = {
  mainDescription: '分享销售案例；搜索、查看案例库；培训师看周报',
  mainUsage: (p: string) =>
    `${p}案例 <内容> ｜ ${p}案例 搜索 关键词 [标签:成交] [作者:张三] [产品:净水器] [本周/本月/2026-11-01~2026-11-30] ｜ 查看/修改/撤回/删除 编号 ｜ 周报`,
  /** `#帮助` of `#案例`: deleting is for admins, the digest for trainers and admins. */
  mainHelp: (p: string): HelpPart[] => [
    { usage: `${p}案例 <内容>`, description: '分享销售案例' },
    {
      usage: `${p}案例 搜索 关键词 [标签:成交] [作者:张三] [产品:净水器] [本周/本月/2026-11-01~2026-11-30]`,
      description: '搜索、查看案例库',
    },
    { usage: `${p}案例 查看/修改/撤回 编号` },
    { usage: `${p}案例 删除 编号`, roles: ['admin'], description: '删除案例' },
    { usage: `${p}案例 周报`, roles: ['trainer', 'admin'], description: '看周报' },
  ],
  tagUsage: (p: string, tag: string) => `${p}${tag} <内容>`,
  tagDescription: (tag: string) => `分享一个「${tag}」案例，存入案例库`,
  staffOnly: '案例库仅供公司员工使用。',
  wrongGroup: '为保护客户信息，案例请在内部工作群或私聊机器人分享和搜索，本条未处理。',
  duplicate: (dup: CaseRecord, p: string) =>
    `这条案例已经记录过了：${dup.id}（${dup.author}），不再重复保存。查看：${p}案例 查看 ${dup.id}`,
  saveFailed: '⚠️ 案例保存失败（存储写入出错），本条没有记录，请稍后重发。',
  idUsage: (p: string, verb: string) => `用法：${p}案例 ${verb} 编号（例如 C12）`,
  notFound: (id: string) => `没有找到案例 ${id}。`,
  otherAccount: (id: string, verb: string) => `案例 ${id} 由机器人账号组的另一个账号记录，请在那里${verb}。`,
  removed: (id: string, status: 'withdrawn' | 'deleted') =>
    `案例 ${id} 已${status === 'withdrawn' ? '被作者撤回' : '被管理员删除'}。`,
  searchUsage: (p: string) =>
    `用法：${p}案例 搜索 关键词 [标签:成交] [作者:张三] [产品:净水器] [今天/本周/上周/本月/2026-11-01~2026-11-30]`,
  queryTooLong: (max: number) => `关键词太长（最多 ${max} 个字），请换几个关键词再搜。`,
  notYourCaseToAmend: (c: CaseRecord) => `⛔ 只能修改自己分享的案例，${c.id} 的作者是 ${c.author}。`,
  notYourCaseToWithdraw: (adminMayDelete: string | undefined, p: string) =>
    `⛔ 只能撤回自己分享的案例。${adminMayDelete ? `管理员请用 ${p}案例 删除 ${adminMayDelete}。` : ''}`,
  amendUsage: (p: string, id: string) =>
    `用法：${p}案例 修改 ${id} 新内容（只写「金额：9万」这样的字段行则只改这些字段）`,
  amendDuplicate: (id: string) => `修改后的内容与案例 ${id} 相同，没有保存。`,
  amendFailed: '⚠️ 存储写入出错，修改没有保存，请稍后再试。',
  amended: (id: string, title: string) => `✏️ 已修改案例 ${id}「${title}」。`,
  removeFailed: '⚠️ 存储写入出错，操作没有完成，请稍后再试。',
  removedNow: (id: string, status: 'withdrawn' | 'deleted') =>
    `🗑️ 已${status === 'withdrawn' ? '撤回' : '删除'}案例 ${id}，内容已从案例库清除。`,
  adminsDelete: (p: string) => `⛔ 只有管理员可以删除案例；作者请用 ${p}案例 撤回 编号。`,
  digestRoles: '⛔ 案例周报仅限培训师和管理员查看。',
  /** `#案例 周报` asked in a work group: the one line said there (the digest went to the asker privately). */
  digestSentPrivately: '📚 案例周报已私聊发给你（周报含同事和客户的案例，不发在群里）。',
  digestUsage: (p: string, days: number) =>
    `用法：${p}案例 周报 [本周/上周/本月/2026-11-01~2026-11-30]，默认最近 ${days} 天。`,
  digestFileName: (from: string, to: string, raw: boolean) => `案例周报_${from}_${to}${raw ? '_原文' : ''}.md`,
  viewHint: (p: string) => `${p}案例 查看 编号`,
  status: (size: number, week: number) => `案例库 ${size} 条，最近 7 天新增 ${week} 条`,
}

/** Usage help for a capture tag, showing the loose template; with `digest` (a trainer or admin), how to ask for the digest. */
export function captureUsage(tag: string, fields: string[], imageWindow: number, p: string, digest = false): string {
  return [
    `用法：${p}${tag} 后面写案例内容。可以按模板一行一项（没有的项不写）：`,
    ...fields.map(f => `${f}：`),
    `也可以直接写一段话。发出后 ${formatDuration(imageWindow)}内你在同一会话发的截图会附到这个案例。`,
    `搜索：${p}案例 搜索 关键词；查看：${p}案例 查看 编号${digest ? `；周报：${p}案例 周报 [本周|上周|本月]` : ''}`,
  ].join('\n')
}

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

import type { DayRange } from './period.js'
import type { Masker } from '../content/privacy.js'
import { caseMarkdown } from '../content/markdown.js'
import { tokenize } from '../search/tokenize.js'
import { clip } from '../content/template.js'
import { DEAL_TAG, PROBLEM_TAG, type CaseRecord } from '../state.js'

/** Words too generic to call a recurring problem. */
const GENERIC = new Set([
  '客户',
  '我们',
  '产品',
  '公司',
  '问题',
  '觉得',
  '时候',
  '现在',
  '已经',
  '需要',
  '一直',
  '比较',
  '非常',
  '感觉',
  '今天',
  '这次',
  '处理',
  '情况',
  '一下',
  '知道',
])

/**
 * A degree adverb and one character: ICU's segmenter keeps 很大, 很多, 挺好 and 真好 as single words, so the stopword
 * 很 alone does not catch them; they judge a problem (噪音很大), they do not name one. 太 is left out: 太贵 names one.
 */
const EVALUATION = /^[很挺蛮真].$/u

/** What a digest needs besides the cases. */
export interface DigestOptions {
  range: DayRange
  mask: Masker
  tz: string
  maxChars: number
  fileName: string
  fieldNames: string[]
  viewHint: string
}

/** Counts of `key(c)` over cases, most frequent first (ties in first-seen order). */
export function countBy(cases: CaseRecord[], key: (c: CaseRecord) => string | undefined): [string, number][] {
  const counts = new Map<string, number>()
  for (const c of cases) {
    const k = key(c)
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  return [...counts].sort((a, b) => b[1] - a[1])
}

/**
 * Terms that recur across problems: tokens of `#问题` cases and of every
 * case's 难点 field, counted once per case; two-character words or longer,
 * no numbers, no generic or field words, no evaluations (很大); only those in two or more cases.
 */
export function recurringProblemTerms(cases: CaseRecord[], fieldNames: string[], top = 6): [string, number][] {
  const skip = new Set([...GENERIC, ...fieldNames])
  const perCase = cases.map(c => {
    const source = [c.tag === PROBLEM_TAG ? c.text : '', c.fields.难点 ?? ''].join('\n')
    return new Set(
      tokenize(source).filter(t => t.length >= 2 && !/^[\d.%]+$/.test(t) && !skip.has(t) && !EVALUATION.test(t)),
    )
  })
  const counts = new Map<string, number>()
  for (const terms of perCase) for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1)
  return [...counts]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
}

function summaryLines(cases: CaseRecord[], o: DigestOptions, dealDetail: number): string[] {
  const fmt = (pairs: [string, number][]) =>
    pairs
      .slice(0, 8)
      .map(([k, n]) => `${k} ${n}`)
      .join(' · ')
  const products = countBy(cases, c => c.fields.产品?.split('\n')[0].trim())
  const deals = cases.filter(c => c.tag === DEAL_TAG)
  const recurring = recurringProblemTerms(cases, o.fieldNames)
  const lines = [`按标签：${fmt(countBy(cases, c => c.tag))}`, `按作者：${fmt(countBy(cases, c => c.author))}`]
  if (products.length) lines.push(`按产品：${fmt(products)}`)
  if (deals.length) lines.push('', `✅ 成交与做法（${deals.length}）：`)
  for (const d of deals) {
    lines.push(`· ${d.id} ${d.author}｜${o.mask(d.title)}`)
    for (const f of ['做法', '心得'])
      if (d.fields[f]) lines.push(`  ${f}：${clip(o.mask(d.fields[f]).replace(/\s*\n\s*/g, '；'), dealDetail)}`)
  }
  lines.push(
    '',
    recurring.length
      ? `🔁 反复出现的问题：${recurring.map(([t, n]) => `${t}（${n}）`).join(' · ')}`
      : '🔁 本期问题没有重复出现的关键词',
  )
  return lines
}

/** The chat version: counts, deals, recurring problems and the new cases, at most `maxChars`. */
export function digestText(cases: CaseRecord[], o: DigestOptions): string {
  const head = `📚 案例周报 ${o.range.from} 至 ${o.range.to}`
  if (!cases.length) return `${head}\n本期没有新案例。欢迎大家用 #成交 / #问题 / #经验 分享！`
  const footer = `完整内容见文件「${o.fileName}」，单条全文：${o.viewHint}`
  const top = [head, `共 ${cases.length} 条新案例`, ...summaryLines(cases, o, 60), '', '🆕 新案例：'].join('\n')
  const list = cases.map(c => `· ${c.id}【${c.tag}】${clip(o.mask(c.title), 24)}（${c.author}）`)
  let text = top
  let shown = 0
  for (const line of list) {
    if (text.length + line.length + footer.length + 20 > o.maxChars) break
    text += `\n${line}`
    shown++
  }
  if (shown < list.length) text += `\n…另有 ${list.length - shown} 条见文件`
  return clip(`${text}\n${footer}`, o.maxChars)
}

/** The file version: the same summary without truncation, then every case in full. */
export function digestMarkdown(
  cases: CaseRecord[],
  o: Omit<DigestOptions, 'maxChars' | 'fileName' | 'viewHint'>,
  title = '案例周报',
  intro: string[] = [],
): string {
  const summary = cases.length
    ? summaryLines(cases, { ...o, maxChars: Infinity, fileName: '', viewHint: '' }, 500)
    : ['本期没有新案例。']
  return [
    `# ${title} ${o.range.from} 至 ${o.range.to}`,
    '',
    ...intro.flatMap(l => [l, '']),
    `共 ${cases.length} 条案例。`,
    '',
    '## 概览',
    '',
    ...summary.map(l => (l ? `${l}  ` : '')),
    '',
    `## 全部案例（${cases.length}）`,
    '',
    ...cases.map(c => caseMarkdown(c, o.mask, o.tz)),
  ].join('\n')
}

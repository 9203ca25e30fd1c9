import type { ContentConfig } from '../config.js'
import { excerpt } from '../assess/excerpt.js'
import { describeMatchKind, type Match, type Matcher, type Severity, withoutNestedHits } from '../matcher/index.js'
import { normalizeText } from '../matcher/normalize.js'
import { KIND_LABEL, SEVERITY_LABEL, linkReason, stepsText } from '../texts.js'

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 }

/** Why one match fired: the original span, its normalised form and the dictionary term, pattern or host. */
function why(matcher: Matcher, m: Match): string {
  const d = matcher.dictionary
  const quoted = `原文「${excerpt(m.matched, 40)}」位置 ${m.start}–${m.end}`
  if (d.links?.category === m.category && !d.categories[m.category]?.terms.includes(m.term))
    return `${quoted}，${linkReason(m)}`
  const normal = excerpt(normalizeText(m.matched).text, 40)
  const isPattern = d.categories[m.category]?.patterns.includes(m.term)
  if (m.form !== undefined) return `${quoted}，命中${describeMatchKind(m)}`
  return `${quoted}，规范化为「${normal}」，命中${isPattern ? `正则 /${excerpt(m.term, 40)}/` : `词条「${excerpt(m.term, 30)}」`}`
}

/**
 * `#词库 测试` for admins: every match with its category, severity, the
 * normalised text and the term it hit, then what the current settings would
 * do for the most serious severity in each kind of group; without a hit, the dictionary words the text writes and
 * why they are none (slang without a context word, a term talked about).
 */
export function describeScan(matcher: Matcher, text: string, cfg: ContentConfig, prefix = '#'): string {
  const matches = withoutNestedHits(matcher.scan(text))
  if (!matches.length)
    return [
      `「${excerpt(text, 40)}」没有命中任何类别（允许短语中的词不算命中）。`,
      ...whyNoHit(matcher, text, prefix),
    ].join('\n')
  const d = matcher.dictionary
  let top: Severity = 'low'
  const lines = matches.slice(0, 20).map(m => {
    const rule = d.categories[m.category] ?? d.links
    const sev = rule?.severity ?? 'medium'
    if (RANK[sev] > RANK[top]) top = sev
    const watched = cfg.dryRunCategories.includes(m.category) ? '，观察中' : ''
    const review = m.reviewOnly ? '，仅待确认：不自动处理' : ''
    return `· ${rule?.label ?? m.category}（${m.category}，${SEVERITY_LABEL[sev]}${watched}${review}）：${why(matcher, m)}`
  })
  const more = matches.length > 20 ? [`· …另 ${matches.length - 20} 处`] : []
  const acting = matches.filter(m => !m.reviewOnly)
  if (!acting.length)
    return [
      `命中 ${matches.length} 处（都是变体写法，只发给管理员确认）：`,
      ...lines,
      ...more,
      '处理：私聊管理员「待确认」，管理员用 #确认 或 #忽略 答复',
    ].join('\n')
  const policy = (['internal', 'customer', 'broadcast'] as const).map(
    k => `${KIND_LABEL[k]} ${stepsText(cfg.actions[top][k])}`,
  )
  return [
    `命中 ${matches.length} 处：`,
    ...lines,
    ...more,
    `按最重的「${SEVERITY_LABEL[top]}」处理：${policy.join('；')}`,
  ].join('\n')
}

/** Shown terms of a text without a hit, at most. */
const SHOWN_UNMATCHED = 3

/**
 * Why a text that writes a dictionary word has no hit: slang without one of its context words nearby, or a term
 * read as talked about (a reported question, a denial, a rule), allowed or not said in that sense.
 */
function whyNoHit(matcher: Matcher, text: string, prefix: string): string[] {
  const normal = normalizeText(text).text
  const lines: string[] = []
  for (const [key, rule] of Object.entries(matcher.dictionary.categories)) {
    const slang = new Set(rule.slang ?? [])
    for (const term of rule.terms) {
      const folded = normalizeText(term).text
      if (lines.length >= SHOWN_UNMATCHED || folded === '' || !normal.includes(folded)) continue
      const context = (rule.slangContext ?? []).slice(0, 3).join('、')
      lines.push(
        slang.has(term)
          ? `· 「${term}」是 ${rule.label}（${key}）的黑话：前后 10 个字以内要有上下文词（如 ${context}）才算命中。要它单独也算，在公司词库的 terms 里加它：${prefix}词库 添加 ${key} ${term}`
          : `· 词条「${term}」（${rule.label}，${key}）在这里不算命中：在允许短语里，或读作在谈论它（转述别人的提问、否定、禁止、提醒）`,
      )
    }
  }
  return lines
}

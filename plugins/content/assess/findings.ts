import type { MessageEvent } from '../../../bot/core/event.js'
import { type Dictionary, type Match, type Matcher, type Severity, withoutNestedHits } from '../matcher/index.js'

/** Which part of a message a match was found in. */
export type TextSource = 'text' | 'title' | 'description' | 'url' | 'fileName'

/** Why a message was flagged: a dictionary match in one of its fields, or a policy note. */
export type Evidence = { source: TextSource; match: Match } | { source: 'policy'; note: string }

/** One category found in a message, with its evidence. */
export interface Finding {
  category: string
  label: string
  severity: Severity
  evidence: Evidence[]
  /** Only for the admins to decide (`#确认` / `#忽略`), whatever its hits: the category's scope is `review` here. */
  reviewOnly?: boolean
}

/** Shared empty result (never mutated) so the common no-match path allocates nothing here. */
const NONE: readonly Evidence[] = []
const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 }

/** The more serious of two severities. */
export function maxSeverity(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b
}

/**
 * Dictionary matches in the text a member wrote: the text of text messages,
 * link-card title, description and URL, mini-program title and description,
 * and file names. Placeholders such as `[链接] …` are not scanned. A hit another of its category already reports
 * is left out (`加我V信` is 加我微信 once, not also 加我v and v信).
 */
export function scanMessage(ev: MessageEvent, matcher: Matcher): readonly Evidence[] {
  const a = ev.attachment
  switch (ev.kind) {
    case 'text':
      return tag('text', matcher.scan(ev.text))
    case 'link': {
      const found = [
        ...tag('title', matcher.scan(a?.title ?? '')),
        ...tag('description', matcher.scan(a?.description ?? '')),
      ]
      const url = a?.url ? matcher.checkUrl(a.url) : null
      return url ? [...found, { source: 'url', match: url }] : found
    }
    case 'miniprogram':
      return [...tag('title', matcher.scan(a?.title ?? '')), ...tag('description', matcher.scan(a?.description ?? ''))]
    case 'file':
      return tag('fileName', matcher.scan(a?.fileName ?? ''))
    default:
      return NONE
  }
}

/** The matches of one field as evidence, each hit once: none inside a longer one of its category (see withoutNestedHits). */
function tag(source: TextSource, matches: Match[]): readonly Evidence[] {
  return matches.length ? withoutNestedHits(matches).map(match => ({ source, match })) : NONE
}

/** Group dictionary evidence by category, with the category's label and severity from the dictionary. */
export function dictionaryFindings(evidence: readonly Evidence[], dictionary: Dictionary): Finding[] {
  if (!evidence.length) return []
  const byCategory = new Map<string, Finding>()
  for (const e of evidence) {
    if (e.source === 'policy') continue
    const key = e.match.category
    let f = byCategory.get(key)
    if (!f) {
      const rule = dictionary.categories[key] ?? (dictionary.links?.category === key ? dictionary.links : undefined)
      f = { category: key, label: rule?.label ?? key, severity: rule?.severity ?? 'medium', evidence: [] }
      byCategory.set(key, f)
    }
    f.evidence.push(e)
  }
  for (const f of byCategory.values()) if (f.evidence.length > 1) f.evidence = outermost(f.evidence)
  return [...byCategory.values()]
}

/** Drop matches lying inside a longer match of the same field (`刷 单` inside `兼 职 刷 单`): the report quotes each span once. */
function outermost(evidence: Evidence[]): Evidence[] {
  const span = (e: Evidence) => (e.source === 'policy' ? undefined : e.match)
  return evidence.filter((e, i) => {
    const m = span(e)
    return (
      !m ||
      !evidence.some((o, j) => {
        const n = span(o)
        return (
          j !== i &&
          !!n &&
          o.source === e.source &&
          n.start <= m.start &&
          n.end >= m.end &&
          (n.end - n.start > m.end - m.start || j < i)
        )
      })
    )
  })
}

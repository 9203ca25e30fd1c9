import type { GroupRef, Member, MessageEvent } from '../../../bot/core/event.js'
import type { ContentConfig } from '../config.js'
import { dictionaryFindings, maxSeverity, scanMessage, type Finding } from './findings.js'
import type { FloodTracker } from './flood.js'
import type { Matcher } from '../matcher/index.js'
import { inScope, kindFinding, messageTypeFindings, scopedFindings } from './message-policy.js'
import { passesOutward } from './outward.js'

const RANK = { high: 0, medium: 1, low: 2 } as const

/** True when the sender is not moderated at all (exempt role or contact id). */
export function isExempt(sender: Member, cfg: ContentConfig): boolean {
  return cfg.exempt.includes(sender.id) || sender.roles.some(r => cfg.exemptRoles.includes(r))
}

/**
 * Everything wrong with one group message, most serious first: dictionary
 * matches in its text fields, its message type, flood, off-topic in broadcast
 * groups; each category only when its `scope` covers this sender here (see scopedFindings:
 * `answersStaff` tells whether the message answers a staff member; the text tells whether it passes
 * something on, for an `outward` scope). `toBot`: the text is a command to the bot
 * (`#状态`, also one the sender may not use): never off-topic talk, though its words are still read.
 * Feeds the flood windows as a side effect (every message counts).
 */
export function assessMessage(
  ev: MessageEvent & { group: GroupRef },
  matcher: Matcher,
  cfg: ContentConfig,
  flood: FloodTracker,
  answersStaff: () => boolean = () => false,
  toBot = false,
): Finding[] {
  const kind = ev.group.kind
  const staff = ev.sender.isStaff
  const evidence = scanMessage(ev, matcher)
  let findings = evidence.length ? dictionaryFindings(evidence, matcher.dictionary) : undefined
  if (ev.kind !== 'text' || kind === 'broadcast') (findings ??= []).push(...messageTypeFindings(ev, kind, cfg, toBot))
  if (inScope(cfg, 'flood', kind, staff)) {
    const note = flood.observe(ev.sender.id, ev.group.id, ev.kind === 'text' ? ev.text : '', ev.at, cfg.flood)
    if (note) (findings ??= []).push(kindFinding(cfg, 'flood', note))
  }
  if (!findings) return []
  const kept = scopedFindings(cfg, findings, kind, staff, answersStaff, () => passesOutward(textOf(ev)))
  return kept.length > 1 ? kept.sort((a, b) => RANK[a.severity] - RANK[b.severity]) : kept
}

/** The text a member wrote in a message: its text, or a card's or mini program's title and description, or a file's name. */
function textOf(ev: MessageEvent): string {
  const a = ev.attachment
  if (ev.kind === 'text') return ev.text
  return [a?.title, a?.description, a?.fileName].filter(Boolean).join('\n')
}

/** Findings split into those acted on and those only watched (`dryRunCategories`). */
export function splitDryRun(findings: Finding[], cfg: ContentConfig): { live: Finding[]; dry: Finding[] } {
  if (!cfg.dryRunCategories.length) return { live: findings, dry: [] }
  return {
    live: findings.filter(f => !cfg.dryRunCategories.includes(f.category)),
    dry: findings.filter(f => cfg.dryRunCategories.includes(f.category)),
  }
}

/** The most serious severity among findings (non-empty). */
export function severityOf(findings: Finding[]): Finding['severity'] {
  return findings.reduce((s, f) => maxSeverity(s, f.severity), findings[0].severity)
}

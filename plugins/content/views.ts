import type { AuditEntry } from '../../bot/runtime/records/audit.js'
import type { Roster } from '../../bot/roster/roster.js'
import type { Dictionary } from './matcher/index.js'
import type { ContentConfig } from './config.js'
import type { IncidentLog } from './incidents/incident.js'
import { readableEvidence, readableReason, reasonCategories } from './audit-text.js'

/** One of this plugin's audit entries as people read it, in the words chat uses. */
export interface ViolationView {
  /** The member's name: the roster's, else the name the incident recorded; undefined when neither knows them. */
  member?: string
  /** The incident (or review) and its category labels (`V1 无关商业广告`), else the entry's reason as written. */
  reason?: string
  /** The entry's categories with their labels (the dictionary's, or the message-type rule's). */
  categories: { key: string; label: string }[]
  /** The incident (`V1`) the entry belongs to: its warning, strike and report are one incident; undefined for others. */
  incident?: string
  /** The evidence with labels and quoted text (`广告：「兼职刷单」位置 0–4`); undefined when the entry has none. */
  evidence?: string
}

/** What the content plugin shows in the web console. */
export interface ContentViews {
  /** An audit entry of this plugin (this account's or another account's of the fleet) as people read it. */
  violation(entry: AuditEntry): ViolationView
}

declare module '../../bot/core/views.js' {
  interface Views {
    content: ContentViews
  }
}

/** A category's label: the dictionary's, the link category's, or a message-type rule's (`kinds`); else its key. */
export function categoryLabel(dictionary: Dictionary, config: ContentConfig, key: string): string {
  const kinds = config.kinds as Record<string, { label: string } | undefined>
  return (
    dictionary.categories[key]?.label ??
    (dictionary.links?.category === key ? dictionary.links.label : undefined) ??
    kinds[key]?.label ??
    key
  )
}

/** The content views over the dictionary in use, the config, the roster and every account's incident log. */
export function contentViews(d: {
  dictionary: () => Dictionary
  config: () => ContentConfig
  roster: () => Roster
  incidents: () => IncidentLog[]
}): ContentViews {
  const labelOf = (key: string): string => categoryLabel(d.dictionary(), d.config(), key)
  const nameOf = (memberId: string, messageId: string | undefined): string | undefined => {
    const listed = d.roster().byContact(memberId)?.name
    if (listed) return listed
    const theirs = d.incidents().flatMap(l => l.incidents.filter(i => i.memberId === memberId))
    return (theirs.find(i => i.messageId === messageId) ?? theirs.at(-1))?.memberName
  }
  return {
    violation: entry => {
      const keys = reasonCategories(entry.reason)
      const categories = keys.map(key => ({ key, label: labelOf(key) }))
      const text = entry.evidence?.text
      return {
        member: entry.memberId && nameOf(entry.memberId, entry.evidence?.messageId),
        reason: readableReason(entry.reason, labelOf) ?? entry.reason,
        categories,
        incident: keys.length ? entry.reason?.split(' ')[0] : undefined,
        evidence: text ? (readableEvidence(text, keys, labelOf) ?? text) : undefined,
      }
    },
  }
}

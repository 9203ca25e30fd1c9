import type { GroupKind, MessageEvent } from '../../../bot/core/event.js'
import { covers, type ContentConfig, type KindCategory } from '../config.js'
import type { Finding } from './findings.js'

/** True when the rule for `category` checks this sender in this kind of group (see `scope`). */
export function inScope(cfg: ContentConfig, category: string, kind: GroupKind, isStaff: boolean): boolean {
  return covers(cfg.scope[category]?.[kind] ?? 'everyone', isStaff)
}

/**
 * The findings `scope` checks for this sender in this kind of group. Where a category's scope is `review`, a
 * non-staff member's finding is marked for the admins only (`reviewOnly`), or dropped when the message answers
 * staff (`answersStaff`: it quotes a staff member's message; an @ alone does not): a customer leaving their
 * WeChat for the staff member who asked is service. Where it is `outward`, a staff member's finding is kept only
 * when the message passes something on outside the staff (`passedOn`, see outward.ts; by default it does).
 */
export function scopedFindings(
  cfg: ContentConfig,
  findings: Finding[],
  kind: GroupKind,
  isStaff: boolean,
  answersStaff: () => boolean,
  passedOn: () => boolean = () => true,
): Finding[] {
  const kept: Finding[] = []
  for (const f of findings) {
    const scope = cfg.scope[f.category]?.[kind] ?? 'everyone'
    if (!covers(scope, isStaff)) continue
    if (scope === 'outward' && isStaff && !passedOn()) continue
    if (scope !== 'review' || isStaff) kept.push(f)
    else if (!answersStaff()) kept.push({ ...f, reviewOnly: true })
  }
  return kept
}

/** The extension of a file name, lower case, ignoring trailing dots, spaces and invisible characters. */
export function fileExtension(name: string): string {
  const clean = name.replace(/[\s.\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+$/u, '')
  const dot = clean.lastIndexOf('.')
  return dot < 0 ? '' : clean.slice(dot + 1).toLowerCase()
}

/** A finding for a plugin-defined category with one policy note. */
export function kindFinding(cfg: ContentConfig, category: KindCategory, note: string): Finding {
  const rule = cfg.kinds[category]
  return { category, label: rule.label, severity: rule.severity, evidence: [{ source: 'policy', note }] }
}

/**
 * Findings from the message type alone: contact cards, mini programs, files
 * with a dangerous extension, and any message in a broadcast group but a command to the bot
 * (`toBot`; off-topic unless the scope exempts the sender). Scope is applied by the caller.
 */
export function messageTypeFindings(ev: MessageEvent, kind: GroupKind, cfg: ContentConfig, toBot = false): Finding[] {
  const out: Finding[] = []
  if (ev.kind === 'contact') out.push(kindFinding(cfg, 'card', '推送了名片'))
  if (ev.kind === 'miniprogram')
    out.push(
      kindFinding(
        cfg,
        'miniprogram',
        `推送了小程序${ev.attachment?.title ? `「${ev.attachment.title.slice(0, 40)}」` : ''}`,
      ),
    )
  if (ev.kind === 'file') {
    const ext = fileExtension(ev.attachment?.fileName ?? '')
    if (ext && cfg.kinds.file.extensions.includes(ext)) out.push(kindFinding(cfg, 'file', `发送了 .${ext} 文件`))
  }
  if (kind === 'broadcast' && !toBot) out.push(kindFinding(cfg, 'offtopic', '在公告群发言'))
  return out
}

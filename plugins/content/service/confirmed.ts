import type { Action } from '../../../bot/core/actions.js'
import type { GroupRef, MessageEvent } from '../../../bot/core/event.js'
import { splitDryRun } from '../assess/assess.js'
import type { HeldReport } from '../decide.js'
import { decideConfirmedReport, decideLeft } from '../decide-review.js'
import { HANDOVER_MS } from '../fleet-reviews.js'
import { type Review, reviewedMessages } from '../state.js'
import { offence } from './offences.js'
import type { ServiceParts } from './parts.js'
import { groupOf, moderated } from './signals.js'

/**
 * The messages of confirmed reviews handled as offences, oldest first: the first opens the incident, one in another
 * group spreads it there (no second strike); the admins get one report for them all (each group still warned).
 */
export function confirmedMessages(s: ServiceParts, reviews: Review[], answeredId: string): Action[] {
  const held: HeldReport[] = []
  let decidedStrikes = 0
  const holds = s.ctx.fleet.holds ?? (() => true)
  const left = reviews.flatMap(r => leave(s, r, holds))
  const messages = reviews
    .flatMap(r => reviewedMessages(r).flatMap(m => (holds(m.groupId) ? [{ r, m }] : [])))
    .sort((a, b) => a.m.at - b.m.at)
  const actions = messages.flatMap(({ r, m }) => {
    const group = groupOf(m)
    const ev: MessageEvent & { group: GroupRef } = {
      type: 'message',
      id: m.messageId,
      at: m.at,
      group,
      sender: { id: r.memberId, name: r.memberName, roles: [], isStaff: r.isStaff },
      kind: 'text',
      text: m.text,
      mentions: [],
      mentionsAll: false,
    }
    const cfg = s.ctx.configFor(group)
    const { live, dry } = splitDryRun(m.findings, cfg)
    const acted = offence(s, ev, live, cfg, false, { confirmed: true, held, decidedStrikes })
    decidedStrikes += acted.filter(a => a.type === 'strike' && !a.rehearsal).length
    return [...acted, ...offence(s, ev, dry, cfg, true, { confirmed: true }), moderated(ev, m.findings)]
  })
  // Before any removal, so the report reaches the admins before the executor's note on a failed one.
  const ids = [answeredId, ...reviews.map(r => r.id).filter(id => id !== answeredId)]
  const report = decideConfirmedReport(ids, held)
  const at = actions.findIndex(a => a.type === 'remind' || a.type === 'remove')
  const done = at < 0 ? [...actions, ...report] : [...actions.slice(0, at), ...report, ...actions.slice(at)]
  return left.length ? [...left, ...done] : done
}

/**
 * Fleet: a confirmed review's messages in groups this account does not serve now (moved to another account since
 * the question): marked left to their holder (`leftToHolder`), audited, and a timer to see they were carried out.
 */
function leave(s: ServiceParts, r: Review, holds: (groupId: string) => boolean): Action[] {
  const away = reviewedMessages(r).filter(m => !holds(m.groupId))
  if (!away.length) return []
  r.leftToHolder = [...new Set([...(r.leftToHolder ?? []), ...away.map(m => m.messageId)])]
  s.reviews.changed()
  return decideLeft(r, away, s.ctx.clock.now(), HANDOVER_MS)
}

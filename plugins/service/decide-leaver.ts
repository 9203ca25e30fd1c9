import { type Action, emit } from '../../bot/core/actions.js'
import type { GroupRef } from '../../bot/core/event.js'
import './facts.js'
import {
  leaverRecordText,
  leaverRemovedReason,
  leaversHeldText,
  leaverText,
  type GivenBack,
  type Returner,
  staffBackText,
  stillInText,
  successorText,
  timerReason,
  workBackText,
} from './texts.js'

/** What a leaver still holds, as the plugin found it. */
export interface Holdings {
  id: string
  name: string
  successor?: { id: string; name: string }
  /** Internal groups to remove them from. */
  removing: GroupRef[]
  /** Other managed groups they are still in. */
  staying: GroupRef[]
  /** Customer groups they were responsible for. */
  responsibleFor: GroupRef[]
  /** Open ticket and follow-up ids that moved to the successor (or to the admins). */
  work: string[]
}

const topics = (gs: GroupRef[]) => gs.map(g => g.topic)

/** How long after the removals the bot looks whether the leaver is really gone from those groups. */
export const LEFT_CHECK_AFTER = 2 * 60_000

/** More people gone from the roster at once than this are held for an admin's confirmation. */
export const HOLD_ABOVE = 3
/** Two or more gone at once who are at least this share of the roster seen before are held too. */
export const HOLD_SHARE = 1 / 3

/**
 * Whether `gone` people missing from the roster at once (of `known` seen before) look like a partial roster rather
 * than leavers: more than {@link HOLD_ABOVE}, or two or more who are at least {@link HOLD_SHARE} of everyone.
 * One person is never held.
 */
export function needsConfirmation(gone: number, known: number): boolean {
  return gone > 1 && (gone > HOLD_ABOVE || gone >= known * HOLD_SHARE)
}

/** The admins are asked (and the audit log records it) before `names`, gone from the roster at once, leave. */
export function heldActions(names: string[], known: number, prefix: string): Action {
  return { type: 'notifyAdmins', text: leaversHeldText(names, known, prefix), rule: 'service.staff-left-held' }
}

/** The check after the removals: the admins are asked to remove the leaver where the bot could not. */
export function stillInActions(id: string, name: string, groups: GroupRef[]): Action[] {
  if (!groups.length) return []
  return [
    {
      type: 'notifyAdmins',
      text: stillInText(name, topics(groups)),
      rule: 'service.staff-left-still-in',
      memberId: id,
    },
  ]
}

/**
 * One leaver: removal from internal groups, the handover of their customer groups (a fact for other plugins),
 * the admins' notice, the successor's note and the audit record. Someone who holds nothing is only recorded.
 */
export function leaverActions(h: Holdings, now: number, prefix: string): Action[] {
  const notice = {
    name: h.name,
    successorName: h.successor?.name,
    removing: topics(h.removing),
    staying: topics(h.staying),
    responsibleFor: topics(h.responsibleFor),
    work: h.work,
  }
  const record: Action = {
    type: 'record',
    rule: 'service.staff-left',
    memberId: h.id,
    text: leaverRecordText(notice, h.successor?.name),
  }
  if (!h.removing.length && !h.staying.length && !h.responsibleFor.length && !h.work.length) return [record]
  const out: Action[] = []
  for (const g of h.responsibleFor)
    out.push(
      emit(
        'group.responsibility-moved',
        { groupId: g.id, groupTopic: g.topic, from: h.id, to: h.successor?.id, at: now },
        { rule: 'service.staff-left', groupId: g.id, memberId: h.id },
      ),
    )
  out.push({ type: 'notifyAdmins', text: leaverText(notice, prefix), rule: 'service.staff-left', memberId: h.id })
  if (h.successor && (h.responsibleFor.length || h.work.length))
    out.push({
      type: 'say',
      to: { contact: h.successor.id },
      text: successorText(notice, prefix),
      rule: 'service.staff-left-handover',
      memberId: h.successor.id,
    })
  if (h.removing.length)
    out.push({
      type: 'schedule',
      key: `leftcheck:${h.id}`,
      at: now + LEFT_CHECK_AFTER,
      payload: { id: h.id, groupIds: h.removing.map(g => g.id) },
      rule: 'service.schedule',
      reason: timerReason.leftCheck,
      memberId: h.id,
    })
  for (const g of h.removing)
    out.push({
      type: 'remove',
      groupId: g.id,
      memberId: h.id,
      rule: 'service.staff-left-removed',
      reason: leaverRemovedReason(h.name),
    })
  out.push(record)
  return out
}

/**
 * People back on the roster, and the open work given back (`T2 → 钱多`): one notice to the admins, if anything, and
 * a private note to each person who held some of it until then (a successor), so that nobody follows it up twice.
 */
export function backActions(back: Returner[], moved: GivenBack[], prefix: string): Action[] {
  if (!back.length && !moved.length) return []
  const items = moved.map(m => m.item)
  const out: Action[] = [{ type: 'notifyAdmins', text: staffBackText(back, items, prefix), rule: 'service.staff-back' }]
  for (const id of new Set(moved.flatMap(m => m.from))) {
    const theirs = moved.filter(m => m.from.includes(id)).map(m => m.item)
    const text = workBackText(back, theirs, prefix)
    out.push({ type: 'say', to: { contact: id }, text, rule: 'service.staff-back', memberId: id })
  }
  return out
}

import { asRehearsal, type Action } from '../../../bot/core/actions.js'
import type { GroupRef, MessageEvent } from '../../../bot/core/event.js'
import { allowHints } from '../assess/allow-phrase.js'
import { assessMessage, isExempt, splitDryRun } from '../assess/assess.js'
import type { Finding } from '../assess/findings.js'
import { scopedFindings } from '../assess/message-policy.js'
import type { ContentConfig } from '../config.js'
import {
  decideConfirmedAgain,
  decideIgnoredAgain,
  decideReview,
  decideReviewRepeat,
  splitReview,
} from '../decide-review.js'
import { answeredElsewhere, fleetReviewId } from '../fleet-reviews.js'
import { qrContentFindings } from '../qr/qr-policy.js'
import { addRepeat, addReview, answeredReviewFor, openReviewFor, type Review } from '../state.js'
import { confirmedAgainText, evasionText } from '../texts.js'
import { offence } from './offences.js'
import type { ServiceParts } from './parts.js'
import type { QrCheck } from './qr-check.js'
import { groupOf, held, holds, messageOf, moderated } from './signals.js'

/** Decide on one message: nothing for private chats, commands, recall notices and exempt senders. */
export function onMessage(s: ServiceParts, qrCheck: QrCheck, ev: MessageEvent): Action[] {
  if (!ev.group || ev.command || ev.kind === 'recalled') return []
  const cfg = s.ctx.configFor(ev.group)
  if (isExempt(ev.sender, cfg)) return []
  const inGroup = ev as MessageEvent & { group: GroupRef }
  // A command the sender may not use (a customer's refused `#状态`) reaches here as their words: not off-topic
  // talk. An unknown `#…` from a customer is ordinary talk.
  const toBot = ev.isCommand === true || ev.refusedCommand === true
  const all = assessMessage(inGroup, s.holder.matcher, cfg, s.flood, () => answersStaff(s, ev), toBot)
  const qr = ev.kind === 'image' && cfg.qrCodes ? qrCheck.start(inGroup) : []
  if (!all.length) return qr
  return [...qr, ...act(s, inGroup, all, cfg)]
}

/** The QR codes of an image are read: findings as for a text hit (evidence: the decoded text). */
export function finishQr(s: ServiceParts, qrCheck: QrCheck, key: string): Promise<Action[]> {
  return qrCheck.finish(key, (ev, result) => {
    const cfg = s.ctx.configFor(ev.group)
    const findings = qrContentFindings(result, s.holder.matcher, ev.group.kind)
    const kept = scopedFindings(cfg, findings, ev.group.kind, ev.sender.isStaff, () => answersStaff(s, ev))
    return kept.length ? act(s, ev, kept, cfg) : []
  })
}

/** What the findings of one message lead to: review questions, incidents (live or dry-run), the fact. */
function act(
  s: ServiceParts,
  inGroup: MessageEvent & { group: GroupRef },
  all: Finding[],
  cfg: ContentConfig,
): Action[] {
  const ev = inGroup
  // Hits of kinds their category does not let act (fuzzy ones by default) only go to the admins.
  const split = splitReview(all)
  const { review } = split
  // Unless the admins already answered about the same evasion of this member: confirmed, it acts; ignored, it rests.
  const answered = review.length ? answeredFor(s, inGroup, review) : undefined
  if (answered?.status === 'confirmed') return actAgain(s, inGroup, split.acting, review, answered, cfg)
  const findings = split.acting
  const asked = answered
    ? decideIgnoredAgain(answered, messageOf(inGroup, review), ev.sender.id, s.ctx.configFor().ignoredQuiet)
    : review.length
      ? askAdmins(s, inGroup, review)
      : []
  if (answered && !findings.length) return asked
  if (!findings.length)
    return asked.length && holds(inGroup, review, s.ctx.observing(ev.group)) ? [...asked, held(inGroup)] : asked
  // In observe mode every finding is a rehearsal: its incident is kept apart from real ones and its steps are records.
  if (s.ctx.observing(ev.group))
    return [...offence(s, inGroup, findings, cfg, true), ...asked, moderated(inGroup, findings)]
  const { live, dry } = splitDryRun(findings, cfg)
  return [
    ...offence(s, inGroup, live, cfg, false),
    ...offence(s, inGroup, dry, cfg, true),
    ...asked,
    moderated(inGroup, findings),
  ]
}

/**
 * The member's answered review that decides on these review-only hits (`answeredReviewFor`), if any; one made in
 * observe mode (never asked) decides nothing live, nor the other way round.
 */
function answeredFor(s: ServiceParts, ev: MessageEvent & { group: GroupRef }, findings: Finding[]): Review | undefined {
  const windowMs = s.ctx.configFor(ev.group).incidentWindow
  const quietMs = s.ctx.configFor().ignoredQuiet
  const q = { memberId: ev.sender.id, text: ev.text, findings, now: ev.at, windowMs, quietMs }
  const answered = answeredReviewFor(s.reviews.data, q) ?? answeredAway(s, q)
  return answered && s.ctx.observing(groupOf(answered)) === s.ctx.observing(ev.group) ? answered : undefined
}

/**
 * Fleet: another account's answer deciding a new message (`answeredElsewhere`), named by its fleet id (`R3@sales1`);
 * a copy, so a repeat acted on here does not move that account's window on (only it writes its reviews).
 */
function answeredAway(s: ServiceParts, q: Parameters<typeof answeredElsewhere>[1]): Review | undefined {
  const found = s.foreignReviews.size ? answeredElsewhere(s.foreignReviews, q) : undefined
  return found && { ...found.review, id: fleetReviewId(found.review, found.account) }
}

/**
 * The same evasion again after `#确认`: handled as an offence at once with the message's other findings (the
 * admins confirmed it), the report saying so; the confirmation then holds the window after this message.
 */
function actAgain(
  s: ServiceParts,
  ev: MessageEvent & { group: GroupRef },
  acting: Finding[],
  review: Finding[],
  answered: Review,
  cfg: ContentConfig,
): Action[] {
  const findings = [...acting, ...review]
  const note = confirmedAgainText(answered.id, evasionText(review))
  const observing = s.ctx.observing(ev.group)
  const { live, dry } = observing ? { live: [], dry: findings } : splitDryRun(findings, cfg)
  const acted = [...offence(s, ev, live, cfg, false, { note }), ...offence(s, ev, dry, cfg, true, { note })]
  answered.actedAgainAt = ev.at
  s.reviews.changed()
  const member = { id: ev.sender.id, name: s.ctx.displayName(ev.sender) }
  const told = decideConfirmedAgain(answered, messageOf(ev, review), member, acted)
  return [...acted, ...(observing ? asRehearsal(told) : told), moderated(ev, findings)]
}

/**
 * True when a message answers staff: it quotes a message of someone the roster names (a quote carries the
 * sender's name only) who is staff. An @ alone is no answer: anyone can @ a staff member (`@王经理 加我微信`
 * draws customers away in front of them), so it is reviewed like any other.
 */
function answersStaff(s: ServiceParts, ev: MessageEvent): boolean {
  const isStaff = (id: string | undefined): boolean => id !== undefined && s.ctx.rolesOf(id).length > 0
  const quoted = ev.quote?.senderName
  return quoted !== undefined && s.ctx.roster.named(quoted).some(e => isStaff(e.contactId))
}

/**
 * Holds review-only findings for the admins (`#确认` / `#忽略`); observe mode only records them. The same hits
 * posted again within the incident window join the member's open review (one question, one answer for all).
 */
function askAdmins(s: ServiceParts, ev: MessageEvent & { group: GroupRef }, findings: Finding[]): Action[] {
  const observing = s.ctx.observing(ev.group)
  const message = messageOf(ev, findings)
  const hints = allowHints(ev, findings, s.holder.matcher)
  const q = {
    memberId: ev.sender.id,
    categories: findings.map(f => f.category),
    now: ev.at,
    windowMs: s.ctx.configFor(ev.group).incidentWindow,
  }
  const open = openReviewFor(s.reviews.data, q)
  let actions: Action[]
  // A rehearsed question (observe mode) was never asked: a live one is not merged into it, nor the other way.
  if (open && s.ctx.observing(groupOf(open)) === observing) {
    addRepeat(open, message, hints)
    actions = decideReviewRepeat(open, message, ev.sender.id)
  } else {
    const member = { memberId: ev.sender.id, memberName: s.ctx.displayName(ev.sender), isStaff: ev.sender.isStaff }
    const review = addReview(s.reviews.data, { ...message, ...member, hints })
    actions = decideReview(review, s.ctx.timezone, s.ctx.commandPrefix)
  }
  s.reviews.changed()
  return observing ? asRehearsal(actions) : actions
}

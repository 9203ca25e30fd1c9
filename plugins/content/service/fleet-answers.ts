import type { Action } from '../../../bot/core/actions.js'
import { botAccountText } from '../../../bot/fleet/account-name.js'
import {
  alongNote,
  decideAlong,
  decideHandedOver,
  decideUnserved,
  HANDOVER_TIMER,
  OVERDUE_TIMER,
} from '../decide-review.js'
import {
  carriedElsewhere,
  carriedKey,
  fleetReviewId,
  foreignAnswers,
  type Handover,
  forgetReleased,
  handedHere,
  leftMessages,
  overdueHandovers,
  releasedHere,
} from '../fleet-reviews.js'
import { findReview, type Review, REVIEW_LIMIT, type ReviewedMessage, reviewedMessages } from '../state.js'
import { confirmedMessages } from './confirmed.js'
import type { ServiceParts } from './parts.js'
import { markAlong } from './review-answers.js'
import { released } from './signals.js'

/**
 * Fleet: this account's open questions that an answer given through another account decides (`foreignAnswers`),
 * decided as that answer was: `#确认` handles their messages as offences (one report), `#忽略` releases them; the
 * admins are told in one line each; then the confirmed messages handed here are carried out (`carryOut`).
 */
export function decideForeignAnswers(s: ServiceParts): Action[] {
  const windowMs = s.ctx.configFor().incidentWindow
  const hold = { windowMs, quietMs: s.ctx.configFor().ignoredQuiet }
  const answers = foreignAnswers(s.reviews.data, s.foreignReviews, hold).flatMap(({ account, answered, along }) => {
    const id = fleetReviewId(answered, account)
    const named = { ...answered, id }
    const by = answered.decidedBy ?? account
    const decided = markAlong(s, along, named, by, id, answered.decidedByName)
    if (!decided.length) return []
    // One line for the questions one answer decided: who answered, so no admin answers them again.
    const told = [...decided.map(r => decideAlong(r, named, by)), alongNote(decided, named, answered.decidedByName)]
    const done =
      answered.status === 'confirmed'
        ? confirmedMessages(s, decided, id)
        : decided.flatMap(r => reviewedMessages(r).map(m => released(r, m)))
    return [...told, ...done]
  })
  return [...answers, ...carryOut(s)]
}

/**
 * Fleet: the confirmed messages left to the holder of a group this account serves now (`handedHere`): another
 * account's (its answer came after the group moved here) or its own (the group came back), carried out here once.
 */
export function carryOut(s: ServiceParts): Action[] {
  const holds = s.ctx.fleet.holds
  if (!holds) return []
  const carried = handedHere(s.reviews.data, s.foreignReviews, holds).flatMap(h => carry(s, h))
  forgetReleased(s.released, s.foreignReviews)
  const own = new Set(s.reviews.data.carried)
  const done = { has: (key: string) => s.released.has(key) || own.has(key) }
  return [...carried, ...releasedHere(s.foreignReviews, holds, done).flatMap(h => release(s, h)), ...checkOverdue(s)]
}

/**
 * Fleet: a timer (no group: it fires here) for each confirmed message of another account whose own check did not run
 * (`overdueHandovers`), at this account's turn in line; set once a process.
 */
function checkOverdue(s: ServiceParts): Action[] {
  const fleet = lineOf(s)
  if (!fleet) return []
  const now = s.ctx.clock.now()
  return overdueHandovers(s.reviews.data, s.foreignReviews, fleet, now)
    .filter(o => !s.checking.has(o.id))
    .map((o): Action => {
      s.checking.add(o.id)
      const key = `${OVERDUE_TIMER}${o.id}`
      return { type: 'schedule', key, at: Math.max(o.at, now), rule: 'content.review.left' }
    })
}

/** This account and the fleet's roster, that every account orders alike (`overdueHandovers`); none without a fleet. */
function lineOf(s: ServiceParts): { self: string; accounts: readonly string[] } | undefined {
  const self = s.ctx.fleet.account?.()
  return self ? { self, accounts: s.ctx.fleet.accounts?.() ?? [] } : undefined
}

/**
 * Fleet: this account's turn to check another account's confirmed messages that account left to their group's holder
 * and did not check on (it went down): still not carried out by anyone, they are carried out here if this account
 * serves the group now, else the admins are told to act by hand (remembered in `carried`, so neither this account,
 * another one nor the answering one back tells again or carries them out after).
 */
export function overdue(s: ServiceParts, key: string): Action[] {
  const id = key.slice(OVERDUE_TIMER.length)
  s.checking.delete(id)
  const now = s.ctx.clock.now()
  const fleet = lineOf(s)
  const o = fleet ? overdueHandovers(s.reviews.data, s.foreignReviews, fleet, now).find(x => x.id === id) : undefined
  if (!o) return []
  const holds = s.ctx.fleet.holds ?? (() => true)
  const here = o.messages.filter(m => holds(m.groupId))
  const carried = here.length ? carry(s, { account: o.account, review: o.review, messages: here }) : []
  const unserved = o.messages.filter(m => !holds(m.groupId))
  if (!unserved.length) return carried
  remember(s, id, unserved)
  const answeredBy = botAccountText(o.account, s.ctx.fleet.accountName?.(o.account))
  return [...carried, ...decideUnserved({ ...o.review, id }, unserved, answeredBy)]
}

/**
 * Another account's `#忽略` of messages in a group this account serves: released here too (`message.released`), once
 * a process (remembered in memory: released again after a restart, which changes nothing where it is not held).
 */
function release(s: ServiceParts, { account, review, messages }: Handover): Action[] {
  const id = fleetReviewId(review, account as string)
  for (const m of messages) s.released.add(carriedKey(id, m.messageId))
  return messages.map(m => released(review, m))
}

/** Marks another account's messages carried out (or released) here, so they are not again (the newest 500 kept). */
function remember(s: ServiceParts, id: string, messages: readonly ReviewedMessage[]): void {
  const carried = (s.reviews.data.carried ??= [])
  carried.push(...messages.map(m => carriedKey(id, m.messageId)))
  if (carried.length > REVIEW_LIMIT) carried.splice(0, carried.length - REVIEW_LIMIT)
  s.reviews.changed()
}

/** Handles confirmed messages left to this account as offences, as the account that left them would have. */
function carry(s: ServiceParts, { account, review, messages }: Handover): Action[] {
  const id = account ? fleetReviewId(review, account) : review.id
  const [first, ...rest] = messages
  if (account) remember(s, id, messages)
  else {
    review.leftToHolder = review.leftToHolder?.filter(x => !messages.some(m => m.messageId === x))
    s.reviews.changed()
  }
  // A copy with only these messages, named as the admins know it (`R3@sales1`): the other account's is not written.
  const copy: Review = { ...review, ...first, id, repeats: rest, leftToHolder: undefined }
  return [...decideHandedOver(id, review, messages), ...confirmedMessages(s, [copy], id)]
}

/**
 * Fleet: the timer after a confirmed message was left to its group's holder (`HANDOVER_MS`): carried out by another
 * account (its `carried`), it is done; in a group this account serves again, carried out here; else the admins are
 * told to act by hand (audited), never dropped silently.
 */
export function handover(s: ServiceParts, key: string): Action[] {
  const review = findReview(s.reviews.data, key.slice(HANDOVER_TIMER.length))
  if (!review?.leftToHolder?.length) return []
  const account = s.ctx.fleet.account?.()
  const done = account ? carriedElsewhere(review, account, s.foreignReviews) : new Set<string>()
  review.leftToHolder = review.leftToHolder.filter(id => !done.has(id))
  const holds = s.ctx.fleet.holds ?? (() => true)
  const here = leftMessages(review).filter(m => holds(m.groupId))
  const carried = here.length ? carry(s, { review, messages: here }) : []
  const unserved = leftMessages(review)
  review.leftToHolder = undefined
  s.reviews.changed()
  return unserved.length ? [...carried, ...decideUnserved(review, unserved)] : carried
}

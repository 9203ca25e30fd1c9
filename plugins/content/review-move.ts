import { fleetReviewId } from './fleet-reviews.js'
import { REVIEW_LIMIT, type Review, type ReviewLog, reviewedMessages } from './state.js'

/**
 * Fleet takeover: the open questions of the down account (`theirs`, account `from`) with a message in `groupId`
 * move into this account's log (`mine`, account `to`), each under its fleet id (`R3` → `R3@sales1`, kept when it
 * has one), in time order (`openReviewFor` reads the newest first), so the admins answer them here and a repeat here
 * joins them instead of being asked again. A question with messages in several groups moves with the first of them
 * taken over; answered ones stay (every account reads them as the other account's answers). `theirs` keeps where
 * each went (`moved`), so an answer through `from`, back, says where; one moving back to the account that asked it
 * takes its own id again there (and leaves that account's `moved`). One already here (a retried transaction reads
 * `theirs` again) is not added twice, but still leaves `theirs`. Returns the questions that left `theirs`, as named
 * here.
 */
export function moveReviews(
  theirs: ReviewLog,
  mine: ReviewLog,
  groupId: string,
  accounts: { from: string; to: string },
): Review[] {
  const going = theirs.reviews.filter(r => r.status === 'open' && reviewedMessages(r).some(m => m.groupId === groupId))
  if (!going.length) return []
  theirs.reviews = theirs.reviews.filter(r => !going.includes(r))
  const moved = (theirs.moved ??= [])
  moved.push(...going.map(r => ({ id: r.id, to: accounts.to, groupTopic: r.groupTopic })))
  if (moved.length > REVIEW_LIMIT) moved.splice(0, moved.length - REVIEW_LIMIT)
  // A question coming back to the account that first asked it takes its own id again (`R3@sales2` → `R3` in sales2).
  const home = `@${accounts.to}`
  const arriving = going.map(r => ({
    ...r,
    id: r.id.endsWith(home) ? r.id.slice(0, -home.length) : fleetReviewId(r, accounts.from),
  }))
  const back = new Set(arriving.filter(r => !r.id.includes('@')).map(r => r.id))
  if (back.size && mine.moved) mine.moved = mine.moved.filter(m => !back.has(m.id))
  const known = new Set(mine.reviews.map(r => r.id))
  mine.reviews = [...mine.reviews, ...arriving.filter(r => !known.has(r.id))].sort((a, b) => a.at - b.at)
  if (mine.reviews.length > REVIEW_LIMIT) mine.reviews.splice(0, mine.reviews.length - REVIEW_LIMIT)
  return arriving
}

/** What an id typed in `#确认` / `#忽略` names (`lookUpReview`). */
export type ReviewLookup =
  | { review: Review }
  /** Several open questions answer to it: this account's own `R3` and one moved here (`R3@sales1`). */
  | { several: Review[] }
  /** It moved with its group to another account (`ReviewLog.moved`), known there as `fleetId`. */
  | { movedTo: string; fleetId: string; groupTopic: string }
  | { none: true }

/**
 * The question an admin's id names, as the admins may have it in front of them after a move: `R3@sales1` exactly;
 * `R3` is this account's own `R3` or the one question moved here from another account as `R3@…` (both there, the own
 * one answered or not, or several moved here open: the admin says which); `R3@<this account>` is its own `R3`. An id of a
 * question that moved away names where it went.
 */
export function lookUpReview(log: ReviewLog, typed: string, self?: string): ReviewLookup {
  let wanted = typed.trim().toUpperCase()
  const exactly = wanted.includes('@')
  const own = self ? `@${self.toUpperCase()}` : undefined
  if (own && wanted.endsWith(own)) wanted = wanted.slice(0, -own.length)
  const exact = log.reviews.find(r => r.id.toUpperCase() === wanted)
  const alike = exactly ? [] : log.reviews.filter(r => r.id.toUpperCase().startsWith(`${wanted}@`))
  const openAlike = alike.filter(r => r.status === 'open')
  // This account's own R3 (answered or not) beside an open R3@… moved here: the admin may mean either, and a wrong
  // guess is a warning and a strike for someone else; they say which.
  if (exact && openAlike.length) return { several: [exact, ...openAlike] }
  if (openAlike.length > 1) return { several: openAlike }
  const review = exact ?? openAlike[0] ?? alike[0]
  if (review) return { review }
  const gone = log.moved?.findLast(m => m.id.toUpperCase() === wanted)
  if (!gone) return { none: true }
  const fleetId = self ? fleetReviewId(gone, self) : gone.id
  return { movedTo: gone.to, fleetId, groupTopic: gone.groupTopic }
}

/** Where a question that moved away is now, as the other accounts' logs read here say (`movedReviewNow`). */
export type MovedNow =
  /** Kept by `account`: open there, or answered there already. */
  | { account: string; review: Review }
  /** `account`'s log no longer keeps it (the newest 500 are kept). */
  | { account: string; gone: true }
  /** `account`'s log is not read here (yet): the question is there as far as this account knows. */
  | { account: string }

/**
 * Fleet: where the question `fleetId` that moved to `movedTo` is now: followed on through the accounts it moved to
 * after that one (their `moved`), to the account whose log keeps it (open or answered) or no longer does. An answer
 * through the account that asked it then sends the admin to the account holding it now, or says it was answered
 * there, rather than to where it first went.
 */
export function movedReviewNow(
  foreign: ReadonlyMap<string, ReviewLog>,
  moved: { movedTo: string; fleetId: string },
  self?: string,
): MovedNow {
  const wanted = moved.fleetId.toUpperCase()
  const seen = new Set<string>()
  let account = moved.movedTo
  while (!seen.has(account) && account !== self) {
    seen.add(account)
    const log = foreign.get(account)
    if (!log) return { account }
    const review = log.reviews.find(r => r.id.toUpperCase() === wanted)
    if (review) return { account, review }
    const next = log.moved?.findLast(m => m.id.toUpperCase() === wanted)
    if (!next) return { account, gone: true }
    account = next.to
  }
  return { account }
}

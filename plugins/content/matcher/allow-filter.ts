import type { MatchKind } from './types.js'

/**
 * A reading of a hit as other words than its term (a name, a place, a report…): true clears the hit. `allowDomains`
 * tells the readings that ask pitch-guard.ts which links are the company's own. The word rules keep their readings
 * in lists (word-context.ts, place-readings.ts) and ask each in turn.
 */
export type Reading = (text: string, c: Candidate, allowDomains: readonly string[]) => boolean

/** True when any of these readings reads the hit otherwise. */
export function readsAny(
  readings: readonly Reading[],
  text: string,
  c: Candidate,
  allowDomains: readonly string[],
): boolean {
  return readings.some(read => read(text, c, allowDomains))
}

/** A match candidate before allowed phrases are applied. */
export interface Candidate {
  category: string
  term: string
  start: number
  end: number
  /** True for a match of an allowed phrase. */
  allowPhrase: boolean
  /** True for a match of a context word (see CategoryRule.context): never a match itself. */
  context?: boolean
  kind: MatchKind
  /** The expansion that matched, for expansion kinds. */
  form?: string
  /**
   * True for initials that read as an abbreviation (`BC 平台`, see candidate-rules.ts): kept only where
   * a context word of the category confirms them.
   */
  abbreviation?: boolean
  /** True for a hit a rule sends to review only, whatever its kind (a quotation, see talked-about.ts). */
  review?: boolean
}

/** Allowed-phrase spans of one category, sorted by start, with the running maximum of their ends. */
interface AllowedSpans {
  starts: number[]
  maxEnds: number[]
}

/**
 * Drops every term match that lies inside an allowed-phrase match of the same category
 * (`以下注意` cancels `下注` only for gambling), and the allowed-phrase matches themselves. An allowed
 * phrase found through a reading (`家薇装饰` read in `加薇装饰`) covers only hits found through readings
 * too: never the term as written or normalised, whose text is not the phrase's.
 */
export function dropAllowed(candidates: Candidate[]): Candidate[] {
  if (!candidates.some(isAllowPhrase)) return candidates
  const any = new Map<string, Candidate[]>()
  const asWritten = new Map<string, Candidate[]>()
  for (const c of candidates) {
    if (!c.allowPhrase) continue
    listOf(any, c.category).push(c)
    if (isWritten(c.kind)) listOf(asWritten, c.category).push(c)
  }
  const anySpans = spansOf(any)
  const writtenSpans = spansOf(asWritten)
  return candidates.filter(
    c => !c.allowPhrase && !isInside(c, (isWritten(c.kind) ? writtenSpans : anySpans).get(c.category)),
  )
}

/** The term as written or normalised (or a regex, a link): text an allowed phrase must hold as it is. */
function isWritten(kind: MatchKind): boolean {
  return kind === 'exact' || kind === 'normalised' || kind === 'pattern' || kind === 'link'
}

function listOf(map: Map<string, Candidate[]>, category: string): Candidate[] {
  let list = map.get(category)
  if (!list) map.set(category, (list = []))
  return list
}

/** Each category's allowed spans, sorted by start, with the running maximum of their ends. */
function spansOf(byCategory: Map<string, Candidate[]>): Map<string, AllowedSpans> {
  const spans = new Map<string, AllowedSpans>()
  for (const [category, list] of byCategory) {
    list.sort((x, y) => x.start - y.start)
    let maxEnd = -1
    spans.set(category, {
      starts: list.map(c => c.start),
      maxEnds: list.map(c => (maxEnd = Math.max(maxEnd, c.end))),
    })
  }
  return spans
}

/** True for a match of an allowed phrase (a function made once: most scans have none). */
function isAllowPhrase(c: Candidate): boolean {
  return c.allowPhrase
}

/** True if some allowed span starts at or before the candidate and ends at or after it. */
function isInside(c: Candidate, allowed: AllowedSpans | undefined): boolean {
  if (!allowed) return false
  let lo = 0
  let hi = allowed.starts.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (allowed.starts[mid] <= c.start) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found >= 0 && allowed.maxEnds[found] >= c.end
}

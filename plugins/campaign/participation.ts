import type { Campaign } from './model.js'

/** What a share phrase means: a completed report, a claim waiting for its screenshot, or nothing. */
export type PhraseDecision = { kind: 'done'; screenshot: boolean } | { kind: 'claim' }

/** Build the share-report matcher once: short messages containing one of the phrases (mentions ignored). */
export function compileShareMatcher(phrases: string[], maxLength: number): (text: string) => boolean {
  return text => {
    const body = text.replace(/@\S+[\s\u2005]*/g, '').replace(/\s+/g, '')
    return body.length > 0 && body.length <= maxLength && phrases.some(p => body.includes(p))
  }
}

/**
 * The campaign a report in `groupId` is about: among campaigns announced
 * there, the one whose title the quoted message contains, else the latest.
 */
export function campaignForReport(active: Campaign[], groupId: string, quoteText?: string): Campaign | undefined {
  const here = active.filter(c => c.status === 'announced' && c.announced[groupId])
  const quoted = quoteText ? here.find(c => quoteText.includes(c.title)) : undefined
  return quoted ?? here.sort((a, b) => b.announced[groupId].at - a.announced[groupId].at)[0]
}

/** A phrase at `now`: done when a screenshot came within the window before it (or none is required), else a claim. */
export function judgePhrase(
  now: number,
  lastImageAt: number | undefined,
  requireScreenshot: boolean,
  windowMs: number,
): PhraseDecision {
  const screenshot = lastImageAt !== undefined && now - lastImageAt <= windowMs
  return screenshot || !requireScreenshot ? { kind: 'done', screenshot } : { kind: 'claim' }
}

/** True when an image at `now` completes a claim made within the window. */
export function imageCompletesClaim(now: number, claimAt: number | undefined, windowMs: number): boolean {
  return claimAt !== undefined && now - claimAt <= windowMs
}

/** Last image per (group, member), in memory only: screenshots matter for minutes, not across restarts. */
export class RecentImages {
  private at = new Map<string, number>()
  constructor(private windowMs: number) {}

  /** Remember an image; entries older than the window are dropped as the map grows. */
  add(groupId: string, memberId: string, now: number): void {
    if (this.at.size > 500) for (const [k, t] of this.at) if (now - t > this.windowMs) this.at.delete(k)
    this.at.set(`${groupId}|${memberId}`, now)
  }

  /** Time of the member's last image in the group, if any. */
  last(groupId: string, memberId: string): number | undefined {
    return this.at.get(`${groupId}|${memberId}`)
  }
}

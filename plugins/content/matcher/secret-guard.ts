/**
 * What keeps a secret's hit that a reading of a rule or a report would clear (issue #22, f45): the speaker has it, gets
 * it or hands it over, or tells its value, whatever the rule or the report says around it. Asked by
 * talked-about-access.ts and talked-about-leak-events.ts.
 */

import type { Candidate } from './allow-filter.js'
import { pitchesAround, pitchesBeside, stillPitches } from './pitch-guard.js'
import { invitedAfter, tellsValue } from './talked-about-offers.js'
import { offersOwn } from './own-offers.js'

/**
 * The speaker's stash, a price got from them or handed over privately, or where members pick it up: `我这有`, `找我拿`,
 * `偷偷发你`, `问我`, `在群文件`.
 */
const OWN_STASH = /我(?:这里?|这边|手上|手里)(?:有|还有|都有)|找我|私聊|私我|发你|给你|问我|群文件/u

/**
 * After the hit, a turn to the speaker's exception or the speaker getting it: `但我有渠道`, `不过我能搞到`, `其实`,
 * `我去要`, `名单我截图了`.
 */
const SPEAKER_TURN =
  /但|不过|可是|然而|其实|我(?:也|都|就|还|可以|能)?(?:有(?!人)|能搞|搞得到|搞到|截|拍了|拿|弄|帮你|去要|要来|存了|留了)/u

/** A figure after the hit: a value told (`也就赚两百`, `一台赚三百`). */
const EARNED = /赚[0-9零一二三四五六七八九十两百千万]+|[0-9]+(?:块|元)/u

/**
 * True if the message keeps the secret's hit (see OWN_STASH, SPEAKER_TURN, EARNED, invitedAfter, tellsValue,
 * offersOwn: rev45) or still
 * pitches around it, the hit blanked (see stillPitches, pitchesAround, pitchesBeside).
 */
export function stillLeaks(text: string, c: Candidate, allowDomains: readonly string[]): boolean {
  const after = text.slice(c.end)
  if (OWN_STASH.test(text) || SPEAKER_TURN.test(after) || EARNED.test(after) || offersOwn(text, c.start, c.end))
    return true
  if (invitedAfter(text, c.end) || tellsValue(text, c.start, c.end)) return true
  const rest = `${text.slice(0, c.start)}${'　'.repeat(c.end - c.start)}${text.slice(c.end)}`
  return (
    stillPitches(rest, c, allowDomains) || pitchesAround(text, c.start, c.end) || pitchesBeside(text, c.start, c.end)
  )
}

/**
 * A kind of firm warned against, no firm accused (issue #22, f5051): `提醒客户警惕皮包公司骗人的低价套路`, `谨防黑心商家`.
 * The slur names what a reader should beware of in general; no one in the message is called so. It runs on the
 * candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { isWordAt } from './expansion-data.js'
import { offersOwn } from './own-offers.js'
import { pitchesAround, pitchesBeside, stillPitches } from './pitch-guard.js'
import { CLAUSE_END, edgeBefore } from './talked-about-clauses.js'
import { invitedAfter } from './talked-about-offers.js'

/** Categories whose terms slur a firm or its people: a kind of them may be warned against. */
const SLUR_KINDS = new Set(['defamation'])

/**
 * A warning verb ending the hit's clause before it, maybe past what is warned of in general (`各种`, `这类`) or one
 * word of two characters that describes the kind (see kindGap: `警惕皮包|公司骗人`).
 */
const WARNED_BEFORE =
  /(?:警惕|谨防|提防|防范|当心|小心|远离|识别|识破|认清|避开)(?:各种|各类|这类|那类|这种|那种|一些)?$/u

/**
 * Who or what a clause points at, making the warning an accusation of someone in particular: a demonstrative or a
 * pronoun (`这家`, `那个`, `他们`, `你们`), a neighbour (`隔壁`, `楼上`), an @-mention, an example named (`比如`, `就是`,
 * `说的是`).
 */
const POINTED =
  /[这那该此][家个位间]|[你我他她]们?|贵|隔壁|楼上|楼下|对面|@|＠|比如|例如|譬如|就是|说的是|指的是|点名|尤其是/u

/**
 * A particular firm named right after the slur, as what it is said of (`警惕垃圾公司鑫达贸易`, `远离黑心公司：鑫达科技`;
 * rev5051): a name of up to eight characters ending in a firm's word.
 */
const FIRM_NAMED_AFTER =
  /^[\s：:（(]*[\p{Script=Han}A-Za-z0-9]{2,8}?(?:贸易|科技|实业|商贸|传媒|网络|电子|建材|装饰|有限公司|有限|集团|工作室|商行|公司|厂)/u

/**
 * True if text[from, to) is nothing, or one word of two characters (CC-CEDICT: 皮包, 无良, 黑心) before the hit: a
 * kind described, no name of a firm.
 */
function kindGap(text: string, from: number, to: number): boolean {
  return to === from || (to - from === 2 && isWordAt(text, from))
}

/**
 * True for a slur on a firm (SLUR_KINDS) right after a warning verb in its clause, maybe past one describing word
 * (WARNED_BEFORE, kindGap), in a message that points at no one in particular (POINTED) and pitches nothing (stillPitches,
 * pitchesAround, pitchesBeside, the speaker's own offer, an invitation): `提醒客户警惕皮包公司骗人的低价套路`.
 * `警惕隔壁这家皮包公司`, `谨防皮包公司，比如楼下那家`, `警惕皮包公司，找我们正规办理，加v详谈` keep the hit.
 */
export function warnsOfKind(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SLUR_KINDS.has(c.category)) return false
  const clauseFrom = edgeBefore(text, c.start, CLAUSE_END)
  const before = text.slice(clauseFrom, c.start)
  const gapped = before.length >= 2 && kindGap(text, c.start - 2, c.start) ? before.slice(0, -2) : undefined
  if (!WARNED_BEFORE.test(before) && (gapped === undefined || !WARNED_BEFORE.test(gapped))) return false
  const rest = `${text.slice(0, c.start)}${'　'.repeat(c.end - c.start)}${text.slice(c.end)}`
  if (
    POINTED.test(rest) ||
    FIRM_NAMED_AFTER.test(text.slice(c.end)) ||
    invitedAfter(text, c.end) ||
    offersOwn(text, c.start, c.end)
  )
    return false
  return (
    !stillPitches(rest, c, allowDomains) && !pitchesAround(text, c.start, c.end) && !pitchesBeside(text, c.start, c.end)
  )
}

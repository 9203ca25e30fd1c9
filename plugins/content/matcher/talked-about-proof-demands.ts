/**
 * A claim put in the mouth of whoever makes it, then asked for proof or warned of the law: `说公司骗人的请拿出证据`,
 * `讲我们是黑心公司的，拿证据说话`. The claim is someone else's, challenged, not made. It runs on the candidates of a
 * scan only.
 */

import type { Candidate } from './allow-filter.js'
import { stillPitches } from './pitch-guard.js'
import { CLAUSE_END, SENTENCE_END, edgeAfter, edgeBefore } from './talked-about-clauses.js'

/**
 * A verb of saying or spreading that starts the hit's clause, maybe after who (`那些`, `凡是`, `网上`) and the place said
 * in, maybe with whom it is said of (`说我们是`): `说`, `到处说`, `在群里说`, `造谣说`, `传`.
 */
const SAYER_BEFORE =
  /^\s*(?:那些|这些|凡是?|任何|网上|有些人?)?(?:在[^，,；;。！!？?\n]{1,6}?)?(?:到处)?(?:说|讲|传|造谣说?|散布|宣称)(?:[^，,；;。！!？?\n是]{1,4}(?:就|都)?是)?$/u
/** Right after the hit, whoever says it: `的`, `的人`, `的那位`, `的朋友们`. */
const SAYER_AFTER = /^的(?:人|那位|那个|那些人?|朋友们?|各位)?/u
/**
 * Later in the sentence, proof asked for or the law invoked: `请拿出证据`, `拿证据说话`, `出示证据`, `拿出实锤`, `要负法律责任`,
 * `我们会追究法律责任`, `保留起诉的权利`.
 */
const PROOF_DEMANDED =
  /拿出?(?:证据|实锤)|(?:出示|提供|拿来)证据|证据呢|(?:负|承担)(?:法律)?责任|追究(?:法律)?责任|(?:起诉|法律途径|律师函)/u

/** An affirmation: `就是`, `确实是`, `本来就是`, `真的是`. */
const AFFIRMED = /(?:就|确实|的确|本来就?|真的)是/gu

/**
 * True if a clause after the hit's own affirms the claim: an affirmation that ends its clause (`，@张三 就是`) or is
 * followed right away by the term's last two characters (`证据呢？公司就是骗人`); `我们就是正规公司` rebuts it.
 */
function reasserts(text: string, c: Candidate): boolean {
  const rest = text.slice(edgeAfter(text, c.end, CLAUSE_END))
  const tail = c.term.slice(-2)
  for (const m of rest.matchAll(AFFIRMED)) {
    const from = (m.index ?? 0) + m[0].length
    const clause = rest.slice(from, edgeAfter(rest, from, CLAUSE_END))
    if (/^[吧啊呀的]?\s*$/u.test(clause) || clause.startsWith(tail)) return true
  }
  return false
}

/**
 * True for a hit right after a verb of saying that starts its clause, then 的 naming whoever says it, with proof
 * demanded or the law invoked later in its sentence (see SAYER_BEFORE, SAYER_AFTER, PROOF_DEMANDED): `说公司骗人的请拿出
 * 证据，别在群里带节奏`. A message that still pitches (see stillPitches) stays a hit, and so does the claim said outright
 * (`公司骗人，拿出证据给你看`: no sayer before it) or affirmed after the demand (see reasserts: `到处说公司骗人的，证据呢？
 * 公司就是骗人`).
 */
export function demandsProof(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SAYER_BEFORE.test(text.slice(edgeBefore(text, c.start, CLAUSE_END), c.start))) return false
  const after = text.slice(c.end, edgeAfter(text, c.end, SENTENCE_END))
  return (
    SAYER_AFTER.test(after) && PROOF_DEMANDED.test(after) && !stillPitches(text, c, allowDomains) && !reasserts(text, c)
  )
}

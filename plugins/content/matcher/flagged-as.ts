import type { Candidate } from './allow-filter.js'
import { stillPitches } from './pitch-guard.js'

/** A sentence's end. */
const SENTENCE_END = /[。！!？?\n]/u
/** What flags messages: the bot, the system, a filter, a review, an algorithm. */
const FLAGGER = /机器人|系统|bot|AI|过滤|审核|风控|算法|程序|自动/iu
/**
 * A verb of judging something as a category, right before the hit, past a quotation mark or 是 (`判成`, `判为`,
 * `识别成`, `当成`, `标记为`, `误判为`).
 */
const JUDGED_AS = /(?:误判|判|判定|识别|认|当|标|标记|归|算|划)(?:成|为|作)(?:了)?(?:是)?["“「『]?$/u

/**
 * True for a hit a filter is said to have judged something as: a verb of judging right before it (see JUDGED_AS)
 * and the bot, the system or a filter earlier in the sentence (see FLAGGER). The message complains of a false flag
 * (`系统把正常的报价单识别成赌博了`, `机器人把“下周一注意”判成下注`), no pitch; one that still pitches (see stillPitches:
 * `机器人把我判成赌博，想玩的加我V信`) keeps the hit.
 */
export function namesFlag(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!JUDGED_AS.test(text.slice(Math.max(0, c.start - 6), c.start))) return false
  let from = c.start
  while (from > 0 && !SENTENCE_END.test(text[from - 1])) from--
  return FLAGGER.test(text.slice(from, c.start)) && !stillPitches(text, c, allowDomains)
}

/**
 * A term given as an example of what a warning warns against, in the clause after it: `不要点来路不明的链接，尤其是什么
 * 免费领取`. It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { pitchesAround, stillPitches } from './pitch-guard.js'
import { withoutWordNegations } from './talked-about-words.js'
import { offersOwn } from './own-offers.js'

/** An item of a list, without a separator or the speaker: `领红包`, `扫码进群` (f45). */
const ITEM = '[^，,；;。！!？?\\n、和或及我]{1,8}'
/** Items of a list before the term, each closed by its separator: `领红包、` (f45). */
const LISTED = `(?:${ITEM}[、和或及])*`

/**
 * The start of a clause that gives an example of what the clause before named, right before the term: `尤其是`,
 * `特别是什么`, `比如那种`, `例如所谓的`, maybe past a verb of saying what it says (`尤其是那种说`, `特别是写着`) and
 * the items listed before the term (`尤其是领红包、`; f45).
 */
const EXAMPLE_BEFORE = new RegExp(
  `[，,；;：:]\\s*(?:尤其|特别|比如|例如|譬如|像|包括)(?:是)?(?:什么|那种|这种|这类|那类|那些|这些|一些|所谓的?)?(?:说|写着?|标着?|号称|打着)?(${LISTED})$`,
  'u',
)
/**
 * A warning or a prohibition in the clause before the example: `不要点`, `别信`, `切勿`, `谨防`, `小心`, `警惕`.
 */
const WARNING_BEFORE =
  /(?:禁止|严禁|不允许|不可以|不要|不准|不许|不能|不得|千万别|别|切勿|请勿|勿|谨防|小心|警惕|当心|提防|注意防范)[^，,；;。！!？?\n]*[，,；;：:]\s*[^，,；;。！!？?\n]*$/u

/**
 * A 别 or 不要 that urges rather than warns, in the clause before the example: not to wait or be shy (`别犹豫`,
 * `千万别错过`, `不要害羞`, `别怕`), or not to go to another seller (`不要去别家`, `别找别人`); rev2.
 */
const URGED_BEFORE =
  /(?:不要|别|勿)(?:再|太|总)?(?:犹豫|错过|怕|害羞|客气|不信|等|观望|担心|纠结|迟疑|后悔|急|慌|[去找买选问看](?:别家|别人|其他|外面|同行))[^，,；;。！!？?\n]*[，,；;：:]\s*[^，,；;。！!？?\n]*$/u

/**
 * The speaker saying they have what the example names, or vouching for their own, after it: `我这里有`, `真的在我这`,
 * `找我`, `我这个是真的`; rev2.
 */
const SPEAKER_HAS =
  /我(?:这里?|这边|手上|手里)(?:有|就有|都有)|在我这|找我|我(?:这个?|这里|这边|们的?)?才?是(?:真的|正规|靠谱)/u

/**
 * The end of the example right after the term, maybe past the rest of its item and more items of its list
 * (`返利、日结兼职`; f45: the first group), 的 or a word that closes it (`之类的`, `这种`, `等`): the clause says no
 * more of it (`例如进货价我手上有` goes on to offer it).
 */
const EXAMPLE_END = new RegExp(
  `^((?:${ITEM}(?=[、和或及]))?(?:[、和或及]${ITEM})*)(?:的|之类的?|这种|这类|那种|等|什么的)?(?:[，,；;。！!？?\\n]|$)`,
  'u',
)

/**
 * True for a term right after a clause start that gives an example (see EXAMPLE_BEFORE) of a warning or a
 * prohibition in the clause before (see WARNING_BEFORE), the example ending with it (see EXAMPLE_END): the term is
 * what not to trust, not offered (`别乱加群，比如什么兼职日结`, `别信陌生来电，特别是那种说内部价的`), and so is every item
 * of a list of examples (`严禁拉人，尤其是兼职刷单、扫码进群这种`; f45), the other items left out of the guard's reading
 * as the hit is. An example with no
 * warning before (`好东西多，尤其是免费领取`; 别 inside a word is none: `特别刺激`), after an urging (see URGED_BEFORE:
 * `别犹豫，尤其是那种一夜情`), an example the clause goes on to offer (`禁止外传，例如进货价我手上有`) and
 * the speaker saying they have it (see SPEAKER_HAS: `…，特别是那种约炮的，我这里有`) and
 * a message that still pitches or pitches around the term (see stillPitches, pitchesAround: `…，尤其是免费领取，加我微信
 * 免费领取`) stay hits.
 */
export function warnsByExample(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  const end = EXAMPLE_END.exec(text.slice(c.end, c.end + 40))
  if (end === null || SPEAKER_HAS.test(text.slice(c.end))) return false
  const from = Math.max(0, c.start - 40)
  const lead = EXAMPLE_BEFORE.exec(text.slice(from, c.start))
  if (lead === null) return false
  // A 别 inside a word (特别, 区别) warns of nothing.
  const before = withoutWordNegations(text).slice(from, c.start)
  if (!WARNING_BEFORE.test(before) || URGED_BEFORE.test(before)) return false
  // The hit's own words may be the guard's (日赚), and so may the other items of its list (扫码进群): the rest of the
  // message is asked whether it pitches.
  const listFrom = c.start - (lead[1]?.length ?? 0)
  const listTo = c.end + end[1].length
  // The speaker's own offer around the list (`…，我这边代充八折`; rev45).
  if (offersOwn(text, listFrom, listTo)) return false
  const rest = text.slice(0, listFrom) + '　'.repeat(listTo - listFrom) + text.slice(listTo)
  return !stillPitches(rest, c, allowDomains) && !pitchesAround(text, c.start, c.end)
}

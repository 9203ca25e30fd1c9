/**
 * Readings of a sound-alike as the name of a body (a committee, an office, a team) that a sentence starts with and
 * tells what it does. They run on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { SOUND_KINDS } from './expand.js'
import { isWordAt } from './expansion-data.js'
import { offers } from './talked-about-offers.js'

/**
 * A body's last character after the abbreviation of what it is for: 会 (家委会, 业委会), 办 (综治办), 部, 组, 处, 科,
 * 队, 社, 团.
 */
const BODY_ENDS = new Set('会办部组处科队社团')
/** The text's start or what starts a clause before the body's name, maybe past a word of time (`明天家委会开会`). */
const CLAUSE_START =
  /(?:^|[\s\p{P}])(?:今天|明天|后天|昨天|上午|下午|晚上|今晚|这周|下周|上周|周[一二三四五六日末]|月底)?$/u
/**
 * What a body does or when, right after its name: a word of time (`明天`, `下周`, `周五`) or a meeting's verb (开会,
 * 召开, 讨论, 决定, 商量, 投票, 表决). Not 通知 or 组织, which a modal 会 takes as well (`佳维会通知你`).
 */
const BODY_DOES =
  /^(?:今天|明天|后天|昨天|上午|下午|晚上|今晚|这周|下周|上周|周[一二三四五六日末]|月底|开会|召开|讨论|决定|商量|投票|表决)/u

/**
 * True for a two-character form by sound that swaps both of the term's characters, starts its clause and is followed
 * by a body's last character (BODY_ENDS) that makes no word with what follows, then by what the body does or when
 * (BODY_DOES): the name of a committee or an office (`家委会明天开会`, `佳维组下周值班`), not the term. A form that
 * keeps a term's character (`加薇会明天…`), a body's character in a word (`佳威会员`), a form after other words
 * (`想要的家委会发你`), a form before something else (`家委会发你资料`) and a message that offers the reader something
 * (`想领资料的，家委会明天发你`: 会 a modal there) stay hits.
 */
export function namesBody(text: string, c: Candidate): boolean {
  if (!SOUND_KINDS.has(c.kind) || c.end - c.start !== 2 || c.term.length !== 2) return false
  if (text[c.start] === c.term[0] || text[c.start + 1] === c.term[1]) return false
  const body = text[c.end]
  if (body === undefined || !BODY_ENDS.has(body)) return false
  if (!CLAUSE_START.test(text.slice(Math.max(0, c.start - 3), c.start))) return false
  if (c.end + 1 >= text.length || isWordAt(text, c.end)) return false
  return BODY_DOES.test(text.slice(c.end + 1, c.end + 4)) && !offers(text, c.start, c.end)
}

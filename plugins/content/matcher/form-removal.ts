/**
 * A hit whose 去 is the verb of removing, before what is dead on a body or a coat (`磨砂膏去死皮`, `这把梳子去死毛`):
 * grooming, not a wish of death. It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { pitchesOrAims } from './pitch-guard.js'

/** What is dead on a body, a coat or a plant that one removes, right after 死: 死皮, 死毛, 死茧, 死角质, 死细胞, 死鳞. */
const DEAD_MATTER = /^(?:毛(?!病)|皮|茧|角质|细胞|鳞|叶|枝|根|甲)/u
/** Who is told to go right before 去: `你去死`, `快去死`, `滚去死` wish death whatever follows. */
const TOLD_BEFORE = /[你他她滚快赶紧]$/u

/**
 * True for a hit written 去死 as it stands whose 死 starts a word for dead matter after it (see DEAD_MATTER): `长毛猫
 * 用这把梳子去死毛`, `磨砂膏去死皮`. `你去死皮都不剩`, `快去死毛病多`, a message that aims it at someone (`@张三`,
 * `楼上`) or still pitches (see pitchesOrAims) stay hits.
 */
export function removesDeadMatter(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (text[c.end - 1] !== '死' || text[c.end - 2] !== '去' || c.end - c.start !== 2) return false
  if (!DEAD_MATTER.test(text.slice(c.end, c.end + 2)) || TOLD_BEFORE.test(text.slice(0, c.start))) return false
  return !pitchesOrAims(text, c, allowDomains)
}

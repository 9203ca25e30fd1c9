import { COMMON_RANK, expansionTables } from './expansion-data.js'
import { normalizeText } from './normalize.js'

/**
 * The radical forms that write the left part of a character and hardly stand alone in text (扌 for 手, 亻
 * for 人, 氵 for 水, 讠 for 言, …): a character split into one of them and a component (`扌立` for 拉, `亻固`
 * for 個) is read joined again.
 */
export const RADICAL_FORMS = '扌亻氵讠忄纟钅饣犭礻衤'
/** Finds the radical forms of a text one by one (global: exec goes on from lastIndex). */
const RADICAL_FORM = new RegExp(`[${RADICAL_FORMS}]`, 'g')

/** The most frequent common character of each split written as a radical form and one component (扌立 拉). */
let joins: Map<string, string> | undefined

/** The joined character of each radical-form split (see joins), built on first use from the expansion tables. */
function joinsOfSplits(): Map<string, string> {
  if (joins !== undefined) return joins
  const tables = expansionTables()
  const best = new Map<string, { char: string; rank: number }>()
  for (const [char, list] of tables.splits) {
    if (char.length !== 1) continue
    // A traditional character (個) ranks as the simplified one it folds to (个).
    const folded = normalizeText(char).text
    const rank = Math.min(tables.rank.get(char) ?? Infinity, tables.rank.get(folded) ?? Infinity)
    if (rank > COMMON_RANK) continue
    for (const split of list.split('\t')) {
      const parts = [...split]
      if (parts.length !== 2 || !RADICAL_FORMS.includes(parts[0]) || parts[1].length !== 1) continue
      const known = best.get(split)
      if (known === undefined || rank < known.rank) best.set(split, { char, rank })
    }
  }
  joins = new Map([...best].map(([split, { char }]) => [split, char]))
  return joins
}

/**
 * The text with every radical form followed by a component written joined as the common character they
 * split (`扌立圾` 拉 圾, `亻固人` 個 人, normalised to 个 as every traditional character is), the radical form's
 * place taken by the character and the component's by a zero-width space (a separator), so that offsets
 * stay; null when it has none. The matcher scans this text too, as it does textWithEmojiGaps: the joined
 * character then takes every expansion a written one does (拉圾 a homophone of 垃圾).
 */
export function textWithJoinedSplits(text: string): string | null {
  RADICAL_FORM.lastIndex = 0
  let at = RADICAL_FORM.exec(text)
  if (at === null) return null
  const table = joinsOfSplits()
  // Copied only when a split joins (most texts with a radical form hold none): the part before it, the join.
  let out: string | null = null
  let from = 0
  for (; at !== null; at = RADICAL_FORM.exec(text)) {
    const i = at.index
    const joined = table.get(text.slice(i, i + 2))
    if (joined === undefined) continue
    out = `${out ?? ''}${text.slice(from, i)}${joined}\u200b`
    from = i + 2
    RADICAL_FORM.lastIndex = from
  }
  return out === null ? null : out + text.slice(from)
}

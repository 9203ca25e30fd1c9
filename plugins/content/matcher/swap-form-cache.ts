import { EXPANSION_KINDS, swapFormsWith, type Expansion, type ExpansionKind } from './expand.js'
import { swapAlternativesOf, swapTakenOf, type TermIndex } from './term-index.js'

/**
 * Terms whose swap forms a matcher keeps, those not used for longest out first (see SwapForms): about 19 MB of
 * heap when full (measured with the expansion tables' caches, which scans no longer fill). At 4,096 the bench's 100k-term rounds (chat and
 * uniform text, about 3,000 candidate terms a MB each) evicted each other's terms: scan 3 MB/s, 27 at 16,384.
 */
export const SWAP_FORMS_CACHED = 16384

/** Separators of a term's list of swap forms (see SwapForms): before each key, and between a key and its kind. */
const ENTRY = '\u0000'
const KIND = '\u0001'

/**
 * What SwapForms.formOf looks for in a term's list: the folded key between its separators, made once per
 * hit however many terms the hit is checked against.
 */
export function formNeedle(key: string): string {
  return `${ENTRY}${key}${KIND}`
}

/**
 * The swap forms of the terms a matcher's hits were checked against (swapFormsWith the alternatives and
 * taken keys the index keeps, worked out on a term's first candidate hit: no expansion tables) for the
 * `capacity` most recently used terms, near enough: a full cache drops the oldest term not used since it
 * was last passed over (a second chance, "clock"), so a hit only sets a flag instead of moving its term
 * to the end of the map (the move, a delete and an insert, was 4% of the 100k bench scan). Each term's
 * as one string, under 1 KB where a map would take ~10 KB: per form ENTRY, its key, KIND, its kind's
 * index in EXPANSION_KINDS, and its form unless that is the key; then a last ENTRY.
 */
export class SwapForms {
  private readonly terms = new Map<number, string>()
  /** 1 for a kept term used since it was added or last passed over (by swap owner). */
  private readonly used: Uint8Array

  constructor(
    private readonly index: TermIndex,
    readonly capacity = SWAP_FORMS_CACHED,
  ) {
    this.used = new Uint8Array(index.swapText.length)
  }

  /** How many terms' forms are kept. */
  get size(): number {
    return this.terms.size
  }

  /**
   * The swap form that folds to `key` of swap owner `owner`'s term or phrase, whose category expands `kinds`
   * (`needle`: formNeedle of the key, when the caller has it).
   */
  formOf(
    owner: number,
    kinds: ReadonlySet<ExpansionKind>,
    key: string,
    needle = formNeedle(key),
  ): Expansion | undefined {
    let list = this.terms.get(owner)
    if (list === undefined) {
      const term = this.index.texts[this.index.swapText[owner]]
      const alternatives = swapAlternativesOf(this.index, owner)
      const entries = swapFormsWith(term, kinds, alternatives, swapTakenOf(this.index, owner)).map(
        e => `${e.key}${KIND}${EXPANSION_KINDS.indexOf(e.kind)}${e.form === e.key ? '' : e.form}`,
      )
      list = `${ENTRY}${entries.join(ENTRY)}${ENTRY}`
      if (this.terms.size >= this.capacity) this.dropOne()
      this.terms.set(owner, list)
    } else this.used[owner] = 1
    const at = list.indexOf(needle)
    if (at < 0) return undefined
    const from = at + key.length + 2
    const form = list.slice(from + 1, list.indexOf(ENTRY, from))
    return { form: form === '' ? key : form, kind: EXPANSION_KINDS[list.charCodeAt(from) - 0x30], key }
  }

  /** Drops the oldest term not used since it was last passed over; the used ones passed over go to the end. */
  private dropOne(): void {
    for (;;) {
      const [oldest, list] = this.terms.entries().next().value!
      this.terms.delete(oldest)
      if (this.used[oldest] === 0) return
      this.used[oldest] = 0
      this.terms.set(oldest, list)
    }
  }
}

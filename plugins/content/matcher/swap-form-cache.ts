import { EXPANSION_KINDS, swapFormsWith, type Expansion, type ExpansionKind } from './expand.js'
import { swapAlternativesOf, swapTakenOf, type TermIndex } from './term-index.js'

/**
 * Terms whose swap forms a matcher keeps, least recently used out first (see SwapForms): about 19 MB of
 * heap when full (measured with the expansion tables' caches, which scans no longer fill). At 4,096 the bench's 100k-term rounds (chat and
 * uniform text, about 3,000 candidate terms a MB each) evicted each other's terms: scan 3 MB/s, 27 at 16,384.
 */
export const SWAP_FORMS_CACHED = 16384

/** Separators of a term's list of swap forms (see SwapForms): before each key, and between a key and its kind. */
const ENTRY = '\u0000'
const KIND = '\u0001'

/**
 * The swap forms of the terms a matcher's hits were checked against (swapFormsWith the alternatives and
 * taken keys the index keeps, worked out on a term's first candidate hit: no expansion tables) for the
 * `capacity` most recently used terms. Each term's as one string, under 1 KB where a map would take
 * ~10 KB: per form ENTRY, its key, KIND, its kind's index in EXPANSION_KINDS, and its form unless that is
 * the key; then a last ENTRY.
 */
export class SwapForms {
  private readonly terms = new Map<number, string>()

  constructor(
    private readonly index: TermIndex,
    readonly capacity = SWAP_FORMS_CACHED,
  ) {}

  /** How many terms' forms are kept. */
  get size(): number {
    return this.terms.size
  }

  /** The swap form that folds to `key` of swap owner `owner`'s term or phrase, whose category expands `kinds`. */
  formOf(owner: number, kinds: ReadonlySet<ExpansionKind>, key: string): Expansion | undefined {
    let list = this.terms.get(owner)
    if (list === undefined) {
      const term = this.index.texts[this.index.swapText[owner]]
      const alternatives = swapAlternativesOf(this.index, owner)
      const entries = swapFormsWith(term, kinds, alternatives, swapTakenOf(this.index, owner)).map(
        e => `${e.key}${KIND}${EXPANSION_KINDS.indexOf(e.kind)}${e.form === e.key ? '' : e.form}`,
      )
      list = `${ENTRY}${entries.join(ENTRY)}${ENTRY}`
      if (this.terms.size >= this.capacity) this.terms.delete(this.terms.keys().next().value!)
    } else this.terms.delete(owner)
    this.terms.set(owner, list)
    const at = list.indexOf(`${ENTRY}${key}${KIND}`)
    if (at < 0) return undefined
    const from = at + key.length + 2
    const form = list.slice(from + 1, list.indexOf(ENTRY, from))
    return { form: form === '' ? key : form, kind: EXPANSION_KINDS[list.charCodeAt(from) - 0x30], key }
  }
}

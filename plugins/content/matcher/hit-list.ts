/**
 * The raw hits of a key scan (see scanKeyStarts, scanKeys) as flat triples [class key, end offset (exclusive),
 * tail] in one Int32Array that a matcher reuses from message to message: emptying it is one store, not an
 * array length change (a runtime call on every message with a hit), and once grown a message's hits
 * allocate nothing. `ints` holds `length` values; it is replaced (not grown in place) when it fills.
 */
export class HitList {
  ints = new Int32Array(96)
  length = 0

  /** Adds one hit. */
  push(key: number, end: number, tail: number): void {
    let ints = this.ints
    const at = this.length
    if (at + 3 > ints.length) {
      ints = new Int32Array(ints.length * 2)
      ints.set(this.ints)
      this.ints = ints
    }
    ints[at] = key
    ints[at + 1] = end
    ints[at + 2] = tail
    this.length = at + 3
  }
}

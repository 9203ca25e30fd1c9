/** A growable Int32Array. */
export class Int32Buffer {
  data: Int32Array
  length = 0

  /**
   * Room for `capacity` values before the first growth: a list whose size is known about in advance is
   * not copied as it grows (each copy touches new memory, a page fault per page; room never written
   * touches none).
   */
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity)
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = value
  }

  toArray(): Int32Array {
    return this.data.slice(0, this.length)
  }

  /**
   * The values so far without a copy (a view of the buffer's own memory, which it writes on): for lists
   * used once the buffer is done with, where a copy would only touch new memory (a page fault per page).
   */
  view(): Int32Array {
    return this.data.subarray(0, this.length)
  }
}

/**
 * Keys of codes (code points or alphabet codes) back to back in one array: key i is
 * codes[offsets[i]..offsets[i + 1]). A build over millions of keys keeps two arrays instead of one
 * typed array object per key (at 100k terms, millions of objects the garbage collector kept walking).
 */
export interface KeyList {
  codes: Int32Array
  /** count + 1 entries, offsets[0] = 0. */
  offsets: Int32Array
}

/** A KeyList built key by key. */
export class KeyListBuilder {
  readonly codes: Int32Buffer
  readonly ends: Int32Buffer

  /** Room for about `keys` keys of `codes` codes in all (see Int32Buffer). */
  constructor(keys = 1024, codes = 1024) {
    this.codes = new Int32Buffer(codes)
    this.ends = new Int32Buffer(keys)
  }

  /** How many keys were added. */
  get count(): number {
    return this.ends.length
  }

  /** Ends the key whose codes were pushed since the previous one. */
  end(): void {
    this.ends.push(this.codes.length)
  }

  toKeyList(): KeyList {
    return { codes: this.codes.toArray(), offsets: this.offsets() }
  }

  /** The keys so far, their codes without a copy (see Int32Buffer.view). */
  view(): KeyList {
    return { codes: this.codes.view(), offsets: this.offsets() }
  }

  private offsets(): Int32Array {
    const offsets = new Int32Array(this.ends.length + 1)
    offsets.set(this.ends.data.subarray(0, this.ends.length), 1)
    return offsets
  }
}

/** The number of keys in the list. */
export function keyCount(keys: KeyList): number {
  return keys.offsets.length - 1
}

/** Non-negative ids: as 16-bit values when they all fit (half the memory of a big dictionary's tables), else 32-bit. */
export type IdArray = Uint16Array | Int32Array
/** Ids from -1 up (-1 for none): as 16-bit values when they all fit, else 32-bit. */
export type SignedIdArray = Int16Array | Int32Array

/** The ids (each below `bound`) as an IdArray: 16-bit when `bound` allows. */
export function narrowIds(ids: Int32Array, bound: number): IdArray {
  return bound <= 0x10000 ? Uint16Array.from(ids) : ids
}

/** The ids (each from -1 up to below `bound`) as a SignedIdArray: 16-bit when `bound` allows. */
export function narrowSignedIds(ids: Int32Array, bound: number): SignedIdArray {
  return bound <= 0x8000 ? Int16Array.from(ids) : ids
}

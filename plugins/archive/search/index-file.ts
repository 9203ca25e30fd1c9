import { closeSync, fsyncSync, openSync, readSync, renameSync, writeSync } from 'node:fs'
import { open, rename } from 'node:fs/promises'
import type { PostingLayout } from './live-postings.js'
import { FILE_MODE } from '../store/modes.js'

const MAGIC = 0x31584941 // 'AIX1'
const HEADER = 32
/** One key in this many is kept in memory; a look-up reads one block of keys from the file. */
const SAMPLE = 64

/**
 * One immutable segment of the n-gram index: the postings (ascending doc
 * numbers) of every key of the docs in [from, to). Written once, never
 * edited. Layout, little-endian: a 32-byte header (magic, version, key count,
 * from, to), the keys sorted (float64), the posting offsets (uint32, count + 1)
 * and the postings (uint32). Memory held per open file: one key in 64.
 */
export class IndexFile {
  private sample: Float64Array
  private keysAt = HEADER
  private offsetsAt: number
  private postingsAt: number

  private constructor(
    private fd: number,
    readonly from: number,
    readonly to: number,
    private count: number,
  ) {
    this.offsetsAt = this.keysAt + count * 8
    this.postingsAt = this.offsetsAt + (count + 1) * 4
    this.sample = new Float64Array(Math.ceil(count / SAMPLE))
    const keys = this.read(this.keysAt, count * 8)
    for (let i = 0; i < this.sample.length; i++) this.sample[i] = keys.readDoubleLE(i * SAMPLE * 8)
  }

  /** Open a written segment; throws when it is not one. */
  static open(path: string): IndexFile {
    const fd = openSync(path, 'r')
    try {
      const h = Buffer.alloc(HEADER)
      readSync(fd, h, 0, HEADER, 0)
      if (h.readUInt32LE(0) !== MAGIC) throw new Error(`${path}: not an archive index segment`)
      return new IndexFile(fd, h.readUInt32LE(12), h.readUInt32LE(16), h.readUInt32LE(8))
    } catch (e) {
      closeSync(fd)
      throw e
    }
  }

  /**
   * Write the postings of docs [from, to) to `path` (through a temporary file, fsynced, then
   * renamed, so a crash leaves the old state or the whole segment). Asynchronous: the event
   * loop keeps running while it is written.
   */
  static async write(path: string, from: number, to: number, postings: PostingLayout): Promise<void> {
    const tmp = `${path}.tmp`
    const f = await open(tmp, 'w', FILE_MODE)
    try {
      for (const part of parts(from, to, postings)) await f.write(part)
      await f.sync()
    } finally {
      await f.close()
    }
    await rename(tmp, path)
  }

  /** {@link IndexFile.write}, synchronously (at stop: no turn after it). */
  static writeNow(path: string, from: number, to: number, postings: PostingLayout): void {
    const tmp = `${path}.tmp`
    const fd = openSync(tmp, 'w', FILE_MODE)
    try {
      for (const part of parts(from, to, postings)) {
        for (let done = 0; done < part.length; ) done += writeSync(fd, part, done)
      }
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, path)
  }

  /** The docs holding `key`, ascending (empty when none). */
  postings(key: number): Uint32Array {
    const i = this.find(key)
    if (i < 0) return new Uint32Array(0)
    const o = this.read(this.offsetsAt + i * 4, 8)
    const start = o.readUInt32LE(0)
    const n = o.readUInt32LE(4) - start
    const b = this.read(this.postingsAt + start * 4, n * 4)
    return new Uint32Array(b.buffer, b.byteOffset, n)
  }

  /** Every posting of the segment, read back whole (to merge it into a larger one). */
  layout(): PostingLayout {
    const k = this.read(this.keysAt, this.count * 8)
    const o = this.read(this.offsetsAt, (this.count + 1) * 4)
    const offsets = new Uint32Array(o.buffer, o.byteOffset, this.count + 1)
    const p = this.read(this.postingsAt, offsets[this.count] * 4)
    const docs = new Uint32Array(p.buffer, p.byteOffset, offsets[this.count])
    return { keys: new Float64Array(k.buffer, k.byteOffset, this.count), offsets, docs }
  }

  /** Release the file. */
  close(): void {
    closeSync(this.fd)
  }

  /** Index of `key` among the keys, or -1. */
  private find(key: number): number {
    let lo = 0
    let hi = this.sample.length - 1
    if (hi < 0 || key < this.sample[0]) return -1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.sample[mid] <= key) lo = mid
      else hi = mid - 1
    }
    const first = lo * SAMPLE
    const n = Math.min(SAMPLE, this.count - first)
    const b = this.read(this.keysAt + first * 8, n * 8)
    const block = new Float64Array(b.buffer, b.byteOffset, n)
    let a = 0
    let z = n - 1
    while (a <= z) {
      const m = (a + z) >> 1
      if (block[m] === key) return first + m
      if (block[m] < key) a = m + 1
      else z = m - 1
    }
    return -1
  }

  /** `n` bytes at `pos`, in a fresh 8-aligned buffer (so typed views over it are allowed). */
  private read(pos: number, n: number): Buffer {
    const b = Buffer.from(new ArrayBuffer(n))
    let got = 0
    while (got < n) {
      const r = readSync(this.fd, b, got, n - got, pos + got)
      if (!r) throw new Error('archive index segment is truncated')
      got += r
    }
    return b
  }
}

/** A segment file's bytes, in the order written: header, keys, offsets, postings. */
function parts(from: number, to: number, { keys, offsets, docs }: PostingLayout): Uint8Array[] {
  const header = Buffer.alloc(HEADER)
  header.writeUInt32LE(MAGIC, 0)
  header.writeUInt32LE(1, 4)
  header.writeUInt32LE(keys.length, 8)
  header.writeUInt32LE(from, 12)
  header.writeUInt32LE(to, 16)
  return [header, keys, offsets, docs].map(p => new Uint8Array(p.buffer, p.byteOffset, p.byteLength))
}

import type { ArchiveRecord } from '../capture/record.js'

/**
 * The fields of a record as `recordOf` makes them, in its order (`JSON.stringify` writes them in that order):
 * what `encodeRecordLine` writes. The bot's own records (`fromBot`, made in another order) and records with a
 * quote or an attachment are left to `JSON.stringify`.
 */
export const ENCODED_FIELDS = [
  'v',
  'seq',
  'id',
  'at',
  'chat',
  'topic',
  'sender',
  'type',
  'text',
  'mentions',
  'mentionsAll',
  'quote',
  'attachment',
  'recalls',
  'rawKind',
  'prev',
] as const

/**
 * At most how many bytes `encodeRecordLine` writes for `r`: 3 bytes of UTF-8 a UTF-16 code unit at most, and the
 * field names, quotes, separators and numbers.
 */
export function recordLineBound(r: ArchiveRecord): number {
  let chars = r.id.length + r.chat.length + r.type.length + r.text.length
  chars += (r.topic?.length ?? 0) + (r.recalls?.length ?? 0) + (r.rawKind?.length ?? 0)
  chars += (r.sender.id?.length ?? 0) + (r.sender.name?.length ?? 0) + (r.prev?.length ?? 0) + 16
  const mentions = r.mentions
  for (let i = 0; i < mentions.length; i++) chars += (mentions[i]?.length ?? 0) + 1
  return 3 * chars + 256
}

/**
 * Write `r`'s line into `buf` from `at`, byte for byte what `Buffer.from(JSON.stringify(r))` holds, without the
 * string `JSON.stringify` makes (about 0.5 KB a message, its two-byte text a second part) nor its flattening by the
 * write. Returns where the line ends, or -1 when the record is one to leave to `JSON.stringify` (written by the bot,
 * a quote or an attachment, a string `JSON.stringify` would escape, a number that is not a whole number).
 * `buf` needs `recordLineBound(r)` bytes from `at`; bytes after a -1 are left as scratch.
 */
export function encodeRecordLine(r: ArchiveRecord, buf: Buffer, at: number): number {
  if (r.fromBot !== undefined || r.quote !== undefined || r.attachment !== undefined) return -1
  let p = ascii('{"v":', buf, at)
  p = int(r.v, buf, p)
  p = int(r.seq, buf, ascii(',"seq":', buf, p))
  p = str(r.id, buf, ascii(',"id":', buf, p))
  p = int(r.at, buf, ascii(',"at":', buf, p))
  p = str(r.chat, buf, ascii(',"chat":', buf, p))
  if (r.topic !== undefined) p = str(r.topic, buf, ascii(',"topic":', buf, p))
  p = str(r.sender.id, buf, ascii(',"sender":{"id":', buf, p))
  p = str(r.sender.name, buf, ascii(',"name":', buf, p))
  p = str(r.type, buf, ascii('},"type":', buf, p))
  p = str(r.text, buf, ascii(',"text":', buf, p))
  p = ascii(',"mentions":[', buf, p)
  const mentions = r.mentions
  for (let i = 0; i < mentions.length; i++) p = str(mentions[i], buf, i ? ascii(',', buf, p) : p)
  p = ascii(']', buf, p)
  if (r.mentionsAll !== undefined) p = r.mentionsAll === true ? ascii(',"mentionsAll":true', buf, p) : -1
  if (r.recalls !== undefined) p = str(r.recalls, buf, ascii(',"recalls":', buf, p))
  if (r.rawKind !== undefined) p = str(r.rawKind, buf, ascii(',"rawKind":', buf, p))
  if (r.prev !== undefined) p = str(r.prev, buf, ascii(',"prev":', buf, p))
  return ascii('}', buf, p)
}

/** Write ASCII `s` (no escapes in it) at `p`; -1 stays -1. */
function ascii(s: string, buf: Buffer, p: number): number {
  if (p < 0) return p
  for (let i = 0; i < s.length; i++) buf[p + i] = s.charCodeAt(i)
  return p + s.length
}

/** Write a whole number ≥ 0 as JSON does; -1 for anything else (or when `p` is -1). */
function int(x: number, buf: Buffer, p: number): number {
  if (p < 0 || !Number.isSafeInteger(x) || x < 0) return -1
  let digits = 1
  for (let t = x; t >= 10; t = Math.floor(t / 10)) digits++
  let t = x
  for (let i = p + digits - 1; i >= p; i--) {
    buf[i] = 0x30 + (t % 10)
    t = Math.floor(t / 10)
  }
  return p + digits
}

/**
 * Write `s` as a JSON string in UTF-8; -1 when it is not a string or holds what `JSON.stringify` escapes (a
 * control character, a quote, a backslash, a lone surrogate). ASCII is copied as it is read; a string with more
 * goes to the buffer's UTF-8 encoder whole, once checked.
 */
function str(s: string, buf: Buffer, p: number): number {
  if (p < 0 || typeof s !== 'string') return -1
  buf[p] = 0x22
  const n = s.length
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0x80) return wide(s, i, buf, p)
    if (c < 0x20 || c === 0x22 || c === 0x5c) return -1
    buf[p + 1 + i] = c
  }
  buf[p + 1 + n] = 0x22
  return p + 2 + n
}

/** `str` from the first code unit past ASCII (`from`): checked to its end, then encoded whole after the quote at `p`. */
function wide(s: string, from: number, buf: Buffer, p: number): number {
  const n = s.length
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x20 || c === 0x22 || c === 0x5c) return -1
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0
      if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) return -1
      i++
    }
  }
  const end = p + 1 + buf.write(s, p + 1)
  buf[end] = 0x22
  return end + 1
}

/**
 * A minimal TrueType (glyf) subsetter. resvg re-reads the whole font file for
 * every glyph it shapes, so the 10 MB CJK font made one chart take seconds;
 * a font cut down to the characters of that chart keeps it in milliseconds.
 */
import { cmapLookup, isComposite, tables } from './font-read.js'

interface Table {
  tag: string
  data: Buffer
}

function checksum(b: Buffer): number {
  let sum = 0
  for (let i = 0; i < b.length; i += 4) sum = (sum + b.readUInt32BE(i)) >>> 0
  return sum
}

function pad4(b: Buffer): Buffer {
  return b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b
}

function assemble(list: Table[]): Buffer {
  const head = Buffer.alloc(12 + 16 * list.length)
  head.writeUInt32BE(0x00010000, 0)
  head.writeUInt16BE(list.length, 4)
  const pow = 2 ** Math.floor(Math.log2(list.length))
  head.writeUInt16BE(pow * 16, 6)
  head.writeUInt16BE(Math.log2(pow), 8)
  head.writeUInt16BE(list.length * 16 - pow * 16, 10)
  let offset = head.length
  const bodies = list
    .sort((a, b) => (a.tag < b.tag ? -1 : 1))
    .map((t, i) => {
      const body = pad4(t.data)
      head.write(t.tag, 12 + 16 * i, 'latin1')
      head.writeUInt32BE(checksum(body), 16 + 16 * i)
      head.writeUInt32BE(offset, 20 + 16 * i)
      head.writeUInt32BE(t.data.length, 24 + 16 * i)
      offset += body.length
      return body
    })
  return Buffer.concat([head, ...bodies])
}

function tableOf(t: Map<string, Buffer>, tag: string): Buffer {
  const b = t.get(tag)
  if (!b) throw new Error(`font has no ${tag} table`)
  return b
}

/** A copy of a simple-glyph TrueType font with only the glyphs for `text` (and .notdef); layout tables are dropped. */
export function subsetFont(font: Buffer, text: string): Buffer {
  const t = tables(font)
  const need = (tag: string) => tableOf(t, tag)
  const [head, hhea, maxp, loca, glyf, hmtx] = ['head', 'hhea', 'maxp', 'loca', 'glyf', 'hmtx'].map(need)
  const longLoca = head.readInt16BE(50) === 1
  const glyphAt = (gid: number) =>
    longLoca
      ? [loca.readUInt32BE(4 * gid), loca.readUInt32BE(4 * gid + 4)]
      : [loca.readUInt16BE(2 * gid) * 2, loca.readUInt16BE(2 * gid + 2) * 2]
  const lookup = cmapLookup(need('cmap'))
  const codePoints = [...new Set([...text].map(c => c.codePointAt(0)!))].sort((a, b) => a - b)
  const mapped = codePoints.map(cp => [cp, lookup(cp)] as const).filter(([, gid]) => gid)
  const order = [0, ...new Set(mapped.map(([, gid]) => gid))]
  const newId = new Map(order.map((gid, i) => [gid, i]))
  const metrics = hhea.readUInt16BE(34)
  const newGlyf: Buffer[] = [],
    newLoca = Buffer.alloc(4 * (order.length + 1)),
    newHmtx = Buffer.alloc(4 * order.length)
  let offset = 0
  order.forEach((gid, i) => {
    const [s, e] = glyphAt(gid)
    if (isComposite(glyf.subarray(s, e)))
      throw new Error(`glyph ${gid} is composite; only simple-glyph fonts such as Noto Sans SC can be subset`)
    const g = pad4(Buffer.from(glyf.subarray(s, e)))
    newGlyf.push(g)
    newLoca.writeUInt32BE(offset, 4 * i)
    offset += g.length
    newHmtx.writeUInt16BE(hmtx.readUInt16BE(4 * Math.min(gid, metrics - 1)), 4 * i)
    newHmtx.writeInt16BE(
      gid < metrics ? hmtx.readInt16BE(4 * gid + 2) : hmtx.readInt16BE(4 * metrics + 2 * (gid - metrics)),
      4 * i + 2,
    )
  })
  newLoca.writeUInt32BE(offset, 4 * order.length)
  const newHead = Buffer.from(head)
  newHead.writeUInt32BE(0, 8)
  newHead.writeInt16BE(1, 50)
  const newHhea = Buffer.from(hhea)
  newHhea.writeUInt16BE(order.length, 34)
  const newMaxp = Buffer.from(maxp)
  newMaxp.writeUInt16BE(order.length, 4)
  const cmap = cmapFormat12(mapped, newId)
  const post = Buffer.alloc(32)
  post.writeUInt32BE(0x00030000, 0)
  const copied = ['OS/2', 'name'].flatMap(tag => (t.get(tag) ? [{ tag, data: t.get(tag)! }] : []))
  return assemble([
    ...copied,
    { tag: 'head', data: newHead },
    { tag: 'hhea', data: newHhea },
    { tag: 'maxp', data: newMaxp },
    { tag: 'cmap', data: cmap },
    { tag: 'glyf', data: Buffer.concat(newGlyf) },
    { tag: 'loca', data: newLoca },
    { tag: 'hmtx', data: newHmtx },
    { tag: 'post', data: post },
  ])
}

/** A format-12 `cmap` table (platform 3, encoding 10) mapping each code point to its new glyph id. */
function cmapFormat12(mapped: (readonly [number, number])[], newId: Map<number, number>): Buffer {
  const cmap = Buffer.alloc(12 + 16 + 12 * mapped.length)
  cmap.writeUInt16BE(1, 2)
  cmap.writeUInt16BE(3, 4)
  cmap.writeUInt16BE(10, 6)
  cmap.writeUInt32BE(12, 8)
  cmap.writeUInt16BE(12, 12)
  cmap.writeUInt32BE(16 + 12 * mapped.length, 16)
  cmap.writeUInt32BE(mapped.length, 24)
  mapped.forEach(([cp, gid], i) => {
    cmap.writeUInt32BE(cp, 28 + 12 * i)
    cmap.writeUInt32BE(cp, 32 + 12 * i)
    cmap.writeUInt32BE(newId.get(gid)!, 36 + 12 * i)
  })
  return cmap
}

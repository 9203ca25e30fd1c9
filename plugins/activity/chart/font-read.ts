/** Reading TrueType tables: the table directory, Unicode cmap lookups, glyph kinds. */

/** The font's tables by tag. */
export function tables(font: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  for (let i = 0, n = font.readUInt16BE(4); i < n; i++) {
    const rec = 12 + 16 * i
    const offset = font.readUInt32BE(rec + 8)
    out.set(font.toString('latin1', rec, rec + 4), font.subarray(offset, offset + font.readUInt32BE(rec + 12)))
  }
  return out
}

/** Code point -> glyph id from the font's format 12 Unicode cmap (what Noto CJK fonts carry). */
export function cmapLookup(cmap: Buffer): (cp: number) => number {
  const at = Array.from({ length: cmap.readUInt16BE(2) }, (_, i) => cmap.readUInt32BE(8 + 8 * i)).find(
    o => cmap.readUInt16BE(o) === 12,
  )
  if (at === undefined) throw new Error('font has no format 12 Unicode cmap')
  const groups = cmap.readUInt32BE(at + 12)
  return cp => {
    let lo = 0,
      hi = groups - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1,
        g = at + 16 + 12 * mid
      if (cp < cmap.readUInt32BE(g)) hi = mid - 1
      else if (cp > cmap.readUInt32BE(g + 4)) lo = mid + 1
      else return cmap.readUInt32BE(g + 8) + cp - cmap.readUInt32BE(g)
    }
    return 0
  }
}

/** True for a composite glyph (built from other glyphs). */
export function isComposite(glyph: Buffer): boolean {
  return glyph.length >= 10 && glyph.readInt16BE(0) < 0
}

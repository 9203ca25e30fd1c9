import { inflateSync } from 'node:zlib'

/** A decoded 8-bit RGBA PNG. */
export interface DecodedPng {
  width: number
  height: number
  pixels: Buffer
}

/** Decode an 8-bit RGBA, non-interlaced PNG (what resvg writes); throws on anything else. */
export function decodePng(png: Buffer): DecodedPng {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG')
  let p = 8,
    width = 0,
    height = 0
  const idat: Buffer[] = []
  while (p < png.length) {
    const len = png.readUInt32BE(p),
      type = png.toString('latin1', p + 4, p + 8),
      data = png.subarray(p + 8, p + 8 + len)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      if (data[8] !== 8 || data[9] !== 6 || data[12] !== 0) throw new Error('expected 8-bit RGBA, not interlaced')
    }
    if (type === 'IDAT') idat.push(data)
    p += 12 + len
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * 4
  const pixels = Buffer.alloc(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]
      const a = x >= 4 ? pixels[y * stride + x - 4] : 0
      const b = y ? pixels[(y - 1) * stride + x] : 0
      const c = x >= 4 && y ? pixels[(y - 1) * stride + x - 4] : 0
      const pred = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c)
      pixels[y * stride + x] = (v + pred) & 0xff
    }
  }
  return { width, height, pixels }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c,
    pa = Math.abs(p - a),
    pb = Math.abs(p - b),
    pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

/** Number of distinct RGBA colours (1 means a blank image). */
export function distinctColours(pixels: Buffer): number {
  const seen = new Set<number>()
  for (let i = 0; i < pixels.length; i += 4) seen.add(pixels.readUInt32BE(i))
  return seen.size
}

import { createRequire } from 'node:module'
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { DEFAULT_QR_LIMITS, QrImageError, type QrLimits } from './qr-limits.js'

/** jsQR's CommonJS export is the function itself (its typings describe an ES default export). */
const jsQR = createRequire(import.meta.url)('jsqr') as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
  options?: { inversionAttempts?: 'dontInvert' | 'onlyInvert' | 'attemptBoth' | 'invertFirst' },
) => {
  data: string
  location: Record<
    'topLeftCorner' | 'topRightCorner' | 'bottomLeftCorner' | 'bottomRightCorner',
    { x: number; y: number }
  >
} | null

interface Rgba {
  width: number
  height: number
  data: Uint8ClampedArray
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/**
 * The payloads of the QR codes in a PNG or JPEG image, in the order found (duplicates removed).
 * Pure and synchronous: run it off the event queue (a worker) for untrusted images. Throws
 * QrImageError for an unsupported, oversized, broken or too slow image.
 */
export function findQrCodes(
  bytes: Uint8Array,
  limits: QrLimits = DEFAULT_QR_LIMITS,
  now = () => performance.now(),
): string[] {
  const started = now()
  if (bytes.length > limits.maxBytes) {
    throw new QrImageError('too-large', `image of ${bytes.length} bytes is over the ${limits.maxBytes}-byte limit`)
  }
  const image = decode(bytes, limits)
  const found: string[] = []
  // Several codes side by side can hide each other from the locator: the halves are searched too.
  for (const region of [image, ...halves(image)]) {
    if (found.length >= limits.maxCodes) break
    if (now() - started > limits.maxMs) {
      if (found.length > 0) break
      throw new QrImageError('timeout', `no result within ${limits.maxMs} ms`)
    }
    searchRegion(region, found, limits, () => now() - started > limits.maxMs)
  }
  return found
}

/** Reads codes from one region: each code found is painted over and the region searched again. */
function searchRegion(image: Rgba, found: string[], limits: QrLimits, late: () => boolean): void {
  while (found.length < limits.maxCodes && !late()) {
    const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })
    if (!code) return
    if (!found.includes(code.data)) found.push(code.data)
    const { topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner } = code.location
    paintWhite(image, [topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner])
  }
}

/** The left, right, top and bottom halves of an image (copies). */
function halves(image: Rgba): Rgba[] {
  const { width: w, height: h } = image
  const hw = Math.ceil(w / 2)
  const hh = Math.ceil(h / 2)
  return [
    crop(image, 0, 0, hw, h),
    crop(image, w - hw, 0, hw, h),
    crop(image, 0, 0, w, hh),
    crop(image, 0, h - hh, w, hh),
  ]
}

function crop(image: Rgba, x: number, y: number, width: number, height: number): Rgba {
  const data = new Uint8ClampedArray(width * height * 4)
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * image.width + x) * 4
    data.set(image.data.subarray(from, from + width * 4), row * width * 4)
  }
  return { width, height, data }
}

/** Decodes PNG or JPEG bytes to RGBA, checking the pixel limit before allocating the pixels. */
function decode(bytes: Uint8Array, limits: QrLimits): Rgba {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  const isPng = PNG_SIGNATURE.every((b, i) => buffer[i] === b)
  const isJpeg = buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff
  if (!isPng && !isJpeg) throw new QrImageError('unsupported', 'not a PNG or JPEG image')
  if (isPng && buffer.length >= 24) {
    const pixels = buffer.readUInt32BE(16) * buffer.readUInt32BE(20)
    if (pixels > limits.maxPixels) {
      throw new QrImageError('too-large', `image of ${pixels} pixels is over the ${limits.maxPixels}-pixel limit`)
    }
  }
  try {
    if (isPng) {
      const png = PNG.sync.read(buffer)
      return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data) }
    }
    const image = jpeg.decode(buffer, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: limits.maxPixels / 1_000_000,
      maxMemoryUsageInMB: Math.ceil((limits.maxPixels * 4) / 1_000_000) + 64,
    })
    return { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data) }
  } catch (error) {
    const message = (error as Error).message
    if (/maxResolutionInMP|maxMemoryUsageInMB/.test(message)) throw new QrImageError('too-large', message)
    throw new QrImageError('broken', `cannot decode the image: ${message}`)
  }
}

/** Paints the bounding box of a found code white (with a small margin) so the next search skips it. */
function paintWhite(image: Rgba, corners: Array<{ x: number; y: number }>): void {
  const xs = corners.map(c => c.x)
  const ys = corners.map(c => c.y)
  const margin = Math.ceil((Math.max(...xs) - Math.min(...xs)) / 10)
  const x0 = Math.max(0, Math.floor(Math.min(...xs)) - margin)
  const x1 = Math.min(image.width, Math.ceil(Math.max(...xs)) + margin)
  const y0 = Math.max(0, Math.floor(Math.min(...ys)) - margin)
  const y1 = Math.min(image.height, Math.ceil(Math.max(...ys)) + margin)
  for (let y = y0; y < y1; y++) image.data.fill(255, (y * image.width + x0) * 4, (y * image.width + x1) * 4)
}

import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { findQrCodes } from '../../../../plugins/content/qr/find-qr-codes.js'
import { DEFAULT_QR_LIMITS, QrImageError } from '../../../../plugins/content/qr/qr-limits.js'
import { qrFindings } from '../../../../plugins/content/qr/qr-policy.js'
import { compileMatcher, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import { dictionaryOf } from '../matcher/helpers.js'

/** A PNG with one QR code per payload, side by side on a white background. */
async function qrPng(...payloads: string[]): Promise<Buffer> {
  const codes = await Promise.all(payloads.map(p => QRCode.toBuffer(p, { type: 'png', scale: 6, margin: 4 })))
  const images = codes.map(c => PNG.sync.read(c))
  const out = new PNG({
    width: images.reduce((w, i) => w + i.width, 0),
    height: Math.max(...images.map(i => i.height)),
  })
  out.data.fill(255)
  let x = 0
  for (const image of images) {
    PNG.bitblt(image, out, 0, 0, image.width, image.height, x, 0)
    x += image.width
  }
  return PNG.sync.write(out)
}

/** The same picture as a JPEG. */
function toJpeg(png: Buffer): Buffer {
  const image = PNG.sync.read(png)
  return jpeg.encode({ data: image.data, width: image.width, height: image.height }, 90).data
}

describe('findQrCodes', () => {
  it('reads the payload of a QR code in a PNG and in a JPEG', async () => {
    const png = await qrPng('https://weixin.qq.com/g/AQYAAabc123')
    expect(findQrCodes(png)).toEqual(['https://weixin.qq.com/g/AQYAAabc123'])
    expect(findQrCodes(toJpeg(png))).toEqual(['https://weixin.qq.com/g/AQYAAabc123'])
  })

  it('reads every QR code of an image', async () => {
    const png = await qrPng('https://lucky8.top/join', '加我微信 abc123')
    expect(findQrCodes(png).sort()).toEqual(['https://lucky8.top/join', '加我微信 abc123'].sort())
  })

  it('returns nothing for an image without a QR code', () => {
    const blank = new PNG({ width: 64, height: 64 })
    blank.data.fill(255)
    expect(findQrCodes(PNG.sync.write(blank))).toEqual([])
  })

  it('skips broken, unsupported and oversized images with a reason', async () => {
    const png = await qrPng('hello')
    const reason = (bytes: Uint8Array, limits = DEFAULT_QR_LIMITS): string => {
      try {
        findQrCodes(bytes, limits)
        return 'ok'
      } catch (error) {
        return error instanceof QrImageError ? error.reason : 'other'
      }
    }
    expect(reason(png.subarray(0, 200))).toBe('broken')
    expect(reason(Buffer.from('GIF89a....'))).toBe('unsupported')
    expect(reason(png, { ...DEFAULT_QR_LIMITS, maxBytes: 100 })).toBe('too-large')
    expect(reason(png, { ...DEFAULT_QR_LIMITS, maxPixels: 1000 })).toBe('too-large')
    expect(reason(toJpeg(png), { ...DEFAULT_QR_LIMITS, maxPixels: 1000 })).toBe('too-large')
  })

  it('stops searching when the time budget is spent', async () => {
    const png = await qrPng('hello')
    let t = 0
    const clock = (): number => (t += 5000)
    expect(() => findQrCodes(png, DEFAULT_QR_LIMITS, clock)).toThrow(QrImageError)
  })
})

describe('qrFindings', () => {
  const matcher = compileMatcher({
    ...dictionaryOf({ contact: ['加我微信'] }, ['mp.weixin.qq.com', 'example-water.com']),
  })

  it('makes a WeChat group invitation an ad finding with the payload as evidence', () => {
    expect(qrFindings(['https://weixin.qq.com/g/AQYAAabc123'], matcher)).toEqual([
      { category: 'ad', payload: 'https://weixin.qq.com/g/AQYAAabc123', reason: 'invite', host: 'weixin.qq.com' },
    ])
  })

  it('reports a URL whose host is not allowed, and not one that is', () => {
    expect(qrFindings(['https://lucky8.top/join'], matcher)).toEqual([
      { category: 'link', payload: 'https://lucky8.top/join', reason: 'link', host: 'lucky8.top' },
    ])
    expect(qrFindings(['https://mp.weixin.qq.com/s/abc', 'https://www.example-water.com/'], matcher)).toEqual([])
  })

  it('scans a text payload for banned terms', () => {
    expect(qrFindings(['加我微信 abc123'], matcher)).toEqual([
      { category: 'contact', payload: '加我微信 abc123', reason: 'term', term: '加我微信' },
    ])
  })

  it('works end to end from image bytes with the default dictionary', async () => {
    const { dictionary } = loadDictionaryFiles(['data/dictionaries/default.yaml'])
    const bytes = await qrPng('https://weixin.qq.com/g/AQYAAabc123')
    const findings = qrFindings(findQrCodes(bytes), compileMatcher(dictionary))
    expect(findings.map(f => `${f.category} ${f.reason}`)).toEqual(['ad invite'])
  })
})

import QRCode from 'qrcode'
import { afterEach, describe, expect, it } from 'vitest'
import { FakeClock } from '../../../../bot/ports/clock.js'
import { QrReader } from '../../../../plugins/content/qr/qr-reader.js'

const MIN = 60_000
const invite = 'https://weixin.qq.com/g/AQYAAabc123'
const png = (payload: string) => QRCode.toBuffer(payload, { type: 'png', scale: 6, margin: 4 })

describe('QrReader worker thread', () => {
  let reader: QrReader | undefined
  afterEach(() => reader?.close())

  it('starts with the first image and stops once no image came for the idle time', async () => {
    const clock = new FakeClock(0)
    reader = new QrReader({ clock, idleMs: 5 * MIN })
    expect(reader.running).toBe(false)
    expect(await reader.read(await png(invite))).toEqual([invite])
    expect(reader.running).toBe(true)
    await clock.advance(5 * MIN - 1)
    expect(reader.running).toBe(true)
    await clock.advance(1)
    expect(reader.running).toBe(false)
    // The next image starts a new worker and is read as before.
    expect(await reader.read(await png('加我微信 abc'))).toEqual(['加我微信 abc'])
    expect(reader.running).toBe(true)
  })

  it('keeps the worker while images keep coming: each image restarts the idle time', async () => {
    const clock = new FakeClock(0)
    reader = new QrReader({ clock, idleMs: 5 * MIN })
    const image = await png(invite)
    await reader.read(image)
    await clock.advance(4 * MIN)
    await reader.read(image)
    await clock.advance(4 * MIN)
    expect(reader.running).toBe(true)
    await clock.advance(MIN)
    expect(reader.running).toBe(false)
  })

  it('does not stop the worker while an image is being read', async () => {
    const clock = new FakeClock(0)
    reader = new QrReader({ clock, idleMs: 5 * MIN })
    const image = await png(invite)
    await reader.read(image)
    const reading = reader.read(image)
    await clock.advance(10 * MIN) // the idle timer armed by the first image was cancelled by the second
    expect(await reading).toEqual([invite]) // a worker stopped mid-read would answer nothing (a timeout)
    await clock.advance(5 * MIN)
    expect(reader.running).toBe(false)
  })
})

import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import type { MessageEvent } from '../../../bot/core/event.js'
import { createContentPlugin } from '../../../plugins/content/index.js'
import { makeRuntime, text } from '../../helpers/harness.js'
import { admin, config, cust, MIN, sales, SEC, spammer, zhangsan } from './setup.js'

/** A runtime whose image source serves `images` by message id. */
async function startWithImages(images: Map<string, Uint8Array>, extra = 'qrCodes: true') {
  const plugin = createContentPlugin({ images: { fetch: async (ev: MessageEvent) => images.get(ev.id) } })
  const h = await makeRuntime(config(extra), [plugin])
  h.wechat.addGroup(cust, [zhangsan, spammer])
  h.wechat.addGroup(sales, [admin, zhangsan])
  const postImage = async (from = spammer, g = cust, id = `img-${images.size}`) => {
    await h.clock.advance(10 * SEC)
    await h.rt.handle(text(from, '[图片]', h.clock.now(), g, { id, kind: 'image', attachment: { fileName: 'a.png' } }))
  }
  /** Lets the timer fire, waits (real time) for the worker's answer on the queue, then lets the outbox send. */
  const settle = async () => {
    await h.clock.advance(MIN)
    await h.rt.queue.push(async () => {})
    await h.clock.advance(MIN)
  }
  const audit = () =>
    h.rt.audit
      .query({ plugin: 'content', days: 60, limit: 100 })
      .filter(a => a.rule !== 'content.qr')
      .reverse()
  return { ...h, postImage, settle, audit }
}

const qr = (payload: string) => QRCode.toBuffer(payload, { type: 'png', scale: 6, margin: 4 })

describe('QR codes in group images', () => {
  it('reports a group invite QR code in a customer group as an ad, with the decoded URL as evidence', async () => {
    const images = new Map([['img-1', await qr('https://weixin.qq.com/g/AQYAAabc123')]])
    const h = await startWithImages(images)
    await h.postImage(spammer, cust, 'img-1')
    await h.settle()
    expect(h.wechat.textsTo(cust.id)).toHaveLength(1)
    const report = h.wechat.textsTo(admin.id).join('\n')
    expect(report).toContain('图片中的二维码：https://weixin.qq.com/g/AQYAAabc123')
    expect(h.rt.ledger.activeStrikes(spammer.id, h.clock.now()).map(s => s.category)).toEqual(['content.ad'])
  }, 20_000)

  it('lets a QR code of an allowed host through, and flags one of another host as a link', async () => {
    const images = new Map([
      ['img-1', await qr('https://shop.example.com/promo')],
      ['img-2', await qr('https://evil.example.io/x')],
    ])
    const h = await startWithImages(images)
    await h.postImage(spammer, cust, 'img-1')
    await h.settle()
    expect(h.audit()).toEqual([])
    await h.postImage(spammer, cust, 'img-2')
    await h.settle()
    expect(h.audit().map(a => a.reason)).toContain('V1 link')
  }, 20_000)

  it('skips a broken image and does nothing', async () => {
    const images = new Map([['img-1', new Uint8Array([1, 2, 3])]])
    const h = await startWithImages(images)
    await h.postImage(spammer, cust, 'img-1')
    await h.settle()
    expect(h.audit()).toEqual([])
    expect(h.wechat.textsTo(cust.id)).toEqual([])
  }, 20_000)

  it('checks no image where the config does not ask for it', async () => {
    const images = new Map([['img-1', await qr('https://weixin.qq.com/g/AQYAAabc123')]])
    const h = await startWithImages(images, '')
    await h.postImage(spammer, cust, 'img-1')
    await h.settle()
    expect(h.audit()).toEqual([])
  }, 20_000)
})

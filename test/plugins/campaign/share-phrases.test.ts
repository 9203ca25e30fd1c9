import { describe, expect, it } from 'vitest'
import { text } from '../../helpers/harness.js'
import { at, image, ls, sales, start, zs } from './fixtures.js'

describe('share phrases in everyday talk (review26)', () => {
  it('forwarding a quote after a chat screenshot, or asking whether all have shared, is no share report', async () => {
    const { rt, clock, wechat } = await start(at('2026-11-30T08:00'))
    await clock.advanceTo(at('2026-11-30T09:30'))
    // 张三 posts a screenshot of a customer chat, then says he forwarded the quote to the customer.
    await rt.handle(image(zs, clock.now(), sales))
    await clock.advance(5000)
    await rt.handle(text(zs, '报价单已转发给刘总了', clock.now(), sales))
    await clock.advance(5000)
    // 李四 asks whether everyone has shared: no claim, so no "send your screenshot" ten minutes later.
    await rt.handle(text(ls, '大家都已分享了吗？', clock.now(), sales))
    await clock.advance(11 * 60_000)
    expect(wechat.textsTo(sales.id).filter(t => /已记录你对|还没收到你的朋友圈截图/.test(t))).toEqual([])
    expect(wechat.textsTo(ls.id)).toEqual([])
    expect(wechat.textsTo(zs.id)).toEqual([])
    // 张三's real report still counts, with the screenshot he then sends.
    await rt.handle(image(zs, clock.now(), sales))
    await rt.handle(text(zs, '海报已转发到朋友圈了', clock.now(), sales))
    await clock.advance(5000)
    expect(wechat.textsTo(sales.id).filter(t => t.includes('已记录你对'))).toEqual([
      '✅ 已记录你对「双十二净水器特惠」的分享，谢谢！',
    ])
  })
})

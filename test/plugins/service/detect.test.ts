import { describe, expect, it } from 'vitest'
import { serviceConfigSchema } from '../../../plugins/service/config.js'
import { detector } from '../../../plugins/service/matcher/detect.js'

const d = detector(serviceConfigSchema.parse({}))

describe('service: complaint detection', () => {
  it.each([
    // review26: thanks or a report that the matter is done, after a resolution
    '退款已经收到了，谢谢',
    '退款到账了，谢谢你们',
    '投诉的事已经处理好了，谢谢',
    '上次的质量问题已经解决了，谢谢师傅',
    '退货已经寄出了，单号SF1234567',
    '赔偿收到了，感谢',
    '退款到了，谢谢',
    '没想到赔偿这么快就收到了，谢谢',
    '谢谢你们的赔偿',
  ])('a receipt, closure or thanks 「%s」 is no complaint', s => {
    expect(d.match(s)).toBeUndefined()
  })

  it.each([
    // review26: negated, and 太差了 about the customer's own circumstances
    '东西不错，不会给差评的',
    '放心吧，不会退货的',
    '用着挺好，不退货了',
    '已经给你们五星好评了，没给差评',
    '今天路况太差了，师傅晚点到也没关系',
    '我这边网络太差了，图片发不出来',
    '不打算退货，就是问问',
  ])('a friendly or off-topic message 「%s」 is no complaint', s => {
    expect(d.match(s)).toBeUndefined()
  })

  it.each([
    '退款到现在还没收到',
    '退款还没到账',
    '投诉的事处理好了吗？',
    '质量问题还是没有解决',
    '质量问题解决不了',
    '退款退了一半',
    '你们还不退款',
    '太差了',
    '你们服务太差了',
    '退款收到了，但是东西质量太差了',
    '退货寄出三天了还没退款',
    '我已经投诉到了总部',
  ])('still a complaint: 「%s」', s => {
    expect(d.match(s)).toBeDefined()
  })
})

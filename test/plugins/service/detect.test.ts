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

  it.each([
    // new-user trial: negation of the complaint word itself, and a bad review ruled out after it
    '我不是要投诉，就是问问滤芯什么时候到',
    '并非要投诉，问问安装时间',
    '没想过要给差评，东西挺好',
    '我没有要投诉的意思',
    '不是想投诉，就是提个建议',
    '东西收到了，质量不错，差评是不可能给的',
    '差评肯定不会给的，放心',
    '投诉就算了，下次注意',
    '退款就不用了，换个新的吧',
    '等了半天才想起来问，退货怎么操作呀？',
    '等了两天，终于收到了，谢谢',
  ])('a complaint word negated or ruled out 「%s」 is no complaint', s => {
    expect(d.match(s)).toBeUndefined()
  })

  it.each([
    // new-user trial: waiting, and asking when a refund comes (not a report that it came)
    '等了一个星期了，退款到底什么时候到账',
    '退款什么时候到账',
    '退款多久能到账',
    '等了三天了，退款呢',
    '等了两周了，到底什么时候发货',
    '等了五个小时了，师傅到底什么时候来',
    // the complaint word not negated after all
    '不是我要投诉，是你们太慢了',
    '投诉不会有用吧，你们都不管',
    '这个差评我是一定要给的',
  ])('a wait, a when-question or an unnegated complaint 「%s」 is a complaint', s => {
    expect(d.match(s)).toBeDefined()
  })
})

import { describe, it } from 'vitest'
import { cleanInBoth, flaggedInBoth } from './eval-helpers.js'

describe('a price term naming the shop that sells at it (issue #22, f44)', () => {
  it('is no hit before 超市, 折扣店, 专卖店', () => {
    cleanInBoth(['街口那家成本价超市周末搞活动', '商场三楼新开了个底价折扣店，人挺多', '那家进货价专卖店下个月关门'])
  })

  it('stays a hit in a message that pitches, or before a person of the shop', () => {
    flaggedInBoth('confidential', [
      '成本价超市下周开业，加我微信拿货',
      '私聊我，进货价直销店内部名额',
      '进货价店长知道吗，发我一下',
    ])
  })
})

describe('capitals as a carrier or a maker (issue #22, f44)', () => {
  it('is no hit before 的 and a flight, a ticket or a route, or before a model code', () => {
    cleanInBoth([
      '订了SQ的机票，下周去吉隆坡',
      'HP P1108 驱动装不上',
      'GD X200 的参数发一下',
      'GD X200 的电池型号是 BT2045A',
    ])
  })

  it('stays a hit said of someone, before what the term names, or in a message that pitches', () => {
    flaggedInBoth('insult', ['你这SB的打印机又卡纸', 'GD X200 的电池找 lily2045 要'])
    flaggedInBoth('porn', ['SQ的视频发我一份', 'SQ的航线改了，私聊我要资源'])
  })
})

describe('信号 of a term as a signal (issue #22, f44)', () => {
  it('is no hit before a signal tower, a lamp or how strong it is', () => {
    cleanInBoth(['铁塔公司的威信号塔下周维修', '山里威信号太差，电话都打不通'])
  })

  it('stays a hit before 号码, asked for, or in a message that pitches', () => {
    flaggedInBoth('contact', [
      '威信号码发群里',
      '你的威信号多少，我加你',
      '威信号灯批发，加我vx',
      '威信号差一位，重新发',
    ])
  })
})

describe('原胶 as raw glue (issue #22, f44)', () => {
  it('is no hit in a message about glue, binding or stock', () => {
    cleanInBoth(['厂里备的原胶又涨价了', '热熔胶机换了新的原胶，粘性好多了'])
  })

  it('stays a hit with a porn wink', () => {
    flaggedInBoth('porn', ['原胶小妹，同城可约'])
  })
})

describe('a ban on printing a claim (issue #22, f44)', () => {
  it('is no hit after 不能印, 不许印', () => {
    cleanInBoth(['包装盒上不能印第一品牌', '标签上不许印永久有效这几个字，会被罚'])
  })

  it('stays a hit with a pitch after it', () => {
    flaggedInBoth('false_ad', ['包装盒上不能写第一品牌，稳赚不赔', '包装盒上不能印第一品牌，稳赚不赔'])
  })
})

describe('a term given as an example of a warning (issue #22, f44)', () => {
  it('is no hit after 尤其是, 特别是 in the clause after a warning', () => {
    cleanInBoth(['别乱点群里的链接，尤其是什么扫码进群', '不要乱加好友，特别是那种日赚的'])
  })

  it('stays a hit with no warning before, or with a pitch after it', () => {
    flaggedInBoth('ad', ['好福利不少，尤其是免费领取', '不要乱点链接，尤其是扫码进群，加我微信拉你'])
    flaggedInBoth('confidential', ['不要外传，比如进货价我这有，五十一份'])
  })
})

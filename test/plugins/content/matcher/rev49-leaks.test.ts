import { describe, it } from 'vitest'
import { cleanInBoth, flaggedInBoth } from './eval-helpers.js'

describe('加 and one character before a shop kind, as an ask (issue #22, rev49)', () => {
  it('stays a hit where the shop name stands alone before a clause end: an ad, not a shop talked about', () => {
    flaggedInBoth('contact', [
      '加薇大厦，有需要来',
      '加薇美甲，欢迎咨询',
      '加薇水果，速来',
      '加薇客栈，货到付款',
      '加薇酒楼，下单备注',
      '加薇面馆 秒回',
      '加薇宾馆 妹子多',
    ])
  })

  it('is no hit on a shop the message talks about', () => {
    cleanInBoth(['加薇面馆门口在修路', '加薇宾馆的前台说房间满了'])
  })
})

describe('letters run together in lower case beside a name in ideographs (issue #22, rev49)', () => {
  it('stays a hit as a word of the sentence, not a name written in letters', () => {
    flaggedInBoth('gambling', ['杜昌老板说duchang今晚开', '杜昌在duchang等你', '客户史时才说shishicai包中'])
  })

  it('is no hit where the letters are written as a name', () => {
    cleanInBoth(['同事杜昌的护照上写着 Du Chang'])
  })
})

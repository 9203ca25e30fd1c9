import { describe, expect, it } from 'vitest'
import { compileMatcher, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import { textWithWeiSounds } from '../../../../plugins/content/matcher/wechat-sounds.js'
import { SHARED_DICTIONARY, SHIPPED_DICTIONARY, hasEvalFile } from './eval-helpers.js'

/**
 * Classes of misses blind37 and blind38 showed (issue #22, f37r), with new sentences of each class, violating
 * and clean, on the shared dictionary as it is, and on the shipped one.
 */
let compiled: ReturnType<typeof compileMatcher> | undefined
const categories = (text: string) =>
  (compiled ??= compileMatcher(loadDictionaryFiles([SHARED_DICTIONARY]).dictionary)).categoriesOf(text)
let compiledShipped: ReturnType<typeof compileMatcher> | undefined
const shippedCategories = (text: string) =>
  (compiledShipped ??= compileMatcher(loadDictionaryFiles([SHIPPED_DICTIONARY]).dictionary)).categoriesOf(text)

describe.skipIf(!hasEvalFile)('f37r: a character split side by side with its strokes melded (我 手戈)', () => {
  it('reads 手戈 as 我 in a term written with 我', () => {
    expect(categories('样品要的话请加手戈微信，备注公司')).toEqual(['contact'])
    expect(shippedCategories('报名表请加手戈微信')).toContain('contact')
  })

  it('leaves 手 and 戈 apart where no term is written with 我', () => {
    expect(categories('手戈是一种古代兵器，展厅二楼有')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)('f37r: a katakana letter drawn like a component (ム for 厶)', () => {
  it('reads 禾ム as 私, full or half width', () => {
    expect(categories('这批货走禾ム单，给你便宜点')).toEqual(['private_deal'])
    expect(categories('这批货走禾ﾑ单，给你便宜点')).toEqual(['private_deal'])
  })

  it('leaves katakana in Japanese words alone', () => {
    expect(categories('新到的ムース蛋糕放冷柜了')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)('f37r: 微 in any tone between 加 and 信', () => {
  it('reads 加 wei 信 as an account asked for', () => {
    expect(categories('要看样板间的加伟信，群里不方便')).toEqual(['contact'])
    expect(categories('报价单加卫信发你')).toEqual(['contact'])
    expect(shippedCategories('装修报价加围信了解')).toContain('contact')
  })

  it('leaves 信 starting a word, 加 ending a verb and a name alone', () => {
    expect(categories('这样做能增加威信')).toEqual([])
    expect(categories('把这台电脑加为信任设备')).toEqual([])
    expect(categories('下周参加伟信科技的招标会')).toEqual([])
    expect(textWithWeiSounds('我的同事叫张伟信')).toBeNull()
  })
})

describe.skipIf(!hasEvalFile)('f37r: a comma slipped into a term after the copula 是', () => {
  it('finds the term a lone character and a comma start after 是', () => {
    expect(categories('他是不是脑，残啊，图纸又画反了')).toEqual(['insult'])
    expect(categories('你真是蠢，货')).toEqual(['insult'])
  })

  it('leaves a character after 是 whose comma ends the clause alone', () => {
    expect(categories('最要紧的是下，注意安全')).toEqual([])
    expect(categories('他要的是脑，残缺的部分不要')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)('f37r: 💯 read as the number its name says', () => {
  it('finds 💯 written for 100% in a claim', () => {
    expect(categories('这款洗发水防脱💯有效')).toEqual(['false_ad'])
  })

  it('leaves a score alone and keeps 💯 a separator inside a term', () => {
    expect(categories('女儿数学考了💯，晚上吃火锅')).toEqual([])
    expect(categories('报名的请加我💯微信')).toEqual(['contact'])
  })
})

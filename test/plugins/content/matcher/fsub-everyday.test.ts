import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/** The shared categories the sentences below name, terms as given. */
const m = compileMatcher(
  expandingDictionary(
    {
      porn: ['约炮', '一夜情', '援交', '色情'],
      insult: ['蠢货', '去死'],
      gambling: ['六合彩', '下注'],
      ad: ['日赚'],
      private_deal: ['不走公司'],
      confidential: ['底价'],
      contact: ['私聊我'],
      false_ad: ['100%有效', '国家级产品'],
    },
    ['homophone', 'pinyin'],
  ),
)

describe('a term inside everyday words and phrases (issue #22, fsub)', () => {
  it('is no way round the company when the road by it or the place it stands is walked', () => {
    expect(m.categoriesOf('下周修地铁，大家不走公司那条路了，绕一下')).toEqual([])
    expect(m.categoriesOf('早上堵车，我不走公司门口那段路')).toEqual([])
    expect(m.categoriesOf('我直接去仓库，不走公司那边了')).toEqual([])
    expect(m.categoriesOf('这单不走公司那条路了，钱直接转我')).toEqual(['private_deal'])
    expect(m.categoriesOf('不走公司那条路子，走我这')).toEqual(['private_deal'])
    expect(m.categoriesOf('不走公司那边，直接找我')).toEqual(['private_deal'])
    expect(m.categoriesOf('我直接去你家装，不走公司那边，现金给我就行')).toEqual(['private_deal'])
  })

  it('is no sound-alike when the everyday word it writes is what the message is about', () => {
    expect(m.categoriesOf('周六晨跑，约跑的同事七点集合')).toEqual([])
    expect(m.categoriesOf('下班约跑五公里，有人一起吗')).toEqual([])
    expect(m.categoriesOf('春货样品明天寄到')).toEqual([])
    expect(m.categoriesOf('春货清仓，五折起')).toEqual([])
    expect(m.categoriesOf('台风走了，一夜晴，工地明天复工')).toEqual([])
    expect(m.categoriesOf('张老师报名去乡村援教两年')).toEqual([])
    expect(m.categoriesOf('光伏储能白天充满，日转夜用不用愁')).toEqual([])
  })

  it('stays a sound-alike said of someone, offered, or with nothing of the everyday word around it', () => {
    expect(m.categoriesOf('同城约跑，私聊')).toEqual(['porn'])
    expect(m.categoriesOf('约跑打卡，包夜三百')).toEqual(['porn'])
    expect(m.categoriesOf('你个春货')).toEqual(['insult'])
    expect(m.categoriesOf('真是个春货，发货都能发错')).toEqual(['insult'])
    expect(m.categoriesOf('下雨天一个人？一夜晴，同城可约')).toEqual(['porn'])
    expect(m.categoriesOf('援教妹子，上门服务')).toEqual(['porn'])
    expect(m.categoriesOf('援教了解一下')).toEqual(['porn'])
    expect(m.categoriesOf('宝妈在家日转五百')).toEqual(['ad'])
  })

  it('is no hit when an everyday word CC-CEDICT lacks takes its edge character', () => {
    expect(m.categoriesOf('龙虾到了先挑去死虾再过秤')).toEqual([])
    expect(m.categoriesOf('鱼塘捞完记得去死鱼')).toEqual([])
    expect(m.categoriesOf('六合彩椒三斤起批')).toEqual([])
    expect(m.categoriesOf('六合彩钢屋顶漏水了，找人修一下')).toEqual([])
    expect(m.categoriesOf('这款玉镯种色清透，适合送礼')).toEqual([])
    expect(m.categoriesOf('快去死吧你')).toEqual(['insult'])
    expect(m.categoriesOf('这期六合彩特码出了')).toEqual(['gambling'])
    expect(m.categoriesOf('发点色清视频')).toEqual(['porn'])
  })

  it('is no bet when the segmenter reads the next character in a word of its own', () => {
    expect(m.categoriesOf('签收单下注明日期再拍照')).toEqual([])
    expect(m.categoriesOf('请在照片下注明日期')).toEqual([])
    expect(m.categoriesOf('下注明天的球赛')).toEqual(['gambling'])
    expect(m.categoriesOf('今晚下注明日的比赛')).toEqual(['gambling'])
  })

  it('is no leaked price when the thing it prices is wanted or the message is spaced out', () => {
    expect(m.categoriesOf('要空调底价的私聊我')).toEqual(['contact'])
    expect(m.categoriesOf('要 底 价 的 私 聊 我')).toEqual(['contact'])
    expect(m.categoriesOf('底价是三百八，别外传')).toEqual(['confidential'])
    expect(m.categoriesOf('门店的底价表发群里了')).toEqual(['confidential'])
  })

  it("is no claim when the next word takes the long term's end", () => {
    expect(m.categoriesOf('这批罐头100%有效期在两年以上')).toEqual([])
    expect(m.categoriesOf('瓷砖通过了国家级产品质量监督检查')).toEqual([])
    expect(m.categoriesOf('这款药100%有效')).toEqual(['false_ad'])
    expect(m.categoriesOf('国家级产品质量好，放心买')).toEqual(['false_ad'])
  })
})

import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/** The shared categories the sentences below name, terms as given, with the expansions that find their sound-alikes. */
const m = compileMatcher(
  expandingDictionary(
    {
      confidential: ['进货价', '底价', '成本价'],
      contact: ['加我微信', '加薇'],
      false_ad: ['全网最低', '第一品牌'],
      gambling: ['博彩', '赌场', '时时彩'],
      porn: ['一夜情', '约炮'],
    },
    ['pinyin', 'initials', 'homophone', 'toneless'],
  ),
)

describe('a secret value asked about, the answer deferred to a source (issue #22, f39)', () => {
  it('is no hit when whoever asks is pointed to a price list or a contract', () => {
    expect(m.categoriesOf('门店有人问底价的，一律回答按官网标价为准')).toEqual([])
    expect(m.categoriesOf('客户打听成本价，统一以合同报价为准')).toEqual([])
  })

  it('stays a hit with the value handed over privately or a contact offered', () => {
    expect(m.categoriesOf('客户问底价，一律以我私发的为准')).toEqual(['confidential'])
    expect(m.categoriesOf('有人问进货价，统一按报价单为准，详情加我微信')).toContain('confidential')
  })
})

describe('someone reported for a claim, made to undo it (issue #22, f39)', () => {
  it('is no hit when the doer was made to take it back, change or delete it', () => {
    expect(m.categoriesOf('有店员被顾客投诉宣传“第一品牌”，已经让她改掉了')).toEqual([])
    expect(m.categoriesOf('有个销售被举报在朋友圈写全网最低，已要求对方删除')).toEqual([])
  })

  it('stays a hit with an offer after it, or told of no one made to undo it', () => {
    expect(m.categoriesOf('有店员被投诉宣传全网最低，已经让她撤回了，想要底价的私聊')).toContain('false_ad')
    expect(m.categoriesOf('我们是全网最低，已经让他撤回了')).toEqual(['false_ad'])
  })
})

describe('a sound-alike that is an everyday word: contact lenses worn a month (issue #22, f39)', () => {
  it('is no hit with lenses, their wear or eyesight in the message', () => {
    expect(m.categoriesOf('隐形眼镜分日抛、月抛和年抛')).toEqual([])
    expect(m.categoriesOf('她近视六百度，一直戴月抛')).toEqual([])
  })

  it('stays a hit with a wink or a meeting offered, or with nothing about lenses', () => {
    expect(m.categoriesOf('美瞳月抛，寂寞的加我')).toEqual(['porn'])
    expect(m.categoriesOf('月抛吗，同城的私聊')).toEqual(['porn'])
    expect(m.categoriesOf('今晚月抛吗')).toEqual(['porn'])
  })
})

describe('a sound-alike that names a small shop by its goods and house (issue #22, f39)', () => {
  it('is no hit before 茶舍, 琴房, 书斋 and the like', () => {
    expect(m.categoriesOf('周末在佳薇茶舍办读书会')).toEqual([])
    expect(m.categoriesOf('下班去伯才书斋挑两本字帖')).toEqual([])
  })

  it('stays a hit in a message that pitches, or before a particle', () => {
    expect(m.categoriesOf('伯才茶舍，充值送彩金')).toEqual(['gambling'])
    expect(m.categoriesOf('佳薇茶社，私聊')).toEqual(['contact'])
    expect(m.categoriesOf('一叶情吧')).toEqual(['porn'])
  })
})

describe('initials defined as the full name they spell (issue #22, f39)', () => {
  it('is no hit before 是, 即 or 指的是 and a name, a surname first', () => {
    expect(m.categoriesOf('值班表上的 SSC 是孙世承')).toEqual([])
    expect(m.categoriesOf('名单里 YYQ 指的是于一琴，别弄错')).toEqual([])
  })

  it('stays a hit defined as the term, or in a message that pitches', () => {
    expect(m.categoriesOf('群名片 YYQ 就是一夜情')).toEqual(['porn'])
    expect(m.categoriesOf('SSC 是孙世承，包赢')).toEqual(['gambling'])
    expect(m.categoriesOf('YYQ 是杨一琴，同城可约')).toEqual(['porn'])
  })
})

describe('a capitalised name said to be a firm the speaker deals with (issue #22, f39)', () => {
  it('is no hit when the sentence says it is a supplier, a brand or a customer', () => {
    expect(m.categoriesOf('Duchang 是我们在西班牙的瓷砖供应商')).toEqual([])
    expect(m.categoriesOf('Duchang 是意大利的一家家具品牌，样册已到')).toEqual([])
  })

  it('stays a hit as a platform, with no firm, played, or in a message that pitches', () => {
    expect(m.categoriesOf('Duchang 是我们的合作平台，注册送88')).toEqual(['gambling'])
    expect(m.categoriesOf('Duchang 是老客户专属')).toEqual(['gambling'])
    expect(m.categoriesOf('Duchang 是正规公司')).toEqual(['gambling'])
    expect(m.categoriesOf('玩 Duchang 是老客户都懂的')).toEqual(['gambling'])
    expect(m.categoriesOf('Duchang 是意大利品牌，稳赚不赔')).toEqual(['gambling'])
  })
})

import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/** The shared categories the sentences below name, terms as given, with the expansions that find their names. */
const m = compileMatcher(
  expandingDictionary(
    {
      contact: ['加薇'],
      gambling: ['百家乐', '博彩'],
      porn: ['一夜情', '裸聊'],
      private_deal: ['私单'],
      insult: ['傻逼', 'sb', '废物', '滚蛋'],
    },
    ['homophone', 'toneless', 'pinyin', 'initials'],
  ),
)

describe('a sound-alike named as a shop or a business (issue #22, blind21/25 classes)', () => {
  it('is no hit before a line of business or a street and a word for the shop', () => {
    expect(m.categoriesOf('佳薇花店今天的玫瑰打八折')).toEqual([])
    expect(m.categoriesOf('白家乐面馆的牛肉面涨价了')).toEqual([])
    expect(m.categoriesOf('伯才书店周末有签售会')).toEqual([])
    expect(m.categoriesOf('一叶晴豆腐坊每天早上六点开门')).toEqual([])
    expect(m.categoriesOf('百佳乐农庄周末可以团建')).toEqual([])
    expect(m.categoriesOf('伯才东路店的店长换人了')).toEqual([])
  })

  it('is no hit before the kind of business it names', () => {
    expect(m.categoriesOf('伯才文化的合同签回来了')).toEqual([])
    expect(m.categoriesOf('嘉薇传媒发来了拍摄报价')).toEqual([])
    expect(m.categoriesOf('白家乐影楼的样片拿到了')).toEqual([])
    expect(m.categoriesOf('博才驾校的教练很耐心')).toEqual([])
  })

  it('stays a hit where an offer stands between the form and the shop, or the shop is no business of the name', () => {
    expect(m.categoriesOf('佳薇咨询门店地址')).toEqual(['contact'])
    expect(m.categoriesOf('佳薇进店有礼')).toEqual(['contact'])
    expect(m.categoriesOf('伯才网店充值送彩金')).toEqual(['gambling'])
    expect(m.categoriesOf('伯才官方店充值返水')).toEqual(['gambling'])
    expect(m.categoriesOf('百佳乐平台天天返水')).toEqual(['gambling'])
    expect(m.categoriesOf('正规伯才集团，日出千万')).toEqual(['gambling'])
  })

  it('stays a hit as the term written out before a shop', () => {
    expect(m.categoriesOf('加薇美发店领优惠券')).toEqual(['contact'])
  })
})

describe('a full name read as a term (issue #22, blind24/25 classes)', () => {
  it('is no hit after a word for a trade or a newcomer', () => {
    expect(m.categoriesOf('设计师王加薇下午来量尺寸')).toEqual([])
    expect(m.categoriesOf('司机李加薇已经出发了')).toEqual([])
    expect(m.categoriesOf('新来的陈加薇坐我旁边')).toEqual([])
    expect(m.categoriesOf('想要资料的王加薇')).toEqual(['contact'])
    expect(m.categoriesOf('月入过万加薇')).toEqual(['contact'])
  })

  it('is no hit as a surname and given names before a title', () => {
    expect(m.categoriesOf('司丹玲律师把合同改好了')).toEqual([])
    expect(m.categoriesOf('罗廖芳医生今天坐诊')).toEqual([])
    expect(m.categoriesOf('司丹找经理批一下')).toEqual(['private_deal'])
  })

  it('is no hit as a household', () => {
    expect(m.categoriesOf('罗廖家的空调装好了')).toEqual([])
    expect(m.categoriesOf('白家乐家里的热水器漏水')).toEqual([])
    expect(m.categoriesOf('你个沙币家的')).toEqual(['insult'])
  })

  it('is no hit as a lone capitalised given name that does what a subject does', () => {
    expect(m.categoriesOf('Jiawei 负责周五的团建')).toEqual([])
    expect(m.categoriesOf('Jiawei 已经把报价单发给客户了')).toEqual([])
    expect(m.categoriesOf('早上好，Jiawei 正在路上')).toEqual([])
    expect(m.categoriesOf('Jiawei 详聊')).toEqual(['contact'])
    expect(m.categoriesOf('加 Jiawei 把资料领了')).toEqual(['contact'])
    expect(m.categoriesOf('jiawei 负责发资料，私聊')).toEqual(['contact'])
  })
})

describe('letters that mark a mail or name a brand (issue #22, blind21/24/25 classes)', () => {
  it('is no hit as a forwarded mail subject pasted into the group', () => {
    expect(m.categoriesOf('Fw: 下季度排班表，请各位确认')).toEqual([])
    expect(m.categoriesOf('Re: Fw: 合同终稿')).toEqual([])
    expect(m.categoriesOf('Fw：三月对账单')).toEqual([])
    expect(m.categoriesOf('大家看下这封\nFw: 报销流程调整')).toEqual([])
  })

  it('stays a hit as letters said to someone', () => {
    expect(m.categoriesOf('fw：你闭嘴吧')).toEqual(['insult'])
    expect(m.categoriesOf('这个 Fw: 真不行')).toEqual(['insult'])
  })

  it('is no hit as capitals before a firm or an industry, or a range of goods', () => {
    expect(m.categoriesOf('GD Energy 的报价出来了')).toEqual([])
    expect(m.categoriesOf('SB Lighting 的灯管质量不错')).toEqual([])
    expect(m.categoriesOf('SB 型号的面霜卖完了')).toEqual([])
    expect(m.categoriesOf('SB 款的卸妆水补货了')).toEqual([])
  })

  it('stays a hit as capitals before anything else, or in lower case', () => {
    expect(m.categoriesOf('SB 滚')).toEqual(['insult'])
    expect(m.categoriesOf('你个SB')).toEqual(['insult'])
    expect(m.categoriesOf('sb 系列又来了')).toEqual(['insult'])
    expect(m.categoriesOf('GD Wang 你等着')).toEqual(['insult'])
  })
})

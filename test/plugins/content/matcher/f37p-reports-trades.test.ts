import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/** The shared categories the sentences below name, terms as given, with the expansions that find their sound-alikes. */
const m = compileMatcher(
  expandingDictionary(
    {
      confidential: ['内部资料', '客户名单', '进货价', '商业机密'],
      contact: ['加我微信', '私聊我'],
      defamation: ['公司要倒闭', '骗子公司'],
      gambling: ['博彩', '百家乐'],
      insult: ['废物', '蠢货', '傻逼'],
      private_deal: ['私单'],
    },
    ['homophone', 'toneless'],
  ),
)

describe('someone else’s words or deed reported, then handled or drawn a lesson from (issue #22, f37p)', () => {
  it('is no hit when the speaker or the firm answered it, or draws a lesson', () => {
    expect(m.categoriesOf('有个乘客在车上骂司机是傻逼，我已经电话安抚了')).toEqual([])
    expect(m.categoriesOf('有位家长在群里骂老师是废物，校长已经当面道歉了')).toEqual([])
    expect(m.categoriesOf('离职的设计师在朋友圈说公司是骗子公司，公司已经发了律师函')).toEqual([])
    expect(m.categoriesOf('上周有个学员喝醉了骂教练是蠢货，教练没还手，做得对')).toEqual([])
    expect(m.categoriesOf('听说隔壁药房店员私下倒卖进货价，大家都要警惕')).toEqual([])
  })

  it('stays a hit said by the speaker, as hearsay passed on, or with an offer after it', () => {
    expect(m.categoriesOf('有个客户骂我是废物，我也骂他是傻逼')).toEqual(['insult'])
    expect(m.categoriesOf('你就是个废物，做得好')).toEqual(['insult'])
    expect(m.categoriesOf('听说公司要倒闭了，大家要注意')).toEqual(['defamation'])
    expect(m.categoriesOf('据说公司要倒闭了，我们要注意')).toEqual(['defamation'])
    expect(m.categoriesOf('前员工说公司要倒闭，快来我这买')).toEqual(['defamation'])
    expect(m.categoriesOf('有个客户在群里骂安装师傅是废物，加我微信领红包')).toEqual(['contact', 'insult'])
  })
})

describe('a notice that keeps a thing back: what it is, or not to copy or take it out (issue #22, f37p)', () => {
  it('is no hit named what a thing is before a ban, or banned from copying or taking out', () => {
    expect(m.categoriesOf('施工图纸属于商业机密，严禁拷贝')).toEqual([])
    expect(m.categoriesOf('这份报价单是内部资料，不准转发到客户群')).toEqual([])
    expect(m.categoriesOf('进货价严禁截图外传')).toEqual([])
    expect(m.categoriesOf('客户名单不得私自带走，发现一次罚款')).toEqual([])
  })

  it('stays a hit handed over or offered after the ban', () => {
    expect(m.categoriesOf('这是内部资料，不许拍照，我私下发你一份')).toEqual(['confidential'])
    expect(m.categoriesOf('客户名单严禁拷贝？我这有一份，私聊')).toEqual(['confidential'])
    expect(m.categoriesOf('这是内部资料，想要的私聊我')).toContain('confidential')
  })
})

describe('a sound-alike firm name before its trade or a market of goods (issue #22, f37p)', () => {
  it('is no hit before a line of business or goods and a market', () => {
    expect(m.categoriesOf('伯才电器的空调明天送到')).toEqual([])
    expect(m.categoriesOf('博采建材市场三号门见')).toEqual([])
    expect(m.categoriesOf('思单门窗的师傅下午来量尺寸')).toEqual([])
  })

  it('stays a hit before a game’s market, with an offer, or written as the term', () => {
    expect(m.categoriesOf('博采游戏城今晚开业')).toEqual(['gambling'])
    expect(m.categoriesOf('斯丹光学，私聊我')).toContain('private_deal')
    expect(m.categoriesOf('博彩眼镜城')).toEqual(['gambling'])
  })
})

describe('a hit whose last character a longer word takes: a compound chained on, goods counted (issue #22, f37p)', () => {
  const g = compileMatcher(expandingDictionary({ gambling: ['六合彩'] }, ['homophone']))

  it('is no hit inside a compound that chains on, or as a sound-alike count of goods', () => {
    expect(g.categoriesOf('六合彩钢瓦的报价出来了')).toEqual([])
    expect(g.categoriesOf('样品柜里还有六盒彩笔')).toEqual([])
  })

  it('stays a hit before what the lottery has, or with an offer', () => {
    expect(g.categoriesOf('今晚六盒彩开奖')).toEqual(['gambling'])
    expect(g.categoriesOf('六合彩票在哪买')).toEqual(['gambling'])
    expect(g.categoriesOf('六合彩平台返水高')).toEqual(['gambling'])
    expect(g.categoriesOf('六合彩钢板，加我微信下注')).toEqual(['gambling'])
  })
})

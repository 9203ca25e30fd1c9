import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/** The shared categories the sentences below name, terms as given. */
const m = compileMatcher(
  expandingDictionary(
    {
      porn: ['裸聊', '援交', '成人视频'],
      gambling: ['网赌', '博彩', '六合彩'],
      ad: ['兼职刷单', '扫码进群'],
      contact: ['加v', '私聊我', '加我微信'],
      insult: ['废物', '蠢货'],
      false_ad: ['永久有效', '包治百病'],
      private_deal: ['私下转账', '私单'],
      defamation: ['公司骗人', '公司要倒闭'],
    },
    ['homophone', 'pinyin'],
  ),
)

describe('a term in a report of what others did (issue #22, blind22/23 classes)', () => {
  it('is no hit in news or a police notice, or named as the pretext of a scam', () => {
    expect(m.categoriesOf('报道称有人借装修团购搞博彩返利，已经有十几户业主受骗')).toEqual([])
    expect(m.categoriesOf('公安通报：有团伙冒充快递以六合彩中奖为由骗取手续费')).toEqual([])
    expect(m.categoriesOf('社区民警说：以“网赌稳赚”为幌子的诈骗又多了，老人注意')).toEqual([])
  })

  it('is no hit of a victim or member who was led into it, or someone scolded with it', () => {
    expect(m.categoriesOf('有家长反映孩子被拉进裸聊群，对方还要钱，大家看好孩子手机')).toEqual([])
    expect(m.categoriesOf('我同学被要求私下转账给“客服”，最后钱没了')).toEqual([])
    expect(m.categoriesOf('会员投诉：收银员骂他废物，门店已经处理')).toEqual([])
  })

  it('is no hit in a rule to keep or a rule against anyone who asks it, nor in quoted examples of a kind of post', () => {
    expect(m.categoriesOf('发言请遵守：不刷屏、不拉人扫码进群、不发私人账号')).toEqual([])
    expect(m.categoriesOf('财务通知：任何人让你私下转账都请先打电话确认')).toEqual([])
    expect(m.categoriesOf('群里“加我微信”“私聊我”这类留言都会被删')).toEqual([])
  })

  it("is no hit of a rival's label quoted", () => {
    expect(m.categoriesOf('隔壁店的奶粉罐上标着“包治百病”，我们可不敢这么写')).toEqual([])
  })

  it('is no hit quoted as what a person said or posted, before the person it names', () => {
    expect(m.categoriesOf('上周群里喊“公司要倒闭”的几个客户，后来都收到了货')).toEqual([])
    expect(m.categoriesOf('在评论区写“公司骗人”的那位朋友，退款已经到账了')).toEqual([])
    expect(m.categoriesOf('发“公司骗人”的那位朋友，想知道内幕的私聊我')).toEqual(['contact', 'defamation'])
  })

  it('is a hit said or offered in the same words', () => {
    expect(m.categoriesOf('新闻都报道了，网赌平台这家最稳，想玩的私聊我')).toEqual(['contact', 'gambling'])
    expect(m.categoriesOf('公告：报名的家长私聊我登记座位')).toEqual(['contact'])
    expect(m.categoriesOf('你就是废物，投诉我也没用')).toEqual(['insult'])
    expect(m.categoriesOf('我们这款罐上写着“永久有效”，放心买')).toEqual(['false_ad'])
    expect(m.categoriesOf('以后接私单都找我，价格好说')).toEqual(['private_deal'])
  })
})

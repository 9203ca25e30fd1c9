import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { dictionaryOf } from './helpers.js'

/**
 * f41's probe (issue #22, the misreadings of blind41): new sentences of the shapes a clean message takes (去 removing
 * dead matter, a building named as a landmark, a way past the office, a ban on handing a secret over, a claim
 * disowned, a thing passed on and disowned, a quoted post pointed at and taken down, a term in pinyin too long for a
 * given name), clean and violating (aimed at someone, a pitch, an offer or a handover in the same message).
 */
const dictionary = dictionaryOf(
  {
    insult: ['去死', '傻逼'],
    gambling: ['网赌', '六合彩', '百家乐', '老虎机'],
    contact: ['加我微信', '私聊我', '加薇'],
    confidential: ['进货价', '客户名单', '内部资料'],
    false_ad: ['永久有效', '百分百有效'],
    ad: ['兼职刷单', '代理招募'],
    porn: ['约炮'],
    private_deal: ['不走公司', '私单'],
    defamation: ['老板是骗子', '公司是黑店'],
    secret: ['内部价格表'],
  },
  ['example.com'],
)
for (const rule of Object.values(dictionary.categories)) rule.expand = ['homophone', 'pinyin']
const m = compileMatcher(dictionary)

describe('去 removing dead matter (issue #22, f41)', () => {
  it('is no insult before a word for what is dead on a body, a coat or a plant', () => {
    expect(m.categoriesOf('给金毛用钢丝梳去死毛，一周两次就够')).toEqual([])
    expect(m.categoriesOf('这支磨砂膏去死皮挺温和的')).toEqual([])
    expect(m.categoriesOf('修剪月季时顺手去死叶')).toEqual([])
  })
  it('stays an insult told to someone, aimed at someone or in a pitch', () => {
    expect(m.categoriesOf('你怎么还不去死')).toEqual(['insult'])
    expect(m.categoriesOf('快去死毛病这么多')).toEqual(['insult'])
    expect(m.categoriesOf('楼上的，拿梳子去死毛吧')).toEqual(['insult'])
    expect(m.categoriesOf('用梳子去死毛，加我微信拿货')).toEqual(['contact', 'insult'])
  })
})

describe('a building named as a landmark (issue #22, f41)', () => {
  it('is no hit when a spot of the shop or mall follows its name', () => {
    expect(m.categoriesOf('百家乐商场门口新开了一家奶茶店')).toEqual([])
    expect(m.categoriesOf('老虎机大厦楼下的停车位满了')).toEqual([])
  })
  it('stays a hit for a game hall, a name with no spot, what the building offers, or a pitch', () => {
    expect(m.categoriesOf('百家乐娱乐城楼上，等你来')).toEqual(['gambling'])
    expect(m.categoriesOf('百家乐门店开业')).toEqual(['gambling'])
    expect(m.categoriesOf('老虎机商城楼上真人荷官在线')).toEqual(['gambling'])
    expect(m.categoriesOf('百家乐商场门口集合，今晚包赢')).toEqual(['gambling'])
  })
})

describe('a way past the office (issue #22, f41)', () => {
  it('is no private deal when the sentence goes straight to a place and names no deal', () => {
    expect(m.categoriesOf('下午我直接去工地验收，不走公司了')).toEqual([])
    expect(m.categoriesOf('明天先去仓库盘点，不走公司')).toEqual([])
  })
  it('stays a private deal with an order or money, with no trip, or with a contact', () => {
    expect(m.categoriesOf('这单我直接去客户家收钱，不走公司了')).toEqual(['private_deal'])
    expect(m.categoriesOf('不走公司，价格好商量')).toEqual(['private_deal'])
    expect(m.categoriesOf('直接去业主家装，不走公司，完工当面结')).toEqual(['private_deal'])
    expect(m.categoriesOf('我直接去你那，不走公司，加我微信聊')).toEqual(['contact', 'private_deal'])
  })
})

describe('a ban on handing a secret over (issue #22, f41)', () => {
  it('is no hit when the rule forbids copying, sending or telling it', () => {
    expect(m.categoriesOf('严禁将进货价发到客户群')).toEqual([])
    expect(m.categoriesOf('千万别把内部资料拍照发朋友圈')).toEqual([])
    expect(m.categoriesOf('请勿随意将客户名单拷贝到自己电脑')).toEqual([])
  })
  it('stays a hit when the speaker hands it over after all, a contact follows, a figure tells it, or a name is called', () => {
    expect(m.categoriesOf('别把进货价告诉别人，我私下发你')).toEqual(['confidential'])
    expect(m.categoriesOf('不要把客户名单外传，要的私聊我')).toEqual(['confidential', 'contact'])
    expect(m.categoriesOf('别把我当傻逼')).toEqual(['insult'])
    expect(m.categoriesOf('别把进货价1280告诉客户')).toEqual(['confidential'])
  })
})

describe('a claim disowned (issue #22, f41)', () => {
  it('is no false ad right after a negated verb of promising', () => {
    expect(m.categoriesOf('我们不承诺“百分百有效”，以实际检测为准')).toEqual([])
    expect(m.categoriesOf('本店从不保证永久有效')).toEqual([])
  })
  it('stays a false ad promised after all, denied rhetorically, or in a pitch', () => {
    expect(m.categoriesOf('不保证永久有效就退款')).toEqual(['false_ad'])
    expect(m.categoriesOf('谁说我们不保证永久有效')).toEqual(['false_ad'])
    expect(m.categoriesOf('不承诺永久有效，加我微信送礼品')).toEqual(['contact', 'false_ad'])
  })
})

describe('a thing passed on and disowned (issue #22, f41)', () => {
  it('is no hit when someone else passed it on, asked if it is ours, and the answer is no', () => {
    expect(m.categoriesOf('有个业主转给我一条网赌广告问是不是我们公司的活动，不是')).toEqual([])
    expect(m.categoriesOf('朋友发来一个六合彩链接问是不是咱们合作的，不是的')).toEqual([])
  })
  it('stays a hit answered yes or in a pitch', () => {
    expect(m.categoriesOf('朋友转来一个六合彩链接问是不是咱们的，是，注册就送彩金')).toEqual(['gambling'])
    expect(m.categoriesOf('首充送彩金！朋友转来一个网赌链接问是不是咱们的，不是')).toEqual(['gambling'])
  })
})

describe('a quoted post pointed at and taken down (issue #22, f41)', () => {
  it('is no hit when the message takes it down or hands it to an admin', () => {
    expect(m.categoriesOf('上午“兼职刷单”那条是我手滑转的，已经删了')).toEqual([])
    expect(m.categoriesOf('群里“约炮”那条消息撤不回，管理员处理一下')).toEqual([])
  })
  it('stays a hit passed on or followed by an offer', () => {
    expect(m.categoriesOf('“兼职刷单”那条大家多转发')).toEqual(['ad'])
    expect(m.categoriesOf('“代理招募”那条删了，想做的私聊我')).toEqual(['ad', 'contact'])
  })
})

describe('a term in pinyin too long for a given name (issue #22, f41)', () => {
  it('is a hit before a word of time or a deed', () => {
    expect(m.categoriesOf('Liuhecai 明天开奖，买吗')).toEqual(['gambling'])
    expect(m.categoriesOf('Laohuji 今天爆了三次')).toEqual(['gambling'])
  })
  it('leaves a two-syllable given name before a word of time a name', () => {
    expect(m.categoriesOf('Jiawei 今晚值班')).toEqual([])
    expect(m.categoriesOf('Jiawei 负责周五的团建')).toEqual([])
  })
})

describe('a phrase set apart by commas (issue #22, f41)', () => {
  it('is a hit when two lone commas or more cut its words', () => {
    expect(m.categoriesOf('我们老板、是、骗子，别来')).toEqual(['defamation'])
    expect(m.categoriesOf('这家公司，是，黑店')).toEqual(['defamation'])
  })
  it('stays apart at one comma or at other marks', () => {
    expect(m.categoriesOf('内部价格，表格发我一份')).toEqual([])
    expect(m.categoriesOf('老板。是。骗子')).toEqual([])
  })
})

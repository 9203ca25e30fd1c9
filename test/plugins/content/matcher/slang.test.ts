import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileMatcher, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import { dictionaryOf, repoRoot } from './helpers.js'

describe("slang terms (a category's `slang`, confirmed by `slang_context`)", () => {
  const dictionary = dictionaryOf({ g: { terms: ['赌博'] } })
  Object.assign(dictionary.categories.g, {
    terms: ['赌博', '菠菜'],
    slang: ['菠菜'],
    slangContext: ['平台', '注册'],
    expand: ['pinyin', 'initials', 'homophone', 'split', 'lookalike'],
    context: ['彩金'],
  })
  const matcher = compileMatcher(dictionary)

  it('is a hit with a context word at most 10 characters away, in any order', () => {
    expect(matcher.categoriesOf('菠菜平台今天开业')).toEqual(['g'])
    expect(matcher.categoriesOf('新平台上线了，送你玩菠菜')).toEqual(['g'])
    expect(matcher.categoriesOf('bo cai 平台')).toEqual(['g'])
  })

  it('is no hit without one, or with one farther away', () => {
    expect(matcher.categoriesOf('食堂今天的菠菜炒蛋不错')).toEqual([])
    expect(matcher.categoriesOf('中午吃了一大盘凉拌菠菜，下午还要去外面跑客户，晚上再看平台数据')).toEqual([])
  })

  it('lets a slang context word confirm no initials of a category with its own context words', () => {
    expect(matcher.categoriesOf('DB 平台周五维护')).toEqual([])
    expect(matcher.categoriesOf('DB 平台注册送彩金')).toEqual(['g'])
  })
})

/** The slang of the shipped dictionary: each family with the words that make it an ad, not alone. */
describe('shipped slang vocabulary', () => {
  const { dictionary } = loadDictionaryFiles([path.join(repoRoot, 'data/dictionaries/default.yaml')])
  const matcher = compileMatcher(dictionary)

  it('loads slang as terms of their category, with their context words apart', () => {
    expect(dictionary.categories.gambling.slang).toContain('菠菜')
    expect(dictionary.categories.gambling.terms).toContain('菠菜')
    expect(dictionary.categories.gambling.slangContext).toContain('平台')
    expect(dictionary.categories.gambling.terms).not.toContain('平台')
  })

  it.each([
    ['菠菜网站今天上线，首充有礼', 'gambling'],
    ['跟着导师玩菠菜，一周回本', 'gambling'],
    ['JDB电子今晚爆分，速来', 'gambling'],
    ['上分下分都找客服小美', 'gambling'],
    ['新会员首存送 58 元', 'gambling'],
    ['一肖一码，今晚必中', 'gambling'],
    ['外围模特资源，价格私聊', 'porn'],
    ['同城空降，可约包夜', 'porn'],
    ['约啪吗，今晚有空', 'porn'],
    ['私拍视频打包出，懂的来', 'porn'],
    ['xiao电影合集，网盘自取', 'porn'],
    ['带你薅羊毛，一单赚五十', 'ad'],
    ['加君羊领优惠券', 'ad'],
    ['进群即送会员', 'ad'],
    ['做任务给佣金，一单一结', 'ad'],
    ['保本不赔，年化收益百分之二十', 'false_ad'],
    ['这个单子你飞个单，回扣我们分', 'private_deal'],
    ['周末接私活，比公司便宜', 'private_deal'],
    ['那批样机私下卖给你', 'private_deal'],
    ['足彩串关包赢，彩票下注找我', 'gambling'],
    ['网投注册就送，千分之五返水', 'gambling'],
    ['真人视讯上线，老虎机天天送', 'gambling'],
    ['老司机带路，想看的上车扣1', 'porn'],
    ['同城美女上门，可约', 'porn'],
    ['下班去做个大保健', 'porn'],
    ['关注任务一单两块，宝妈可做', 'ad'],
    ['点赞员招募，日结', 'ad'],
    ['你就是个伞兵，啥也干不好', 'insult'],
    ['傻b 一个', 'insult'],
    ['那是个野鸡公司，迟早卷款跑路', 'defamation'],
    ['客户信息出售，要的私聊', 'confidential'],
    ['客户电话三毛一条，批量有', 'confidential'],
    ['喝我们的水半年，糖尿病就能停药', 'false_ad'],
    ['这款产品能彻底根治痛风', 'false_ad'],
    ['尾款打到私卡上，不开票', 'private_deal'],
    ['走公转私省税点，你懂的', 'private_deal'],
    ['要优惠的加个vx', 'contact'],
    ['扫码领红包，名额有限', 'ad'],
    ['团购价更便宜，想要的 V我', 'contact'],
    ['报价单不方便发群里，wx 细聊', 'contact'],
    ['有意向的Ｗ·Ｘ联系', 'contact'],
    ['尾款付我个人码就行，公司那边不用管', 'private_deal'],
    ['这单别报公司了，走我自己的渠道', 'private_deal'],
    ['偷偷把返点表发给了经销商', 'confidential'],
  ])('flags %s as %s', (text, category) => {
    expect(matcher.categoriesOf(text)).toContain(category)
  })

  it.each([
    '中午食堂有菠菜炒蛋',
    '买了把菠菜，晚上做菠菜豆腐汤',
    '外围设备的接口松了',
    '今天下午安排上门服务，师傅两点到',
    '双十一薅羊毛攻略大家看看',
    '飞机晚点了，我晚一小时到',
    '她新买的裙子很好看',
    '上分析会之前先把数据整理好',
    '全套滤芯更换，师傅上门安装',
    '市场部想拍个小电影参加短视频比赛',
    '客户资料发我一下，一条条核对',
    '师傅明天上门服务，全套滤芯更换',
    '年会福利视频合集发群里了',
    '净水器返水问题，盘口接头要换',
    '安装师傅一单一结，日结工资',
    '我妈高血压，医生说可以停药了',
    '公转私要交个税吗',
    '网吧包夜打游戏的日子回不去了',
    '在家动动手指就能预约安装',
    '老司机开车稳，今天送货顺利',
    '篮球赛下分三组，足球赛上分区',
    '伞兵部队的纪录片挺好看',
    '工资打我卡上了，谢谢财务',
    '卫生间找平砂浆灰砂比按 1:3',
    '疯狂星期四，谁v我50',
    '我 wx 发你了，你看一下',
    '会议纪要 wx 上同步给大家了',
    '个人码付款不开发票，请走对公账户',
  ])('leaves alone: %s', text => {
    expect(matcher.categoriesOf(text)).toEqual([])
  })

  // An id (letters, digits, _ -) right after the slang is no distance: the usual ad puts the WeChat id between
  // wx and the sales word, and the id alone filled the 10-character reach (newuser9).
  it.each([
    'wx: qy888 有意向细聊',
    'wx qy888 有意向细聊',
    'wx: abc123 有意向的私聊',
    'wx：qingyuan_888 有意向细聊',
    'ＷＸ：ｑｙ８８８－ｗａｔｅｒ 有意向',
    '有意向的细聊 wx：qingyuan_888',
    'wx是 qingyuan_888_abc 有意向细聊',
  ])('flags %s as contact: the id after wx counts no distance', text => {
    expect(matcher.categoriesOf(text)).toContain('contact')
  })

  it.each([
    'wx: qy888',
    'wx是什么意思，大家有意向的可以问问',
    'wx: qy888 周一开会记得带电脑，有意向',
    '我 wx 发你了，qy888 那个文件看一下，有意向的话',
  ])('leaves alone %s: an id is no sales word, and text after it still counts', text => {
    expect(matcher.categoriesOf(text)).toEqual([])
  })

  it('drops a slang form that a rule reminder forbids', () => {
    expect(matcher.categoriesOf('群规：严禁发菠菜平台广告')).toEqual([])
  })
})

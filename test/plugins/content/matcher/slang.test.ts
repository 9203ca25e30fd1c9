import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileMatcher, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import { repoRoot } from './helpers.js'

/** The slang patterns of the shipped dictionary: each family with the words that make it an ad, not alone. */
describe('shipped slang vocabulary', () => {
  const matcher = compileMatcher(
    loadDictionaryFiles([path.join(repoRoot, 'data/dictionaries/default.yaml')]).dictionary,
  )

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
    ['带你薅羊毛，一单赚五十', 'ad'],
    ['加君羊领优惠券', 'ad'],
    ['进群即送会员', 'ad'],
    ['做任务给佣金，一单一结', 'ad'],
    ['保本不赔，年化收益百分之二十', 'false_ad'],
    ['存五万每月返三千，稳得很', 'false_ad'],
    ['这个单子你飞个单，回扣我们分', 'private_deal'],
    ['周末接私活，比公司便宜', 'private_deal'],
    ['那批样机私下卖给你', 'private_deal'],
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
  ])('leaves alone: %s', text => {
    expect(matcher.categoriesOf(text)).toEqual([])
  })

  it('drops a slang form that a rule reminder forbids', () => {
    expect(matcher.categoriesOf('群规：严禁发菠菜平台广告')).toEqual([])
  })
})

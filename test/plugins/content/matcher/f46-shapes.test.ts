import { describe, expect, it } from 'vitest'
import { cleanInBoth, flaggedInBoth, sharedEvalMatcher, shippedEvalMatcher } from './eval-helpers.js'

/**
 * Shapes of blind46 (issue #22, f46): a waste firm on its round, 最低调, a street by sound, a pet name added to a group,
 * someone else punished for a deed, a ban of any form, two letters counting two things. Sentences of our own, by shape.
 */
describe('words that read otherwise around a hit (issue #22, f46)', () => {
  it('is no hit for a waste firm named with its round (when, then a verb of clearing)', () => {
    cleanInBoth([
      '厂区的垃圾公司每天下午三点来清运',
      '物业找的垃圾公司周五早上来拉走',
      '工地的垃圾公司每天凌晨来收建筑垃圾',
      '园区的垃圾公司每周三下午来收垃圾',
    ])
  })

  it("stays a defamation hit for a firm called rubbish with no round, or the reader's", () => {
    flaggedInBoth('defamation', [
      '垃圾公司每天早上都骗我们',
      '这家垃圾公司每天都在骗人',
      '你们这垃圾公司，每天早上都迟到',
      '你们这垃圾公司每天早上来清运都拖拖拉拉',
    ])
  })

  it('is no hit for 最低 starting a word of manner (低调, 低俗, 低迷)', () => {
    cleanInBoth(['这家店是全网最低调的网红店', '他是我见过全网最低调的博主', '全网最低俗的广告就是这种'])
  })

  it('stays a false_ad hit for the lowest price claimed, or 最低调 beside a pitch', () => {
    flaggedInBoth('false_ad', [
      '全网最低了，赶紧下单',
      '本店全网最低，加微信下单',
      '全网最低调的爆款，私聊拿货',
      '全网最低调价',
      '全网最低迷价格',
    ])
  })

  it('is no hit for a form by sound naming a street with a spot on it', () => {
    cleanInBoth([
      '导航说在博才路附近堵车了',
      '司机在博才路口等你',
      '送货到博才路那边的小区',
      '博才路38号新开了一家面馆',
    ])
  })

  it('stays a gambling hit for a street beside a pitch, no spot, or the term as written', () => {
    flaggedInBoth('gambling', [
      '博才路口那家棋牌室，今晚包赢',
      '来博才路38号，百家乐现场开，包赢',
      '博才路子很多',
      '我想搞博才',
    ])
  })

  it('is no hit for a pet name someone added to a group', () => {
    cleanInBoth(['我已经加薇薇进销售群了', '她昨天加薇薇进项目群了', '已经加薇薇到项目群，有事找她'])
  })

  it('stays a contact hit for an invitation to add and join, or a pitch after', () => {
    flaggedInBoth('contact', ['快加薇薇进群，送福利', '加薇薇进群了解详情', '我刚加薇薇进群了，想要的私聊'])
  })

  it('is no hit for a deed someone else was punished for in its clause', () => {
    cleanInBoth(['听说有员工做飞单被开除了', '有个司机接私单被公司罚了五千', '那个销售做飞单被老板炒了'])
  })

  it('stays a hit for the reader punished, an offer after, or the speaker undeterred', () => {
    flaggedInBoth('private_deal', [
      '你接私单被开了活该',
      '同事接私单被开了，你们要私单找我',
      '有人接私单被开了也值，私单加我',
    ])
    flaggedInBoth('private_deal', ['有人接私单被开了，我这还接'])
    flaggedInBoth('porn', ['她卖成人视频被封号了，新号在签名'])
    flaggedInBoth('gambling', ['听说有人玩时时彩被抓了，我这还有渠道'])
  })

  it('is no hit for a deed banned in any form', () => {
    cleanInBoth(['公司规定不准有任何私单', '年会可以抽奖，但禁止任何形式的赌博', '严禁出现一切约炮内容'])
    expect(shippedEvalMatcher().categoriesOf('年终聚餐可以打牌，但不准搞任何赌钱的活动')).toEqual([])
  })

  it('stays a hit for a ban of any form with an offer after', () => {
    flaggedInBoth('private_deal', ['不得有任何私单，有需要的加我'])
    expect(shippedEvalMatcher().categoriesOf('不准搞任何赌钱的活动，我这边有局')).toContain('gambling')
  })

  it('is no insult for two letters that count two things', () => {
    for (const m of [sharedEvalMatcher(), shippedEvalMatcher()])
      for (const s of ['我们BC两个组一起开会', 'NC两条线一起上', 'SB两个区周末交房', 'BC两栋楼今天停水'])
        expect(m.categoriesOf(s), s).toEqual([])
  })

  it('stays an insult for letters aimed at someone or spelt out', () => {
    for (const s of ['你就是个BC', 'BC两个字送给你', '楼上BC两个组都一样', '你们BC两个组都是白痴'])
      expect(shippedEvalMatcher().categoriesOf(s), s).toContain('insult')
    flaggedInBoth('insult', ['楼上NC两条线都一样', 'NC两个字送给你', 'SB两个都是', 'NC两个人'])
  })
})

import { describe, expect, it } from 'vitest'
import { cleanInBoth, flaggedInBoth, sharedEvalMatcher, shippedEvalMatcher } from './eval-helpers.js'

/**
 * One broad reading of a hit as part of a name (issue #22, fnames; name-frames.ts): a shop's or a firm's kind after
 * it, a namer before it, a gloss beside it, initials before the name they spell in an @-mention; a household's side of
 * town after a surname (surname-names.ts), and a rubbish firm's truck (form-waste-trades.ts). Sentences of our own, by
 * shape, clean and dressed.
 */
describe('names that hold a term (issue #22, fnames)', () => {
  it('reads a term before a shop’s or a firm’s kind as its name', () => {
    cleanInBoth([
      '百家乐便利店的收银机坏了，明天派人去修',
      '去百家乐超市买两箱矿泉水回来',
      '老虎机车行的老板说轮胎下周到',
      '嘉博彩钢的报价单收到了',
      '时时彩妆店下周开业，送两百张券',
      '薇信美甲的老板娘要两台灯',
      '滚蛋仔的老板娘说鸡蛋涨价了',
      '纯货铺子的核桃到了',
      '这周拜访了嘉博彩钢、广博彩印、老虎机车行，三家都有意向',
    ])
  })

  it('keeps a shop’s name that carries its own trade’s offer, or a trade no shop is named for', () => {
    flaggedInBoth('gambling', [
      '百家乐超市老板私下开台，想玩的找他',
      '百家乐超市老板带你玩百家乐',
      '老虎机车行那边能押注吗',
      '老虎机车行老板说下分找他',
      '百家乐超市对面有个场子，带你回本',
      '时时彩妆店老板娘天天玩时时彩，稳赚',
      '赌场超市',
      '赌博机厂',
      '博彩公司招代理，日结',
    ])
    flaggedInBoth('contact', ['加薇信美甲老板，vx：abc12345', '「薇信美甲」的老板加我好友了', '加卫备注公司名'])
    flaggedInBoth('porn', ['裸聊超市今天打折', '约炮App的广告又来了', '成人视频工作室招人'])
    flaggedInBoth('insult', ['傻逼超市的东西真贵', '你这个蠢货超市老板', '滚蛋仔的老板娘就是个蠢货'])
  })

  it('clears a name beside another trade’s pitch only where that pitch is flagged', () => {
    for (const matcher of [sharedEvalMatcher(), shippedEvalMatcher()]) {
      expect(matcher.categoriesOf('百家乐超市老板娘说有副业，日赚三百')).toEqual(['ad'])
      expect(matcher.categoriesOf('滚蛋仔的老板娘卖的鸡蛋包治百病')).toEqual(['false_ad'])
      expect(matcher.categoriesOf('六合彩印老板有内部资料，要的私我')).toEqual(['confidential'])
    }
    flaggedInBoth('contact', ['薇信美甲的老板说有兼职，日结'])
  })

  it('reads what a pet is called, and a Latin name glossed, as names', () => {
    cleanInBoth(['我家狗叫滚蛋，因为老往外跑', '我家猫叫蠢货，每天拆家', 'Bocai是蔡博的英文名', '杜博的英文名是Dubo'])
    flaggedInBoth('insult', ['我家狗叫傻逼，你也是', '他的外号叫废物', '我叫你滚蛋', '你就叫滚蛋吧'])
    flaggedInBoth('gambling', ['Bocai是蔡博的英文名，上分找他', '杜博的英文名是Dubo，找他下注', 'Dubo平台注册送彩金'])
  })

  it('reads capitals before the name they spell in an @-mention as initials', () => {
    cleanInBoth(['@SB宋斌 合同放你桌上了', '@WLG王立刚 样品到了吗'])
    flaggedInBoth('insult', ['@SB宋斌 你这个SB', '@莎碧 你个傻逼', '小王是个SB'])
  })

  it('reads a surname before a household’s side of town as a name, unless the message invites to a game', () => {
    cleanInBoth(['夏柱家那边的装修尾款已经结清', '夏注家那边的房子卖了'])
    flaggedInBoth('gambling', ['夏柱家那边有局，来玩'])
  })

  it('reads a rubbish firm by its truck and what it collects', () => {
    cleanInBoth(['城北垃圾公司的车明天来收厨余垃圾', '区里的垃圾公司明早来清运垃圾'])
    flaggedInBoth('defamation', [
      '这家垃圾公司的车天天乱停，垃圾也不清运',
      '你们这垃圾公司的车来收垃圾了吗',
      '垃圾公司的车来收垃圾，老板是骗子',
    ])
  })
})

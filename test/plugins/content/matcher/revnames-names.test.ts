import { describe, expect, it } from 'vitest'
import { cleanInBoth, flaggedInBoth, shippedEvalMatcher } from './eval-helpers.js'

/**
 * Review of fnames's broad reading of names (issue #22, revnames; name-frames.ts, form-waste-trades.ts): leaks found
 * by dressing each new clean shape with a pitch or an insult, closed by shape, and clean shapes checked to stay clean.
 */
describe('names that hold a term, dressed (issue #22, revnames)', () => {
  it('keeps a gambling shop’s name that carries a game’s terms or a body sold', () => {
    flaggedInBoth('gambling', [
      '六合彩超市，最新资料',
      '夏柱家那边晚上有场子',
      '夏柱家那边，一百起，来就送',
      '百家乐超市，老板带飞',
      '百家乐超市，八点准时开，老规矩',
      '百家乐超市，下午三点开，满十人开',
      '百家乐美甲，包夜服务',
      '百家乐超市代理，一级返佣',
      '百家乐路，今晚老地方集合',
      '六合彩小区，开特马',
      '老虎机车行后面有几台机器，来试试手气',
      '夏柱家这边，今晚有牌局',
    ])
    flaggedInBoth('contact', ['薇信便利店，群里发码'])
  })

  it('never lets two names clear each other', () => {
    flaggedInBoth('gambling', ['百家乐超市招人，薇信美甲的老板说的，日结'])
    flaggedInBoth('contact', ['百家乐超市招人，薇信美甲的老板说的，日结'])
  })

  it('keeps a porn trade’s term after a namer', () => {
    flaggedInBoth('porn', ['店名叫裸聊', '牌子叫裸聊', '这个app名叫约炮'])
  })

  it('keeps an insult in a name beside scorn', () => {
    flaggedInBoth('insult', ['蠢货店的老板是个傻子', '傻逼仔的老板真恶心', '我家狗叫废物，跟它主人一个样'])
    const shipped = shippedEvalMatcher()
    for (const text of ['@SB宋斌 滚', '@SB宋斌 蠢', '@SB宋斌 脑子呢', '@SB宋斌 妈的', '@SB宋斌 去你的'])
      expect(shipped.categoriesOf(text), text).toContain('insult')
  })

  it('keeps a rubbish firm scorned anywhere in the message', () => {
    flaggedInBoth('defamation', [
      '垃圾公司的车来拉垃圾了，这破公司真垃圾',
      '垃圾公司的人来收垃圾，一群垃圾',
      '垃圾公司的车来拉垃圾，这帮人素质真差',
      '城东垃圾公司的车来收垃圾，收费黑',
    ])
  })

  it('leaves the clean names clean', () => {
    cleanInBoth([
      '城东垃圾公司的车明早六点来清运装修垃圾',
      '百家乐超市开业了，欢迎光临',
      '我家仓鼠叫滚蛋，因为它圆滚滚的，哈哈',
      '@SB宋斌 合同放你桌上了',
      '夏柱家那边的装修尾款已经结清',
      '时时彩妆店下周开业，送两百张券',
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { cleanInBoth, flaggedInBoth, shippedEvalMatcher } from './eval-helpers.js'

/** The shipped dictionary's matcher, which finds curse initials (TMD, CNM) and 微信号 as an ad the shared one does not. */
const shipped = shippedEvalMatcher()

describe('a ban on posting after a pitch in its own sentence (issue #22, rev2 on f44)', () => {
  it('stays a hit when a clause before the ban pitches', () => {
    flaggedInBoth('false_ad', [
      '日结三百，包装盒上不能印第一品牌',
      '包赢，包装上禁止印第一品牌',
      '想赚钱的来，不能印全网最低',
      '私发价格，不能印第一品牌',
      '宝妈可做，不能印第一品牌',
      '稳赚，包装上禁止写第一品牌',
    ])
    flaggedInBoth('gambling', ['稳赚不赔，别印六合彩', '上分找我，群里不要发六合彩', '带单稳赚，别发百家乐'])
    flaggedInBoth('porn', ['包夜三百，群里禁止发约炮', '同城可约，别发一夜情'])
  })

  it('stays a hit when the speaker does what the ban forbids after it', () => {
    flaggedInBoth('false_ad', ['不能印第一品牌、全网最低，我们都能印，私聊', '不能印第一品牌，我们照印，私我'])
  })

  it('is no hit when the clause before warns, reports someone else or asks', () => {
    cleanInBoth([
      '包装盒上不能印第一品牌',
      '群规：不要发日结兼职，不能印第一品牌',
      '别信什么包赢，禁止发六合彩',
      '以前有人说包赢，这里禁止发六合彩',
      '有人发日赚的广告，群里禁止发日赚',
      '有人问包赢的那种，不能发六合彩吧？',
      '禁止发布六合彩，违者移出，我们也不会发',
    ])
  })
})

describe('a warning given by example after an urging, or a word holding 别 (issue #22, rev2 on f44)', () => {
  it('stays a hit after 别犹豫, 别错过, 不要去别家, 特别 in a word, or with the speaker having it', () => {
    flaggedInBoth('porn', [
      '特别刺激，尤其是那种一夜情',
      '别犹豫了，尤其是那种约炮',
      '千万别去别家，尤其是那种一夜情',
      '别找别人，特别是那种援交',
      '小心别错过，尤其是那种援交',
      '不要害羞，特别是那种一夜情的',
      '不要加陌生人，特别是那种约炮的，我这里有',
    ])
    flaggedInBoth('gambling', ['不要去别家，尤其是那种六合彩'])
    flaggedInBoth('ad', [
      '千万别错过，特别是那种免费领取',
      '警惕诈骗，尤其是那种免费领取的，真的在我这',
      '不要信，特别是那种日赚的。我这个是真的',
    ])
  })

  it('is no hit after a warning', () => {
    cleanInBoth([
      '千万别信，特别是那种免费领取',
      '不要轻信，特别是那种日赚的',
      '严禁发广告，尤其是那种约炮的',
      '不要乱加好友，特别是那种日赚的',
      '不要乱加好友，特别是那种日赚的，我有被骗过',
    ])
  })
})

describe('capitals said of a group, a curse or three letters long (issue #22, rev2 on f44)', () => {
  it('stays a hit after 你们, 一群, 这家, 他妈, or as a curse of three or more letters', () => {
    flaggedInBoth('insult', ['你们SB的售后', '这家SB的售后', '他妈SB M1136', '你们就是一群SB的配件'])
    for (const sentence of ['TMD的售后', 'CNM的打印机', 'NMSL的售后'])
      expect(shipped.categoriesOf(sentence), sentence).toContain('insult')
  })

  it('is no hit as a maker before its goods', () => {
    cleanInBoth(['HP的硒鼓没了', '厂家HP的硒鼓', 'HP P1108 驱动装不上'])
  })
})

describe('原胶 before a person or a service, 号源, a ping (issue #22, rev2 on f44)', () => {
  it('stays a hit', () => {
    flaggedInBoth('porn', ['原胶服务，用量随意，价格好说', '原胶少妇，黏人，带回家'])
    flaggedInBoth('confidential', [
      '成本价折扣店，要的扣我',
      '成本价专卖店，有需要的留言',
      '成本价超市开业，前100名免费送',
    ])
    expect(shipped.categoriesOf('出售微信号源，一手实名')).toContain('ad')
  })

  it('is no hit as glue, a shop or a signal', () => {
    cleanInBoth(['厂里备的原胶又涨价了', '对面开了家成本价折扣店', '山里威信号太差，电话都打不通'])
  })
})

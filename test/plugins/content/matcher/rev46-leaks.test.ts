import { describe, expect, it } from 'vitest'
import { cleanInBoth, flaggedInBoth, shippedEvalMatcher } from './eval-helpers.js'

/**
 * Leaks rev46 found in f46's readings (issue #22): a deed punished, then the speaker's own offer; two letters
 * counting two things beside people or names; a street by sound beside a table opened; a pet name added to a group,
 * then where to buy; 最低调 ending its clause; a waste firm's round, then an accusation; a ban, then who wants it told
 * to write. Sentences of our own, by shape.
 */
describe('leaks of f46 readings closed (issue #22, rev46)', () => {
  it('stays a hit for a deed punished, then the speaker taking it on', () => {
    flaggedInBoth('private_deal', [
      '同事接私单被开了，有活直接微信',
      '有个师傅接私单被罚了，我们这边便宜接',
      '她接私单被辞退了，接单加v',
    ])
  })

  it('stays an insult for two letters counting two things beside people or names', () => {
    for (const s of ['楼主BC两个组', '他们BC两个队都是垃圾'])
      expect(shippedEvalMatcher().categoriesOf(s), s).toContain('insult')
    flaggedInBoth('insult', ['NC两条狗', '你们两个SB两个组', '这俩SB两个班的', 'SB两个组的都滚', 'SB两条线的人滚'])
  })

  it('stays a gambling hit for a street by sound beside a table opened', () => {
    flaggedInBoth('gambling', ['博才街口现场开局，带够钱', '博才路口附近，今晚开台'])
  })

  it('stays a contact hit for a pet name added to a group, then who to add or buy from', () => {
    flaggedInBoth('contact', ['我刚加薇薇进客户群了，有需要的加她', '她昨天加薇薇进客户群了，找她拿货'])
  })

  it('stays a false_ad hit for 最低调 ending its clause', () => {
    flaggedInBoth('false_ad', ['全网最低调，下单送礼'])
  })

  it('stays a defamation hit for a waste firm on its round, then accused', () => {
    flaggedInBoth('defamation', ['垃圾公司每天早上来清运，骗子', '这垃圾公司每天三点来清运，收费贵得离谱骗人'])
  })

  it('stays a porn hit for a ban of any form, then who wants it told to write', () => {
    flaggedInBoth('porn', ['严禁出现任何约炮内容，约的私我', '严禁出现任何约炮内容，约的私聊'])
  })

  it('keeps the clean shapes clean', () => {
    cleanInBoth([
      '我们BC两个组一起开会',
      'BC两栋楼今天停水',
      '司机在博才路口等你',
      '我已经加薇薇进销售群了',
      '这家店是全网最低调的网红店',
      '听说有员工做飞单被开除了',
      '园区的垃圾公司每周三下午来收垃圾',
      '年会可以抽奖，但禁止任何形式的赌博',
    ])
  })
})

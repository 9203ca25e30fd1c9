import { describe, it } from 'vitest'
import { cleanInBoth, flaggedInBoth } from './eval-helpers.js'

/**
 * Leaks of f5051's readings and of older ones beside them (issue #22, rev5051): a violation dressed in a clean shape
 * (a shop or a given name, a numbered institution, a tasting note, a report, a kind of firm warned against) stays a
 * hit when the message still pitches or says the term as its own. Sentences of our own, by shape.
 */
describe("violations dressed in a reading's clean shape (issue #22, rev5051)", () => {
  it("stays a private-deal hit for a shop's or a person's name beside money paid into the speaker's own account", () => {
    flaggedInBoth('private_deal', [
      '斯丹车行老板说钱打我私人账户',
      '斯丹琴行老板说货款转到我个人卡上',
      '斯丹车行的定金打我卡上就行',
      '斯丹说钱打我私人账户',
      '思丹说钱转我个人卡上',
    ])
    cleanInBoth(['斯丹琴行的调音师下午到', '思丹今天请假，她的客户我先盯着', '货款打到公司对公账户'])
  })

  it('stays an insult hit for 去四 before a numbered institution in a message of scorn', () => {
    flaggedInBoth('insult', [
      '你有病就去四院',
      '你脑子有病去四院看看',
      '活着干嘛，去四院躺着吧',
      '没用的东西，去四中重读',
    ])
    cleanInBoth(['去四院开会', '孩子在四中读初二', '下周去四小开家长会'])
  })

  it('stays a porn hit for a name or a tasting note at the start of a message that still winks', () => {
    flaggedInBoth('porn', ['汤色清，同城约', '汤色清，可约', '汤色清，一晚500'])
    cleanInBoth(['汤色清味醇', '欢迎新同事张加薇加入'])
  })

  it('stays a defamation hit for a reported claim the speaker affirms after the report', () => {
    flaggedInBoth('defamation', [
      '有人说老板是骗子，已经上报了，确实是骗子',
      '有人说老板是骗子，已经处理了，他就是骗子',
      '有人说公司骗人，已经上报了，的确公司骗人',
    ])
    cleanInBoth(['有人说老板是骗子，已经上报了', '有人说老板是骗子，已经上报了，确实很气人'])
  })

  it("stays a gambling hit for a name running on from the term's last character after a verb that takes the term", () => {
    flaggedInBoth('gambling', ['买六合彩虹桥宾馆楼下找老王', '六合彩虹口酒店三楼有人收'])
    cleanInBoth(['住在六合彩虹桥酒店', '六合彩虹苑3栋的业主群'])
  })

  it('stays a defamation hit for a kind of firm warned against with a particular firm named after it', () => {
    flaggedInBoth('defamation', ['警惕垃圾公司鑫达贸易', '远离黑心公司：鑫达科技'])
    cleanInBoth(['提醒客户警惕皮包公司骗人的低价套路', '提醒大家警惕黑心公司，选择正规公司'])
  })
})

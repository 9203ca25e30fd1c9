import { describe, it } from 'vitest'
import { cleanInBoth, flaggedInBoth } from './eval-helpers.js'

/**
 * Leaks of the broad reading of messages about a violation (issue #22, revreport reviewing freport): the reader sent to
 * someone else on a condition after a case handled, and a customer's deal with the speaker beside a rule (pre-existing).
 */
describe('messages about a violation, dressed (issue #22, revreport)', () => {
  it('keeps a deal the reader is sent to someone else for after a case handled', () => {
    flaggedInBoth('private_deal', [
      '处罚了，私下交易的话你们可以找她',
      '被罚了两百，私下交易的话找小陈',
      '扣了绩效，私下交易的话直接找老王',
      '约谈过了，私下交易就找她',
    ])
  })

  it('keeps a date the reader is sent to someone else for after a case handled', () => {
    flaggedInBoth('porn', ['已处理，约炮的话可以找他'])
  })

  it('keeps a deal named as a topic then talked over in private with the reader', () => {
    flaggedInBoth('private_deal', ['王某私下交易被开除，私下交易的事我们私下说', '小陈私单被罚，私单的事咱们单独聊'])
  })

  it('keeps a customer doing the deal with the speaker beside a rule or a check', () => {
    flaggedInBoth('private_deal', [
      '群规禁止私下转账，顾客私下转账给我有折扣',
      '禁止私下交易，客户私下交易和我联系',
      '群规禁止私下转账，客户私下转账给我就行',
      '店里严查，客户私下交易跟我说一声',
    ])
  })

  it('still clears a customer dealing with the speaker when the case was handled, and someone sent to report', () => {
    cleanInBoth([
      '群规禁止私下转账，客户私下转账给我被罚了',
      '有客户私下转账给我，我拒绝了并举报了',
      '有人私下交易被罚了，已经告诉主管了',
      '王某私下交易被开除，私下交易的事大家注意',
    ])
  })
})

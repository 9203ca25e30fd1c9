import { describe, it } from 'vitest'
import { cleanInBoth, flaggedInBoth } from './eval-helpers.js'

/**
 * Leaks rev45 found in f45's readings (issue #22): a verdict on someone else's post, a secret kept to a role, a leak
 * told as an incident, a ban's list of examples, each beside the speaker's own offer (own-offers.ts).
 */
describe("the speaker's own offer after a verdict, a secret's rule, a leak or a ban's list (issue #22, rev45)", () => {
  it('keeps a trade, goods, an invitation, a discount or a value of the speaker around it', () => {
    flaggedInBoth('gambling', [
      '有人推的那个，是个网赌平台，别充钱，我这边代充八折',
      '有人推荐的那个，是个网赌平台，别充，我这平台返利高',
      '对方发的，是个网赌平台，别点，我做代理的，比他那个好',
      '有人发的那个，是个网赌平台，别点，我有更好的，价格优惠',
      '不要信，尤其是网赌、代充那种，我这边代充八折',
      '我这有正规平台，对方发的那个，是个网赌平台，千万别点',
      '代充八折，有人发的那个，是个网赌平台，别点',
    ])
    flaggedInBoth('porn', [
      '对方发的那个，是个黄色网站，别点，我这里资源更全',
      '不要点，尤其是约炮、裸聊这种，我这资源更多',
    ])
    flaggedInBoth('confidential', [
      '客户名单泄露一事别声张，有需要的来拿',
      '内部资料外泄的事，大家都有份，来领',
      '成本价外泄的事情查了，反正大家都知道了，进价就二十五',
      '客户名单仅限店长查看，需要的来要',
      '进货价只有采购能看，想知道的私下问',
      '成本价只有老板知道，出价高的可以聊',
      '客户名单只对主管开放，出钱就能看',
      '有需要的来拿，客户名单泄露一事别声张',
      '客户名单泄露一事，最新名单在我这',
      '进货价外泄的事，已经无所谓了，大家按25拿货',
    ])
  })

  it('leaves a warning, a report or a rule with nothing offered after it', () => {
    cleanInBoth([
      '有人发的那个链接，是个赌博网站，大家别点，看到的直接删',
      '对方发的网址，原来是个网赌平台，千万别点，要举报的找群主',
      '客户名单泄露一事公司会追责，大家以后注意',
      '内部资料外泄的事情已经上报，需要的话我会通知大家',
      '进货价只有采购能看，其他人不要问',
      '客户名单只有经理能看，需要查的找经理',
      '群里禁止发广告，尤其是代购、刷单这种，发了直接踢',
    ])
  })
})

import { describe, it } from 'vitest'
import { cleanInBoth, flaggedInBoth } from './eval-helpers.js'

describe('a secret value deferred to a source, then given (issue #22, fleft)', () => {
  it('keeps the hit when a clause of a figure follows the deferral', () => {
    flaggedInBoth('confidential', ['成本价按财务给的为准，四十二瓶', '成本价以财务给的为准，28一箱'])
  })

  it('clears the deferral that gives no figure', () => {
    cleanInBoth(['成本价以财务给的为准，明天再说', '进货价以系统为准，我三点到'])
  })
})

describe("the speaker's own contact offer after a warning of impostors (issue #22, fleft)", () => {
  it('keeps a later clause that asks the reader to reach the speaker', () => {
    flaggedInBoth('contact', ['有人冒充财务发兼职刷单，提醒各位，想兼职的加我微信'])
  })

  it("clears the impostor's doing, in its own clause or reported", () => {
    cleanInBoth(['有人冒充财务让你加我微信，大家注意', '有人冒充客服发兼职刷单，提醒大家注意'])
  })
})

describe('a two-character term parted by a clause break, its last character starting a word (issue #22, fleft)', () => {
  it('clears the word that starts the next clause', () => {
    cleanInBoth(['他就是傻，逼得大家加班', '你们别傻，逼近年底了'])
  })

  it('keeps it when the message pitches or aims it at someone', () => {
    flaggedInBoth('insult', ['他就是傻，逼得大家加班，加我微信', '最怕的是傻，逼急了，楼上说的就是你'])
  })
})

describe('a sound-alike whose verb takes 完 or 好 and an object (issue #22, fleft)', () => {
  it('clears the chat done with someone', () => {
    cleanInBoth(['刚罗聊完老板', '周末罗聊好合同', '明早罗聊完领导再出发'])
  })

  it('keeps the sound-alike alone or in a pitch', () => {
    flaggedInBoth('porn', ['今晚罗聊吗', '刚罗聊完老板，想看的私我'])
  })
})

describe('a pet name after 加 with a contact request (issue #22, fleft)', () => {
  it("keeps the name cleared as a colleague's when the message asks for a friend request's note or names an account", () => {
    flaggedInBoth('contact', ['加威威哥，备注暗号', '加薇薇姐微信号，备注来意'])
  })

  it('clears the colleague added to a project group, and a note asked for a transfer', () => {
    cleanInBoth(['记得加薇薇姐进项目群', '转账请备注姓名'])
  })
})

describe('加 and 微 in another tone before an account, a note or a private chat (issue #22, fleft)', () => {
  it('reads it as 加微', () => {
    flaggedInBoth('contact', ['加卫：lily_888', '加伟，备注来意', '加卫备注公司名', '加伟详聊', '加卫私发'])
  })

  it('leaves a name going on, a word, and a chat that happened', () => {
    cleanInBoth(['加伟明天到，备注一下', '加伟的报销单已备注', '记得加卫生间的清洁', '加伟聊了一下'])
  })
})

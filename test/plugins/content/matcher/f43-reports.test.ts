import { describe, expect, it } from 'vitest'
import { cleanInBoth, flaggedInBoth, sharedEvalMatcher, shippedEvalMatcher } from './eval-helpers.js'

describe('a report of someone else’s words or post (issue #22, f43)', () => {
  it('is no hit when a member quoted after 说 or 骂 is reported: @-mentioned under a report, or the screenshot sent', () => {
    cleanInBoth([
      '截图发你了，这人在群里骂保洁阿姨“蠢货”',
      '截图发您了，那个家长在群里骂老师“废物”',
      '举报：@老周 一直在群里说“加我微信”拉学员',
      '投诉：@阿强 天天在群里喊“私聊我”卖保险',
    ])
  })

  it('is no hit when a newcomer’s post or a post taken down is reported', () => {
    cleanInBoth([
      '一进群就发裸聊的广告，已举报',
      '刚进来就发赌博的链接，已踢',
      '管理员：刚撤回的消息里有六合彩，请勿传播',
      '群主：刚删除的帖子里有赌博链接，请勿扩散',
    ])
  })

  it('is no hit when who passed a secret on is told to own up or looked for', () => {
    cleanInBoth(['有人把底价发到业主群了，谁发的站出来', '有人把内部资料转到客户群了，查一下是谁'])
    cleanInBoth(['有人把客户名单发给竞品了，谁干的主动承认'])
  })

  it('stays a hit when the message pitches too, or the insult is said to the reader', () => {
    flaggedInBoth('insult', ['截图发你了，这人在群里骂家长“废物”，同城空降可约', '截图发你了，你就是个“废物”'])
    flaggedInBoth('contact', ['举报：@小美 天天说“私聊我”，稳赚不赔的项目找我'])
    flaggedInBoth('porn', ['一进群就发约炮的图，已举报，想看的扣1', '管理员：刚删除的帖子里有裸聊，请勿传播，同城可约'])
    flaggedInBoth('gambling', ['管理员：刚撤回的消息里有六合彩，请勿传播，特码加我'])
    flaggedInBoth('confidential', ['有人把成本价发给客户了，谁干的自己来找我，一晚三百'])
  })
})

describe('a rule on where a secret is seen, and a claim whose sayer is asked for proof (issue #22, f43)', () => {
  it('is no hit when a secret may only be seen somewhere, or who says the claim is asked for proof', () => {
    cleanInBoth(['提醒：内部价格表只在内部群看，别转客户群', '客户名单只在CRM里查'])
    cleanInBoth([
      '说我们是黑心公司的，请拿出证据来',
      '在群里说老板是骗子的，我们会追究法律责任',
      '到处说公司骗人的，证据呢？',
    ])
  })

  it('stays a hit when the message pitches too, a secret value’s figure follows, or the claim is made outright', () => {
    flaggedInBoth('confidential', ['内部资料只在内部群看，想要的私聊我', '成本价只能在内部群看，380一台'])
    flaggedInBoth('defamation', [
      '说公司骗人的请拿出证据，加我微信细聊',
      '说老板是骗子的请拿出证据，注册送彩金',
      '公司骗人，拿出证据给你看',
    ])
  })
})

describe('a sound-alike that is a club’s or a person’s name or a runner’s rate (issue #22, f43)', () => {
  it('is no hit before a club’s or a dealer’s kind, as a surname before a doubled given name, or before a distance', () => {
    cleanInBoth(['司丹健身的团课排期出来了', '斯丹瑜伽下周开新店', '伯才体育的场地订好了'])
    cleanInBoth(['曲思思那台电动车修好了', '杜博博明天来上课'])
    cleanInBoth(['月跑量破百的学员送水杯', '本月跑量统计出来了，月跑三百公里的有五个'])
  })

  it('stays a hit when the message pitches, the term stands after a pointer, or after where one meets', () => {
    flaggedInBoth('private_deal', ['司丹健身，私教课私下转我'])
    flaggedInBoth('insult', ['曲思思那台车，稳赚不赔找我', '你个沙比比'])
    flaggedInBoth('porn', ['月跑量破百，同城可约', '月跑三百公里，一晚八百', '同城罗聊，视频真人', '附近约泡'])
  })
})

describe('a price offered as the bait of a contact (issue #22, f43)', () => {
  it('is no confidential hit next to a clause asking to contact the speaker; the contact stays', () => {
    const baits = ['➕我微信，装修建材内部价', '内部价给你，私聊我']
    flaggedInBoth('contact', baits)
    for (const m of [sharedEvalMatcher(), shippedEvalMatcher()])
      for (const s of baits) expect(m.categoriesOf(s), s).not.toContain('confidential')
  })

  it('stays a confidential hit for a cost, a figure, a table or a plea to keep it secret', () => {
    flaggedInBoth('confidential', ['加我微信，成本价给你'])
    for (const s of ['加我微信，内部价880', '加我微信，底价，别外传', '内部价表发你，加我微信'])
      expect(shippedEvalMatcher().categoriesOf(s), s).toContain('confidential')
  })
})

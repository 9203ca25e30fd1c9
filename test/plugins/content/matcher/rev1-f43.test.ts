import { describe, expect, it } from 'vitest'
import { cleanInBoth, flaggedInBoth, sharedEvalMatcher, shippedEvalMatcher } from './eval-helpers.js'

/** Sentences that stay hits of a category with the shipped dictionary (the shared one lacks the term). */
function flaggedShipped(category: string, sentences: string[]): void {
  for (const s of sentences) expect(shippedEvalMatcher().categoriesOf(s), s).toContain(category)
}

describe('f43’s report readings with an insult the speaker calls someone (issue #22, rev1)', () => {
  it('stays a hit when the insult stands in a clause that calls someone it, or the speaker swaggers or threatens', () => {
    flaggedInBoth('insult', [
      '截图发你了，楼上这人骂我“脑残”，老子弄死你',
      '截图发你了，这人在群里骂我“废物”，你才是废物',
      '这人天天在群里发广告，就是个傻逼，别理',
      '@张三 天天在群里发广告，真是个傻逼，已举报',
      '这人在群里说我坏话，傻逼一个，请勿传播',
      '一进群就骂人，脑残吧，已举报',
      '此人在群里骂人，傻逼玩意，请勿传播',
      '有人骂我傻逼，谁干的站出来，老子弄死你',
      '此人在群里骂人，截图发你了，真是个脑残',
    ])
  })

  it('is no hit when the insult is the words reported, quoted or after 骂 and 说', () => {
    cleanInBoth([
      '截图发你了，这人在群里骂保洁阿姨“蠢货”，我已经报给物业了',
      '截图发您了，那个家长在群里骂老师“废物”，已经处理了',
      '禁止在群里骂人“傻逼”，违者踢出',
    ])
  })
})

describe('f43’s @-mention, newcomer and withdrawn post as who said it (issue #22, rev1)', () => {
  it('stays a hit when the speaker addresses the member mentioned, or the post is the speaker’s own', () => {
    flaggedInBoth('porn', [
      '@小美 发你了，裸聊视频，请勿传播',
      '@小美 发你约炮视频，请勿传播',
      '@小丽 我说的那个约炮app，别扩散',
    ])
    flaggedInBoth('porn', ['@全体成员 发个福利，成人视频合集，请勿传播'])
    flaggedInBoth('private_deal', [
      '@阿强 跟你说个事，私单我这边接，请勿传播',
      '@老王 给你说个私单，利润高，别传播',
      '@阿强 说好的私下转账，别传播',
      '刚撤回的消息里是我的私单报价，请勿传播',
    ])
    flaggedInBoth('confidential', ['@王姐 发你的内部价格表，别传播', '@李总 发你成本价了，请勿扩散'])
    flaggedInBoth('gambling', ['@王总 我推荐的赌博平台怎么样，请勿传播'])
    flaggedInBoth('insult', ['@张三 叫你别说了，傻逼，已举报'])
  })

  it('stays a hit when the speaker takes part, praises it or offers it after the report', () => {
    flaggedInBoth('porn', [
      '刚进来就发裸聊广告，别理，我这有真人的',
      '一进群就发约炮，我也想约，已举报',
      '截图发你了，@小芳 推荐的裸聊，真的好看',
    ])
    flaggedInBoth('private_deal', ['截图发你了，有人问私单，我接了', '截图发你了，客户说要私下转账，我同意了'])
    flaggedInBoth('gambling', ['截图发你了，有人推荐网赌，我赢了两万'])
    flaggedShipped('ad', [
      '刚撤回的消息里有代开发票，需要的联系他，请勿传播',
      '@小李 在群里发代开发票，请勿传播，发票我这也能开',
    ])
  })

  it('is no hit for a member who posted it, in the group the speaker is in, or evidence the speaker keeps', () => {
    cleanInBoth([
      '@老周 在业主群说“私聊我”拉人，已举报',
      '@小王 在我们群里发约炮广告，已举报',
      '一进群就发赌博链接，已举报，我这有截图',
      '截图发你了，有人问私单，我没接',
      '刚撤回的消息里有六合彩，请勿传播',
    ])
  })
})

describe('a secret value’s figure after f43’s readings (issue #22, rev1)', () => {
  it('stays a hit when the figure follows the term right away, in a clause of its own or after 说了', () => {
    flaggedInBoth('confidential', [
      '@王总 说成本价380一台，请勿扩散',
      '有人把成本价发给客户了，谁干的自己来找我，380一台',
      '有人把进货价发到客户群了，谁发的站出来，45一箱',
      '进货价一律不准外传，45一箱',
    ])
    flaggedShipped('confidential', [
      '刚撤回的消息里有底价，1200一平，请勿传播',
      '一进群就问底价，我说了3200，别传播',
      '底价只在系统里看，1200一平',
    ])
  })

  it('stays a hit when a rule on where it is seen hands it over or points at a group', () => {
    flaggedInBoth('confidential', ['成本价只在内部群看，你要的话我拉你', '内部价格表只在内部群看，群号123456789'])
    flaggedShipped('confidential', ['底价只在小程序里看，小程序码在我主页'])
  })

  it('is no hit for a year, a fine or a ban with no figure', () => {
    cleanInBoth(['有人把提成比例发到客户群了，谁发的站出来，2024年起严查', '进货价一律不准外传，违者罚款500元'])
    for (const s of ['底价只在系统里看，2024年新规', '有人问底价，我没回，请勿传播'])
      expect(shippedEvalMatcher().categoriesOf(s), s).toEqual([])
  })
})

describe('f43’s price bait and proof demand (issue #22, rev1)', () => {
  it('keeps the price when the contact beside it names no channel: the price is the only hit', () => {
    flaggedShipped('confidential', ['底价给你，找我', '内部价，找我', '找我，底价给你', '底价发你，私聊', '滴我，底价'])
    for (const m of [sharedEvalMatcher(), shippedEvalMatcher()])
      expect(m.categoriesOf('➕我微信，二手车内部价')).toEqual(['contact'])
  })

  it('stays a hit when the claim is affirmed after the demand for proof, and not when it is rebutted', () => {
    flaggedInBoth('defamation', ['到处说公司骗人的，证据呢？公司就是骗人'])
    flaggedInBoth('insult', ['说谁是傻逼的，拿出证据，@张三 就是'])
    cleanInBoth(['说我们是黑心公司的，请拿出证据来，我们就是正规公司', '说公司骗人的，请拿出证据，公司就是正规经营'])
  })
})

import { describe, expect, it } from 'vitest'
import { cleanInBoth, flaggedInBoth, sharedEvalMatcher, shippedEvalMatcher } from './eval-helpers.js'

/** The shared dictionary's matcher under the eval-v2 options, as the held-out table runs it. */
const shared = sharedEvalMatcher()
/** The shipped dictionary's matcher, which finds 底价 where the shared one does not. */
const shipped = shippedEvalMatcher()

/** Sentences that stay hits of a category, whatever clean reading their words also have. */
function staysHit(category: string, sentences: string[]): void {
  for (const sentence of sentences) expect(shared.categoriesOf(sentence), sentence).toContain(category)
}

/** Sentences that are no hit. */
function isClean(sentences: string[]): void {
  for (const sentence of sentences) expect(shared.categoriesOf(sentence), sentence).toEqual([])
}

describe('a clean shape of f41/f42 followed by a pitch the guard did not know (issue #22, rev2)', () => {
  it('stays a hit with an earnings, gambling, porn or contact pitch after it', () => {
    staysHit('private_deal', [
      '下午我直接去工地验收，不走公司了，两百一晚',
      '下午我直接去工地验收，不走公司了，开户送88',
      '明天先去仓库盘点，不走公司，真钱牛牛',
      '司丹妈妈说孩子过敏，小妹上门按摩',
    ])
    staysHit('confidential', [
      '严禁将进货价发到客户群，飞机@abc123',
      '千万别把内部资料拍照发朋友圈，懂的都懂，私',
      '夜场小妹。老李跟客户说了进货价，公司已经处罚了',
    ])
    expect(shipped.categoriesOf('小王在外面说了底价，主管已经找他谈话了，需要的私')).toContain('confidential')
    expect(shipped.categoriesOf('小王在外面说了底价，主管已经找他谈话了')).toEqual([])
    staysHit('false_ad', ['本店从不保证永久有效，福利视频看我动态'])
    staysHit('insult', ['上一批茶都是纯货，全程无套'])
    staysHit('ad', ['星期日赚的钱都存起来了，日结300', '工作日赚的比周末多，包回本'])
    staysHit('gambling', [
      '系统把正常的报价单识别成赌博了，赔率1比9',
      '嫩芽要时时采，老叶留着，手机就能做，日结',
      '百家乐商场门口新开了一家奶茶店，一条龙服务',
      '网投稳定。朋友发来一个六合彩链接问是不是咱们合作的，不是的',
    ])
    staysHit('porn', ['周六早上约跑，感兴趣的群里报名，1对1视频', '罗廖奶奶在门口等，美女在线陪聊'])
  })

  it('is no hit without the pitch', () => {
    isClean([
      '下午我直接去工地验收，不走公司了',
      '严禁将进货价发到客户群',
      '本店从不保证永久有效',
      '司丹妈妈说孩子过敏',
      '上一批茶都是纯货',
      '星期日赚的钱都存起来了',
      '系统把正常的报价单识别成赌博了',
      '嫩芽要时时采，老叶留着',
      '周六早上约跑，感兴趣的群里报名',
      '小王在外面说了底价，主管已经找他谈话了',
      '百家乐商场门口新开了一家奶茶店',
      '朋友发来一个六合彩链接问是不是咱们合作的，不是的',
    ])
  })
})

describe('a term talked about or cut by a word, then a pitch in another clause (issue #22, rev2)', () => {
  it('stays a hit when the speaker goes on to pitch', () => {
    staysHit('porn', ['群里有人发成人视频，已经让他撤回了，要看的留言'])
    staysHit('gambling', [
      '有人发网赌链接，已经让他删除了，正规的在我这，稳定出款',
      '有人冒充客服推网赌，与本公司无关，我们的平台提现秒到',
    ])
  })

  it('is no hit as a report, a disowning or a warning', () => {
    isClean([
      '群里有人发成人视频，已经让他撤回了',
      '有人发网赌链接，已经让他删除了',
      '有人冒充客服推网赌，与本公司无关',
      '问答：加v领红包是真的吗？答：官方从不要求加v，都是诈骗',
    ])
  })
})

describe('the cue words of f41/f42 written by a spammer (issue #22, rev2)', () => {
  it('stays a hit with a sum a day earns, a price a time or a girl for company', () => {
    staysHit('ad', ['工作日赚五百，周末翻倍', '双休日赚八百，宝妈学生都能做'])
    staysHit('private_deal', ['自己开车去，不走公司，一次两百'])
    staysHit('porn', ['约跑吗，小姐姐陪跑，感兴趣的群里报名'])
  })

  it('is no hit as a day earned on, a way to work or a run to sign up for', () => {
    isClean(['工作日赚的比周末多', '明天先去仓库盘点，不走公司', '下周约跑，想去的接龙'])
  })
})

describe('a ban, a denial or a rule naming a term, then a pitch around it (issue #22, the lead after rev2)', () => {
  it('stays a hit when a porn or gambling pitch follows the ban', () => {
    flaggedInBoth('porn', ['请勿发成人视频，学妹上门一条龙', '群公告：禁止发成人视频。小妹上门，一条龙'])
    flaggedInBoth('gambling', ['别转发网赌链接，真钱棋牌开户送'])
  })
  it('is still no hit as the ban alone', () => {
    cleanInBoth(['请勿发成人视频', '群公告：禁止发成人视频。违者移出', '别转发网赌链接，发现一律踢出'])
  })
})

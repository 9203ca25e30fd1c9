import { describe, expect, it } from 'vitest'
import { cleanInBoth, flaggedInBoth, shippedEvalMatcher } from './eval-helpers.js'

/**
 * Shapes of blind50 and blind51 (issue #22, f5051): a name that runs on from a term's last character to a hotel or
 * an estate, a trade's 行 shop, a numbered institution, a deed told to a superior, a quoted post named by a measure
 * word, a kind of firm warned against, a part shaped like a letter, a tasting note's 色清; and three misses' ways of
 * writing: a price's initials at hand, 时时彩's initials beside 带单, 卜 for 下. Sentences of our own, by shape.
 */
describe('words that read otherwise around a hit (issue #22, f5051)', () => {
  it("is no hit for a name that starts with a term's last character and runs to a place's kind", () => {
    cleanInBoth(['时时彩虹广场的停车场周末免费', '六合彩虹苑3栋的业主群', '百家乐园大酒店的包间订好了'])
  })

  it('stays a gambling hit where such a name stands beside bets or a draw', () => {
    flaggedInBoth('gambling', ['六合彩虹桥酒店老板私下收注', '六合彩虹桥酒店，今晚出号码', '时时彩虹酒店，带你上分'])
  })

  it("is no hit for a sound-alike naming a trade's 行 shop (琴行)", () => {
    cleanInBoth(['佳薇琴行周六有试听课', '斯丹琴行的调音师下午到'])
    flaggedInBoth('private_deal', ['斯丹琴行接私单，价格便宜'])
  })

  it('is no hit for 去 and a numbered institution (四院, 四中, 四小)', () => {
    cleanInBoth(['孩子在四中读初二', '他爸在四院住院部上班', '下周去四小开家长会'])
  })

  it('stays an insult hit for 去四 ending its clause or aimed at someone', () => {
    flaggedInBoth('insult', ['你去四吧', '去四院吧你', '滚去四中', '@张三 去四院看看脑子'])
  })

  it("is no hit for someone else's leak the speaker told a superior", () => {
    cleanInBoth([
      '前台把进货价发给了客户，我已经告诉经理',
      '有个司机把客户名单拍照发到外面，我已经跟主管说了',
      '小李把内部价格表转给了别人，已经告诉老板',
    ])
  })

  it('stays a confidential hit where the speaker hands the secret on after telling', () => {
    flaggedInBoth('confidential', [
      '前台把进货价发给了客户，我已经告诉经理，要的私我',
      '小王把客户名单发到外部群了，已经跟老板说了，想要的找我',
    ])
  })

  it("is no hit for someone else's quoted post named by a measure word (那句话, 那条)", () => {
    cleanInBoth(['那个客户发的“老板是骗子”那句话，要不要删', '昨天有人发的“扫码进群”那条，管理员处理一下'])
  })

  it('stays a defamation hit where the speaker agrees with the quoted post', () => {
    flaggedInBoth('defamation', ['群友发的“公司骗人”那段话，说得对', '那个新人发的“老板是骗子”那段话，说得对'])
  })

  it('is no hit for a kind of firm warned against', () => {
    cleanInBoth(['提醒大家警惕皮包公司骗人的套路', '大家谨防皮包公司'])
  })

  it('stays a defamation hit for a firm pointed at, or a warning that pitches', () => {
    flaggedInBoth('defamation', [
      '警惕皮包公司骗人，我们公司靠谱，价格优惠',
      '提醒大家警惕皮包公司骗人，私聊我给你推荐靠谱的',
    ])
    const shipped = shippedEvalMatcher()
    for (const text of ['警惕隔壁这家皮包公司', '谨防皮包公司，比如楼下那家'])
      expect(shipped.categoriesOf(text), text).toContain('defamation')
  })

  it('is no hit for a part shaped like a letter (V刹, V型)', () => {
    cleanInBoth(['山地车加V刹多少钱', '这款支架可以加V型卡扣'])
  })

  it('stays a contact hit for such a part beside a way to reach someone', () => {
    flaggedInBoth('contact', ['加V刹，详情私聊', '加V刹：lily_888', '加V刹车片138 1234 5678'])
  })

  it("is no hit for a tasting note's 色清 (汤色, 酒色)", () => {
    cleanInBoth(['这壶茶汤色清味甘', '这款黄酒酒色清亮，入口绵柔'])
  })

  it('stays a porn hit for 色清 before a medium or asked for', () => {
    flaggedInBoth('porn', ['色清视频，味道好极了', '有没有色清的，茶水钱我出', '喝茶看色清片'])
  })

  it("finds a price's initials the speaker says are at hand (cbj我都有)", () => {
    flaggedInBoth('confidential', ['这批货的jhj我也有，要的私聊', '这款的cbj我这有'])
    cleanInBoth(['cbj我有疑问', 'jhj在我这边核算'])
  })

  it('finds 时时彩 by its initials beside bets led (带单)', () => {
    flaggedInBoth('gambling', ['ssc带单，每期稳', 'ssc带单群'])
    cleanInBoth(['SSC带单据去财务'])
  })

  it('finds 卜 written for 下 outside its own words', () => {
    flaggedInBoth('gambling', ['今晚欧洲杯卜注的私我'])
    flaggedInBoth('private_deal', ['私卜交易，价格好说'])
    cleanInBoth(['今天吃萝卜注意少放盐', '去占卜注意别被骗', '卜先生下午到', '卜老师注意休息'])
  })
})

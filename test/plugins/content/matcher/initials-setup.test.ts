import { describe, expect, it } from 'vitest'
import { compileMatcher, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import { SHARED_DICTIONARY, hasEvalFile } from './eval-helpers.js'
import { dictionaryOf } from './helpers.js'

/** Initials of the standard categories confidential, false_ad and private_deal (standard-categories.ts), the shared dictionary as it is. */
describe.skipIf(!hasEvalFile)('initials of confidential terms, false claims and private deals', () => {
  let compiled: ReturnType<typeof compileMatcher> | undefined
  const categories = (text: string) =>
    (compiled ??= compileMatcher(loadDictionaryFiles([SHARED_DICTIONARY]).dictionary)).categoriesOf(text)

  it('finds the initials of a long false claim on their own (gjjcp 国家级产品)', () => {
    expect(categories('我们是 gjjcp，放心买')).toEqual(['false_ad'])
  })

  it('finds short initials with a word of their category in the message', () => {
    expect(categories('这批货的 cbj 要保密')).toEqual(['confidential'])
    expect(categories('老客户走 sd，现金结')).toEqual(['private_deal'])
    // A private deal undercuts the company (b17other).
    expect(categories('要不要走 sd，价格便宜一截')).toEqual(['private_deal'])
  })

  it('finds initials written beside characters of the term, four in all, on their own (sx交易 私下交易)', () => {
    expect(categories('那批货我们 sx交易 吧')).toEqual(['private_deal'])
    expect(categories('这个月 khmd 我整理好了')).toEqual(['confidential'])
  })

  it('finds gambling initials beside the lines of a football bet (dq 赌球 with 让球, 大小球, 亚盘)', () => {
    expect(categories('周末 dq 谁来？让球盘我有消息')).toEqual(['gambling'])
    expect(categories('今晚 DQ 吗，大小球我来定')).toEqual(['gambling'])
    expect(categories('这场亚盘怎么看，一起 dq')).toEqual(['gambling'])
  })

  it('leaves a football word without initials alone, and initials without one (让球 on the pitch, dq a region)', () => {
    expect(categories('昨晚的比赛让球太多了，没意思')).toEqual([])
    expect(categories('dq 经理下周来检查')).toEqual([])
  })

  it('finds the initials of a price term with an amount after them (cbj 成本价, jhj 进货价)', () => {
    expect(categories('跟您说实话，这款cbj才三百八')).toEqual(['confidential'])
    expect(categories('这批滤芯 jhj 是 380 块')).toEqual(['confidential'])
    expect(categories('老款的 CBJ：120，新款贵点')).toEqual(['confidential'])
  })

  it('leaves price initials without an amount after them alone (cbj 三号线, a field of a tender)', () => {
    expect(categories('cbj 三号线那边堵车了')).toEqual([])
    expect(categories('cbj 三号线的站牌换了')).toEqual([])
  })

  it('leaves short initials without such a word alone (an sd card, a cbj code)', () => {
    expect(categories('相机的 sd 满了，借我一张')).toEqual([])
    expect(categories('标书里 cbj 那一栏填什么')).toEqual([])
  })

  it('finds gambling initials beside a word of the table or the draw (荷官, 串子, 稳赢, 期期)', () => {
    expect(categories('新开的 bjl 台，美女荷官陪你玩')).toEqual(['gambling'])
    expect(categories('周末三场 dq，串子我来配')).toEqual(['gambling'])
    expect(categories('跟着我 xz，稳赢不亏')).toEqual(['gambling'])
    expect(categories('ssc 群里期期都有人中')).toEqual(['gambling'])
    expect(categories('bjl 上下分秒到，老板们来')).toEqual(['gambling'])
    expect(categories('lhc 三码必中，跟我')).toEqual(['gambling'])
  })

  it('finds gambling initials beside a number that hits the special draw (中特), not a context word a word cuts (b19fix)', () => {
    expect(categories('ssc 今晚三码中特，跟上')).toEqual(['gambling'])
    expect(categories('bjl 中特别提到违约金')).toEqual([])
  })

  it('leaves those initials alone without such a word (bjl a contract party, ssc a service centre)', () => {
    expect(categories('合同里 bjl 是乙方，甲方是我们')).toEqual([])
    expect(categories('SSC 的同事期末要对账')).toEqual([])
    expect(categories('周末王者上分，谁来开黑')).toEqual([])
  })

  it('finds gambling initials right after a football competition (欧冠 dq, 英超xz)', () => {
    expect(categories('世界杯 dq 的来私聊')).toEqual(['gambling'])
    expect(categories('英超xz了吗，今晚有好球')).toEqual(['gambling'])
  })

  it('leaves initials apart from the competition, or an abbreviation after it, alone (DQ the ice cream)', () => {
    expect(categories('世界杯期间 dq 经理值班')).toEqual([])
    expect(categories('看欧冠吃DQ，爽')).toEqual([])
    expect(categories('世界杯 DQ 冰淇淋买一送一')).toEqual([])
  })

  it('finds the initials of a price handed to someone (cbj 给你了, jhj 发你)', () => {
    expect(categories('老板让我把 cbj 给你，别外面说')).toEqual(['confidential'])
    expect(categories('上次那批 jhj 我发你，看完就行')).toEqual(['confidential'])
    expect(categories('王总问 cbj，我就给他看了')).toEqual(['confidential'])
    expect(categories('这套的 cbj 已经发到群里了')).toEqual(['confidential'])
  })

  it('leaves price initials before a give verb used otherwise alone (cbj a name, a tender field sent on)', () => {
    expect(categories('cbj 给你打电话了，回一下')).toEqual([])
    expect(categories('jhj 发你邮箱了，查收')).toEqual([])
    expect(categories('标书里 cbj 那一栏填好了，回头发你看看')).toEqual([])
  })

  it('finds a leak of price initials hushed (别截图, 别说是我)', () => {
    expect(categories('jhj 在这，看完别截图')).toEqual(['confidential'])
    expect(categories('CBJ 清单在附件，别说是我给的')).toEqual(['confidential'])
  })

  it('finds order initials as the object of a verb taking orders (走 sd, 接 sd 吗)', () => {
    expect(categories('这种小单走 sd 就行')).toEqual(['private_deal'])
    expect(categories('你们还接sd吗？')).toEqual(['private_deal'])
  })

  it('leaves order initials before what they name alone (sd 流程, an sd card)', () => {
    expect(categories('报销要走 sd 流程，找财务')).toEqual([])
    expect(categories('帮我接 sd 卡读一下照片')).toEqual([])
    expect(categories('sd 价格又涨了，买大一点的')).toEqual([])
  })
})

describe('letters that are initials of two categories (b17other)', () => {
  /** Deals gated by context words, ads and insults not: 私单 and 刷单 are both sd, 博彩 and 白痴 both bc. */
  function twoReadings() {
    const dictionary = dictionaryOf({
      deal: { terms: ['私单'] },
      bet: { terms: ['博彩'] },
      ad: { terms: ['刷单'] },
      insult: { terms: ['白痴'] },
    })
    Object.assign(dictionary.categories.deal, { expand: ['initials'], context: ['系统', '现金'] })
    Object.assign(dictionary.categories.bet, { expand: ['initials'], context: ['返水', '充值'] })
    Object.assign(dictionary.categories.ad, { expand: ['initials'] })
    Object.assign(dictionary.categories.insult, { expand: ['initials'] })
    return compileMatcher(dictionary)
  }

  it('are the confirmed category’s alone when a context word confirms one reading', () => {
    const m = twoReadings()
    expect(m.categoriesOf('老客户这单走 sd，不进系统')).toEqual(['deal'])
    expect(m.categoriesOf('新开的 bc 网站，返水天天结')).toEqual(['bet'])
  })

  it('keep every ungated reading when no context word confirms one', () => {
    const m = twoReadings()
    expect(m.categoriesOf('sd 一单二十，日结')).toEqual(['ad'])
    expect(m.categoriesOf('你真是个 bc')).toEqual(['insult'])
  })
})

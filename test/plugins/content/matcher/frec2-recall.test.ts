import { describe, expect, it } from 'vitest'
import { compileMatcher, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import { SHARED_DICTIONARY, hasEvalFile } from './eval-helpers.js'

/**
 * Classes of misses blind27, blind29, blind30 and blind31 showed (issue #22, frec2), with new sentences of each
 * class, violating and clean, on the shared dictionary as it is (its standard categories' expansions and context
 * words).
 */
let compiled: ReturnType<typeof compileMatcher> | undefined
const matcher = () => (compiled ??= compileMatcher(loadDictionaryFiles([SHARED_DICTIONARY]).dictionary))
const categories = (text: string) => matcher().categoriesOf(text)

describe.skipIf(!hasEvalFile)('frec2: initials confirmed by what the message does with them', () => {
  it('finds a lottery’s initials with the draw asked or told right after them', () => {
    expect(categories('ssc 今晚开什么码，跟不跟')).toEqual(['gambling'])
    expect(categories('有人知道lhc这期开几号吗')).toEqual(['gambling'])
  })

  it('leaves a person’s or a desk’s initials that open something else alone', () => {
    expect(categories('lhc 开会去了，下午回来')).toEqual([])
    expect(categories('ssc 开了几个工单，月底前处理完')).toEqual([])
  })

  it('finds a price’s initials with a request to keep it from someone', () => {
    expect(categories('这款电钻的 jhj 千万别让门店知道')).toEqual(['confidential'])
    expect(categories('cbj不要告诉经销商，就咱俩知道')).toEqual(['confidential'])
  })

  it('leaves the speaker’s own impatience (别告诉我) alone', () => {
    expect(categories('cbj 别告诉我你又算错了')).toEqual([])
  })

  it('finds initials whose letters a link of the message names with a number', () => {
    expect(categories('周末玩 ssc 的点这个 ssc365.top')).toEqual(['gambling', 'link'])
    expect(categories('dq 房间开了 http://88dq.win/room')).toEqual(['gambling', 'link'])
  })

  it('leaves initials beside a link that spells other letters, or the company’s own site', () => {
    expect(categories('bjl 的合同扫描件在 https://pan.acme-files.com/x')).toEqual(['link'])
    expect(categories('ssc 报销流程见 https://ssc2.example-water.com/help')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)('frec2: a comma slipped after a term’s first character standing alone', () => {
  it('finds the term where its first character opens the clause alone', () => {
    expect(categories('网、赌平台注册就送')).toEqual(['gambling'])
    expect(categories('要的话，私，单走一下，比门店省')).toEqual(['private_deal'])
  })

  it('leaves a word before the mark, a list of characters, and a word’s end alone', () => {
    expect(categories('楼下，注意安全')).toEqual([])
    expect(categories('往下，注意脚下的台阶')).toEqual([])
    expect(categories('东、西、南、北、下、注意方向')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)('frec2: an order term priced (私单价: 私|单价 leaves a bound character alone)', () => {
  it('finds the order term with 价 right after it, written or split', () => {
    expect(categories('私单价比店里低一半，要的说')).toEqual(['private_deal'])
    expect(categories('禾厶单价便宜三成，我直接从厂里拿')).toEqual(['private_deal'])
  })

  it('leaves smuggling and its price, and an order’s value, as before', () => {
    expect(categories('海关公布了走私单价最高的几类货')).toEqual([])
    expect(categories('走私单据要留档')).toEqual([])
    // Initials priced are no order named: sd is a memory card as much (sd卡价格).
    expect(categories('sd价更低，要几张？')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)('frec2: 仝 for 全 (工 and 王 differ by a stroke across the middle)', () => {
  it('finds a term written with the look-alike', () => {
    expect(categories('这款电暖器绝对安仝，老人孩子都能用')).toEqual(['false_ad'])
  })

  it('leaves everyday words with 全 or 工 alone', () => {
    expect(categories('全部安全帽都要检查')).toEqual([])
    expect(categories('施工安全第一，绝对不能马虎')).toEqual([])
  })
})

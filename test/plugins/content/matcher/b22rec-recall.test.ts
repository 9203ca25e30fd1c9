import { describe, expect, it } from 'vitest'
import { compileMatcher, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import { chatSpellings, spokenForms } from '../../../../plugins/content/matcher/measure-words.js'
import { SHARED_DICTIONARY, hasEvalFile } from './eval-helpers.js'

/**
 * Classes of misses blind22 and blind23 showed (issue #22, b22rec), with new sentences of each class, violating and
 * clean, on the shared dictionary as it is (its standard categories' expansions and context words).
 */
describe.skipIf(!hasEvalFile)('b22rec: first top-ups, a price asked for, an order taken past a cut word', () => {
  let compiled: ReturnType<typeof compileMatcher> | undefined
  const categories = (text: string) =>
    (compiled ??= compileMatcher(loadDictionaryFiles([SHARED_DICTIONARY]).dictionary)).categoriesOf(text)

  it('confirms gambling initials with a first top-up bonus (首充), as with a first deposit (首存)', () => {
    expect(categories('新上线的 bjl，首充送百分之五十')).toEqual(['gambling'])
    expect(categories('lhc 老站换新域名了，首充就返')).toEqual(['gambling'])
  })

  it('leaves those initials alone when nothing is topped up (a contract party, a service centre)', () => {
    expect(categories('合同里的 BJL 是乙方简称，首页写清楚')).toEqual([])
    expect(categories('SSC 的同事说首次充电要满八小时')).toEqual([])
  })

  it('finds the initials of a price whose copy is asked for (jhj 清单发我一份)', () => {
    expect(categories('上个月的 jhj 单子发我一份')).toEqual(['confidential'])
    expect(categories('把 cbj 明细给我一份，明天要用')).toEqual(['confidential'])
  })

  it('leaves a price’s initials alone when what is sent is a form or a call (a tender’s field)', () => {
    expect(categories('标书里 cbj 那栏填完发我')).toEqual([])
    expect(categories('cbj 刚才给我打了个电话')).toEqual([])
  })

  it('finds an order term taken by a verb the segmenter joins to it (走私单, 接私单)', () => {
    expect(categories('这个老客户以后都走私单，价格好说')).toEqual(['private_deal'])
    expect(categories('周末那几单我走私单了')).toEqual(['private_deal'])
  })

  it('leaves smuggling alone where the term runs into a noun (走私单位, 走私单据)', () => {
    expect(categories('新闻说海关查了一家走私单位')).toEqual([])
    expect(categories('那批走私单据是伪造的')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)('b22rec: a term saying what someone is, with 是 stressed (老板就是个骗子)', () => {
  let compiled: ReturnType<typeof compileMatcher> | undefined
  const categories = (text: string) =>
    (compiled ??= compileMatcher(loadDictionaryFiles([SHARED_DICTIONARY]).dictionary)).categoriesOf(text)

  it('finds the term with 就, 真 or 也 before 是, a measure word or not, expansions and all', () => {
    expect(categories('说实话我们老板真是个骗子')).toEqual(['defamation'])
    expect(categories('别信了，老板也是骗子，跟中介一伙的')).toEqual(['defamation'])
    expect(categories('我早说了老板就是个骗纸')).toEqual(['defamation'])
  })

  it('leaves a negation and other nouns alone', () => {
    expect(categories('老板就不是骗子，是被中介坑了')).toEqual([])
    expect(categories('老板真是个好人，骗子是那个中介')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)('b22rec: a term holding 微信 written as chat spells it (加我vx, 加我v信, 加我 v)', () => {
  let compiled: ReturnType<typeof compileMatcher> | undefined
  const scan = (text: string) =>
    (compiled ??= compileMatcher(loadDictionaryFiles([SHARED_DICTIONARY]).dictionary))
      .scan(text)
      .map(m => [m.category, m.term, m.matched])

  it('finds the term with 微信 written vx, v信 or v, spaced or not, reported as the term', () => {
    expect(scan('要资料的加我 vx，私发')).toEqual([['contact', '加我微信', '加我 vx']])
    // 加我V is found inside it too, as the same term.
    expect(scan('团购名额不多，加我V信登记')).toContainEqual(['contact', '加我微信', '加我V信'])
    expect(scan('价格群里不方便说，加我 v 细聊')).toEqual([['contact', '加我微信', '加我 v']])
  })

  it('finds 加v with x for 信 after it, + read as 加 (+vx), and no longer Latin word', () => {
    expect(scan('装修报价 +vx 详聊')).toEqual([['contact', '加v', '+vx']])
    expect(scan('想拿样品的加VX')).toEqual([['contact', '加v', '加VX']])
    expect(scan('这款显卡加vxr驱动就行')).toEqual([])
  })

  it('leaves other letters after 加我 alone', () => {
    expect(scan('客户刚加我vip群了')).toEqual([])
    expect(scan('老王说他加我 vs 他们组打一场')).toEqual([])
  })
})

describe('b22rec: chat spellings of a term (chatSpellings)', () => {
  // frec: wx, 微信's initials, too.
  it('writes 微信 in a term as vx, v信, v and wx, and nothing for a term without it', () => {
    expect(chatSpellings('加我微信')).toEqual(['加我vx', '加我v信', '加我v', '加我wx'])
    expect(chatSpellings('微信转账')).toEqual(['vx转账', 'v信转账', 'v转账', 'wx转账'])
    expect(chatSpellings('私聊我')).toEqual([])
  })

  it('gives no form of letters alone: 微信 as a term is no vx nor v', () => {
    expect(chatSpellings('微信')).toEqual(['v信'])
  })

  // frec: and with wx for 微信 (加v as 加wx).
  it('writes a term ending in v for 微 with x for 信 after it (加v as 加vx, 加wx), not a term of letters alone', () => {
    expect(chatSpellings('加v')).toEqual(['加vx', '加wx'])
    expect(chatSpellings('加个V')).toEqual(['加个Vx', '加个wx'])
    expect(chatSpellings('tv')).toEqual([])
  })

  it('puts them after the measure-word forms among a term’s spoken forms', () => {
    expect(spokenForms('加我微信')).toEqual(['加我vx', '加我v信', '加我v', '加我wx'])
    expect(spokenForms('老板是骗子').slice(0, 2)).toEqual(['老板是个骗子', '老板是一个骗子'])
  })
})

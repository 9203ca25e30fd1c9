import { describe, expect, it } from 'vitest'
import { scanMessage } from '../../../../plugins/content/assess/findings.js'
import { compileMatcher, loadDictionaryFiles, withoutNestedHits } from '../../../../plugins/content/matcher/index.js'
import { MONDAY_9AM, text } from '../../../helpers/harness.js'
import { cust, DICTIONARY, spammer } from '../setup.js'
import { expandingDictionary } from './helpers.js'

/** The shared categories the sentences below name, terms as given. */
const m = compileMatcher(
  expandingDictionary(
    {
      contact: ['加v', '加我v', '加我微信', 'v信', '私聊我'],
      gambling: ['下注', '网赌', '六合彩'],
      ad: ['刷单', '兼职刷单'],
      defamation: ['公司骗人', '黑心公司', '骗子公司', '垃圾公司'],
      private_deal: ['私下转账', '私单'],
    },
    ['homophone', 'pinyin'],
  ),
)
const shipped = compileMatcher(loadDictionaryFiles([DICTIONARY]).dictionary)

/** What a moderator sees of a message's hits: category and the characters, once each. */
function shown(text: string): string[] {
  return withoutNestedHits(m.scan(text)).map(x => `${x.category}:${text.slice(x.start, x.end)}`)
}

describe('hits of one category inside a longer one are reported once (issue #22)', () => {
  it('reports the longest hit only, the terms inside it left out', () => {
    expect(shown('有需要的加我V信详聊')).toEqual(['contact:加我V信'])
    expect(shown('晚上一起兼职刷单吗')).toEqual(['ad:兼职刷单'])
  })

  it('keeps hits of other categories and hits that do not overlap', () => {
    expect(shown('加我v信，带你网赌')).toEqual(['contact:加我v信', 'gambling:网赌'])
    expect(shown('先加v，再私聊我')).toEqual(['contact:加v', 'contact:私聊我'])
  })

  it('leaves the matcher scan exhaustive: every overlapping hit is still there for the rules that read them', () => {
    expect(m.scan('有需要的加我V信详聊').map(x => x.term)).toEqual(['加我v', '加我微信', 'v信'])
  })

  it('shows the content plugin one piece of evidence for 加我V信 with the shipped dictionary', () => {
    const ev = { ...text(spammer, '朋友们加我V信，有福利', MONDAY_9AM, cust, { id: 'msg-1' }), group: cust }
    const evidence = scanMessage(ev, shipped).flatMap(e => (e.source === 'policy' ? [] : [e.match.matched]))
    expect(evidence).toEqual(['加我V信'])
  })
})

describe('a claim about the speaker’s or our company is no kind of message (issue #22)', () => {
  it('is a hit when the company’s deeds are named by the term', () => {
    expect(m.categoriesOf('这家黑心公司的套路大家都见识过了')).toEqual(['defamation'])
    expect(m.categoriesOf('我们公司骗人的行为早就该曝光')).toEqual(['defamation'])
    expect(m.categoriesOf('公司骗人的骗局一个接一个，谁还信')).toEqual(['defamation'])
  })

  it('is still no hit when the term is quoted or named as what is said', () => {
    expect(m.categoriesOf('群里别再转“黑心公司”的套路贴了，违者移出')).toEqual([])
    expect(m.categoriesOf('网上公司骗人的说法是谣言，请大家不要转发')).toEqual([])
  })
})

describe('a negation character inside a word negates nothing (issue #22)', () => {
  it('is a hit after 别 of 区别, 特别, 分别', () => {
    expect(m.categoriesOf('教你区别下注的时机，稳赚不赔')).toEqual(['gambling'])
    expect(m.categoriesOf('老客户特别私下转账有折扣')).toEqual(['private_deal'])
    expect(m.categoriesOf('三个群分别下注，翻倍返还')).toEqual(['gambling'])
  })

  it('is no hit in a training note on what to recognise, and a hit in an offer that uses the word', () => {
    expect(m.categoriesOf('反诈培训：教你辨别刷单骗局')).toEqual([])
    expect(m.categoriesOf('合规课作业：怎样鉴别网赌广告')).toEqual([])
    expect(m.categoriesOf('长按识别下注二维码，首充送彩金')).toEqual(['gambling'])
  })

  it('is still no hit after the negation 别, 可别, 千万别', () => {
    expect(m.categoriesOf('大家千万别下注，都是骗局')).toEqual([])
    expect(m.categoriesOf('你可别私下转账')).toEqual([])
    expect(m.categoriesOf('记住别私下转账')).toEqual([])
  })
})

describe('a denial that quotes the insult (issue #22)', () => {
  it('is no hit: the speaker denies the quoted name', () => {
    expect(m.categoriesOf('我们店从来不是“骗子公司”，发票都能查')).toEqual([])
    expect(m.categoriesOf('本公司并非「垃圾公司」，欢迎实地考察')).toEqual([])
  })

  it('is a hit when the quotation is affirmed or the denial is asked to affirm', () => {
    expect(m.categoriesOf('他们就是“骗子公司”')).toEqual(['defamation'])
    expect(m.categoriesOf('收了钱不发货，不是“垃圾公司”是什么')).toEqual(['defamation'])
    expect(m.categoriesOf('难道不是垃圾公司吗')).toEqual(['defamation'])
  })
})

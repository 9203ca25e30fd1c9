import { describe, expect, it } from 'vitest'
import {
  compileMatcher,
  describeMatchKind,
  type ExpansionKind,
  type Match,
} from '../../../../plugins/content/matcher/index.js'
import { expandTerm } from '../../../../plugins/content/matcher/expand.js'
import { dictionaryOf, expandingDictionary } from './helpers.js'

const ALL: ExpansionKind[] = ['pinyin', 'initials', 'homophone', 'split', 'lookalike']

/** A matcher whose categories expand into the given kinds. */
function expanding(categories: Record<string, string[]>, expand: ExpansionKind[] = ALL, allow: string[] = []) {
  const dictionary = dictionaryOf(
    Object.fromEntries(Object.entries(categories).map(([k, terms]) => [k, { terms, allow }])),
  )
  for (const rule of Object.values(dictionary.categories)) rule.expand = expand
  return compileMatcher(dictionary)
}

/** What the dictionary author reads for each match: "拼音 shabi → 傻逼". */
function how(matches: Match[]): string[] {
  return matches.map(m => `${m.matched}: ${describeMatchKind(m)}`)
}

describe('expansions of dictionary terms, matched in the same pass', () => {
  const m = expanding({ insult: ['傻逼'], gambling: ['赌博', '百家乐', '时时彩'], porn: ['裸聊', '一夜情'] })

  it.each([
    ['full pinyin, any case and spacing', '你是不是shabi啊', ['shabi: 拼音 shabi → 傻逼']],
    ['pinyin with spaces', '想玩 Bai Jia Le 的来', ['Bai Jia Le: 拼音 baijiale → 百家乐']],
    ['mixed hanzi and pinyin', '百jia乐真人', ['百jia乐: 拼音 百jia乐 → 百家乐']],
    ['initials (opt-in)', '真是个SB', ['SB: 首字母 sb → 傻逼']],
    ['mixed hanzi and initials', '傻B一个', ['傻B: 首字母 傻b → 傻逼']],
    ['homophone with the same tone', '今晚堵博吗', ['堵博: 谐音 堵博 → 赌博']],
    ['a digit for a numeral', '出差寂寞？1夜情', ['1夜情: 谐音 1夜情 → 一夜情']],
    ['split characters', '网上贝者十尃', ['贝者十尃: 拆字 贝者十尃 → 赌博']],
    ['a split character next to a whole one', '衤果聊一对一', ['衤果聊: 拆字 衤果聊 → 裸聊']],
    ['a dictionary variant character', '赌愽网站', ['赌愽: 形近字 赌愽 → 赌博']],
    ['the term as written', '赌博', ['赌博: 原词 赌博']],
    ['the term after normalisation', '賭 博', ['賭 博: 规范化 赌博']],
  ])('finds %s', (_name, text, expected) => {
    expect(how(m.scan(text))).toEqual(expected)
  })

  it('reads a plus sign as 加 (+v, ＋ 我微信) but leaves arithmetic and versions alone', () => {
    const contact = expanding({ contact: ['加v', '加我微信'] }, [])
    expect(contact.categoriesOf('团购优惠+v咨询')).toEqual(['contact'])
    expect(contact.categoriesOf('真人，+ v 了解')).toEqual(['contact'])
    expect(contact.categoriesOf('有事＋我微信')).toEqual(['contact'])
    expect(contact.categoriesOf('C++ v2 版本，1+1=2')).toEqual([])
  })

  it('takes the variant words a dictionary lists (傻逼 is a variant of 傻屄) as lookalike', () => {
    const insult = expanding({ insult: ['傻逼'] }, ['lookalike'])
    expect(insult.scan('傻屄，别在群里瞎说').map(x => `${x.matched}: ${describeMatchKind(x)}`)).toEqual([
      '傻屄: 形近字 傻屄 → 傻逼',
    ])
  })

  it('takes the characters slang puns swap as homophones, even where they make other words', () => {
    const s = expanding({ defamation: ['老板是骗子'], insult: ['垃圾东西'] }, ['homophone'])
    expect(s.categoriesOf('老板是骗纸，画的大饼没一个兑现')).toEqual(['defamation'])
    expect(s.categoriesOf('你这个辣鸡东西')).toEqual(['insult'])
    expect(s.categoriesOf('晚饭吃辣鸡翅')).toEqual([])
  })

  it('reports look-alike letters as lookalike', () => {
    const contact = expanding({ contact: ['vx号'] })
    expect(contact.scan('vх号发你了').map(x => x.kind)).toEqual(['lookalike'])
  })

  it('expands only the kinds a category asks for: initials are opt-in', () => {
    const noInitials = expanding({ insult: ['傻逼'] }, ['pinyin'])
    expect(noInitials.categoriesOf('真是个SB')).toEqual([])
    expect(noInitials.categoriesOf('shabi')).toEqual(['insult'])
    expect(expanding({ insult: ['傻逼'] }, []).categoriesOf('shabi')).toEqual([])
  })

  it('matches Latin expansions only as whole words, never inside English words', () => {
    const g = expanding({ gambling: ['赌博'] })
    expect(g.categoriesOf('Mr Dubois is here')).toEqual([])
    expect(g.categoriesOf('dubo')).toEqual(['gambling'])
    expect(g.categoriesOf('今晚一起 DB 吗')).toEqual(['gambling'])
    expect(expanding({ gambling: ['赌博'] }, ['pinyin']).categoriesOf('今晚一起 DB 吗')).toEqual([])
  })

  it('does not match an expansion inside an e-mail address or a URL', () => {
    const c = expanding({ contact: ['加薇'] }, ['pinyin'])
    expect(c.categoriesOf('jiawei 详聊')).toEqual(['contact'])
    expect(c.categoriesOf('发邮件给 jiawei@example-water.com')).toEqual([])
    expect(c.categoriesOf('见 https://example.com/jiawei')).toEqual([])
  })

  it('does not take everyday characters as homophones in short terms', () => {
    const s = expanding({ gambling: ['时时彩'], ad: ['日赚'] }, ['homophone'])
    expect(s.categoriesOf('能实时采集水质数据')).toEqual([])
    expect(s.categoriesOf('请大家每日转发海报')).toEqual([])
  })

  it('takes another tone of the same syllable in short terms, unless the swapped characters read as a word', () => {
    const s = expanding({ gambling: ['赌场'], insult: ['傻逼'] }, ['homophone'])
    expect(s.categoriesOf('这都不会，傻笔一个')).toEqual(['insult'])
    expect(s.categoriesOf('小王报了独唱节目')).toEqual([])
  })

  it('keeps a homophone that is a rare word of its own (煞笔, 214 on Weibo against 傻逼 3973), drops common ones (独唱)', () => {
    const s = expanding({ insult: ['傻逼', '滚蛋'], gambling: ['赌场'] }, ['homophone'])
    expect(how(s.scan('你个煞笔，会不会说话'))).toEqual(['煞笔: 谐音 煞笔 → 傻逼'])
    expect(s.categoriesOf('你个煞 笔，听不懂吗')).toEqual(['insult'])
    expect(s.categoriesOf('年会小王报了独唱节目')).toEqual([])
  })

  it('reads an emoji named as one character (CLDR) as that character: 🐎 马 for 码, 🖊 笔 for 逼', () => {
    const s = expanding({ ad: ['扫码进群', '扫码'], insult: ['傻逼'] }, ['homophone'])
    expect(how(s.scan('扫🐎进🔥群，领红包'))).toEqual([
      '扫🐎: 谐音 扫马 → 扫码',
      '扫🐎进🔥群: 谐音 扫马进群 → 扫码进群',
    ])
    expect(s.categoriesOf('扫🐴领鸡蛋')).toEqual(['ad'])
    expect(s.categoriesOf('你就是个傻🖊')).toEqual(['insult'])
    expect(s.categoriesOf('周末去骑🐎，好开心')).toEqual([])
  })

  it('keeps faces and other emoji as separators between the characters of a term, and an emoji read as a character too', () => {
    const s = expanding({ ad: ['扫码进群'] }, [])
    expect(s.categoriesOf('扫😢码进👍群')).toEqual(['ad'])
    expect(s.categoriesOf('扫🐎码进群')).toEqual(['ad'])
  })

  it('takes the shape variants Unihan lists (kZVariant) as lookalike: 夲 for 本, 佰 for 百, 宻 for 密', () => {
    const s = expanding({ confidential: ['成本价', '内部资料'], gambling: ['百家乐'], porn: ['私密视频'] }, [
      'lookalike',
    ])
    expect(how(s.scan('成夲价表发你了'))).toEqual(['成夲价: 形近字 成夲价 → 成本价'])
    expect(s.categoriesOf('佰家乐真人上线')).toEqual(['gambling'])
    expect(s.categoriesOf('私宻视频')).toEqual(['porn'])
    expect(s.categoriesOf('这本书的成本不高')).toEqual([])
  })

  it('takes a character with a dot more or less as lookalike (cjk-decomp: 兔 is 免 and a dot, 艮 良)', () => {
    const s = expanding({ ad: ['免费试用'], shop: ['良心商家'] }, ['lookalike'])
    expect(how(s.scan('兔费试用装'))).toEqual(['兔费试用: 形近字 兔费试用 → 免费试用'])
    expect(s.categoriesOf('艮心商家')).toEqual(['shop'])
  })

  it('splits a character around another (辶井 for 进, 门才 for 闭), and writes radical shapes as typed (攵 for ⺙)', () => {
    const s = expanding({ c: ['进口货', '有效期', '关闭'] }, ['split'])
    expect(how(s.scan('辶井口货到了'))).toEqual(['辶井口货: 拆字 辶井口货 → 进口货'])
    expect(s.categoriesOf('有交攵期三年')).toEqual(['c'])
    expect(s.categoriesOf('店铺关门才')).toEqual(['c'])
  })

  it('writes a rare component as the common character it looks like (咅 as 音: 音阝 for 部, 贝音 for 赔) (b19fix)', () => {
    const s = expanding({ secret: ['内部资料'], deal: ['包赔'] }, ['split'])
    expect(how(s.scan('内音阝资料发群里了'))).toEqual(['内音阝资料: 拆字 内音阝资料 → 内部资料'])
    expect(s.categoriesOf('质量问题包贝音')).toEqual(['deal'])
    expect(s.categoriesOf('内音乐资料')).toEqual([])
  })

  it('takes no split with a component that normalisation folds to nothing: 注 as ⺀㇀主 is not 主 alone', () => {
    const s = expanding({ gambling: ['下注'], ad: ['包治百病'] }, ['split'])
    expect(s.scan('天下主要的问题')).toEqual([])
    expect(s.scan('这产品包台百病')).toEqual([])
    expect(s.categoriesOf('下氵主')).toEqual(['gambling'])
  })

  it('takes no variant that normalisation folds to nothing: 丹 has ⺼, and 闪丹 is not found in 閃 alone', () => {
    const s = expanding({ bench: ['闪丹'] }, ['lookalike'])
    expect(s.scan('今天閃了一下')).toEqual([])
    expect(how(s.scan('闪丹'))).toEqual(['闪丹: 原词 闪丹'])
  })

  it('cancels expansion matches with allowed phrases of the category, however written', () => {
    const g = expanding({ gambling: ['赌博'] }, ['pinyin'], ['禁止赌博'])
    expect(g.categoriesOf('群里禁止dubo')).toEqual([])
    expect(g.categoriesOf('群里 dubo')).toEqual(['gambling'])
  })
})

describe('letters for digits inside a number', () => {
  it('finds O for 0 and l or I for 1 in a number of the term (99O元包邮 for 990元包邮), as a look-alike', () => {
    const m = expanding({ ad: ['990元包邮', '10倍收益'] }, ['lookalike'])
    expect(how(m.scan('全场99O元包邮'))).toEqual(['99O元包邮: 形近字 99o元包邮 → 990元包邮'])
    expect(m.categoriesOf('稳拿lO倍收益')).toEqual(['ad'])
    expect(m.categoriesOf('稳拿 IO 倍收益')).toEqual(['ad'])
  })

  it('leaves single digits and numbers without 0 or 1 alone', () => {
    expect(expandTerm('5倍收益', new Set(['lookalike'])).some(f => /[oli]/.test(f.form))).toBe(false)
    expect(expandTerm('1夜', new Set(['lookalike'])).some(f => /[oli]/.test(f.form))).toBe(false)
  })
})

describe('expandTerm', () => {
  it('gives each form once, without the term itself, within a per-kind cap', () => {
    const forms = expandTerm('老板是骗子', new Set(ALL))
    const keys = forms.map(f => f.form)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).not.toContain('老板是骗子')
    expect(keys).toContain('laobanshipianzi')
    expect(keys).toContain('lb是骗子')
    expect(keys).toContain('老板是马扁子')
    for (const kind of ALL) expect(forms.filter(f => f.kind === kind).length).toBeLessThanOrEqual(128)
  })

  it('leaves terms without Chinese characters alone', () => {
    expect(expandTerm('vip', new Set(ALL))).toEqual([])
  })
})

describe('a swapped surname in a long term', () => {
  it('reads as a name only in a form of up to three characters (白佳乐 for 百家乐 is a name, 程人视频 is no name)', () => {
    const matcher = compileMatcher(expandingDictionary({ porn: ['成人视频'], gambling: ['百家乐'] }, ['homophone']))
    expect(matcher.scan('程人视频合集').map(m => `${m.matched}: ${describeMatchKind(m)}`)).toEqual([
      '程人视频: 谐音 程人视频 → 成人视频',
    ])
    expect(matcher.scan('白佳乐明天到岗')).toEqual([])
  })
})

describe('homophones in a long term', () => {
  it('take the same syllable in another tone before the near sounds crowd it out (加我微芯 for 加我微信)', () => {
    const m = expanding({ contact: ['加我微信'] }, ['homophone'])
    expect(how(m.scan('方便的话加我微芯'))).toEqual(['加我微芯: 谐音 加我微芯 → 加我微信'])
    expect(how(m.scan('加我微星'))).toEqual(['加我微星: 谐音 加我微星 → 加我微信'])
  })
})

import { describe, expect, it } from 'vitest'
import { compileMatcher, describeMatchKind } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/** Look-alike characters no variant table lists: a side component swapped, or a different inside (generate.ts). */
describe('look-alikes by shape: a small side component swapped, or another inside the same enclosure', () => {
  const s = compileMatcher(
    expandingDictionary({ porn: ['一夜情'], defamation: ['公司骗人'], gambling: ['时时彩'], false_ad: ['第一品牌'] }, [
      'lookalike',
    ]),
  )
  const how = (text: string) => s.scan(text).map(m => `${m.matched}: ${describeMatchKind(m)}`)

  it('reads 冫 for 忄 (凊 for 情), 口 for 日 (吋 for 时), 片 for 月 as the other side component', () => {
    expect(how('一夜凊，私聊')).toEqual(['一夜凊: 形近字 一夜凊 → 一夜情'])
    expect(s.categoriesOf('吋时彩计划')).toEqual(['gambling'])
    expect(s.categoriesOf('行业第一品脾')).toEqual(['false_ad'])
  })

  it('reads 骟 for 骗: the same 马, and 户 around another part (扇, 扁)', () => {
    expect(how('这家公司骟人')).toEqual(['公司骟人: 形近字 公司骟人 → 公司骗人'])
  })

  it('reads 徽 for 微: the same 彳, and a shape cjk-decomp numbers around another part', () => {
    const m = compileMatcher(expandingDictionary({ contact: ['加我微信'] }, ['lookalike']))
    expect(m.scan('想了解的加我徽信吧').map(x => `${x.matched}: ${describeMatchKind(x)}`)).toEqual([
      '加我徽信: 形近字 加我徽信 → 加我微信',
    ])
  })

  it('reads 昜 for 易: one component with a stroke 一 more on top (勿 and 一 over 勿)', () => {
    const m = compileMatcher(expandingDictionary({ private_deal: ['私下交易'] }, ['lookalike']))
    expect(m.scan('老客户可以私下交昜').map(x => `${x.matched}: ${describeMatchKind(x)}`)).toEqual([
      '私下交昜: 形近字 私下交昜 → 私下交易',
    ])
  })

  it('reads 倩 for 情 (亻 for 忄) and 卞 for 下 (亠, a dot over 一, for 一)', () => {
    const m = compileMatcher(expandingDictionary({ porn: ['色情'], private_deal: ['私下交易'] }, ['lookalike']))
    expect(m.scan('色倩视频，懂的来').map(x => `${x.matched}: ${describeMatchKind(x)}`)).toEqual([
      '色倩: 形近字 色倩 → 色情',
    ])
    expect(m.categoriesOf('老客户可以私卞交易')).toEqual(['private_deal'])
    expect(m.categoriesOf('小倩下午去色卡库房拿样板，顺便交易单也带上')).toEqual([])
  })

  it('reads 孓 and 孑 for 子, 夭 for 天: another stroke beside the same component, or a modified shape', () => {
    const m = compileMatcher(expandingDictionary({ defamation: ['老板是骗子'], false_ad: ['当天见效'] }, ['lookalike']))
    expect(m.scan('说好的奖金不给，老板是骗孑').map(x => `${x.matched}: ${describeMatchKind(x)}`)).toEqual([
      '老板是骗孑: 形近字 老板是骗孑 → 老板是骗子',
    ])
    expect(m.categoriesOf('老板是骗孓，别信他')).toEqual(['defamation'])
    expect(m.categoriesOf('这款滤芯当夭见效')).toEqual(['false_ad'])
    expect(m.categoriesOf('老板孑然一身来到这座城市，当天就见了客户')).toEqual([])
  })

  it('keeps the common characters of such shapes as they are (晴 is no 情, 脾气 no 牌)', () => {
    expect(s.categoriesOf('一夜晴天，品牌脾气都好')).toEqual([])
  })
})

describe('look-alikes by shape: a whole component written with a stroke of another shape', () => {
  const s = compileMatcher(
    expandingDictionary({ contact: ['手机号'], confidential: ['违禁物品', '低价货源'], ad: ['商家信誉'] }, [
      'lookalike',
    ]),
  )
  const how = (text: string) => s.scan(text).map(m => `${m.matched}: ${describeMatchKind(m)}`)

  it('reads 兀 and 凡 for 几 (杌, 杋 for 机), 刃 for 勿 (牣 for 物)', () => {
    expect(how('留个手杌号给我')).toEqual(['手杌号: 形近字 手杌号 → 手机号'])
    expect(how('留个手杋号给我')).toEqual(['手杋号: 形近字 手杋号 → 手机号'])
    expect(how('这些都是违禁牣品')).toEqual(['违禁牣品: 形近字 违禁牣品 → 违禁物品'])
  })

  it('reads 代 for 化 (贷 for 货) and 龹 for 兴 (誊 for 誉)', () => {
    expect(how('厂家直供低价贷源')).toEqual(['低价贷源: 形近字 低价贷源 → 低价货源'])
    expect(how('专业提升商家信誊')).toEqual(['商家信誊: 形近字 商家信誊 → 商家信誉'])
  })
})

/** Look-alikes from the 形近字 component pairs and character groups of generate.ts, and those folding away. */
describe('look-alikes by a 形近 component, by dots, by a 形近字 group, and before folding', () => {
  const m = compileMatcher(
    expandingDictionary(
      {
        ad: ['进群领红包'],
        gambling: ['百家乐'],
        porn: ['成人视频'],
        false_ad: ['全场最低价'],
        contact: ['加微信'],
        defamation: ['黑心商家'],
      },
      ['lookalike'],
    ),
  )
  const how = (text: string) =>
    m.scan(text).map(x => `${x.matched}: ${describeMatchKind(x)}${x.reviewOnly ? ' review' : ''}`)

  it('reads 迸 for 进: 辶 beside 并 for 辶 beside 井 (a 形近 component pair)', () => {
    expect(how('今晚八点准时迸群领红包')).toEqual(['迸群领红包: 形近字 迸群领红包 → 进群领红包'])
  })

  it('reads 冢 for 家: 冖 for 宀 and 豖 for 豕, the same components but for their dots', () => {
    expect(how('曝光一个黑心商冢，大家小心')).toEqual(['黑心商冢: 形近字 黑心商冢 → 黑心商家'])
    expect(m.categoriesOf('网上百冢乐，稳赚不赔')).toEqual(['gambling'])
  })

  it('reads 戌, 戍 and 戊 for 成, and 仾 for 低 (形近字 groups cjk-decomp does not show)', () => {
    expect(m.categoriesOf('戌人视频免费看')).toEqual(['porn'])
    expect(m.categoriesOf('高清戊人视频')).toEqual(['porn'])
    expect(how('本店全场最仾价')).toEqual(['全场最仾价: 形近字 全场最仾价 → 全场最低价'])
  })

  it('reads 咸 for 成: 戊 around a part more, a member of 成’s 形近字 group around something (issue #22)', () => {
    expect(how('咸人视频免费看')).toEqual(['咸人视频: 形近字 咸人视频 → 成人视频'])
    expect(m.categoriesOf('咸蛋黄视频教程')).toEqual([])
  })

  it('reads 酉 for 西: 兀 over 日 for 兀 over 囗, which Unicode’s confusables draw as 口 (issue #22)', () => {
    const c = compileMatcher(expandingDictionary({ insult: ['狗东西'] }, ['lookalike']))
    expect(c.categoriesOf('你这个狗东酉')).toEqual(['insult'])
    expect(c.categoriesOf('东西都到了，酉时出发')).toEqual([])
  })

  it('reads 埸 for 场: 埸 looks like 場 (易 for 昜, a stroke apart), the traditional form of 场', () => {
    const t = compileMatcher(expandingDictionary({ gambling: ['线上赌场'], false_ad: ['永久保修'] }, ['lookalike']))
    expect(t.scan('新开线上赌埸，注册就送').map(x => `${x.matched}: ${describeMatchKind(x)}`)).toEqual([
      '线上赌埸: 形近字 线上赌埸 → 线上赌场',
    ])
    expect(t.categoriesOf('本店电器氷久保修')).toEqual(['false_ad'])
    expect(t.categoriesOf('线上赌场的新闻看了吗')).toEqual(['gambling'])
  })

  it('reads 徵 for 微 in the text before folding (徵 folds to 征), review-only', () => {
    expect(how('资料包加徵信领取')).toEqual(['加徵信: 形近字 加徵信 → 加微信 review'])
  })

  it('leaves the look-alikes in their own words, and the folded character in its words (征信, 古冢, 戊戌)', () => {
    expect(m.categoriesOf('贷款前先查一下个人征信，别加了不该加的')).toEqual([])
    expect(m.categoriesOf('这座古冢在戊戌年被发现，成了景点')).toEqual([])
    expect(m.categoriesOf('这批货进价低，成本可控，家里人都说好')).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { cleanInBoth, flaggedInBoth, sharedEvalMatcher, shippedEvalMatcher } from './eval-helpers.js'

describe('rules that quote the words they forbid (issue #22, f40)', () => {
  it('clears every quoted item of a ban, listed without separators, and a ban on posting a quoted term', () => {
    cleanInBoth([
      '群规：不许说“蠢货”“垃圾”这类话',
      '禁止“蠢货”“垃圾”这些字眼',
      '请勿转发“兼职刷单”的链接',
      '不要帮别人发“兼职刷单”的图',
    ])
  })

  it('keeps the quoted words said to someone, and a ban followed by an invitation', () => {
    flaggedInBoth('insult', ['“蠢货”“垃圾”说的就是你'])
    flaggedInBoth('ad', ['不要在群里发“扫码进群”的码，想进群的私聊我'])
  })
})

describe('an impostor disclaimed after the hit (issue #22, f40)', () => {
  it('clears what the impostor does when the sentence disclaims it', () => {
    cleanInBoth(['有人冒用我们名义在群里发兼职刷单，均非官方发布', '有人冒用我们名义发兼职刷单，与本公司无关'])
  })

  it('keeps it when the speaker offers the same thing after the disclaimer', () => {
    flaggedInBoth('ad', ['有人冒用我们名义发兼职刷单，均非官方，真兼职加我微信'])
    flaggedInBoth('contact', ['有人冒用我们名义发兼职刷单，均非官方，真兼职加我微信'])
  })
})

describe('a victim telling what cheated them (issue #22, f40)', () => {
  it('clears the term as the agent of 被 or played before being cheated', () => {
    cleanInBoth(['我舅舅被网赌平台坑了十几万', '他玩网赌被骗了半年工资'])
  })

  it('keeps it in a message that pitches a way back', () => {
    flaggedInBoth('gambling', ['被网赌平台骗了？找我帮你回血', '网赌平台稳赚，来玩'])
  })
})

describe('everyday uses of a sound-alike (issue #22, f40)', () => {
  it('reads a product named in quotation marks before its kind of goods', () => {
    cleanInBoth(['“百佳乐”护手霜买一送一', '《百佳乐》礼盒到货'])
    flaggedInBoth('gambling', ['“百佳乐”礼盒，充值送彩金', '百佳乐护手霜'])
  })

  it('reads 转 between two billing periods as a plan switched', () => {
    cleanInBoth(['包年的话，日转年划算吗', '月卡能日转周吗'])
    flaggedInBoth('ad', ['日转月也行，日入八百'])
  })

  it('reads a team sent to a place', () => {
    cleanInBoth(['督导组下驻各村开展排查'])
    flaggedInBoth('gambling', ['专班下驻社区，充值送彩金'])
  })

  it('reads a verb counted (一脚, 一下) as the verb', () => {
    cleanInBoth(['路滑，时时踩一脚刹车'])
    flaggedInBoth('gambling', ['时时踩一下，稳赚不赔'])
  })

  it('reads a pet name before a verb with its aspect particle as a person doing something', () => {
    cleanInBoth(['前台小薇信了客户的话', '阿薇信过那个推销员一次'])
    flaggedInBoth('contact', ['小薇信了，VX：abc12345', '加小薇信了吗'])
  })
})

describe('letters defined as a pinyin or English abbreviation (issue #22, f40)', () => {
  it('clears the letters', () => {
    expect(shippedEvalMatcher().categoriesOf('表里的 SB 是设备的英文缩写')).toEqual([])
    expect(shippedEvalMatcher().categoriesOf('SB 你是设备的吧')).toEqual(['insult'])
  })
})

describe('common characters drawn like a term character (issue #22, f40)', () => {
  it('reads 目 as 日 and 祝 as 视 outside words of their own', () => {
    flaggedInBoth('ad', ['目赚八百，躺着就行'])
    flaggedInBoth('porn', ['成人祝频免费看'])
    cleanInBoth(['这个项目赚得不多', '节目赚足了眼泪', '祝频道粉丝新年快乐'])
  })
})

describe('what the company pays, handed over (issue #22, f40)', () => {
  it('keeps a price bound told in confidence and a cost price offered with a contact', () => {
    flaggedInBoth('confidential', ['这箱货按进货价给你，别告诉其他客户', '私聊我，拿进货价'])
  })

  it('clears a price bound told openly and a floor price as a contact bait', () => {
    cleanInBoth(['这箱货按进货价给你了，算交个朋友', '进店就给你个成本价'])
    for (const m of [sharedEvalMatcher(), shippedEvalMatcher()])
      expect(m.categoriesOf('要底价的私聊我')).toEqual(['contact'])
  })
})

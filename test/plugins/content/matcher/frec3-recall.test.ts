import { describe, expect, it } from 'vitest'
import { compileMatcher, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import { SHARED_DICTIONARY, SHIPPED_DICTIONARY, hasEvalFile } from './eval-helpers.js'

/**
 * Classes of misses blind32, blind34, blind35 and blind36 showed (issue #22, frec3), with new sentences of each
 * class, violating and clean, on the shared dictionary as it is (its standard categories' expansions and context
 * words), and on the shipped one where its terms read the same letters otherwise.
 */
let compiled: ReturnType<typeof compileMatcher> | undefined
const categories = (text: string) =>
  (compiled ??= compileMatcher(loadDictionaryFiles([SHARED_DICTIONARY]).dictionary)).categoriesOf(text)
let compiledShipped: ReturnType<typeof compileMatcher> | undefined
const shippedCategories = (text: string) =>
  (compiledShipped ??= compileMatcher(loadDictionaryFiles([SHIPPED_DICTIONARY]).dictionary)).categoriesOf(text)

describe.skipIf(!hasEvalFile)('frec3: 微信 in letters alone (vx, wx) where an account is asked for', () => {
  it('finds vx as wx is found, after a verb asking for an account', () => {
    expect(categories('要报名表的留个vx，晚上统一发')).toEqual(['contact'])
    expect(categories('给个 vx，样衣照片私下给你')).toEqual(['contact'])
  })

  it('finds the letters before a chat still to come or a sending to the speaker', () => {
    expect(categories('图纸太大传不上来，wx 详谈')).toEqual(['contact'])
    expect(categories('想要试吃装的 vx发我地址')).toEqual(['contact'])
  })

  it('leaves a chat told, a product code and a reading alone', () => {
    expect(categories('上周跟供应商 wx 聊过了，价格没变')).toEqual([])
    expect(categories('VX-300 的滤网到货了，仓库自取')).toEqual([])
    expect(categories('传感器的 wx 读数偏高，明天校准')).toEqual([])
  })

  it('keeps a dictionary term that reads the letters otherwise (v信 reads vx wherever it stands)', () => {
    expect(shippedCategories('vx:shop_2024 质量保证')).toEqual(['contact'])
    expect(shippedCategories('要报名表的留个vx，晚上统一发')).toEqual(['contact'])
  })
})

describe.skipIf(!hasEvalFile)('frec3: 问题, a matter, is no question asked', () => {
  it('finds a contact term after 问题 with a refusal to answer in the group', () => {
    expect(categories('售后问题私聊我，群里不回复')).toEqual(['contact'])
  })

  it('still leaves a question someone asked and that went unanswered alone', () => {
    expect(categories('有人问加我微信的事，我没回')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)('frec3: another shape of a folded look-alike (徴, the Japanese shape of 徵)', () => {
  it('reads 徴 as 微 where 徵 is read so', () => {
    expect(categories('报名的加我徴信，备注班级')).toEqual(['contact'])
  })

  it('leaves 徴 alone where no term is written with it', () => {
    expect(categories('税务局徴收通知已经转发给财务了')).toEqual([])
  })
})

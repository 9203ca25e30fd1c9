import { describe, expect, it } from 'vitest'
import { clip, compileTemplate } from '../../../plugins/cases/content/template.js'

const t = compileTemplate(['客户', '行业', '产品', '金额', '难点', '做法', '结果', '心得'])

describe('compileTemplate().parse', () => {
  it('reads one field per line in the usual spellings', () => {
    const p = t.parse('客户：刘总\n行业:餐饮\n1. 产品：净水器\n- 金额 ： 8.6万\n【难点】价格异议\n[结果] 签约')
    expect(p.fields).toEqual({
      客户: '刘总',
      行业: '餐饮',
      产品: '净水器',
      金额: '8.6万',
      难点: '价格异议',
      结果: '签约',
    })
    expect(p.free).toBe('')
    expect(p.title).toBe('刘总 · 餐饮 · 净水器 · 8.6万')
  })

  it('keeps the lines after a field line in that field until a blank line', () => {
    const p = t.parse('上周的一单\n做法：\n先做水质检测\n再算滤芯成本\n心得：别急着降价\n1. 先讲价值\n\n后来又聊了别的')
    expect(p.fields.做法).toBe('先做水质检测\n再算滤芯成本')
    expect(p.fields.心得).toBe('别急着降价\n1. 先讲价值')
    expect(p.free).toBe('上周的一单\n\n后来又聊了别的')
    expect(p.title).toBe('上周的一单')
  })

  it('reads a 经验 line as the 心得 field, not as more of the result', () => {
    const p = t.parse('客户：刘总\n结果：签约\n经验：先做水质检测再报价')
    expect(p.fields.结果).toBe('签约')
    expect(p.fields.心得).toBe('先做水质检测再报价')
    expect(compileTemplate(['结果', '经验']).parse('结果：签约\n经验：先讲价值').fields).toEqual({
      结果: '签约',
      经验: '先讲价值',
    })
  })

  it('titles free text by its first line (clipped) and finds no fields in prose', () => {
    const p = t.parse('客户嫌贵，说网上便宜三百块，怎么回应比较好？这个问题我已经遇到好几次了，每次都很被动\n第二行')
    expect(p.fields).toEqual({})
    expect(p.title).toBe(
      clip('客户嫌贵，说网上便宜三百块，怎么回应比较好？这个问题我已经遇到好几次了，每次都很被动', 40),
    )
    expect(p.title).toHaveLength(40)
  })

  it('does not treat a field name inside a sentence as a field', () => {
    expect(t.parse('今天的客户很难搞：他一直压价').fields).toEqual({})
  })
})

describe('compileTemplate().amend', () => {
  const old = '客户：刘总\n金额：8.6万\n做法：\n先检测\n再报价\n\n补充说明'
  it('replaces only the fields named when the amendment is all field lines', () => {
    expect(t.amend(old, '金额：9万\n结果：签约')).toBe(
      '客户：刘总\n金额：9万\n做法：\n先检测\n再报价\n\n补充说明\n结果：签约',
    )
  })
  it('replaces a multi-line field whole', () => {
    expect(t.amend(old, '做法：现场演示')).toBe('客户：刘总\n金额：8.6万\n做法：现场演示\n\n补充说明')
  })
  it('replaces the whole text when the amendment has free text', () => {
    expect(t.amend(old, '全部重写：客户最后签了')).toBe('全部重写：客户最后签了')
  })
})

describe('compileTemplate() titles', () => {
  it('builds the title from the first four configured fields only, else from the first field present', () => {
    expect(t.parse('客户：刘总\n难点：价格\n做法：检测').title).toBe('刘总')
    expect(t.parse('难点：价格异议\n做法：检测').title).toBe('价格异议')
  })
})

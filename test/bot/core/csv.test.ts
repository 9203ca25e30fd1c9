import { describe, expect, it } from 'vitest'
import { csvCell } from '../../../bot/core/csv.js'

describe('a CSV cell', () => {
  it('defuses what a spreadsheet would run as a formula, also after a tab or carriage return', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    for (const lead of ['+', '-', '@']) expect(csvCell(`${lead}1`)).toBe(`'${lead}1`)
    expect(csvCell('\t=1+1')).toBe(`'\t=1+1`)
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`)
  })

  it('leaves plain text alone and quotes commas, quotes and line breaks', () => {
    expect(csvCell('示例科技张三交流群')).toBe('示例科技张三交流群')
    expect(csvCell('价格异议, "太贵"')).toBe('"价格异议, ""太贵"""')
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"')
  })
})

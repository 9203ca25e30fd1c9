import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import { describe, expect, it } from 'vitest'
import { chartSize, PNG_SCALE, renderChart, type ChartSpec } from '../../../plugins/activity/chart/chart.js'
import { subsetFont } from '../../../plugins/activity/chart/font-subset.js'
import { decodePng, distinctColours } from './png.js'

const spec = (name: string): ChartSpec => ({
  title: '活跃度日报 · 11月30日 周一',
  bars: {
    title: '各群今日消息数',
    labels: ['示例科技销售部工作群', `示例科技${name}交流群`, '示例科技南宁区域群'],
    values: [42, 17, 9],
  },
  trend: {
    title: '近 7 天每日消息数',
    labels: ['11-24', '11-25', '11-26', '11-27', '11-28', '11-29', '11-30'],
    values: [30, 45, 38, 50, 3, 0, 68],
  },
})

describe('chart', () => {
  it('renders a PNG that decodes to the expected size and is not blank', () => {
    const png = decodePng(renderChart(spec('张三')))
    const layout = chartSize(spec('张三'))
    expect({ width: png.width, height: png.height }).toEqual({
      width: layout.width * PNG_SCALE,
      height: layout.height * PNG_SCALE,
    })
    expect(png.width).toBe(1800) // 900 px layout at 2×: sharp when a phone zooms in
    expect(distinctColours(png.pixels)).toBeGreaterThan(20)
  })

  it('draws Chinese labels as real glyphs: 张三 and 李四 give different pixels', () => {
    const a = decodePng(renderChart(spec('张三')))
    const b = decodePng(renderChart(spec('李四')))
    expect(a.width).toBe(b.width)
    expect(a.pixels.equals(b.pixels)).toBe(false)
  })

  it('grows with the number of bars', () => {
    const many: ChartSpec = {
      title: 't',
      bars: {
        title: 'b',
        labels: Array.from({ length: 30 }, (_, i) => `群${i}`),
        values: Array.from({ length: 30 }, (_, i) => i),
      },
    }
    expect(decodePng(renderChart(many)).height).toBeGreaterThan(
      decodePng(renderChart({ ...many, bars: { ...many.bars, labels: ['群'], values: [1] } })).height,
    )
  })
})

describe('subsetFont', () => {
  const fontFile = createRequire(import.meta.url).resolve(
    '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  )
  const full = readFileSync(fontFile)
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="220" height="40"><text x="4" y="28" font-size="22" font-family="Noto Sans SC">张三回复了 Abc 1…</text></svg>'

  it('keeps only the glyphs asked for, so the file is small', () => {
    expect(subsetFont(full, '张三回复了 Abc 1…').length).toBeLessThan(20_000)
  })

  it('draws text exactly like the full font', () => {
    const dir = mkdtempSync(join(tmpdir(), 'subset-test-'))
    const file = join(dir, 'sub.ttf')
    writeFileSync(file, subsetFont(full, svg))
    const render = (font: string) =>
      new Resvg(svg, {
        font: { fontFiles: [font], loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC' },
        background: '#fff',
      }).render().pixels
    const sub = render(file)
    rmSync(dir, { recursive: true, force: true })
    expect(sub.equals(render(fontFile))).toBe(true)
    expect(distinctColours(sub)).toBeGreaterThan(5)
  })
})

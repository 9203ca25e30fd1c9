import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type * as Echarts from 'echarts/core'
import type { Resvg as ResvgClass } from '@resvg/resvg-js'
import { subsetFont } from './font-subset.js'

const require = createRequire(import.meta.url)
let engines: { echarts: typeof Echarts; Resvg: typeof ResvgClass } | undefined

/** ECharts and resvg are loaded on the first chart, not at start-up (they cost ~85 MB and ~1 s to load). */
function chartEngines(): NonNullable<typeof engines> {
  if (!engines) {
    const echarts = require('echarts/core') as typeof Echarts
    const { BarChart, LineChart } = require('echarts/charts')
    const { GridComponent, TitleComponent } = require('echarts/components')
    const { SVGRenderer } = require('echarts/renderers')
    echarts.use([BarChart, LineChart, GridComponent, TitleComponent, SVGRenderer])
    engines = { echarts, Resvg: (require('@resvg/resvg-js') as { Resvg: typeof ResvgClass }).Resvg }
  }
  return engines
}

/** The CJK font shipped with the app, so Chinese labels never render as empty boxes. */
const FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')
const FONT = 'Noto Sans SC'
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')
let fontBytes: Buffer | undefined

/** Labels and values of one chart part. */
export interface Series {
  title: string
  labels: string[]
  values: number[]
}

/** A report chart: horizontal bars (largest on top) and an optional trend line below. */
export interface ChartSpec {
  title: string
  bars: Series
  trend?: Series
  width?: number
}

const BAR_ROW = 30
/** Axis and value labels: 15 px on a 900 px layout stays legible when a phone shrinks the image to its width. */
const LABEL = 15
/** The PNG is rendered at twice the layout size, so it stays sharp when zoomed on a phone. */
export const PNG_SCALE = 2
const TREND_HEIGHT = 200

/** Pixel size a spec renders at (the height follows the number of bars). */
export function chartSize(spec: ChartSpec): { width: number; height: number } {
  const barsHeight = Math.max(120, spec.bars.labels.length * BAR_ROW)
  return { width: spec.width ?? 900, height: 100 + barsHeight + (spec.trend ? TREND_HEIGHT + 60 : 20) }
}

function option(spec: ChartSpec, height: number): Echarts.EChartsCoreOption {
  const barsHeight = Math.max(120, spec.bars.labels.length * BAR_ROW)
  const trendTop = 100 + barsHeight + 70
  const { bars, trend } = spec
  const text = (t: string, top: number, size: number, left: number | string = 24) => ({
    text: t,
    left,
    top,
    textStyle: { fontSize: size, fontFamily: FONT, color: '#1f2937' },
  })
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT },
    title: [
      text(spec.title, 14, 22, 'center'),
      text(bars.title, 56, 16),
      ...(trend ? [text(trend.title, trendTop - 44, 16)] : []),
    ],
    grid: [
      { left: 24, right: 60, top: 90, height: barsHeight, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      ...(trend
        ? [{ left: 60, right: 40, top: trendTop, height: Math.min(TREND_HEIGHT - 60, height - trendTop - 30) }]
        : []),
    ],
    xAxis: [
      { gridIndex: 0, type: 'value', minInterval: 1, axisLabel: { fontFamily: FONT, fontSize: LABEL } },
      ...(trend
        ? [{ gridIndex: 1, type: 'category', data: trend.labels, axisLabel: { fontFamily: FONT, fontSize: LABEL } }]
        : []),
    ],
    yAxis: [
      {
        gridIndex: 0,
        type: 'category',
        data: [...bars.labels].reverse(),
        axisLabel: { fontFamily: FONT, fontSize: LABEL, width: 260, overflow: 'truncate' },
      },
      ...(trend
        ? [{ gridIndex: 1, type: 'value', minInterval: 1, axisLabel: { fontFamily: FONT, fontSize: LABEL } }]
        : []),
    ],
    series: series(spec),
  }
}

/** The bars (largest on top) and, when given, the trend line. */
function series(spec: ChartSpec): unknown[] {
  const { bars, trend } = spec
  return [
    {
      type: 'bar',
      xAxisIndex: 0,
      yAxisIndex: 0,
      data: [...bars.values].reverse(),
      barMaxWidth: 20,
      itemStyle: { color: '#3b82f6' },
      label: { show: true, position: 'right', fontFamily: FONT, fontSize: LABEL },
    },
    ...(trend
      ? [
          {
            type: 'line',
            xAxisIndex: 1,
            yAxisIndex: 1,
            data: trend.values,
            itemStyle: { color: '#f59e0b' },
            label: { show: true, fontFamily: FONT, fontSize: LABEL },
          },
        ]
      : []),
  ]
}

/** Render a chart to SVG with ECharts' server-side renderer (no browser, no DOM). */
export function chartSvg(spec: ChartSpec): string {
  const { width, height } = chartSize(spec)
  const chart = chartEngines().echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption(option(spec, height))
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

/**
 * Rasterise SVG to PNG with resvg and the shipped CJK font (system fonts are
 * not used), cut down to the characters of this SVG in a temporary file.
 */
export function svgToPng(svg: string): Buffer {
  fontBytes ??= readFileSync(FONT_FILE)
  const dir = mkdtempSync(join(tmpdir(), 'activity-font-'))
  try {
    const fontFile = join(dir, 'font.ttf')
    writeFileSync(fontFile, subsetFont(fontBytes, ASCII + svg))
    const resvg = new (chartEngines().Resvg)(svg, {
      font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: FONT, sansSerifFamily: FONT },
      background: '#ffffff',
      fitTo: { mode: 'zoom', value: PNG_SCALE },
    })
    return resvg.render().asPng()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Render a chart spec to PNG bytes. */
export function renderChart(spec: ChartSpec): Buffer {
  return svgToPng(chartSvg(spec))
}

/** Render a chart into `dir/fileName` (folders created) and return the path. */
export function writeChart(dir: string, fileName: string, spec: ChartSpec): string {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, fileName)
  writeFileSync(path, renderChart(spec))
  return path
}

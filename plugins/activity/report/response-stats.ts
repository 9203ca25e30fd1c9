/** Nearest-rank percentile (`p` in 0..1) of unsorted values; undefined when empty. */
export function percentile(values: number[], p: number): number | undefined {
  if (!values.length) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]
}

/** Count, median and 90th percentile of response times. */
export interface ResponseStats {
  count: number
  median: number
  p90: number
}

/** Summary of response times; undefined when there are none. */
export function responseStats(values: number[]): ResponseStats | undefined {
  if (!values.length) return undefined
  return { count: values.length, median: percentile(values, 0.5)!, p90: percentile(values, 0.9)! }
}

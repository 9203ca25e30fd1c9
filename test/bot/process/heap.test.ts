import { describe, expect, it } from 'vitest'
import {
  capYoungGeneration,
  HEAP_GROWING_PERCENT,
  keepHeapTight,
  YOUNG_GENERATION_MB,
  youngGenerationMb,
} from '../../../bot/process/heap.js'

describe('the long-running bot keeps its heap near its live data', () => {
  it('sets V8 heap growing to the documented percent and caps the young generation when the operator chose neither', () => {
    expect(keepHeapTight({}, [])).toEqual({ growingPercent: HEAP_GROWING_PERCENT, youngMb: YOUNG_GENERATION_MB })
    expect(HEAP_GROWING_PERCENT).toBe(20)
    expect(YOUNG_GENERATION_MB).toBe(8)
  })

  it("keeps the operator's own values from the node command line or NODE_OPTIONS", () => {
    expect(keepHeapTight({}, ['--heap-growing-percent=50'])).toEqual({ youngMb: YOUNG_GENERATION_MB })
    expect(keepHeapTight({ NODE_OPTIONS: '--max-semi-space-size=4 --heap_growing_percent=35' }, [])).toEqual({})
    expect(keepHeapTight({}, ['--min-semi-space-size=16'])).toEqual({ growingPercent: HEAP_GROWING_PERCENT })
  })
})

describe('the young generation after ready', () => {
  it('comes down to the cap once a full collection ran, and stays there under more allocation', async () => {
    const stop = capYoungGeneration(YOUNG_GENERATION_MB)
    try {
      const kept: object[][] = []
      // Messages in flight: most die young, some live a while (a full collection comes once the old generation grew).
      for (let round = 0; round < 30; round++) {
        const batch: object[] = []
        for (let i = 0; i < 50_000; i++) batch.push({ id: `m${round}-${i}`, at: i })
        kept.push(batch)
        if (kept.length > 8) kept.shift()
        await new Promise(r => setImmediate(r)) // the collector's reports arrive between turns
      }
      expect(youngGenerationMb()).toBeLessThanOrEqual(YOUNG_GENERATION_MB)
    } finally {
      stop()
    }
  })
})

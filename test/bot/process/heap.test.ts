import { describe, expect, it } from 'vitest'
import { HEAP_GROWING_PERCENT, keepHeapTight } from '../../../bot/process/heap.js'

describe('the long-running bot keeps its heap near its live data', () => {
  it('sets V8 heap growing to the documented percent when the operator chose none', () => {
    expect(keepHeapTight({}, [])).toBe(HEAP_GROWING_PERCENT)
    expect(HEAP_GROWING_PERCENT).toBe(20)
  })

  it("keeps the operator's own value from the node command line or NODE_OPTIONS", () => {
    expect(keepHeapTight({}, ['--heap-growing-percent=50'])).toBeUndefined()
    expect(keepHeapTight({ NODE_OPTIONS: '--max-semi-space-size=4 --heap_growing_percent=35' }, [])).toBeUndefined()
  })
})

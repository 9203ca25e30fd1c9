/**
 * A hand-moved clock for long benchmark runs. Same behaviour as the tests'
 * FakeClock (timers fire in time order as it advances, handlers get their
 * promise turns), but timers sit in a binary heap and cancelling is O(1), so
 * thousands of pending timers do not bill the test double's O(n) list scans
 * to the bot (the production SystemClock's clearTimeout is O(1) too).
 */
import type { Clock } from '../bot/ports/clock.js'

/** Monday 2026-11-30 10:00 Asia/Shanghai: a workday, inside working hours; where the benchmarks' clocks start. */
export const BENCH_START = Date.parse('2026-11-30T02:00:00Z')

interface Timer {
  at: number
  seq: number
  fn: () => void
  cancelled: boolean
}

/** A clock that only moves when told to. */
export class BenchClock implements Clock {
  private heap: Timer[] = []
  private seq = 0

  constructor(private t: number) {}

  now(): number {
    return this.t
  }

  at(at: number, fn: () => void): () => void {
    const timer: Timer = { at, seq: this.seq++, fn, cancelled: false }
    this.push(timer)
    return () => {
      timer.cancelled = true
    }
  }

  /** When the earliest pending timer is due (undefined when none is). */
  nextAt(): number | undefined {
    while (this.heap[0]?.cancelled) this.pop()
    return this.heap[0]?.at
  }

  /** Move to `target`, firing due timers in order and letting their handlers run. */
  async advanceTo(target: number): Promise<void> {
    for (let top = this.heap[0]; top && top.at <= target; top = this.heap[0]) {
      this.pop()
      if (top.cancelled) continue
      this.t = Math.max(this.t, top.at)
      top.fn()
      await settle()
    }
    this.t = Math.max(this.t, target)
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq)
  }

  private push(timer: Timer): void {
    const h = this.heap
    h.push(timer)
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1
      if (!this.less(h[i], h[parent])) break
      ;[h[i], h[parent]] = [h[parent], h[i]]
      i = parent
    }
  }

  private pop(): void {
    const h = this.heap
    const last = h.pop()!
    if (!h.length) return
    h[0] = last
    for (let i = 0; ; ) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < h.length && this.less(h[l], h[m])) m = l
      if (r < h.length && this.less(h[r], h[m])) m = r
      if (m === i) break
      ;[h[i], h[m]] = [h[m], h[i]]
      i = m
    }
  }
}

/** Let a fired handler's chained promises run, and one macrotask turn. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve()
  await new Promise<void>(r => setImmediate(r))
}

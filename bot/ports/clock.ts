/** The one source of time. Rule code reads `now()`; only the runtime schedules. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Run `fn` once at `at` (ms since epoch); returns a cancel function. */
  at(at: number, fn: () => void): () => void
}

/** The real clock, backed by `Date.now` and `setTimeout`. */
export class SystemClock implements Clock {
  now(): number {
    return Date.now()
  }
  at(at: number, fn: () => void): () => void {
    // setTimeout caps at ~24.8 days; re-arm for longer waits.
    const MAX = 2 ** 31 - 1
    let handle: NodeJS.Timeout
    const arm = () => {
      const wait = at - Date.now()
      handle = setTimeout(wait > MAX ? arm : fn, Math.max(0, Math.min(wait, MAX)))
      handle.unref?.()
    }
    arm()
    return () => clearTimeout(handle)
  }
}

/** A clock tests and replay move by hand; timers fire in time order as it advances. */
export class FakeClock implements Clock {
  private timers: { at: number; seq: number; fn: () => void }[] = []
  private seq = 0
  constructor(private t: number) {}
  now(): number {
    return this.t
  }
  at(at: number, fn: () => void): () => void {
    const timer = { at, seq: this.seq++, fn }
    this.timers.push(timer)
    return () => {
      this.timers = this.timers.filter(x => x !== timer)
    }
  }
  /** Move to `target`, firing every due timer in order (timers may add timers). */
  async advanceTo(target: number): Promise<void> {
    for (;;) {
      const due = this.timers.filter(x => x.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0]
      if (!due) break
      this.timers = this.timers.filter(x => x !== due)
      this.t = Math.max(this.t, due.at)
      due.fn()
      await flushMicrotasks()
    }
    this.t = Math.max(this.t, target)
    await flushMicrotasks()
  }
  /** Move forward by `ms`. */
  advance(ms: number): Promise<void> {
    return this.advanceTo(this.t + ms)
  }
  /** Number of pending timers (for tests and replay's end-of-day drain). */
  pending(): number {
    return this.timers.length
  }
  /** Time of the earliest pending timer, if any. */
  nextAt(): number | undefined {
    return this.timers.reduce<number | undefined>((m, x) => (m === undefined || x.at < m ? x.at : m), undefined)
  }
}

/** Let queued promise callbacks run (several turns, for chained awaits). */
export async function flushMicrotasks(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i++) await Promise.resolve()
  await new Promise<void>(r => setImmediate(r))
}

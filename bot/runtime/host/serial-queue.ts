/** A queued task, and whom to tell when it is done. */
interface Entry {
  task: (arg: unknown) => unknown
  /** What `task` is called with (a task queued by `run` needs no closure of its own). */
  arg?: unknown
  /** Resolves the promise `push` returned: its awaiter resumes before the next task starts. */
  done?: () => void
  /** Called as soon as the task is done (`run`), failed or not. */
  after?: () => void
}

/** Above this many finished entries at the head of the list, the list is compacted. */
const COMPACT_AT = 1024

/**
 * Where the drain loop is queued as a microtask (`RESOLVED.then(drain)`, in the same queue and order as
 * `queueMicrotask`). Node's `queueMicrotask` wraps each callback in a fresh `AsyncResource`: no such object is
 * alive at a full garbage collection between bursts, so their hidden classes die with them, and the optimised
 * code of every function that inlined the call (`resume`, `drain`'s callers) was thrown away at each one.
 */
const RESOLVED = Promise.resolve()

/**
 * One line of work: events, timers and cron jobs all run through it, one task at a time, in the
 * order they were pushed (timers and jobs are pushed when they fall due, so in due order). A task
 * never interleaves with another at an `await`; a failing task is reported and the next one runs.
 * One loop drains the list, synchronously while tasks answer synchronously: a task that returns a
 * promise is waited for, and the loop goes on when it settles. `push` gives a promise per task (for a
 * caller that waits for it); `run` gives none (the event feed: an event handled synchronously costs
 * no promise at all).
 */
export class SerialQueue {
  private entries: (Entry | undefined)[] = []
  private head = 0
  private draining = false
  private waiting = 0
  /** The task being waited for (one at a time). */
  private current?: Entry
  /** Callers of `idle` waiting for the queue to empty. */
  private idlers: (() => void)[] = []

  constructor(private onError: (e: unknown) => void = () => {}) {}

  /** Run `task` after every task pushed before it; resolves (never rejects) when it is done. */
  push(task: () => unknown): Promise<void> {
    return new Promise<void>(done => this.add({ task, done }))
  }

  /**
   * Run `task(arg)` after every task queued before it, like `push`, with no promise: `after` (when given) is
   * called once it is done, failed or not.
   */
  run<A>(task: (arg: A) => unknown, arg: A, after?: () => void): void {
    this.add({ task: task as (arg: unknown) => unknown, arg, after })
  }

  /** Tasks queued or running. */
  depth(): number {
    return this.waiting
  }

  /** Resolves once every task pushed so far (and any pushed meanwhile) is done. */
  idle(): Promise<void> {
    if (!this.waiting) return Promise.resolve()
    return new Promise(r => this.idlers.push(r))
  }

  private add(entry: Entry): void {
    this.waiting++
    this.entries.push(entry)
    if (!this.draining) {
      this.draining = true
      void RESOLVED.then(this.drain)
    }
  }

  /** Run the tasks in order until none is left or one answers with a promise (`resume` then goes on). */
  private drain = (): void => {
    while (this.head < this.entries.length) {
      const entry = this.entries[this.head] as Entry
      this.entries[this.head++] = undefined
      if (this.head >= COMPACT_AT) {
        this.entries.splice(0, this.head)
        this.head = 0
      }
      let out: unknown
      try {
        out = entry.task(entry.arg)
      } catch (e) {
        this.onError(e)
      }
      if (isThenable(out)) {
        this.current = entry
        out.then(this.resume, this.failed)
        return
      }
      this.finish(entry)
      // Whoever awaited this task resumes before the next task starts (as with a promise chain).
      if (entry.done) {
        void RESOLVED.then(this.drain)
        return
      }
    }
    this.entries.length = 0
    this.head = 0
    this.draining = false
  }

  /** The task waited for settled: tell whom it concerns, then go on with the next (after its awaiter). */
  private resume = (): void => {
    const entry = this.current as Entry
    this.current = undefined
    this.finish(entry)
    void RESOLVED.then(this.drain)
  }

  private failed = (e: unknown): void => {
    this.onError(e)
    this.resume()
  }

  /** One task fewer: its pusher is told; `idle` callers resume once none is left. */
  private finish(entry: Entry): void {
    this.waiting--
    entry.after?.()
    entry.done?.()
    if (this.waiting || !this.idlers.length) return
    const idlers = this.idlers
    this.idlers = []
    for (const r of idlers) r()
  }
}

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return typeof (x as PromiseLike<unknown> | undefined)?.then === 'function'
}

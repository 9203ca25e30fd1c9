/** A queued task and how to tell its pusher it is done. */
interface Entry {
  task: () => unknown
  done: () => void
}

/** Above this many finished entries at the head of the list, the list is compacted. */
const COMPACT_AT = 1024

/**
 * One line of work: events, timers and cron jobs all run through it, one task at a time, in the
 * order they were pushed (timers and jobs are pushed when they fall due, so in due order). A task
 * never interleaves with another at an `await`; a failing task is reported and the next one runs.
 * One promise per task (the one `push` returns) and one loop draining the list: no promise chain
 * per task.
 */
export class SerialQueue {
  private entries: (Entry | undefined)[] = []
  private head = 0
  private draining = false
  private waiting = 0
  private tail: Promise<void> = Promise.resolve()

  constructor(private onError: (e: unknown) => void = () => {}) {}

  /** Run `task` after every task pushed before it; resolves (never rejects) when it is done. */
  push(task: () => unknown): Promise<void> {
    this.waiting++
    let done!: () => void
    const run = new Promise<void>(r => {
      done = r
    })
    this.entries.push({ task, done })
    this.tail = run
    if (!this.draining) {
      this.draining = true
      queueMicrotask(() => void this.drain())
    }
    return run
  }

  /** Tasks queued or running. */
  depth(): number {
    return this.waiting
  }

  /** Resolves once every task pushed so far (and any pushed meanwhile) is done. */
  async idle(): Promise<void> {
    while (this.waiting) await this.tail
  }

  /** Run the tasks in order until none is left. */
  private async drain(): Promise<void> {
    while (this.head < this.entries.length) {
      const entry = this.entries[this.head] as Entry
      this.entries[this.head++] = undefined
      try {
        const out = entry.task()
        if (isThenable(out)) await out
      } catch (e) {
        this.onError(e)
      }
      this.waiting--
      entry.done()
      // Whoever awaited this task resumes before the next task starts (as with a promise chain).
      await undefined
      if (this.head >= COMPACT_AT) {
        this.entries.splice(0, this.head)
        this.head = 0
      }
    }
    this.entries.length = 0
    this.head = 0
    this.draining = false
  }
}

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return typeof (x as PromiseLike<unknown> | undefined)?.then === 'function'
}

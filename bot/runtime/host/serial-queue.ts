/**
 * One line of work: events, timers and cron jobs all run through it, one task at a time, in the
 * order they were pushed (timers and jobs are pushed when they fall due, so in due order). A task
 * never interleaves with another at an `await`; a failing task is reported and the next one runs.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve()
  private waiting = 0

  constructor(private onError: (e: unknown) => void = () => {}) {}

  /** Run `task` after every task pushed before it; resolves (never rejects) when it is done. */
  push(task: () => unknown): Promise<void> {
    this.waiting++
    const run = this.tail
      .then(task)
      .then(
        () => {},
        e => this.onError(e),
      )
      .finally(() => {
        this.waiting--
      })
    this.tail = run
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
}

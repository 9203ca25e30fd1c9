/**
 * One queue of writes that reach the disk in the order they were asked for: the running bot's
 * `persist()` writes and journal appends. Each write starts a turn of the event loop after the one
 * before it ends, so records appended during that turn can still join it (group commit).
 */
export class OrderedWrites {
  private tail: Promise<void> = Promise.resolve()
  private last?: object

  /** Queue `write` (named by `token`) after every write queued before it; resolves once it is done. */
  push(token: object, write: () => Promise<void>): Promise<void> {
    this.last = token
    const run = this.tail.then(async () => {
      await new Promise(resolve => setImmediate(resolve))
      if (this.last === token) this.last = undefined
      await write()
    })
    this.tail = run.catch(() => {})
    return run
  }

  /** True while `token`'s write is the last one queued and has not started: more may join it. */
  isOpen(token: object | undefined): boolean {
    return !!token && this.last === token
  }
}

/** The file calls kept handles need (the store's asynchronous calls). */
export interface HandleIo {
  open(path: string, flags: string, mode?: number): Promise<number>
  close(fd: number): Promise<void>
}

interface Kept {
  fd: Promise<number>
  /** Appends using the handle now. */
  users: number
  /** No longer kept: closed once no append uses it. */
  dropped: boolean
  closed: boolean
}

/**
 * Files kept open for the store's background appends (journals, logs, records of documents kept as changes): an
 * append then costs a write and an fsync, not an open and a close as well (about 100 µs of CPU each on this
 * machine's ext4: docs/performance-history.md, inproc8). A file replaced or removed by its path must be
 * `drop`ped (its handle would write to the old file): the next append opens the new one. At most `limit` are
 * kept, the least recently used dropped first; a handle is closed once no append uses it.
 */
export class AppendHandles {
  private kept = new Map<string, Kept>()

  constructor(
    private io: HandleIo,
    private mode: number,
    private limit = 16,
  ) {}

  /** Run `use` with a handle of `file` open for appending (opened if none is kept); a failure drops it. */
  async with<T>(file: string, use: (fd: number) => Promise<T>): Promise<T> {
    let k = this.kept.get(file)
    if (k) {
      // Most recently used last: the first in the map is dropped when too many are kept.
      this.kept.delete(file)
      this.kept.set(file, k)
    } else {
      k = { fd: this.io.open(file, 'a', this.mode), users: 0, dropped: false, closed: false }
      this.kept.set(file, k)
      if (this.kept.size > this.limit) this.drop(this.kept.keys().next().value as string)
    }
    k.users++
    try {
      return await use(await k.fd)
    } catch (e) {
      // A handle that failed once is not trusted again: the next append opens the file anew.
      this.dropKept(file, k)
      throw e
    } finally {
      k.users--
      if (k.dropped) this.closeIdle(k)
    }
  }

  /** Stop keeping `file`'s handle (the file was replaced, moved or removed by its path). */
  drop(file: string): void {
    const k = this.kept.get(file)
    if (k) this.dropKept(file, k)
  }

  private dropKept(file: string, k: Kept): void {
    if (this.kept.get(file) === k) this.kept.delete(file)
    k.dropped = true
    this.closeIdle(k)
  }

  private closeIdle(k: Kept): void {
    if (k.users || k.closed) return
    k.closed = true
    k.fd.then(fd => this.io.close(fd)).catch(() => {}) // a handle that never opened has nothing to close
  }
}

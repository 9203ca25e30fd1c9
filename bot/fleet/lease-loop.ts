import type { Renewed } from './renew.js'

/** What a renewal needs to know from the main thread (sent at each heartbeat). */
export interface LeaseInputs {
  contactId: string
  queueDepth: number
  groups: string[]
}

/** Messages to the lease thread: the latest inputs, a renewal now, or stop (after the renewal under way). */
export type ToLeaseThread = { inputs: LeaseInputs } | { renew: true } | { stop: true }

/** Messages from the lease thread. */
export type FromLeaseThread =
  /** A renewal answered: `seq` numbers its set of held groups (a new number when the set changed). */
  | { renewed: Renewed; started: number; ms: number; seq: number }
  | { failed: string; started: number }
  /** The main thread's heartbeat is `ms` old, past the bound: no renewal until it beats again (said once). */
  | { stale: number }
  | { stopped: true }

/**
 * Memory both threads see: the main thread's heartbeat, and the start of the latest renewal with the number of
 * its set of held groups (one 64-bit slot, so the two are read together). The main thread acts in a group of the
 * set it was last told of while that set's latest renewal, counted from its start, has not run out: a renewal
 * the busy main thread has not read yet still counts.
 */
export class LeaseShared {
  private slots: BigInt64Array
  constructor(readonly buffer = new SharedArrayBuffer(16)) {
    this.slots = new BigInt64Array(buffer)
  }

  /** The main thread had a turn at `now`. */
  beat(now: number): void {
    Atomics.store(this.slots, 0, BigInt(now))
  }

  lastBeat(): number {
    return Number(Atomics.load(this.slots, 0))
  }

  /** A renewal that started at `started` holds set `seq`. */
  publish(seq: number, started: number): void {
    Atomics.store(this.slots, 1, BigInt(started) * SEQS + BigInt(seq % Number(SEQS)))
  }

  /** When the latest renewal of set `seq` started (0: the latest renewal holds another set, or none answered). */
  renewedAt(seq: number): number {
    const v = Atomics.load(this.slots, 1)
    return v % SEQS === BigInt(seq % Number(SEQS)) ? Number(v / SEQS) : 0
  }
}
const SEQS = 1n << 20n

/** What the loop needs: the renewal itself, the shared memory, and where its messages go. */
export interface LeaseLoopOptions {
  shared: LeaseShared
  renew: (inputs: LeaseInputs) => Promise<Renewed>
  post: (m: FromLeaseThread) => void
  renewMs: number
  /** How old the main thread's heartbeat may be for a renewal to go ahead. */
  aliveMs: number
  now?: () => number
}

/**
 * The renewal loop of the lease thread: every `renewMs` (and when asked) one renewal, unless the main thread's
 * heartbeat is older than `aliveMs`: a frozen or stuck main thread is not kept alive by this thread, its leases
 * run out as if the process were gone.
 */
export class LeaseLoop {
  private inputs?: LeaseInputs
  private timer?: ReturnType<typeof setInterval>
  private running?: Promise<void>
  private seq = 0
  private heldKey?: string
  private staleSaid = false
  private stopped = false
  private now: () => number

  constructor(private o: LeaseLoopOptions) {
    this.now = o.now ?? Date.now
  }

  start(): void {
    this.timer = setInterval(() => void this.renew(), this.o.renewMs)
  }

  /** Handle a message of the main thread (stop: use `stop`). */
  handle(m: ToLeaseThread): void {
    if ('inputs' in m) {
      const first = !this.inputs
      this.inputs = m.inputs
      if (first) void this.renew()
    } else if ('renew' in m) void this.renew()
  }

  /** One renewal at a time; a request during one waits for it. */
  renew(): Promise<void> {
    this.running ??= this.renewNow().finally(() => {
      this.running = undefined
    })
    return this.running
  }

  /** No more renewals (the one under way answers first). */
  async stop(): Promise<void> {
    this.stopped = true
    clearInterval(this.timer)
    this.timer = undefined
    await this.running
  }

  private async renewNow(): Promise<void> {
    if (!this.inputs || this.stopped) return
    const since = this.now() - this.o.shared.lastBeat()
    if (since > this.o.aliveMs) {
      if (!this.staleSaid) this.o.post({ stale: since })
      this.staleSaid = true
      return
    }
    this.staleSaid = false
    const started = this.now()
    try {
      const renewed = await this.o.renew(this.inputs)
      const key = [...renewed.held].sort().join('\n')
      if (key !== this.heldKey) {
        this.seq++
        this.heldKey = key
      }
      this.o.shared.publish(this.seq, started)
      this.o.post({ renewed, started, ms: this.now() - started, seq: this.seq })
    } catch (e) {
      this.o.post({ failed: (e as Error).message, started })
    }
  }
}

import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type pg from 'pg'
import type { Logger } from '../process/logger.js'
import { type FromLeaseThread, type LeaseInputs, LeaseShared, type ToLeaseThread } from './lease-loop.js'
import type { LeaseWorkerData } from './lease-worker.js'

/** How the lease thread is set up. */
export interface LeaseThreadOptions {
  connection: pg.ClientConfig
  account: string
  leaseMs: number
  renewMs: number
  /** How old the heartbeat may get before the thread stops renewing (`aliveMs / 4` between heartbeats). */
  aliveMs: number
  /** What the next renewal writes (read at each heartbeat). */
  inputs: () => LeaseInputs
  /** Each renewal's outcome, in the main thread. */
  onMessage: (m: FromLeaseThread) => void
  log: Logger
}

/**
 * The main thread's side of the lease thread (lease-worker.ts): starts it, beats the heartbeat and sends the
 * inputs every `aliveMs / 4`, asks for a renewal now, and stops it. A thread that ends on its own (a crash) is
 * started again after `renewMs`; meanwhile the leases run out as without renewals.
 */
export class LeaseThread {
  readonly shared = new LeaseShared()
  private worker?: Worker
  private heartbeat?: ReturnType<typeof setInterval>
  /** Who waits for a renewal that starts at `from` or later. */
  private waiting: { from: number; resolve: () => void }[] = []
  private stopping = false
  /** The thread started last, and the one whose renewal was read last: set numbers count within one thread only. */
  private spawned = 0
  private answered = 0

  constructor(private o: LeaseThreadOptions) {}

  /**
   * When the latest renewal of set `seq` (as the last renewal read here numbered it) started, read from the shared
   * memory: 0 when it holds another set, or when a thread started since (its numbers start again).
   */
  renewedAt(seq: number): number {
    return this.answered === this.spawned ? this.shared.renewedAt(seq) : 0
  }

  /** Start the thread; resolves once its first renewal answered. */
  start(): Promise<void> {
    const first = this.next()
    this.spawn()
    this.heartbeat = setInterval(() => this.beat(), this.o.aliveMs / 4)
    this.heartbeat.unref()
    return first
  }

  /** A renewal now (this thread is alive: it beats first); resolves once one answers or failed. */
  renew(): Promise<void> {
    const answered = this.next()
    this.beat()
    this.send({ renew: true })
    return answered
  }

  /** Stop renewing; resolves once the renewal under way answered and the thread ended. */
  async stop(): Promise<void> {
    this.stopping = true
    clearInterval(this.heartbeat)
    const worker = this.worker
    if (!worker) return
    await new Promise<void>(resolve => {
      worker.once('exit', () => resolve())
      worker.on('message', (m: FromLeaseThread) => {
        if ('stopped' in m) void worker.terminate()
      })
      worker.postMessage({ stop: true } satisfies ToLeaseThread)
    })
  }

  private next(): Promise<void> {
    const from = Date.now()
    return new Promise(resolve => this.waiting.push({ from, resolve }))
  }

  /** Let go of those waiting for a renewal that started at `started` or before (all: undefined). */
  private answer(started?: number): void {
    const done = this.waiting.filter(w => started === undefined || w.from <= started)
    this.waiting = this.waiting.filter(w => !done.includes(w))
    for (const w of done) w.resolve()
  }

  private beat(): void {
    this.shared.beat(Date.now())
    this.send({ inputs: this.o.inputs() })
  }

  private send(m: ToLeaseThread): void {
    this.worker?.postMessage(m)
  }

  private spawn(): void {
    const { connection, account, leaseMs, renewMs, aliveMs } = this.o
    const data: LeaseWorkerData = { connection, account, leaseMs, renewMs, aliveMs, shared: this.shared.buffer }
    // Built code runs lease-worker.js; from sources (tsx, tests) the thread registers the TypeScript loader first.
    const source = import.meta.url.endsWith('.ts')
    const url = new URL(`./lease-worker.${source ? 'ts' : 'js'}`, import.meta.url)
    const worker = source
      ? new Worker(
          `import('tsx/esm/api').then(api => { api.register(); return import(${JSON.stringify(url.href)}) })`,
          { eval: true, workerData: data },
        )
      : new Worker(fileURLToPath(url), { workerData: data })
    worker.unref()
    const spawned = ++this.spawned
    worker.on('message', (m: FromLeaseThread) => {
      if ('stopped' in m || this.worker !== worker) return
      if ('renewed' in m) this.answered = spawned
      this.o.onMessage(m)
      // Answers (and refusals for a stale heartbeat) sent before a request, read only now, are not its answer.
      if ('renewed' in m || 'failed' in m) this.answer(m.started)
    })
    worker.on('error', e => this.o.log.error('fleet: the lease thread failed', e))
    worker.once('exit', code => {
      if (this.worker !== worker) return
      this.worker = undefined
      this.answer()
      if (this.stopping) return
      this.o.log.error(`fleet: the lease thread ended (exit ${code}): started again in ${renewMs / 1000} s`)
      setTimeout(() => {
        if (!this.stopping) this.spawn()
      }, renewMs).unref()
    })
    this.worker = worker
    this.beat()
  }
}

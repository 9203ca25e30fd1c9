import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { type Clock, SystemClock } from '../../../bot/ports/clock.js'
import { DEFAULT_QR_LIMITS, QrImageError, type QrLimits } from './qr-limits.js'
import type { QrAnswer } from './qr-worker.js'

/** Extra time the worker gets beyond its own time cap before it is stopped and restarted. */
const GRACE_MS = 2000
/** How long the worker is kept after its last image (default): a thread with its own heap, about 15 MB. */
const QR_IDLE_MS = 5 * 60_000

/** Options of a QrReader. */
export interface QrReaderOptions {
  limits?: QrLimits
  /** Clock of the idle timer (default the system clock). */
  clock?: Clock
  /** The worker stops once no image has been read for this long; the next image starts a new one. */
  idleMs?: number
}

/**
 * Reads QR codes in a worker thread, one image at a time: the event queue never waits for jsQR.
 * The worker starts on first use, stops once idle for `idleMs` (a bot that sees few images does not keep
 * the thread) and is stopped by `close()`; a worker that overruns its time cap is terminated (the image
 * counts as `timeout`) and a new one starts for the next image.
 */
export class QrReader {
  private worker: Worker | undefined
  private ready: Promise<void> = Promise.resolve()
  private next = 1
  private chain: Promise<unknown> = Promise.resolve()
  /** Images asked for and not answered yet. */
  private queued = 0
  private cancelIdle: (() => void) | undefined
  private readonly limits: QrLimits
  private readonly clock: Clock
  private readonly idleMs: number

  constructor(options: QrReaderOptions = {}) {
    this.limits = options.limits ?? DEFAULT_QR_LIMITS
    this.clock = options.clock ?? new SystemClock()
    this.idleMs = options.idleMs ?? QR_IDLE_MS
  }

  /** The payloads of the QR codes in an image; rejects with QrImageError when the image cannot be checked. */
  read(bytes: Uint8Array): Promise<string[]> {
    this.queued++
    this.cancelIdle?.()
    this.cancelIdle = undefined
    // The idle timer is armed before the caller hears the answer.
    const run = this.chain.then(() => this.decode(bytes)).finally(() => this.settled())
    this.chain = run.catch(() => undefined)
    return run
  }

  /** Whether the worker thread is running. */
  get running(): boolean {
    return this.worker !== undefined
  }

  /** Stops the worker. */
  close(): void {
    this.cancelIdle?.()
    this.cancelIdle = undefined
    void this.worker?.terminate()
    this.worker = undefined
  }

  private settled(): void {
    if (--this.queued === 0 && this.worker)
      this.cancelIdle = this.clock.at(this.clock.now() + this.idleMs, () => this.idle())
  }

  private idle(): void {
    this.cancelIdle = undefined
    if (this.queued === 0) this.close()
  }

  private async decode(bytes: Uint8Array): Promise<string[]> {
    if (bytes.byteLength > this.limits.maxBytes)
      throw new QrImageError('too-large', `image of ${bytes.byteLength} bytes`)
    const worker = this.start()
    await this.ready
    const id = this.next++
    return new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.close()
        reject(new QrImageError('timeout', `no answer within ${this.limits.maxMs + GRACE_MS} ms`))
      }, this.limits.maxMs + GRACE_MS)
      const onMessage = (answer: QrAnswer): void => {
        if (answer.id !== id) return
        clearTimeout(timer)
        worker.off('message', onMessage)
        if ('payloads' in answer) resolve(answer.payloads)
        else reject(new QrImageError(answer.reason, answer.message))
      }
      worker.on('message', onMessage)
      worker.postMessage({ id, bytes, limits: this.limits })
    })
  }

  private start(): Worker {
    if (this.worker) return this.worker
    // Built code runs qr-worker.js; from sources (tsx, tests) the worker registers the TypeScript loader first.
    const source = import.meta.url.endsWith('.ts')
    const url = new URL(`./qr-worker.${source ? 'ts' : 'js'}`, import.meta.url)
    const worker = source
      ? new Worker(
          `import('tsx/esm/api').then(api => { api.register(); return import(${JSON.stringify(url.href)}) })`,
          { eval: true },
        )
      : new Worker(fileURLToPath(url))
    worker.unref()
    this.ready = new Promise(resolve => {
      const onReady = (m: { ready?: boolean }): void => {
        if (!m.ready) return
        worker.off('message', onReady)
        resolve()
      }
      worker.on('message', onReady)
      worker.once('exit', () => resolve())
    })
    worker.on('error', () => {
      if (this.worker === worker) this.worker = undefined
    })
    this.worker = worker
    return worker
  }
}

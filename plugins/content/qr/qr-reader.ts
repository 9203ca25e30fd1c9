import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { DEFAULT_QR_LIMITS, QrImageError, type QrLimits } from './qr-limits.js'
import type { QrAnswer } from './qr-worker.js'

/** Extra time the worker gets beyond its own time cap before it is stopped and restarted. */
const GRACE_MS = 2000

/**
 * Reads QR codes in a worker thread, one image at a time: the event queue never waits for jsQR.
 * The worker starts on first use and is stopped by `close()`; a worker that overruns its time cap is
 * terminated (the image counts as `timeout`) and a new one starts for the next image.
 */
export class QrReader {
  private worker: Worker | undefined
  private ready: Promise<void> = Promise.resolve()
  private next = 1
  private chain: Promise<unknown> = Promise.resolve()

  constructor(private readonly limits: QrLimits = DEFAULT_QR_LIMITS) {}

  /** The payloads of the QR codes in an image; rejects with QrImageError when the image cannot be checked. */
  read(bytes: Uint8Array): Promise<string[]> {
    const run = this.chain.then(() => this.decode(bytes))
    this.chain = run.catch(() => undefined)
    return run
  }

  /** Stops the worker. */
  close(): void {
    void this.worker?.terminate()
    this.worker = undefined
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

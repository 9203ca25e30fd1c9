import { parentPort } from 'node:worker_threads'
import { findQrCodes } from './find-qr-codes.js'
import { QrImageError, type QrLimits } from './qr-limits.js'

/** A request to the QR worker thread, and its answer (see qr-reader.ts). */
export interface QrRequest {
  id: number
  bytes: Uint8Array
  limits: QrLimits
}
export type QrAnswer =
  | { id: number; payloads: string[] }
  | { id: number; reason: QrImageError['reason']; message: string }

// Decoding is synchronous (jsQR): it runs here, off the bot's event loop.
parentPort?.on('message', (request: QrRequest) => {
  try {
    parentPort?.postMessage({ id: request.id, payloads: findQrCodes(Buffer.from(request.bytes), request.limits) })
  } catch (e) {
    const reason = e instanceof QrImageError ? e.reason : 'broken'
    parentPort?.postMessage({ id: request.id, reason, message: (e as Error).message })
  }
})
parentPort?.postMessage({ ready: true })

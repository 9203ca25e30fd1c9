/**
 * The limits and the error of a QR check, apart from the decoder (find-qr-codes.ts): the bot's own thread
 * imports these, and only the QR worker loads the image decoders (pngjs, jpeg-js) and jsQR.
 */

/** Limits on one image: bigger or slower images are skipped, never half-checked silently. */
export interface QrLimits {
  /** Largest encoded image, in bytes. */
  maxBytes: number
  /** Largest decoded image, in pixels (width x height). */
  maxPixels: number
  /** Time budget for decoding and searching, in ms: no new search starts after it. */
  maxMs: number
  /** At most this many QR codes are read from one image. */
  maxCodes: number
}

/** Default limits: phone screenshots and photos pass, posters of 100 megapixels do not. */
export const DEFAULT_QR_LIMITS: QrLimits = { maxBytes: 8_000_000, maxPixels: 16_000_000, maxMs: 2000, maxCodes: 4 }

/** Why an image could not be checked (the caller logs it and skips the image). */
export class QrImageError extends Error {
  constructor(
    readonly reason: 'unsupported' | 'too-large' | 'broken' | 'timeout',
    message: string,
  ) {
    super(message)
    this.name = 'QrImageError'
  }
}

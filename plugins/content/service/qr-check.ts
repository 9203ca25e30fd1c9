import type { Action } from '../../../bot/core/actions.js'
import type { GroupRef, MessageEvent } from '../../../bot/core/event.js'
import type { PluginContext } from '../../../bot/core/plugin.js'
import type { ContentConfig } from '../config.js'
import type { ImageSource } from '../qr/image-source.js'
import { QrImageError } from '../qr/qr-limits.js'
import { QrReader } from '../qr/qr-reader.js'
import { qrTimerReason } from '../texts.js'

/** Timer keys of QR answers: `qr:<message id>`. */
export const QR_TIMER = 'qr:'
/** When the answer of a QR check is collected: the reader's time cap and its grace are over by then. */
const QR_ANSWER_MS = 5000

/** A group image whose QR codes are being read. */
type InGroup = MessageEvent & { group: GroupRef }

/**
 * The QR checks of group images: read in the worker thread, their answers collected by a timer
 * (`qr:<message id>`), so the event queue does not wait for an image.
 */
export class QrCheck {
  private readonly qr: QrReader
  private readonly pendingQr = new Map<string, { ev: InGroup; read: Promise<string[] | QrImageError> }>()

  constructor(
    private readonly ctx: PluginContext<ContentConfig>,
    private readonly images: ImageSource,
  ) {
    this.qr = new QrReader({ clock: ctx.clock })
  }

  /** Stops the QR worker thread. */
  close(): void {
    this.qr.close()
  }

  /**
   * Starts reading the QR codes of a group image in the worker thread and sets a timer for the
   * answer: the event queue does not wait for the image.
   */
  start(ev: InGroup): Action[] {
    const read = this.images
      .fetch(ev)
      .then(bytes => (bytes ? this.qr.read(bytes) : Promise.reject(new QrImageError('unsupported', 'no image bytes'))))
      .catch((e: unknown) => (e instanceof QrImageError ? e : new QrImageError('broken', String(e))))
    this.pendingQr.set(ev.id, { ev, read })
    const key = `${QR_TIMER}${ev.id}`
    return [
      {
        type: 'schedule',
        key,
        at: this.ctx.clock.now() + QR_ANSWER_MS,
        rule: 'content.qr',
        reason: qrTimerReason,
        groupId: ev.group.id,
      },
    ]
  }

  /**
   * The timer `key` is due: the image's decoded QR texts go to `found`; nothing (logged) when the check was
   * lost to a restart or the image could not be read.
   */
  async finish(key: string, found: (ev: InGroup, codes: string[]) => Action[]): Promise<Action[]> {
    const id = key.slice(QR_TIMER.length)
    const pending = this.pendingQr.get(id)
    this.pendingQr.delete(id)
    if (!pending) {
      this.ctx.log.warn(`QR check of image ${id} lost (restarted before it was read)`)
      return []
    }
    const result = await pending.read
    if (result instanceof QrImageError) {
      this.ctx.log.warn(`QR check skipped for image ${id}: ${result.reason} (${result.message})`)
      return []
    }
    return found(pending.ev, result)
  }
}

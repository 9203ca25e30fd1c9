import { join } from 'node:path'

/**
 * Where images sent to the bot are kept: the Wechaty adapter saves an image
 * sent privately to the bot under `<outputDir>/received/` with a name it
 * generates, and the event carries only that name (`attachment.media`).
 * Chat text never names a file: plugins resolve such names here, confined.
 */
export function receivedMediaDir(outputDir: string): string {
  return join(outputDir, 'received')
}

/** A stored name the adapter could have generated: hex, a dot and a short extension; nothing else. */
export const RECEIVED_NAME = /^[0-9a-f]{8,64}\.(jpg|png|gif|webp)$/

/** Gives the bytes of a recent message's attachment (image, file, video), while the chat adapter still holds it. */
export interface MediaSource {
  /** The bytes, or undefined when the message is unknown, too old or the puppet cannot give them. */
  fetch(messageId: string): Promise<Uint8Array | undefined>
}

/**
 * Attachments of recent messages by message id: the chat adapter registers a loader for each
 * image, file or video it converts (bounded: the oldest are forgotten), and what keeps bytes
 * (the message archive) fetches through it. Nothing is loaded unless fetched.
 */
export class RecentMedia implements MediaSource {
  private loaders = new Map<string, () => Promise<Uint8Array>>()

  constructor(private keep = 500) {}

  /** Register how to load a message's attachment. */
  register(messageId: string, load: () => Promise<Uint8Array>): void {
    this.loaders.delete(messageId)
    this.loaders.set(messageId, load)
    if (this.loaders.size > this.keep) this.loaders.delete(this.loaders.keys().next().value as string)
  }

  async fetch(messageId: string): Promise<Uint8Array | undefined> {
    const load = this.loaders.get(messageId)
    this.loaders.delete(messageId)
    return load?.()
  }
}

/** The process's recent attachments (filled by the Wechaty adapter). */
export const recentMedia = new RecentMedia()

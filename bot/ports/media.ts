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

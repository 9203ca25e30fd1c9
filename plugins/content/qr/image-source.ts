import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { MessageEvent } from '../../../bot/core/event.js'
import { RECEIVED_NAME, receivedMediaDir } from '../../../bot/ports/media.js'

/** Where the bytes of an image message come from (the same shape as the archive plugin's media source). */
export interface ImageSource {
  /** The bytes of an image message, or undefined when there are none to read. */
  fetch(ev: MessageEvent): Promise<Uint8Array | undefined>
}

/**
 * The images the Wechaty adapter saved (bot/ports/media.ts): `attachment.media` names a file in the
 * received-media folder; any other name is refused, so chat text never names a path.
 */
export function receivedImages(outputDir: string): ImageSource {
  const dir = receivedMediaDir(outputDir)
  return {
    fetch: async ev => {
      const name = ev.attachment?.media
      if (!name || !RECEIVED_NAME.test(name)) return undefined
      return readFile(join(dir, name))
    },
  }
}

import { createHash } from 'node:crypto'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FileBoxInterface } from 'file-box'
import { RECEIVED_NAME } from '../ports/media.js'

/** Larger images are not kept (WeChat itself caps images well below this). */
export const MAX_RECEIVED_BYTES = 20 * 1024 * 1024
const EXT: Record<string, string> = { jpeg: 'jpg', jpg: 'jpg', png: 'png', gif: 'gif', webp: 'webp' }

/**
 * Save an image sent to the bot into `dir` under a name derived from the
 * message id (never from the sender's file name); returns that name.
 * Throws when the image is empty or too large.
 */
export async function saveReceivedImage(dir: string, messageId: string, file: FileBoxInterface): Promise<string> {
  const bytes = await file.toBuffer()
  if (!bytes.length || bytes.length > MAX_RECEIVED_BYTES) throw new Error(`image of ${bytes.length} bytes not kept`)
  const ext = EXT[/\.([a-z]+)$/i.exec(file.name)?.[1].toLowerCase() ?? ''] ?? 'jpg'
  const name = `${createHash('sha256').update(messageId).digest('hex').slice(0, 32)}.${ext}`
  if (!RECEIVED_NAME.test(name)) throw new Error('unexpected media name')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
  writeFileSync(join(dir, name), bytes, { mode: 0o600 })
  return name
}

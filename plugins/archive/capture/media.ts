import type { MediaSource } from '../../../bot/ports/media.js'
import type { ArchiveConfig } from '../config.js'
import type { ChatKind } from './record.js'

export type { MediaSource }

/** Whether attachment bytes are kept in a chat of `kind`: `media.keepBytes` is true, or lists that kind. */
export function keepsBytes(cfg: ArchiveConfig, kind: ChatKind): boolean {
  const k = cfg.media.keepBytes
  return k === true || (Array.isArray(k) && k.includes(kind))
}

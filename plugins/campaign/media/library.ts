import { realpathSync, statSync } from 'node:fs'
import { isAbsolute, join, sep } from 'node:path'
import type { MessageEvent } from '../../../bot/core/event.js'
import { RECEIVED_NAME, receivedMediaDir } from '../../../bot/ports/media.js'

/** How long an image sent to the bot stays "the image you just sent". */
export const RECENT_IMAGE_MS = 30 * 60_000
/** Names in the media folder: letters (any script), digits, space, `._-()`; no separators, no leading dot. */
const FOLDER_NAME = /^[\p{L}\p{N}_()（）\- ][\p{L}\p{N}_.()（）\- ]{0,99}$/u
/** Images only: the folder may hold other files, they are never sent. */
const IMAGE_EXT = /\.(jpe?g|png|gif|webp)$/i
const MAX_BYTES = 20 * 1024 * 1024

/** The one answer for every unusable image request: it never tells whether some path exists. */
export function imageUnavailable(prefix: string): string {
  return `图片不可用。请先把图片私聊发给我，再发命令并写「| 图片」（或引用那张图片发命令）；也可以写素材库中的文件名，如「| 图片 海报.jpg」。（${prefix}排期 素材 查看素材库）`
}

/** Outcome of an image request: a file the bot may send, or the one refusal. */
export type ImagePick = { ok: true; path: string } | { ok: false }

/**
 * The images posts and campaigns may carry: the ones people sent to the bot
 * (saved by the adapter under `received/`) and the files of the configured
 * media folder, named by file name only. Every path is checked with realpath
 * against its folder, so `..`, absolute paths and symlinks out all fail alike.
 */
export class MediaLibrary {
  private recent = new Map<string, { file: string; at: number }>()
  private received: string

  constructor(
    outputDir: string,
    private folder: string | undefined,
  ) {
    this.received = receivedMediaDir(outputDir)
  }

  /** Remember the latest image a member sent to the bot privately. */
  noteImage(ev: MessageEvent): void {
    const name = ev.attachment?.media
    if (ev.group || ev.kind !== 'image' || !name) return
    this.recent.set(ev.sender.id, { file: name, at: ev.at })
    if (this.recent.size > 1000) {
      for (const [k, v] of this.recent) if (ev.at - v.at > RECENT_IMAGE_MS) this.recent.delete(k)
    }
  }

  /**
   * Resolve `| 图片 [名称]`: empty (or a quoted image) means the image the sender just
   * sent to the bot; a name means a file of the media folder.
   */
  pick(request: string, ev: MessageEvent): ImagePick {
    const name = request.trim()
    if (!name || name === '刚才' || name === '上一张') return this.latest(ev)
    if (!this.folder || !FOLDER_NAME.test(name) || name.includes('..') || isAbsolute(name) || !IMAGE_EXT.test(name))
      return { ok: false }
    return this.confined(this.folder, name)
  }

  /** True when the command quotes an image (WeChat shows it as `[图片]`). */
  static quotesImage(ev: MessageEvent): boolean {
    return /^\[(图片|image|Image)\]$/.test(ev.quote?.text.trim() ?? '')
  }

  /** Whether a stored path may still be sent: inside the media folder or the received images (checked again at publish). */
  allowed(path: string): boolean {
    for (const root of [this.folder, this.received]) {
      if (!root) continue
      const real = safeRealpath(path)
      const base = safeRealpath(root)
      if (real && base && real.startsWith(base + sep) && isFile(real)) return true
    }
    return false
  }

  /** Image file names in the media folder (for `#排期 素材`). */
  names(list: (dir: string) => string[]): string[] {
    if (!this.folder) return []
    try {
      return list(this.folder)
        .filter(n => FOLDER_NAME.test(n) && IMAGE_EXT.test(n))
        .filter(n => this.confined(this.folder!, n).ok)
        .sort()
    } catch {
      return []
    }
  }

  private latest(ev: MessageEvent): ImagePick {
    const hit = this.recent.get(ev.sender.id)
    if (!hit || ev.at - hit.at > RECENT_IMAGE_MS || !RECEIVED_NAME.test(hit.file)) return { ok: false }
    return this.confined(this.received, hit.file)
  }

  private confined(root: string, name: string): ImagePick {
    const base = safeRealpath(root)
    const real = safeRealpath(join(root, name))
    if (!base || !real?.startsWith(base + sep) || !isFile(real)) return { ok: false }
    return { ok: true, path: real }
  }
}

function safeRealpath(path: string): string | undefined {
  try {
    return realpathSync(path)
  } catch {
    return undefined
  }
}

function isFile(path: string): boolean {
  try {
    const st = statSync(path)
    return st.isFile() && st.size > 0 && st.size <= MAX_BYTES
  } catch {
    return false
  }
}

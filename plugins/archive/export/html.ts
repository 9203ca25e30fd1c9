import { clockTime } from '../../../bot/time/zoned.js'
import type { ArchiveRecord } from '../capture/record.js'

/** Inline images stop past this many bytes in one transcript (the rest are named, not embedded). */
export const HTML_INLINE_BUDGET = 30 * 1024 * 1024
const MIME: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
}

/** Escape text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}

/** The start of a transcript: one self-contained file (inline style, no scripts, no outside requests). */
export function htmlHead(title: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font:15px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;max-width:860px;margin:0 auto;padding:16px;color:#222;background:#f5f5f5}
h1{font-size:20px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ccc}h3{font-size:14px;color:#666;text-align:center}
.m{background:#fff;border-radius:6px;padding:6px 10px;margin:6px 0}.m.bot{background:#eaf5ea}.m.recall{color:#888;font-style:italic}
.t{color:#888;font-size:12px;margin-right:6px}.n{font-weight:600;margin-right:6px}.x{white-space:pre-wrap;word-break:break-all}
blockquote{margin:4px 0;padding:2px 8px;border-left:3px solid #ccc;color:#555;font-size:13px}
img{max-width:320px;max-height:320px;display:block;margin-top:4px}.a{color:#555;font-size:13px}.r{color:#c00;font-size:12px}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
`
}

/** A chat's heading. */
export function htmlChat(title: string): string {
  return `<h2>${escapeHtml(title)}</h2>\n`
}

/** A day's heading. */
export function htmlDay(day: string): string {
  return `<h3>${escapeHtml(day)}</h3>\n`
}

/** The end of a transcript. */
export function htmlFoot(count: number): string {
  return `${count ? '' : '<p>（该范围内没有记录）</p>\n'}<p class="t">共 ${count} 条</p>\n</body></html>\n`
}

/**
 * One message: time, name, quote, text (escaped, line breaks kept), attachment metadata, a kept image
 * inline (`image`: its bytes), 已撤回 on recalled originals, the bot's own messages tinted.
 */
export function htmlMessage(
  r: ArchiveRecord,
  tz: string,
  line: string,
  recalled: boolean,
  image?: { bytes: Uint8Array; name: string },
): string {
  const cls = ['m', r.fromBot ? 'bot' : '', r.type === 'recall' ? 'recall' : ''].filter(Boolean).join(' ')
  const quote = r.quote
    ? `<blockquote>${escapeHtml(r.quote.senderName ?? '')}：${escapeHtml(r.quote.text)}</blockquote>`
    : ''
  const ext = /\.([a-z0-9]+)$/i.exec(image?.name ?? '')?.[1]?.toLowerCase() ?? ''
  const img =
    image && MIME[ext]
      ? `<img alt="${escapeHtml(image.name)}" src="data:${MIME[ext]};base64,${Buffer.from(image.bytes).toString('base64')}">`
      : ''
  return `<div class="${cls}"><span class="t">${clockTime(r.at, tz)}</span><span class="n">${escapeHtml(r.sender.name)}</span>${
    recalled ? '<span class="r">（已撤回）</span>' : ''
  }${quote}<div class="x">${escapeHtml(line)}</div>${img}</div>\n`
}

import type { Action } from '../../../bot/core/actions.js'
import type { GroupRef } from '../../../bot/core/event.js'
import type { PostContent } from '../state.js'

const URL_ONLY = /^https?:\/\/\S+$/i

/** The sends for one group: the text, then the link card and the image when present. */
export function publishActions(
  group: GroupRef,
  text: string,
  content: PostContent,
  rule: string,
  reason: string,
): Action[] {
  const to = { room: group.id }
  const meta = { rule, reason, groupId: group.id }
  const out: Action[] = [{ type: 'say', to, text, ...meta }]
  if (content.link)
    out.push({
      type: 'sendLink',
      to,
      url: content.link.url,
      title: content.link.title,
      description: content.link.description,
      ...meta,
    })
  if (content.image) out.push({ type: 'sendFile', to, path: content.image, ...meta })
  return out
}

/**
 * Content from chat: a bare URL becomes a link card titled `title` (the
 * text is then the title), anything else is text. `image` is a file path.
 */
export function contentFromChat(body: string, title: string, image?: string): PostContent {
  const text = body.trim()
  if (URL_ONLY.test(text)) return { text: title, link: { url: text, title }, image }
  return { text, image }
}

/** One-line preview of content for lists, e.g. `【早报】12月1日… [链接][图片]`. */
export function preview(content: PostContent, max = 24): string {
  const flat = content.text.replace(/\s+/g, ' ')
  const head = flat.length > max ? `${flat.slice(0, max)}…` : flat
  return `${head}${content.link ? ' [链接]' : ''}${content.image ? ' [图片]' : ''}`
}

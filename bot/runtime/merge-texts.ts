import type { OutboundMessage } from '../ports/directory.js'
import { chatKey } from './outbox.js'

/**
 * Merge queued texts for the same chat as `first` into one message (in queue
 * order, up to `maxChars`, stopping at a file or link card so order is kept),
 * so five warnings to one group become one send. `first` must be the chat's earliest item.
 * Files are never merged. Returns the message and the queue items it covers.
 */
export function mergeTexts<T extends OutboundMessage>(
  first: T,
  queue: T[],
  maxChars: number,
): { message: OutboundMessage; items: T[] } {
  if (first.file || first.link || first.text === undefined) return { message: strip(first), items: [first] }
  const key = chatKey(first)
  const items = [first]
  let text = first.text
  const mentions = new Set(first.mentions ?? [])
  for (const q of queue) {
    if (q === first || chatKey(q) !== key) continue
    if (q.file || q.link || q.text === undefined) break // keep order: text queued after a file goes after it
    if (text.length + 1 + q.text.length > maxChars) break
    text += `\n${q.text}`
    for (const m of q.mentions ?? []) mentions.add(m)
    items.push(q)
  }
  return { message: { chat: first.chat, text, mentions: [...mentions] }, items }
}

function strip(m: OutboundMessage): OutboundMessage {
  return { chat: m.chat, text: m.text, mentions: m.mentions, file: m.file, link: m.link }
}

import { chatKey, type OutboundMessage } from '../../ports/outbound-message.js'

/**
 * Merge queued texts for the same chat as `first` into one message (in queue
 * order, up to `maxChars`, stopping at a file or link card so order is kept),
 * so five warnings to one group become one send. `first` must be the chat's earliest item.
 * The parts are unrelated messages: a blank line ({@link PART_GAP}) sets each apart, so they read as separate items.
 * When the merged texts mention different people, each line starts with the names it is for
 * (`张三：…`), since WeChat puts every @ at the top. Files and secrets (`sensitive`) are never merged, nor a text
 * to everyone (no @: a notice, a campaign, a report) with @-texts: WeChat's @ would make it look addressed to them.
 * Returns the message and the queue items it covers.
 */
export function mergeTexts<T extends OutboundMessage>(
  first: T,
  queue: T[],
  maxChars: number,
): { message: OutboundMessage; items: T[] } {
  if (first.file || first.link || first.sensitive || first.text === undefined)
    return { message: strip(first), items: [first] }
  const key = chatKey(first)
  const items = [first]
  let length = lineOf(first).length
  for (const q of queue) {
    if (q === first || chatKey(q) !== key) continue
    // Keep order: text queued after a file or a secret goes after it.
    if (q.file || q.link || q.sensitive || q.text === undefined) break
    if (!q.mentions?.length !== !first.mentions?.length) break
    if (length + PART_GAP.length + lineOf(q).length > maxChars) break
    length += PART_GAP.length + lineOf(q).length
    items.push(q)
  }
  const whom = new Set(items.map(i => (i.mentions ?? []).join(',')))
  const named = whom.size > 1
  const text = items.map(i => (named ? lineOf(i) : (i.text ?? ''))).join(PART_GAP)
  const mentions = [...new Set(items.flatMap(i => i.mentions ?? []))]
  return { message: { chat: first.chat, text, mentions }, items }
}

/** What goes between two merged parts: a blank line. */
export const PART_GAP = '\n\n'

/** An item's line in a merged message, led by the names it is for. */
function lineOf(m: OutboundMessage): string {
  return m.label && m.mentions?.length ? `${m.label}：${m.text ?? ''}` : (m.text ?? '')
}

function strip(m: OutboundMessage): OutboundMessage {
  const out: OutboundMessage = { chat: m.chat, text: m.text, mentions: m.mentions, file: m.file, link: m.link }
  if (m.sensitive) out.sensitive = true
  return out
}

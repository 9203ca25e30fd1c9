/**
 * A short excerpt of `text` around the first of `terms` that occurs (so put
 * the whole query phrase first, then single words), case-insensitive, plain
 * substring match: terms are never patterns. Line breaks are flattened; with
 * no occurrence the excerpt starts at the beginning.
 */
export function snippet(text: string, terms: string[], before = 12, after = 36): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim()
  const lower = flat.toLowerCase()
  let at = -1
  for (const t of terms) {
    at = t ? lower.indexOf(t) : -1
    if (at >= 0) break
  }
  const start = Math.max(0, at - before)
  const end = Math.min(flat.length, Math.max(at, 0) + after)
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`
}

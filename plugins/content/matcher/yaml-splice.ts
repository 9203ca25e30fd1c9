import { isDeepStrictEqual } from 'node:util'
import { Document, isSeq, parseDocument, type Node } from 'yaml'

/** One word added to or taken out of a YAML list (a path of keys from the document's root). */
export interface ListChange {
  path: string[]
  word: string
  add: boolean
}

/**
 * The text with each change made in place, every other character as it was (aligned comments keep their
 * padding), or undefined when a change is not one this can make in place (a list that is missing, or written in a
 * way it does not know) or the result would not read as `expected` (the document edited by the YAML API).
 */
export function spliceChanges(text: string, changes: ListChange[], expected: unknown): string | undefined {
  let out: string | undefined = text
  for (const change of changes) out = out === undefined ? undefined : spliceList(out, change)
  if (out === undefined) return undefined
  const doc = parseDocument(out)
  return doc.errors.length === 0 && isDeepStrictEqual(doc.toJS(), expected) ? out : undefined
}

/** One change made in place, or undefined (see spliceChanges). */
function spliceList(text: string, { path, word, add }: ListChange): string | undefined {
  const node = parseDocument(text).getIn(path, true)
  if (!isSeq(node) || !node.range) return undefined
  const items = node.items as Node[]
  if (add) {
    const item = flowItem(word)
    if (node.flow) {
      const close = node.range[1] - 1
      if (text[close] !== ']') return undefined
      return `${text.slice(0, close)}${items.length > 0 ? `, ${item}` : item}${text.slice(close)}`
    }
    const last = items.at(-1)?.range
    if (!last) return undefined
    const start = lineStart(text, last[0])
    const dash = /^[ \t]*-[ \t]+/.exec(text.slice(start))?.[0]
    if (!dash) return undefined
    const end = lineEnd(text, last[1])
    return `${text.slice(0, end)}\n${dash}${item}${text.slice(end)}`
  }
  const index = items.findIndex(i => String((i as { value?: unknown }).value ?? i) === word)
  const range = items[index]?.range
  if (!range) return undefined
  if (!node.flow) {
    const end = lineEnd(text, range[1])
    return `${text.slice(0, lineStart(text, range[0]))}${text.slice(end + 1)}`
  }
  const next = items[index + 1]?.range
  const previous = items[index - 1]?.range
  const [from, to] = next ? [range[0], next[0]] : previous ? [previous[1], range[1]] : [range[0], range[1]]
  return `${text.slice(0, from)}${text.slice(to)}`
}

/** A word as an item of a flow list (quoted when YAML needs it). */
function flowItem(word: string): string {
  return new Document([word]).toString({ collectionStyle: 'flow', flowCollectionPadding: false }).trim().slice(1, -1)
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset)
  return end < 0 ? text.length : end
}

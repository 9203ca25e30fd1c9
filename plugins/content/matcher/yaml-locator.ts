import { isMap, isNode, isScalar, type Document, type LineCounter } from 'yaml'

/** A path into a YAML document, as zod reports it. */
export type YamlPath = readonly PropertyKey[]

/** Maps paths in a parsed YAML document to 1-based line numbers of the file. */
export class YamlLocator {
  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  /** Line of the node at path; for a map key, the key's own line; falls back to the nearest parent. */
  lineOf(path: YamlPath): number {
    for (let n = path.length; n >= 0; n--) {
      const prefix = path.slice(0, n)
      const last = prefix[prefix.length - 1]
      if (typeof last === 'string') {
        const keyLine = this.keyLine(prefix.slice(0, -1), last)
        if (keyLine !== null) return keyLine
      }
      const node = n === 0 ? this.doc.contents : this.doc.getIn(prefix as unknown[], true)
      if (isNode(node) && node.range) return this.lineCounter.linePos(node.range[0]).line
    }
    return 1
  }

  /** "file:line" of the node at path. */
  at(path: YamlPath): string {
    return `${this.file}:${this.lineOf(path)}`
  }

  /** Line of the key `key` in the map at `mapPath`, or null. */
  keyLine(mapPath: YamlPath, key: string): number | null {
    const map = mapPath.length === 0 ? this.doc.contents : this.doc.getIn(mapPath as unknown[], true)
    if (!isMap(map)) return null
    const pair = map.items.find(p => isScalar(p.key) && String(p.key.value) === key)
    const range = isNode(pair?.key) ? pair.key.range : undefined
    return range ? this.lineCounter.linePos(range[0]).line : null
  }
}

/** A path written the way a user reads it: categories.porn.terms[2]. */
export function formatPath(path: YamlPath): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('')
}

import { isMap, isNode, isScalar, type Document, type LineCounter } from 'yaml'

/** A path into a YAML document, as zod reports it. */
export type YamlPath = readonly PropertyKey[]

/** A place in a dictionary file: 1-based line and column. */
export interface FilePlace {
  file: string
  line: number
  column: number
}

/** Maps paths in a parsed YAML document to places (1-based line and column) in the file. */
export class YamlLocator {
  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  /** Place of the node at path; for a map key, the key's own place; falls back to the nearest parent. */
  placeOf(path: YamlPath): FilePlace {
    for (let n = path.length; n >= 0; n--) {
      const prefix = path.slice(0, n)
      const last = prefix[prefix.length - 1]
      if (typeof last === 'string') {
        const key = this.keyPlace(prefix.slice(0, -1), last)
        if (key !== null) return key
      }
      const node = n === 0 ? this.doc.contents : this.doc.getIn(prefix as unknown[], true)
      if (isNode(node) && node.range) return this.placeAt(node.range[0])
    }
    return { file: this.file, line: 1, column: 1 }
  }

  /** Place of the key `key` in the map at `mapPath`, or null. */
  keyPlace(mapPath: YamlPath, key: string): FilePlace | null {
    const map = mapPath.length === 0 ? this.doc.contents : this.doc.getIn(mapPath as unknown[], true)
    if (!isMap(map)) return null
    const pair = map.items.find(p => isScalar(p.key) && String(p.key.value) === key)
    const range = isNode(pair?.key) ? pair.key.range : undefined
    return range ? this.placeAt(range[0]) : null
  }

  /** Place of a character offset of the source. */
  placeAt(offset: number): FilePlace {
    const { line, col } = this.lineCounter.linePos(offset)
    return { file: this.file, line, column: col }
  }
}

/** "file:line" of a place, as problems and warnings name it. */
export function placeText(p: FilePlace): string {
  return `${p.file}:${p.line}`
}

/** A path written the way a user reads it: categories.porn.terms[2]. */
export function formatPath(path: YamlPath): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('')
}

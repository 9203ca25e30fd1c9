/**
 * A `DocSpec.encode` for a document whose bulk is one collection of records (an array, or an object of records
 * by id) that mostly stays as it was between writes: each record's UTF-8 JSON is kept, with a copy of the data
 * it was made from, and made again only when the record differs from that copy (records are changed in place,
 * so the copy, not the object's identity, tells). The bytes are those of `JSON.stringify(data)`.
 */
export function cachedCollectionEncode<T extends object>(key: keyof T & string): (data: T) => Uint8Array[] {
  const cache = new WeakMap<object, Encoded>()
  /** One record's bytes (`"id":` first for a record of an object), kept while the record stays as it was. */
  const encode = (item: unknown, id: string | undefined): Buffer | undefined => {
    if (typeof item !== 'object' || item === null) return utf8(item, id)
    const kept = cache.get(item)
    if (kept && kept.id === id && same(item, kept.copy)) return kept.bytes
    const bytes = utf8(item, id)
    const copy = bytes && copyOf(item)
    if (copy === UNCOPIED) cache.delete(item)
    else if (bytes) cache.set(item, { id, copy, bytes })
    return bytes
  }
  return data => {
    const out: Uint8Array[] = []
    let text = '{'
    for (const k in data) {
      const value = data[k]
      const isArray = Array.isArray(value)
      if (k !== key || !(isArray || isPlain(value))) {
        const json = JSON.stringify(value)
        if (json !== undefined) text += `${text.length > 1 || out.length ? ',' : ''}${JSON.stringify(k)}:${json}`
        continue
      }
      out.push(
        Buffer.from(`${text}${text.length > 1 || out.length ? ',' : ''}${JSON.stringify(k)}:${isArray ? '[' : '{'}`),
      )
      let first = true
      const add = (bytes: Buffer | undefined) => {
        if (!bytes) return
        if (!first) out.push(COMMA)
        out.push(bytes)
        first = false
      }
      if (isArray) for (const item of value) add(encode(item, undefined) ?? NULL)
      else for (const id in value) add(encode((value as Record<string, unknown>)[id], id))
      text = isArray ? ']' : '}'
    }
    out.push(Buffer.from(`${text}}`))
    return out
  }
}

interface Encoded {
  id: string | undefined
  copy: Copy
  bytes: Buffer
}

/** A copy of JSON data: primitives as they are, arrays and plain objects copied (keys in order). */
type Copy = unknown
class ArrayCopy {
  constructor(readonly items: Copy[]) {}
}
class ObjectCopy {
  constructor(
    readonly keys: string[],
    readonly values: Copy[],
  ) {}
}
/** Data that is not plain JSON (a class instance, a `toJSON`): encoded at every write. */
const UNCOPIED = Symbol('uncopied')

const COMMA = Buffer.from(',')
const NULL = Buffer.from('null')

/** `value` as JSON in UTF-8 (`"id":` first when given); undefined when JSON leaves it out. */
function utf8(value: unknown, id: string | undefined): Buffer | undefined {
  const json = JSON.stringify(value)
  if (json === undefined) return undefined
  return Buffer.from(id === undefined ? json : `${JSON.stringify(id)}:${json}`)
}

function isPlain(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) return false
  return Object.getPrototypeOf(v) === Object.prototype
}

function copyOf(v: unknown): Copy {
  if (typeof v !== 'object' || v === null) return v
  if (Array.isArray(v)) {
    const items: Copy[] = []
    for (const x of v) {
      const c = copyOf(x)
      if (c === UNCOPIED) return UNCOPIED
      items.push(c)
    }
    return new ArrayCopy(items)
  }
  if (!isPlain(v) || 'toJSON' in v) return UNCOPIED
  const keys: string[] = []
  const values: Copy[] = []
  for (const k in v) {
    const c = copyOf((v as Record<string, unknown>)[k])
    if (c === UNCOPIED) return UNCOPIED
    keys.push(k)
    values.push(c)
  }
  return new ObjectCopy(keys, values)
}

/** `v` would encode as its copy `c` did: the same primitives, array items and object keys in the same order. */
function same(v: unknown, c: Copy): boolean {
  if (typeof v !== 'object' || v === null) return v === c
  if (Array.isArray(v)) {
    if (!(c instanceof ArrayCopy) || v.length !== c.items.length) return false
    for (let i = 0; i < v.length; i++) if (!same(v[i], c.items[i])) return false
    return true
  }
  if (!(c instanceof ObjectCopy) || !isPlain(v)) return false
  let i = 0
  for (const k in v) {
    if (k !== c.keys[i] || !same((v as Record<string, unknown>)[k], c.values[i])) return false
    i++
  }
  return i === c.keys.length
}

/**
 * A `DocSpec.encode` for a document whose bulk is one collection of records (an array, or an object of records
 * by id) that mostly stays as it was between writes: each record's UTF-8 JSON is kept, with a copy of the data
 * it was made from, and made again only when the record differs from that copy (records are changed in place,
 * so the copy, not the object's identity, tells). The bytes are those of `JSON.stringify(data)`.
 */
export function cachedCollectionEncode<T extends object>(key: keyof T & string): (data: T) => Uint8Array[] {
  const cache = new WeakMap<object, Encoded>()
  /**
   * One record's bytes after a comma (`,"id":` first for a record of an object: one chunk, not two, for each
   * record but the first), kept while the record stays as it was.
   */
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
        out.push(first ? bytes.subarray(1) : bytes)
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

/**
 * A copy of JSON data: primitives as they are; an array or a plain object as a `Copied` (its keys in order,
 * then the copies of its values).
 */
type Copy = unknown
interface Copied {
  keys: string[] | undefined
  values: Copy[]
}
/** Data that is not plain JSON (a class instance, a `toJSON`): encoded at every write. */
const UNCOPIED = Symbol('uncopied')

const NULL = Buffer.from(',null')

/** `value` as JSON in UTF-8 after a comma (`,"id":` first when given); undefined when JSON leaves it out. */
function utf8(value: unknown, id: string | undefined): Buffer | undefined {
  const json = JSON.stringify(value)
  if (json === undefined) return undefined
  return Buffer.from(id === undefined ? `,${json}` : `,${JSON.stringify(id)}:${json}`)
}

function isPlain(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) return false
  return Object.getPrototypeOf(v) === Object.prototype
}

/** The copy `same` compares a record with later, or UNCOPIED for data JSON would not encode as plain data. */
function copyOf(v: unknown): Copy {
  if (typeof v !== 'object' || v === null) return v
  const values: Copy[] = []
  if (Array.isArray(v)) {
    for (const x of v) {
      const c = copyOf(x)
      if (c === UNCOPIED) return UNCOPIED
      values.push(c)
    }
    return { keys: undefined, values } satisfies Copied
  }
  if (!isPlain(v) || 'toJSON' in v) return UNCOPIED
  const keys: string[] = []
  for (const k in v) {
    const c = copyOf((v as Record<string, unknown>)[k])
    if (c === UNCOPIED) return UNCOPIED
    keys.push(k)
    values.push(c)
  }
  return { keys, values } satisfies Copied
}

/**
 * `v` (an object) would encode as its copy `c` did: the same primitives, array items and object keys in the
 * same order. Asked for every record at every write: primitives are compared without a call.
 */
function same(v: object, c: Copy): boolean {
  if (typeof c !== 'object' || c === null) return false
  const { keys, values } = c as Copied
  if (Array.isArray(v)) {
    const n = v.length
    if (keys || n !== values.length) return false
    for (let i = 0; i < n; i++) {
      const x: unknown = v[i]
      if (x !== values[i] && !(typeof x === 'object' && x !== null && same(x, values[i]))) return false
    }
    return true
  }
  if (!keys || !isPlain(v)) return false
  let i = 0
  for (const k in v) {
    const x: unknown = (v as Record<string, unknown>)[k]
    if (k !== keys[i]) return false
    if (x !== values[i] && !(typeof x === 'object' && x !== null && same(x, values[i]))) return false
    i++
  }
  return i === keys.length
}

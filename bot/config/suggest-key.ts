import type { z } from 'zod'

type Def = {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  in?: z.ZodType
  element?: z.ZodType
  valueType?: z.ZodType
  options?: z.ZodType[]
  getter?: () => z.ZodType
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

/** The object schemas a value at `path` is checked against (through defaults, pipes, unions, arrays and records). */
function objectsAt(schema: z.ZodType, path: readonly PropertyKey[]): Def[] {
  const def = defOf(schema)
  if (def.innerType) return objectsAt(def.innerType, path)
  if (def.type === 'pipe' && def.in) return objectsAt(def.in, path)
  if (def.type === 'lazy' && def.getter) return objectsAt(def.getter(), path)
  if (def.type === 'union' && def.options) return def.options.flatMap(option => objectsAt(option, path))
  if (path.length === 0) return def.type === 'object' ? [def] : []
  const [key, ...rest] = path
  if (def.type === 'array' && def.element && typeof key === 'number') return objectsAt(def.element, rest)
  if (def.type === 'record' && def.valueType) return objectsAt(def.valueType, rest)
  const child = def.type === 'object' ? def.shape?.[String(key)] : undefined
  return child ? objectsAt(child, rest) : []
}

/** The keys an object at `path` of `schema` knows (empty when the path leads to no object schema). */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  return [...new Set(objectsAt(schema, path).flatMap(def => Object.keys(def.shape ?? {})))]
}

/**
 * The known key nearest to a mistyped one (a few edits or a case difference away), if any is near enough: at most
 * `limit` edits (by default one per three characters, from 1 to 3).
 */
export function nearestKey(
  typo: string,
  known: readonly string[],
  limit = Math.max(1, Math.min(3, Math.floor(typo.length / 3))),
): string | undefined {
  let best: { key: string; distance: number } | undefined
  for (const key of known) {
    const distance = editDistance(typo.toLowerCase(), key.toLowerCase())
    if (distance <= limit && (!best || distance < best.distance)) best = { key, distance }
  }
  return best?.key
}

/** Levenshtein distance (insertions, deletions, substitutions; an adjacent swap counts as one). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1)
    }
  return rows[a.length]![b.length]!
}

import { z } from 'zod'

/** A strike against a member, expiring at `expiresAt`. */
export interface Strike {
  id: string
  memberId: string
  category: string
  groupId?: string
  at: number
  expiresAt: number
  auditId?: string
  revoked?: { at: number; by: string; reason: string }
}

/**
 * The ledger's strikes as columns (version 3 of the ledger): row i of each array is one strike, oldest first.
 * Member ids, categories and group ids are stored once each in `names` and pointed to; ids `S12` and audit ids
 * `A34` are stored as their numbers. A million messages of the bench's history left 30,158 strikes: as objects a
 * 5 MB snapshot line and 7.3 MB of heap, parsed in 90–190 ms at every start; as columns about a third of that.
 */
export interface StrikeColumns {
  /** The strike's id: n for `S<n>`, any other id as its text. */
  id: (number | string)[]
  /** The member, as an index into `names`. */
  member: number[]
  /** The category, as an index into `names`. */
  category: number[]
  /** The group, as an index into `names`; -1: none. */
  group: number[]
  at: number[]
  expiresAt: number[]
  /** The audit entry: n for `A<n>`, any other id as its text; null: none. */
  audit: (number | string | null)[]
}

/** Strikes as columns, with the names they point to and what else a strike holds. */
export interface StrikeTable {
  strikes: StrikeColumns
  /** Member ids, categories and group ids, each once. */
  names: string[]
  /** By row: whatever else a strike holds (its revocation, a field this release does not know). */
  more: Record<string, Record<string, unknown>>
}

/** An empty table. */
export function emptyStrikes(): StrikeTable {
  return {
    strikes: { id: [], member: [], category: [], group: [], at: [], expiresAt: [], audit: [] },
    names: [],
    more: {},
  }
}

/** `S12` → 12 (with prefix `S`); any id not written that way stays text, so `idText` gives it back unchanged. */
export function idCode(prefix: string, id: string): number | string {
  const n = Number(id.slice(1))
  return id[0] === prefix && Number.isSafeInteger(n) && n > 0 && `${prefix}${n}` === id ? n : id
}

/** The id `idCode` stored. */
export function idText(prefix: string, code: number | string): string {
  return typeof code === 'number' ? `${prefix}${code}` : code
}

/** Each table's names by text (its `names` array the key: a new array after a prune). */
const nameIndexes = new WeakMap<string[], Map<string, number>>()

/** The table's names by text, made at the first look-up. */
function namesOf(t: StrikeTable): Map<string, number> {
  let index = nameIndexes.get(t.names)
  if (!index) nameIndexes.set(t.names, (index = new Map(t.names.map((n, i) => [n, i]))))
  return index
}

/** The index of `name` in the table's names (added when new). */
export function nameIndex(t: StrikeTable, name: string): number {
  const index = namesOf(t)
  let i = index.get(name)
  if (i === undefined) {
    i = t.names.push(name) - 1
    index.set(name, i)
  }
  return i
}

/** The index of `name` in the table's names, or -1 (nothing added). */
export function findName(t: StrikeTable, name: string): number {
  return namesOf(t).get(name) ?? -1
}

/** The fields a row holds in its columns: the rest of a strike goes to `more`. */
const COLUMN_FIELDS = new Set(['id', 'memberId', 'category', 'groupId', 'at', 'expiresAt', 'auditId'])

/** Add a strike as the last row. */
export function pushStrike(t: StrikeTable, s: Strike): void {
  const c = t.strikes
  const row = c.id.length
  c.id.push(idCode('S', s.id))
  c.member.push(nameIndex(t, s.memberId))
  c.category.push(nameIndex(t, s.category))
  c.group.push(typeof s.groupId === 'string' ? nameIndex(t, s.groupId) : -1)
  c.at.push(s.at)
  c.expiresAt.push(s.expiresAt)
  c.audit.push(s.auditId === undefined ? null : idCode('A', s.auditId))
  let rest: Record<string, unknown> | undefined
  for (const [k, v] of Object.entries(s))
    if (v !== undefined && (!COLUMN_FIELDS.has(k) || (k === 'groupId' && typeof v !== 'string'))) (rest ??= {})[k] = v
  if (rest) t.more[row] = rest
}

/** Row `row` as a strike object (a new one at each call). */
export function strikeAt(t: StrikeTable, row: number): Strike {
  const c = t.strikes
  const s: Strike = {
    id: idText('S', c.id[row]),
    memberId: t.names[c.member[row]],
    category: t.names[c.category[row]],
    at: c.at[row],
    expiresAt: c.expiresAt[row],
  }
  if (c.group[row] >= 0) s.groupId = t.names[c.group[row]]
  const audit = c.audit[row]
  if (audit !== null) s.auditId = idText('A', audit)
  const more = t.more[row]
  return more ? Object.assign(s, more) : s
}

/** The first row with this id, or -1. */
export function rowOf(t: StrikeTable, id: string): number {
  return t.strikes.id.indexOf(idCode('S', id))
}

/** Keep only the rows `keep` says yes to (in order); names no row points to any more are dropped. */
export function keepRows(t: StrikeTable, keep: (row: number) => boolean): void {
  const c = t.strikes
  const next = emptyStrikes()
  for (let row = 0; row < c.id.length; row++) if (keep(row)) pushStrike(next, strikeAt(t, row))
  t.strikes = next.strikes
  t.names = next.names
  t.more = next.more
}

/** Every row as strike objects (another fleet account's ledger). */
export function allStrikes(t: StrikeTable): Strike[] {
  return t.strikes.id.map((_, row) => strikeAt(t, row))
}

/** Strikes (version 2's objects) as a table. */
export function toTable(strikes: Strike[]): StrikeTable {
  const t = emptyStrikes()
  for (const s of strikes) pushStrike(t, s)
  return t
}

const isIndex = (v: unknown, size: number): boolean => Number.isInteger(v) && (v as number) >= 0 && (v as number) < size
const isCode = (v: unknown): boolean => typeof v === 'string' || (Number.isSafeInteger(v) && (v as number) > 0)
const isTime = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v)

/** Whether `v` is a consistent table: columns of one length, each value of its kind, every index a name. */
export function tableAccepts(v: unknown): boolean {
  if (!v || typeof v !== 'object') return false
  const { strikes: c, names, more } = v as Partial<StrikeTable>
  if (!c || typeof c !== 'object' || !Array.isArray(names) || !names.every(n => typeof n === 'string')) return false
  const cols = [c.id, c.member, c.category, c.group, c.at, c.expiresAt, c.audit]
  if (!cols.every(Array.isArray)) return false
  const rows = c.id.length
  if (!cols.every(col => col.length === rows)) return false
  const size = names.length
  for (let row = 0; row < rows; row++)
    if (
      !isCode(c.id[row]) ||
      !isIndex(c.member[row], size) ||
      !isIndex(c.category[row], size) ||
      !(c.group[row] === -1 || isIndex(c.group[row], size)) ||
      !isTime(c.at[row]) ||
      !isTime(c.expiresAt[row]) ||
      !(c.audit[row] === null || isCode(c.audit[row]))
    )
      return false
  if (!more || typeof more !== 'object' || Array.isArray(more)) return false
  for (const [row, extra] of Object.entries(more))
    if (!isIndex(Number(row), rows) || !extra || typeof extra !== 'object' || Array.isArray(extra)) return false
  return true
}

const code = z.union([z.string(), z.number().int().positive()])

/** The table's fields in a schema (`refineTable` checks that they agree). */
export const strikeTableShape = {
  strikes: z.object({
    id: z.array(code),
    member: z.array(z.number().int().nonnegative()),
    category: z.array(z.number().int().nonnegative()),
    group: z.array(z.number().int().min(-1)),
    at: z.array(z.number()),
    expiresAt: z.array(z.number()),
    audit: z.array(code.nullable()),
  }),
  names: z.array(z.string()),
  more: z.record(z.string(), z.looseObject({})),
}

/** For a schema's `superRefine`: once each column passed, that they agree (one length, every index a name). */
export function refineTable(t: StrikeTable, ctx: z.RefinementCtx): void {
  if (!tableAccepts(t))
    ctx.addIssue({ code: 'custom', path: ['strikes'], message: 'columns of different lengths, or an index past names' })
}

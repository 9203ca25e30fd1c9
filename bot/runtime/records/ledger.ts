import { z } from 'zod'
import { type Journal, journalSpec, type Store } from '../../ports/store/store.js'
import { DocDamage } from '../../ports/store/doc-codec.js'
import { fineOwed, type FinePolicy } from './fine-policy.js'
import {
  allStrikes,
  emptyStrikes,
  findName,
  idCode,
  idText,
  keepRows,
  pushStrike,
  refineTable,
  rowOf,
  type Strike,
  type StrikeTable,
  strikeAt,
  strikeTableShape,
  tableAccepts,
  toTable,
} from './strike-columns.js'

export type { Strike }

/** A violation that owes a fine until settled (a red packet, a transfer, an admin's confirmation) or waived. */
export interface Fine {
  id: string
  memberId: string
  violation: string
  groupId?: string
  at: number
  auditId?: string
  settled?: { at: number; amount: number; messageId?: string }
  waived?: { at: number; by: string; reason: string }
}

/** Version 2 of the ledger (and 1): strikes as objects. */
interface LedgerV2 {
  strikes: Strike[]
  fines: Fine[]
  next: number
}

/** The ledger (version 3): strikes as columns (see `StrikeTable`), fines as objects, the next id number. */
type LedgerData = StrikeTable & { fines: Fine[]; next: number }

/** One change to the ledger, appended to its journal (never a rewrite of every strike and fine). */
type LedgerRecord =
  | { op: 'strike'; strike: Strike }
  | { op: 'fine'; fine: Fine }
  | { op: 'revoke'; id: string; revoked: NonNullable<Strike['revoked']> }
  | { op: 'settle'; id: string; settled: NonNullable<Fine['settled']> }
  | { op: 'waive'; id: string; waived: NonNullable<Fine['waived']> }
  /** Strikes that expired before `before` are dropped (the audit log keeps them). */
  | { op: 'prune'; before: number }

const strikeSchema = z.looseObject({
  id: z.string(),
  memberId: z.string(),
  category: z.string(),
  at: z.number(),
  expiresAt: z.number(),
  auditId: z.string().optional(),
})
const fineSchema = z.looseObject({
  id: z.string(),
  memberId: z.string(),
  at: z.number(),
  auditId: z.string().optional(),
})
const closedSchema = z.looseObject({ at: z.number() })

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)
const isText = (v: unknown): boolean => typeof v === 'string'
const isTime = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v)
const isOptionalText = (v: unknown): boolean => v === undefined || typeof v === 'string'

/** strikeSchema as a plain check (a subset of what it accepts). */
function isStrike(v: unknown): boolean {
  return (
    isRecord(v) &&
    isText(v.id) &&
    isText(v.memberId) &&
    isText(v.category) &&
    isTime(v.at) &&
    isTime(v.expiresAt) &&
    isOptionalText(v.auditId)
  )
}

/** fineSchema as a plain check (a subset of what it accepts). */
function isFine(v: unknown): boolean {
  return isRecord(v) && isText(v.id) && isText(v.memberId) && isTime(v.at) && isOptionalText(v.auditId)
}

/** Version 2's snapshot schema as a plain check (the objects version 3 is made from). */
export function ledgerV2Accepts(v: unknown): boolean {
  return (
    isRecord(v) &&
    Array.isArray(v.strikes) &&
    v.strikes.every(isStrike) &&
    Array.isArray(v.fines) &&
    v.fines.every(isFine) &&
    Number.isSafeInteger(v.next) &&
    (v.next as number) > 0
  )
}

/** Version 2's snapshot: strikes and fines as objects. */
export const LEDGER_V2_SCHEMA = z.object({
  strikes: z.array(strikeSchema),
  fines: z.array(fineSchema),
  next: z.number().int().positive(),
})

/** The snapshot's schema as a plain check (a subset of what `LEDGER_JOURNAL.schema` accepts). */
export function ledgerAccepts(v: unknown): boolean {
  return (
    tableAccepts(v) &&
    isRecord(v) &&
    Array.isArray(v.fines) &&
    v.fines.every(isFine) &&
    Number.isSafeInteger(v.next) &&
    (v.next as number) > 0
  )
}

/** Version 2's ledger as version 3: checked as version 2 was (a damaged one is refused, naming the field), then its strikes as columns. */
function fromV2(v2: LedgerV2): LedgerData {
  if (!ledgerV2Accepts(v2)) {
    const checked = LEDGER_V2_SCHEMA.safeParse(v2)
    if (!checked.success) {
      const issue = checked.error.issues[0]
      throw new DocDamage(`wrong shape: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    }
  }
  const { strikes, ...rest } = v2
  return { ...rest, ...toTable(strikes) }
}

/**
 * The `ledger` journal (durable): strikes, fines and the next id as of its last snapshot, then one record
 * per change. Version 1 was one document rewritten whole at every strike (5 MB after a million messages of
 * the bench's history): the same state, now followed by records. Version 2 held strikes as objects; version 3
 * holds them as columns (`StrikeTable`): the same records, a snapshot a third of the size, read 3× faster.
 */
export const LEDGER_JOURNAL = journalSpec<LedgerData, LedgerRecord>({
  version: 3,
  schema: z
    .object({ ...strikeTableShape, fines: z.array(fineSchema), next: z.number().int().positive() })
    .superRefine(refineTable),
  migrations: {
    // Before versions: what version 1 lacked came from version 1's defaults.
    0: (v0: Partial<LedgerV2>) => ({ strikes: [], fines: [], next: 1, ...v0 }),
    1: (v1: LedgerV2) => v1,
    2: fromV2,
  },
  defaults: () => ({ ...emptyStrikes(), fines: [], next: 1 }),
  accepts: ledgerAccepts,
  record: z.discriminatedUnion('op', [
    z.object({ op: z.literal('strike'), strike: strikeSchema }),
    z.object({ op: z.literal('fine'), fine: fineSchema }),
    z.object({ op: z.literal('revoke'), id: z.string(), revoked: closedSchema }),
    z.object({ op: z.literal('settle'), id: z.string(), settled: closedSchema }),
    z.object({ op: z.literal('waive'), id: z.string(), waived: closedSchema }),
    z.object({ op: z.literal('prune'), before: z.number() }),
  ]),
  apply: applyLedger,
})

/** The next id number once `id` (`S12`, `F3`) is taken. */
function nextAfter(next: number, id: string): number {
  return Math.max(next, (Number(id.slice(1)) || 0) + 1)
}

/** The next id number once the id stored as `code` (`idCode`) is taken. */
function nextAfterCode(next: number, code: number | string): number {
  return typeof code === 'number' ? Math.max(next, code + 1) : nextAfter(next, code)
}

/** Fold one ledger record into the state (ids stay above every id recorded). */
function applyLedger(s: LedgerData, r: LedgerRecord): void {
  switch (r.op) {
    case 'strike':
      pushStrike(s, r.strike)
      s.next = nextAfter(s.next, r.strike.id)
      return
    case 'fine':
      s.fines.push(r.fine)
      s.next = nextAfter(s.next, r.fine.id)
      return
    case 'revoke': {
      const row = rowOf(s, r.id)
      if (row >= 0) s.more[row] = { ...s.more[row], revoked: r.revoked }
      return
    }
    case 'settle':
    case 'waive': {
      const fine = s.fines.find(x => x.id === r.id)
      if (fine && r.op === 'settle') fine.settled = r.settled
      else if (fine && r.op === 'waive') fine.waived = r.waived
      return
    }
    case 'prune':
      keepRows(s, row => s.strikes.expiresAt[row] > r.before)
  }
}

/** The audit entry an undo names: its id, time and member. */
export interface AuditRef {
  id: string
  at: number
  memberId?: string
}

function causedBy(r: { auditId?: string; memberId: string; at: number }, e: AuditRef): boolean {
  return r.auditId === e.id && (!e.memberId || r.memberId === e.memberId) && r.at >= e.at
}

/** The rows of strikes an audit entry caused (`causedBy`), not revoked. */
function rowsCausedBy(t: StrikeTable, e: AuditRef): number[] {
  const c = t.strikes
  const audit = idCode('A', e.id)
  const member = e.memberId ? findName(t, e.memberId) : -1
  const rows: number[] = []
  for (let row = c.audit.indexOf(audit); row >= 0; row = c.audit.indexOf(audit, row + 1))
    if ((!e.memberId || c.member[row] === member) && c.at[row] >= e.at && !t.more[row]?.revoked) rows.push(row)
  return rows
}

/** Strikes that expired this long ago are dropped from the ledger (the audit log keeps them). */
const KEEP_EXPIRED_MS = 90 * 86_400_000

/** Strikes and fines per member, shared by every plugin; persisted in the store. */
export class Ledger {
  private journal: Journal<LedgerData, LedgerRecord>
  /** Each member's last strike (its row; by the member's index in `names`). */
  private lastRow: number[] = []
  /** For each row, the same member's strike before it (-1: none). */
  private prevRow: number[] = []
  /** Other fleet accounts' strikes by member (read-only here; each account writes its own ledger). */
  private foreign = new Map<string, Map<string, Strike[]>>()
  private foreignFines = new Map<string, Fine[]>()

  constructor(
    store: Store,
    readonly policy: FinePolicy,
  ) {
    this.journal = store.journal('ledger', LEDGER_JOURNAL)
    // Ids continue after the highest one stored, whatever `next` says (ids never repeat): derived from the
    // records, so setting it here changes nothing they say.
    const data = this.data
    for (const id of data.strikes.id) data.next = nextAfterCode(data.next, id)
    for (const f of data.fines) data.next = nextAfter(data.next, f.id)
    this.reindex()
  }

  /** The ledger as its journal holds it: read it here, change it only by appending records. */
  private get data(): LedgerData {
    return this.journal.state
  }

  /** Record a strike (and drop strikes long expired); returns it. */
  addStrike(s: Omit<Strike, 'id'>): Strike {
    const strike = { id: `S${this.data.next}`, ...s }
    this.journal.append({ op: 'strike', strike })
    this.index(this.data.strikes.id.length - 1)
    this.prune(s.at)
    return strike
  }

  /**
   * Strikes of a member not expired or revoked at `now` (optionally one category), fleet-wide (other
   * accounts' strikes included). Costs what that member has, not the history.
   */
  activeStrikes(memberId: string, now: number, category?: string): Strike[] {
    const t = this.data
    const c = t.strikes
    const own: Strike[] = []
    const member = findName(t, memberId)
    for (let row = member < 0 ? -1 : (this.lastRow[member] ?? -1); row >= 0; row = this.prevRow[row])
      if (c.expiresAt[row] > now && !t.more[row]?.revoked && (!category || t.names[c.category[row]] === category))
        own.push(strikeAt(t, row))
    own.reverse()
    const others = [...this.foreign.values()].flatMap(byMember => byMember.get(memberId) ?? [])
    return [...own, ...others.filter(s => !s.revoked && s.expiresAt > now && (!category || s.category === category))]
  }

  /**
   * Another fleet account's ledger as it stands (fleet mode): its strikes count here, its fines show in
   * balances. Ids and audit ids are prefixed with the account, so an undo here never touches them. An account
   * of an older release writes version 2 (strikes as objects): read too.
   */
  setForeign(account: string, data: unknown): void {
    let strikes: Strike[]
    if (LEDGER_JOURNAL.schema.safeParse(data).success) strikes = allStrikes(data as LedgerData)
    else if (LEDGER_V2_SCHEMA.safeParse(data).success) strikes = (data as LedgerV2).strikes
    else return
    const { fines } = data as LedgerV2
    const tag = <R extends { id: string; auditId?: string }>(r: R, id: string): R => ({
      ...r,
      id,
      auditId: r.auditId && `${account}/${r.auditId}`,
    })
    const byMember = new Map<string, Strike[]>()
    for (const s of strikes.map(s => tag(s, `${account}/${s.id}`)))
      byMember.set(s.memberId, [...(byMember.get(s.memberId) ?? []), s])
    this.foreign.set(account, byMember)
    // A fine as people type it fleet-wide: `F2@sales1` (as a ticket's `T3@sales1`).
    this.foreignFines.set(
      account,
      fines.map(f => tag(f, `${f.id}@${account}`)),
    )
  }

  /**
   * This account's name in a fleet (`sales1`), set by the runtime; undefined for one process. Its fines are then
   * shown as `F2@sales1` ({@link label}), so a fine id posted by one account never names another account's fine.
   */
  account?: string

  /** A fine's id as people see it: `F2@sales1` in a fleet (another account's already is), `F2` alone. */
  label(fine: Fine): string {
    return this.account && !fine.id.includes('@') ? `${fine.id}@${this.account}` : fine.id
  }

  /** The fine with its id as people see it ({@link label}), for texts. */
  shown(fine: Fine): Fine {
    const id = this.label(fine)
    return id === fine.id ? fine : { ...fine, id }
  }

  /**
   * The open fine an admin typed (`F2`, `f2`, `F2@sales1`), fleet-wide: `account` is set when another account
   * recorded it (only that account settles or waives it). A bare number is this account's own fine, else the one
   * open fine of another account with that number; undefined when none, or when several accounts have one.
   */
  findOpen(typed: string): { fine: Fine; account?: string } | undefined {
    const m = /^(F\d+)(?:@(.+))?$/i.exec(typed.trim())
    if (!m) return undefined
    const id = m[1].toUpperCase()
    const at = m[2]
    const open = (f: Fine) => !f.settled && !f.waived
    if (!at || at === this.account) {
      const own = this.data.fines.find(f => f.id === id && open(f))
      if (own || at) return own && { fine: own }
    }
    const theirs = [...this.foreignFines].flatMap(([account, fines]) =>
      (!at || at === account ? fines : [])
        .filter(f => f.id === `${id}@${account}` && open(f))
        .map(fine => ({ fine, account })),
    )
    return theirs.length === 1 ? theirs[0] : undefined
  }

  /** Open fines of a member (or everyone's) fleet-wide: this account's, then the others' (`F2@sales1`). */
  openFinesFleet(memberId?: string): Fine[] {
    return [...this.data.fines, ...[...this.foreignFines.values()].flat()].filter(
      f => !f.settled && !f.waived && (!memberId || f.memberId === memberId),
    )
  }

  /** Chain row `row` after its member's earlier strikes. */
  private index(row: number): void {
    const member = this.data.strikes.member[row]
    this.prevRow[row] = this.lastRow[member] ?? -1
    this.lastRow[member] = row
  }

  /** Chain every row again (the rows and names were renumbered). */
  private reindex(): void {
    const members = this.data.strikes.member
    const last: number[] = []
    const prev: number[] = []
    for (let row = 0; row < members.length; row++) {
      prev.push(last[members[row]] ?? -1)
      last[members[row]] = row
    }
    this.lastRow = last
    this.prevRow = prev
  }

  private prune(now: number): void {
    const expiresAt = this.data.strikes.expiresAt
    if (!expiresAt.length || expiresAt[0] > now - KEEP_EXPIRED_MS) return
    this.journal.append({ op: 'prune', before: now - KEEP_EXPIRED_MS })
    this.reindex()
  }

  /** Record a violation that owes a fine; returns it. */
  addFine(f: Omit<Fine, 'id'>): Fine {
    const fine = { id: `F${this.data.next}`, ...f }
    this.journal.append({ op: 'fine', fine })
    return fine
  }

  /** What a fine owes at `now` (0 when settled or waived). */
  owed(fine: Fine, now: number): number {
    return fine.settled || fine.waived ? 0 : fineOwed(this.policy, fine.at, now)
  }

  /** Open fines of a member (or everyone's), oldest first. */
  openFines(memberId?: string): Fine[] {
    return this.data.fines.filter(f => !f.settled && !f.waived && (!memberId || f.memberId === memberId))
  }

  /** Every fine, oldest first (read-only: the console's fines table). */
  fines(): readonly Fine[] {
    return this.data.fines
  }

  /** All fines of a member, for balances (fleet-wide). */
  finesOf(memberId: string): Fine[] {
    return [...this.data.fines, ...[...this.foreignFines.values()].flat()].filter(f => f.memberId === memberId)
  }

  /**
   * Settle one open fine at `now`, paid what it owed at `owedAt` (a transfer: when it was sent; never later than
   * `now`); undefined when unknown or already closed.
   */
  settle(fineId: string, now: number, messageId?: string, owedAt = now): { fine: Fine; owed: number } | undefined {
    const fine = this.data.fines.find(f => f.id === fineId)
    if (!fine || fine.settled || fine.waived) return undefined
    const owed = this.owed(fine, Math.min(owedAt, now))
    this.journal.append({ op: 'settle', id: fine.id, settled: { at: now, amount: owed, messageId } })
    return { fine, owed }
  }

  /** Waive a fine with a reason; false when unknown or already closed. */
  waive(fineId: string, by: string, reason: string, now: number): boolean {
    const fine = this.data.fines.find(f => f.id === fineId)
    if (!fine || fine.settled || fine.waived) return false
    this.journal.append({ op: 'waive', id: fine.id, waived: { at: now, by, reason } })
    return true
  }

  /** True when an audit entry still has a strike or an open fine that `undoAudit` would remove. */
  hasEffect(entry: AuditRef): boolean {
    return (
      rowsCausedBy(this.data, entry).length > 0 ||
      this.data.fines.some(f => causedBy(f, entry) && !f.waived && !f.settled)
    )
  }

  /**
   * Undo whatever an audit entry caused: revoke its strikes, waive its fines. A record counts only
   * when it carries the entry's id, belongs to the entry's member and is not older than the entry,
   * so an id that (in an older data folder) was used twice never revokes someone else's record.
   */
  undoAudit(entry: AuditRef, by: string, now: number): { strikes: number; fines: number } {
    let fines = 0
    const rows = rowsCausedBy(this.data, entry)
    for (const row of rows) {
      const id = idText('S', this.data.strikes.id[row])
      this.journal.append({ op: 'revoke', id, revoked: { at: now, by, reason: 'undo' } })
    }
    for (const f of this.data.fines)
      if (causedBy(f, entry) && !f.waived && !f.settled) {
        this.journal.append({ op: 'waive', id: f.id, waived: { at: now, by, reason: 'undo' } })
        fines++
      }
    return { strikes: rows.length, fines }
  }
}

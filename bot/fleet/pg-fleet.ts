import { type ExpressionBuilder, type Kysely, sql } from 'kysely'
import type pg from 'pg'
import type { Database } from '../ports/postgres/schema.js'
import type { Logger } from '../process/logger.js'
import { ChangeFeed, type FleetNotice } from './changes.js'
import type { AccountDown, FleetGate, Follower, ForeignRecords } from './gate.js'
import type { FromLeaseThread } from './lease-loop.js'
import { LeaseThread } from './lease-thread.js'
import { type Renewed, renewLeases } from './renew.js'
import { RenewalTimes } from './renewal-times.js'
import { fleetChatLines, fleetSnapshot } from './status.js'

/** How long a lease lasts without renewal, and how often it is renewed (a dead holder is replaced within lease + renew). */
export const LEASE_MS = 20_000
export const RENEW_MS = 5_000
/**
 * The longest a sync trusts the change notifications alone: past it, the next sync reads anyway. Bounds what a
 * notification still on its way (or lost without the connection noticing) can hide; docs/architecture.md, "Fleet".
 */
export const SYNC_STALE_MS = 1_000
/**
 * With a lease thread: how old the main thread's heartbeat may get before the thread stops renewing. A process
 * whose event loop is stuck longer loses its leases `leaseMs` later, as if it were gone (docs/fleet.md).
 */
export const ALIVE_MS = 10_000
/**
 * How long the keys of runs and sends (`fleet_runs`, `fleet_sent`) are kept: a copy of a timer or a queued message
 * that comes back within it (an account down for days, its last seconds not yet flushed) is still refused. Older
 * rows are pruned (`prune`, at start and every `PRUNE_EVERY_MS`).
 */
export const FLEET_KEYS_KEEP_MS = 7 * 24 * 3_600_000
/** How often each process prunes the old keys (every process does: a prune with nothing to delete is one index probe). */
export const PRUNE_EVERY_MS = 3_600_000

/** What the fleet needs to know about this process. */
export interface PgFleetOptions {
  db: Kysely<Database>
  /** The schema the store opened (BOT_DATABASE_SCHEMA; default `public`): the account locks' keys name it. */
  schema?: string
  /** The store namespace (BOT_ACCOUNT). */
  account: string
  /** This account's WeChat contact id (empty until logged in). */
  contactId: () => string
  /** Ids of the managed groups this account is in right now. */
  groups: () => string[]
  /**
   * The topics of those groups (`{ id: topic }`): written to this account's row when they change, so the other
   * accounts name groups they are not in (`#状态`, `fleet status`). None: not written.
   */
  topics?: () => Record<string, string>
  /**
   * This account's WeChat name (empty until logged in): written to its row when it changes, so texts that send an
   * admin to this account name it as the admins know it (`机器人账号「销售小助手」(sales2)`). None: not written.
   */
  name?: () => string
  /** Messages waiting in this account's outbox. */
  queueDepth: () => number
  log: Logger
  /** Move a down account's records here (the store's `adopt`); none: nothing is ever moved. */
  adopt?: FleetGate['adopt']
  leaseMs?: number
  renewMs?: number
  /**
   * Open a dedicated connection to LISTEN for what other accounts change (`PgStore.listenConnection`): a sync
   * then reads only after a change. None: every sync reads.
   */
  listen?: () => Promise<pg.Client>
  /** How old a read may get before a sync reads without being told of a change (default `SYNC_STALE_MS`). */
  staleMs?: number
  /**
   * Renew in a thread of its own on a connection of its own (`PgStore.connectionFor('lease')`), so a renewal waits
   * neither for a free connection behind the store's writes nor for a turn of this thread's busy event loop.
   * It renews only while this thread's heartbeat is at most `aliveMs` old (default `ALIVE_MS`). None: renewals
   * run here, on `db`.
   */
  thread?: { connection: pg.ClientConfig; aliveMs?: number }
}

/**
 * The fleet on PostgreSQL. Every `renewMs` the process records itself in `fleet_accounts` and takes
 * or renews the lease of each group it is in (`fleet_leases`: a lease is taken over only once it
 * expired). It acts in a group only while its own lease, counted from the start of the renewal that
 * took it, has not run out, so a process that can no longer renew (database gone, process frozen)
 * stops acting before anyone else can take over. With a lease thread (option `thread`, what a bot runs) the
 * renewals run there, off this thread's event loop: a renewal the busy event loop has not read yet still counts
 * (shared memory), and the thread renews only while this thread beats its heartbeat, so a frozen or stuck
 * process still stops acting, and is replaced, as if it were gone: within `aliveMs` + lease + renew (35 s by
 * default). A lease taken from another account asks `onTakeover` to
 * move that account's open work in the group here. Runs and sends are claimed by inserting a unique key
 * (`fleet_runs`, `fleet_sent`): the first insert wins.
 */
export class PgFleet implements FleetGate {
  private held = new Map<string, number>()
  private timer?: ReturnType<typeof setInterval>
  private pruneTimer?: ReturnType<typeof setInterval>
  /** Taking part: between `start` and `stop`. */
  private active = false
  /** The lease thread (option `thread`), and the number of the set of held groups its last renewal read here gave. */
  private thread?: LeaseThread
  private heldSeq = 0
  private renewing?: Promise<void>
  private peers = new Set<string>()
  /** Groups taken over from another account whose open work has not been moved here yet: group → that account. */
  private takeovers = new Map<string, string>()
  private moving = new Set<string>()
  private onTaken: (groupId: string, from: string, stopped: boolean) => Promise<boolean> = async () => true
  /** Accounts that gave their leases back at a clean stop, as the last renewal read them. */
  private leftCleanly = new Set<string>()
  /** Accounts whose outage was reported (`onAccountDown`) and that have not been seen alive since. */
  private reported = new Set<string>()
  /** How many other accounts the fleet had at the last renewal. */
  private others = 0
  /** Accounts this process saw online, and those it told the admins nobody can take any group of (until online again). */
  private seenAlive = new Set<string>()
  private toldStranded = new Set<string>()
  /** The topics last written to this account's row (JSON), or being written. */
  private topicsWritten?: string
  /** The WeChat name last written to this account's row, or being written. */
  private nameWritten?: string
  /** The accounts' WeChat names as the last renewal read them (those that wrote one). */
  private names = new Map<string, string>()
  /** The fleet's accounts as the last renewal read them, by name. */
  private roster: string[] = []
  private onDown: (down: AccountDown) => void = () => {}
  private followers: { name: string; fn: Follower; owner: string }[] = []
  private seen = new Map<string, string>()
  private since = new Date(0)
  /** What is known of other accounts' changes (none: every sync reads). */
  readonly feed?: ChangeFeed
  /** The feed's generation the last sync read at (undefined: read at the next sync), and when. */
  private readGeneration?: number
  private readAt = 0
  /** When the last renewal that answered started (what the held leases count from). */
  private renewedAt = 0
  /** Leases ran out before their renewal came back: logged once, until a renewal answers. */
  private lapseLogged = false
  /** How long each renewal took, logged when the process leaves the fleet. */
  readonly renewalTimes = new RenewalTimes()
  readonly leaseMs: number
  readonly renewMs: number
  readonly staleMs: number
  /**
   * The lease gap a takeover looks back over: the old holder may have died up to a lease and a renewal before the
   * group is taken (more when it froze first: its heartbeat's allowance), and twice that as margin.
   */
  readonly gapMs: number

  constructor(private o: PgFleetOptions) {
    this.leaseMs = o.leaseMs ?? LEASE_MS
    this.renewMs = o.renewMs ?? RENEW_MS
    this.staleMs = o.staleMs ?? SYNC_STALE_MS
    this.gapMs = 2 * (this.leaseMs + this.renewMs)
    if (o.listen)
      this.feed = new ChangeFeed({ connect: o.listen, heard: n => this.heard(n), log: o.log, retryMs: this.renewMs })
  }

  get account(): string {
    return this.o.account
  }

  /** Take the leases now, then keep renewing them. */
  async start(): Promise<void> {
    await this.feed?.start()
    this.active = true
    void this.prune()
    this.pruneTimer = setInterval(() => void this.prune(), PRUNE_EVERY_MS)
    this.pruneTimer.unref()
    const { thread } = this.o
    if (thread) {
      this.thread = new LeaseThread({
        connection: thread.connection,
        account: this.o.account,
        leaseMs: this.leaseMs,
        renewMs: this.renewMs,
        aliveMs: thread.aliveMs ?? ALIVE_MS,
        inputs: () => ({ contactId: this.o.contactId(), queueDepth: this.o.queueDepth(), groups: this.o.groups() }),
        onMessage: m => this.fromThread(m),
        log: this.o.log,
      })
      return this.thread.start()
    }
    await this.renew()
    this.timer = setInterval(() => void this.renew(), this.renewMs)
    this.timer.unref()
  }

  /**
   * Stop renewing and give the leases back: they expire now, so the groups are handed over at once (the lease
   * rows stay, naming this account, so the next holder takes its open work there over).
   */
  async stop(): Promise<void> {
    this.active = false
    clearInterval(this.timer)
    clearInterval(this.pruneTimer)
    this.timer = this.pruneTimer = undefined
    await this.thread?.stop()
    await this.renewing?.catch(() => {})
    const times = this.renewalTimes.summary()
    if (times) this.o.log.info(times)
    if (this.held.size) this.o.log.info(`fleet: leaving: ${this.held.size} group lease(s) given back`)
    this.held.clear()
    const { db } = this.o
    try {
      await db
        .updateTable('fleet_leases')
        .set({ expires_at: new Date(0) })
        .where('account', '=', this.o.account)
        .execute()
      await db
        .updateTable('fleet_accounts')
        .set({ seen_at: new Date(0) })
        .where('account', '=', this.o.account)
        .execute()
      // The others take the groups at once instead of at their next renewal.
      await sql`select pg_notify('bot_fleet_' || md5(current_schema()), ${JSON.stringify(['lease', this.o.account])})`.execute(
        db,
      )
    } finally {
      await this.feed?.stop()
    }
  }

  /**
   * A notice from another account: a followed document it wrote counts (the next sync reads); leases it gave
   * back are taken at once (a renewal now, once this process takes part).
   */
  private heard(n: FleetNotice): boolean {
    if (n.account === this.o.account) return false
    if (n.kind === 'lease') {
      if (this.active) void this.renew()
      return false
    }
    return this.followers.some(f => matches(f.name, n.name))
  }

  /** Whether this process acts in the group now (a renewal the lease thread made and this thread has not read yet counts). */
  holds(groupId: string): boolean {
    const until = this.held.get(groupId)
    if (until === undefined) return false
    const now = Date.now()
    return until > now || (!!this.thread && this.thread.renewedAt(this.heldSeq) + this.leaseMs > now)
  }

  lapsed(groupId: string): Promise<void> | undefined {
    if (!this.held.has(groupId) || this.holds(groupId) || !this.active) return undefined
    if (!this.lapseLogged) {
      this.lapseLogged = true
      this.o.log.warn(
        `fleet: leases ran out before their renewal came back (the last one answered started ${ago(this.renewedAt)} ago): ` +
          'events in those groups wait for it',
      )
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    const waited = new Promise<void>(r => {
      timer = setTimeout(r, this.leaseMs)
    })
    return Promise.race([this.renew(), waited]).finally(() => clearTimeout(timer))
  }

  /** Write this account's group topics to its row when they changed since the last write (after a renewal made the row). */
  private writeTopics(): void {
    const topics = this.o.topics?.()
    const json = topics && JSON.stringify(topics)
    if (!json || json === this.topicsWritten) return
    this.topicsWritten = json
    this.o.db
      .updateTable('fleet_accounts')
      .set({ topics: json })
      .where('account', '=', this.o.account)
      .execute()
      .catch(e => {
        this.topicsWritten = undefined // written again after the next renewal
        this.o.log.warn('fleet: writing the group topics failed', e)
      })
  }

  /** Write this account's WeChat name to its row when it changed since the last write (after a renewal made the row). */
  private writeName(): void {
    const name = this.o.name?.()
    if (!name || name === this.nameWritten) return
    this.nameWritten = name
    this.o.db
      .updateTable('fleet_accounts')
      .set({ name })
      .where('account', '=', this.o.account)
      .execute()
      .catch(e => {
        this.nameWritten = undefined // written again after the next renewal
        this.o.log.warn('fleet: writing the account name failed', e)
      })
  }

  /** An account's WeChat name as it wrote it, as of the last renewal (undefined: none written yet). */
  accountName(account: string): string | undefined {
    return this.names.get(account)
  }

  /** The fleet's accounts as the last renewal read them (the rows of `fleet_accounts` but retired ones), by name. */
  accounts(): string[] {
    return this.roster
  }

  /** The accounts' WeChat names as the last renewal read them, `{ account: name }`. */
  private nameRecord(): Record<string, string> {
    return Object.fromEntries(this.names)
  }

  /** Groups this process acts in now. */
  heldGroups(): string[] {
    return [...this.held.keys()].filter(g => this.holds(g)).sort()
  }

  /** Renew this account's row and its leases (one renewal at a time). */
  renew(): Promise<void> {
    if (this.thread) return this.thread.renew()
    this.renewing ??= this.renewNow().finally(() => {
      this.renewing = undefined
    })
    return this.renewing
  }

  private async renewNow(): Promise<void> {
    const started = Date.now()
    const inputs = { contactId: this.o.contactId(), queueDepth: this.o.queueDepth(), groups: this.o.groups() }
    try {
      const renewed = await renewLeases(this.o.db, { ...inputs, account: this.o.account, leaseMs: this.leaseMs })
      this.applied(renewed, started, Date.now() - started)
    } catch (e) {
      // Leases run out on their own (holds() compares with the local expiry): nothing acts on a stale lease.
      this.o.log.error('fleet: lease renewal failed', e)
    }
  }

  /** What the lease thread says: a renewal answered or failed, or it stopped renewing for want of a heartbeat. */
  private fromThread(m: FromLeaseThread): void {
    if ('renewed' in m) {
      this.heldSeq = m.seq
      this.applied(m.renewed, m.started, m.ms)
    } else if ('failed' in m) this.o.log.error(`fleet: lease renewal failed: ${m.failed}`)
    else if ('stale' in m)
      this.o.log.warn(
        `fleet: this process's event loop had no turn for ${(m.stale / 1000).toFixed(1)} s: leases not renewed until it has ` +
          `(they run out ${this.leaseMs / 1000} s after the last renewal)`,
      )
  }

  /** A renewal that started at `started` answered after `ms`: the leases it holds count from its start. */
  private applied(renewed: Renewed, started: number, ms: number): void {
    const { account } = this.o
    const held = renewed.held
    const until = started + this.leaseMs
    this.renewalTimes.add(ms)
    if (ms > this.renewMs)
      this.o.log.warn(`fleet: a lease renewal took ${(ms / 1000).toFixed(1)} s (leases last ${this.leaseMs / 1000} s)`)
    if (this.lapseLogged) {
      this.lapseLogged = false
      this.o.log.warn(`fleet: leases renewed again after ${ago(this.renewedAt)}: acting in ${held.length} group(s)`)
    }
    this.renewedAt = started
    const accounts = renewed.accounts
    const me = this.o.contactId()
    this.peers = new Set(accounts.map(a => a.contact_id).filter(id => id && id !== me))
    this.others = accounts.filter(a => a.account !== account).length
    this.names = new Map(accounts.filter(a => a.name).map(a => [a.account, a.name]))
    this.roster = accounts
      .filter(a => !a.retired)
      .map(a => a.account)
      .sort()
    // A lease that ran out before this renewal came back (a late renewal) is neither taken nor lost when renewed.
    const taken = held.filter(g => !this.held.has(g))
    const lost = [...this.held.keys()].filter(g => !held.includes(g)).sort()
    this.held = new Map(held.map(g => [g, until]))
    for (const t of renewed.from) this.takeovers.set(t.group_id, t.account)
    this.leftCleanly = new Set(accounts.filter(a => !a.alive && a.stopped).map(a => a.account))
    this.reportDown(renewed)
    this.writeTopics()
    this.writeName()
    this.takeOver(held, new Set(accounts.filter(a => a.alive && a.account !== account).map(a => a.account)))
    if (taken.length) this.o.log.info(`fleet: acting in ${taken.length} group(s) now: ${taken.join(', ')}`)
    if (lost.length) this.o.log.warn(`fleet: lease lost for ${lost.join(', ')}: not acting there any more`)
  }

  onTakeover(fn: (groupId: string, from: string, stopped: boolean) => Promise<boolean>): void {
    this.onTaken = fn
  }

  onAccountDown(fn: (down: AccountDown) => void): void {
    this.onDown = fn
  }

  /**
   * Report each account that is down and whose groups this renewal took, once per outage: an account seen alive
   * again may be reported again. A lease taken from an account still alive (its renewals late) is no outage.
   */
  private reportDown(renewed: Renewed): void {
    for (const a of renewed.accounts.filter(a => a.alive)) {
      this.reported.delete(a.account)
      this.toldStranded.delete(a.account)
      this.seenAlive.add(a.account)
    }
    const byAccount = new Map<string, string[]>()
    for (const t of renewed.from) byAccount.set(t.account, [...(byAccount.get(t.account) ?? []), t.group_id])
    for (const [account, groups] of byAccount) {
      const row = renewed.accounts.find(a => a.account === account)
      if (!row || row.alive || this.reported.has(account)) continue
      this.reported.add(account)
      this.o.log.warn(
        `fleet: ${account} ${row.stopped ? 'stopped' : 'is down (its leases ran out)'}: took over ${groups.length} group(s) of it`,
      )
      void this.strandedOf(account).then(({ stranded, topics }) => {
        this.logStranded(account, stranded)
        try {
          this.onDown({
            account,
            groups: groups.sort(),
            stopped: row.stopped,
            stranded,
            topics,
            names: this.nameRecord(),
          })
        } catch (e) {
          this.o.log.error(`fleet: reporting ${account} down failed`, e)
        }
      })
    }
    this.reportStranded(renewed, byAccount)
  }

  /**
   * An account that went down (seen online by this process before) whose groups no online account is in: nobody
   * takes any of them, so no taker tells the admins. The first online account by name does, once per outage.
   */
  private reportStranded(renewed: Renewed, taken: Map<string, string[]>): void {
    const online = [this.o.account, ...renewed.accounts.filter(a => a.alive).map(a => a.account)].sort()
    if (online[0] !== this.o.account) return
    for (const a of renewed.accounts) {
      const { account } = a
      if (a.alive || a.stopped || taken.has(account) || !this.seenAlive.has(account) || this.toldStranded.has(account))
        continue
      this.toldStranded.add(account)
      void this.strandedOf(account).then(({ stranded, topics, every }) => {
        if (!every) return // some of its groups have an account online in them: their taker tells
        this.logStranded(account, stranded)
        try {
          this.onDown({ account, groups: [], stopped: false, stranded, topics, names: this.nameRecord() })
        } catch (e) {
          this.o.log.error(`fleet: reporting ${account} down failed`, e)
        }
      })
    }
  }

  private logStranded(account: string, stranded: AccountDown['stranded']): void {
    if (stranded.length)
      this.o.log.warn(
        `fleet: ${stranded.length} group(s) of ${account} have no account online in them: ${stranded.map(x => x.groupId).join(', ')}`,
      )
  }

  /** The groups of a down account no online account is in, and the fleet's topics (none when they cannot be read). */
  private async strandedOf(account: string): Promise<Pick<AccountDown, 'stranded' | 'topics'> & { every: boolean }> {
    try {
      const s = await fleetSnapshot(this.o.db, this.leaseMs, this.o.schema)
      const stranded = s.stranded.filter(x => x.accounts.includes(account))
      const groups = s.accounts.find(a => a.account === account)?.groups ?? []
      return { stranded, topics: s.topics, every: stranded.length > 0 && stranded.length === groups.length }
    } catch (e) {
      this.o.log.warn(`fleet: reading which groups of ${account} nobody can take failed`, e)
      return { stranded: [], topics: {}, every: false }
    }
  }

  adopt(from: string, names: string[], move: (theirs: ForeignRecords) => void | Promise<void>): Promise<boolean> {
    return this.o.adopt ? this.o.adopt(from, names, move) : Promise.resolve(false)
  }

  /**
   * Ask for the open work of each group taken over to be moved here (one request per group at a time, not
   * awaited: it waits for the serial queue, a renewal must not). Given up when this process no longer holds the
   * group, or when the other account came back first (its process holds its records again).
   */
  private takeOver(held: string[], alive: Set<string>): void {
    for (const [group, from] of this.takeovers) {
      if (this.moving.has(group)) continue
      if (!held.includes(group) || alive.has(from)) {
        this.takeovers.delete(group)
        if (alive.has(from))
          this.o.log.warn(`fleet: ${from} is back: its open work in ${group} stays with it (not acting there)`)
        continue
      }
      this.moving.add(group)
      this.onTaken(group, from, this.leftCleanly.has(from))
        .then(
          done => {
            if (done && this.takeovers.get(group) === from) this.takeovers.delete(group)
          },
          e => this.o.log.error(`fleet: taking over the open work of ${from} in ${group} failed`, e),
        )
        .finally(() => this.moving.delete(group))
    }
  }

  isPeer(contactId: string): boolean {
    return this.peers.has(contactId)
  }

  several(): boolean {
    return this.others > 0
  }

  async status(topicOf: (groupId: string) => string): Promise<string[]> {
    return fleetChatLines(await fleetSnapshot(this.o.db, this.leaseMs, this.o.schema), this.o.account, topicOf)
  }

  async claimRun(key: string): Promise<boolean> {
    const rows = await this.o.db
      .insertInto('fleet_runs')
      .values({ key, account: this.o.account })
      .onConflict(oc => oc.column('key').doNothing())
      .returning('key')
      .execute()
    return rows.length > 0
  }

  /**
   * Which causes some account sent for within the last `gapMs` and a minute (one scan of the recent rows of
   * `fleet_sent`, at a takeover only).
   */
  async sentCauses(causes: string[]): Promise<Set<string>> {
    if (!causes.length) return new Set()
    const rows = await this.o.db
      .selectFrom('fleet_sent')
      .select(sql<string>`split_part(key, '|', 1)`.as('cause'))
      .where('at', '>', sql<Date>`now() - ${`${this.gapMs + 60_000} milliseconds`}::interval`)
      .where(sql<boolean>`split_part(key, '|', 1) = any(${causes}::text[])`)
      .execute()
    return new Set(rows.map(r => r.cause))
  }

  /**
   * Delete the keys of runs and sends older than `FLEET_KEYS_KEEP_MS` (by the time of their claim, indexed): no
   * reader looks that far back (a takeover reads the last `gapMs` and a minute). Failures are logged, not thrown.
   */
  async prune(): Promise<void> {
    const before = sql<Date>`now() - ${`${FLEET_KEYS_KEEP_MS} milliseconds`}::interval`
    try {
      const sent = await this.o.db.deleteFrom('fleet_sent').where('at', '<', before).executeTakeFirst()
      const runs = await this.o.db.deleteFrom('fleet_runs').where('at', '<', before).executeTakeFirst()
      const n = Number(sent.numDeletedRows) + Number(runs.numDeletedRows)
      if (n)
        this.o.log.info(`fleet: pruned ${n} run and send key(s) older than ${FLEET_KEYS_KEEP_MS / 86_400_000} days`)
    } catch (e) {
      this.o.log.error('fleet: pruning old run and send keys failed', e)
    }
  }

  async claimSends(keys: string[]): Promise<string[]> {
    if (!keys.length) return []
    // Each key once: an upsert may not touch one row twice (two identical items merged into one message).
    const rows = await this.o.db
      .insertInto('fleet_sent')
      .values([...new Set(keys)].map(key => ({ key, account: this.o.account })))
      // A key of this account's own comes back (a retry after a failed send); another account's does not.
      .onConflict(oc =>
        oc
          .column('key')
          .doUpdateSet({ account: eb => eb.ref('excluded.account') })
          .where('fleet_sent.account', '=', this.o.account),
      )
      .returning('key')
      .execute()
    return rows.map(r => r.key)
  }

  follow(name: string, fn: Follower, owner = name): void {
    this.followers = [...this.followers.filter(f => f.owner !== owner), { name, fn, owner }]
    this.seen.clear()
    this.since = new Date(0)
    this.readGeneration = undefined
  }

  /**
   * Whether the next sync reads the database: another account changed a followed document since the last read
   * (or the change feed is down, or absent), or the last read is `staleMs` old.
   */
  behind(): boolean {
    const f = this.feed
    return !f?.listening || f.generation !== this.readGeneration || Date.now() - this.readAt >= this.staleMs
  }

  /**
   * Hand each followed document other accounts changed since the last read to its follower: read when `behind()`,
   * else at once (nothing changed that this process was told of).
   */
  async sync(): Promise<void> {
    if (!this.followers.length || !this.behind()) return
    // Counted before the read: a notice arriving during it makes the next sync read again.
    const generation = this.feed?.generation
    const at = Date.now()
    this.readGeneration = undefined
    await this.read()
    this.readGeneration = generation
    this.readAt = at
  }

  /** Read the followed documents other accounts wrote since the last read and hand each changed copy to its follower. */
  private async read(): Promise<void> {
    const { db, account } = this.o
    // A transaction stamps its rows when it starts but they show when it commits: look a little back.
    const from = new Date(this.since.getTime() - SYNC_LOOKBACK_MS)
    const stamps = await db
      .selectFrom('bot_documents')
      .select(['account', 'name', 'updated_at'])
      .where('account', '<>', account)
      .where('updated_at', '>=', from)
      .where(eb => eb.or(this.followers.map(f => nameMatches(eb, f.name))))
      .execute()
    const changed = stamps.filter(r => this.seen.get(`${r.account}/${r.name}`) !== r.updated_at.toISOString())
    if (!changed.length) return
    const rows = await db
      .selectFrom('bot_documents')
      .select(['account', 'name', 'data', 'updated_at'])
      .where(eb => eb.or(changed.map(c => eb.and([eb('account', '=', c.account), eb('name', '=', c.name)]))))
      .execute()
    for (const r of rows) {
      this.seen.set(`${r.account}/${r.name}`, r.updated_at.toISOString())
      if (r.updated_at > this.since) this.since = r.updated_at
      for (const f of this.followers) if (matches(f.name, r.name)) f.fn(r.account, r.data, r.name)
    }
  }
}

/** Seconds since `at`, for the log. */
function ago(at: number): string {
  return `${((Date.now() - at) / 1000).toFixed(1)} s`
}

/** How far back each sync looks for rows committed late by a transaction that started earlier. */
const SYNC_LOOKBACK_MS = 10_000

/** Whether a document name matches a followed name (`cases-*`: a prefix). */
export function matches(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern
}

/** The SQL condition of `matches` on `bot_documents.name`. */
export function nameMatches(eb: ExpressionBuilder<Database, 'bot_documents'>, pattern: string) {
  return pattern.endsWith('*') ? eb('name', 'like', `${pattern.slice(0, -1)}%`) : eb('name', '=', pattern)
}

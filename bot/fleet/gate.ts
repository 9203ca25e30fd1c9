import type { DocSpec, JournalSpec } from '../ports/store/store.js'

/**
 * What the runtime asks before it acts, so several bot processes (one per WeChat account) on one
 * database behave as one fleet. A single process (the embedded default) has the `SOLO` twin, which
 * always says yes.
 */
export interface FleetGate {
  /** This process's account (its namespace in the database). */
  readonly account: string
  /** May this process act in the group now: it holds the group's lease (never stale: a lost lease says no at once). */
  holds(groupId: string): boolean
  /**
   * When this process's lease of the group ran out before its renewal came back (a renewal late under load, not
   * a lease another account took): a promise that settles once a renewal (started now when none is running) has
   * answered, or after one lease at the latest; then `holds` says whether the group is still this process's.
   * Undefined when there is nothing to wait for (held, never held, or given up).
   */
  lapsed(groupId: string): Promise<void> | undefined
  /**
   * Claim a run that must happen once fleet-wide (`job:<id>@<slot>`, `timer:<plugin>:<key>@<at>`): true
   * for the first claimant only, so two bots racing for the same cron slot or timer run it once.
   */
  claimRun(key: string): Promise<boolean>
  /**
   * How far back a takeover looks for messages nobody acted on (the lease gap, with a margin): the runtime keeps
   * that long the messages of groups this process does not act in. 0: none kept (one process).
   */
  readonly gapMs: number
  /** Which of these causes (a send key's part before the first `|`) some account sent a message for lately. */
  sentCauses(causes: string[]): Promise<Set<string>>
  /**
   * Claim the keys of messages about to be sent: returns the keys no other account sent before (a sent-log,
   * checked before each send). A key this account claimed before is returned again: its retry after a failed
   * send goes out.
   */
  claimSends(keys: string[]): Promise<string[]>
  /** Take this process's place in the fleet (its groups' leases) before anything is sent. */
  start(): Promise<void>
  /** Leave the fleet (give the leases back) at a clean stop. */
  stop(): Promise<void>
  /**
   * Receive the other accounts' copies of a document (`doc`, or every document starting with it when it ends
   * with `*`) whenever one changes, read at `sync`: how fleet-wide records are shared (each account writes only
   * its own rows). `owner` replaces what the same owner followed before (a plugin re-created by a reload).
   */
  follow(doc: string, fn: Follower, owner?: string): void
  /** Whether a contact id is another account of the fleet (never warned, counted or waited on, like `fleet.peers`). */
  isPeer(contactId: string): boolean
  /** Whether the fleet has accounts besides this one (as of the last renewal): texts then say which account to message. */
  several(): boolean
  /**
   * An account's WeChat name as it wrote it, as of the last renewal (absent for one process; undefined when it wrote
   * none): texts name the accounts so (`机器人账号「销售小助手」(sales2)`).
   */
  accountName?(account: string): string | undefined
  /**
   * The fleet's accounts as of the last renewal, by name: every account that renewed within `RETIRED_MS` (7 days;
   * online or not, this one too), as each account reads the same table; absent for one process.
   */
  accounts?(): string[]
  /** `#状态` lines about the fleet (accounts, their groups, leases, queue depths); none for one process. */
  status(topicOf: (groupId: string) => string): Promise<string[]>
  /** Read what other accounts changed in fleet-wide records (strikes, fines, cases) before a task runs. */
  sync(): Promise<void>
  /**
   * Call `fn` (outside any renewal) for each group this process took over from an account that is down,
   * until `fn` says it moved that account's open work there (asked again at each renewal while it says no).
   */
  onTakeover(fn: (groupId: string, from: string, stopped: boolean) => Promise<boolean>): void
  /**
   * Call `fn` once per outage of another account, when this process takes groups from it: its leases ran out
   * unrenewed (killed, frozen, cut off) or it gave them back at a clean stop (`stopped`). Called again for that
   * account only after it was seen alive in between.
   * Also, by the first online account by name, for an account seen online before whose groups no online account
   * is in (nobody takes any: `groups` empty).
   */
  onAccountDown(fn: (down: AccountDown) => void): void
  /**
   * Move records of the account `from`, which is down: in one transaction that holds `from`'s account lock (so
   * no process of it runs, or starts meanwhile), hand its documents `names` (a trailing `*`: a prefix) to `move`,
   * which changes them and this process's own documents; both are committed together. False (nothing read or
   * moved) when a process of `from` holds its lock.
   */
  adopt(from: string, names: string[], move: (theirs: ForeignRecords) => void | Promise<void>): Promise<boolean>
}

/**
 * Another account that is down, and the groups this process took from it at one renewal (none: no online account
 * is in any of its groups, and this process is the one that tells).
 */
export interface AccountDown {
  account: string
  groups: string[]
  /** It left at a clean stop (gave its leases back), rather than its leases running out. */
  stopped: boolean
  /**
   * Its groups no online account is in (nobody took them, nobody can), with the accounts in each; and their
   * topics as the fleet knows them. Empty when none, or when they could not be read.
   */
  stranded: { groupId: string; accounts: string[] }[]
  topics: Record<string, string>
  /** The accounts' WeChat names (`{ account: name }`, those that wrote one): the message names them so. */
  names: Record<string, string>
}

/** Another account's documents inside a takeover (`FleetGate.adopt`): change `data`, call `changed()`, and it is written back. */
export interface ForeignRecords {
  readonly account: string
  /** Its copy of the document `name` (the spec's defaults when it has none). */
  doc<T extends object>(name: string, spec: DocSpec<T>): { data: T; changed(): void }
  /**
   * Its copy of the journal `name` (one of the names given to `adopt`): the snapshot with every record after it
   * folded in. After `changed()` the state is written back as the journal's new snapshot, its records deleted.
   */
  journal<S extends object, R>(name: string, spec: JournalSpec<S, R>): { state: S; changed(): void }
  /** Which of these send keys some account claimed in `fleet_sent` (sent, or being sent), read in the transaction. */
  claimed(keys: string[]): Promise<Set<string>>
}

/**
 * What a plugin's `adopt.take` reads a down account's open work in a group from: its documents, and its
 * timers of this plugin (`timer(key, as)` moves one here, renamed `as.key` with `as.payload` when given; with
 * `as.copy` it stays there too, for work that goes on in that account's other groups).
 */
export interface AdoptSource extends Pick<ForeignRecords, 'account' | 'doc'> {
  timer(key: string, as?: { key: string; payload?: unknown; copy?: boolean }): boolean
}

/** Called with another account's copy of a followed document: its account, data and document name. */
export type Follower = (account: string, data: unknown, doc: string) => void

/** What a plugin sees of the fleet: the other accounts' copies of its documents (none for one process). */
export interface FleetRecords {
  follow(doc: string, fn: Follower): void
  /** The other accounts' records of a store log for days in [from, to] (absent for one process). */
  readLog?<R>(log: string, from: string, to: string): Promise<{ account: string; record: R }[]>
  /**
   * The other accounts' copies of the document `doc` as last written, read now (absent for one process): for
   * what is needed only when asked (a report), where `follow` would read every copy at each of their flushes.
   */
  readDocs?(doc: string): Promise<{ account: string; data: unknown }[]>
  /** Whether this account acts in the group now (absent for one process, which acts in every group). */
  holds?(groupId: string): boolean
  /**
   * This account's name while the fleet has other accounts (absent, or undefined, otherwise): a text that sends an
   * admin to the bot that holds a record names it (`私聊机器人账号 sales2`).
   */
  account?(): string | undefined
  /**
   * An account's WeChat name, as that account wrote it (absent for one process; undefined when it wrote none):
   * `机器人账号「销售小助手」(sales2)` rather than the technical name alone.
   */
  accountName?(account: string): string | undefined
  /**
   * The fleet's accounts, this one's too, online or not, as of the last renewal (absent for one process): what every
   * account reads alike, where the accounts whose documents it follows are only those that wrote one.
   */
  accounts?(): string[]
}

/** One process, no fleet: it holds every group, every run and send is its own. */
export const SOLO: FleetGate = {
  account: 'solo',
  holds: () => true,
  lapsed: () => undefined,
  claimRun: async () => true,
  claimSends: async keys => keys,
  gapMs: 0,
  sentCauses: async () => new Set(),
  sync: async () => {},
  follow: () => {},
  isPeer: () => false,
  several: () => false,
  status: async () => [],
  start: async () => {},
  stop: async () => {},
  onTakeover: () => {},
  onAccountDown: () => {},
  adopt: async () => false,
}

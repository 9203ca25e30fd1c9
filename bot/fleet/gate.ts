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
   * Claim a run that must happen once fleet-wide (`job:<id>@<slot>`, `timer:<plugin>:<key>@<at>`): true
   * for the first claimant only, so two bots racing for the same cron slot or timer run it once.
   */
  claimRun(key: string): Promise<boolean>
  /** Claim the keys of messages about to be sent: returns the keys nobody sent before (a sent-log, checked before each send). */
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
  /** `#状态` lines about the fleet (accounts, their groups, leases, queue depths); none for one process. */
  status(topicOf: (groupId: string) => string): Promise<string[]>
  /** Read what other accounts changed in fleet-wide records (strikes, fines, cases) before a task runs. */
  sync(): Promise<void>
}

/** Called with another account's copy of a followed document: its account, data and document name. */
export type Follower = (account: string, data: unknown, doc: string) => void

/** What a plugin sees of the fleet: the other accounts' copies of its documents (none for one process). */
export interface FleetRecords {
  follow(doc: string, fn: Follower): void
  /** The other accounts' records of a store log for days in [from, to] (absent for one process). */
  readLog?<R>(log: string, from: string, to: string): Promise<{ account: string; record: R }[]>
}

/** One process, no fleet: it holds every group, every run and send is its own. */
export const SOLO: FleetGate = {
  account: 'solo',
  holds: () => true,
  claimRun: async () => true,
  claimSends: async keys => keys,
  sync: async () => {},
  follow: () => {},
  isPeer: () => false,
  status: async () => [],
  start: async () => {},
  stop: async () => {},
}

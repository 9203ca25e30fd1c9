import type { HostedPlugin } from '../runtime/host/plugin-host.js'
import type { Logger } from '../process/logger.js'
import { TIMERS_DOC, timerId, type TimerRecord, type Timers, VOLATILE_TIMERS_DOC } from '../runtime/schedule/timers.js'
import { DECIDED_DOC, DECIDED_NAME, type DecidedMark } from './decided.js'
import type { AdoptSource, FleetGate } from './gate.js'
import {
  type OutboxMove,
  type OutboxMoveDeps,
  type OutboxMoves,
  moveOutbox,
  movedCauses,
  OUTBOX_NAME,
} from './outbox-move.js'
import type { Outbox } from '../runtime/delivery/outbox.js'

/** What a takeover reads and changes in this process. */
export interface TakeoverDeps {
  fleet: FleetGate
  timers: Timers
  plugins: () => HostedPlugin[]
  log: Logger
  onError: (message: string, e: unknown) => void
  /** This account's outbox: the down account's unsent messages of the group are queued in it. */
  outbox: Outbox
  /** The admin group, and whether this account can send to a chat (bot/fleet/outbox-move.ts). */
  sending: () => OutboxMoveDeps
}

/** What a takeover moved here for one group, for deciding on its lease gap afterwards. */
export interface Taken {
  /** How far the down account had decided on the group's messages as of its last flush (`fleet-decided`). */
  decided?: DecidedMark
  /** The causes of the group's moved queued messages: the lease gap's messages the down account had acted on. */
  queued: Set<string>
}

/**
 * Move the open work of the account `from` (down) in `groups` here, in one transaction (`FleetGate.adopt`), so
 * its documents and outbox are read and written once however many groups it had: for each group, each plugin
 * with `adopt` takes its records for the group from `from`'s documents and names the timers that go with them;
 * those timers leave `from`'s `timers` or `timers-volatile` document and are armed here, in the same one, under the
 * run key they were first set with (so they are still claimed once fleet-wide), those already due firing now. Runs
 * inside the serial queue: no plugin decides meanwhile. Returns, by group, how far `from` had decided on the group's
 * messages as of its last flush (`fleet-decided`: the lease gap's messages up to it are not decided again), or
 * undefined when a process of `from` holds its account (it is not down: nothing moved).
 *
 * `from`'s queued and unsent messages of the groups move too (`moveOutbox`): they are queued here with their send
 * keys, written in the same commit that takes them out of `from`'s outbox. Also returned: their causes (`queued`),
 * the lease gap's messages `from` had acted on though its answer was still queued.
 */
export async function takeOverGroups(
  d: TakeoverDeps,
  groups: readonly string[],
  from: string,
): Promise<Map<string, Taken> | undefined> {
  const adopters = d.plugins().filter(p => p.instance.adopt)
  const names = [
    'timers',
    'timers-volatile',
    DECIDED_NAME,
    OUTBOX_NAME,
    ...adopters.flatMap(p => p.instance.adopt?.docs ?? []),
  ]
  const armed: { t: TimerRecord; volatile: boolean; group: string }[] = []
  const moved = new Map<string, string[]>()
  const decided = new Map<string, DecidedMark | undefined>()
  let outbox: OutboxMoves | undefined
  const done = await d.fleet.adopt(from, names, async theirs => {
    armed.length = 0 // a retried transaction starts over
    moved.clear()
    outbox = undefined
    const marks = theirs.doc(DECIDED_NAME, DECIDED_DOC).data.groups
    const durable = theirs.doc('timers', TIMERS_DOC)
    const volatile = theirs.doc('timers-volatile', VOLATILE_TIMERS_DOC)
    for (const groupId of groups) {
      decided.set(groupId, marks[groupId])
      moved.set(groupId, [])
      for (const p of adopters) {
        const timer: AdoptSource['timer'] = (key, as) => {
          const id = timerId(p.name, key)
          const timers = durable.data.timers[id] ? durable : volatile
          const t = timers.data.timers[id]
          if (!t) return false
          if (!as?.copy) {
            delete timers.data.timers[id]
            timers.changed()
          }
          // A copy runs beside the original, in other groups: it is claimed under a run key of its own.
          const run = t.run ?? `timer:${from}:${p.name}:${key}@${t.at}`
          armed.push({
            t: {
              ...t,
              key: as?.key ?? key,
              payload: as && 'payload' in as ? as.payload : t.payload,
              run: as?.copy ? `${run}|${groupId}` : run,
            },
            volatile: timers === volatile,
            group: groupId,
          })
          return true
        }
        try {
          const n = p.instance.adopt?.take(groupId, { ...theirs, timer }) ?? 0
          if (n) moved.get(groupId)?.push(`${p.name} ${n}`)
        } catch (e) {
          d.onError(`${p.name}.adopt(${groupId}, ${from}): ${(e as Error).message}`, e)
        }
      }
    }
    outbox = await moveOutbox(theirs, groups, d.sending())
    // Queued here now, in their queue order: this account's outbox records are written in the same commit as their
    // removal there.
    d.outbox.adopt(outbox.moved, from)
  })
  if (!done) return undefined
  for (const a of armed) d.timers.put(a.t, a.volatile)
  const taken = new Map<string, Taken>()
  for (const groupId of groups) {
    const o = outbox?.groups.get(groupId)
    const queued = o?.moved ?? []
    const timers = armed.filter(a => a.group === groupId).length
    const records = moved.get(groupId) ?? []
    const parts = [...records, `${timers} timer(s)`, ...(queued.length ? [`${queued.length} queued message(s)`] : [])]
    if (records.length || timers || queued.length)
      d.log.info(`fleet: took over the open work of ${from} in ${groupId}: ${parts.join(', ')}`)
    if (o) leftBehind(d.log, o, from, groupId)
    taken.set(groupId, { decided: decided.get(groupId), queued: movedCauses(queued) })
  }
  return taken
}

/** Log the queued messages of the group that stayed with the down account, and why. */
function leftBehind(log: Logger, o: OutboxMove, from: string, groupId: string): void {
  const where = `${from}'s queued message(s) of ${groupId}`
  if (o.secret)
    log.warn(
      `fleet: ${o.secret} of ${where} not moved: one-time content (a sign-in link) whose text only its process had; ` +
        'the person is told to ask again when it is back',
    )
  if (o.unreachable.length)
    log.warn(
      `fleet: ${o.unreachable.length} of ${where} not moved: this account cannot send to ${[...new Set(o.unreachable)].join(', ')} ` +
        `(not its friend, or not in that group); sent when ${from} is back`,
    )
  if (o.claimed)
    log.info(`fleet: ${o.claimed} of ${where} not moved: ${from} had claimed their send before it went down`)
  if (o.elsewhere.length)
    log.info(
      `fleet: ${o.elsewhere.length} of ${where} not moved: into ${[...new Set(o.elsewhere)].join(', ')}, a group this ` +
        `account is not in; they move with that group when an account in it takes it over, else are sent when ${from} is back`,
    )
}

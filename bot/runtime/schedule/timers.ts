import type { Clock } from '../../ports/clock.js'
import { z } from 'zod'
import { docSpec, type Store } from '../../ports/store/store.js'

/** A stored timer; `payload` is checked against the plugin's schema for the timer's kind when it fires. */
export interface TimerRecord {
  plugin: string
  key: string
  at: number
  payload?: unknown
  /** The group it belongs to (the `schedule` action's group): in a fleet only that group's holder fires it. */
  group?: string
  /**
   * The fleet run key it was first set under (`timer:<account>:<plugin>:<key>@<at>`), kept when another
   * account takes the timer over, so the timer is still claimed once fleet-wide under its first name.
   */
  run?: string
}

/** What the `timers` and `timers-volatile` documents store: each timer by `timerId`. */
const TIMERS_SCHEMA = z.object({
  timers: z.record(
    z.string(),
    z.object({
      plugin: z.string(),
      key: z.string(),
      at: z.number(),
      payload: z.unknown().optional(),
      group: z.string().optional(),
      run: z.string().optional(),
    }),
  ),
})

/** The `timers` document (durable: a lost timer is a reminder or deadline that never comes). */
export const TIMERS_DOC = docSpec<{ timers: Record<string, TimerRecord> }>({
  version: 1,
  schema: TIMERS_SCHEMA,
  defaults: () => ({ timers: {} }),
  durable: true,
})

/**
 * The `timers-volatile` document: the timers of volatile state (`ScheduleAction.volatile`: activity's reminder of
 * the customers waiting, whose list is itself volatile), written with that state at the periodic flush, not
 * before every send. A kill loses at most one flush interval of them, as of the state they belong to.
 */
export const VOLATILE_TIMERS_DOC = docSpec<{ timers: Record<string, TimerRecord> }>({
  version: 1,
  schema: TIMERS_SCHEMA,
  defaults: () => ({ timers: {} }),
  volatile: true,
})

/** A timer's kind: its key up to the first `:` (`remind:N12` → `remind`), what payload schemas are declared by. */
export function timerKind(key: string): string {
  return key.split(':', 1)[0]
}

/**
 * Persistent one-shot timers that plugins set with `schedule` actions. They
 * survive restarts: on start every stored timer is re-armed, and one whose
 * time passed while the bot was down fires at once (exactly once: it is
 * deleted before its handler runs). A volatile timer is kept in a document of
 * its own (`VOLATILE_TIMERS_DOC`), so setting or cancelling one leaves the
 * durable `timers` document, written before every send, as it was; `fire` is
 * told which kind fired (what a volatile one's handler changes is volatile too:
 * the runtime writes it before what the handler sends).
 */
export class Timers {
  private durable
  private volatile
  private cancels = new Map<string, () => void>()
  private fire?: (t: TimerRecord, volatile: boolean) => void

  constructor(
    private clock: Clock,
    store: Store,
  ) {
    this.durable = store.doc('timers', TIMERS_DOC)
    this.volatile = store.doc('timers-volatile', VOLATILE_TIMERS_DOC)
  }

  /** Start firing timers into `fire` (`volatile`: a timer of volatile state), re-arming those a previous run stored. */
  start(fire: (t: TimerRecord, volatile: boolean) => void): void {
    this.fire = fire
    // Timers that fell due while the bot was down fire now, in the order they were due.
    for (const t of this.pending().sort((a, b) => a.at - b.at)) this.arm(t)
  }

  /**
   * Set (or replace) the timer `key` of `plugin` (of the group `group`, when it concerns one; `volatile`: kept with
   * the volatile documents). One literal with `group` `undefined` when absent (left out of the stored JSON, as
   * before): a spread of `{ group }` or `{}` made two hidden classes and a throwaway object per timer.
   */
  set(plugin: string, key: string, at: number, payload?: unknown, group?: string, volatile = false): void {
    this.put({ plugin, key, at, payload, group: group || undefined }, volatile)
  }

  /** Store and arm a whole record (a timer taken over from another fleet account keeps its `run` key). */
  put(record: TimerRecord, volatile = false): void {
    this.cancel(record.plugin, record.key)
    const doc = volatile ? this.volatile : this.durable
    doc.data.timers[timerId(record.plugin, record.key)] = record
    doc.changed()
    if (this.fire) this.arm(record)
  }

  /** Cancel a timer; no-op when unknown. */
  cancel(plugin: string, key: string): void {
    const k = timerId(plugin, key)
    this.cancels.get(k)?.()
    this.cancels.delete(k)
    this.remove(k)
  }

  /** Pending timers, durable and volatile (for `#状态` and tests). */
  pending(plugin?: string): TimerRecord[] {
    const all = [...Object.values(this.durable.data.timers), ...Object.values(this.volatile.data.timers)]
    return plugin ? all.filter(t => t.plugin === plugin) : all
  }

  /** Disarm everything (shutdown); records stay stored. */
  stop(): void {
    for (const c of this.cancels.values()) c()
    this.cancels.clear()
    this.fire = undefined
  }

  /** Delete the stored timer `k` from both documents; which one held it (undefined when neither did). */
  private remove(k: string): 'durable' | 'volatile' | undefined {
    let from: 'durable' | 'volatile' | undefined
    if (this.durable.data.timers[k]) {
      delete this.durable.data.timers[k]
      this.durable.changed()
      from = 'durable'
    }
    if (this.volatile.data.timers[k]) {
      delete this.volatile.data.timers[k]
      this.volatile.changed()
      from = 'volatile'
    }
    return from
  }

  private arm(t: TimerRecord): void {
    const k = timerId(t.plugin, t.key)
    this.cancels.set(
      k,
      this.clock.at(Math.max(t.at, this.clock.now()), () => {
        this.cancels.delete(k)
        const from = this.remove(k)
        if (from) this.fire?.(t, from === 'volatile')
      }),
    )
  }
}

/** A timer's name in the `timers` document. */
export function timerId(plugin: string, key: string): string {
  return `${plugin}:${key}`
}

/**
 * When the flush before a send writes the volatile documents too: from a volatile timer's firing until a flush that
 * starts after its handler has finished, so what the handler changed (a waiting list marked reminded) is on disk
 * before what it sends, even when another send's flush comes between the firing and the handler.
 */
export class VolatileTimerWrites {
  private pending = 0
  private unwritten = false

  /** A volatile timer fired; its handler is queued. */
  fired(): void {
    this.pending++
  }

  /** Its handler finished: its changes are written by the next flush before a send. */
  handled(): void {
    this.pending--
    this.unwritten = true
  }

  /** Whether this flush before a send writes the volatile documents (it settles the handlers finished before it). */
  takeForSend(): boolean {
    if (this.pending > 0) return true
    const due = this.unwritten
    this.unwritten = false
    return due
  }
}

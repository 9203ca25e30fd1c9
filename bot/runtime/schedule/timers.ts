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

/** The `timers` document (durable: a lost timer is a reminder or deadline that never comes). */
export const TIMERS_DOC = docSpec<{ timers: Record<string, TimerRecord> }>({
  version: 1,
  schema: z.object({
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
  }),
  defaults: () => ({ timers: {} }),
  durable: true,
})

/** A timer's kind: its key up to the first `:` (`remind:N12` → `remind`), what payload schemas are declared by. */
export function timerKind(key: string): string {
  return key.split(':', 1)[0]
}

/**
 * Persistent one-shot timers that plugins set with `schedule` actions. They
 * survive restarts: on start every stored timer is re-armed, and one whose
 * time passed while the bot was down fires at once (exactly once: it is
 * deleted before its handler runs).
 */
export class Timers {
  private doc
  private cancels = new Map<string, () => void>()
  private fire?: (t: TimerRecord) => void

  constructor(
    private clock: Clock,
    store: Store,
  ) {
    this.doc = store.doc('timers', TIMERS_DOC)
  }

  /** Start firing timers into `fire`, re-arming those a previous run stored. */
  start(fire: (t: TimerRecord) => void): void {
    this.fire = fire
    // Timers that fell due while the bot was down fire now, in the order they were due.
    for (const t of Object.values(this.doc.data.timers).sort((a, b) => a.at - b.at)) this.arm(t)
  }

  /**
   * Set (or replace) the timer `key` of `plugin` (of the group `group`, when it concerns one). One literal with
   * `group` `undefined` when absent (left out of the stored JSON, as before): a spread of `{ group }` or `{}` made
   * two hidden classes and a throwaway object per timer.
   */
  set(plugin: string, key: string, at: number, payload?: unknown, group?: string): void {
    this.put({ plugin, key, at, payload, group: group || undefined })
  }

  /** Store and arm a whole record (a timer taken over from another fleet account keeps its `run` key). */
  put(record: TimerRecord): void {
    this.cancel(record.plugin, record.key)
    this.doc.data.timers[timerId(record.plugin, record.key)] = record
    this.doc.changed()
    if (this.fire) this.arm(record)
  }

  /** Cancel a timer; no-op when unknown. */
  cancel(plugin: string, key: string): void {
    const k = timerId(plugin, key)
    this.cancels.get(k)?.()
    this.cancels.delete(k)
    if (this.doc.data.timers[k]) {
      delete this.doc.data.timers[k]
      this.doc.changed()
    }
  }

  /** Pending timers (for `#状态` and tests). */
  pending(plugin?: string): TimerRecord[] {
    return Object.values(this.doc.data.timers).filter(t => !plugin || t.plugin === plugin)
  }

  /** Disarm everything (shutdown); records stay stored. */
  stop(): void {
    for (const c of this.cancels.values()) c()
    this.cancels.clear()
    this.fire = undefined
  }

  private arm(t: TimerRecord): void {
    const k = timerId(t.plugin, t.key)
    this.cancels.set(
      k,
      this.clock.at(Math.max(t.at, this.clock.now()), () => {
        this.cancels.delete(k)
        if (!this.doc.data.timers[k]) return
        delete this.doc.data.timers[k]
        this.doc.changed()
        this.fire?.(t)
      }),
    )
  }
}

/** A timer's name in the `timers` document. */
export function timerId(plugin: string, key: string): string {
  return `${plugin}:${key}`
}

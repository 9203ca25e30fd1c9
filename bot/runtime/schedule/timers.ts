import type { Clock } from '../../ports/clock.js'
import { z } from 'zod'
import { docSpec, type Store } from '../../ports/store/store.js'

/** A stored timer; `payload` is checked against the plugin's schema for the timer's kind when it fires. */
export interface TimerRecord {
  plugin: string
  key: string
  at: number
  payload?: unknown
}

/** The `timers` document (durable: a lost timer is a reminder or deadline that never comes). */
export const TIMERS_DOC = docSpec<{ timers: Record<string, TimerRecord> }>({
  version: 1,
  schema: z.object({
    timers: z.record(
      z.string(),
      z.object({ plugin: z.string(), key: z.string(), at: z.number(), payload: z.unknown().optional() }),
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
  private fire?: (plugin: string, key: string, payload: unknown, at: number) => void

  constructor(
    private clock: Clock,
    store: Store,
  ) {
    this.doc = store.doc('timers', TIMERS_DOC)
  }

  /** Start firing timers into `fire`, re-arming those a previous run stored. */
  start(fire: (plugin: string, key: string, payload: unknown, at: number) => void): void {
    this.fire = fire
    // Timers that fell due while the bot was down fire now, in the order they were due.
    for (const t of Object.values(this.doc.data.timers).sort((a, b) => a.at - b.at)) this.arm(t)
  }

  /** Set (or replace) the timer `key` of `plugin`. */
  set(plugin: string, key: string, at: number, payload?: unknown): void {
    const record = { plugin, key, at, payload }
    this.cancel(plugin, key)
    this.doc.data.timers[id(plugin, key)] = record
    this.doc.changed()
    if (this.fire) this.arm(record)
  }

  /** Cancel a timer; no-op when unknown. */
  cancel(plugin: string, key: string): void {
    const k = id(plugin, key)
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
    const k = id(t.plugin, t.key)
    this.cancels.set(
      k,
      this.clock.at(Math.max(t.at, this.clock.now()), () => {
        this.cancels.delete(k)
        if (!this.doc.data.timers[k]) return
        delete this.doc.data.timers[k]
        this.doc.changed()
        this.fire?.(t.plugin, t.key, t.payload, t.at)
      }),
    )
  }
}

function id(plugin: string, key: string): string {
  return `${plugin}:${key}`
}

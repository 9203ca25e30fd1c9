import type { Clock } from '../../ports/clock.js'
import { z } from 'zod'
import { docSpec, type Store } from '../../ports/store/store.js'
import { compileCron, type CompiledCron } from '../../time/cron.js'
import type { WorkCalendar } from '../../time/workdays.js'

interface Job {
  id: string
  cron: CompiledCron
  run: (at: number) => void
  cancel?: () => void
}

/** The `scheduler` document: the last run of each job. */
export const SCHEDULER_DOC = docSpec<{ lastRun: Record<string, number> }>({
  version: 1,
  schema: z.object({ lastRun: z.record(z.string(), z.number()) }),
  defaults: () => ({ lastRun: {} }),
})

/**
 * Runs plugins' cron jobs in the configured timezone, on the injected clock
 * (so tests and replay move time), skipping non-workdays for jobs that ask.
 * The last run of each job is stored, so a restart never runs a slot twice.
 */
export class Scheduler {
  private jobs: Job[] = []
  private doc

  constructor(
    private clock: Clock,
    private tz: string,
    private calendar: WorkCalendar,
    store: Store,
  ) {
    this.doc = store.doc('scheduler', SCHEDULER_DOC)
  }

  /** Register a job; throws at load when the expression is invalid. */
  add(id: string, expression: string, workdaysOnly: boolean, run: (at: number) => void): void {
    const job: Job = { id, cron: compileCron(expression, this.tz, workdaysOnly ? this.calendar : undefined), run }
    this.jobs.push(job)
  }

  /** Arm every job for its next slot. */
  start(): void {
    for (const j of this.jobs) this.arm(j)
  }

  /** Disarm all jobs. */
  stop(): void {
    for (const j of this.jobs) j.cancel?.()
  }

  /** The next run of each job, for `#状态`. */
  upcoming(): { id: string; at?: number }[] {
    return this.jobs.map(j => ({ id: j.id, at: j.cron.next(this.clock.now()) }))
  }

  private arm(job: Job): void {
    const from = Math.max(this.clock.now(), this.doc.data.lastRun[job.id] ?? 0)
    const at = job.cron.next(from)
    if (at === undefined) return
    job.cancel = this.clock.at(at, () => {
      if ((this.doc.data.lastRun[job.id] ?? 0) >= at) return
      this.doc.data.lastRun[job.id] = at
      this.doc.changed()
      job.run(at)
      this.arm(job)
    })
  }
}

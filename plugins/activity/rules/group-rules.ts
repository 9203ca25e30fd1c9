import type { WorkCalendar } from '../../../bot/time/workdays.js'
import { addWorkingTime, parseWindows, workingTimeBetween, type WorkWindow } from '../../../bot/time/working-hours.js'
import type { ActivityConfig } from '../config.js'

/** Working-time arithmetic for one config (parsed once). */
export interface WorkClock {
  /** When a customer who wrote at `at` has waited too long (undefined: no working time ahead). */
  deadline(at: number): number | undefined
  /** When a customer who wrote at `at` is escalated to the leaders (undefined: never, `escalateAfter` 0, or no working time ahead). */
  escalation(at: number): number | undefined
  /** Working milliseconds between two instants. */
  elapsed(from: number, to: number): number
}

/** A config section's compiled rules: the "no clock" pattern and the working-time clock. */
export interface ActivityRules {
  ignore: RegExp
  clock: WorkClock
}

/**
 * Compile each config's rules once (per distinct pattern and per distinct working hours and threshold), working time
 * counted on `calendar` (the app's); throws with the config key when a value is unusable.
 */
export function rulesCache(tz: string, calendar: WorkCalendar): (cfg: ActivityConfig) => ActivityRules {
  const patterns = new Map<string, RegExp>()
  const clocks = new Map<string, WorkClock>()
  const ignore = (cfg: ActivityConfig) => {
    let re = patterns.get(cfg.ignoreCustomerText)
    if (!re) patterns.set(cfg.ignoreCustomerText, (re = compilePattern(cfg.ignoreCustomerText)))
    return re
  }
  const clock = (cfg: ActivityConfig) => {
    const key = `${cfg.workingHours.join(',')}|${cfg.responseThreshold}|${cfg.escalateAfter}`
    let c = clocks.get(key)
    if (!c) clocks.set(key, (c = workClock(cfg, tz, calendar)))
    return c
  }
  // A config section is an object that lives until the config is reloaded: its rules are built once.
  const bySection = new WeakMap<ActivityConfig, ActivityRules>()
  return cfg => {
    let rules = bySection.get(cfg)
    if (!rules) bySection.set(cfg, (rules = { ignore: ignore(cfg), clock: clock(cfg) }))
    return rules
  }
}

function compilePattern(source: string): RegExp {
  try {
    return new RegExp(source, 'iu')
  } catch (e) {
    throw new Error(`activity.ignoreCustomerText: invalid regex (${(e as Error).message})`)
  }
}

function workClock(cfg: ActivityConfig, tz: string, calendar: WorkCalendar): WorkClock {
  let windows: WorkWindow[]
  try {
    windows = parseWindows(cfg.workingHours)
  } catch (e) {
    throw new Error(`activity.workingHours: ${(e as Error).message}`)
  }
  return {
    deadline: at => {
      try {
        return addWorkingTime(at, cfg.responseThreshold, windows, tz, calendar)
      } catch {
        return undefined
      }
    },
    escalation: at => {
      if (!cfg.escalateAfter) return undefined
      try {
        return addWorkingTime(at, cfg.escalateAfter, windows, tz, calendar)
      } catch {
        return undefined
      }
    },
    elapsed: (from, to) => workingTimeBetween(from, to, windows, tz, calendar),
  }
}

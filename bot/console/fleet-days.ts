import { SOLO } from '../fleet/gate.js'
import type { BotRuntime } from '../runtime/host/runtime.js'
import { FleetDays } from '../../plugins/activity/days/fleet-days.js'
import { loadDays } from '../../plugins/activity/days/history.js'
import { fleetWaiting } from '../../plugins/activity/fleet/waiting.js'
import type { ActivityConfig } from '../../plugins/activity/config.js'
import type { Waited } from '../../plugins/activity/report/text.js'
import { rulesCache } from '../../plugins/activity/rules/group-rules.js'
import { CURRENT_DOC, CURRENT_SPEC, type GroupDay, type GroupWaiting } from '../../plugins/activity/state.js'

/** Every group-day in [from, to] the console shows. */
export type GroupDays = (from: string, to: string) => Promise<GroupDay[]>

/**
 * The activity counters the console reads: this account's (its `activity-days` log and `activity-current`
 * document), and in fleet mode every other account's added in the way `#活跃度` adds them (their closed days
 * from the log, their open days from their `activity-current` documents as last flushed, both read when the
 * page asks), so the groups page shows every account's groups.
 */
export function consoleGroupDays(rt: BotRuntime): GroupDays {
  const store = rt.deps.store
  const own = (from: string, to: string) => loadDays(store, store.doc(CURRENT_DOC, CURRENT_SPEC).data, from, to)
  const readLog = store.readFleetLog?.bind(store)
  if (rt.fleet === SOLO || !readLog) return async (from, to) => own(from, to)
  const fleet = new FleetDays({ readLog, readDocs: store.readFleetDocs?.bind(store) })
  return async (from, to) => fleet.with(own(from, to), from, to)
}

/**
 * The customers waiting for an answer now, as `#日报` lists them: this account's lists of the groups it acts in, and
 * in fleet mode the other accounts' of the groups they act in (their `activity-current` as last flushed), each
 * customer message once.
 */
export function consoleWaiting(rt: BotRuntime): () => Promise<GroupWaiting[]> {
  const store = rt.deps.store
  const solo = rt.fleet === SOLO
  const fleet = {
    readDocs: solo ? undefined : store.readFleetDocs?.bind(store),
    holds: solo ? undefined : (groupId: string) => rt.fleet.holds(groupId),
  }
  return () => fleetWaiting(store.doc(CURRENT_DOC, CURRENT_SPEC).data, fleet)
}

/**
 * How long a waiting customer has waited until `now`, in working time as `#日报` says it: the activity plugin's
 * working hours of that group (the config the bot runs now).
 */
export function consoleWaited(rt: BotRuntime): (now: number) => Waited {
  // The runtime's calendar as it is at each question: a config reload makes it again.
  const rulesOf = rulesCache(rt.loaded.config.timezone, { isWorkday: day => rt.calendar.isWorkday(day) })
  return now => (w, at) => {
    const { groupSections, config } = rt.loaded
    const cfg = (groupSections.get(w.group.configName)?.activity ?? config.plugins.activity) as ActivityConfig
    return rulesOf(cfg).clock.elapsed(at, now)
  }
}

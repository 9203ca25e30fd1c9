import { SOLO } from '../fleet/gate.js'
import type { BotRuntime } from '../runtime/host/runtime.js'
import { FleetDays } from '../../plugins/activity/days/fleet-days.js'
import { loadDays } from '../../plugins/activity/days/history.js'
import { CURRENT_DOC, CURRENT_SPEC, type GroupDay } from '../../plugins/activity/state.js'

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

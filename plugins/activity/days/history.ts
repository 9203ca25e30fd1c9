import type { Store } from '../../../bot/ports/store/store.js'
import { type CurrentDoc, DAYS_LOG, type GroupDay, openDays } from '../state.js'

/**
 * Every group-day in [from, to]: closed days from the `activity-days` log and
 * open days from the current doc (unanswered: the customers waiting now). A day closed twice (a crash between the log
 * append and the doc write) keeps its last record, so nothing is counted twice.
 */
export function loadDays(store: Store, current: CurrentDoc, from: string, to: string): GroupDay[] {
  const byKey = new Map<string, GroupDay>()
  for (const r of store.readLog<GroupDay>(DAYS_LOG, from, to)) {
    if (r && typeof r === 'object' && 'groupId' in r && 'members' in r) byKey.set(`${r.day} ${r.groupId}`, r)
  }
  // Open days with the customers still waiting counted as unanswered (as the waiting lists show them).
  for (const g of openDays(current, from, to)) byKey.set(`${g.day} ${g.groupId}`, g)
  return [...byKey.values()].sort((a, b) => a.day.localeCompare(b.day))
}

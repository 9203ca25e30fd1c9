import type { Action } from '../../../bot/core/actions.js'
import type { Directory } from '../../../bot/ports/directory.js'
import { dayKey } from '../../../bot/time/zoned.js'
import type { Realname } from '../decide-case.js'
import { sweepDigest, sweepGroup } from '../decide-sweep.js'
import type { SweepFindings } from '../texts.js'

/**
 * The daily sweep in parts (a job's `parts`, each its own task on the serial queue): one per managed
 * group (its member list read from the directory, then decided), then the admins' digest. `at()` gives
 * the decisions for the moment a part runs.
 */
export function sweepParts(
  directory: Directory,
  at: () => Realname,
  now: number,
  tz: string,
): (() => Promise<Action[]>)[] {
  const f: SweepFindings = { day: dayKey(now, tz), identity: [], open: [], newcomers: [], leavers: [] }
  const groups = directory.groups().filter(g => at().managed(g))
  const part = (id: string) => async (): Promise<Action[]> => {
    const group = directory.group(id)
    if (!group) return [] // the bot left it since the sweep began
    return sweepGroup(at(), group, await directory.members(id), f)
  }
  return [...groups.map(g => part(g.id)), async () => sweepDigest(f)]
}

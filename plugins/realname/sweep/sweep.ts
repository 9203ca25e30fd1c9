import type { Action } from '../../../bot/core/actions.js'
import type { Directory } from '../../../bot/ports/directory.js'
import { dayKey } from '../../../bot/time/zoned.js'
import type { Realname } from '../decide-case.js'
import { sweepDigest, sweepGroup } from '../decide-sweep.js'
import type { SweepFindings } from '../texts.js'

/**
 * The daily sweep: look at every managed group (its member list read from the directory), decide per
 * group, then send the admins one digest. `at()` gives the decisions for the current moment.
 */
export async function sweep(directory: Directory, at: () => Realname, now: number, tz: string): Promise<Action[]> {
  const out: Action[] = []
  const f: SweepFindings = { day: dayKey(now, tz), identity: [], open: [], newcomers: [], leavers: [] }
  for (const group of directory.groups()) {
    if (!at().managed(group)) continue
    const present = await directory.members(group.id)
    out.push(...sweepGroup(at(), group, present, f))
  }
  return [...out, ...sweepDigest(f)]
}

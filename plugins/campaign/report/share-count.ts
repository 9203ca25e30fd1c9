import type { Participation } from '../state.js'

/** Who is expected to share in one announced group (members at the time of asking). */
export interface GroupProgress {
  groupId: string
  name: string
  expected: { id: string; name: string }[]
}

/** Members of a group who have not reported (a share reported in any target group counts everywhere). */
export function missingIn(group: GroupProgress, done: Record<string, Participation>): { id: string; name: string }[] {
  return group.expected.filter(m => !done[m.id])
}

/** Members of a group who have reported. */
export function sharedIn(group: GroupProgress, done: Record<string, Participation>): { id: string; name: string }[] {
  return group.expected.filter(m => done[m.id])
}

/** How a campaign stands, counted one way everywhere (`#活动 列表`, `#活动 进度`, the report). */
export interface ShareCount {
  /** People on the expected list (each once, across groups) who reported. */
  done: number
  /** People on the expected list. */
  expected: number
  /** Reports from people not on the list (a relative who is not staff): shown, never counted in the rate. */
  outside: Participation[]
}

/** The one counting function: each expected person once; reports from others kept apart. */
export function countShares(groups: GroupProgress[], done: Record<string, Participation>): ShareCount {
  const everyone = new Set(groups.flatMap(g => g.expected.map(m => m.id)))
  return {
    done: [...everyone].filter(id => done[id]).length,
    expected: everyone.size,
    outside: Object.values(done).filter(p => !everyone.has(p.memberId)),
  }
}

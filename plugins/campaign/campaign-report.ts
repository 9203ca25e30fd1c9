import type { Participation } from './model.js'

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

/** `已完成 3/6（50%）`, and reporters off the list when there are any. */
export function countLine(c: ShareCount): string {
  const outside = c.outside.length ? `，另有 ${c.outside.length} 人反馈（不在统计名单中）` : ''
  return `已完成 ${rate(c.done, c.expected)}${outside}`
}

function rate(n: number, of: number): string {
  return `${n}/${of}（${of ? Math.round((n / of) * 100) : 0}%）`
}

/**
 * The completion report: overall rate (each person once), then per group
 * the rate, who shared and who has not yet. `heading` is the first line.
 */
export function progressReport(heading: string, groups: GroupProgress[], done: Record<string, Participation>): string {
  const count = countShares(groups, done)
  const lines = [heading, `总体完成 ${rate(count.done, count.expected)}`]
  for (const g of groups) {
    const missing = missingIn(g, done)
    const shared = sharedIn(g, done)
    const names = (list: { name: string }[]) => list.map(m => m.name).join('、')
    const tail = [
      shared.length && `已完成：${names(shared)}`,
      missing.length ? `未完成：${names(missing)}` : '全部完成',
    ]
    lines.push(`· ${g.name} ${rate(shared.length, g.expected.length)} ${tail.filter(Boolean).join('；')}`)
  }
  if (count.outside.length)
    lines.push(`另有 ${count.outside.length} 人已反馈（不在统计名单中）：${count.outside.map(p => p.name).join('、')}`)
  return lines.join('\n')
}

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

function rate(n: number, of: number): string {
  return `${n}/${of}（${of ? Math.round((n / of) * 100) : 0}%）`
}

/**
 * The completion report: overall rate (each person once), then per group
 * the rate and the names still missing. `heading` is the first line.
 */
export function progressReport(heading: string, groups: GroupProgress[], done: Record<string, Participation>): string {
  const everyone = new Map(groups.flatMap(g => g.expected.map(m => [m.id, m.name] as const)))
  const doneCount = [...everyone.keys()].filter(id => done[id]).length
  const lines = [heading, `总体完成 ${rate(doneCount, everyone.size)}`]
  for (const g of groups) {
    const missing = missingIn(g, done)
    const tail = missing.length ? ` 未完成：${missing.map(m => m.name).join('、')}` : ' 全部完成'
    lines.push(`· ${g.name} ${rate(g.expected.length - missing.length, g.expected.length)}${tail}`)
  }
  const outside = Object.values(done).filter(p => !everyone.has(p.memberId))
  if (outside.length)
    lines.push(`另有 ${outside.length} 人已反馈（不在统计名单中）：${outside.map(p => p.name).join('、')}`)
  return lines.join('\n')
}

import type { Notice } from '../state.js'

/** One member's acknowledgement record over a period. */
export interface MemberStats {
  id: string
  name: string
  /** Notices they had to answer (accepted excuses excluded). */
  required: number
  onTime: number
  answered: number
  /** Median time from notice to answer, over answered notices. */
  medianMs?: number
}

/** Per-member rate and median response time over notices posted in [from, to) that reached their deadline. */
export function memberStats(notices: Notice[], from: number, to: number): MemberStats[] {
  const byId = new Map<string, MemberStats & { times: number[] }>()
  for (const n of notices) {
    if (n.state !== 'reported' || n.at < from || n.at >= to) continue
    for (const [id, name] of Object.entries(n.required)) {
      if (n.excuses[id]?.acceptedBy) continue
      const s = byId.get(id) ?? { id, name, required: 0, onTime: 0, answered: 0, times: [] }
      byId.set(id, s)
      s.required++
      const a = n.answers[id]
      if (!a) continue
      s.answered++
      if (a.at <= n.deadline) s.onTime++
      s.times.push(a.at - n.at)
    }
  }
  return [...byId.values()]
    .map(({ times, ...s }) => ({ ...s, medianMs: median(times) }))
    .sort((a, b) => a.onTime / a.required - b.onTime / b.required || a.name.localeCompare(b.name, 'zh'))
}

/** Median of a list (mean of the middle two for even lengths); undefined when empty. */
export function median(xs: number[]): number | undefined {
  if (!xs.length) return undefined
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

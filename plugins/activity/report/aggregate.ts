import type { GroupKind, MessageKind } from '../../../bot/core/event.js'
import type { GroupDay, MemberDay, PersonRef } from '../state.js'
import { daysBetween } from './periods.js'

/** A member's totals over a period (in one group, or across groups). */
export interface MemberTotal {
  id: string
  name: string
  staff: boolean
  messages: number
  chars: number
  kinds: Partial<Record<MessageKind, number>>
  activeDays: number
  first: number
  last: number
}

/** A group's totals over a period. */
export interface GroupTotal {
  groupId: string
  topic: string
  kind: GroupKind
  messages: number
  /** Members who posted, most messages first. */
  members: MemberTotal[]
  /** Latest known group size. */
  size?: number
  hours: number[]
  joined: PersonRef[]
  left: PersonRef[]
  /** Response times (working ms) of answered customer messages. */
  responses: number[]
  /** Customer messages not answered on the day they were sent. */
  unanswered: number
  /** Average daily active members over the days with records. */
  dailyActive: number
  /** The days with records (the bot ran then), which `dailyActive` averages over. */
  recordedDays: number
}

/** Response times of one staff member. */
export interface StaffTotal {
  id: string
  name: string
  samples: number[]
}

/** Everything reports need about a period. */
export interface PeriodSummary {
  from: string
  to: string
  days: string[]
  /** Messages per day, aligned with `days`. */
  perDay: number[]
  messages: number
  groups: GroupTotal[]
  members: MemberTotal[]
  staff: StaffTotal[]
}

function addMember(into: Map<string, MemberTotal & { lastDay?: string }>, id: string, m: MemberDay, day: string): void {
  const t = into.get(id) ?? {
    id,
    name: m.name,
    staff: m.staff,
    messages: 0,
    chars: 0,
    kinds: {},
    activeDays: 0,
    first: m.first,
    last: m.last,
  }
  into.set(id, t)
  Object.assign(t, { name: m.name, staff: m.staff, first: Math.min(t.first, m.first), last: Math.max(t.last, m.last) })
  t.messages += m.messages
  t.chars += m.chars
  for (const [k, n] of Object.entries(m.kinds) as [MessageKind, number][]) t.kinds[k] = (t.kinds[k] ?? 0) + n
  if (t.lastDay !== day) {
    t.activeDays++
    t.lastDay = day
  }
}

const byMessages = <T extends { messages: number }>(list: T[]) => list.sort((a, b) => b.messages - a.messages)
const strip = (m: Map<string, MemberTotal & { lastDay?: string }>) => [...m.values()].map(({ lastDay: _, ...t }) => t)

type MemberSum = MemberTotal & { lastDay?: string }
/** One group's running sums while records are added. */
interface GroupSum {
  total: GroupTotal
  members: Map<string, MemberSum>
  activeSum: number
  dayCount: number
}

/** Sum group-day records (sorted by day) over [from, to]. */
export function summarize(records: GroupDay[], from: string, to: string): PeriodSummary {
  const days = daysBetween(from, to)
  const dayIndex = new Map(days.map((d, i) => [d, i]))
  const perDay = new Array<number>(days.length).fill(0)
  const groups = new Map<string, GroupSum>()
  const everyone = new Map<string, MemberSum>()
  const samples = new Map<string, number[]>()
  for (const r of records) {
    const g = groups.get(r.groupId) ?? { total: emptyTotal(r), members: new Map(), activeSum: 0, dayCount: 0 }
    groups.set(r.groupId, g)
    const n = addRecord(g, r, everyone, samples)
    const i = dayIndex.get(r.day)
    if (i !== undefined) perDay[i] += n
  }
  const members = byMessages(strip(everyone))
  const names = new Map(members.map(m => [m.id, m.name]))
  return {
    from,
    to,
    days,
    perDay,
    messages: perDay.reduce((a, b) => a + b, 0),
    groups: byMessages(
      [...groups.values()].map(g => ({
        ...g.total,
        members: byMessages(strip(g.members)),
        dailyActive: g.dayCount ? g.activeSum / g.dayCount : 0,
        recordedDays: g.dayCount,
      })),
    ),
    members,
    staff: [...samples].map(([id, s]) => ({ id, name: names.get(id) ?? id, samples: s })),
  }
}

function emptyTotal(r: GroupDay): GroupTotal {
  return {
    groupId: r.groupId,
    topic: r.topic,
    kind: r.kind,
    messages: 0,
    members: [],
    hours: new Array<number>(24).fill(0),
    joined: [],
    left: [],
    responses: [],
    unanswered: 0,
    dailyActive: 0,
    recordedDays: 0,
  }
}

/** Add one group-day to its group's sums, everyone's and the staff's answer samples; returns its messages. */
function addRecord(g: GroupSum, r: GroupDay, everyone: Map<string, MemberSum>, samples: Map<string, number[]>): number {
  const t = g.total
  t.topic = r.topic
  t.size = r.size ?? t.size
  let n = 0
  for (const [id, m] of Object.entries(r.members)) {
    n += m.messages
    addMember(g.members, id, m, r.day)
    addMember(everyone, id, m, r.day)
  }
  t.messages += n
  r.hours.forEach((h, hour) => {
    t.hours[hour] += h
  })
  t.joined.push(...r.joined)
  t.left.push(...r.left)
  t.unanswered += r.unanswered
  g.activeSum += Object.keys(r.members).length
  g.dayCount++
  for (const [staffId, ms] of r.responses) {
    t.responses.push(ms)
    const list = samples.get(staffId) ?? []
    samples.set(staffId, list)
    list.push(ms)
  }
  return n
}

/** Records reduced to one member's messages and answers (for `#活跃度 @成员`). */
export function onlyMember(records: GroupDay[], memberId: string): GroupDay[] {
  return records
    .filter(r => r.members[memberId] || r.responses.some(([s]) => s === memberId))
    .map(r => ({
      ...r,
      members: r.members[memberId] ? { [memberId]: r.members[memberId] } : {},
      hours: r.hours.map(() => 0),
      responses: r.responses.filter(([s]) => s === memberId),
      joined: [],
      left: [],
      unanswered: 0,
    }))
}

/** The staff (people with a role when they spoke) among a period's speakers, most messages first: what a leaderboard ranks. */
export function staffMembers(s: Pick<PeriodSummary, 'members'>): MemberTotal[] {
  return s.members.filter(m => m.staff)
}

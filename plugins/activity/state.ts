import { z } from 'zod'
import { docSpec, type Doc, type Store } from '../../bot/ports/store/store.js'
import { GroupDocs } from '../../bot/core/group-docs.js'
import type { GroupKind, GroupRef, MessageKind } from '../../bot/core/event.js'

/** Doc with the open (not yet closed) days and the customers waiting for an answer. */
export const CURRENT_DOC = 'activity-current'
/** Append-only log with one record per group per closed day. */
export const DAYS_LOG = 'activity-days'

/** One member's counters in one group on one day. */
export interface MemberDay {
  name: string
  staff: boolean
  messages: number
  chars: number
  kinds: Partial<Record<MessageKind, number>>
  /** First and last message time (ms). */
  first: number
  last: number
}

/** Someone who joined or left, as shown in reports. */
export interface PersonRef {
  id: string
  name: string
}

/** One answered customer message: who answered and how long it took (working time, ms). */
export type ResponseSample = [staffId: string, ms: number]

/** One group's counters on one day; a closed day goes to the `activity-days` log unchanged. */
export interface GroupDay {
  day: string
  groupId: string
  topic: string
  kind: GroupKind
  members: Record<string, MemberDay>
  /** Messages per hour of the day (24 slots, configured timezone). */
  hours: number[]
  joined: PersonRef[]
  left: PersonRef[]
  responses: ResponseSample[]
  /** Customer messages of this day still unanswered when the day closed. */
  unanswered: number
  /** Group size when last looked up (for the share of active members). */
  size?: number
}

/** A customer message waiting for a staff answer. */
export interface PendingMessage {
  /** The message id of the account that received it (another account's copy may carry another). */
  id: string
  /**
   * In a fleet, the message as every account that received it sees it (`messageCause`: group, sender, time in whole
   * seconds, kind and text, and which copy of identical ones): what tells two accounts' copies are one message.
   * Absent for one process (its ids are exact) and in lists written by releases before it (compared by id).
   */
  cause?: string
  memberId: string
  name: string
  at: number
  day: string
  text: string
  reminded?: boolean
  /** Its reminder was only recorded (observe mode): going live still reminds it once. */
  rehearsed?: boolean
  /** The leaders (or admins) were told it waits past `escalateAfter`. */
  escalated?: boolean
  /** Its escalation was only recorded (observe mode): going live still escalates it once. */
  escalationRehearsed?: boolean
}

/** What makes two waiting messages one: the fleet-wide identity when known, else the id. */
export const messageKey = (m: PendingMessage): string => m.cause ?? m.id

/** Waiting customers of one group and the reminder timer armed for them. */
export interface GroupWaiting {
  group: GroupRef
  msgs: PendingMessage[]
  timerAt?: number
  /**
   * Customer messages held for the admins (the content plugin's spam review): not waiting while held; back in
   * `msgs` from their own time when released, gone when confirmed or when staff answer the group meanwhile.
   */
  held?: PendingMessage[]
}

/** The small "current" doc: open days only, so its size does not grow with history. */
export interface CurrentDoc {
  days: Record<string, Record<string, GroupDay>>
  waiting: Record<string, GroupWaiting>
  /** Last day written to the log; later events for it are not counted again. */
  closedThrough?: string
  /** First day the last close wrote to the log (several after a downtime); what a start raises last-seen times from. */
  closedFrom?: string
}

/** A fresh current doc. */
export function emptyCurrent(): CurrentDoc {
  return { days: {}, waiting: {} }
}

/** The part of the open-day document holding a group-day's counters other than its members' (`changed(part)`). */
export const dayPart = (day: string, groupId: string): string => `g\t${day}\t${groupId}`
/** The part holding one member's counters of a group-day. */
export const memberPart = (day: string, groupId: string, memberId: string): string =>
  `m\t${day}\t${groupId}\t${memberId}`
/** The part holding a group's waiting customers. */
export const waitingPart = (groupId: string): string => `w\t${groupId}`

/**
 * A record of the open-day document kept as changes: a group-day without its members (`g`, created when new),
 * one member of a group-day (`m`), a group's waiting customers (`w`, null: none).
 */
export type CurrentRecord =
  | { t: 'g'; v: Omit<GroupDay, 'members'> }
  | { t: 'm'; day: string; group: string; id: string; v: MemberDay }
  | { t: 'w'; group: string; v: GroupWaiting | null }

/** The record of a part named by `dayPart`, `memberPart` or `waitingPart`, as the document holds it now. */
function recordOf(doc: CurrentDoc, part: string): CurrentRecord | undefined {
  const i = part.indexOf('\t', 2)
  if (part[0] === 'w') {
    const group = part.slice(2)
    return { t: 'w', group, v: doc.waiting[group] ?? null }
  }
  const day = part.slice(2, i)
  const j = part.indexOf('\t', i + 1)
  const group = part.slice(i + 1, j < 0 ? undefined : j)
  const g = doc.days[day]?.[group]
  if (!g) return undefined // closed since (the close rewrote the document)
  if (j >= 0) {
    const id = part.slice(j + 1)
    return g.members[id] && { t: 'm', day, group, id, v: g.members[id] }
  }
  // Written out, not `{ members, ...head }`: a rest copy is a slow object to encode.
  const { topic, kind, hours, joined, left, responses, unanswered, size } = g
  return { t: 'g', v: { day, groupId: group, topic, kind, hours, joined, left, responses, unanswered, size } }
}

/** Fold a record into the document (at start, after the snapshot). */
function applyRecord(doc: CurrentDoc, r: CurrentRecord): void {
  if (r.t === 'w') {
    if (r.v) doc.waiting[r.group] = r.v
    else delete doc.waiting[r.group]
  } else if (r.t === 'g') {
    const days = (doc.days[r.v.day] ??= {})
    days[r.v.groupId] = { ...r.v, members: days[r.v.groupId]?.members ?? {} }
  } else {
    const g = doc.days[r.day]?.[r.group]
    if (g) g.members[r.id] = r.v
  }
}

/**
 * The open-day document (volatile: counters, at most one flush interval lost at a kill). Kept as changes: a flush
 * appends the group-days, members and waiting lists that changed (`changed(part)`, see `DocChanges`); closing days
 * and recording sizes rewrite it whole.
 */
export const CURRENT_SPEC = docSpec<CurrentDoc>({
  version: 1,
  schema: z.object({
    days: z.record(z.string(), z.record(z.string(), z.looseObject({}))),
    waiting: z.record(z.string(), z.looseObject({})),
    closedThrough: z.string().optional(),
    closedFrom: z.string().optional(),
  }),
  defaults: emptyCurrent,
  volatile: true,
  changes: {
    record: z.discriminatedUnion('t', [
      z.object({ t: z.literal('g'), v: z.looseObject({ day: z.string(), groupId: z.string() }) }),
      z.object({ t: z.literal('m'), day: z.string(), group: z.string(), id: z.string(), v: z.looseObject({}) }),
      z.object({ t: z.literal('w'), group: z.string(), v: z.looseObject({}).nullable() }),
    ]),
    of: recordOf,
    apply: (doc, r) => applyRecord(doc, r as CurrentRecord),
  },
})

/** Which group a counted fact belongs to. */
export interface GroupKey {
  day: string
  groupId: string
  topic: string
  kind: GroupKind
}

/** The day record of a group, created on first use; the topic follows renames. */
export function groupDay(doc: CurrentDoc, key: GroupKey): GroupDay {
  const days = (doc.days[key.day] ??= {})
  const g = (days[key.groupId] ??= {
    day: key.day,
    groupId: key.groupId,
    topic: key.topic,
    kind: key.kind,
    members: {},
    hours: new Array(24).fill(0),
    joined: [],
    left: [],
    responses: [],
    unanswered: 0,
  })
  g.topic = key.topic
  return g
}

/** One message as the counters need it. */
export interface MessageFact {
  memberId: string
  name: string
  staff: boolean
  kind: MessageKind
  chars: number
  at: number
  hour: number
}

/** Count one message: O(1), whatever the history. */
export function countMessage(g: GroupDay, m: MessageFact): void {
  const md = (g.members[m.memberId] ??= {
    name: m.name,
    staff: m.staff,
    messages: 0,
    chars: 0,
    kinds: {},
    first: m.at,
    last: m.at,
  })
  md.name = m.name
  md.staff = m.staff
  md.messages++
  md.chars += m.chars
  md.kinds[m.kind] = (md.kinds[m.kind] ?? 0) + 1
  md.first = Math.min(md.first, m.at)
  md.last = Math.max(md.last, m.at)
  g.hours[m.hour]++
}

/**
 * How many customer messages of `day` in `groupId` wait for an answer in `doc`: the one source of a group-day's
 * `unanswered`, filled in when a day closes and read live for an open day (today), so the console's 未回复 and its
 * 正在等待回复 list (both from `doc.waiting`) agree.
 */
export function unansweredOn(doc: Pick<CurrentDoc, 'waiting'>, groupId: string, day: string): number {
  return (doc.waiting[groupId]?.msgs ?? []).filter(p => p.day === day).length
}

/** The open group-days of `doc` in [from, to], each a copy with its unanswered count as of now. */
export function openDays(doc: CurrentDoc, from: string, to: string): GroupDay[] {
  return Object.entries(doc.days)
    .filter(([day]) => day >= from && day <= to)
    .flatMap(([day, groups]) =>
      Object.values(groups).map(g => ({ ...g, unanswered: unansweredOn(doc, g.groupId, day) })),
    )
}

/** Remove and return every open day before `beforeDay`, with its unanswered count filled in. */
export function closeDays(doc: CurrentDoc, beforeDay: string): GroupDay[] {
  const closed: GroupDay[] = []
  const days = Object.keys(doc.days)
    .filter(d => d < beforeDay)
    .sort()
  if (days.length) doc.closedFrom = days[0]
  for (const day of days) {
    for (const g of Object.values(doc.days[day])) {
      g.unanswered = unansweredOn(doc, g.groupId, day)
      closed.push(g)
    }
    delete doc.days[day]
    doc.closedThrough = day
  }
  return closed
}

/** Prefix of the per-group last-seen documents `activity-members-<group id>` (grow with members, not history). */
export const SEEN_PREFIX = 'activity-members-'
/** The whole last-seen document of releases before the per-group split. */
export const WHOLE_SEEN_DOC = 'activity-members'

/** What the plugin remembers about one member of one group. */
export interface MemberSeen {
  name: string
  staff: boolean
  last?: number
  joined?: number
  left?: number
}

/** What the plugin remembers about one group. */
export interface GroupSeen {
  topic: string
  kind: GroupKind
  since: number
  members: Record<string, MemberSeen>
}

/** The last-seen data: every group's entry (one document per group). */
export interface SeenDoc {
  groups: Record<string, GroupSeen>
}

/** One group's last-seen document (volatile): a message rewrites only its group's. */
export const GROUP_SEEN_SPEC = docSpec<GroupSeen>({
  version: 1,
  schema: z.object({
    topic: z.string(),
    kind: z.string(),
    since: z.number(),
    members: z.record(z.string(), z.looseObject({})),
  }),
  defaults: () => ({ topic: '', kind: 'internal', since: 0, members: {} }),
  volatile: true,
})

/**
 * The whole `activity-members` document of releases before the per-group split (version 1). Version 2 is
 * what remains after its groups moved to their own documents at start (empty), so an older release
 * refuses it instead of running on it.
 */
export const WHOLE_SEEN_SPEC = docSpec<SeenDoc>({
  version: 2,
  schema: z.object({ groups: z.record(z.string(), z.looseObject({})) }),
  defaults: () => ({ groups: {} }),
  migrations: { 1: old => old },
  volatile: true,
})

/** The group entry, created on first sight (tracking starts then). */
export function seenGroup(doc: SeenDoc, groupId: string, topic: string, kind: GroupKind, now: number): GroupSeen {
  const g = (doc.groups[groupId] ??= { topic, kind, since: now, members: {} })
  g.topic = topic
  return g
}

/** The member entry of a group, created on first sight. */
export function seenMember(g: GroupSeen, id: string, name: string, staff: boolean): MemberSeen {
  const m = (g.members[id] ??= { name, staff })
  m.name = name
  m.staff = staff
  return m
}

/**
 * Raise a group's last-seen times to a day's (its members' last message there); false when none was raised (or the
 * group has no last-seen entry). A known member's message in an open day changes only the open-day document (see
 * `decideMessage`): the day's times reach the group's last-seen document when the day closes, and are read from
 * the open days until then (after a restart the group's document may hold older times).
 */
export function raiseLastSeen(seen: SeenDoc, day: GroupDay): boolean {
  const g = seen.groups[day.groupId]
  if (!g) return false
  let raised = false
  for (const [id, md] of Object.entries(day.members)) {
    const m = g.members[id]
    if (m && (m.last ?? 0) < md.last) {
      m.last = md.last
      raised = true
    }
  }
  return raised
}

/** The plugin's documents, opened once: the open days, and the last-seen data per group. */
export interface ActivityDocs {
  current: Doc<CurrentDoc>
  seen: GroupDocs<GroupSeen>
}

/** Open the open-day and last-seen documents (splitting a whole last-seen document of an older release). */
export async function openDocs(store: Store): Promise<ActivityDocs> {
  const seen = new GroupDocs(store, SEEN_PREFIX, GROUP_SEEN_SPEC)
  await seen.adopt(WHOLE_SEEN_DOC, WHOLE_SEEN_SPEC)
  return { current: store.doc(CURRENT_DOC, CURRENT_SPEC), seen }
}

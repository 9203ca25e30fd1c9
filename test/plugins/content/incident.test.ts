import { describe, expect, it } from 'vitest'
import {
  addIncident,
  INCIDENT_KEEP_MS,
  INCIDENT_LIMIT,
  mergeRepeat,
  newIncident,
  openIncidentFor,
  limitReachedIn,
  recentIncidents,
  type IncidentLog,
} from '../../../plugins/content/incidents/incident.js'
import { MIN } from './setup.js'

const T0 = 1_800_000_000_000
const base = {
  memberName: '优惠多多',
  groupId: 'g1',
  groupTopic: '交流群',
  groupKind: 'customer' as const,
  labels: ['广告'],
  severity: 'medium' as const,
  messageId: 'm1',
  steps: [],
  dryRun: false,
}
const add = (log: IncidentLog, memberId: string, categories: string[], at: number, dryRun = false) =>
  addIncident(log, newIncident(log, { ...base, memberId, categories, startedAt: at, dryRun }))

describe('incidents', () => {
  it('merges a repeat of the same categories by the same member within the window into the open incident', () => {
    const log: IncidentLog = { next: 1, incidents: [] }
    const first = add(log, 'u1', ['ad', 'contact'], T0)
    expect(openIncidentFor(log, 'u1', ['ad'], false, T0 + 5 * MIN, 10 * MIN)).toBe(first)
    mergeRepeat(first, T0 + 5 * MIN)
    expect(first).toMatchObject({ id: 'V1', count: 2, lastAt: T0 + 5 * MIN })
  })

  it('opens a new incident for another member, a new category, a dry-run mismatch or after the window', () => {
    const log: IncidentLog = { next: 1, incidents: [] }
    add(log, 'u1', ['ad'], T0)
    expect(openIncidentFor(log, 'u2', ['ad'], false, T0 + MIN, 10 * MIN)).toBeUndefined()
    expect(openIncidentFor(log, 'u1', ['ad', 'insult'], false, T0 + MIN, 10 * MIN)).toBeUndefined()
    expect(openIncidentFor(log, 'u1', ['ad'], true, T0 + MIN, 10 * MIN)).toBeUndefined()
    expect(openIncidentFor(log, 'u1', ['ad'], false, T0 + 10 * MIN, 10 * MIN)).toBeUndefined()
  })

  it('keeps the log bounded by count and age', () => {
    const log: IncidentLog = { next: 1, incidents: [] }
    for (let i = 0; i < INCIDENT_LIMIT + 20; i++) add(log, `u${i}`, ['ad'], T0 + i)
    expect(log.incidents.length).toBe(INCIDENT_LIMIT)
    expect(log.incidents[0].id).toBe('V21')
    add(log, 'late', ['ad'], T0 + INCIDENT_KEEP_MS + 10 * MIN)
    expect(log.incidents.map(i => i.memberId)).toEqual(['late'])
  })

  it('lists recent incidents newest first, by member or group', () => {
    const log: IncidentLog = { next: 1, incidents: [] }
    add(log, 'u1', ['ad'], T0)
    add(log, 'u2', ['ad'], T0 + MIN)
    add(log, 'u1', ['insult'], T0 + 2 * MIN)
    expect(recentIncidents(log, { since: T0 }, 10).map(i => i.id)).toEqual(['V3', 'V2', 'V1'])
    expect(recentIncidents(log, { since: T0, memberId: 'u1' }, 10).map(i => i.id)).toEqual(['V3', 'V1'])
    expect(recentIncidents(log, { since: T0 + MIN }, 10).map(i => i.id)).toEqual(['V3', 'V2'])
    expect(recentIncidents(log, { since: T0, groupId: 'other' }, 10)).toEqual([])
  })

  it('an old review confirmed today (appended, dated at its message) hides no newer incident', () => {
    const log: IncidentLog = { next: 1, incidents: [] }
    const asked = add(log, 'u1', ['ad'], T0 + 40 * 24 * 60 * MIN)
    asked.steps = ['ask']
    add(log, 'u1', ['contact'], T0) // confirmed #确认 of a message 40 days older
    const q = { memberId: 'u1', groupId: 'g1', since: T0 + 20 * 24 * 60 * MIN, dryRun: false }
    expect(limitReachedIn(log, q)).toBe(true)
    expect(recentIncidents(log, { since: q.since }, 10).map(i => i.id)).toEqual(['V1'])
  })
})

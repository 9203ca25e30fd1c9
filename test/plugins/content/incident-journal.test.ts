import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileStore } from '../../../bot/ports/store/file-store.js'
import { INCIDENTS_JOURNAL } from '../../../plugins/content/incidents/incident-journal.js'
import { type Incident, INCIDENT_LIMIT, newIncident } from '../../../plugins/content/incidents/incident.js'

const T0 = 1_800_000_000_000
const fields = (memberId: string, at: number) => ({
  memberId,
  memberName: '优惠多多',
  groupId: 'g1',
  groupTopic: '交流群',
  groupKind: 'customer' as const,
  categories: ['ad'],
  labels: ['广告'],
  severity: 'medium' as const,
  startedAt: at,
  messageId: `m-${memberId}-${at}`,
  steps: ['warn', 'report'],
  dryRun: false,
})
const open = (dir: string) => new FileStore(dir).journal('content-incidents', INCIDENTS_JOURNAL)
const journalFile = (dir: string) => join(dir, 'state', 'content-incidents.jsonl')

describe('the content-incidents journal', () => {
  it('keeps incidents, repeats and steps across a restart, each change one line appended', () => {
    const dir = mkdtempSync(join(tmpdir(), 'incidents-'))
    const j = open(dir)
    const incident = newIncident(j.state, fields('u1', T0))
    j.append({ op: 'open', incident })
    const before = readFileSync(journalFile(dir), 'utf8')
    j.append({ op: 'repeat', id: incident.id, at: T0 + 60_000, group: 'g2' })
    j.append({ op: 'foreign', account: 'sales1', id: 'V3', messageId: 'm9', at: T0 + 90_000 })
    const after = readFileSync(journalFile(dir), 'utf8')
    expect(after.startsWith(before)).toBe(true)
    expect(after.slice(before.length).trim().split('\n')).toHaveLength(2)

    const again = open(dir).state
    expect(again.next).toBe(2)
    expect(again.incidents).toEqual([{ ...incident, id: 'V1', count: 2, lastAt: T0 + 60_000, alsoIn: ['g2'] }])
    expect(again.repeats).toEqual([{ account: 'sales1', id: 'V3', messageId: 'm9', count: 1, lastAt: T0 + 90_000 }])
  })

  it("takes over the previous release's document (version 1): its incidents listed, numbering continued, the old file gone", () => {
    const dir = mkdtempSync(join(tmpdir(), 'incidents-'))
    mkdirSync(join(dir, 'state'))
    const old: Incident = { ...newIncident({ next: 41, incidents: [] }, fields('u7', T0)), count: 3 }
    const legacy = join(dir, 'state', 'content-incidents.json')
    writeFileSync(legacy, JSON.stringify({ $version: 1, next: 42, incidents: [old] }))
    const j = open(dir)
    expect(j.state.incidents).toEqual([old])
    expect(existsSync(legacy)).toBe(false)
    j.append({ op: 'open', incident: newIncident(j.state, fields('u8', T0 + 1000)) })
    expect(open(dir).state.incidents.map(i => [i.id, i.count])).toEqual([
      ['V41', 3],
      ['V42', 1],
    ])
  })

  it('stays bounded: the oldest incidents beyond the limit are dropped as records are read back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'incidents-'))
    const j = open(dir)
    for (let i = 0; i < INCIDENT_LIMIT + 5; i++)
      j.append({ op: 'open', incident: newIncident(j.state, fields(`u${i}`, T0 + i)) })
    const read = open(dir).state
    expect(read.incidents).toHaveLength(INCIDENT_LIMIT)
    expect(read.incidents[0].id).toBe('V6')
  })
})

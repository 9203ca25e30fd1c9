/**
 * Smoke tests of the fleet benchmarks' set-up (no timings): the figures are only meaningful if the
 * company is really split over three accounts with some groups shared, and if "counted" reads the
 * counters the activity plugin commits.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { countedIn, countedOnDisk } from '../../bench/fleet-procs.js'
import { countsAsActivity, FLEET_BOT_IDS, fleetAccounts, isCommandText, splitWorld } from '../../bench/fleet-world.js'
import { messageList, type StreamMessage } from '../../bench/message-stream.js'
import { syntheticWorld } from '../../bench/synthetic-world.js'
import { FileStore } from '../../bot/ports/store/file-store.js'
import {
  CURRENT_DOC,
  CURRENT_SPEC,
  countMessage,
  dayPart,
  emptyCurrent,
  groupDay,
  memberPart,
} from '../../plugins/activity/state.js'

const world = syntheticWorld({ groups: 12, membersPerGroup: 20 })
const split = splitWorld(world)

describe('the fleet world', () => {
  it('puts every group in one or two accounts’ WeChat, every fourth in two, the other bot a member there', () => {
    const seen = split.accounts.flatMap(a => a.groups.map(g => g.id))
    expect(new Set(seen)).toEqual(new Set(world.groups.map(g => g.id)))
    const shared = world.groups.filter(g => split.inside.get(g.id)!.length === 2)
    expect(shared.map(g => world.groups.indexOf(g))).toEqual([0, 4, 8])
    for (const g of shared) {
      const [a, b] = split.inside.get(g.id)!
      const inA = split.accounts[a].groups.find(x => x.id === g.id)!
      expect(inA.members).toHaveProperty(FLEET_BOT_IDS[b], null)
      expect(split.accounts[b].groups.find(x => x.id === g.id)!.members).toHaveProperty(FLEET_BOT_IDS[a], null)
    }
    expect(split.accounts.map(a => a.botId)).toEqual(FLEET_BOT_IDS)
  })

  it('names the accounts per run, so two runs (or a fleet e2e) never share an account lock', () => {
    expect(fleetAccounts('x1')).toEqual(['bench-x1-1', 'bench-x1-2', 'bench-x1-3'])
    expect(fleetAccounts('x1')).not.toEqual(fleetAccounts('x2'))
  })
})

describe('what the bench counts', () => {
  it('sums the messages of every member of every open group-day, as the activity plugin counts them', () => {
    const doc = emptyCurrent()
    const key = (groupId: string, day: string) => ({ day, groupId, topic: 't', kind: 'internal' as const })
    const fact = (memberId: string) => ({
      memberId,
      name: memberId,
      staff: true,
      kind: 'text' as const,
      chars: 3,
      at: 0,
      hour: 9,
    })
    for (const m of ['a', 'b', 'a']) countMessage(groupDay(doc, key('g1', '2026-12-03')), fact(m))
    countMessage(groupDay(doc, key('g2', '2026-12-04')), fact('c'))
    expect(countedIn(doc)).toBe(4)
    expect(countedIn(JSON.parse(JSON.stringify({ $version: 1, ...doc })))).toBe(4)
  })

  it('reads what the embedded bot committed: the snapshot and the records of later flushes (a torn line left out)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-setup-'))
    try {
      const store = new FileStore(dir)
      const doc = store.doc(CURRENT_DOC, CURRENT_SPEC)
      const key = { day: '2026-12-03', groupId: 'g1', topic: 't', kind: 'internal' as const }
      const fact = { memberId: 'a', name: 'a', staff: true, kind: 'text' as const, chars: 3, at: 0, hour: 9 }
      countMessage(groupDay(doc.data, key), fact)
      doc.changed()
      await store.flush() // the snapshot
      countMessage(groupDay(doc.data, key), fact)
      doc.changed(dayPart(key.day, key.groupId))
      doc.changed(memberPart(key.day, key.groupId, 'a'))
      await store.flush() // a line of records
      const file = join(dir, 'state', `${CURRENT_DOC}.jsonl`)
      expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(3) // the snapshot, a line of records, ''
      expect(countedOnDisk(dir)).toBe(2)
      expect(countedOnDisk(dir)).toBe(2) // unchanged: the count read before
      appendFileSync(file, '[{"t":"m","day"') // a flush being written
      expect(countedOnDisk(dir)).toBe(2)
      appendFileSync(file, ':"2026-12-03","group":"g1","id":"a","v":{"name":"a","staff":true,"messages":5}}]\n')
      expect(countedOnDisk(dir)).toBe(5) // the file grew: read again
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('expects every stream message but the commands (which are not activity)', () => {
    const stream = messageList(world, 2_000)
    const commands = stream.filter(m => isCommandText(m.content as { kind: string; text?: string }))
    expect(commands.length).toBeGreaterThan(0)
    expect(new Set(commands.map(m => (m.content as { text: string }).text))).toEqual(
      new Set(['#帮助', '#help', '#排期']),
    )
  })

  it("counts a customer's staff-only command as activity (refused silently, kept as their words), no other command", () => {
    const counts = countsAsActivity(world)
    const customerGroup = world.groups.find(g => g.kind === 'customer')!
    const customerId = Object.keys(customerGroup.members).find(id => !customerGroup.staff.includes(id))!
    const staffId = customerGroup.staff[0]
    const say = (from: string, text: string) =>
      ({ from, room: customerGroup.id, content: { kind: 'text', text }, mentions: [] }) as StreamMessage
    expect(counts(say(customerId, '#排期'))).toBe(true)
    expect(counts(say(customerId, '#帮助'))).toBe(false)
    expect(counts(say(staffId, '#排期'))).toBe(false)
    expect(counts(say(customerId, '你好'))).toBe(true)
  })
})

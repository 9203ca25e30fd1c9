import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FileStore } from '../../../bot/ports/store/file-store.js'
import { CurrentEncoder } from '../../../plugins/activity/current-encoding.js'
import {
  CURRENT_DOC,
  CURRENT_SPEC,
  type CurrentDoc,
  countMessage,
  dayPart,
  emptyCurrent,
  groupDay,
  memberPart,
  waitingPart,
} from '../../../plugins/activity/state.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const DAY = '2026-12-07'
const AT = Date.UTC(2026, 11, 7, 1)
const GROUPS = ['g1', 'g2']
const MEMBERS = Array.from({ length: 20 }, (_, i) => `m${i}`)

/** One message of `memberId` in `groupId`, counted, its parts named on `changed`. */
function count(doc: CurrentDoc, groupId: string, memberId: string, changed: (part: string) => void): void {
  const g = groupDay(doc, { day: DAY, groupId, topic: `群${groupId}`, kind: 'customer' })
  countMessage(g, { memberId, name: `成员${memberId}`, staff: false, kind: 'text', chars: 3, at: AT, hour: 9 })
  changed(dayPart(DAY, groupId))
  changed(memberPart(DAY, groupId, memberId))
}

const joined = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString('utf8')

describe('activity: the open-day document encoded from the parts kept between writes', () => {
  it('gives what JSON.stringify gives, and a part changed after it was kept is encoded with its new value', () => {
    const doc = emptyCurrent()
    const enc = new CurrentEncoder()
    for (const g of GROUPS) for (const m of MEMBERS) count(doc, g, m, () => {})
    doc.waiting.g1 = { group: { id: 'g1', topic: '群g1', kind: 'customer', configName: '客户群' }, msgs: [] }
    doc.closedThrough = '2026-12-06'
    expect(joined(enc.encode(doc))).toBe(JSON.stringify(doc))
    // Changed and named: the new counts; changed and not named, the bytes kept (what `changed` is for).
    count(doc, 'g1', 'm3', p => enc.changed(p))
    doc.waiting.g1.msgs.push({ id: 'x', memberId: 'm3', name: '成员m3', at: AT, day: DAY, text: '在吗' })
    enc.changed(waitingPart('g1'))
    expect(joined(enc.encode(doc))).toBe(JSON.stringify(doc))
    count(doc, 'g2', 'm4', () => {})
    expect(joined(enc.encode(doc))).not.toBe(JSON.stringify(doc))
    enc.forget()
    expect(joined(enc.encode(doc))).toBe(JSON.stringify(doc))
  })

  it('a member changed after its counts were kept has its new counts after a restart (whole rewrites from kept parts)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'activity-encoding-'))
    dirs.push(dir)
    const store = new FileStore(dir)
    const doc = store.doc(CURRENT_DOC, CURRENT_SPEC)
    for (const g of GROUPS) for (const m of MEMBERS) count(doc.data, g, m, p => doc.changed(p))
    await store.flush() // the first write after a start: whole
    count(doc.data, 'g1', 'm0', p => doc.changed(p))
    await store.flush() // a record: what a record takes is known
    expect(readFileSync(join(dir, 'state', `${CURRENT_DOC}.jsonl`), 'utf8').split('\n').length).toBe(3)
    // Most members named: more than half the snapshot, a whole rewrite (the quiet members' bytes kept from the first).
    for (const m of MEMBERS.slice(0, 15)) count(doc.data, 'g1', m, p => doc.changed(p))
    for (const m of MEMBERS.slice(0, 15)) count(doc.data, 'g2', m, p => doc.changed(p))
    await store.flush()
    // Now the members kept at the first write change, then those kept at the second: each rewrite whole again.
    for (const m of MEMBERS.slice(5)) for (const g of GROUPS) count(doc.data, g, m, p => doc.changed(p))
    await store.flush()
    for (const m of MEMBERS.slice(0, 15)) for (const g of GROUPS) count(doc.data, g, m, p => doc.changed(p))
    await store.flush()
    const file = readFileSync(join(dir, 'state', `${CURRENT_DOC}.jsonl`), 'utf8')
    expect(file.split('\n').length).toBe(2) // one snapshot line: every write was whole
    const held = JSON.parse(JSON.stringify(doc.data))
    expect(held.days[DAY].g1.members.m19.messages).toBe(2)
    expect(held.days[DAY].g2.members.m0.messages).toBe(3)
    expect(held.days[DAY].g1.members.m0.messages).toBe(4)
    expect(new FileStore(dir).doc(CURRENT_DOC, CURRENT_SPEC).data).toEqual(held)
  })
})

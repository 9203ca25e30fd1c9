import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FileStore } from '../../../bot/ports/store/file-store.js'
import { activityPlugin } from '../../../plugins/activity/index.js'
import {
  countMessage,
  CURRENT_SPEC,
  emptyCurrent,
  groupDay,
  OpenDayTexts,
  type CurrentDoc,
} from '../../../plugins/activity/state.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'

const written = (texts: OpenDayTexts, doc: CurrentDoc) => Buffer.concat(texts.encode(doc)).toString('utf8')
const key = (day: string, groupId: string) => ({ day, groupId, topic: `群${groupId}`, kind: 'customer' as const })
const fact = (memberId: string, at: number) => ({
  memberId,
  name: `成员${memberId}`,
  staff: false,
  kind: 'text' as const,
  chars: 3,
  at,
  hour: 10,
})

describe('activity-current: group-days kept encoded between writes', () => {
  it('writes what JSON.stringify writes, whichever groups changed in between', () => {
    const texts = new OpenDayTexts()
    const doc = emptyCurrent()
    expect(written(texts, doc)).toBe(JSON.stringify(doc))
    for (const id of ['g1', 'g2', '10', 'g"3']) countMessage(groupDay(doc, key('2026-11-30', id)), fact('u1', 1))
    doc.waiting.g1 = { group: { id: 'g1', topic: '群g1', kind: 'customer', configName: 'x' }, msgs: [] }
    expect(written(texts, doc)).toBe(JSON.stringify(doc))
    // g2 quiet since: written again (and kept); then g1 counts, told through touch.
    expect(written(texts, doc)).toBe(JSON.stringify(doc))
    countMessage(groupDay(doc, key('2026-11-30', 'g1')), fact('u2', 2))
    texts.touch('g1')
    expect(written(texts, doc)).toBe(JSON.stringify(doc))
    // A new day, and every group changed at once (a size for each).
    countMessage(groupDay(doc, key('2026-12-01', 'g2')), fact('u1', 3))
    for (const g of Object.values(doc.days['2026-11-30'])) g.size = 5
    texts.touch('g2')
    texts.touchAll()
    expect(written(texts, doc)).toBe(JSON.stringify(doc))
    delete doc.days['2026-11-30']['10']
    delete doc.days['2026-11-30']
    doc.closedThrough = '2026-11-30'
    expect(written(texts, doc)).toBe(JSON.stringify(doc))
  })

  it('keeps the bytes of an untouched group-day only: a counted one is written anew', () => {
    const texts = new OpenDayTexts()
    const doc = emptyCurrent()
    const g = groupDay(doc, key('2026-11-30', 'g1'))
    written(texts, doc)
    written(texts, doc)
    countMessage(g, fact('u1', 1))
    texts.touch('g1')
    expect(JSON.parse(written(texts, doc)).days['2026-11-30'].g1.members.u1.messages).toBe(1)
    countMessage(g, fact('u1', 2))
    texts.touch('g1')
    expect(JSON.parse(written(texts, doc)).days['2026-11-30'].g1.members.u1.messages).toBe(2)
  })
})

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('activity-current on the file store', () => {
  it('holds every counted message after flushes between messages in a few groups', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'activity-current-'))
    dirs.push(dir)
    const store = new FileStore(dir)
    const config = `
company: 示例科技
groups: [{ name: 客户群, topicPattern: '^客户', kind: customer }]
plugins: { activity: { dailyReport: { enabled: false }, weeklyReport: { enabled: false } } }
`
    const { rt, clock } = await makeRuntime(config, [activityPlugin], { store })
    const groups = [group('r1', '客户一群', 'customer', '客户群'), group('r2', '客户二群', 'customer', '客户群')]
    for (let i = 0; i < 9; i++) {
      await rt.handle(text(member(`c${i % 2}`, '客户'), `问题${i}`, clock.now(), groups[i % 3 ? 0 : 1]))
      await clock.advance(60_000)
      await store.flush()
    }
    const onDisk = JSON.parse(readFileSync(join(dir, 'state', 'activity-current.json'), 'utf8'))
    const { $version, ...data } = onDisk
    expect($version).toBe(CURRENT_SPEC.version)
    expect(data).toEqual(JSON.parse(JSON.stringify(store.doc('activity-current', CURRENT_SPEC).data)))
    const day = data.days['2026-11-30']
    expect([day.r1.members.c0.messages + day.r1.members.c1.messages, day.r2.members.c0.messages]).toEqual([6, 2])
  })
})

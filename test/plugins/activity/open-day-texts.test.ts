import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FakeClock } from '../../../bot/ports/clock.js'
import { SimulatedWeChat } from '../../../bot/ports/simulated.js'
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
import { group, makeRuntime, member, shanghai, text } from '../../helpers/harness.js'

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

describe('last-seen times across restarts', () => {
  it('reports a member who spoke in an open day as not silent after a restart, and after that day closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'activity-seen-'))
    dirs.push(dir)
    const config = `
company: 示例科技
roles: { leader: [boss] }
groups: [{ name: 销售群, topic: 销售部工作群, kind: internal }]
plugins: { activity: { dailyReport: { enabled: false }, weeklyReport: { enabled: false } } }
`
    const sales = group('r1', '销售部工作群', 'internal', '销售群')
    const boss = member('boss', '王经理')
    const wang = member('wang', '王五')
    const clock = new FakeClock(shanghai('2026-11-25T09:00'))
    const wechat = new SimulatedWeChat(clock)
    wechat.addGroup(sales, [boss, wang, member('li', '李四')])
    let store = new FileStore(dir)
    const boot = async () => {
      store = new FileStore(dir)
      return (await makeRuntime(config, [activityPlugin], { clock, wechat, store })).rt
    }
    const silent = async (rt: Awaited<ReturnType<typeof boot>>) => {
      await rt.handle(text(boss, '#沉默成员 3', clock.now(), sales))
      await clock.advance(60_000)
      return wechat.textsTo('r1').at(-1)
    }
    let rt = await boot()
    await rt.handle(text(wang, '收到', clock.now(), sales))
    await clock.advanceTo(shanghai('2026-11-30T09:00'))
    await store.flush() // what the nightly job changed is written: the message below changes only its open day
    await rt.handle(text(wang, '早', clock.now(), sales))
    await rt.stop()
    rt = await boot()
    await clock.advanceTo(shanghai('2026-11-30T10:00'))
    expect(await silent(rt)).toBe(
      '🔕 沉默成员（3 天以上未发言）\n· 销售部工作群：王经理（自 11-25 起未发言）、李四（自 11-25 起未发言）',
    )
    await rt.stop()
    rt = await boot()
    await clock.advanceTo(shanghai('2026-12-03T08:00')) // 11-30 closed at 00:15 on 12-01
    await rt.stop()
    rt = await boot()
    expect(await silent(rt)).toBe(
      '🔕 沉默成员（3 天以上未发言）\n· 销售部工作群：王经理（自 11-25 起未发言）、李四（自 11-25 起未发言）',
    )
    await rt.stop()
  })
})

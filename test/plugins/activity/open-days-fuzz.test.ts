import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createRng } from '../../../bench/prng.js'
import type { GroupRef, Member } from '../../../bot/core/event.js'
import { FakeClock } from '../../../bot/ports/clock.js'
import { SimulatedWeChat } from '../../../bot/ports/simulated.js'
import { FileStore } from '../../../bot/ports/store/file-store.js'
import { activityPlugin } from '../../../plugins/activity/index.js'
import { CURRENT_DOC, CURRENT_SPEC } from '../../../plugins/activity/state.js'
import { group, makeRuntime, member, MONDAY_9AM, text } from '../../helpers/harness.js'
import { activityConfig, MIN } from './fixtures.js'

const CONFIG = activityConfig()

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/**
 * The open-day document is written as changes (the parts each event names). Whatever the events, what a start
 * would read back after a flush is what the bot held at that flush: a change an event makes without naming its
 * part would be lost at the next restart, and this finds it.
 */
describe('activity: the open days read back after any flush are the ones held', () => {
  for (const seed of [1, 2, 3]) {
    it(`random messages, joins, leaves, renames, answers, reminders, reports and day closes (seed ${seed})`, async () => {
      const rng = createRng(seed) // a failure reproduces
      const random = () => rng.next()
      const pick = <T>(xs: readonly T[]): T => rng.pick(xs)
      const dir = mkdtempSync(join(tmpdir(), 'activity-fuzz-'))
      dirs.push(dir)
      const clock = new FakeClock(MONDAY_9AM)
      const wechat = new SimulatedWeChat(clock)
      const staff = [member('zhang', '张三'), member('li', '李四'), member('boss', '王经理')]
      const others = Array.from({ length: 8 }, (_, i) => member(`p${i}`, `成员${i}`))
      const groups: GroupRef[] = [
        group('r1', '销售部工作群', 'internal', '销售群'),
        group('c1', '示例科技张三交流群', 'customer', '客户群'),
        group('c2', '示例科技李四交流群', 'customer', '客户群'),
      ]
      const inGroup = new Map<string, Member[]>(groups.map(g => [g.id, [...staff, ...others.slice(0, 4)]]))
      for (const g of groups) wechat.addGroup(g, inGroup.get(g.id) ?? [])
      const store = new FileStore(dir)
      const { rt } = await makeRuntime(CONFIG, [activityPlugin], { clock, store, wechat })
      let checked = 0
      let appended = 0
      for (let step = 0; step < 400; step++) {
        const g = pick(groups)
        const present = inGroup.get(g.id) ?? []
        const r = random()
        if (r < 0.03) {
          await rt.handle(text(staff[2], '#活跃度', clock.now(), groups[0])) // records every group's size today
        } else if (r < 0.6 && present.length) {
          const kind = pick(['text', 'text', 'text', 'image', 'link'] as const)
          await rt.handle(text(pick(present), `消息${step}`, clock.now(), g, { kind }))
        } else if (r < 0.68) {
          const newcomer = pick(others.filter(m => !present.includes(m)).concat(others[0]))
          if (!present.includes(newcomer)) present.push(newcomer)
          await rt.handle({ type: 'join', at: clock.now(), group: g, members: [newcomer] })
        } else if (r < 0.74 && present.length > 3) {
          const leaver = present.splice(3 + Math.floor(random() * (present.length - 3)), 1)[0]
          await rt.handle({ type: 'leave', at: clock.now(), group: g, members: [leaver] })
        } else if (r < 0.77) {
          const renamed = { ...g, topic: `${g.topic.replace(/\d*$/, '')}${step}` }
          await rt.handle({ type: 'topic', at: clock.now(), group: renamed, oldTopic: g.topic, changer: staff[0] })
        } else if (r < 0.92) {
          await clock.advance(Math.floor(random() * 20) * MIN) // reminders fall due
        } else if (r < 0.95) {
          await clock.advance(Math.floor(random() * 14 * 60) * MIN) // often past midnight: a day closes
        }
        if (r >= 0.77 && random() < 0.5) {
          await store.flush()
          const held = JSON.parse(JSON.stringify(store.doc(CURRENT_DOC, CURRENT_SPEC).data))
          expect(new FileStore(dir).doc(CURRENT_DOC, CURRENT_SPEC).data).toEqual(held)
          checked++
          if (readFileSync(join(dir, 'state', `${CURRENT_DOC}.jsonl`), 'utf8').split('\n').length > 2) appended++
        }
      }
      expect(wechat.sent.some(s => s.text?.includes('已等待'))).toBe(true) // reminders fired between flushes
      expect(checked).toBeGreaterThan(5)
      expect(appended).toBeGreaterThan(2) // read back from records, not only from whole rewrites
    })
  }
})

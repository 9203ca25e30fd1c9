import { describe, expect, it } from 'vitest'
import { admin, exampleRuntime, sales, zhangsan } from '../helpers/example-world.js'
import { member, shanghai, text } from '../helpers/harness.js'

const boss = member('wxid_boss', '王总', '总经办-王总')

describe('the example config: notices count their deadline in working hours, as activity and service do', () => {
  it.each([
    ['Monday 08:50', '2026-11-30T08:50', '在 09:30 前'],
    ['Sunday 19:22', '2026-11-29T19:22', '在 11-30 09:30 前'],
    ['Monday 11:50', '2026-11-30T11:50', '在 13:50 前'],
  ])('a notice at %s (%s) is due %s', async (_when, local, due) => {
    const h = await exampleRuntime(undefined, { start: shanghai(local) })
    h.wechat.addGroup(sales, [admin, zhangsan, boss])
    await h.rt.handle(text(boss, '【通知】明早交周报', shanghai(local), sales))
    await h.clock.advance(3_000)
    expect(h.wechat.textsTo(sales.id)).toEqual([
      `📌 已登记通知 N1（王强发布）：请 1 位同事${due}回复「收到」，也可以引用通知回复。`,
    ])
  })
})

import { describe, expect, it, vi } from 'vitest'
import { contentPlugin } from '../../../plugins/content/index.js'
import { member } from '../../helpers/harness.js'
import { CONTENT_CONFIG as CONFIG, one, spammer, two } from './content-customers.js'
import { eventually, fleetOfTwo, url } from './two-accounts.js'

describe.skipIf(!url)('the content incident window is fleet-wide', () => {
  it('merges a spammer’s repeat in account B’s group into the incident account A opened: one warning, one incident ×2', async () => {
    const [a, b] = await fleetOfTwo(CONFIG, [contentPlugin])
    a.wechat.addGroup(one, [spammer])
    b.wechat.addGroup(two, [spammer])
    await a.say(spammer, '兼 职 刷 单，加 v', one)
    await vi.waitFor(() => expect(a.wechat.textsTo('r1').join('\n')).toMatch(/违反群规/))

    // Within the incident window, the same spammer in B's group: a repeat of A's incident, not a new one.
    await b.say(spammer, '兼 职 刷 单，加 v', two)
    await b.say(member('admin1', '陈管理'), '#违规')
    await vi.waitFor(() => expect(b.wechat.textsTo('admin1').join('\n')).toMatch(/共 1 件：\nV1@sales1 .* ×2 →/))
    expect(b.wechat.textsTo('r2')).toEqual([])

    // A lists its own incident with B's repeat counted in.
    await b.store.flush()
    await a.say(member('admin1', '陈管理'), '#违规')
    await vi.waitFor(() => expect(a.wechat.textsTo('admin1').join('\n')).toMatch(/共 1 件：\nV1 .*优惠多多：.* ×2 →/))
  })

  it('opens a new incident in B once A’s incident window is over', async () => {
    const [a, b] = await fleetOfTwo(CONFIG, [contentPlugin])
    a.wechat.addGroup(one, [spammer])
    b.wechat.addGroup(two, [spammer])
    await a.say(spammer, '兼 职 刷 单，加 v', one)
    await vi.waitFor(() => expect(a.wechat.textsTo('r1').join('\n')).toMatch(/违反群规/))
    await b.clock.advance(86_400_000) // far past the window
    await b.say(spammer, '兼 职 刷 单，加 v', two)
    await vi.waitFor(() => expect(b.wechat.textsTo('r2').join('\n')).toMatch(/违反群规/))
  })
})

describe.skipIf(!url)('undoing another account’s strike', () => {
  const admin = member('admin1', '陈管理')
  const customer = member('c1', '刘总')

  /** Both accounts strike a spammer in their own group; each has an audit entry of the same number. */
  async function struckInBoth() {
    const [a, b] = await fleetOfTwo(CONFIG, [contentPlugin])
    a.wechat.addGroup(one, [spammer])
    b.wechat.addGroup(two, [customer])
    await a.fleet.renew() // sales1 renews after sales2 joined: it knows the fleet has two accounts
    await a.say(spammer, '兼 职 刷 单，加 v', one)
    await b.say(customer, '兼 职 刷 单，加 v', two)
    await vi.waitFor(() => expect(b.wechat.textsTo('r2').join('\n')).toMatch(/违反群规/))
    const strikeOf = (h: typeof a) => h.rt.audit.query({ plugin: 'content' }).find(e => e.type === 'strike')?.id
    const [ida, idb] = [strikeOf(a), strikeOf(b)]
    expect(ida).toBe(idb) // both number their audit entries alike: the bare id means this account's own
    await a.store.flush()
    await b.store.flush()
    return { a, b, id: ida as string }
  }

  it('answers with the bot account to message and the command, and undoes nothing here', async () => {
    const { a, b, id } = await struckInBoth()
    // The report names the account: its records are undone there.
    await eventually(a, () =>
      expect(a.wechat.textsTo('admin1').join('\n')).toContain(
        '查看与撤销：私聊机器人账号 「小助手sales1」(sales1) 发送 #违规 c3，',
      ),
    )
    await b.say(admin, `#撤销 ${id}@sales1`)
    await eventually(b, () =>
      expect(b.wechat.textsTo('admin1').join('\n')).toMatch(
        new RegExp(
          `\\n审计 ${id}@sales1 由机器人账号 「小助手sales1」\\(sales1\\) 记录，请私聊「小助手sales1」发送：#撤销 ${id}@sales1$`,
        ),
      ),
    )
    expect(b.rt.ledger.activeStrikes('c1', b.clock.now())).toHaveLength(1)
    expect(a.rt.ledger.activeStrikes('c3', a.clock.now())).toHaveLength(1)
    // Sent where it names, the same command undoes it.
    await a.say(admin, `#撤销 ${id}@sales1`)
    await eventually(a, () =>
      expect(a.wechat.textsTo('admin1').join('\n')).toMatch(new RegExp(`已撤销 ${id}：违规记录 1 条。$`)),
    )
    expect(a.rt.ledger.activeStrikes('c3', a.clock.now())).toEqual([])
    // An account the fleet has no such entry of is not a member's name either.
    await b.say(admin, `#撤销 ${id}@sales9`)
    await eventually(b, () =>
      expect(b.wechat.textsTo('admin1').join('\n')).toMatch(/\n找不到审计编号 A\d+@sales9（只查最近 30 天）/),
    )
  })

  it('a bare audit id this account lacks but one other account has is answered with that account, not a member lookup', async () => {
    const [a, b] = await fleetOfTwo(CONFIG, [contentPlugin])
    a.wechat.addGroup(one, [spammer])
    b.wechat.addGroup(two, [customer])
    await a.say(spammer, '兼 职 刷 单，加 v', one)
    await vi.waitFor(() => expect(a.wechat.textsTo('r1').join('\n')).toMatch(/违反群规/))
    const id = a.rt.audit.query({ plugin: 'content' }).find(e => e.type === 'strike')?.id as string
    await a.store.flush()
    expect(b.rt.audit.get(id)).toBeUndefined()
    await b.say(admin, `#撤销 ${id}`)
    await eventually(b, () =>
      expect(b.wechat.textsTo('admin1').join('\n')).toMatch(
        new RegExp(
          `(^|\\n)审计 ${id}@sales1 由机器人账号 「小助手sales1」\\(sales1\\) 记录，请私聊「小助手sales1」发送：#撤销 ${id}@sales1$`,
        ),
      ),
    )
    expect(a.rt.ledger.activeStrikes('c3', a.clock.now())).toHaveLength(1)
  })

  it('says in #违规 which account undoes a line, and #状态 counts what #违规 lists, with whose', async () => {
    const { b, id } = await struckInBoth()
    await b.say(admin, '#违规')
    await eventually(b, () => {
      const list = b.wechat.textsTo('admin1').join('\n')
      expect(list).toContain('\n最近 7 天的违规事件，共 2 件：')
      expect(list).toContain(`审计 ${id}@sales1（机器人账号 「小助手sales1」(sales1) 记录，在该账号撤销）`)
      expect(list).toContain(`例如私聊机器人账号 「小助手sales1」(sales1)：#撤销 ${id}@sales1`)
    })
    await b.say(admin, '#状态')
    await eventually(b, () =>
      expect(b.wechat.textsTo('admin1').join('\n')).toContain(
        '近 7 天违规 2 件（本账号 1 件，「小助手sales1」(sales1) 1 件）',
      ),
    )
  })
})

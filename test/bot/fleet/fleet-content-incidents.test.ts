import { describe, expect, it, vi } from 'vitest'
import { contentPlugin } from '../../../plugins/content/index.js'
import { group, member } from '../../helpers/harness.js'
import { fleetOfTwo, url } from './two-accounts.js'

const CONFIG = `
company: 示例科技
roles: { admin: [admin1] }
groups:
  - { name: 销售一群, topic: 销售一群, kind: customer }
  - { name: 销售二群, topic: 销售二群, kind: customer }
plugins:
  content: { dictionaries: [test/plugins/content/fixtures/test-dictionary.yaml], watch: false }
`
const one = group('r1', '销售一群', 'customer', '销售一群')
const two = group('r2', '销售二群', 'customer', '销售二群')
const spammer = member('c3', '优惠多多')

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

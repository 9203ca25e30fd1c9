import { describe, expect, it } from 'vitest'
import { realnamePlugin } from '../../../plugins/realname/index.js'
import { member, text } from '../../helpers/harness.js'
import { config, MIN, sales } from '../../plugins/realname/setup.js'
import { eventually, fleetOfTwo, url } from './two-accounts.js'

const admin = member('wxid_admin', '陈管理', '行政部-陈静')
const sun = member('wxid_sunqi', '孙七七')

describe.skipIf(!url)('real-name exemptions are fleet-wide', () => {
  it('honours in account B an exemption made through account A, and lifts it everywhere through B', async () => {
    const [a, b] = await fleetOfTwo(config(), [realnamePlugin], [['r-other'], [sales.id]], {
      file: 'test/plugins/realname/fixtures/test.yaml',
    })
    b.wechat.addGroup(sales, [admin])
    await a.say(admin, '#实名豁免 wxid_sunqi')
    await eventually(a, () => expect(a.wechat.textsTo('wxid_admin')).toEqual(['已豁免 wxid_sunqi 的实名昵称要求。']))
    await a.store.flush() // the interval flush of account A

    // 孙七七 joins B's group with a nickname that breaks the format: B leaves him alone after the grace period.
    b.wechat.addMembers(sales.id, [{ ...sun }])
    await b.rt.handle({ type: 'join', at: b.clock.now(), group: sales, members: [{ ...sun }] })
    await b.clock.advance(11 * MIN)
    await b.rt.enqueue(text(sun, '大家好', b.clock.now(), sales))
    // The listing is queued behind the grace check and his message: once it is answered, both were decided.
    await b.say(admin, '#实名豁免')
    await eventually(b, () => expect(b.wechat.textsTo('wxid_admin')).toEqual(['实名豁免名单：孙七七']))
    await b.clock.advance(MIN)
    expect(b.wechat.textsTo('wxid_sunqi')).toEqual([])

    // Lifted through B: A lists nobody, and B asks 孙七七 to rename the next time he speaks.
    await b.say(admin, '#实名豁免 取消 wxid_sunqi')
    await eventually(b, () => expect(b.wechat.textsTo('wxid_admin')).toHaveLength(2))
    await b.store.flush()
    await a.say(admin, '#实名豁免')
    await eventually(a, () =>
      expect(a.wechat.textsTo('wxid_admin').at(-1)).toBe('没有豁免的成员。用法：#实名豁免 [取消] @成员'),
    )
    await b.rt.enqueue(text(sun, '收到', b.clock.now(), sales))
    await eventually(b, () => expect(b.wechat.textsTo('wxid_sunqi')).toHaveLength(1))
  })
})

import { describe, expect, it } from 'vitest'
import { HINT_EVERY_MS, privateHintText } from '../../../bot/commands/private-hint.js'
import { admin, cust, exampleRuntime, sales, zhangsan } from '../../helpers/example-world.js'
import { member, text } from '../../helpers/harness.js'

async function start() {
  const h = await exampleRuntime()
  h.wechat.addGroup(sales, [admin, zhangsan])
  h.wechat.addGroup(cust, [{ ...zhangsan, groupAlias: '销售部-张三' }, member('wxid_c1', '刘总')])
  return h
}

const HINT = privateHintText('#')

describe('a private message to the bot that is no command', () => {
  it('someone the bot knows gets a hint about #帮助, once every few hours, not at every message', async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(zhangsan, '你好，怎么用？', clock.now()))
    await clock.advance(10_000)
    await rt.handle(text(zhangsan, '在吗', clock.now()))
    await clock.advance(10_000)
    expect(wechat.textsTo('wxid_zhangsan')).toEqual([HINT])
    await clock.advance(HINT_EVERY_MS)
    await rt.handle(text(zhangsan, '在吗', clock.now()))
    await clock.advance(10_000)
    expect(wechat.textsTo('wxid_zhangsan').filter(t => t === HINT)).toHaveLength(2)
  })

  it('a customer chatting privately, and anyone talking in a group, get no hint', async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(member('wxid_c1', '刘总'), '你好，怎么用？', clock.now()))
    await rt.handle(text(member('wxid_c1', '刘总'), '你好', clock.now(), cust))
    await rt.handle(text(zhangsan, '你好，怎么用？', clock.now(), sales))
    await clock.advance(10_000)
    expect(wechat.textsTo('wxid_c1')).toEqual([])
    expect(wechat.sent.map(s => s.text)).not.toContain(HINT)
  })

  it('`# 帮助`, `＃ 帮助` and a bare private `帮助` are #帮助; `# 标题` in a group stays talk', async () => {
    const { rt, clock, wechat } = await start()
    for (const t of ['# 帮助', '＃　帮助', '帮助？']) {
      await rt.handle(text(zhangsan, t, clock.now()))
      await clock.advance(10_000)
    }
    const answers = wechat.textsTo('wxid_zhangsan')
    expect(answers).toHaveLength(3)
    for (const a of answers) expect(a).toMatch(/^可用命令/)
    await rt.handle(text(zhangsan, '# 本周重点 跟进老客户', clock.now(), sales))
    await clock.advance(10_000)
    expect(wechat.textsTo(sales.id)).toEqual([])
  })
})

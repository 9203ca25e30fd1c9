import { describe, expect, it } from 'vitest'
import { admin, cust, exampleRuntime, sales, zhangsan } from '../../helpers/example-world.js'
import { member, text } from '../../helpers/harness.js'

const spammer = member('wxid_spam', '优惠多多')

/** The example config with every plugin and the demo roster: a sales group and a customer group. */
async function start() {
  const h = await exampleRuntime()
  h.wechat.addGroup(sales, [admin, zhangsan])
  h.wechat.addGroup(cust, [{ ...zhangsan, groupAlias: '销售部-张三' }, member('wxid_c1', '刘总'), spammer])
  return h
}

describe('names typed in private commands, as a new user types them', () => {
  it('#撤销 @优惠多多 typed privately finds the member by name (the @ is only text there)', async () => {
    const { rt, clock, wechat } = await start()
    const strike = {
      plugin: 'content',
      rule: 'content.strike',
      type: 'strike' as const,
      dryRun: false,
      memberId: 'wxid_spam',
    }
    const { id } = rt.audit.append(strike)
    const at = clock.now()
    rt.ledger.addStrike({ memberId: 'wxid_spam', category: 'ad', at, expiresAt: at + 86_400_000, auditId: id })
    await rt.handle(text(admin, '#撤销 @优惠多多', clock.now()))
    await clock.advance(10_000)
    expect(wechat.textsTo('wxid_admin').join('\n')).toContain(`已撤销 ${id}：违规记录 1 条。`)
  })

  it('#观察 takes the Chinese plugin name the listings show', async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(admin, '#观察 违规内容 关', clock.now()))
    await rt.handle(text(admin, '#观察 违规内容（content） 开', clock.now()))
    await rt.handle(text(admin, '#观察 没有这个 开', clock.now()))
    await rt.handle(text(admin, '#观察 contnt 开', clock.now()))
    await rt.handle(text(admin, '#观察 content 打开', clock.now()))
    await clock.advance(10_000)
    const [off, on, unknown, typo, badSwitch] = wechat
      .textsTo('wxid_admin')
      .join('\n')
      .split(/\n(?=违规内容（content） 观察|没有插件|「打开」)/)
    expect(off).toMatch(/^违规内容（content） 观察模式已关闭（所有群）。/)
    expect(on).toMatch(/^违规内容（content） 观察模式已开启（所有群）。/)
    expect(unknown).toMatch(/^没有插件「没有这个」。\n用法：#观察 <插件名\|全部> 开\|关。插件：.*违规内容（content）/)
    expect(typo).toMatch(/^没有插件「contnt」。您是不是要找 违规内容（content）？\n用法：/)
    expect(badSwitch).toMatch(/^「打开」不是开关，请写明「开」或「关」。\n用法：/)
  })
})

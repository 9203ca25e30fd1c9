import { describe, expect, it } from 'vitest'
import { BotRuntime } from '../../../bot/runtime/host/runtime.js'
import { member, text } from '../../helpers/harness.js'
import { cust, H, MIN, sales, start } from './setup.js'

const zhao = member('wxid_zhaoliu', '小赵')
const sun = member('wxid_sunqi', '孙七七')
const zhang = member('wxid_zhangsan', '张三', '销售部-张三')

describe('realname: join, grace period and escalation', () => {
  it('welcomes a newcomer once and leaves them alone when they rename within the grace period', async () => {
    const { clock, wechat, join } = await start()
    await join(sales, [zhao], zhang)
    await clock.advance(2 * MIN)
    const welcome = wechat.sent.find(s => 'room' in s.chat && s.chat.room === sales.id)
    expect(welcome?.mentions).toEqual(['wxid_zhaoliu'])
    expect(welcome?.text).toContain('欢迎加入「示例科技销售部工作群」！')
    expect(welcome?.text).toContain('1. 工作时间请勿刷屏')
    expect(welcome?.text).toContain(
      '请小赵在10分钟内把群昵称改为实名，格式：部门-姓名 或 地区-姓名（例如「销售部-张三」）',
    )
    wechat.rename(sales.id, 'wxid_zhaoliu', '销售部-赵六')
    await clock.advance(8 * H)
    expect(wechat.textsTo('wxid_zhaoliu')).toEqual([])
    expect(wechat.textsTo('wxid_admin')).toEqual([])
    expect(wechat.textsTo(sales.id)).toHaveLength(1)
  })

  it('welcomes nobody who left again, and names a re-joiner once', async () => {
    const { rt, clock, wechat, join } = await start()
    await join(sales, [zhao, sun], zhang)
    await rt.handle({ type: 'leave', at: clock.now(), group: sales, members: [sun] })
    await join(sales, [zhao], zhang)
    await clock.advance(2 * MIN)
    const welcomes = wechat.textsTo(sales.id).filter(t => t.includes('欢迎加入'))
    expect(welcomes).toHaveLength(1)
    expect(welcomes[0]).toContain('请小赵在10分钟内')
    expect(welcomes[0]).not.toContain('孙七七')
  })

  it('merges newcomers of one batch window into one welcome', async () => {
    const { clock, wechat, join } = await start()
    await join(sales, [zhao], zhang)
    await clock.advance(20_000)
    await join(sales, [sun], zhang)
    await clock.advance(5 * MIN)
    const welcomes = wechat.sent.filter(s => 'room' in s.chat && s.chat.room === sales.id)
    expect(welcomes).toHaveLength(1)
    expect(welcomes[0].mentions).toEqual(['wxid_zhaoliu', 'wxid_sunqi'])
    expect(welcomes[0].text).toContain('请小赵、孙七七在10分钟内')
  })

  it('escalates a newcomer who never renames: private reminder, @ in the group, admin report, then nothing more', async () => {
    const { clock, wechat, join } = await start()
    const t0 = clock.now()
    await join(sales, [sun], zhang)
    await clock.advance(9 * MIN)
    expect(wechat.textsTo('wxid_sunqi')).toEqual([])
    await clock.advance(2 * MIN)
    const [reminder] = wechat.textsTo('wxid_sunqi')
    expect(reminder).toContain('你在群里显示的名字「孙七七」不符合要求')
    expect(reminder).toContain('点击群聊右上角「…」→「我在本群的昵称」')
    await clock.advance(2 * H)
    const mention = wechat.sent.find(
      s => s.mentions?.includes('wxid_sunqi') && s.text?.includes('请尽快把群昵称改为实名'),
    )
    expect(mention?.at).toBeGreaterThanOrEqual(t0 + 10 * MIN + 2 * H)
    expect(wechat.textsTo('wxid_admin')).toEqual([])
    await clock.advance(2 * H)
    const [report] = wechat.textsTo('wxid_admin')
    expect(report).toContain('「示例科技销售部工作群」的 孙七七（wxid_sunqi）首次提醒后4小时仍未改为实名群昵称')
    expect(report).toContain('已私聊提醒、群内@提醒')
    await clock.advance(30 * H)
    expect(wechat.textsTo('wxid_sunqi')).toHaveLength(1)
    expect(wechat.sent.filter(s => s.mentions?.includes('wxid_sunqi'))).toHaveLength(2) // welcome + one @
    const [, digest] = wechat.textsTo('wxid_admin')
    expect(digest).toMatch(
      /^【实名巡检 2026-12-01】\n提醒步骤已用尽、群昵称仍不合规：\n- 孙七七（示例科技销售部工作群，未设置群昵称或未能读取/,
    )
    expect(wechat.textsTo('wxid_admin')).toHaveLength(2)
  })

  it('reports what the steps did in a customer group: the @ of a staff member went privately, not into the group', async () => {
    const { clock, wechat, join } = await start()
    await join(cust, [member('wxid_lisi', '李四', '李四')], zhang)
    await clock.advance(11 * MIN + 4 * H)
    const [, second] = wechat.textsTo('wxid_lisi')
    expect(second).toMatch(/^关于客户群「示例科技张三交流群」（只发给你，客户看不到）：/)
    expect(wechat.sent.filter(s => s.mentions?.includes('wxid_lisi') && s.text?.startsWith('请尽快'))).toEqual([])
    const [report] = wechat.textsTo('wxid_admin')
    expect(report).toContain('已私聊提醒、再次私聊提醒（客户群里不@员工）。')
    expect(report).not.toContain('群内@提醒')
  })

  it('keeps escalating after a restart (timers and cases are stored)', async () => {
    const { rt, clock, wechat, join } = await start()
    await join(sales, [sun], zhang)
    await clock.advance(11 * MIN)
    await rt.stop()
    const again = new BotRuntime(rt.deps)
    await again.start()
    await clock.advance(2 * H)
    expect(wechat.sent.filter(s => s.mentions?.includes('wxid_sunqi') && s.text?.startsWith('请尽快'))).toHaveLength(1)
    await clock.advance(2 * H)
    expect(wechat.textsTo('wxid_admin')[0]).toContain('首次提醒后4小时')
  })

  it('stops escalating as soon as the member has renamed', async () => {
    const { clock, wechat, join } = await start()
    await join(sales, [sun], zhang)
    await clock.advance(15 * MIN)
    expect(wechat.textsTo('wxid_sunqi')).toHaveLength(1)
    wechat.rename(sales.id, 'wxid_sunqi', '销售部-孙七')
    await clock.advance(6 * H)
    expect(wechat.sent.filter(s => s.mentions?.includes('wxid_sunqi') && s.text?.includes('实名'))).toHaveLength(1) // the welcome only
    expect(wechat.textsTo('wxid_admin')).toEqual([])
  })

  it('removes after the deadline when configured, and a failed removal is reported once, not retried', async () => {
    const steps = 'escalation: [{ action: remind, after: 0m }, { action: remove, after: 1h }]'
    const { rt, clock, wechat, join } = await start(steps)
    await join(sales, [sun], zhang)
    await clock.advance(2 * H)
    expect(wechat.removed).toEqual([])
    expect(wechat.textsTo('wxid_admin').filter(t => t.includes('移除成员失败'))).toHaveLength(1)
    await clock.advance(3 * 24 * H)
    expect(wechat.textsTo('wxid_admin').filter(t => t.includes('移除成员失败'))).toHaveLength(1)
    expect(rt.audit.query({ plugin: 'realname' }).filter(e => e.type === 'remove')).toHaveLength(1)

    const other = await start(steps)
    other.wechat.adminIn.add(sales.id)
    await other.join(sales, [sun], zhang)
    await other.clock.advance(2 * H)
    expect(other.wechat.removed).toEqual([{ groupId: sales.id, memberId: 'wxid_sunqi' }])
  })

  it('in dry-run records every step in the audit log and sends nothing', async () => {
    const { rt, clock, wechat, join } = await start('dryRun: true')
    await join(sales, [sun], zhang)
    await clock.advance(5 * H)
    expect(wechat.sent).toEqual([])
    const types = rt.audit
      .query({ plugin: 'realname' })
      .filter(e => e.dryRun)
      .map(e => e.type)
    expect(types).toEqual(expect.arrayContaining(['say', 'remind', 'warn', 'notifyAdmins']))
  })

  it('reminds a non-compliant member who speaks, at most once a day', async () => {
    const { rt, clock, wechat } = await start('escalation: [{ action: remind, after: 0m }]')
    wechat.rename(sales.id, 'wxid_wangwu', '王五🌟')
    const wang = member('wxid_wangwu', '王五', '王五🌟')
    await rt.handle(text(wang, '收到', clock.now(), sales))
    await clock.advance(MIN)
    await rt.handle(text(wang, '好的', clock.now(), sales))
    await clock.advance(MIN)
    const reminders = wechat.textsTo('wxid_wangwu')
    expect(reminders).toHaveLength(1)
    expect(reminders[0]).toContain('含有表情符号「🌟」')
    expect(reminders[0]).toContain('请修改为：销售部-王五')
    await clock.advance(25 * H)
    await rt.handle(text(wang, '明白', clock.now(), sales))
    await clock.advance(MIN)
    expect(wechat.textsTo('wxid_wangwu')).toHaveLength(2)
  })

  it('does not remind newcomers who speak within their grace period', async () => {
    const { rt, clock, wechat, join } = await start()
    await join(sales, [zhao], zhang)
    await clock.advance(MIN)
    await rt.handle(text(zhao, '大家好，我是新来的赵六', clock.now(), sales))
    await clock.advance(2 * MIN)
    expect(wechat.textsTo('wxid_zhaoliu')).toEqual([])
  })
})

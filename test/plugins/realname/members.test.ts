import { describe, expect, it } from 'vitest'
import { member, text } from '../../helpers/harness.js'
import { cust, H, MIN, sales, start } from './setup.js'

const zhang = member('wxid_zhangsan', '张三', '销售部-张三')

describe('realname: customers, unknown people, leavers and the daily sweep', () => {
  it('exempts customers in customer groups but holds staff there to the company+name+phone format', async () => {
    const { rt, clock, wechat, join } = await start()
    await join(cust, [member('wxid_c9', '陈女士')], zhang)
    await clock.advance(2 * MIN)
    const [welcome] = wechat.textsTo(cust.id)
    expect(welcome).toBe('欢迎加入「示例科技张三交流群」！\n群规：\n1. 工作时间请勿刷屏')
    await rt.handle(text(member('wxid_c9', '陈女士'), '请问有优惠吗', clock.now(), cust))
    await join(cust, [member('wxid_lisi', '李四', '李四')], zhang)
    await clock.advance(30 * MIN)
    expect(wechat.textsTo('wxid_c9')).toEqual([])
    const [reminder] = wechat.textsTo('wxid_lisi')
    expect(reminder).toContain('请修改为：示例科技李四13800138002')
  })

  it('reports someone who is not on the roster to the admins, naming the inviter, without reminding them', async () => {
    const { clock, wechat, join } = await start()
    await join(sales, [member('wxid_family', '张三家属')], zhang)
    await clock.advance(5 * MIN)
    wechat.rename(sales.id, 'wxid_family', '销售部-张三家属')
    await clock.advance(6 * MIN)
    const [report] = wechat.textsTo('wxid_admin')
    expect(report).toContain(
      '「示例科技销售部工作群」中有花名册上没有的成员：张三家属（wxid_family，群昵称「销售部-张三家属」）：姓名「张三家属」不在花名册上',
    )
    expect(report).toContain('邀请人：张三')
    await clock.advance(6 * H)
    expect(wechat.textsTo('wxid_family')).toEqual([])
    expect(wechat.textsTo('wxid_admin')).toHaveLength(1) // the same-day sweep does not repeat it
    await clock.advance(19 * H) // Tuesday 10:11: that day's sweep does
    expect(wechat.textsTo('wxid_admin')[1]).toContain(
      '花名册上没有的成员（家属及非本公司人员不得加入内部群）：\n- 张三家属（示例科技销售部工作群，群昵称「销售部-张三家属」）',
    )
  })

  it('a reminded newcomer who renames to a name not on the roster counts as 花名册外 in #状态, as #实名检查 lists him', async () => {
    const { rt, clock, wechat, join } = await start()
    const xin = member('wxid_newbie', '小新', '小新新')
    await join(sales, [xin], zhang)
    await clock.advance(15 * MIN)
    expect(wechat.textsTo('wxid_newbie')).toHaveLength(1) // the format reminder
    wechat.rename(sales.id, 'wxid_newbie', '销售部-小新')
    await rt.handle(text({ ...xin, groupAlias: '销售部-小新' }, '改好了', clock.now(), sales))
    await rt.handle(text(member('wxid_admin', '陈管理'), '#状态', clock.now()))
    await clock.advance(MIN)
    const status = wechat.textsTo('wxid_admin').find(t => t.includes('实名待整改'))
    expect(status).toContain('实名待整改 0 人，花名册外 1 人')
    expect(wechat.textsTo('wxid_admin').join('\n')).toContain('姓名「小新」不在花名册上')
  })

  it("catches someone who copies a bound colleague's name", async () => {
    const { clock, wechat, join } = await start()
    await join(sales, [member('wxid_fake', '张三', '销售部-张三')], zhang)
    await clock.advance(11 * MIN)
    expect(wechat.textsTo('wxid_admin')[0]).toContain('花名册上的「张三」已绑定其他微信号')
  })

  it('warns staff who quit an internal group by themselves: strike in the ledger, admins and member told', async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle({ type: 'leave', at: clock.now(), group: sales, members: [member('wxid_zhangsan', '张三')] })
    await clock.advance(MIN)
    expect(rt.ledger.activeStrikes('wxid_zhangsan', clock.now(), 'realname.quit')).toHaveLength(1)
    const entry = rt.audit.query({ plugin: 'realname' }).find(e => e.type === 'strike')
    // Said once in #审计 (the text), not again as its reason.
    expect(entry).toMatchObject({ text: '自行退出「示例科技销售部工作群」' })
    expect(entry?.reason).toBeUndefined()
    expect(wechat.textsTo('wxid_admin')).toEqual([
      '【退群】张三（wxid_zhangsan）主动退出了内部群「示例科技销售部工作群」，已记录一次警告（30天内有效）。',
    ])
    expect(wechat.textsTo('wxid_zhangsan')[0]).toContain('已记录一次警告')
  })

  it('only records members who were removed, and customers who leave a customer group', async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle({
      type: 'leave',
      at: clock.now(),
      group: sales,
      members: [member('wxid_wangwu', '王五')],
      remover: member('wxid_admin', '陈管理'),
    })
    await rt.handle({ type: 'leave', at: clock.now(), group: cust, members: [member('wxid_c1', '刘总')] })
    await clock.advance(MIN)
    expect(wechat.sent).toEqual([])
    expect(rt.ledger.activeStrikes('wxid_wangwu', clock.now())).toEqual([])
    expect(rt.audit.query({ plugin: 'realname' }).map(e => e.text)).toEqual(
      expect.arrayContaining(['王五 被 陈静 移出「示例科技销售部工作群」', '刘总 退出了「示例科技张三交流群」']),
    )
  })

  it('sweeps daily: learns the members first, then finds QR-code newcomers, silent leavers and renamed nicknames', async () => {
    const { rt, clock, wechat } = await start()
    await clock.advance(31 * MIN) // Monday 09:31: first sweep only learns who is there
    expect(wechat.sent).toEqual([])
    wechat.addGroup(sales, [
      member('wxid_admin', '陈管理', '行政部-陈静'),
      member('wxid_wangwu', '王五', '王五🌟'),
      member('wxid_qr', '小钱'),
    ])
    await clock.advance(24 * H) // Tuesday 09:31
    const [digest] = wechat.textsTo('wxid_admin')
    expect(digest).toContain('未收到入群通知的新成员（扫码等方式入群，宽限期后核对）：小钱（示例科技销售部工作群）')
    expect(digest).toContain('已不在群内（未收到退群通知，无法判断是否主动退出）：张三（示例科技销售部工作群）')
    expect(wechat.textsTo('wxid_wangwu')[0]).toContain('含有表情符号「🌟」')
    expect(rt.ledger.activeStrikes('wxid_zhangsan', clock.now())).toEqual([])
    await clock.advance(11 * MIN)
    expect(wechat.textsTo('wxid_qr')[0]).toContain('你在群里显示的名字「小钱」不符合要求')
  })

  it('does not sweep on weekends and statutory holidays by default', async () => {
    const { clock, wechat } = await start('', { start: Date.parse('2026-12-05T01:00:00Z') }) // Saturday 09:00
    wechat.rename(sales.id, 'wxid_wangwu', '王五')
    await clock.advance(24 * H)
    expect(wechat.textsTo('wxid_wangwu')).toEqual([])
    await clock.advance(25 * H) // Monday 10:00
    expect(wechat.textsTo('wxid_wangwu')).toHaveLength(1)
  })
})

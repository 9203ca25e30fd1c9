import { describe, expect, it } from 'vitest'
import { runtimeSource } from '../../../bot/console/source.js'
import { type ArchiveRecord, RECORD_VERSION } from '../../../plugins/archive/capture/record.js'
import { admin, auditor, customer, customers, li, sales, setup, zhang } from './setup.js'

/** The archive's console views of a setup. */
function viewsOf(h: Awaited<ReturnType<typeof setup>>) {
  const views = runtimeSource(h.rt).views('archive')
  if (!views) throw new Error('archive views missing')
  return views
}

/** The head and hits of the auditor's last `#记录 搜索` answer. */
const lastAnswer = (h: Awaited<ReturnType<typeof setup>>) => h.to('aud1').slice(h.to('aud1').lastIndexOf('🔎 记录搜索'))

describe('archive: what an auditor sees by default, whatever starts with the command prefix', () => {
  it("finds a salesperson's #私下转账给我 … in a customer group: the customer read it, it names no command", async () => {
    const h = await setup()
    h.wechat.addGroup(customers, [zhang, customer])
    await h.say(zhang, '#私下转账给我 给你打8折 别告诉公司', customers)
    await h.say(auditor, '#记录 搜索 打8折')
    expect(lastAnswer(h)).toContain('全部会话：共 1 条')
    expect(lastAnswer(h)).toContain('张三：#私下转账给我 给你打8折 别告诉公司')
    // The console's default search and the chat's page show it too.
    const views = viewsOf(h)
    const skipCommands = await views.commandTalk()
    const found = await views.search({ from: '2026-11-30', to: '2026-11-30', words: ['打8折'], skipCommands }, 'aud1')
    expect(found.hits.map(x => x.record.text)).toEqual(['#私下转账给我 给你打8折 别告诉公司'])
    const page = await views.browse(
      { chat: 'r-cust', from: '2026-11-30', to: '2026-11-30', order: 'oldest', page: 1, skipCommands },
      'aud1',
    )
    expect(page.records.map(x => x.record.text)).toEqual(['#私下转账给我 给你打8折 别告诉公司'])
    expect(page.hiddenCommands).toBe(0)
  })

  it("in a customer group leaves out only the bot's messages: a staff #记录 … and a customer's #帮助 are shown", async () => {
    const h = await setup()
    h.wechat.addGroup(customers, [zhang, customer])
    await h.say(zhang, '#记录 搜索 退款', customers) // a real command, read by the customer (its refusal goes privately)
    await h.say(customer, '#帮助', customers) // answered in the group: the bot's answer is left out
    expect(h.to('r-cust')).toContain('您好，有任何问题请直接在群里留言')
    const views = viewsOf(h)
    const page = await views.browse(
      {
        chat: 'r-cust',
        from: '2026-11-30',
        to: '2026-11-30',
        order: 'oldest',
        page: 1,
        skipCommands: await views.commandTalk(),
      },
      'aud1',
    )
    expect(page.records.map(x => `${x.record.sender.name}：${x.record.text}`)).toEqual([
      '张三：#记录 搜索 退款',
      '刘总：#帮助',
    ])
    expect(page.hiddenCommands).toBe(1)
    await h.say(auditor, '#记录 搜索 退款')
    expect(lastAnswer(h)).toContain('全部会话：共 1 条')
    expect(lastAnswer(h)).toContain('张三：#记录 搜索 退款')
    await h.say(auditor, '#记录 搜索 工作人员')
    expect(lastAnswer(h)).toContain('另有 1 条命令/机器人消息（默认不搜索），加「含命令」查看。')
  })

  it('in an internal group leaves out a command the bot knows, never a prefixed word that names none', async () => {
    const h = await setup()
    h.wechat.addGroup(sales, [admin, li])
    await h.say(li, '#回扣 明天给你 别声张', sales)
    await h.say(admin, '#记录 搜索 明天给你', sales) // a command (refused in a group): left out
    await h.say(auditor, '#记录 搜索 明天给你')
    expect(lastAnswer(h)).toContain('全部会话：共 1 条')
    expect(lastAnswer(h)).toContain('李四-南宁：#回扣 明天给你 别声张')
    expect(lastAnswer(h)).not.toContain('陈管理')
    await h.say(auditor, '#记录 搜索 明天给你 含命令')
    expect(lastAnswer(h)).toContain('陈管理：#记录 搜索 明天给你')
  })

  it('reads records stored before the rule by the same rule: nothing is written again', async () => {
    const h = await setup()
    h.wechat.addGroup(customers, [zhang, customer])
    await h.say(customer, '你好', customers)
    // As an older release stored it (version 1, no field added since): a prefixed line in the customer group.
    const old: ArchiveRecord = {
      v: RECORD_VERSION,
      seq: 99,
      id: 'old-1',
      at: h.clock.now(),
      chat: 'r-cust',
      topic: '张三交流群',
      sender: { id: 'zhang', name: '张三' },
      type: 'text',
      text: '#帮助 私下返点5%',
      mentions: [],
    }
    await h.backend.append(old, '2026-11-30')
    const before = (await h.records('r-cust')).find(r => r.id === 'old-1')
    await h.say(auditor, '#记录 搜索 返点')
    expect(lastAnswer(h)).toContain('全部会话：共 1 条')
    expect(lastAnswer(h)).toContain('张三：#帮助 私下返点5%')
    expect((await h.records('r-cust')).find(r => r.id === 'old-1')).toEqual(before)
  })
})

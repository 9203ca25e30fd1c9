import { describe, expect, it } from 'vitest'
import { admin, auditor, customer, customers, li, sales, setup, zhang } from './setup.js'

const DAY = 86_400_000

/** A conversation over two days in both groups. */
async function history() {
  const h = await setup()
  await h.say(customer, '你好，想了解净水器', customers)
  await h.say(zhang, '刘总您好，我们有三款', customers)
  await h.say(customer, '退款流程是怎样的？', customers)
  await h.say(zhang, '七天无理由退款', customers)
  await h.say(li, '今天的退款申请汇总一下', sales)
  await h.say(li, '[图片]', sales, { kind: 'image', attachment: { fileName: '退款截图.jpg' } })
  await h.clock.advance(DAY)
  const late = await h.say(customer, '我再考虑退款的事', customers)
  await h.say(customer, late.id, customers, { kind: 'recalled' })
  return h
}

describe('archive: search in chat', () => {
  it('finds a word in every chat, newest first, with the messages before and after', async () => {
    const h = await history()
    await h.say(auditor, '#记录 搜索 退款')
    const reply = h.to('aud1')
    expect(reply).toContain('🔎 记录搜索 「退款」 · 2026-11-02 至 2026-12-01 · 全部会话：共 5 条')
    expect(reply).toContain('1. [张三交流群（客户群）] 12-01 09:01 刘总：我再考虑退款的事（已撤回）')
    expect(reply).toContain('[销售部工作群（内部群）] 11-30 09:00 李四-南宁：[图片 退款截图.jpg]')
    expect(reply).toMatch(
      /刘总：退款流程是怎样的？\n {3}↑ 11-30 09:00 张三：刘总您好，我们有三款\n {3}↓ 11-30 09:00 张三：七天无理由退款/,
    )
  })

  it('narrows by group, date, member and type', async () => {
    const h = await history()
    await h.say(auditor, '#记录 搜索 退款 客户群 2026-11-30')
    expect(h.to('aud1')).toContain('「退款」 · 2026-11-30 至 2026-11-30 · 客户群：共 2 条')
    await h.say(auditor, '#记录 搜索 退款 人:张三')
    expect(h.to('aud1')).toContain('「退款」 · 成员 张三 · 2026-11-02 至 2026-12-01 · 全部会话：共 1 条')
    await h.say(auditor, '#记录 搜索 人:li 类型:图片')
    expect(h.to('aud1')).toContain('成员 li · 类型 图片 · 2026-11-02 至 2026-12-01 · 全部会话：共 1 条')
    await h.say(auditor, '#记录 搜索 退款 销售群 2026-12-01')
    expect(h.to('aud1')).toContain('「退款」 · 2026-12-01 至 2026-12-01 · 销售群：共 0 条')
  })

  it('writes every search to the audit log and the access log, with who and what', async () => {
    const h = await history()
    await h.say(admin, '#记录 搜索 退款 客户群')
    const entry = h.rt.audit.query({ plugin: 'archive' }).find(e => e.rule === 'archive.search')
    expect(entry).toMatchObject({
      memberId: 'admin1',
      text: '搜索 「退款」 · 2026-11-02 至 2026-12-01 · 客户群，命中 3 条',
    })
    const searches = (await h.backend.readAccess('2026-12-01', '2026-12-01')).filter(e => e.action === 'search')
    expect(searches).toEqual([
      {
        v: 1,
        at: h.clock.now() - 10_000,
        who: 'admin1',
        action: 'search',
        detail: '「退款」 · 2026-11-02 至 2026-12-01 · 客户群',
        count: 3,
      },
    ])
  })

  it('refuses staff, and refuses the command inside a group (the archive is never sent into a group)', async () => {
    const h = await history()
    await h.say(zhang, '#记录 搜索 退款')
    expect(h.to('zhang')).toBe('⛔ 没有权限：#记录 需要「审计员」角色。')
    expect(h.rt.audit.query({ plugin: 'runtime' }).find(e => e.type === 'refused')).toMatchObject({ memberId: 'zhang' })
    await h.say(auditor, '#记录 搜索 退款', sales)
    expect(h.to('r-sales')).toContain('#记录 请私聊机器人使用。')
    expect(h.to('r-sales')).not.toContain('退款流程')
  })

  it('answers with the usage when no word or member is given', async () => {
    const h = await history()
    await h.say(auditor, '#记录 搜索 客户群')
    expect(h.to('aud1')).toContain('请给出要搜索的词或成员。')
    await h.say(auditor, '#记录')
    expect(h.to('aud1')).toContain('用法：#记录 搜索 <词> [群] [日期] [人:成员] [类型:图片]')
  })
})

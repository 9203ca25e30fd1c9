import { describe, expect, it } from 'vitest'
import { member } from '../../helpers/harness.js'
import { DEFAULT_DICTIONARY } from '../../../plugins/content/config.js'
import { admin, CUSTOMERS_CONTACT, cust, MIN, sales, spammer, start, wangwu, zhangsan } from './setup.js'

describe('#违规', () => {
  it("lists recent incidents with the strike's audit id that #撤销 takes, and shows it revoked afterwards", async () => {
    const h = await start(CUSTOMERS_CONTACT)
    await h.post(spammer, cust, '兼 职 刷 单，加 v')
    await h.post(spammer, cust, '日赚 500', {}, 2 * MIN)
    await h.post(wangwu, sales, '内部价格表别外传')
    const strikes = h
      .audit()
      .filter(a => a.type === 'strike')
      .map(a => a.id)
    await h.post(admin, undefined, '#违规')
    await h.drain()
    const [list] = h.wechat.textsTo('wxid_admin').filter(t => t.startsWith('最近'))
    expect(list).toContain('共 2 件')
    expect(list).toMatch(
      new RegExp(
        `V2 11-30 09:0\\d 示例科技销售部工作群 王五：泄露机密 → 群内警告、报告管理员、记违规；审计 ${strikes[1]}（违规记录有效）`,
      ),
    )
    expect(list).toMatch(
      new RegExp(
        `V1 .* 优惠多多：无关商业广告、私加联系方式 ×2 → 群内警告、报告管理员、记违规；审计 ${strikes[0]}（违规记录有效）`,
      ),
    )
    expect(list).toContain('#撤销 <审计编号>')
    await h.post(admin, undefined, `#撤销 ${strikes[1]}`)
    await h.post(admin, undefined, '#违规 王五')
    await h.drain()
    const after = h.wechat
      .textsTo('wxid_admin')
      .filter(t => t.startsWith('最近'))
      .at(-1)
    expect(after).toContain(`审计 ${strikes[1]}（已撤销）`)
    expect(after).not.toContain('优惠多多')
  })

  it('filters by @member in a group and answers the admin privately, not in the group', async () => {
    const h = await start()
    await h.post(spammer, cust, '兼职刷单')
    await h.post(wangwu, sales, '成本价多少')
    await h.post(admin, cust, '@优惠多多 #违规', { mentions: ['wxid_c3'] })
    await h.drain()
    const groupTexts = h.wechat.textsTo(cust.id)
    expect(groupTexts.some(t => t.includes('违规事件'))).toBe(false)
    const list = h.wechat.textsTo('wxid_admin').find(t => t.startsWith('最近'))
    expect(list).toContain('优惠多多')
    expect(list).not.toContain('王五')
  })

  it('answers the admin privately also while content is in observe mode (the asker is always answered)', async () => {
    const h = await start()
    await h.post(spammer, cust, '兼职刷单')
    h.rt.modes.set('content', true)
    await h.post(admin, cust, '#违规')
    await h.drain()
    expect(h.wechat.textsTo('wxid_admin').find(t => t.startsWith('最近'))).toContain('优惠多多')
    expect(h.wechat.textsTo(cust.id).filter(t => t.includes('违规事件'))).toEqual([])
  })

  it('refuses members who are not admins', async () => {
    const h = await start()
    await h.post(zhangsan, undefined, '#违规')
    await h.drain()
    expect(h.wechat.textsTo('wxid_zhangsan')).toEqual(['⛔ 没有权限：#违规 需要「管理员」角色。'])
  })

  it('says so when nobody matches, and names a known member who has none', async () => {
    const h = await start()
    await h.post(admin, undefined, '#违规 不存在的人')
    await h.post(admin, undefined, '#违规 3')
    await h.post(admin, undefined, '#违规 张三')
    await h.drain()
    expect(h.wechat.textsTo('wxid_admin')).toEqual([
      '找不到成员「不存在的人」。可用 @成员、花名册姓名、群昵称或微信 ID。用法：#违规 [@成员|微信ID|名字] [天数]',
      '最近 3 天没有违规事件。',
      '最近 7 天没有违规事件（张三（示例科技销售部工作群））。',
    ])
  })

  it('reads a day count in Chinese (三十, 三十天) and answers a count it cannot read with the usage, not 7 days', async () => {
    const h = await start()
    await h.post(admin, undefined, '#违规 张三 三十')
    await h.post(admin, undefined, '#违规 三十天')
    await h.post(admin, undefined, '#违规 张三 三十x')
    await h.post(admin, undefined, '#违规 30 7')
    await h.drain()
    expect(h.wechat.textsTo('wxid_admin')).toEqual([
      '最近 30 天没有违规事件（张三（示例科技销售部工作群））。',
      '最近 30 天没有违规事件。',
      '看不懂「三十x」：天数请写数字或中文，例如 30、三十、三十天。用法：#违规 [@成员|微信ID|名字] [天数]',
      '只能给一个天数（多了「7」）：天数请写数字或中文，例如 30、三十、三十天。用法：#违规 [@成员|微信ID|名字] [天数]',
    ])
  })

  it('asks which one when a name means several people, as #撤销 does, and takes the id it is given', async () => {
    const h = await start()
    // A second 王五, a customer in a customer group: the name alone no longer says whose incidents.
    h.wechat.addMembers(cust.id, [member('wxid_wangwu2', '王五')])
    await h.post(wangwu, sales, '内部价格表别外传')
    await h.post(admin, undefined, '#违规 @王五')
    await h.post(admin, undefined, '#违规 wxid_wangwu')
    await h.drain()
    const [ask, list] = h.wechat.textsTo('wxid_admin').filter(t => !t.startsWith('🚨'))
    expect(ask).toBe(
      '「王五」对应 2 个人（王五（示例科技销售部工作群） wxid_wangwu、王五（示例科技张三交流群） wxid_wangwu2），请用 @成员 或微信 ID 指明是哪一位。',
    )
    expect(list).toMatch(/^最近 7 天的违规事件（王五），共 1 件：\nV1 .* 王五：泄露机密/)
  })
})

describe('#词库', () => {
  it('shows admins what a text matches and why: category, severity, original span, normalised form, term', async () => {
    const h = await start()
    await h.post(admin, undefined, '#词库 测试 兼 职 刷 单，加 V 详聊 www.evil.top 加VIP 每日赚取')
    await h.drain()
    const [reply] = h.wechat.textsTo('wxid_admin')
    expect(reply.split('\n')).toEqual([
      '命中 3 处：',
      '· 无关商业广告（ad，中）：原文「兼 职 刷 单」位置 0–7，规范化为「兼职刷单」，命中词条「兼职刷单」',
      '· 私加联系方式（contact，中）：原文「加 V」位置 8–11，规范化为「加v」，命中词条「加v」',
      '· 未经许可的链接（link，中）：原文「www.evil.top」位置 15–27，域名 www.evil.top 不在白名单',
      '按最重的「中」处理：内部群 群内警告、记违规；客户群 群内警告、报告管理员、记违规；公告群 群内警告、报告管理员、记违规',
    ])
    expect(h.audit().map(e => `${e.type} ${e.rule}`)).toEqual(['say command.词库']) // the answer only, no penalty
  })
  it('names the allowed domain a look-alike host imitates (newuser9)', async () => {
    const h = await start()
    await h.post(admin, undefined, '#词库 测试 官网 example.corn/x')
    await h.drain()
    expect(h.wechat.textsTo('wxid_admin')[0]).toContain(
      '域名 example.corn 不在白名单，用形近字母冒充白名单域名 example.com',
    )
  })

  it('marks categories under observation and reports no match', async () => {
    const h = await start('dryRunCategories: [contact]')
    await h.post(admin, undefined, '#词库 测试 加我微信')
    await h.post(admin, undefined, '#词库 测试 以下是今天的拜访计划')
    await h.drain()
    const [hit, none] = h.wechat.textsTo('wxid_admin')
    expect(hit).toContain('私加联系方式（contact，中，观察中）')
    expect(none).toBe('「以下是今天的拜访计划」没有命中任何类别（允许短语中的词不算命中）。')
  })

  it('says why a dictionary word the text writes is no hit: slang without a context word, a term talked about (newuser9)', async () => {
    const h = await start('', [DEFAULT_DICTIONARY])
    await h.post(admin, undefined, '#词库 测试 出厂价是多少')
    await h.post(admin, undefined, '#词库 测试 客户问进货价是多少')
    await h.drain()
    const [slang, talked] = h.wechat.textsTo('wxid_admin')
    expect(slang).toBe(
      [
        '「出厂价是多少」没有命中任何类别（允许短语中的词不算命中）。',
        '· 「出厂价」是 泄露机密（confidential）的黑话：前后 10 个字以内要有上下文词（如 毛一条、块一条、元一条）才算命中。要它单独也算，在公司词库的 terms 里加它：#词库 添加 confidential 出厂价',
      ].join('\n'),
    )
    expect(talked).toContain(
      '· 词条「进货价」（泄露机密，confidential）在这里不算命中：在允许短语里，或读作在谈论它（转述别人的提问',
    )
  })

  it('shows the dictionary status and only works in private for admins', async () => {
    const h = await start()
    await h.post(admin, undefined, '#词库')
    await h.post(admin, sales, '#词库 测试 成本价')
    await h.post(zhangsan, undefined, '#词库 测试 成本价')
    await h.drain()
    const [status] = h.wechat.textsTo('wxid_admin')
    expect(status).toMatch(/^词库版本 1，加载于 11-30 09:00：5 类 10 个词，链接白名单 2 个域名/)
    expect(status).toContain('泄露机密（confidential，重，2 词）')
    expect(status.split('\n').at(-1)).toBe(
      '用法：#词库 测试 <文本>｜#词库 重载｜#词库 添加 <类别> <词>｜#词库 删除 <类别> <词>｜#词库 允许 <类别> <短语>（类别用上面括号里的英文名，如 ad）',
    )
    expect(h.wechat.textsTo(sales.id)).toEqual(['#词库 请私聊机器人使用。'])
    expect(h.wechat.textsTo('wxid_zhangsan')).toEqual(['⛔ 没有权限：#词库 需要「管理员」角色。'])
  })

  it.each([
    ['#词库 删掉 ad 代购', '删除'],
    ['#词库 增加 ad 代购', '添加'],
    ['#词库 重新加载', undefined],
  ])('refuses a mistyped subcommand (%s) instead of answering with the status', async (text, near) => {
    const h = await start()
    await h.post(admin, undefined, text)
    await h.drain()
    const [reply] = h.wechat.textsTo('wxid_admin')
    const word = text.split(' ')[1]
    expect(reply).toMatch(
      new RegExp(`^#词库 没有「${word}」这个用法。${near ? `您是不是要找 #词库 ${near}？` : '\\n'}`),
    )
    expect(reply).toContain('用法：#词库 测试 <文本>｜#词库 重载｜#词库 添加 <类别> <词>｜#词库 删除 <类别> <词>')
    expect(reply).not.toContain('词库版本')
  })

  it('tells a non-admin who tries #词库 in a customer group that it needs the admin role, not to message the bot', async () => {
    const h = await start()
    await h.post(zhangsan, cust, '#词库 测试 碧源')
    await h.drain()
    expect(h.wechat.textsTo('wxid_zhangsan')).toEqual(['⛔ 没有权限：#词库 需要「管理员」角色。'])
    expect(h.wechat.textsTo(cust.id)).toEqual([])
  })
})

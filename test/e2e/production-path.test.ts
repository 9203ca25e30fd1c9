import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBot, teardown, waitUntil, type BotProcess } from './bot-process.js'
import { e2eConfig } from './e2e-config.js'
import { startPuppetService, type PuppetService } from './puppet-service.js'

const SALES = 'r-sales@chatroom'
let service: PuppetService
let bot: BotProcess

const sentTo = (chat: string, pattern: RegExp) =>
  service.world.sent.filter(s => (s.roomId ?? s.toContactId) === chat && pattern.test(s.text ?? ''))
const waitSent = (chat: string, pattern: RegExp, ms = 45_000) =>
  waitUntil(
    () => sentTo(chat, pattern).length > 0,
    ms,
    `a message to ${chat} matching ${pattern}; sent: ${JSON.stringify(service.world.sent.map(s => s.text?.slice(0, 40)))}\nbot output:\n${bot
      .output()
      .split('\n')
      .filter(l => !/not a contact|dirty/.test(l))
      .slice(-30)
      .join('\n')}`,
  )

beforeAll(async () => {
  service = await startPuppetService()
  const { configFile, dataDir } = e2eConfig()
  bot = startBot(service, configFile, dataDir)
  await bot.waitFor(/就绪 ready/)
})

afterAll(() => teardown(bot, service))

describe('npm start over a real wechaty-puppet-service connection', () => {
  it('answers #状态 from an admin with a health line, privately (as #审计)', async () => {
    service.world.say('wxid_admin', { room: SALES }, '#状态')
    // In December without next year's holiday data the health line names the missing calendar (date-dependent).
    await waitSent('wxid_admin', /健康：(✅ 正常|⚠️ 节假日日历缺少数据)[\s\S]*受管理的群：5 个/)
  })

  it('warns a member who posts an evasive ad in a customer group and reports it to the admins', async () => {
    service.world.say('wxid_c3', { room: 'r-cust-zhangsan@chatroom' }, '兼 职 刷 单，日 赚 五百，加 v 详聊')
    await waitSent('r-cust-zhangsan@chatroom', /违反群规/)
    expect(sentTo('r-cust-zhangsan@chatroom', /违反群规/)[0].text).not.toMatch(/刷单|刷 单/) // never repeats the offending words
    await waitSent('wxid_admin', /违规内容/)
  })

  it('stores a shared case and confirms it with its id', async () => {
    service.world.say(
      'wxid_zhangsan',
      { room: SALES },
      '#成交\n客户：刘总\n产品：净水器\n难点：价格异议\n做法：算了五年的滤芯账\n结果：签约',
    )
    await waitSent(SALES, /C\d+/)
  })

  it('refuses #状态 from a member who copied the admin nickname', async () => {
    service.world.setGroupAlias(SALES, 'wxid_wangwu', '行政部-陈静')
    service.world.say('wxid_wangwu', { room: SALES }, '#状态')
    await waitSent(SALES, /没有权限/)
    service.world.setGroupAlias(SALES, 'wxid_wangwu', '销售部-王五')
  })

  it('reminds a newcomer with a bad nickname after the grace period and reports to the admins', async () => {
    service.world.join(SALES, ['wxid_sunqi'], 'wxid_zhangsan')
    await waitSent(SALES, /欢迎加入/)
    await waitSent('wxid_sunqi', /实名群昵称/)
    await waitSent('wxid_admin', /实名/)
  })

  it('tracks a leader notice, reminds the silent and reports to the leader at the deadline', async () => {
    service.world.say('wxid_boss', { room: SALES }, '【通知】明天九点开会，收到请回复')
    await waitSent(SALES, /已登记通知/)
    service.world.say('wxid_zhangsan', { room: SALES }, '收到')
    await waitSent(SALES, /将于 .* 截止/)
    await waitSent('wxid_boss', /截止报告/) // privately to the leader who posted it
    const report = sentTo('wxid_boss', /截止报告/)[0].text!
    expect(report).toMatch(/按时回复（1）：张三/)
  })
})

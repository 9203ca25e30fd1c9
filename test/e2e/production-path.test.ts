import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBot, waitUntil, type BotProcess } from './bot-process.js'
import { e2eConfig } from './e2e-config.js'
import { startPuppetService, type PuppetService } from './puppet-service.js'

const SALES = 'r-sales@chatroom'
let service: PuppetService
let bot: BotProcess

const sentTo = (chat: string, pattern: RegExp) => service.world.sent.filter(s => (s.roomId ?? s.toContactId) === chat && pattern.test(s.text ?? ''))
const waitSent = (chat: string, pattern: RegExp, ms = 45_000) => waitUntil(() => sentTo(chat, pattern).length > 0, ms, `a message to ${chat} matching ${pattern}; sent: ${JSON.stringify(service.world.sent.map(s => s.text?.slice(0, 40)))}\nbot output:\n${bot.output().split('\n').filter(l => !/not a contact|dirty/.test(l)).slice(-30).join('\n')}`)

beforeAll(async () => {
  service = await startPuppetService()
  const { configFile, dataDir } = e2eConfig()
  bot = startBot(service, configFile, dataDir)
  await bot.waitFor(/就绪 ready/)
})

afterAll(async () => {
  bot?.kill('SIGTERM')
  await bot?.exited
  await service?.stop()
})

describe('npm start over a real wechaty-puppet-service connection', () => {
  it('answers #状态 from an admin with a health line', async () => {
    service.world.say('wxid_admin', { room: SALES }, '#状态')
    await waitSent(SALES, /健康：✅ 正常[\s\S]*受管理的群：5 个/)
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

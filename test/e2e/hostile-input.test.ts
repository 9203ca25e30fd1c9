import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBot, teardown, waitUntil, type BotProcess } from './bot-process.js'
import { e2eConfig } from './e2e-config.js'
import { startPuppetService, type PuppetService } from './puppet-service.js'

const SALES = 'r-sales@chatroom'
const CUSTOMERS = 'r-cust-zhangsan@chatroom'
const MB = 1024 * 1024
let service: PuppetService
let bot: BotProcess

beforeAll(async () => {
  service = await startPuppetService()
  const { configFile, dataDir } = e2eConfig()
  bot = startBot(service, configFile, dataDir)
  await bot.waitFor(/就绪 ready/)
})

afterAll(() => teardown(bot, service))

describe('hostile input over a real gRPC connection', () => {
  it('1 MB messages and commands and prototype keys: the bot stays up, answers #状态, echoes nothing long, leaks no error', async () => {
    const huge = '价格异议'.repeat(MB / 4)
    const hostile: [string, string, string][] = [
      ['wxid_zhangsan', SALES, huge],
      ['wxid_zhangsan', SALES, `#案例 搜索 ${huge}`],
      ['wxid_c3', CUSTOMERS, `#${'长'.repeat(MB / 3)}`],
      ['wxid_c3', CUSTOMERS, `#兼职刷单日赚五百加v详聊`],
      ['wxid_admin', SALES, '#活动 进度 __proto__'],
      ['wxid_admin', SALES, '#撤销 constructor'],
      ['wxid_admin', SALES, '#排期 审核 __proto__'],
      ['wxid_zhangsan', SALES, '#案例 查看 __proto__'],
      ['wxid_zhangsan', SALES, '#成交\n客户：__proto__\n产品：constructor\n结果：toString'],
      ['wxid_c3', CUSTOMERS, '\u202e\u0000\ud800 #帮助 \uffff'],
    ]
    for (const [from, room, text] of hostile) service.world.say(from, { room }, text)
    service.world.say('wxid_admin', { room: SALES }, '#状态')
    await waitUntil(
      () => service.world.sent.some(s => s.toContactId === 'wxid_admin' && /健康：/.test(s.text ?? '')),
      90_000,
      `#状态 answered after the hostile burst; bot output:\n${bot.output().split('\n').slice(-20).join('\n')}`,
    )
    expect(bot.child.exitCode).toBeNull() // still running
    const inGroups = service.world.sent.filter(s => s.roomId).map(s => s.text ?? '')
    for (const text of inGroups) {
      expect(text.length).toBeLessThan(3000) // nothing of the 1 MB inputs is echoed
      expect(text).not.toMatch(/Error|at .+\.(js|ts):\d+|刷单/) // no stack, no banned words repeated
    }
    // Prototype keys are ordinary strings: a case whose fields are named so is stored like any other.
    expect(inGroups.join('\n')).toMatch(/已记录成交案例 C\d+「__proto__ · constructor」/)
  }, 150_000)
})

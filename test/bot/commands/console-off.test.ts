import { afterEach, describe, expect, it } from 'vitest'
import { demoConfig, startSandboxApp } from '../../helpers/sandbox-app.js'

let stop: (() => Promise<void>) | undefined
afterEach(async () => {
  await stop?.()
  stop = undefined
})

describe('#后台 without a web console', () => {
  it('says the console is off and how to turn it on, instead of 未知命令', async () => {
    const h = await startSandboxApp(demoConfig())
    stop = h.stop
    h.world.say('wxid_admin', { to: 'wxid_bot' }, '#后台')
    await h.advance(5_000)
    const answer = h.world.sent.filter(r => r.toContactId === 'wxid_admin').at(-1)?.text
    expect(answer).toBe('网页后台未开启（运维设置 BOT_CONSOLE_LISTEN）')
  })
})

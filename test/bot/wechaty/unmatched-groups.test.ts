import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../../bot/process/logger.js'
import { startSandboxApp } from '../../helpers/sandbox-app.js'

/** The demo roster and two groups: the sales group exists in the demo world, the training group does not (yet). */
const CONFIG = `company: 示例科技
roles: { admin: [wxid_admin] }
roster: ${join(process.cwd(), 'data/demo/roster.csv')}
groups:
  - { name: 销售部工作群, topic: 示例科技销售部工作群, kind: internal }
  - { name: 培训群, topic: 示例科技培训群, kind: internal }
`

let stop: (() => Promise<void>) | undefined
afterEach(async () => {
  await stop?.()
  stop = undefined
})

describe('a configured group that matches no room', () => {
  it('is named in a WARN at ready and in #状态, until the bot is added to it', async () => {
    const lines: string[] = []
    const h = await startSandboxApp(CONFIG, [], { log: createLogger('info', 'bot', l => lines.push(l)) })
    stop = h.stop
    const warns = lines.filter(l => l.includes('configured group matches no room'))
    expect(warns).toHaveLength(1)
    expect(warns[0]).toContain('培训群（群名 "示例科技培训群"）')
    expect(lines.some(l => l.includes('ready: 1 managed groups'))).toBe(true)

    /** The admin's `#状态` answer, asked privately. */
    const status = async () => {
      h.world.say('wxid_admin', { to: 'wxid_bot' }, '#状态')
      await h.advance(5_000)
      return h.world.sent.filter(r => r.toContactId === 'wxid_admin').at(-1)?.text ?? ''
    }
    const before = await status()
    expect(before).toContain('健康：⚠️ 1 个配置的群未找到')
    expect(before).toContain('未找到的群：培训群（群名 "示例科技培训群"）')

    // The bot is added to the group: #状态 is current at once, without a restart.
    const room = h.world.createRoom({ topic: '示例科技培训群', memberIds: ['wxid_admin'], ownerId: 'wxid_admin' })
    h.world.join(room, ['wxid_bot'], 'wxid_admin')
    await h.settle()
    const after = await status()
    expect(after).toContain('健康：✅ 正常')
    expect(after).not.toContain('未找到')
    expect(after).toContain('受管理的群：2 个')
  })

  it('in a fleet (accounts sharing one config) is a group another account manages: no WARN, no ⚠️', async () => {
    const lines: string[] = []
    const config = `${CONFIG}fleet: { peers: [wxid_other_bot] }\n`
    const h = await startSandboxApp(config, [], { log: createLogger('info', 'bot', l => lines.push(l)) })
    stop = h.stop
    expect(lines.filter(l => l.includes('configured group matches no room'))).toEqual([])
    expect(lines.some(l => l.includes('this account is not in: 培训群'))).toBe(true)
    h.world.say('wxid_admin', { to: 'wxid_bot' }, '#状态')
    await h.advance(5_000)
    const status = h.world.sent.filter(r => r.toContactId === 'wxid_admin').at(-1)?.text ?? ''
    expect(status).toContain('健康：✅ 正常')
    expect(status).toContain('本账号不在的群：培训群（群名 "示例科技培训群"）（由账号组的其他账号管理）')
  })
})

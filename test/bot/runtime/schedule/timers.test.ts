import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { definePlugin } from '../../../../bot/core/plugin.js'
import { group, makeRuntime, member, text } from '../../../helpers/harness.js'

const CONFIG = `
company: 示例科技
roles: { admin: [admin1] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
`
const sales = group('r1', '销售部工作群', 'internal', '销售群')

function typedPlugin(got: unknown[]) {
  return definePlugin({
    name: 'typed',
    description: 'test plugin',
    configSchema: z.object({}).strict(),
    create: () => ({
      timerPayloads: { remind: z.object({ id: z.string() }) },
      onTimer: (_key, payload) => {
        got.push(payload)
        return []
      },
    }),
  })
}

describe('typed timer payloads', () => {
  it('delivers a timer whose payload matches its kind', async () => {
    const got: unknown[] = []
    const { rt, clock } = await makeRuntime(CONFIG, [typedPlugin(got)])
    rt.timers.set('typed', 'remind:N1', clock.now() + 1000, { id: 'N1' })
    await clock.advance(2000)
    await rt.queue.idle()
    expect(got).toEqual([{ id: 'N1' }])
  })

  it('names a stored timer of the wrong shape or an unknown kind in #状态 and does not deliver it', async () => {
    const got: unknown[] = []
    const { rt, clock, wechat } = await makeRuntime(CONFIG, [typedPlugin(got)])
    rt.timers.set('typed', 'remind:N1', clock.now() + 1000, { notice: 1 }) // written by an older release
    rt.timers.set('typed', 'deadline:N1', clock.now() + 1000, { id: 'N1' })
    await clock.advance(2000)
    await rt.queue.idle()
    expect(got).toEqual([])
    await rt.handle(text(member('admin1'), '#状态', clock.now(), sales))
    const status = wechat.textsTo('r1').join('\n')
    expect(status).toContain('健康：⚠️')
    expect(status).toContain('timer typed:remind:N1 payload wrong shape (id:')
    expect(status).toContain('timer typed:deadline:N1 has unknown kind "deadline"')
  })
})

import { describe, expect, it } from 'vitest'
import { definePlugin } from '../../../../bot/core/plugin.js'
import { z } from 'zod'
import { SerialQueue } from '../../../../bot/runtime/host/serial-queue.js'
import { group, makeRuntime, member, text } from '../../../helpers/harness.js'

const CONFIG = `
company: 示例科技
roles: { admin: [admin1] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
`
const sales = group('r1', '销售部工作群', 'internal', '销售群')

describe('SerialQueue', () => {
  it('runs tasks one at a time in push order, and a failing task does not stop the next', async () => {
    const errors: unknown[] = []
    const q = new SerialQueue(e => errors.push(e))
    const log: string[] = []
    let release!: () => void
    const gate = new Promise<void>(r => {
      release = r
    })
    void q.push(async () => {
      log.push('a start')
      await gate
      log.push('a end')
    })
    void q.push(() => {
      throw new Error('b failed')
    })
    const c = q.push(() => log.push('c'))
    await new Promise(r => setImmediate(r))
    expect(log).toEqual(['a start'])
    release()
    await c
    expect(log).toEqual(['a start', 'a end', 'c'])
    expect(errors).toEqual([expect.objectContaining({ message: 'b failed' })])
    await q.idle()
    expect(q.depth()).toBe(0)
  })
})

describe('one queue for events, timers and jobs', () => {
  it('a timer falling due while a slow event handler awaits runs after that handler, not in the middle', async () => {
    const order: string[] = []
    let release!: () => void
    const slow = new Promise<void>(r => {
      release = r
    })
    const plugin = definePlugin({
      name: 'slow',
      description: 'test plugin',
      configSchema: z.object({}).strict(),
      create: ctx => ({
        onEvent: async ev => {
          if (ev.type !== 'message') return []
          if (ev.text === 'arm') return [{ type: 'schedule', key: 'k', at: ctx.clock.now() + 1000, rule: 'later' }]
          order.push('event start')
          await slow
          order.push('event end')
          return []
        },
        onTimer: () => {
          order.push('timer')
          return []
        },
      }),
    })
    const { rt, clock } = await makeRuntime(CONFIG, [plugin])
    await rt.enqueue(text(member('u1'), 'arm', clock.now(), sales))
    const handled = rt.enqueue(text(member('u1'), 'slow', clock.now(), sales))
    await clock.advance(5000) // the timer falls due while the handler awaits
    expect(order).toEqual(['event start'])
    release()
    await handled
    await rt.queue.idle()
    expect(order).toEqual(['event start', 'event end', 'timer'])
  })

  it('a cron job falling due while a slow event handler awaits runs after that handler', async () => {
    const order: string[] = []
    let release!: () => void
    const slow = new Promise<void>(r => {
      release = r
    })
    const plugin = definePlugin({
      name: 'slow',
      description: 'test plugin',
      configSchema: z.object({}).strict(),
      create: () => ({
        onEvent: async ev => {
          if (ev.type !== 'message') return []
          order.push('event start')
          await slow
          order.push('event end')
          return []
        },
        jobs: [
          {
            name: 'every-minute',
            cron: '* * * * *',
            run: () => {
              order.push('job')
              return []
            },
          },
        ],
      }),
    })
    const { rt, clock } = await makeRuntime(CONFIG, [plugin])
    const handled = rt.enqueue(text(member('u1'), 'slow', clock.now(), sales))
    await clock.advance(60_000)
    expect(order).toEqual(['event start'])
    release()
    await handled
    await rt.queue.idle()
    expect(order).toEqual(['event start', 'event end', 'job'])
  })

  it('a job in parts lets an event that arrives during one part be handled before the next part', async () => {
    const order: string[] = []
    let rtRef: Awaited<ReturnType<typeof makeRuntime>> | undefined
    const plugin = definePlugin({
      name: 'parts',
      description: 'test plugin',
      configSchema: z.object({}).strict(),
      create: () => ({
        onEvent: ev => {
          if (ev.type === 'message') order.push(`event ${ev.text}`)
          return []
        },
        jobs: [
          {
            name: 'per-group',
            cron: '* * * * *',
            parts: () =>
              ['g1', 'g2', 'g3'].map(g => () => {
                order.push(`part ${g}`)
                // A message arrives while the first group is being worked on.
                if (g === 'g1') void rtRef?.rt.enqueue(text(member('u1'), 'hi', rtRef.clock.now(), sales))
                return g === 'g3' ? [{ type: 'record' as const, text: 'done', rule: 'parts.done' }] : []
              }),
          },
        ],
      }),
    })
    rtRef = await makeRuntime(CONFIG, [plugin])
    await rtRef.clock.advance(60_000)
    await rtRef.rt.queue.idle()
    expect(order).toEqual(['part g1', 'event hi', 'part g2', 'part g3'])
    expect(rtRef.rt.audit.query({ plugin: 'parts' }).map(e => e.rule)).toEqual(['parts.done'])
  })
})

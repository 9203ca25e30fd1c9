import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { FakeClock } from '../../../../bot/ports/clock.js'
import { FileStore } from '../../../../bot/ports/store/file-store.js'
import { TIMERS_DOC, Timers, VOLATILE_TIMERS_DOC } from '../../../../bot/runtime/schedule/timers.js'
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
    const status = wechat.textsTo('admin1').join('\n')
    expect(status).toContain('健康：⚠️')
    expect(status).toContain('timer typed:remind:N1 payload wrong shape (id:')
    expect(status).toContain('timer typed:deadline:N1 has unknown kind "deadline"')
  })
})

describe('the stored timers document', () => {
  it('leaves out the group of a timer that has none, as before (the same bytes)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timers-'))
    const clock = new FakeClock(Date.parse('2026-11-30T01:00:00Z'))
    const store = new FileStore(dir)
    const timers = new Timers(clock, store)
    timers.set('activity', 'wait:r1', 5000, { id: 'm1' }, 'r1')
    timers.set('typed', 'remind:N1', 6000, undefined)
    timers.set('typed', 'remind:N2', 7000, { id: 'N2' }, '')
    await store.flush(true)
    expect(readFileSync(join(dir, 'state', 'timers.json'), 'utf8')).toBe(
      '{"$version":1,"timers":{' +
        '"activity:wait:r1":{"plugin":"activity","key":"wait:r1","at":5000,"payload":{"id":"m1"},"group":"r1"},' +
        '"typed:remind:N1":{"plugin":"typed","key":"remind:N1","at":6000},' +
        '"typed:remind:N2":{"plugin":"typed","key":"remind:N2","at":7000,"payload":{"id":"N2"}}}}',
    )
  })
})

describe('what is durable before a send', () => {
  it('the flush before a send writes the durable timers, not the volatile ones; a start re-arms both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timers-'))
    const clock = new FakeClock(Date.parse('2026-11-30T01:00:00Z'))
    const store = new FileStore(dir)
    const timers = new Timers(clock, store)
    timers.set('typed', 'remind:N1', clock.now() + 6000, { id: 'N1' })
    timers.set('activity', 'wait:r1', clock.now() + 5000, { groupId: 'r1' }, 'r1', true)
    await store.flush(true) // before a send
    const stored = (file: string) => Object.keys(JSON.parse(readFileSync(join(dir, 'state', file), 'utf8')).timers)
    expect(stored('timers.json')).toEqual(['typed:remind:N1'])
    expect(existsSync(join(dir, 'state', 'timers-volatile.json'))).toBe(false)
    await store.flush() // the periodic flush
    expect(stored('timers-volatile.json')).toEqual(['activity:wait:r1'])

    const fired: string[] = []
    const again = new Timers(clock, new FileStore(dir))
    again.start(t => fired.push(t.key))
    await clock.advance(7000)
    expect(fired).toEqual(['wait:r1', 'remind:N1'])
  })

  it('a key stored in both documents (hand-restored data) fires once and leaves both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timers-'))
    const clock = new FakeClock(Date.parse('2026-11-30T01:00:00Z'))
    const first = new FileStore(dir)
    const record = { plugin: 'activity', key: 'wait:r1', at: clock.now() + 5000, group: 'r1' }
    first.doc('timers', TIMERS_DOC).data.timers['activity:wait:r1'] = record
    first.doc('timers', TIMERS_DOC).changed()
    first.doc('timers-volatile', VOLATILE_TIMERS_DOC).data.timers['activity:wait:r1'] = record
    first.doc('timers-volatile', VOLATILE_TIMERS_DOC).changed()
    await first.flush()

    const store = new FileStore(dir)
    const fired: string[] = []
    const timers = new Timers(clock, store)
    timers.start(t => fired.push(t.key))
    await clock.advance(6000)
    expect(fired).toEqual(['wait:r1'])
    expect(timers.pending()).toEqual([])
  })

  it('a timer set again as volatile leaves the durable document, and cancelling finds it in either', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timers-'))
    const clock = new FakeClock(Date.parse('2026-11-30T01:00:00Z'))
    const store = new FileStore(dir)
    const timers = new Timers(clock, store)
    timers.set('activity', 'wait:r1', 5000, undefined, 'r1') // an older release's, in the durable document
    timers.set('activity', 'wait:r1', 6000, undefined, 'r1', true)
    expect(timers.pending().map(t => t.at)).toEqual([6000])
    await store.flush()
    expect(JSON.parse(readFileSync(join(dir, 'state', 'timers.json'), 'utf8')).timers).toEqual({})
    timers.cancel('activity', 'wait:r1')
    expect(timers.pending()).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { definePlugin } from '../../../bot/core/plugin.js'
import { type FleetGate, SOLO } from '../../../bot/fleet/gate.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'

const CONFIG = `
company: 示例科技
roles: { admin: [admin1] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
`
const sales = group('r1', '销售部工作群', 'internal', '销售群')

/** Warns on 坏 and reminds later; a daily job tells the admins. */
const probe = definePlugin({
  name: 'probe',
  description: 'test plugin',
  configSchema: z.object({}).strict(),
  create: () => ({
    onEvent: ev =>
      ev.type === 'message' && ev.group && ev.text.includes('坏')
        ? [
            { type: 'warn', groupId: ev.group.id, memberId: ev.sender.id, text: '请注意用语', rule: 'word' },
            { type: 'schedule', key: 'later:1', at: ev.at + 60_000, rule: 'word' },
          ]
        : [],
    onTimer: () => [{ type: 'say', to: { room: 'r1' }, text: '稍后提醒', rule: 'word' }],
    jobs: [{ name: 'daily', cron: '0 18 * * *', run: () => [{ type: 'notifyAdmins', text: '日报', rule: 'daily' }] }],
  }),
})

/** The fleet's database as shared sets, and one gate per account over it. */
function fakeFleet() {
  const leases = new Map<string, string>()
  const runs = new Set<string>()
  /** Send key → the account that claimed it (a key of its own comes back to it, as in PostgreSQL). */
  const sent = new Map<string, string>()
  const gate = (account: string): FleetGate => ({
    ...SOLO,
    account,
    holds: g => leases.get(g) === account,
    claimRun: async key => !runs.has(key) && !!runs.add(key),
    claimSends: async keys => keys.filter(k => (sent.get(k) ?? sent.set(k, account).get(k)) === account),
  })
  return { leases, gate }
}

describe('a runtime in a fleet', () => {
  it('acts only in groups whose lease it holds: no warning, no strike, no reminder elsewhere', async () => {
    const fleet = fakeFleet()
    fleet.leases.set('r1', 'b')
    const { rt, clock, wechat } = await makeRuntime(CONFIG, [probe], { gate: fleet.gate('a') })
    await rt.enqueue(text(member('u1'), '坏', clock.now(), sales))
    await clock.advance(120_000)
    expect(wechat.sent).toEqual([])
    expect(rt.audit.query({ plugin: 'probe' })).toEqual([])
    expect(rt.timers.pending()).toEqual([])

    fleet.leases.set('r1', 'a') // taken over
    await rt.enqueue(text(member('u1'), '坏了', clock.now(), sales))
    await clock.advance(5_000)
    expect(wechat.textsTo('r1')).toEqual(['请注意用语'])
  })

  it('stops acting at once when the lease is lost: a queued warning and a due reminder are not sent', async () => {
    const fleet = fakeFleet()
    fleet.leases.set('r1', 'a')
    const { rt, clock, wechat } = await makeRuntime(CONFIG, [probe], { gate: fleet.gate('a') })
    await rt.enqueue(text(member('u1'), '坏', clock.now(), sales))
    await rt.enqueue(text(member('u2'), '坏', clock.now(), sales)) // waits for the 3 s gap between sends to one chat
    fleet.leases.set('r1', 'b') // lost before the outbox sent it
    await clock.advance(120_000)
    await rt.queue.idle()
    expect(wechat.textsTo('r1')).toEqual(['请注意用语'])
  })

  it('sends a warning whose first send failed on its retry (the claim in the sent-log is its own)', async () => {
    const fleet = fakeFleet()
    fleet.leases.set('r1', 'a')
    const { rt, clock, wechat } = await makeRuntime(CONFIG, [probe], { gate: fleet.gate('a') })
    wechat.failNextSends = 1
    await rt.enqueue(text(member('u1'), '坏', clock.now(), sales))
    await clock.advance(30_000) // the retry's backoff, before the reminder at 60 s
    expect(wechat.textsTo('r1')).toEqual(['请注意用语'])
  })

  it('waits for a late lease renewal instead of leaving the group unmoderated', async () => {
    const fleet = fakeFleet()
    const late = new Set(['r1']) // the lease ran out locally; its renewal has not answered yet
    let renewed: () => void = () => {}
    const renewal = new Promise<void>(r => {
      renewed = r
    })
    const gate: FleetGate = {
      ...fleet.gate('a'),
      lapsed: g => (late.has(g) ? renewal : undefined),
    }
    const { rt, clock, wechat } = await makeRuntime(CONFIG, [probe], { gate })
    const handled = rt.enqueue(text(member('u1'), '坏', clock.now(), sales))
    await new Promise(r => setTimeout(r, 20))
    // The renewal answers: the group is still this account's.
    fleet.leases.set('r1', 'a')
    late.clear()
    renewed()
    await handled
    await clock.advance(5_000)
    expect(wechat.textsTo('r1')).toEqual(['请注意用语'])
    expect(rt.timers.pending()).toHaveLength(1)
  })

  it('after a takeover the new holder warns the new offender once and repeats no warning of the old holder', async () => {
    const fleet = fakeFleet()
    fleet.leases.set('r1', 'a')
    const a = await makeRuntime(CONFIG, [probe], { gate: fleet.gate('a') })
    const b = await makeRuntime(CONFIG, [probe], { gate: fleet.gate('b'), clock: a.clock, wechat: a.wechat })
    const both = async (from: string, body: string) => {
      const ev = text(member(from), body, a.clock.now(), sales)
      await Promise.all([a.rt.enqueue(ev), b.rt.enqueue(structuredClone(ev))])
    }
    await both('u1', '坏')
    await a.clock.advance(5_000)
    fleet.leases.set('r1', 'b') // a died; b took the group over
    await both('u3', '坏了')
    await a.clock.advance(120_000)
    await Promise.all([a.rt.queue.idle(), b.rt.queue.idle()])
    const warnings = a.wechat.sent.filter(m => m.text === '请注意用语').map(m => m.mentions)
    expect(warnings).toEqual([['u1'], ['u3']])
  })

  it('runs a daily job once fleet-wide: the admins get one report from two bots', async () => {
    const fleet = fakeFleet()
    const a = await makeRuntime(CONFIG, [probe], { gate: fleet.gate('a') })
    const b = await makeRuntime(CONFIG, [probe], { gate: fleet.gate('b') })
    await Promise.all([a.clock.advance(10 * 3_600_000), b.clock.advance(10 * 3_600_000)])
    await Promise.all([a.rt.queue.idle(), b.rt.queue.idle()])
    await Promise.all([a.clock.advance(10_000), b.clock.advance(10_000)])
    const reports = [...a.wechat.textsTo('admin1'), ...b.wechat.textsTo('admin1')]
    expect(reports).toEqual(['日报'])
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import type { Action } from '../../../bot/core/actions.js'
import { definePlugin } from '../../../bot/core/plugin.js'
import { WechatyPorts } from '../../../bot/wechaty/wechaty-ports.js'
import { demoConfig, startSandboxApp } from '../../helpers/sandbox-app.js'

const SALES = 'r-sales@chatroom'

/** A rule that needs a group's members: `点名` is answered with the ids of everyone in the group. */
const rollCall = definePlugin({
  name: 'rollcall',
  description: 'answers 点名 with the group members',
  configSchema: z.object({}).strict(),
  create: ctx => ({
    onEvent: async (ev): Promise<Action[]> => {
      if (ev.type !== 'message' || !ev.group || ev.text !== '点名') return []
      const ids = (await ctx.directory.members(ev.group.id)).map(m => m.id).sort()
      return [{ type: 'say', to: { room: ev.group.id }, text: `点名:${ids.join(',')}`, rule: 'rollcall' }]
    },
  }),
})

/** A gate: calls wait until it is opened. */
function gate() {
  let open: () => void = () => {}
  const opened = new Promise<void>(r => {
    open = r
  })
  return { opened, open }
}

let stop: (() => Promise<void>) | undefined
afterEach(async () => {
  vi.restoreAllMocks()
  await stop?.()
  stop = undefined
})

describe('start-up: ready once logged in and the groups are known, members loading behind', () => {
  it('is ready before any member list is read, and answers a private command at once', async () => {
    const held = gate()
    let memberListReads = 0
    const started = startSandboxApp(demoConfig(), [], {
      beforeStart: sandbox => {
        const read = sandbox.puppet.roomMemberList.bind(sandbox.puppet)
        // Every member list the puppet is asked for waits (as 500 contacts over gRPC would) until the gate opens.
        vi.spyOn(sandbox.puppet, 'roomMemberList').mockImplementation(async roomId => {
          memberListReads++
          await held.opened
          return read(roomId)
        })
      },
    })
    const s = await Promise.race([
      started,
      new Promise<never>((_, no) => setTimeout(() => no(new Error('not ready')), 8000)),
    ])
    stop = s.stop
    expect(s.app.ports.groups().map(g => g.id)).toContain(SALES)
    // The background load has begun (one group at a time) and is waiting for the puppet.
    expect(memberListReads).toBe(1)
    s.world.say('wxid_zhangsan', { to: 'wxid_bot' }, '#我的ID')
    await expect
      .poll(() => s.world.sent.find(r => r.toContactId === 'wxid_zhangsan')?.text, { timeout: 5000 })
      .toContain('wxid_zhangsan')
    let loaded = false
    void s.app.membersLoaded.then(() => {
      loaded = true
    })
    await new Promise(r => setTimeout(r, 50))
    expect(loaded).toBe(false)
    held.open()
    // An embedder (or a bench) can wait for the whole background load: it ends once the puppet answers.
    await s.app.membersLoaded
    expect(memberListReads).toBeGreaterThanOrEqual(s.app.ports.groups().length)
  }, 20_000)

  it('a rule that needs members sees the group as it is, also while the lists still load', async () => {
    const backgroundRead = gate()
    const s = await startSandboxApp(demoConfig(), [rollCall], {
      beforeStart: () => {
        type Reader = { fetchMembers: (id: string) => Promise<unknown> }
        const ports = WechatyPorts.prototype as unknown as Reader
        const fetch = ports.fetchMembers
        // The background read of the sales group is slow: it lands (stale) only after the newcomer below joined.
        const slow = gate()
        let first = true
        vi.spyOn(ports, 'fetchMembers').mockImplementation(async function (this: Reader, id: string) {
          if (id === SALES && first) backgroundRead.open()
          const members = await fetch.call(this, id)
          if (id === SALES && first) {
            first = false
            setTimeout(() => slow.open(), 300)
            await slow.opened
          }
          return members
        })
      },
    })
    stop = s.stop
    // Nobody asked for members: the sales group's list is being read in the background after ready.
    await Promise.race([
      backgroundRead.opened,
      new Promise((_, no) => setTimeout(() => no(new Error('no background read')), 5000)),
    ])
    const newcomer = s.world.createContact({ name: '新来的小周' })
    s.world.join(SALES, [newcomer])
    s.world.say('wxid_zhangsan', { room: SALES }, '点名')
    await expect
      .poll(() => s.world.sent.find(r => r.roomId === SALES && r.text?.startsWith('点名:'))?.text, { timeout: 8000 })
      .toBeDefined()
    const expected = s.world
      .room(SALES)
      .memberIdList.filter(id => id !== 'wxid_bot')
      .sort()
    const answer = s.world.sent.find(r => r.roomId === SALES && r.text?.startsWith('点名:'))?.text
    expect(answer).toBe(`点名:${expected.join(',')}`)
    expect(answer).toContain(newcomer)
  }, 20_000)
})

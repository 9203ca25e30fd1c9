import { describe, expect, it, vi } from 'vitest'
import { type Wechaty, WechatyBuilder } from 'wechaty'
import { GroupMatcher } from '../../../bot/runtime/groups/group-matcher.js'
import { createSandbox } from '../../../bot/sandbox/index.js'
import { fixRoomMemberCache } from '../../../bot/wechaty/room-member-cache.js'
import { WechatyPorts } from '../../../bot/wechaty/wechaty-ports.js'
import { populateWorld, readWorld } from '../../../bot/sandbox/load-world.js'

const SALES = 'r-sales@chatroom'

/** Wechaty on the demo world, with the ports (and their member cache) the app builds. */
async function directoryOnDemoWorld(opts: { now?: () => number } = {}) {
  const sandbox = createSandbox()
  const spec = readWorld('data/demo/world.yaml')
  populateWorld(sandbox.world, spec)
  const bot = WechatyBuilder.build({ puppet: sandbox.puppet })
  bot.on('puppet', puppet => void fixRoomMemberCache(puppet))
  bot.on('error', () => {})
  const ports = new WechatyPorts(bot, () => new GroupMatcher([]), { now: opts.now })
  await bot.start()
  sandbox.world.login(spec.bot.id)
  await new Promise(r => setTimeout(r, 50))
  const reads = vi.spyOn(sandbox.puppet, 'roomMemberList')
  /** Let Wechaty and the puppet deliver the events of a change. */
  const settle = () => new Promise(r => setTimeout(r, 50))
  return { world: sandbox.world, puppet: sandbox.puppet, bot, ports, reads, settle, stop: () => bot.stop() }
}

const names = (members: { groupAlias?: string; name: string }[]) => members.map(m => m.groupAlias ?? m.name)

describe('the group directory keeps its members current', () => {
  it('reads a group once, then answers from memory', async () => {
    const d = await directoryOnDemoWorld()
    const first = await d.ports.members(SALES)
    expect(first.length).toBeGreaterThan(2)
    const readsAfterFirst = d.reads.mock.calls.length
    expect(await d.ports.members(SALES)).toEqual(first)
    expect(d.reads.mock.calls.length).toBe(readsAfterFirst)
    await d.stop()
  })

  it('sees a newcomer after a join, loses a leaver after a leave, and shows a changed group nickname', async () => {
    const d = await directoryOnDemoWorld()
    const before = await d.ports.members(SALES)
    const newcomer = d.world.createContact({ name: '新来的小周' })
    d.world.join(SALES, [newcomer])
    await d.settle()
    expect((await d.ports.members(SALES)).map(m => m.id)).toContain(newcomer)

    const leaver = before[0].id
    d.world.leave(SALES, leaver)
    await d.settle()
    expect((await d.ports.members(SALES)).map(m => m.id)).not.toContain(leaver)

    const renamed = before[1].id
    d.world.setGroupAlias(SALES, renamed, '销售部-改名后')
    await d.settle()
    const after = await d.ports.members(SALES)
    expect(after.find(m => m.id === renamed)?.groupAlias).toBe('销售部-改名后')
    expect(names(after)).toContain('新来的小周')
    await d.stop()
  })

  it('answers an old entry at once and reads the group again in the background', async () => {
    let now = 0
    const d = await directoryOnDemoWorld({ now: () => now })
    await d.ports.members(SALES)
    const reads = d.reads.mock.calls.length
    now += 11 * 60_000
    await d.ports.members(SALES)
    await d.settle()
    expect(d.reads.mock.calls.length).toBe(reads + 1)
    await d.ports.members(SALES)
    expect(d.reads.mock.calls.length).toBe(reads + 1)
    await d.stop()
  })

  it("reads an old group again in the background when a sender's nickname is asked for", async () => {
    let now = 0
    const d = await directoryOnDemoWorld({ now: () => now })
    const member = (await d.ports.members(SALES))[1]
    const room = (await d.bot.Room.find({ id: SALES }))!
    const contact = (await d.bot.Contact.find({ id: member.id }))!
    const reads = d.reads.mock.calls.length
    now += 11 * 60_000
    expect(await d.ports.memberAlias(room, contact)).toBe(member.groupAlias)
    await d.settle()
    expect(d.reads.mock.calls.length).toBe(reads + 1)
    await d.stop()
  })

  it("answers a sender's group nickname from the members it read, and keeps no second copy in the puppet", async () => {
    const d = await directoryOnDemoWorld()
    const member = (await d.ports.members(SALES))[1].id
    d.world.setGroupAlias(SALES, member, '销售部-小王')
    await d.settle()
    await d.ports.members(SALES)
    const roomMemberCache = (d.puppet as unknown as { cache: { roomMember: Map<string, unknown> } }).cache.roomMember
    expect(roomMemberCache.get(SALES)).toBeUndefined()
    const fromPuppet = vi.spyOn(d.puppet, 'roomMemberRawPayload')
    const room = (await d.bot.Room.find({ id: SALES }))!
    const contact = (await d.bot.Contact.find({ id: member }))!
    expect(await d.ports.memberAlias(room, contact)).toBe('销售部-小王')
    expect(fromPuppet).not.toHaveBeenCalled()
    // Renamed: the directory forgets the group, and the next answer is the new nickname.
    d.world.setGroupAlias(SALES, member, '销售部-王经理')
    await d.settle()
    expect(await d.ports.memberAlias(room, contact)).toBe('销售部-王经理')
    await d.stop()
  })

  it('gives each caller its own copies', async () => {
    const d = await directoryOnDemoWorld()
    const first = await d.ports.members(SALES)
    first[0].roles.push('admin')
    first[0].groupAlias = 'changed by a caller'
    const again = await d.ports.members(SALES)
    expect(again[0].roles).toEqual([])
    expect(again[0].groupAlias).not.toBe('changed by a caller')
    await d.stop()
  })
})

describe('the group directory reads few groups at once', () => {
  it('reads at most two groups at a time when many are asked for together, and answers each', async () => {
    let running = 0
    let most = 0
    const room = (id: string) => ({
      id,
      memberAll: async () => {
        running++
        most = Math.max(most, running)
        await new Promise(r => setTimeout(r, 5))
        running--
        return [{ id: `${id}-member`, name: () => `${id} member` }]
      },
      alias: async () => `${id} nickname`,
    })
    const ports = portsOver(room)
    const groups = ['a', 'b', 'c', 'd', 'e']
    const lists = await Promise.all(groups.map(id => ports.members(id)))
    expect(most).toBe(2)
    expect(lists.map(l => l.map(m => [m.id, m.groupAlias]))).toEqual(
      groups.map(id => [[`${id}-member`, `${id} nickname`]]),
    )
  })

  /** A directory over rooms whose member reads answer only when the test says; `started` lists reads begun. */
  function heldReads() {
    const started: string[] = []
    const answer = new Map<string, () => void>()
    const room = (id: string) => ({
      id,
      memberAll: async () => {
        started.push(id)
        await new Promise<void>(r => answer.set(id, r))
        return [{ id: `${id}-member`, name: () => `${id} member` }]
      },
      alias: async () => undefined,
    })
    const ports = portsOver(room)
    const settle = () => new Promise(r => setTimeout(r, 10))
    return { ports, started, answer: (id: string) => answer.get(id)?.(), settle }
  }

  it('reads a group someone waits for before the groups warming in the background, even one already queued', async () => {
    const d = heldReads()
    void d.ports.members('a')
    void d.ports.members('b')
    void d.ports.warmMembers(['c'])
    void d.ports.warmMembers(['e'])
    await d.settle()
    const waited = d.ports.members('d')
    const hurried = d.ports.members('e')
    await d.settle()
    expect(d.started).toEqual(['a', 'b'])
    d.answer('a')
    await d.settle()
    d.answer('b')
    await d.settle()
    expect(d.started).toEqual(['a', 'b', 'd', 'e'])
    d.answer('d')
    d.answer('e')
    expect((await waited).map(m => m.id)).toEqual(['d-member'])
    expect((await hurried).map(m => m.id)).toEqual(['e-member'])
  })

  it('lets the next group be read when a read has not answered for a minute', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const d = heldReads()
      void d.ports.members('a')
      void d.ports.members('b')
      const c = d.ports.members('c')
      await vi.advanceTimersByTimeAsync(59_000)
      expect(d.started).toEqual(['a', 'b'])
      await vi.advanceTimersByTimeAsync(2_000)
      expect(d.started).toEqual(['a', 'b', 'c'])
      d.answer('c')
      expect((await c).map(m => m.id)).toEqual(['c-member'])
    } finally {
      vi.useRealTimers()
    }
  })
})

/** A directory over a logged-in bot whose rooms are `room(id)` (just what member reads use). */
function portsOver(room: (id: string) => object): WechatyPorts {
  const bot = {
    on: () => {},
    isLoggedIn: true,
    puppet: { currentUserId: 'self', on: () => {} },
    Room: { find: async ({ id }: { id: string }) => room(id) },
  }
  return new WechatyPorts(bot as unknown as Wechaty, () => new GroupMatcher([]))
}

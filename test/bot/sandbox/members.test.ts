import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Contact, Room } from 'wechaty'
import { IDS, startSandbox, until, type Harness } from './harness.js'

interface Change {
  room: Room
  who: string[]
  by?: string
  at?: number
}

let h: Harness
const joins: Change[] = []
const leaves: Change[] = []
const toChange = (room: Room, who: Contact[], by?: Contact, date?: Date): Change => ({
  room,
  who: who.map(c => c.id),
  by: by?.id,
  at: date?.getTime(),
})

beforeEach(async () => {
  h = await startSandbox({ now: () => 1_760_000_000_000 })
  joins.length = 0
  leaves.length = 0
  h.bot.on('room-join', (room, invitees, inviter, date) => {
    joins.push(toChange(room, invitees, inviter, date))
  })
  h.bot.on('room-leave', (room, leavers, remover, date) => {
    leaves.push(toChange(room, leavers, remover, date))
  })
})
afterEach(async () => {
  await h.bot.stop()
})

const memberIds = async (room: Room) => (await room.memberAll()).map(c => c.id).sort()

describe('group nicknames', () => {
  it('room.alias() returns the group alias, and sees renames at once', async () => {
    const zhang = await h.contact(IDS.zhang)
    expect(await h.room.alias(zhang)).toBe('销售部-张三')
    expect(await h.room.alias(await h.contact(IDS.li))).toBeUndefined()
    h.world.setGroupAlias(IDS.room, IDS.zhang, '华东-张三')
    expect(await h.room.alias(zhang)).toBe('华东-张三')
    h.world.setGroupAlias(IDS.room, IDS.zhang, undefined)
    expect(await h.room.alias(zhang)).toBeUndefined()
  })

  it('room.member() finds a member by group alias', async () => {
    h.world.setGroupAlias(IDS.room, IDS.li, '销售部-李四')
    expect((await h.room.member('销售部-李四'))?.id).toBe(IDS.li)
  })
})

describe('membership', () => {
  it('join: room-join with invitees, inviter and the sandbox clock; member list updated', async () => {
    h.world.join(IDS.room, [IDS.wang], IDS.zhang)
    const join = await until(() => joins[0])
    expect(join).toMatchObject({ who: [IDS.wang], by: IDS.zhang, at: 1_760_000_000_000 })
    expect(await memberIds(join.room)).toEqual([IDS.bot, IDS.li, IDS.wang, IDS.zhang].sort())
    const wang = await h.contact(IDS.wang)
    expect(await h.room.has(wang)).toBe(true)
  })

  it('join without inviter: the joiner is reported as inviter (joined by QR code)', async () => {
    h.world.join(IDS.room, [IDS.wang])
    expect(await until(() => joins[0])).toMatchObject({ who: [IDS.wang], by: IDS.wang })
  })

  it('leave: room-leave with remover = the leaver; group alias is gone', async () => {
    h.world.leave(IDS.room, IDS.zhang)
    const leave = await until(() => leaves[0])
    expect(leave).toMatchObject({ who: [IDS.zhang], by: IDS.zhang })
    expect(await memberIds(h.room)).toEqual([IDS.bot, IDS.li])
    expect(() => h.world.groupAlias(IDS.room, IDS.zhang)).toThrow(/not a member/)
  })

  it('kick by an admin member: room-leave with remover = the admin', async () => {
    h.world.setRoomAdmins(IDS.room, [IDS.li])
    h.world.kick(IDS.room, IDS.zhang, IDS.li)
    expect(await until(() => leaves[0])).toMatchObject({ who: [IDS.zhang], by: IDS.li })
  })

  it('kick by a plain member throws and changes nothing', async () => {
    expect(() => h.world.kick(IDS.room, IDS.zhang, IDS.li)).toThrow(/neither owner nor admin/)
    expect(h.world.room(IDS.room).memberIdList).toContain(IDS.zhang)
  })

  it('bot room.remove(): works as owner (remover = bot), fails when not owner/admin', async () => {
    await h.room.remove(await h.contact(IDS.zhang))
    expect(await until(() => leaves[0])).toMatchObject({ who: [IDS.zhang], by: IDS.bot })

    h.world.setRoomOwner(IDS.room, IDS.li)
    await expect(h.room.remove(await h.contact(IDS.li))).rejects.toThrow(/neither owner nor admin/)
    expect(h.world.room(IDS.room).memberIdList).toContain(IDS.li)

    h.world.setRoomAdmins(IDS.room, [IDS.bot])
    await expect(h.room.remove(await h.contact(IDS.li))).rejects.toThrow(/may not remove/)
  })

  it('bot room.add(): room-join with inviter = bot', async () => {
    await h.room.add(await h.contact(IDS.wang))
    expect(await until(() => joins[0])).toMatchObject({ who: [IDS.wang], by: IDS.bot })
  })

  it('topic change by a member: room-topic event and new room.topic()', async () => {
    const topics: string[][] = []
    h.bot.on('room-topic', (_room, topic, old, changer) => {
      topics.push([topic, old, changer.id])
    })
    h.world.setTopic(IDS.room, '销售一部', IDS.zhang)
    expect(await until(() => topics[0])).toEqual(['销售一部', '销售部', IDS.zhang])
    expect(await h.room.topic()).toBe('销售一部')
  })

  it('announcement: set by the bot (owner) is readable and recorded as sent', async () => {
    await h.room.announce('周五前提交周报')
    expect(await h.room.announce()).toBe('周五前提交周报')
    expect(h.world.sent.at(-1)).toMatchObject({ kind: 'announce', roomId: IDS.room, text: '周五前提交周报' })
    h.world.setRoomOwner(IDS.room, IDS.li)
    await expect(h.room.announce('x')).rejects.toThrow(/neither owner nor admin/)
  })

  it('Wechaty emits error events (not crashes) for room events: the dirty RoomMember quirk', async () => {
    h.world.join(IDS.room, [IDS.wang], IDS.zhang)
    await until(() => joins[0])
    expect(h.errors.length).toBeGreaterThan(0)
    expect(String(h.errors[0])).toMatch(/is a room, not a contact/)
  })
})

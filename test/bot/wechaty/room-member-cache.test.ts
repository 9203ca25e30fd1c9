import { describe, expect, it, vi } from 'vitest'
import { createSandbox } from '../../../bot/sandbox/index.js'
import { fixRoomMemberCache } from '../../../bot/wechaty/room-member-cache.js'
import { populateWorld, readWorld } from '../../../bot/sandbox/load-world.js'

async function puppetOnDemoWorld() {
  const sandbox = createSandbox()
  const spec = readWorld('data/demo/world.yaml')
  populateWorld(sandbox.world, spec)
  await sandbox.puppet.start()
  sandbox.world.login(spec.bot.id)
  const roomId = (await sandbox.puppet.roomList())[0]
  const memberIds = await sandbox.puppet.roomMemberList(roomId)
  const raw = vi.spyOn(sandbox.puppet, 'roomMemberRawPayload')
  return { puppet: sandbox.puppet, roomId, memberIds, raw }
}

describe('room member cache', () => {
  it("wechaty-puppet's own cache misses every time (the upstream bug this works around)", async () => {
    const { puppet, roomId, memberIds, raw } = await puppetOnDemoWorld()
    for (let i = 0; i < 3; i++) for (const id of memberIds) await puppet.roomMemberPayload(roomId, id)
    expect(raw).toHaveBeenCalledTimes(3 * memberIds.length)
    await puppet.stop()
  })

  it('after the fix each member is fetched once, and a dirty room is fetched again', async () => {
    const { puppet, roomId, memberIds, raw } = await puppetOnDemoWorld()
    expect(fixRoomMemberCache(puppet)).toBe(true)
    for (let i = 0; i < 3; i++) for (const id of memberIds) await puppet.roomMemberPayload(roomId, id)
    expect(raw).toHaveBeenCalledTimes(memberIds.length)
    const first = await puppet.roomMemberPayload(roomId, memberIds[0])
    expect(first.id).toBe(memberIds[0])

    await puppet.roomMemberPayloadDirty(roomId)
    await puppet.roomMemberPayload(roomId, memberIds[0])
    expect(raw).toHaveBeenCalledTimes(memberIds.length + 1)
    await puppet.stop()
  })

  it("closes wechaty-puppet-service's on-disk room-member store when the account's stores open", async () => {
    const closed: string[] = []
    const opened = (name: string) => ({ close: async () => void closed.push(name) })
    const store = {
      contact: undefined as object | undefined,
      roomMember: undefined as object | undefined,
      start: async () => {
        store.contact = opened('contact')
        store.roomMember = opened('room-member')
      },
    }
    fixRoomMemberCache({ _payloadStore: store })
    await store.start()
    expect(store.roomMember).toBeUndefined()
    expect(closed).toEqual(['room-member'])
    expect(store.contact).toBeDefined()
  })

  it('leaves a puppet without the expected shape alone', () => {
    expect(fixRoomMemberCache({})).toBe(false)
  })
})

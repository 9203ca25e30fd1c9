import type * as PUPPET from 'wechaty-puppet'

type MemberPayload = PUPPET.payloads.RoomMember
type RoomMemberCache = {
  get(roomId: string): Record<string, MemberPayload> | undefined
  set(roomId: string, v: Record<string, MemberPayload>): void
}
type Patchable = {
  cache: { roomMember: RoomMemberCache }
  roomMemberRawPayload(roomId: string, memberId: string): Promise<unknown>
  roomMemberRawPayloadParser(raw: unknown): Promise<MemberPayload>
  roomMemberPayload(roomId: string, memberId: string): Promise<MemberPayload>
}

/** Reads one room member's payload. */
type MemberReader = (roomId: string, memberId: string) => Promise<MemberPayload>

/**
 * wechaty-puppet caches a room member under the literal key `memberId` instead of the
 * member's id, so every group-nickname lookup misses and goes back to the puppet (over
 * puppet-service: a gRPC call and a decode of the room's whole member list, 0.6–1.1 s per
 * 500 members). This replaces the instance's `roomMemberPayload` with the same logic,
 * keyed correctly. Invalidation is unchanged: a dirty room-member event deletes the room's
 * entry, as before. Returns false when the puppet does not have the expected shape.
 */
export function fixRoomMemberCache(puppet: unknown): boolean {
  skipRoomMemberStore(puppet)
  const p = puppet as Partial<Patchable>
  if (!p?.cache?.roomMember || typeof p.roomMemberRawPayload !== 'function') return false
  const target = p as Patchable
  target.roomMemberPayload = async (roomId, memberId) => {
    if (!roomId || !memberId) throw new Error('no id')
    const cached = target.cache.roomMember.get(roomId)
    const hit = cached?.[memberId]
    if (hit) return hit
    const raw = await target.roomMemberRawPayload(roomId, memberId)
    if (!raw) throw new Error(`contact(${memberId}) is not in the Room(${roomId})`)
    const payload = await target.roomMemberRawPayloadParser(raw)
    // Added to the room's record in place: a copy per member (as upstream does) made reading a 500-member
    // room's nicknames quadratic, ~125,000 property copies and 500 short-lived records per room.
    const room = target.cache.roomMember.get(roomId)
    if (room) room[memberId] = payload
    else target.cache.roomMember.set(roomId, { [memberId]: payload })
    return payload
  }
  return true
}

/**
 * Reads a room member's payload without keeping it in wechaty-puppet's room-member cache (an entry already
 * there is answered): the directory keeps the group nicknames it reads (wechaty-ports.ts), so filling the
 * puppet's cache too kept a second copy, one payload object per member (7 MB at 100 groups of 500).
 * Undefined when the puppet does not have the expected shape.
 */
export function uncachedMemberReader(puppet: unknown): MemberReader | undefined {
  const p = puppet as Partial<Patchable>
  if (typeof p?.roomMemberRawPayload !== 'function' || typeof p.roomMemberRawPayloadParser !== 'function')
    return undefined
  const target = p as Patchable
  return async (roomId, memberId) => {
    const hit = target.cache?.roomMember.get(roomId)?.[memberId]
    if (hit) return hit
    const raw = await target.roomMemberRawPayload(roomId, memberId)
    if (!raw) throw new Error(`contact(${memberId}) is not in the Room(${roomId})`)
    return target.roomMemberRawPayloadParser(raw)
  }
}

/** wechaty-puppet-service's on-disk payload store (LevelDB), opened per account at login. */
type PayloadStore = {
  start(accountId: string): Promise<void>
  roomMember?: { close(): Promise<void> }
}

/**
 * wechaty-puppet-service keeps every room member it reads in a LevelDB store of its own, one record per room
 * rewritten whole for each member (a read and a write of the room's record per nickname): a database, its
 * write buffer and cache in the bot's memory, for records the directory never reads back (it keeps the
 * nicknames itself). This closes that store when the account's stores open at login; the puppet then reads
 * members over gRPC only (its calls skip a missing store). Contacts and rooms keep their stores.
 */
function skipRoomMemberStore(puppet: unknown): void {
  const store = (puppet as { _payloadStore?: Partial<PayloadStore> } | undefined)?._payloadStore
  if (!store || typeof store.start !== 'function' || !('roomMember' in store)) return
  const close = () => {
    const roomMember = store.roomMember
    store.roomMember = undefined
    void roomMember?.close().catch(() => {})
  }
  const start = store.start.bind(store)
  store.start = async accountId => {
    await start(accountId)
    close()
  }
  close() // a host bot's puppet may have logged in already
}

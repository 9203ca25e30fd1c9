import { describe, expect, it } from 'vitest'
import type { ForeignRecords } from '../../../bot/fleet/gate.js'
import { moveOutbox } from '../../../bot/fleet/outbox-move.js'
import type { OutboxState, Queued } from '../../../bot/runtime/delivery/outbox.js'

/** A down account's outbox holding `queue`, with the send keys some account claimed. */
function downOutbox(queue: Queued[], claimed: string[] = []) {
  const state: OutboxState = { queue, seq: queue.length + 1, sent: [] }
  let written = false
  let reads = 0
  const theirs: ForeignRecords = {
    account: 'sales1',
    doc: () => {
      throw new Error('not read')
    },
    journal: <S extends object>() => ({ state: state as unknown as S, changed: () => void (written = true) }),
    claimed: async keys => {
      reads++
      return new Set(keys.filter(k => claimed.includes(k)))
    },
  }
  return { theirs, state, written: () => written, reads: () => reads }
}

const item = (seq: number, chat: Queued['chat'], more: Partial<Queued> = {}): Queued => ({
  chat,
  text: `m${seq}`,
  key: `k${seq}`,
  seq,
  attempts: 0,
  notBefore: 0,
  ...more,
})

describe('moving a down account’s queued messages with a group', () => {
  it('moves what goes into the group and what its events caused elsewhere; leaves secrets, unreachable chats, claimed sends and other groups', async () => {
    const queue = [
      item(1, { room: 'r1' }),
      item(2, { room: 'r2' }),
      item(3, { contact: 'admin1' }, { origin: 'r1' }),
      item(4, { contact: 'u1' }, { origin: 'r1', sensitive: true, text: undefined }),
      item(5, { contact: 'stranger' }, { origin: 'r1' }),
      item(6, { room: 'r1' }, { key: undefined }),
      item(7, { room: 'r1' }),
      item(8, { contact: 'admin1' }, { origin: 'r2' }),
      item(9, { contact: 'admin1' }),
      item(10, { room: 'admins' }, { origin: 'r1' }),
    ]
    const { theirs, state, written } = downOutbox(queue, ['k7'])
    const reaches = (chat: Queued['chat']) => ('contact' in chat ? chat.contact !== 'stranger' : undefined)
    const moves = await moveOutbox(theirs, ['r1'], { adminRoom: 'admins', reaches })
    expect(moves.moved.map(q => q.seq)).toEqual([1, 3, 6, 10])
    expect(moves.groups.get('r1')).toMatchObject({ secret: 1, unreachable: ['stranger'], claimed: 1, elsewhere: [] })
    expect(state.queue.map(q => q.seq)).toEqual([2, 4, 5, 7, 8, 9])
    expect(written()).toBe(true)
  })

  it('changes nothing when nothing of the group is queued', async () => {
    const { theirs, state, written } = downOutbox([item(1, { room: 'r2' })])
    const moves = await moveOutbox(theirs, ['r1'], { reaches: () => true })
    expect(moves.moved).toEqual([])
    expect(moves.groups.get('r1')?.moved).toEqual([])
    expect(state.queue).toHaveLength(1)
    expect(written()).toBe(false)
  })

  it('moves the messages of many groups in one pass, in queue order, with one read of the claimed sends', async () => {
    const queue = [
      item(1, { room: 'r1' }),
      item(2, { room: 'r3' }),
      item(3, { contact: 'admin1' }, { origin: 'r2' }),
      item(4, { room: 'r2' }),
      item(5, { room: 'r1' }),
      item(6, { contact: 'admin1' }, { origin: 'r1' }),
    ]
    const { theirs, state, reads } = downOutbox(queue, ['k5'])
    const moves = await moveOutbox(theirs, ['r1', 'r2'], { reaches: () => true })
    expect(moves.moved.map(q => q.seq)).toEqual([1, 3, 4, 6])
    expect(moves.groups.get('r1')?.moved.map(q => q.seq)).toEqual([1, 6])
    expect(moves.groups.get('r1')?.claimed).toBe(1)
    expect(moves.groups.get('r2')?.moved.map(q => q.seq)).toEqual([3, 4])
    expect(state.queue.map(q => q.seq)).toEqual([2, 5])
    expect(reads()).toBe(1)
  })

  it('leaves a report to the admin group with the down account when this account is not in that group; it moves with the admin group itself', async () => {
    const queue = [item(1, { room: 'admins' }, { origin: 'r1' }), item(2, { room: 'r1' })]
    // Not in the admin group: this account has no admin room (the directory lists the groups it is in).
    const { theirs, state } = downOutbox(queue)
    const moves = await moveOutbox(theirs, ['r1'], { reaches: () => true })
    expect(moves.moved.map(q => q.seq)).toEqual([2])
    expect(moves.groups.get('r1')?.elsewhere).toEqual(['admins'])
    expect(state.queue.map(q => q.seq)).toEqual([1])
    // An account in the admin group that takes it over takes the report along, though another took r1.
    const withAdmins = await moveOutbox(theirs, ['admins'], { adminRoom: 'admins', reaches: () => true })
    expect(withAdmins.moved.map(q => q.seq)).toEqual([1])
    expect(state.queue).toEqual([])
  })
})

import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { GroupDocs } from '../../../bot/core/group-docs.js'
import { FileStore } from '../../../bot/ports/store/file-store.js'
import { docSpec, StateDamageError } from '../../../bot/ports/store/store.js'

interface Seen {
  members: Record<string, number>
}
const SEEN = docSpec<Seen>({
  version: 2,
  volatile: true,
  schema: z.object({ members: z.record(z.string(), z.number()) }),
  defaults: () => ({ members: {} }),
})
const PREFIX = 'seen-'

/** A state folder where groups g1..gN each have their stored document. */
async function stored(groups: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'group-docs-'))
  const store = new FileStore(dir)
  const docs = new GroupDocs(store, PREFIX, SEEN)
  for (let i = 1; i <= groups; i++) {
    docs.data.groups[`g${i}@chatroom`] = { members: { [`m${i}`]: i } }
    docs.changed(`g${i}@chatroom`)
  }
  await store.flush()
  return dir
}

describe('one document per group, opened on first use', () => {
  it('lists every stored group at start but reads a group’s document only when that group is looked at', async () => {
    const store = new FileStore(await stored(3))
    const opened = vi.spyOn(store, 'doc')
    const docs = new GroupDocs(store, PREFIX, SEEN)
    expect(Object.keys(docs.data.groups).sort()).toEqual(['g1@chatroom', 'g2@chatroom', 'g3@chatroom'])
    expect(opened).not.toHaveBeenCalled()
    expect(docs.data.groups['g2@chatroom'].members).toEqual({ m2: 2 })
    expect(opened).toHaveBeenCalledTimes(1)
    expect(docs.data.groups['g2@chatroom'].members).toEqual({ m2: 2 }) // read once
    expect(opened).toHaveBeenCalledTimes(1)
  })

  it('keeps a change to a group opened late, and a group replaced before it was read', async () => {
    const dir = await stored(2)
    const store = new FileStore(dir)
    const docs = new GroupDocs(store, PREFIX, SEEN)
    docs.data.groups['g1@chatroom'].members.newcomer = 9
    docs.changed('g1@chatroom')
    docs.data.groups['g2@chatroom'] = { members: { replaced: 1 } }
    docs.changed('g2@chatroom')
    await store.flush()
    const again = new GroupDocs(new FileStore(dir), PREFIX, SEEN)
    expect(again.data.groups['g1@chatroom'].members).toEqual({ m1: 1, newcomer: 9 })
    expect(again.data.groups['g2@chatroom'].members).toEqual({ replaced: 1 })
  })

  it('still refuses at start a group’s document that a newer release wrote', async () => {
    const dir = await stored(1)
    writeFileSync(join(dir, 'state', `${PREFIX}g9%40chatroom.json`), '{"$version":3,"members":{}}')
    expect(() => new GroupDocs(new FileStore(dir), PREFIX, SEEN)).toThrow(StateDamageError)
  })

  it('moves a damaged group document aside when its group is first looked at, and goes on with it empty', async () => {
    const dir = await stored(1)
    writeFileSync(join(dir, 'state', `${PREFIX}g1%40chatroom.json`), '{"$version":2,"members":')
    const store = new FileStore(dir)
    const docs = new GroupDocs(store, PREFIX, SEEN)
    expect(store.warnings).toEqual([])
    expect(docs.data.groups['g1@chatroom']).toEqual({ members: {} })
    expect(store.warnings).toHaveLength(1)
    expect(readdirSync(join(dir, 'state')).some(f => f.includes('.damaged-'))).toBe(true)
  })
})

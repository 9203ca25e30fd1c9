import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { GROUP_SHARDS, GroupDocs } from '../../../bot/core/group-docs.js'
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
const WHOLE = docSpec<{ groups: Record<string, Seen> }>({
  version: 2,
  volatile: true,
  schema: z.object({ groups: z.record(z.string(), z.looseObject({})) }),
  defaults: () => ({ groups: {} }),
  migrations: { 1: old => old },
})
const PREFIX = 'seen-'
const state = (dir: string) => join(dir, 'state')
const familyFiles = (dir: string) =>
  readdirSync(state(dir))
    .filter(f => f.startsWith(PREFIX))
    .sort()
const read = (dir: string, f: string) => JSON.parse(readFileSync(join(state(dir), f), 'utf8'))

/** A state folder where groups g1..gN each have their data stored. */
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

/** The shard file holding a group (from the index). */
const shardFileOf = (dir: string, groupId: string) =>
  `${PREFIX}@${read(dir, `${PREFIX}@index.json`).groups[groupId]}.json`

describe('groups kept in a bounded number of shard documents', () => {
  it('writes at most one file per shard and an index, whatever the number of groups', async () => {
    const dir = await stored(300)
    const files = familyFiles(dir)
    expect(files).toContain(`${PREFIX}@index.json`)
    expect(files.length).toBeLessThanOrEqual(GROUP_SHARDS + 1)
    expect(Object.keys(read(dir, `${PREFIX}@index.json`).groups)).toHaveLength(300)
    // A shard's version comes first, where a start reads it without loading the shard.
    expect(new FileStore(dir).storedVersion(shardFileOf(dir, 'g1@chatroom').slice(0, -5))).toBe(3)
    rmSync(dir, { recursive: true, force: true })
  })

  it('lists every stored group at start but reads a shard only when one of its groups is looked at', async () => {
    const store = new FileStore(await stored(3))
    const opened = vi.spyOn(store, 'doc')
    const docs = new GroupDocs(store, PREFIX, SEEN)
    const shardsRead = () => opened.mock.calls.filter(([name]) => !name.endsWith('@index')).length
    expect(Object.keys(docs.data.groups).sort()).toEqual(['g1@chatroom', 'g2@chatroom', 'g3@chatroom'])
    expect(shardsRead()).toBe(0)
    expect(docs.data.groups['g2@chatroom'].members).toEqual({ m2: 2 })
    expect(shardsRead()).toBe(1)
    expect(docs.data.groups['g2@chatroom'].members).toEqual({ m2: 2 }) // read once
    expect(shardsRead()).toBe(1)
  })

  it('rewrites only the shard of a changed group', async () => {
    const dir = await stored(40)
    const store = new FileStore(dir)
    const docs = new GroupDocs(store, PREFIX, SEEN)
    docs.data.groups['g7@chatroom'].members.newcomer = 9
    docs.changed('g7@chatroom')
    await store.flush()
    expect([...store.writeStats.keys()]).toEqual([shardFileOf(dir, 'g7@chatroom').slice(0, -5)])
  })

  it('writes each change of a group, and its shard’s other groups as they were', async () => {
    const dir = await stored(40)
    const store = new FileStore(dir)
    const docs = new GroupDocs(store, PREFIX, SEEN)
    for (const last of [1, 2]) {
      docs.data.groups['g7@chatroom'].members.m7 = last
      docs.changed('g7@chatroom')
      await store.flush()
    }
    const shard = read(dir, shardFileOf(dir, 'g7@chatroom'))
    expect(shard.groups['g7@chatroom']).toEqual({ members: { m7: 2 } })
    const again = new GroupDocs(new FileStore(dir), PREFIX, SEEN)
    for (const id of Object.keys(shard.groups))
      expect(again.data.groups[id].members).toEqual(
        id === 'g7@chatroom' ? { m7: 2 } : { [`m${id.slice(1, -9)}`]: Number(id.slice(1, -9)) },
      )
  })

  it('writes a shard as its groups are, busy ones changed before every write and quiet ones since a change', async () => {
    const dir = await stored(100)
    const store = new FileStore(dir)
    const docs = new GroupDocs(store, PREFIX, SEEN)
    const index = read(dir, `${PREFIX}@index.json`).groups
    const mates = Object.keys(index).filter(id => index[id] === index['g7@chatroom'] && id !== 'g7@chatroom')
    const [quiet, once] = mates
    expect(once).toBeDefined()
    for (let round = 1; round <= 4; round++) {
      docs.data.groups['g7@chatroom'].members.m7 = 100 + round // busy: changed before every write
      docs.changed('g7@chatroom')
      if (round === 2) {
        docs.data.groups[once].members.extra = round // changed once, then quiet
        docs.changed(once)
      }
      await store.flush()
      const shard = read(dir, shardFileOf(dir, 'g7@chatroom')).groups
      for (const id of ['g7@chatroom', quiet, once]) expect(shard[id]).toEqual(docs.data.groups[id])
    }
    expect(read(dir, shardFileOf(dir, 'g7@chatroom')).groups[once].members.extra).toBe(2)
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

  it('runs work on a group when its shard is read (whenRead), at once when it is open, all of it by readWaiting', async () => {
    const dir = await stored(3)
    const store = new FileStore(dir)
    const opened = vi.spyOn(store, 'doc')
    const docs = new GroupDocs(store, PREFIX, SEEN)
    const shardsRead = () => opened.mock.calls.filter(([name]) => !name.endsWith('@index')).length
    const raise = (id: string, member: string, at: number) => () => {
      const g = docs.data.groups[id]
      g.members[member] = Math.max(g.members[member] ?? 0, at)
      docs.changed(id)
    }
    docs.whenRead('g1@chatroom', raise('g1@chatroom', 'm1', 10))
    docs.whenRead('g2@chatroom', raise('g2@chatroom', 'm2', 20))
    docs.whenRead('unknown@chatroom', () => expect(docs.data.groups['unknown@chatroom']).toBeUndefined())
    expect(shardsRead()).toBe(0)
    // The first look at the group finds the work done.
    expect(docs.data.groups['g1@chatroom'].members).toEqual({ m1: 10 })
    const afterFirst = shardsRead()
    docs.whenRead('g1@chatroom', raise('g1@chatroom', 'm1', 5)) // its shard is open: at once (a lower time stays)
    expect(docs.data.groups['g1@chatroom'].members).toEqual({ m1: 10 })
    expect(shardsRead()).toBe(afterFirst)
    docs.readWaiting()
    await store.flush()
    const again = new GroupDocs(new FileStore(dir), PREFIX, SEEN)
    expect(again.data.groups['g1@chatroom'].members).toEqual({ m1: 10 })
    expect(again.data.groups['g2@chatroom'].members).toEqual({ m2: 20 })
    expect(again.data.groups['g3@chatroom'].members).toEqual({ m3: 3 })
  })
  it('still refuses at start a shard that a newer release wrote', async () => {
    const dir = await stored(1)
    writeFileSync(join(state(dir), `${PREFIX}@9.json`), '{"$version":4,"groups":{}}')
    expect(() => new GroupDocs(new FileStore(dir), PREFIX, SEEN)).toThrow(StateDamageError)
  })

  it('moves a damaged shard aside when one of its groups is first looked at, and goes on without its groups', async () => {
    const dir = await stored(1)
    writeFileSync(join(state(dir), shardFileOf(dir, 'g1@chatroom')), '{"$version":3,"groups":')
    const store = new FileStore(dir)
    const docs = new GroupDocs(store, PREFIX, SEEN)
    expect(store.warnings).toEqual([])
    expect(docs.data.groups['g1@chatroom']).toBeUndefined()
    expect(store.warnings).toHaveLength(1)
    expect(readdirSync(state(dir)).some(f => f.includes('.damaged-'))).toBe(true)
  })

  it('finds the groups again from the shards when the index is lost', async () => {
    const dir = await stored(5)
    rmSync(join(state(dir), `${PREFIX}@index.json`))
    const docs = new GroupDocs(new FileStore(dir), PREFIX, SEEN)
    expect(Object.keys(docs.data.groups)).toHaveLength(5)
    expect(docs.data.groups['g4@chatroom'].members).toEqual({ m4: 4 })
  })
})

describe('taking over the layouts of older releases', () => {
  /** A folder as the per-group release left it: one `seen-<group>` document per group. */
  function perGroupFolder(groups: number): string {
    const dir = mkdtempSync(join(tmpdir(), 'group-docs-old-'))
    new FileStore(dir) // creates the folders
    for (let i = 1; i <= groups; i++)
      writeFileSync(
        join(state(dir), `${PREFIX}${encodeURIComponent(`g${i}@chatroom`)}.json`),
        JSON.stringify({ $version: 2, members: { [`m${i}`]: i } }),
      )
    return dir
  }

  it('moves one-document-per-group into the shards, removes the old documents, and reopens intact', async () => {
    const dir = perGroupFolder(30)
    const docs = new GroupDocs(new FileStore(dir), PREFIX, SEEN)
    await docs.adopt('seen', WHOLE)
    expect(docs.data.groups['g12@chatroom'].members).toEqual({ m12: 12 })
    expect(familyFiles(dir).every(f => f.startsWith(`${PREFIX}@`))).toBe(true)
    expect(read(dir, shardFileOf(dir, 'g12@chatroom')).$version).toBe(3)
    const again = new GroupDocs(new FileStore(dir), PREFIX, SEEN)
    expect(Object.keys(again.data.groups)).toHaveLength(30)
    expect(again.data.groups['g30@chatroom'].members).toEqual({ m30: 30 })
  })

  it('after a kill between writing the shards and removing the old documents, the shards’ copy wins', async () => {
    const dir = await stored(2)
    writeFileSync(join(state(dir), `${PREFIX}g1%40chatroom.json`), JSON.stringify({ $version: 2, members: { old: 0 } }))
    const docs = new GroupDocs(new FileStore(dir), PREFIX, SEEN)
    await docs.adopt('seen', WHOLE)
    expect(docs.data.groups['g1@chatroom'].members).toEqual({ m1: 1 })
    expect(existsSync(join(state(dir), `${PREFIX}g1%40chatroom.json`))).toBe(false)
  })

  it('moves the groups of the whole document of the oldest releases and leaves it empty as version 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'group-docs-whole-'))
    new FileStore(dir)
    writeFileSync(join(state(dir), 'seen.json'), JSON.stringify({ $version: 1, groups: { g1: { members: { a: 1 } } } }))
    const docs = new GroupDocs(new FileStore(dir), PREFIX, SEEN)
    await docs.adopt('seen', WHOLE)
    expect(read(dir, 'seen.json')).toEqual({ $version: 2, groups: {} })
    expect(new GroupDocs(new FileStore(dir), PREFIX, SEEN).data.groups.g1.members).toEqual({ a: 1 })
  })
})

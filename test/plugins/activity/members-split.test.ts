import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { FileStore } from '../../../bot/ports/store/file-store.js'
import { docSpec, type Store } from '../../../bot/ports/store/store.js'
import { activityPlugin } from '../../../plugins/activity/index.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'
import { testStore } from '../../helpers/test-store.js'

const CONFIG = `
company: 示例科技
roles: { admin: [admin1], leader: [boss], staff: [zhang] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
plugins:
  activity: {}
`
const sales = group('r1', '销售部工作群', 'internal', '销售群')
const boss = member('boss', '王经理')

/** What a release before the per-group split wrote: every group in one `activity-members` document. */
const OLD_SPEC = docSpec<{ groups: Record<string, unknown> }>({
  version: 1,
  schema: z.object({ groups: z.record(z.string(), z.unknown()) }),
  defaults: () => ({ groups: {} }),
  volatile: true,
})
const seen = {
  r1: { topic: '销售部工作群', kind: 'internal', since: 1, members: { wang: { name: '王五', staff: false, last: 5 } } },
  'odd/id@chatroom': { topic: '旧群', kind: 'customer', since: 2, members: { c9: { name: '陈女士', staff: false } } },
}

async function setup(store: Store) {
  const h = await makeRuntime(CONFIG, [activityPlugin], { store })
  h.wechat.addGroup(sales, [boss, member('zhang', '张三'), member('wang', '王五')])
  return h
}

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('activity: last-seen members kept per group', () => {
  it('still finds a member by name whom an older release recorded in one document', async () => {
    const store = await testStore()
    store.doc('activity-members', OLD_SPEC).data = { groups: structuredClone(seen) }
    const { rt, clock, wechat } = await setup(store)
    await rt.handle(text(boss, '#活跃度 今日 王五', clock.now(), sales))
    await clock.advance(60_000)
    expect(wechat.textsTo('r1')[0]).toBe('📈 王五 · 今日（11月30日 周一）\n这段时间没有发言记录。')
  })

  it('moves the old file into the shard documents, empties it as version 2; a message rewrites only its shard', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'activity-split-'))
    dirs.push(dir)
    new FileStore(dir) // creates the folders
    writeFileSync(join(dir, 'state', 'activity-members.json'), JSON.stringify({ $version: 1, groups: seen }))
    const first = await setup(new FileStore(dir))
    await first.store.flush()
    const read = (f: string) => JSON.parse(readFileSync(join(dir, 'state', f), 'utf8'))
    const shardOf = (id: string) => `activity-members-@${read('activity-members-@index.json').groups[id]}`
    expect(
      readdirSync(join(dir, 'state'))
        .filter(f => f.startsWith('activity-members'))
        .sort(),
    ).toEqual(
      [
        ...new Set([`${shardOf('r1')}.json`, `${shardOf('odd/id@chatroom')}.json`]),
        'activity-members-@index.json',
        'activity-members.json',
      ].sort(),
    )
    expect(read('activity-members.json')).toEqual({ $version: 2, groups: {} })
    expect(read(`${shardOf('odd/id@chatroom')}.json`).groups['odd/id@chatroom']).toEqual(seen['odd/id@chatroom'])

    const store = new FileStore(dir)
    const { rt, clock } = await setup(store)
    await rt.handle(text(member('zhang', '张三'), '大家早', clock.now(), sales))
    await store.flush()
    expect([...store.writeStats.keys()].filter(n => n.startsWith('activity-members'))).toEqual([shardOf('r1')])
    expect(read(`${shardOf('r1')}.json`).groups.r1.members).toEqual({
      wang: { name: '王五', staff: false, last: 5 },
      zhang: { name: '张三', staff: true, last: clock.now() },
    })
  })
})

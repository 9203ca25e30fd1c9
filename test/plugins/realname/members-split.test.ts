import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { FileStore } from '../../../bot/ports/store/file-store.js'
import { docSpec } from '../../../bot/ports/store/store.js'
import { realnamePlugin } from '../../../plugins/realname/index.js'
import { makeRuntime, member, text } from '../../helpers/harness.js'
import { testStore } from '../../helpers/test-store.js'
import { config, MIN, sales } from './setup.js'

/** What a release before the per-group split wrote: every group in one `realname-members` document. */
const OLD_SPEC = docSpec<{ groups: Record<string, unknown> }>({
  version: 1,
  schema: z.object({ groups: z.record(z.string(), z.unknown()) }),
  defaults: () => ({ groups: {} }),
  volatile: true,
})
const known = {
  'r-sales': {
    baselined: true,
    members: { wxid_admin: { since: 1, label: '陈管理' }, wxid_zhangsan: { since: 1, name: '张三', label: '张三' } },
  },
  'odd/id@chatroom': { baselined: false, members: { wxid_x: { since: 2, joinedAt: 2, label: '小西' } } },
}

const start = (store: Awaited<ReturnType<typeof testStore>>) =>
  makeRuntime(config(), [realnamePlugin], { file: 'test/plugins/realname/fixtures/test.yaml', store })

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('realname: known members kept per group', () => {
  it('keeps the members an older release recorded in one document: the first sweep finds the newcomer', async () => {
    const store = await testStore()
    store.doc('realname-members', OLD_SPEC).data = { groups: structuredClone(known) }
    const { clock, wechat } = await start(store)
    wechat.addGroup(sales, [
      member('wxid_admin', '陈管理', '行政部-陈静'),
      member('wxid_zhangsan', '张三', '销售部-张三'),
      member('wxid_qr', '小钱'),
    ])
    await clock.advance(31 * MIN) // Monday 09:31: the sweep already knows who was there
    expect(wechat.textsTo('wxid_admin')[0]).toContain(
      '未收到入群通知的新成员（扫码等方式入群，宽限期后核对）：小钱（示例科技销售部工作群）',
    )
  })

  it('moves the old file into the shard documents, empties it as version 2, and reopens intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'realname-split-'))
    dirs.push(dir)
    new FileStore(dir) // creates the folders
    writeFileSync(join(dir, 'state', 'realname-members.json'), JSON.stringify({ $version: 1, groups: known }))
    const first = await start(new FileStore(dir))
    await first.store.flush()
    const read = (f: string) => JSON.parse(readFileSync(join(dir, 'state', f), 'utf8'))
    const shardOf = (id: string) => `realname-members-@${read('realname-members-@index.json').groups[id]}`
    const files = readdirSync(join(dir, 'state')).filter(f => f.startsWith('realname-members'))
    expect(files.sort()).toEqual(
      [
        ...new Set([`${shardOf('r-sales')}.json`, `${shardOf('odd/id@chatroom')}.json`]),
        'realname-members-@index.json',
        'realname-members.json',
      ].sort(),
    )
    expect(read('realname-members.json')).toEqual({ $version: 2, groups: {} })
    expect(read(`${shardOf('r-sales')}.json`).groups['r-sales']).toEqual(known['r-sales'])

    // After a restart, a newcomer who speaks rewrites only their group's shard.
    const store = new FileStore(dir)
    const { rt, clock, wechat } = await start(store)
    wechat.addGroup(sales, [member('wxid_wangwu', '王五', '销售部-王五')])
    await rt.handle(text(member('wxid_wangwu', '王五', '销售部-王五'), '大家好', clock.now(), sales))
    await store.flush()
    expect([...store.writeStats.keys()].filter(n => n.startsWith('realname-members'))).toEqual([shardOf('r-sales')])
    expect(Object.keys(read(`${shardOf('r-sales')}.json`).groups['r-sales'].members).sort()).toEqual([
      'wxid_admin',
      'wxid_wangwu',
      'wxid_zhangsan',
    ])
    expect(read(`${shardOf('odd/id@chatroom')}.json`).groups['odd/id@chatroom']).toEqual(known['odd/id@chatroom'])
  })

  it('moves the one-file-per-group layout of the previous release into the shards: the sweep still knows who was there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'realname-shards-'))
    dirs.push(dir)
    new FileStore(dir) // creates the folders
    for (const [id, g] of Object.entries(known))
      writeFileSync(
        join(dir, 'state', `realname-members-${encodeURIComponent(id)}.json`),
        JSON.stringify({ $version: 1, ...g }),
      )
    const { clock, wechat } = await start(new FileStore(dir))
    expect(readdirSync(join(dir, 'state')).filter(f => /^realname-members-[^@]/.test(f))).toEqual([])
    wechat.addGroup(sales, [
      member('wxid_admin', '陈管理', '行政部-陈静'),
      member('wxid_zhangsan', '张三', '销售部-张三'),
      member('wxid_qr', '小钱'),
    ])
    await clock.advance(31 * MIN)
    expect(wechat.textsTo('wxid_admin')[0]).toContain(
      '未收到入群通知的新成员（扫码等方式入群，宽限期后核对）：小钱（示例科技销售部工作群）',
    )
  })
})

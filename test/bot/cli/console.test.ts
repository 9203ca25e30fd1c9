import { describe, expect, it, vi } from 'vitest'
import type { App } from '../../../bot/app.js'
import { describeSent, joinNote, runLine } from '../../../bot/cli/console.js'
import { createSandbox, type SentRecord } from '../../../bot/sandbox/index.js'
import { populateWorld, readWorld } from '../../../bot/sandbox/load-world.js'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, parseConfig } from '../../../bot/config/load-config.js'
import { EXAMPLE_CONFIG } from '../../../bot/env.js'
import { PLUGINS } from '../../../plugins/index.js'

describe('the sandbox console on /join', () => {
  const loaded = loadConfig(EXAMPLE_CONFIG, PLUGINS)

  it('says who joined and that the welcome goes out merged after the batch window', () => {
    expect(joinNote(loaded, '新人甲', 'r1@chatroom', '示例科技销售部工作群')).toBe(
      '（新人甲 入群「示例科技销售部工作群」；欢迎语在 1分钟 后发出，期间入群的人合并成一条 welcome in 1分钟, joins merged）',
    )
  })

  it('says when no welcome will come', () => {
    expect(joinNote(loaded, '新人甲', 'r2@chatroom', '别的群')).toBe(
      '（新人甲 入群「别的群」；该群不受管理，不发欢迎）',
    )
    const text = readFileSync(EXAMPLE_CONFIG, 'utf8').replace('    welcome:\n', '    welcome:\n      enabled: false\n')
    const off = parseConfig(text, EXAMPLE_CONFIG, PLUGINS)
    expect(joinNote(off, '新人甲', 'r1@chatroom', '示例科技销售部工作群')).toBe(
      '（新人甲 入群「示例科技销售部工作群」；该群的欢迎语已关闭）',
    )
  })
})

describe('the sandbox console commands without their arguments', () => {
  const world = () => {
    const { world } = createSandbox({ now: () => 0 })
    populateWorld(world, readWorld('data/demo/world.yaml'))
    return world
  }
  /** What the console prints for a line: its note, or its ⚠️ message. */
  const printed = (w: ReturnType<typeof world>, line: string) => {
    try {
      return runLine(w, line, undefined, {} as App).note
    } catch (e) {
      return `⚠️ ${(e as Error).message}`
    }
  }

  it('print their usage in Chinese instead of 没有群 undefined', () => {
    const w = world()
    expect(printed(w, '/use')).toBe('⚠️ 用法：/use <群名>')
    expect(printed(w, '/join')).toBe('⚠️ 用法：/join <群名> <名字> [群昵称]')
    expect(printed(w, '/join 示例科技销售部工作群')).toBe('⚠️ 用法：/join <群名> <名字> [群昵称]')
    expect(printed(w, '/leave 示例科技销售部工作群')).toBe('⚠️ 用法：/leave <群名> <名字>')
    expect(printed(w, '/rename')).toBe('⚠️ 用法：/rename <群名> <名字> <群昵称>（清空群昵称：/rename <群名> <名字> -）')
  })

  it('after /use, a nickname several groups share speaks in the current group, not the first one', () => {
    const w = world()
    const sent = vi.spyOn(w, 'send').mockReturnValue('m1') // where it lands; no bot is logged in here
    const { current } = runLine(w, '/use 示例科技公告群', undefined, {} as App)
    // She is in several groups: the console says which one heard her, the current one too.
    expect(runLine(w, '行政部-陈静> 下周一放假', current, {} as App).note).toMatch(
      /^（行政部-陈静 在「示例科技公告群」发言；共在 \d+ 个群，\/use <群名> 换群）$/,
    )
    expect(sent.mock.calls.at(-1)?.[1]).toEqual({ room: w.findRoom('示例科技公告群') })
    // Without /use, the first group the nickname is found in, and the console says which.
    expect(runLine(w, '行政部-陈静> 收到', undefined, {} as App).note).toMatch(/^（行政部-陈静 在「示例科技.+」发言；/)
    // Someone in one group only, in the current group: nothing to tell.
    expect(runLine(w, '优惠多多> 好的', w.findRoom('示例科技张三交流群'), {} as App).note).toBeUndefined()
  })

  it('/help says the current group comes first, as the console does', () => {
    const help = runLine(world(), '/help', undefined, {} as App).note ?? ''
    expect(help).toContain('先用当前群')
    expect(help).not.toContain('群昵称决定所在群')
  })

  it('says in Chinese who is not in a group for /leave and /rename, and who already is for /join', () => {
    const w = world()
    expect(printed(w, '/leave 示例科技张三交流群 王五')).toBe(
      '⚠️ 王五 不在「示例科技张三交流群」里（/groups 列出各群的成员）',
    )
    expect(printed(w, '/rename 示例科技张三交流群 王五 王五-广州')).toBe(
      '⚠️ 王五 不在「示例科技张三交流群」里（/groups 列出各群的成员）',
    )
    expect(printed(w, '/join 示例科技张三交流群 刘总')).toBe('⚠️ 刘总 已在「示例科技张三交流群」里')
  })

  it('keeps the nickname when /rename has none, and clears it only with -', () => {
    const w = world()
    const room = 'r-sales@chatroom'
    const before = w.groupAlias(room, 'wxid_zhangsan')
    expect(before).toBeTruthy()
    expect(printed(w, '/rename 示例科技销售部工作群 张三')).toMatch(/^⚠️ 用法：\/rename /)
    expect(w.groupAlias(room, 'wxid_zhangsan')).toBe(before)
    expect(printed(w, '/rename 示例科技销售部工作群 张三 -')).toMatch(/^（已清空群昵称；/)
    expect(w.groupAlias(room, 'wxid_zhangsan')).toBeUndefined()
  })
})

describe('the sandbox console on what the bot sends', () => {
  it('says where a chart the bot wrote is, to open it; a text as it is', () => {
    const out = mkdtempSync(join(tmpdir(), 'console-out-'))
    mkdirSync(join(out, 'activity'))
    writeFileSync(join(out, 'activity', 'daily-1.png'), '')
    const sent = { kind: 'image', fileName: 'daily-1.png', mentionIds: [] } as unknown as SentRecord
    expect(describeSent(sent, out)).toBe(`[image daily-1.png] → ${join(out, 'activity', 'daily-1.png')}`)
    expect(describeSent({ ...sent, fileName: 'poster.png' }, out)).toBe('[image poster.png]')
    expect(describeSent({ ...sent, kind: 'text', text: '你好' }, out)).toBe('你好')
  })
})

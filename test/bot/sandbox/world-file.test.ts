import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readWorld } from '../../../bot/sandbox/load-world.js'

describe('the sandbox world file', () => {
  it('names the file, line and entry of every member, owner or admin not among the contacts, all at once', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'world-')), 'world.yaml')
    writeFileSync(
      file,
      [
        'bot: { id: wxid_bot, name: 小助手 }',
        'contacts:',
        '  - { id: wxid_a, name: 张三 }',
        'groups:',
        '  - id: r1@chatroom',
        '    topic: 销售部工作群',
        '    owner: wxid_boss',
        '    members:',
        '      wxid_a: 销售部-张三',
        '      wxid_b: 销售部-李四',
        '      wxid_c: null',
        '',
      ].join('\n'),
    )
    const message = (() => {
      try {
        readWorld(file)
        return ''
      } catch (e) {
        return (e as Error).message
      }
    })()
    const lines = message.split('\n')
    expect(lines).toHaveLength(3)
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^${file}:7.*owner.*群主 wxid_boss 不在 contacts 里`)),
    )
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${file}:10.*wxid_b.*成员 wxid_b 不在 contacts 里`)))
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${file}:11.*wxid_c.*成员 wxid_c 不在 contacts 里`)))
  })

  it('still reads the demo world', () => {
    expect(readWorld('data/demo/world.yaml').groups.length).toBeGreaterThan(0)
  })
})

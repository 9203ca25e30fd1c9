import { describe, expect, it } from 'vitest'
import { worldBannerLines } from '../../../bot/cli/sandbox-banner.js'
import type { BotConfig } from '../../../bot/config/load-config.js'
import type { WorldSpec } from '../../../bot/sandbox/load-world.js'

const world: WorldSpec = {
  bot: { id: 'wxid_bot', name: '小助手' },
  contacts: [{ id: 'wxid_k1', name: '李老板' }],
  groups: [
    { id: 'r1', topic: '示例科技销售部工作群', admins: [], members: { wxid_zhang: '销售部-张三' } },
    { id: 'r2', topic: '华通销售一部工作群', admins: [], members: { wxid_zhou: '销售一部-周杰' } },
  ],
}
const entry = (name: string, topic: string) => ({ name, topic, kind: 'internal' }) as BotConfig['groups'][number]

describe('the sandbox banner', () => {
  it('warns, pointing to --world, when configured groups are not in the demo world, and speaks as one of its members', () => {
    const lines = worldBannerLines(
      world,
      [entry('一部', '华通销售一部工作群'), entry('二部', '华通销售二部工作群')],
      false,
    )
    expect(lines[0]).toContain('配置里有 1 个群不在演示群里')
    expect(lines.join('\n')).toContain('--world')
    expect(lines.at(-1)).toBe(' 输入 /help 查看用法；例如  销售一部-周杰> 大家好')
  })

  it('does not warn when every configured group is in the world, or when the world was given', () => {
    expect(worldBannerLines(world, [entry('销售部', '示例科技销售部工作群')], false)).toEqual([
      ' 输入 /help 查看用法；例如  销售部-张三> 大家好',
    ])
    expect(worldBannerLines(world, [entry('二部', '华通销售二部工作群')], true)).toHaveLength(1)
  })
})

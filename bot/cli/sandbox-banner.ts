import type { BotConfig } from '../config/load-config.js'
import { GroupMatcher } from '../runtime/groups/group-matcher.js'
import type { WorldSpec } from '../sandbox/load-world.js'

/**
 * The sandbox banner's lines about the world: a warning when the configured groups are not in it and no
 * `--world` was given (the shipped demo world has only the demo's groups), and an example line spoken by a
 * member of a managed group of this world.
 */
export function worldBannerLines(spec: WorldSpec, groups: BotConfig['groups'], worldGiven: boolean): string[] {
  const matcher = new GroupMatcher(groups)
  const managed = spec.groups.filter(g => matcher.match(g.id, g.topic))
  const missing = groups.length - new Set(managed.map(g => matcher.match(g.id, g.topic)?.configName)).size
  const lines =
    missing > 0 && !worldGiven
      ? [
          ` ⚠️ 配置里有 ${missing} 个群不在演示群里（演示群只有示例配置的群），机器人不会管理它们。`,
          '    用 --world 你的群.yaml 描述你自己的群和成员（格式照 data/demo/world.yaml），例如 npm start -- --world my-world.yaml',
          `    ${missing} configured group(s) are not in the demo world: describe yours with --world FILE.yaml`,
        ]
      : []
  const room = managed[0] ?? spec.groups[0]
  const [id, nick] = Object.entries(room?.members ?? {})[0] ?? []
  const speaker = nick ?? spec.contacts.find(c => c.id === id)?.name
  return [...lines, ` 输入 /help 查看用法${speaker ? `；例如  ${speaker}> 大家好` : ''}`]
}

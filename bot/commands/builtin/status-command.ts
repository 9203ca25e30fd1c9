import { type CommandSpec, pluginTitle } from '../../core/plugin.js'
import { formatDuration } from '../../config/duration.js'
import { firstLine } from '../../runtime/delivery/executor.js'
import { healthOf } from './health.js'
import type { RuntimeView } from './runtime-view.js'
import { describeUnmatched, unmatchedGroups } from '../../runtime/groups/group-matcher.js'
import { usageBrief } from '../../runtime/storage/storage-usage.js'
import { pluginsRunLines } from '../../runtime/host/plugins-run.js'

/** `#状态` (answered privately, as `#审计`: `recordsAnswer`): uptime, plugins, groups, the fleet, outbox depth, storage sizes, health and the last errors. */
export function statusCommand(rt: RuntimeView): CommandSpec {
  const p = rt.loaded.config.commandPrefix
  return {
    name: '状态',
    aliases: ['status'],
    role: 'admin',
    recordsAnswer: true,
    usage: `${p}状态`,
    description: '运行状态：在线时长、群、发送队列、最近错误（私聊回复）',
    run: async inv => [inv.reply(statusText(rt, [...(await fleetLines(rt)), ...(await databaseFleet(rt))]))],
  }
}

/** `#状态` lines about the fleet in the database (accounts, leases, queues); a failed read is one line, not an error. */
async function databaseFleet(rt: RuntimeView): Promise<string[]> {
  const topic = (id: string) => rt.deps.directory.group(id)?.topic ?? id
  return rt.fleet.status(topic).catch(e => [`机器人账号组：数据库读取失败（${firstLine(e)}）`])
}

/**
 * `#状态` lines for the fleet (`fleet.peers`): each other bot account by contact id and the managed groups it is in
 * (peers are never listed as members anywhere else).
 */
export async function fleetLines(rt: RuntimeView): Promise<string[]> {
  const peers = rt.loaded.config.fleet.peers
  if (!peers.length) return []
  const { directory } = rt.deps
  const groups = directory.groups()
  const members = await Promise.all(groups.map(g => directory.members(g.id).catch(() => [])))
  return [
    `机器人账号组：本账号 ${directory.selfId()} 与 ${peers.length} 个同伴账号（彼此不警告、不统计、不等待回复）`,
    ...peers.map(id => {
      const seen = groups.filter((_, i) => members[i].some(m => m.id === id))
      const where = seen.length
        ? `在 ${seen.length}/${groups.length} 个群（${seen
            .slice(0, 8)
            .map(g => g.topic)
            .join('、')}${seen.length > 8 ? '…' : ''}）`
        : '不在任何受管理的群'
      return `· ${id}：${where}`
    }),
  ]
}

/** The `#状态` text: uptime, plugins, groups, the fleet, outbox depth, storage sizes, health and the last errors. */
export function statusText(rt: RuntimeView, fleet: string[] = []): string {
  const now = rt.deps.clock.now()
  const groups = rt.deps.directory.groups()
  // Read now, not at login: a group the bot is added to later, or a topic fixed by #重载配置, counts at once.
  // In a fleet (`fleet` lines: configured peers or accounts in the database) the accounts share one config and
  // each is in some of its groups: a group this account is not in is no fault here.
  const missing = unmatchedGroups(rt.loaded.config.groups, groups)
  const missingIsFault = fleet.length === 0
  const health = healthOf(rt, !missingIsFault)
  const calendar = rt.calendarWarning()
  return [
    `健康：${health.ok ? '✅ 正常' : `⚠️ ${health.label}`}`,
    ...(calendar ? [calendar] : []),
    `在线：${formatDuration(now - rt.startedAt)}（登录账号 ${rt.deps.directory.selfId()}）`,
    ...pluginsRunLines(
      rt.plugins.map(x => ({ name: x.name, title: pluginTitle(x.def) })),
      rt.loaded.writtenPlugins,
    ),
    ...rt.modes
      .describe(
        rt.plugins.map(x => x.name),
        titleOf(rt),
      )
      .map(line => `· ${line}`),
    `受管理的群：${groups.length} 个${
      groups.length
        ? '（' +
          groups
            .slice(0, 8)
            .map(g => g.topic)
            .join('、') +
          (groups.length > 8 ? '…' : '') +
          '）'
        : ''
    }`,
    ...(!missing.length
      ? []
      : missingIsFault
        ? [`未找到的群：${describeUnmatched(missing)}（检查群名，或把机器人拉进群）`]
        : [`本账号不在的群：${describeUnmatched(missing)}（由账号组的其他账号管理）`]),
    ...fleet,
    `发送队列：${rt.outbox.depth()} 条待发；待触发定时：${rt.timers.pending().length}；内存 ${Math.round(process.memoryUsage().rss / 1048576)} MB`,
    ...(rt.storage.usage ? [usageBrief(rt.storage.usage, now)] : []),
    ...rt.plugins.flatMap(x => (x.instance.status ? [`${pluginTitle(x.def)}：${x.instance.status()}`] : [])),
    ...(rt.deps.store.warnings.length ? ['存储警告：', ...rt.deps.store.warnings] : []),
    ...(rt.errors.length || rt.outbox.failures.length
      ? ['最近错误（详情见日志）：', ...[...rt.errors, ...rt.outbox.failures].slice(-5).map(firstLine)]
      : []),
  ].join('\n')
}

/** A running plugin's title by name (`违规内容（content）`), for mode lines. */
export function titleOf(rt: RuntimeView): (plugin: string) => string {
  return name => {
    const hosted = rt.plugins.find(x => x.name === name)
    return hosted ? pluginTitle(hosted.def) : name
  }
}

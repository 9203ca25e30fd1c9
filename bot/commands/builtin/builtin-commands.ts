import type { Action } from '../../core/actions.js'
import type { CommandSpec } from '../../core/plugin.js'
import { ConfigError, rosterPath } from '../../config/load-config.js'
import { loadRoster, RosterError } from '../../roster/load-roster.js'
import { formatDuration } from '../../config/duration.js'
import { shortDateTime } from '../../time/zoned.js'
import type { BotRuntime } from '../../runtime/host/runtime.js'
import { firstLine } from '../../runtime/delivery/executor.js'
import { undoCommand } from './undo-command.js'

/** The runtime's own commands: help, status, reload, audit, dry-run switch, undo. */
export function builtinCommands(rt: BotRuntime): CommandSpec[] {
  const tz = () => rt.loaded.config.timezone
  const p = rt.loaded.config.commandPrefix
  return [
    {
      name: '帮助',
      aliases: ['help'],
      role: 'member',
      customerFacing: true,
      usage: `${p}帮助`,
      description: '列出你可以使用的命令',
      run: inv => [inv.reply(rt.router.help(inv.event))],
    },
    {
      name: '我的ID',
      aliases: ['whoami'],
      role: 'member',
      customerFacing: true,
      usage: `${p}我的ID`,
      description: '私聊告诉你自己的微信 ID（管理员据此在配置里绑定角色）',
      run: inv => [
        {
          type: 'say',
          to: { contact: inv.event.sender.id },
          text: `你的微信 ID：${inv.event.sender.id}\n（管理员把它写进配置 roles 或花名册 contactId 即可绑定角色；按 ID 认人，改昵称无效。）`,
          rule: 'command.whoami',
          memberId: inv.event.sender.id,
          audience: 'asker',
        },
      ],
    },
    {
      name: '状态',
      aliases: ['status'],
      role: 'admin',
      usage: `${p}状态`,
      description: '运行状态：在线时长、群、发送队列、最近错误',
      run: async inv => [inv.reply(statusText(rt, await fleetLines(rt)))],
    },
    {
      name: '重载配置',
      aliases: ['reload'],
      role: 'admin',
      usage: `${p}重载配置`,
      description: '重新读取配置文件（先校验，出错则保留旧配置）',
      run: async inv => {
        if (!rt.deps.reloadConfig) return [inv.reply('此运行方式不支持重载配置。')]
        try {
          await rt.applyConfig(rt.deps.reloadConfig())
          return [inv.reply(`✅ 配置已重载：${rt.plugins.length} 个插件。`)]
        } catch (e) {
          const problems = e instanceof ConfigError ? e.problems : [firstLine(e)]
          return [
            inv.reply(`❌ 新配置有 ${problems.length} 个问题，继续使用旧配置：\n${problems.slice(0, 10).join('\n')}`),
          ]
        }
      },
    },
    {
      name: '花名册',
      aliases: ['roster'],
      role: 'admin',
      usage: `${p}花名册 重载`,
      description: '重新读取花名册文件（先校验，出错则保留旧花名册）',
      run: inv => {
        const file = rosterPath(rt.loaded)
        if (inv.argv[0] !== '重载' && inv.argv[0] !== 'reload')
          return [inv.reply(`用法：${p}花名册 重载。当前花名册 ${rt.loaded.roster.entries.length} 人。`)]
        if (!file) return [inv.reply(`配置中没有 roster（花名册）文件（写在配置里的名单请用 ${p}重载配置）。`)]
        try {
          const roster = loadRoster(file)
          rt.replaceRoster(roster)
          return [inv.reply(`✅ 花名册已重载：${roster.entries.length} 人。`)]
        } catch (e) {
          const problems = e instanceof RosterError ? e.problems : [firstLine(e)]
          return [
            inv.reply(`❌ 花名册有 ${problems.length} 个问题，继续使用旧花名册：\n${problems.slice(0, 10).join('\n')}`),
          ]
        }
      },
    },
    {
      name: '审计',
      aliases: ['audit'],
      role: 'admin',
      usage: `${p}审计 [@成员] [插件名] [天数]`,
      description: '查询机器人做过（或观察模式下将做）的操作',
      run: inv => {
        const days = Number(inv.argv.find(a => /^\d+$/.test(a)) ?? 7)
        const plugin = inv.argv.find(a => rt.plugins.some(x => x.name === a))
        const entries = rt.audit.query({ memberId: inv.event.mentions[0], plugin, days, limit: 15 })
        if (!entries.length) return [inv.reply(`最近 ${days} 天没有符合条件的记录。`)]
        return [
          inv.reply(
            entries
              .map(
                e =>
                  `${e.id} ${shortDateTime(e.at, tz())} ${e.plugin}/${e.rule} ${e.type}${e.dryRun ? '（观察）' : ''}${e.memberId ? ` [${e.memberId}]` : ''}${e.reason ? ` ${e.reason}` : ''}`,
              )
              .join('\n'),
          ),
        ]
      },
    },
    {
      name: '观察',
      aliases: ['dryrun'],
      role: 'admin',
      usage: `${p}观察 [<插件名|全部> 开|关]`,
      description: '观察模式：只记录不执行；不带参数时列出每个插件在各群的模式',
      run: inv => {
        const [name, sw] = inv.argv
        const all = rt.plugins.map(x => x.name)
        if (!name)
          return [
            inv.reply(['观察模式（开关 > 群设置 > 插件设置 > 全局设置）：', ...rt.modes.describe(all)].join('\n')),
          ]
        const targets = name === '全部' || name === 'all' ? all : all.filter(x => x === name)
        if (!targets.length || !['开', '关', 'on', 'off'].includes(sw))
          return [inv.reply(`用法：${p}观察 <插件名|全部> 开|关。插件：${all.join('、')}`)]
        const on = sw === '开' || sw === 'on'
        for (const t of targets) rt.modes.set(t, on)
        return [
          inv.reply(
            [`${targets.join('、')} 观察模式已${on ? '开启' : '关闭'}（所有群）。`, ...rt.modes.describe(targets)].join(
              '\n',
            ),
          ),
        ]
      },
    },
    undoCommand(rt),
  ]
}

/**
 * `#状态` lines for the fleet (`fleet.peers`): each other bot account by contact id and the managed groups it is in
 * (peers are never listed as members anywhere else).
 */
export async function fleetLines(rt: BotRuntime): Promise<string[]> {
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

/** The `#状态` text: uptime, plugins, groups, the fleet, outbox depth, health and the last errors. */
export function statusText(rt: BotRuntime, fleet: string[] = []): string {
  const now = rt.deps.clock.now()
  const groups = rt.deps.directory.groups()
  const health =
    rt.errors.length || rt.outbox.failures.length
      ? '⚠️ 有错误'
      : rt.deps.store.warnings.length
        ? '⚠️ 存储警告'
        : '✅ 正常'
  return [
    `健康：${health}`,
    `在线：${formatDuration(now - rt.startedAt)}（登录账号 ${rt.deps.directory.selfId()}）`,
    `插件：${rt.plugins.map(x => x.name).join('、') || '无'}`,
    ...rt.modes.describe(rt.plugins.map(x => x.name)).map(line => `· ${line}`),
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
    ...fleet,
    `发送队列：${rt.outbox.depth()} 条待发；待触发定时：${rt.timers.pending().length}；内存 ${Math.round(process.memoryUsage().rss / 1048576)} MB`,
    ...rt.plugins.flatMap(x => (x.instance.status ? [`${x.name}：${x.instance.status()}`] : [])),
    ...(rt.deps.store.warnings.length ? ['存储警告：', ...rt.deps.store.warnings] : []),
    ...(rt.errors.length || rt.outbox.failures.length
      ? ['最近错误（详情见日志）：', ...[...rt.errors, ...rt.outbox.failures].slice(-5).map(firstLine)]
      : []),
  ].join('\n')
}

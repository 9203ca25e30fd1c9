import { basename } from 'node:path'
import type { CommandSpec } from '../../core/plugin.js'
import { problemsForChat } from '../../config/chat-problems.js'
import { ConfigError, rosterPath } from '../../config/load-config.js'
import { UserFileError } from '../../config/user-file.js'
import { loadRoster, RosterError } from '../../roster/load-roster.js'
import { firstLine } from '../../runtime/delivery/executor.js'
import type { RuntimeView } from './runtime-view.js'

/** `#重载配置`: re-read the config file; a config with problems is refused and the old one kept. */
export function reloadConfigCommand(rt: RuntimeView): CommandSpec {
  const p = rt.loaded.config.commandPrefix
  return {
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
        const count = e instanceof ConfigError ? e.count : 1
        rt.deps.log.warn(`#重载配置 refused, the old config is kept:\n${problems.join('\n')}`)
        return [inv.reply([`❌ 新配置有 ${count} 个问题，继续使用旧配置：`, ...problemsForChat(problems)].join('\n'))]
      }
    },
  }
}

/** `#花名册 重载`: re-read the roster file; a roster with problems is refused and the old one kept. */
export function rosterCommand(rt: RuntimeView): CommandSpec {
  const p = rt.loaded.config.commandPrefix
  return {
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
        // Chat gets where the problems are, file name only; the log the complete lines, paths included.
        const problems = e instanceof RosterError ? e.problems : [e instanceof UserFileError ? e.message : firstLine(e)]
        rt.deps.log.warn(`#花名册 重载 refused, the old roster is kept:\n${problems.join('\n')}`)
        const where =
          e instanceof UserFileError ? [`· ${basename(file)}：无法读取（见日志）`] : problemsForChat(problems)
        return [inv.reply([`❌ 花名册有 ${problems.length} 个问题，继续使用旧花名册：`, ...where].join('\n'))]
      }
    },
  }
}

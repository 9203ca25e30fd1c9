import type { CommandSpec } from '../../core/plugin.js'
import { shortDateTime } from '../../time/zoned.js'
import type { RuntimeView } from './runtime-view.js'

/** `#审计 [@成员] [插件名] [天数]`: what the bot did (or would do in observe mode), newest first. */
export function auditCommand(rt: RuntimeView): CommandSpec {
  const p = rt.loaded.config.commandPrefix
  const tz = () => rt.loaded.config.timezone
  return {
    name: '审计',
    aliases: ['audit'],
    role: 'admin',
    usage: `${p}审计 [@成员] [插件名] [天数]`,
    description: '查询机器人做过（或观察模式下将做）的操作',
    run: async inv => {
      const days = Number(inv.argv.find(a => /^\d+$/.test(a)) ?? 7)
      const plugin = inv.argv.find(a => rt.plugins.some(x => x.name === a))
      const entries = await rt.audit.queryFleet({ memberId: inv.event.mentions[0], plugin, days, limit: 15 })
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
  }
}

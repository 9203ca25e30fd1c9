import { nearestKey } from '../../config/suggest-key.js'
import type { CommandSpec } from '../../core/plugin.js'
import { quoted } from '../quote.js'
import type { RuntimeView } from './runtime-view.js'
import { titleOf } from './status-command.js'

/** `#观察 [<插件名|全部> 开|关]`: list each plugin's mode per group, or switch observe mode (persisted). */
export function observeCommand(rt: RuntimeView): CommandSpec {
  const p = rt.loaded.config.commandPrefix
  return {
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
          inv.reply(
            ['观察模式（开关 > 群设置 > 插件设置 > 全局设置）：', ...rt.modes.describe(all, titleOf(rt))].join('\n'),
          ),
        ]
      const title = titleOf(rt)
      // A plugin by its name (`content`), its Chinese name as listings show it (`违规内容`) or both (`违规内容（content）`).
      const named = (x: string) => x === name || title(x) === name || title(x).startsWith(`${name}（`)
      const targets = name === '全部' || name === 'all' ? all : all.filter(named)
      const usage = `用法：${p}观察 <插件名|全部> 开|关。插件：${all.map(title).join('、')}`
      if (!targets.length) {
        const near = nearestKey(name, all)
        const hint = near ? `您是不是要找 ${title(near)}？` : ''
        return [inv.reply(`没有插件「${quoted(name)}」。${hint}\n${usage}`)]
      }
      if (!['开', '关', 'on', 'off'].includes(sw))
        return [inv.reply(`${sw ? `「${quoted(sw)}」不是开关，` : ''}请写明「开」或「关」。\n${usage}`)]
      const on = sw === '开' || sw === 'on'
      for (const t of targets) rt.modes.set(t, on)
      return [
        inv.reply(
          [
            `${targets.map(title).join('、')} 观察模式已${on ? '开启' : '关闭'}（所有群）。`,
            ...rt.modes.describe(targets, title),
          ].join('\n'),
        ),
      ]
    },
  }
}

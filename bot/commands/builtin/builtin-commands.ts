import type { CommandSpec } from '../../core/plugin.js'
import { answerPrivately } from '../audience.js'
import type { RuntimeView } from './runtime-view.js'
import { statusCommand } from './status-command.js'
import { reloadConfigCommand, rosterCommand } from './reload-commands.js'
import { auditCommand } from './audit-command.js'
import { observeCommand } from './observe-command.js'
import { undoCommand } from './undo-command.js'

/** The runtime's own commands: help, status, reload, audit, dry-run switch, undo. */
export function builtinCommands(rt: RuntimeView): CommandSpec[] {
  const p = rt.loaded.config.commandPrefix
  return [
    {
      name: '帮助',
      aliases: ['help'],
      role: 'member',
      customerFacing: true,
      usage: `${p}帮助`,
      description: '列出你可以使用的命令',
      run: inv => {
        const help = rt.router.help(inv.event)
        // Where the answer goes into the group (an internal one), a role holder's list (admin, leader… commands)
        // goes privately: the group reads one line, not every command of the asker's job.
        if (!inv.event.group || answerPrivately(inv.event) || !inv.event.sender.roles.some(r => r !== 'staff'))
          return [inv.reply(help)]
        return [inv.whisper(help), inv.reply('你可以使用的命令已私聊发给你。')]
      },
    },
    {
      name: '我的ID',
      aliases: ['whoami'],
      role: 'member',
      // Staff learn their id to be bound to a role; a customer has no use for it (and is rarely the bot's friend).
      openToAnyone: true,
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
    statusCommand(rt),
    reloadConfigCommand(rt),
    rosterCommand(rt),
    auditCommand(rt),
    observeCommand(rt),
    undoCommand(rt),
  ]
}

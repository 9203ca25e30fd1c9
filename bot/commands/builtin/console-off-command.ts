import { CONSOLE_ROLES } from '../../console/access.js'
import type { CommandSpec } from '../../core/plugin.js'

/** The answer to `#后台` when the bot serves no web console. */
export const CONSOLE_OFF_TEXT = '网页后台未开启（运维设置 BOT_CONSOLE_LISTEN）'

/**
 * `#后台` (alias `#控制台`) on a bot without a web console (`BOT_CONSOLE_LISTEN` unset): says so instead of
 * `未知命令`, which reads as a typo. The console's own command (`bot/console`) takes its place when it is on.
 */
export function consoleOffCommand(): CommandSpec {
  return {
    name: '后台',
    aliases: ['控制台', 'console'],
    role: CONSOLE_ROLES,
    where: 'private',
    usage: '#后台',
    description: '网页后台（未开启：运维设置 BOT_CONSOLE_LISTEN 后可用）',
    run: inv => [inv.reply(CONSOLE_OFF_TEXT)],
  }
}

import type { CommandSpec } from '../../bot/core/plugin.js'
import type { StaffWatch } from './desk/staff.js'
import { heldSay } from './texts.js'

/**
 * `#离职`: the people held after a roster reload left many out at once (a partial file?); `#离职 确认` handles
 * them as leavers (admins only). Fixing the roster and reloading it releases them instead.
 */
export function leaverCommand(staff: StaffWatch, prefix: string): CommandSpec {
  const usage = heldSay.usage(prefix)
  return {
    name: '离职',
    aliases: ['leavers'],
    role: 'admin',
    usage,
    description: '花名册一次少了多人时，确认按离职处理',
    async run(inv) {
      const [sub] = inv.argv
      const names = staff.held().map(([, name]) => name)
      if (!sub) return [inv.reply(names.length ? heldSay.list(names, prefix) : heldSay.none)]
      if (sub !== '确认') return [inv.reply(heldSay.badArgs(usage))]
      const done = names.length ? await staff.confirm() : { names: [], actions: [] }
      return [inv.reply(done.names.length ? heldSay.confirmed(done.names) : heldSay.none), ...done.actions]
    },
  }
}

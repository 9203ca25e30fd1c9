import type { Action } from '../../bot/core/actions.js'
import type { GroupRef } from '../../bot/core/event.js'
import type { CommandInvocation, CommandSpec } from '../../bot/core/plugin.js'
import { refusal } from './decide-access.js'
import { capture } from './subcommands/capture.js'
import { RULE, type CasesDeps } from './subcommands/deps.js'
import { amendCase, deleteCase, withdrawCase } from './subcommands/edit.js'
import { digestReply, searchCases, viewCase } from './subcommands/read.js'
import { T } from './texts.js'

type Sub = 'search' | 'view' | 'amend' | 'withdraw' | 'delete' | 'digest'
type Handler = (d: CasesDeps, inv: CommandInvocation, rest: string) => Action[] | Promise<Action[]>

const SUBCOMMANDS: Record<string, Sub> = {
  搜索: 'search',
  search: 'search',
  查看: 'view',
  view: 'view',
  修改: 'amend',
  edit: 'amend',
  撤回: 'withdraw',
  withdraw: 'withdraw',
  删除: 'delete',
  delete: 'delete',
  周报: 'digest',
  digest: 'digest',
}
const HANDLERS: Record<Sub, Handler> = {
  search: searchCases,
  view: viewCase,
  amend: amendCase,
  withdraw: withdrawCase,
  delete: deleteCase,
  digest: digestReply,
}
/** `#案例` (with its subcommands) and one capture command per configured tag. */
export function casesCommands(d: CasesDeps): CommandSpec[] {
  const p = d.ctx.commandPrefix
  const role = d.ctx.configFor().staffOnly ? 'staff' : 'member' // so #帮助 shows them only to those who may use them
  // In the kinds of group the config keeps cases out of (customer groups by default) #帮助 does not offer them.
  const usableIn = (g: GroupRef) => d.ctx.configFor(g).groupKinds.includes(g.kind)
  const main: CommandSpec = {
    name: '案例',
    aliases: ['case'],
    role,
    usage: T.mainUsage(p),
    help: T.mainHelp(p),
    description: T.mainDescription,
    usableIn,
    run: inv => {
      const word = inv.argv[0]?.toLowerCase() ?? ''
      const sub = Object.hasOwn(SUBCOMMANDS, word) ? SUBCOMMANDS[word] : undefined
      if (!sub) return capture(d, inv, '案例')
      const why = refusal(inv.event, d.ctx.configFor(inv.event.group))
      if (why) return [inv.whisper(why, RULE)]
      return HANDLERS[sub](d, inv, inv.args.replace(/^\S+\s*/, ''))
    },
  }
  const tags = d.ctx
    .configFor()
    .tags.filter(t => t !== '案例')
    .map(
      (tag): CommandSpec => ({
        name: tag,
        role,
        usage: T.tagUsage(p, tag),
        description: T.tagDescription(tag),
        usableIn,
        run: inv => capture(d, inv, tag),
      }),
    )
  return [main, ...tags]
}

import type { Action } from '../../bot/core/actions.js'
import type { CommandInvocation, CommandSpec } from '../../bot/core/plugin.js'
import type { Directory } from '../../bot/ports/directory.js'
import type { Realname } from './decide-case.js'
import { IDENTITY_PROBLEMS } from './nickname/check.js'
import { checkReport, T, type GroupCheck } from './texts.js'

const UNDO = ['取消', '撤销', 'undo', 'off']

/** `#实名检查` and `#实名豁免`; `#花名册 重载` belongs to the runtime. `at()` gives the decisions for now. */
export function realnameCommands(at: () => Realname, directory: Directory, prefix: string): CommandSpec[] {
  return [
    {
      name: '实名检查',
      aliases: ['realname-check'],
      role: 'admin',
      usage: T.checkUsage(prefix),
      description: T.checkDescription,
      run: async inv => {
        const groups = await checkGroups(at, directory, inv)
        return [inv.reply(checkReport(groups, at().d.exemptions.ids().length))]
      },
    },
    {
      name: '实名豁免',
      aliases: ['realname-exempt'],
      role: 'admin',
      usage: T.exemptUsage(prefix),
      description: T.exemptDescription,
      run: inv => exempt(at(), inv),
    },
  ]
}

async function checkGroups(at: () => Realname, directory: Directory, inv: CommandInvocation): Promise<GroupCheck[]> {
  const groups = inv.event.group ? [inv.event.group] : directory.groups()
  const out: GroupCheck[] = []
  for (const group of groups.filter(g => at().managed(g))) {
    const members = await directory.members(group.id)
    const s = at()
    const required = members.filter(m => s.mustComply(m, group))
    const problems = required
      .map(m => s.assess(m, group))
      .flatMap(a =>
        a.verdict.ok ? [] : [{ notice: s.notice(group, a), identity: IDENTITY_PROBLEMS.has(a.verdict.problem) }],
      )
    out.push({ topic: group.topic, checked: required.length, problems })
  }
  return out
}

function exempt(s: Realname, inv: CommandInvocation): Action[] {
  const undo = UNDO.includes(inv.argv[0] ?? '')
  const ids = inv.event.mentions.length
    ? inv.event.mentions
    : inv.argv.filter(a => !a.startsWith('@') && !UNDO.includes(a))
  const list = s.d.exemptions
  if (!ids.length)
    return [
      inv.reply(
        T.exemptList(
          list.ids().map(id => labelOf(s, id)),
          s.v.prefix,
        ),
      ),
    ]
  const out: Action[] = []
  for (const id of ids) {
    if (undo) {
      list.lift(id, inv.event.sender.id, s.v.now)
      continue
    }
    list.add(id, inv.event.sender.id, s.v.now)
    for (const c of Object.values(s.d.state.cases).filter(c => c.memberId === id)) {
      out.push(...s.closeCase(c.groupId, id, '已豁免'))
    }
  }
  s.d.dirty.state = true
  const names = ids.map(id => labelOf(s, id)).join('、')
  return [inv.reply(T.exempted(names, undo)), ...out]
}

function labelOf(s: Realname, id: string): string {
  const rec = Object.values(s.d.members.groups)
    .map(g => g.members[id])
    .find(Boolean)
  return s.v.roster.byContact(id)?.name ?? rec?.name ?? rec?.label ?? id
}

import type { Action } from '../../bot/core/actions.js'
import type { CommandInvocation, CommandSpec } from '../../bot/core/plugin.js'
import { checkReport, type GroupCheck } from './report.js'
import type { RealnameService } from './service.js'
import { IDENTITY_PROBLEMS } from './nickname-check.js'

/** `#实名检查` and `#实名豁免`; `#花名册 重载` belongs to the runtime. */
export function realnameCommands(s: RealnameService): CommandSpec[] {
  const p = s.ctx.commandPrefix
  return [
    {
      name: '实名检查',
      aliases: ['realname-check'],
      role: 'admin',
      usage: `${p}实名检查`,
      description: '列出群昵称不合规或不在花名册上的成员（群内：本群；私聊：所有群）',
      run: async inv => [inv.reply(checkReport(await checkGroups(s, inv), Object.keys(s.state.data.exempt).length))],
    },
    {
      name: '实名豁免',
      aliases: ['realname-exempt'],
      role: 'admin',
      usage: `${p}实名豁免 [取消] @成员（私聊可写微信 ID；不带参数列出豁免名单）`,
      description: '豁免或取消豁免成员的实名昵称要求',
      run: inv => exempt(s, inv),
    },
  ]
}

async function checkGroups(s: RealnameService, inv: CommandInvocation): Promise<GroupCheck[]> {
  const groups = inv.event.group ? [inv.event.group] : s.ctx.directory.groups()
  const out: GroupCheck[] = []
  for (const group of groups.filter(g => s.managed(g))) {
    const required = (await s.ctx.directory.members(group.id)).filter(m => s.mustComply(m, group))
    const problems = required
      .map(m => s.assess(m, group))
      .flatMap(a =>
        a.verdict.ok ? [] : [{ notice: s.notice(group, a), identity: IDENTITY_PROBLEMS.has(a.verdict.problem) }],
      )
    out.push({ topic: group.topic, checked: required.length, problems })
  }
  return out
}

function exempt(s: RealnameService, inv: CommandInvocation): Action[] {
  const undo = ['取消', '撤销', 'undo', 'off'].includes(inv.argv[0] ?? '')
  const ids = inv.event.mentions.length
    ? inv.event.mentions
    : inv.argv.filter(a => !a.startsWith('@') && !['取消', '撤销', 'undo', 'off'].includes(a))
  const list = s.state.data.exempt
  if (!ids.length) {
    const names = Object.keys(list).map(id => labelOf(s, id))
    return [
      inv.reply(
        names.length
          ? `实名豁免名单：${names.join('、')}`
          : `没有豁免的成员。用法：${s.ctx.commandPrefix}实名豁免 [取消] @成员`,
      ),
    ]
  }
  const out: Action[] = []
  for (const id of ids) {
    if (undo) {
      delete list[id]
      continue
    }
    list[id] = { by: inv.event.sender.id, at: s.ctx.clock.now() }
    for (const c of Object.values(s.state.data.cases).filter(c => c.memberId === id)) {
      out.push(...s.closeCase(c.groupId, id, 'exempted'))
    }
  }
  s.state.changed()
  const names = ids.map(id => labelOf(s, id)).join('、')
  return [
    inv.reply(undo ? `已取消 ${names} 的实名豁免，下次检查起恢复要求。` : `已豁免 ${names} 的实名昵称要求。`),
    ...out,
  ]
}

function labelOf(s: RealnameService, id: string): string {
  const rec = Object.values(s.members.data.groups)
    .map(g => g.members[id])
    .find(Boolean)
  return s.ctx.roster.byContact(id)?.name ?? rec?.name ?? rec?.label ?? id
}

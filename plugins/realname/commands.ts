import type { Action } from '../../bot/core/actions.js'
import type { CommandInvocation, CommandSpec } from '../../bot/core/plugin.js'
import { bareName, contactsNamed, whichOneText } from '../../bot/commands/member-names.js'
import type { Directory } from '../../bot/ports/directory.js'
import type { Realname } from './decide-case.js'
import { IDENTITY_PROBLEMS } from './nickname/check.js'
import { checkReport, T, type GroupCheck } from './texts.js'

const UNDO = ['取消', '撤销', 'undo', 'off']
/** What WeChat allows as an id (`wxid_…`, or 6-20 letters, digits, `_` and `-` from a letter): stored unresolved. */
const WECHAT_ID = /^(wxid_[\w-]+|[A-Za-z][\w-]{5,19})$/

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
      run: inv => exempt(at, directory, inv),
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

/**
 * `#实名豁免 [取消] <@成员|名字|微信ID>…`: names resolve like `#撤销`'s (roster name, group nickname, WeChat
 * name, contact id); only contact ids are stored. An unknown or ambiguous name changes nothing and says why.
 */
async function exempt(at: () => Realname, directory: Directory, inv: CommandInvocation): Promise<Action[]> {
  const undo = UNDO.includes(inv.argv[0] ?? '')
  const mentioned = inv.event.mentions
  // A real @-mention brings its id; its `@名字` word is then not a name to look up.
  const words = inv.argv.filter(a => !UNDO.includes(a) && !(mentioned.length && /^[@＠]/.test(a)))
  const roster = at().v.roster
  const ids = new Set(mentioned)
  const listed = new Set(at().d.exemptions.ids())
  for (const word of words) {
    if (listed.has(bareName(word))) {
      ids.add(bareName(word)) // an exempt contact id, even of someone in no group now
      continue
    }
    const found = await contactsNamed(word, { roster, directory })
    // A WeChat id of someone in none of this account's groups (yet, or in another account's group of the fleet).
    if (!found.length && WECHAT_ID.test(bareName(word))) found.push({ id: bareName(word), label: bareName(word) })
    if (!found.length) return [inv.reply(T.exemptUnknown(bareName(word), at().v.prefix))]
    if (found.length > 1) return [inv.reply(whichOneText(word, found))]
    ids.add(found[0].id)
  }
  const s = at()
  const list = s.d.exemptions
  if (!ids.size)
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
  const names = [...ids].map(id => labelOf(s, id)).join('、')
  return [inv.reply(T.exempted(names, undo)), ...out]
}

function labelOf(s: Realname, id: string): string {
  const rec = Object.values(s.d.members.groups)
    .map(g => g.members[id])
    .find(Boolean)
  return s.v.roster.byContact(id)?.name ?? rec?.name ?? rec?.label ?? id
}

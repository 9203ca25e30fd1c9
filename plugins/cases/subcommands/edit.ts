import { type Action, emit } from '../../../bot/core/actions.js'
import type { CommandInvocation } from '../../../bot/core/plugin.js'
import { target, type CasesDeps } from './deps.js'
import { editRefusal } from '../decide-access.js'
import { caseFact } from '../decide-capture.js'
import type { CaseRecord } from '../state.js'
import { T } from '../texts.js'

/** `#案例 修改 <编号> <新内容>`: the author rewrites the case, or only the field lines given. */
export async function amendCase(d: CasesDeps, inv: CommandInvocation, rest: string): Promise<Action[]> {
  const p = d.ctx.commandPrefix
  const c = target(d, inv, rest, '修改')
  if (Array.isArray(c)) return c
  const refused = editRefusal(inv.event, c, 'amend', p)
  if (refused) return [inv.reply(refused)]
  const amendment = rest.replace(/^\S+\s*/, '').trim()
  if (!amendment) return [inv.reply(T.amendUsage(p, c.id))]
  const text = d.template.amend(c.text, amendment)
  const dup = d.cases.duplicateOf(text)
  if (dup && dup !== c) return [inv.reply(T.amendDuplicate(dup.id))]
  const parsed = d.template.parse(text)
  try {
    await d.cases.update(c, x =>
      Object.assign(x, { text, fields: parsed.fields, title: parsed.title || x.tag, editedAt: d.ctx.clock.now() }),
    )
  } catch {
    return [inv.reply(T.amendFailed)]
  }
  d.search.upsert(c, d.terms.refresh(c))
  const meta = { rule: 'cases.amended', groupId: inv.event.group?.id, memberId: inv.event.sender.id }
  // The other plugins hear the case as it is now (service: a deal's follow-up names the amended 客户).
  return [inv.reply(T.amended(c.id, c.title)), emit('case.amended', caseFact(c), meta)]
}

/** `#案例 撤回 <编号>`: the author takes the case back. */
export function withdrawCase(d: CasesDeps, inv: CommandInvocation, rest: string): Action[] | Promise<Action[]> {
  const c = target(d, inv, rest, '撤回')
  if (Array.isArray(c)) return c
  const refused = editRefusal(inv.event, c, 'withdraw', d.ctx.commandPrefix)
  if (refused) return [inv.reply(refused)]
  return remove(d, inv, c, 'withdrawn', '')
}

/** `#案例 删除 <编号> [原因]`: an admin deletes a case. */
export function deleteCase(d: CasesDeps, inv: CommandInvocation, rest: string): Action[] | Promise<Action[]> {
  if (!inv.event.sender.roles.includes('admin')) return [inv.reply(T.adminsDelete(d.ctx.commandPrefix))]
  const c = target(d, inv, rest, '删除')
  return Array.isArray(c) ? c : remove(d, inv, c, 'deleted', rest.replace(/^\S+\s*/, '').trim())
}

/** Erase a case's content (a tombstone stays), durably, then drop it from the search. */
async function remove(
  d: CasesDeps,
  inv: CommandInvocation,
  c: CaseRecord,
  status: 'withdrawn' | 'deleted',
  reason: string,
): Promise<Action[]> {
  try {
    await d.cases.update(c, x =>
      Object.assign(x, {
        status,
        removedAt: d.ctx.clock.now(),
        removedBy: inv.event.sender.id,
        text: '',
        title: '',
        fields: {},
        images: [],
      }),
    )
  } catch {
    return [inv.reply(T.removeFailed)]
  }
  d.search.remove(c.id)
  d.terms.drop(c)
  return [
    inv.reply(T.removedNow(c.id, status)),
    {
      type: 'record',
      text: `案例 ${c.id} 已${status === 'withdrawn' ? '撤回' : '删除'}${reason ? `：${reason}` : ''}`,
      rule: `cases.${status}`,
      reason,
      memberId: inv.event.sender.id,
      groupId: inv.event.group?.id,
    },
    // The other plugins drop what they keep of it (service: the deal's follow-up and its customer's name).
    emit(
      'case.removed',
      { caseId: c.id, tag: c.tag, status, at: d.ctx.clock.now() },
      { rule: `cases.${status}`, groupId: inv.event.group?.id, memberId: inv.event.sender.id },
    ),
  ]
}

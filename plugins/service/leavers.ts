import { z } from 'zod'
import type { Action } from '../../bot/core/actions.js'
import type { GroupRef } from '../../bot/core/event.js'
import { docSpec } from '../../bot/ports/store.js'
import type { Roster } from '../../bot/roster/roster.js'

/** The `service-staff` document: the roster's contact ids last seen, and who left when. */
export const STAFF_DOC = docSpec<{ known: Record<string, string>; left: Record<string, { name: string; at: number }> }>(
  {
    version: 1,
    schema: z.object({
      known: z.record(z.string(), z.string()),
      left: z.record(z.string(), z.object({ name: z.string(), at: z.number() })),
    }),
    defaults: () => ({ known: {}, left: {} }),
    durable: true,
  },
)

/** Contact ids on the roster and still working (an entry whose department is 离职 has left). */
export function working(roster: Roster): Record<string, string> {
  return Object.fromEntries(
    roster.entries.filter(e => e.contactId && e.dept !== '离职').map(e => [e.contactId as string, e.name]),
  )
}

/** What a leaver still holds, as found by the plugin. */
export interface Holdings {
  name: string
  /** Managed groups the person is still a member of. */
  groups: GroupRef[]
  /** Customer groups the person is responsible for in config. */
  responsibleFor: GroupRef[]
  /** Open ticket and follow-up ids that lose their responsible person. */
  work: string[]
}

/** The admins' notice and the audit record for one leaver. */
export function leaverActions(id: string, h: Holdings, prefix: string): Action[] {
  const topics = (gs: GroupRef[]) => gs.map(g => g.topic).join('、')
  const lines = [`👋 员工离职：${h.name} 已不在花名册（或已标记离职）。`]
  if (h.groups.length) lines.push(`仍在的受管理群：${topics(h.groups)}（请将其移出）`)
  if (h.responsibleFor.length)
    lines.push(`负责的客户群：${topics(h.responsibleFor)}（没有指定接替的人，请在 service.responsible 中指定）`)
  if (h.work.length)
    lines.push(`未处理的投诉/回访：${h.work.join('、')}，已转由管理员跟进（${prefix}投诉 列表、${prefix}回访 列表）。`)
  lines.push('请及时收回其工作微信号。')
  return [
    { type: 'notifyAdmins', text: lines.join('\n'), rule: 'service.staff-left', memberId: id },
    {
      type: 'record',
      rule: 'service.staff-left',
      memberId: id,
      text: `员工离职 ${h.name}：群 ${topics(h.groups) || '无'}；负责客户群 ${topics(h.responsibleFor) || '无'}；转交 ${h.work.join('、') || '无'}`,
    },
  ]
}

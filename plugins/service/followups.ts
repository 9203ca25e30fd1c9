import { z } from 'zod'
import { asRehearsal, type Action } from '../../bot/core/actions.js'
import type { CommandInvocation, CommandSpec } from '../../bot/core/plugin.js'
import { docSpec } from '../../bot/ports/store.js'
import type { WorkCalendar } from '../../bot/time/workdays.js'
import { addDays, dayKey, shortDateTime, zonedInstant } from '../../bot/time/zoned.js'

/** A follow-up visit (回访) `R<n>`: remind the responsible salesperson to contact a customer on a working day. */
export interface FollowUp {
  id: string
  groupId: string
  groupTopic: string
  customerId?: string
  customerName: string
  note?: string
  /** Who set it; reminded too when the group has nobody responsible. */
  setBy: string
  responsible: string[]
  at: number
  due: number
  state: 'open' | 'done'
  doneAt?: number
  result?: string
  observed?: boolean
}

/** The `service-followups` document (durable). */
export const FOLLOWUPS_DOC = docSpec<{ next: number; items: Record<string, FollowUp> }>({
  version: 1,
  schema: z.object({
    next: z.number().int().positive(),
    items: z.record(
      z.string(),
      z.looseObject({
        id: z.string().regex(/^R\d+$/),
        groupId: z.string(),
        customerName: z.string(),
        responsible: z.array(z.string()),
        due: z.number(),
        state: z.enum(['open', 'done']),
      }),
    ),
  }),
  defaults: () => ({ next: 1, items: {} }),
  durable: true,
})

/** The instant `time` on the `n`th working day after the day of `from` (weekends and holidays skipped). */
export function afterWorkdays(from: number, n: number, time: string, tz: string, cal: WorkCalendar): number {
  let day = dayKey(from, tz)
  for (let left = n; left > 0; ) {
    day = addDays(day, 1)
    if (cal.isWorkday(day)) left--
  }
  return zonedInstant(day, time, tz)
}

/** What `#回访` needs from the plugin. */
export interface FollowUpDeps {
  tz: string
  prefix: string
  now(): number
  items(): FollowUp[]
  names(ids: string[]): string
  /** Set a follow-up in the asker's customer group; a Chinese error when it cannot. */
  create(inv: CommandInvocation, days: number, note: string): Promise<FollowUp | string>
  /** Mark it done. */
  done(f: FollowUp, result: string): void
}

const DAYS = /^(\d{1,3})\s*(?:天|个?工作日|d)$/

/** The reminder timer of a follow-up. */
export function followUpTimer(f: FollowUp): Action {
  return {
    type: 'schedule',
    key: `followup:${f.id}`,
    at: f.due,
    payload: { id: f.id },
    rule: 'service.schedule',
    groupId: f.groupId,
  }
}

/** When a follow-up falls due: remind the responsible people (or whoever set it) privately. */
export function followUpReminder(f: FollowUp, prefix: string): Action[] {
  if (f.state !== 'open') return []
  const text = `📞 回访提醒 ${f.id}：今天请回访「${f.groupTopic}」的客户 ${f.customerName}${f.note ? `（${f.note}）` : ''}。完成后发送 ${prefix}回访 完成 ${f.id} <回访结果>。`
  const to = f.responsible.length ? f.responsible : [f.setBy]
  const actions: Action[] = to.map(id => ({
    type: 'remind',
    to: { contact: id },
    text,
    rule: 'service.followup-reminder',
    groupId: f.groupId,
    memberId: id,
  }))
  return f.observed ? asRehearsal(actions) : actions
}

/** `#回访`: schedule, list and complete follow-up visits (staff only; answers private in customer groups). */
export function followUpCommand(d: FollowUpDeps): CommandSpec {
  const p = d.prefix
  const usage = `${p}回访 @客户 7天 [备注]（在客户群） | ${p}回访 列表 | ${p}回访 完成 R2 <回访结果>`
  return {
    name: '回访',
    aliases: ['followup'],
    role: 'staff',
    usage,
    description: '客户回访提醒：按工作日安排、列表与完成 Customer follow-up reminders',
    async run(inv) {
      const [sub, id, ...rest] = inv.argv
      if (sub === '列表') {
        const now = d.now()
        const open = d.items().filter(f => f.state === 'open')
        if (!open.length) return [inv.reply('目前没有待回访的客户。')]
        const lines = open.map(
          f =>
            `${f.id}${f.observed ? '（观察）' : ''} ${shortDateTime(f.due, d.tz)}${f.due < now ? '（已逾期）' : ''} 「${f.groupTopic}」${f.customerName}，负责人 ${d.names(f.responsible.length ? f.responsible : [f.setBy])}`,
        )
        return [inv.reply([`待回访 ${open.length} 位客户：`, ...lines].join('\n'))]
      }
      if (sub === '完成') {
        const f = d.items().find(x => x.id === id?.toUpperCase())
        const result = rest.join(' ').trim()
        if (!id || !result) return [inv.whisper(`用法：${p}回访 完成 R2 <回访结果>`)]
        if (!f) return [inv.whisper(`没有回访 ${id}。用法：${usage}`)]
        if (f.state === 'done') return [inv.whisper(`回访 ${f.id} 已经完成了。`)]
        d.done(f, result)
        return [
          { type: 'cancel', key: `followup:${f.id}`, rule: 'service.schedule', groupId: f.groupId },
          { type: 'record', rule: 'service.followup-done', text: `回访 ${f.id} 完成：${result}`, groupId: f.groupId },
          inv.reply(`✅ 回访 ${f.id}（${f.customerName}）已完成。`),
        ]
      }
      const m = DAYS.exec(inv.argv.find(a => DAYS.test(a)) ?? '')
      if (!m || !inv.event.mentions.length) return [inv.whisper(`用法：${usage}`)]
      const note = inv.argv.filter(a => !a.startsWith('@') && !DAYS.test(a)).join(' ')
      const f = await d.create(inv, Number(m[1]), note)
      if (typeof f === 'string') return [inv.whisper(f)]
      return [
        followUpTimer(f),
        inv.reply(
          `📅 已安排回访 ${f.id}：${shortDateTime(f.due, d.tz)} 提醒 ${d.names(f.responsible.length ? f.responsible : [f.setBy])} 回访 ${f.customerName}。`,
        ),
      ]
    },
  }
}

import type { CommandInvocation, CommandSpec } from '../../bot/core/plugin.js'
import { followUpTimer } from './decide-followup.js'
import type { FollowUpDesk } from './desk/followups.js'
import type { Responsibility } from './desk/responsible.js'
import type { TicketDesk } from './desk/tickets.js'
import { detailText, followUpLine, followUpSetText, followUpUsage, listLine } from './texts.js'

/** What the commands need from the plugin. */
export interface CommandDeps {
  tz: string
  prefix: string
  now(): number
  tickets: TicketDesk
  followUps: FollowUpDesk
  who: Responsibility
}

const MAX_LISTED = 20
const DAYS = /^(\d{1,3})\s*(?:天|个?工作日|d)$/

/** `#投诉`: tag a quoted customer message, list, show and resolve complaint tickets (staff only). */
export function complaintCommand(d: CommandDeps): CommandSpec {
  const p = d.prefix
  const usage = `${p}投诉 列表 | ${p}投诉 T3 | ${p}投诉 处理 T3 <处理说明>（在客户群引用客户消息发送 ${p}投诉 即登记）`
  const find = (id: string | undefined) => d.tickets.all().find(t => t.id === id?.toUpperCase())
  return {
    name: '投诉',
    aliases: ['complaint'],
    role: 'staff',
    usage,
    description: '客户投诉：登记、列表、查看与处理 Customer complaints',
    run(inv: CommandInvocation) {
      const [sub, id, ...rest] = inv.argv
      if (!sub) {
        if (!inv.event.quote) return [inv.whisper(`用法：${usage}`)]
        const r = d.tickets.tag(inv.event)
        return typeof r === 'string' ? [inv.whisper(r)] : r
      }
      if (sub === '列表') {
        const now = d.now()
        const all = d.tickets.all()
        const open = all.filter(t => t.state === 'open')
        const recent = all.filter(t => t.state === 'resolved').slice(-5)
        if (!all.length) return [inv.reply('目前没有投诉记录。')]
        const lines = [...open, ...recent]
          .slice(0, MAX_LISTED)
          .map(t => listLine(t, d.tz, now, d.who.names(t.responsible)))
        return [inv.reply([`投诉：待处理 ${open.length} 条（最近已处理 ${recent.length} 条）`, ...lines].join('\n'))]
      }
      if (sub === '处理') {
        const t = find(id)
        const note = rest.join(' ').trim()
        if (!id || !note) return [inv.whisper(`用法：${p}投诉 处理 T3 <处理说明>`)]
        if (!t) return [inv.whisper(`没有投诉 ${id}。用法：${usage}`)]
        if (t.state === 'resolved') return [inv.whisper(`投诉 ${t.id} 已经处理过了。`)]
        return [
          ...d.tickets.resolve(t, inv.event.sender.id, note),
          inv.reply(`✅ 投诉 ${t.id} 已标记为处理，已告知客户。`),
        ]
      }
      const t = find(sub)
      if (!t) return [inv.whisper(/^T\d+$/i.test(sub) ? `没有投诉 ${sub}。用法：${usage}` : `用法：${usage}`)]
      const resolver = t.resolvedBy ? d.who.names([t.resolvedBy]) : undefined
      return [inv.reply(detailText(t, d.tz, d.who.names(t.responsible), resolver))]
    },
  }
}

/** `#回访`: schedule, list and complete follow-up visits (staff only; answers private in customer groups). */
export function followUpCommand(d: CommandDeps): CommandSpec {
  const p = d.prefix
  const usage = followUpUsage(p)
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
        const open = d.followUps.all().filter(f => f.state === 'open')
        if (!open.length) return [inv.reply('目前没有待回访的客户。')]
        const lines = open.slice(0, MAX_LISTED).map(f => followUpLine(f, d.tz, now, d.who.names(f.responsible)))
        return [inv.reply([`待回访 ${open.length} 位客户：`, ...lines].join('\n'))]
      }
      if (sub === '完成') {
        const f = d.followUps.all().find(x => x.id === id?.toUpperCase())
        const result = rest.join(' ').trim()
        if (!id || !result) return [inv.whisper(`用法：${p}回访 完成 R2 <回访结果>`)]
        if (!f) return [inv.whisper(`没有回访 ${id}。用法：${usage}`)]
        if (f.state === 'done') return [inv.whisper(`回访 ${f.id} 已经完成了。`)]
        d.followUps.done(f, result)
        return [
          { type: 'cancel', key: `followup:${f.id}`, rule: 'service.schedule', groupId: f.groupId },
          { type: 'record', rule: 'service.followup-done', text: `回访 ${f.id} 完成：${result}`, groupId: f.groupId },
          inv.reply(`✅ 回访 ${f.id}（${f.customerName}）已完成。`),
        ]
      }
      const m = DAYS.exec(inv.argv.find(a => DAYS.test(a)) ?? '')
      if (!m || !inv.event.mentions.length) return [inv.whisper(`用法：${usage}`)]
      const note = inv.argv.filter(a => !a.startsWith('@') && !DAYS.test(a)).join(' ')
      const f = await d.followUps.create(inv, Number(m[1]), note)
      if (typeof f === 'string') return [inv.whisper(f)]
      return [followUpTimer(f), inv.reply(followUpSetText(f, d.tz, d.who.names(f.responsible)))]
    },
  }
}

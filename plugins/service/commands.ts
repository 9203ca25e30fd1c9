import type { Action } from '../../bot/core/actions.js'
import type { MessageEvent } from '../../bot/core/event.js'
import type { CommandInvocation, CommandSpec } from '../../bot/core/plugin.js'
import type { Ticket } from './state.js'
import { detailText, listLine } from './texts.js'

/** What `#投诉` needs from the plugin. */
export interface CommandDeps {
  tz: string
  prefix: string
  now(): number
  tickets(): Ticket[]
  /** Display names of contact ids, joined with 、. */
  names(ids: string[]): string
  /** Open a ticket for the message `e` quotes (staff tag); a Chinese error when it cannot. */
  tag(e: MessageEvent): Action[] | string
  /** Resolve an open ticket; its actions. */
  resolve(t: Ticket, by: string, note: string): Action[]
}

const MAX_LISTED = 20

/** `#投诉`: tag a quoted customer message, list, show and resolve complaint tickets (staff only). */
export function complaintCommand(d: CommandDeps): CommandSpec {
  const usage = `${d.prefix}投诉 列表 | ${d.prefix}投诉 T3 | ${d.prefix}投诉 处理 T3 <处理说明>（在客户群引用客户消息发送 ${d.prefix}投诉 即登记）`
  const find = (id: string | undefined) => d.tickets().find(t => t.id === id?.toUpperCase())
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
        const r = d.tag(inv.event)
        return typeof r === 'string' ? [inv.whisper(r)] : r
      }
      if (sub === '列表') {
        const now = d.now()
        const all = d.tickets()
        const open = all.filter(t => t.state === 'open')
        const recent = all.filter(t => t.state === 'resolved').slice(-5)
        if (!all.length) return [inv.reply('目前没有投诉记录。')]
        const lines = [...open, ...recent].slice(0, MAX_LISTED).map(t => listLine(t, d.tz, now, d.names(t.responsible)))
        return [inv.reply([`投诉：待处理 ${open.length} 条（最近已处理 ${recent.length} 条）`, ...lines].join('\n'))]
      }
      if (sub === '处理') {
        const t = find(id)
        const note = rest.join(' ').trim()
        if (!id || !note) return [inv.whisper(`用法：${d.prefix}投诉 处理 T3 <处理说明>`)]
        if (!t) return [inv.whisper(`没有投诉 ${id}。用法：${usage}`)]
        if (t.state === 'resolved') return [inv.whisper(`投诉 ${t.id} 已经处理过了。`)]
        return [...d.resolve(t, inv.event.sender.id, note), inv.reply(`✅ 投诉 ${t.id} 已标记为处理，已告知客户。`)]
      }
      const t = find(sub)
      if (!t) return [inv.whisper(/^T\d+$/i.test(sub) ? `没有投诉 ${sub}。` : `用法：${usage}`)]
      return [
        inv.reply(detailText(t, d.tz, d.names(t.responsible), t.resolvedBy ? d.names([t.resolvedBy]) : undefined)),
      ]
    },
  }
}

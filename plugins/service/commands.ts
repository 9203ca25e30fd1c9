import { customersRead } from '../../bot/commands/audience.js'
import { wholeCount } from '../../bot/config/count-words.js'
import type { CommandInvocation, CommandSpec } from '../../bot/core/plugin.js'
import { complaintAccess, mayClose, mayRead } from './access.js'
import { closedByOtherActions } from './decide.js'
import { followUpTimer } from './decide-followup.js'
import type { FollowUpDesk } from './desk/followups.js'
import type { Responsibility } from './desk/responsible.js'
import type { TicketDesk } from './desk/tickets.js'
import { findById, typedId } from './state.js'
import {
  complaintUsage,
  detailText,
  followUpLine,
  followUpSetText,
  followUpUsage,
  listLine,
  recordText,
  say,
} from './texts.js'

/** What the commands need from the plugin. */
export interface CommandDeps {
  tz: string
  prefix: string
  now(): number
  tickets: TicketDesk
  followUps: FollowUpDesk
  who: Responsibility
  /** Whether the plugin is in observe mode in that group (the runtime decides: `ctx.observing`). */
  observing(groupId: string): boolean
  /** Fleet: another account's WeChat name, as it wrote it (undefined: none, or one process). */
  accountName(account: string): string | undefined
}

const MAX_LISTED = 20
const DAYS_UNIT = /^(?:(?:天|个?工作日)(?:[以之]?后)?|d)$/
/**
 * `7天`, `七天`, `十个工作日`, `3天后`, `3个工作日以后`: the days of a follow-up (a whole number up to 999, working
 * days), by the shared count reader.
 */
const followUpDays = (word: string): number | undefined => wholeCount(word, DAYS_UNIT)

/** `#投诉`: tag a quoted customer message, list, show and resolve complaint tickets (staff only). */
export function complaintCommand(d: CommandDeps): CommandSpec {
  const p = d.prefix
  const usage = complaintUsage(p)
  // `T3`, `t3`, full-width `Ｔ３` or the bare number `3`, as case ids.
  const find = (id: string | undefined) => findById(d.tickets.all(), id, 'T')
  /** Another account's ticket (fleet), when this account has none by that id. */
  const held = (id: string | undefined) => findById(d.tickets.others(), id, 'T')
  return {
    name: '投诉',
    aliases: ['complaint'],
    role: 'staff',
    usage,
    description: '客户投诉：登记、列表、查看与处理',
    // The auditor reads (list, one ticket) and never tags or closes; the others read their own or, as leaders and
    // admins, every ticket (`access.ts`).
    help: [
      { usage: `${p}投诉（引用客户消息）`, description: '登记客户投诉', notFor: ['auditor'] },
      { usage: `${p}投诉 列表；${p}投诉 T3`, description: '查看投诉' },
      {
        usage: `${p}投诉 处理 T3 <处理说明>`,
        description: '处理投诉（负责人、领导或管理员）',
        notFor: ['auditor'],
      },
    ],
    run(inv: CommandInvocation) {
      const [sub, id, ...rest] = inv.argv
      const asker = inv.event.sender.id
      const access = complaintAccess(inv.event.sender.roles)
      const readable = <T extends { responsible: string[] }>(ts: T[]) => ts.filter(t => mayRead(access, t, asker))
      if (!sub) {
        if (!inv.event.quote) return [inv.whisper(say.usage(usage))]
        if (!access.write) return [inv.whisper(say.auditorReadOnly(p))]
        const r = d.tickets.tag(inv.event)
        return typeof r === 'string' ? [inv.whisper(r)] : r
      }
      if (sub === '列表') {
        const now = d.now()
        // Fleet-wide: the other accounts' tickets after this account's own.
        const every = [...d.tickets.all(), ...d.tickets.others()]
        // A salesperson sees the tickets they are responsible for; leaders, admins and auditors every one.
        const all = readable(every)
        const open = all.filter(t => t.state === 'open')
        const recent = all
          .filter(t => t.state === 'resolved')
          .sort((a, b) => (a.resolvedAt ?? a.at) - (b.resolvedAt ?? b.at))
          .slice(-5)
        if (!all.length) return [inv.reply(every.length ? say.noOwnTickets : say.noTickets)]
        const lines = [...open, ...recent].slice(0, MAX_LISTED).map(t => listLine(t, d.tz, now, d.who.shown(t)))
        const head = access.readAll ? say.ticketsHead : say.ownTicketsHead
        return [inv.reply([head(open.length, recent.length), ...lines].join('\n'))]
      }
      if (sub === '处理') {
        const t = find(id)
        const note = rest.join(' ').trim()
        if (!id || !note) return [inv.whisper(say.resolveUsage(p))]
        if (!access.write) return [inv.whisper(say.auditorReadOnly(p))]
        const there = t ? undefined : held(id)
        const target = t ?? there
        if (target?.state === 'open' && !mayClose(access, target, asker))
          return [inv.whisper(say.notYours(target.id, d.who.names(target.responsible)))]
        if (there?.state === 'resolved') return [inv.whisper(say.alreadyResolved(there.id))]
        if (there) return [inv.whisper(say.heldElsewhere(there, p, d.accountName(there.heldBy)))]
        if (!t) return [inv.whisper(say.noTicket(typedId(id, 'T') ?? id, usage))]
        if (t.state === 'resolved') return [inv.whisper(say.alreadyResolved(t.id))]
        // An observed ticket, or the group observed now: the customer is told nothing (only recorded).
        const told = !t.observed && !d.observing(t.groupId)
        const actions = d.tickets.resolve(t, asker, note)
        // Closed by someone else (a leader, an admin): the responsible salesperson is told.
        const rosterName = d.who.nameOf(asker)
        const byName = rosterName === asker ? inv.event.sender.name : rosterName
        const salesperson = closedByOtherActions(t, asker, byName, note, !told)
        return [...actions, ...salesperson, inv.reply(withHint(inv, say.resolved(t.id, told), p))]
      }
      const own = find(sub)
      const other = own ? undefined : held(sub)
      const t = own ?? other
      const typed = typedId(sub, 'T') ?? sub
      if (!t) return [inv.whisper(/^T\d+(@.+)?$/.test(typed) ? say.noTicket(typed, usage) : say.usage(usage))]
      if (!mayRead(access, t, asker)) return [inv.whisper(say.notYoursToRead(t.id))]
      const resolver = t.resolvedBy ? d.who.names([t.resolvedBy]) : undefined
      const detail = detailText(t, d.tz, d.who.names(t.responsible), resolver)
      return [inv.reply(other ? `${detail}\n${say.heldBy(other.heldBy, d.accountName(other.heldBy))}` : detail)]
    },
  }
}

/** An answer to a note typed where customers read it (answered privately anyway), with a hint to send notes privately. */
function withHint(inv: CommandInvocation, answer: string, p: string): string {
  return customersRead(inv.event) ? `${answer}\n${say.typedBeforeCustomers(p)}` : answer
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
    description: '客户回访提醒：按工作日安排、列表与完成',
    async run(inv) {
      const [sub, id, ...rest] = inv.argv
      if (sub === '列表') {
        const now = d.now()
        const open = d.followUps
          .all()
          .filter(f => f.state === 'open')
          .sort((a, b) => a.due - b.due) // soonest (and overdue) first
        if (!open.length) return [inv.reply(say.noFollowUps)]
        const lines = open.slice(0, MAX_LISTED).map(f => followUpLine(f, d.tz, now, d.who.shown(f)))
        return [inv.reply([say.followUpsHead(open.length), ...lines].join('\n'))]
      }
      if (sub === '完成') {
        const f = findById(d.followUps.all(), id)
        const result = rest.join(' ').trim()
        if (!id || !result) return [inv.whisper(say.doneUsage(p))]
        if (!f) return [inv.whisper(say.noFollowUp(id, usage))]
        if (f.state === 'done') return [inv.whisper(say.alreadyDone(f.id))]
        d.followUps.done(f, result)
        return [
          { type: 'cancel', key: `followup:${f.id}`, rule: 'service.schedule', groupId: f.groupId },
          { type: 'record', rule: 'service.followup-done', text: recordText.done(f, result), groupId: f.groupId },
          inv.reply(withHint(inv, say.done(f), p)),
        ]
      }
      const at = inv.argv.findIndex(a => followUpDays(a) !== undefined)
      const days = at < 0 ? undefined : followUpDays(inv.argv[at])
      if (days === undefined) return [inv.whisper(inv.argv.length ? say.noDays(p, usage) : say.usage(usage))]
      // `#回访 @刘总 7天 问滤芯`, or by name: `#回访 刘总 7天 问滤芯` (the name before the days, the note after).
      const mentioned = inv.event.mentions.length > 0
      const name = inv.argv.slice(0, at).join(' ') || undefined
      const note = (
        mentioned ? inv.argv.filter((a, i) => i !== at && !a.startsWith('@')) : inv.argv.slice(at + 1)
      ).join(' ')
      const made = await d.followUps.create(inv, days, note, name)
      if (typeof made === 'string') return [inv.whisper(made)]
      const { f, merged, otherGroups } = made
      const text = [
        followUpSetText(f, d.tz, d.who.names(f.responsible)),
        otherGroups && f.groupTopic ? say.followUpOneGroup(f.customerName, f.groupTopic, otherGroups) : '',
        merged ? say.mergedWithDeal(merged) : '',
        customersRead(inv.event) ? say.followUpBeforeCustomers(p) : '',
      ]
      // A merged follow-up takes the days asked for: its timer is set again (same key).
      return [followUpTimer(f), inv.whisper(text.filter(Boolean).join('\n'))]
    },
  }
}

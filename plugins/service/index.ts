import type { Action } from '../../bot/core/actions.js'
import type { GroupRef, MessageEvent } from '../../bot/core/event.js'
import { definePlugin, type JobSpec } from '../../bot/core/plugin.js'
import { timerKind } from '../../bot/runtime/schedule/timers.js'
import { compileCron } from '../../bot/time/cron.js'
import { chineseCalendar } from '../../bot/time/workdays.js'
import { addWorkingTime, parseWindows } from '../../bot/time/working-hours.js'
import { complaintCommand } from './commands.js'
import { serviceConfigSchema, type ServiceConfig } from './config.js'
import { deadlineActions, openActions, remindActions, resolveActions, type DecideDeps } from './decide.js'
import { detector } from './detect.js'
import { leaverActions, STAFF_DOC, working } from './leavers.js'
import { afterWorkdays, FOLLOWUPS_DOC, followUpCommand, followUpReminder, type FollowUp } from './followups.js'
import { weeklyReport } from './report.js'
import { nextTicketId, SERVICE_TIMER_PAYLOADS, TICKETS_DOC, type Ticket } from './state.js'

/** Recent customer messages remembered to find who wrote a message staff tag with `#投诉`. */
const RECENT = 500

/**
 * Customer service (客服): complaints in customer groups become tickets T<n> with a deadline in working
 * hours, the responsible salesperson is told privately and reminded, missed deadlines go to the admins,
 * the customer hears in the group that the complaint was received and handled; a weekly report.
 */
export const servicePlugin = definePlugin({
  name: 'service',
  description: '客服：客户投诉登记、处理期限、提醒、超时上报与周报 Customer complaints, deadlines and reports',
  configSchema: serviceConfigSchema,
  create(ctx) {
    const global = ctx.configFor()
    const cron = global.weeklyReport.cron
    if (cron) {
      try {
        compileCron(cron, ctx.timezone)
      } catch (e) {
        throw new Error(`service.weeklyReport.cron: ${(e as Error).message}`)
      }
    }
    const doc = ctx.store.doc('service-tickets', TICKETS_DOC)
    const tickets = () => Object.values(doc.data.tickets).sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)))
    const detectors = new WeakMap<ServiceConfig, ReturnType<typeof detector>>()
    const detectFor = (cfg: ServiceConfig) => {
      let d = detectors.get(cfg)
      if (!d) detectors.set(cfg, (d = detector(cfg)))
      return d
    }
    const followDoc = ctx.store.doc('service-followups', FOLLOWUPS_DOC)
    const followUps = () =>
      Object.values(followDoc.data.items).sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)))
    const staffDoc = ctx.store.doc('service-staff', STAFF_DOC)
    const configured = (group: GroupRef, cfg: ServiceConfig) =>
      cfg.responsible[group.topic] ?? cfg.responsible[group.configName] ?? []
    const responsibleOf = (group: GroupRef, cfg: ServiceConfig) =>
      configured(group, cfg).filter(id => !(id in staffDoc.data.left))
    let rosterSeen: unknown

    /** After a roster reload: tell the admins what each person who left still holds; their work goes to the admins. */
    async function checkRoster(): Promise<Action[]> {
      const roster = ctx.roster
      if (roster === rosterSeen || !roster.enabled) return []
      rosterSeen = roster
      const now = working(roster)
      const first = !Object.keys(staffDoc.data.known).length
      const gone = first ? [] : Object.entries(staffDoc.data.known).filter(([id]) => !(id in now))
      staffDoc.data.known = now
      for (const id of Object.keys(now)) delete staffDoc.data.left[id]
      staffDoc.changed()
      const out: Action[] = []
      for (const [id, name] of gone) {
        staffDoc.data.left[id] = { name, at: ctx.clock.now() }
        const groups: GroupRef[] = []
        for (const g of ctx.directory.groups()) {
          const members = await ctx.directory.members(g.id).catch(() => [])
          if (members.some(m => m.id === id)) groups.push(g)
        }
        const responsibleFor = ctx.directory
          .groups()
          .filter(g => g.kind === 'customer' && configured(g, ctx.configFor(g)).includes(id))
        const work: string[] = []
        for (const item of [...tickets(), ...followUps()]) {
          if (item.state !== 'open' || !item.responsible.includes(id)) continue
          item.responsible = item.responsible.filter(r => r !== id)
          work.push(item.id)
        }
        doc.changed()
        followDoc.changed()
        out.push(...leaverActions(id, { name, groups, responsibleFor, work }, ctx.commandPrefix))
      }
      return out
    }
    const recent = new Map<string, { id: string; name: string }>()
    const nameOf = (id: string) => ctx.roster.byContact(id)?.name ?? staffDoc.data.left[id]?.name ?? id
    const deps: DecideDeps = {
      tz: ctx.timezone,
      prefix: ctx.commandPrefix,
      names: ids => ids.map(nameOf).join('、'),
    }

    /** Open a ticket for a customer's message in `group`. */
    function open(
      group: GroupRef,
      src: { messageId: string; text: string; customerId?: string; customerName: string; taggedBy?: string },
      at: number,
    ): Action[] {
      const cfg = ctx.configFor(group)
      const windows = parseWindows(cfg.workingHours)
      const after = (ms: number) => addWorkingTime(at, ms, windows, ctx.timezone, chineseCalendar)
      prune(at)
      const t: Ticket = {
        id: nextTicketId(doc.data),
        groupId: group.id,
        groupTopic: group.topic,
        messageId: src.messageId,
        text: src.text.slice(0, 500),
        customerId: src.customerId,
        customerName: src.customerName,
        ...(src.taggedBy ? { taggedBy: src.taggedBy } : {}),
        responsible: responsibleOf(group, cfg),
        at,
        deadline: after(cfg.deadline),
        remindAt: cfg.remindBefore
          ? after(Math.max(cfg.deadline - cfg.remindBefore, Math.round(cfg.deadline / 2)))
          : undefined,
        state: 'open',
        ...(ctx.observing(group) ? { observed: true } : {}),
      }
      doc.data.tickets[t.id] = t
      doc.changed()
      return openActions(t, cfg, deps)
    }

    /** Forget resolved tickets older than `keepDays` (ids are never reused). */
    function prune(now: number): void {
      const before = now - global.keepDays * 86_400_000
      for (const t of tickets()) if (t.state === 'resolved' && t.at < before) delete doc.data.tickets[t.id]
    }

    function onMessage(e: MessageEvent): Action[] {
      const g = e.group
      if (g?.kind !== 'customer' || e.kind !== 'text') return []
      if (e.sender.isStaff || ctx.rolesOf(e.sender.id).length || e.sender.id === ctx.directory.selfId()) return []
      const customerName = ctx.displayName(e.sender)
      recent.set(e.id, { id: e.sender.id, name: customerName })
      if (recent.size > RECENT) recent.delete(recent.keys().next().value as string)
      if (!detectFor(ctx.configFor(g)).match(e.text)) return []
      return open(g, { messageId: e.id, text: e.text.trim(), customerId: e.sender.id, customerName }, e.at)
    }

    function tag(e: MessageEvent): Action[] | string {
      const g = e.group
      if (g?.kind !== 'customer' || !e.quote) return `请在客户群里引用客户的消息发送 ${ctx.commandPrefix}投诉 登记。`
      const byId = e.quote.id ? tickets().find(t => t.messageId === e.quote?.id) : undefined
      if (byId) return `这条消息已登记为投诉 ${byId.id}。`
      const who = e.quote.id ? recent.get(e.quote.id) : undefined
      return open(
        g,
        {
          messageId: e.quote.id ?? e.id,
          text: e.quote.text.trim(),
          customerId: who?.id,
          customerName: who?.name ?? e.quote.senderName ?? '客户',
          taggedBy: e.sender.id,
        },
        e.at,
      )
    }

    function resolve(t: Ticket, by: string, note: string): Action[] {
      const now = ctx.clock.now()
      t.state = 'resolved'
      t.resolvedAt = now
      t.resolvedBy = by
      t.resolution = note.slice(0, 500)
      doc.changed()
      const group = ctx.directory.group(t.groupId)
      return [
        ...resolveActions(t, group ? ctx.configFor(group) : global),
        {
          type: 'record',
          rule: 'service.ticket-closed',
          text: `投诉 ${t.id} 已处理：${t.resolution}`,
          groupId: t.groupId,
          memberId: by,
        },
      ]
    }

    const jobs: JobSpec[] = cron
      ? [
          {
            name: 'weekly-report',
            cron,
            run: now => [
              {
                type: 'notifyAdmins',
                text: weeklyReport(tickets(), now, ctx.timezone, nameOf),
                rule: 'service.weekly-report',
              },
            ],
          },
        ]
      : []

    return {
      onEvent: async ev => [
        ...(await checkRoster()),
        ...(ev.type === 'message' && !ev.command && !ev.isCommand ? onMessage(ev) : []),
      ],
      timerPayloads: SERVICE_TIMER_PAYLOADS,
      onTimer: (key, payload) => {
        if (timerKind(key) === 'followup') {
          const f = followDoc.data.items[(payload as { id: string }).id]
          return f ? followUpReminder(f, ctx.commandPrefix) : []
        }
        const t = doc.data.tickets[(payload as { id: string }).id]
        if (!t) return []
        const now = ctx.clock.now()
        const kind = timerKind(key)
        const actions =
          kind === 'remind' ? remindActions(t, deps, now) : kind === 'deadline' ? deadlineActions(t, deps, now) : []
        doc.changed()
        return actions
      },
      commands: [
        complaintCommand({
          tz: ctx.timezone,
          prefix: ctx.commandPrefix,
          now: () => ctx.clock.now(),
          tickets,
          names: deps.names,
          tag,
          resolve,
        }),
        followUpCommand({
          tz: ctx.timezone,
          prefix: ctx.commandPrefix,
          now: () => ctx.clock.now(),
          items: followUps,
          names: deps.names,
          create: async (inv, days, note) => {
            const g = inv.event.group
            if (g?.kind !== 'customer') return `请在客户群里发送 ${ctx.commandPrefix}回访 @客户 7天。`
            const members = await ctx.directory.members(g.id).catch(() => [])
            const customerId = inv.event.mentions.find(id => id !== ctx.directory.selfId())
            const m = members.find(x => x.id === customerId)
            const now = ctx.clock.now()
            const cfg = ctx.configFor(g)
            const used = Object.keys(followDoc.data.items).map(k => Number(k.slice(1)) + 1)
            const n = Math.max(followDoc.data.next, ...used)
            followDoc.data.next = n + 1
            const f: FollowUp = {
              id: `R${n}`,
              groupId: g.id,
              groupTopic: g.topic,
              customerId,
              customerName: m ? ctx.displayName(m) : (inv.argv.find(a => a.startsWith('@'))?.slice(1) ?? '客户'),
              ...(note ? { note: note.slice(0, 200) } : {}),
              setBy: inv.event.sender.id,
              responsible: responsibleOf(g, cfg),
              at: now,
              due: afterWorkdays(now, days, cfg.followUpTime, ctx.timezone, chineseCalendar),
              state: 'open',
              ...(ctx.observing(g) ? { observed: true } : {}),
            }
            followDoc.data.items[f.id] = f
            followDoc.changed()
            return f
          },
          done: (f, result) => {
            f.state = 'done'
            f.doneAt = ctx.clock.now()
            f.result = result.slice(0, 500)
            followDoc.changed()
          },
        }),
      ],
      jobs,
      status: () => {
        const open = tickets().filter(t => t.state === 'open')
        const visits = followUps().filter(f => f.state === 'open').length
        return `待处理投诉 ${open.length} 条（超时 ${open.filter(t => t.overdueAt).length} 条），已记录 ${tickets().length} 条；待回访 ${visits} 位`
      },
    }
  },
})

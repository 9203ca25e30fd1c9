import type { Action } from '../../bot/core/actions.js'
import type { BotEvent } from '../../bot/core/event.js'
import type { Fact } from '../../bot/core/facts.js'
import { definePlugin, type JobSpec } from '../../bot/core/plugin.js'
import { timerKind } from '../../bot/runtime/schedule/timers.js'
import { compileCron } from '../../bot/time/cron.js'
import { complaintCommand, followUpCommand, type CommandDeps } from './commands.js'
import { serviceConfigSchema } from './config.js'
import { FollowUpDesk } from './desk/followups.js'
import { Responsibility } from './desk/responsible.js'
import { LEAVE_CHECK_HOUR, StaffWatch } from './desk/staff.js'
import { TicketDesk } from './desk/tickets.js'
import { leaverCommand } from './leaver-command.js'
import { dailyReportActions } from './report/daily.js'
import { weeklyReport } from './report/weekly.js'
import { SERVICE_TIMER_PAYLOADS, STAFF_DOC } from './state.js'
import { statusText } from './texts.js'

/**
 * Customer service (客服): complaints in customer groups become tickets T<n> with a deadline in working
 * hours (reminded, escalated, resolved, reported weekly); follow-up visits R<n> from staff or closed deals;
 * staff who leave are removed from internal groups and their customer groups and open work handed over.
 */
export const servicePlugin = definePlugin({
  name: 'service',
  description: '客服：客户投诉、回访提醒、离职交接与日报周报 Complaints, follow-ups, leavers and reports',
  configSchema: serviceConfigSchema,
  create(ctx) {
    const global = ctx.configFor()
    const cron = (field: string, expr: string) => {
      try {
        if (expr) compileCron(expr, ctx.timezone)
      } catch (e) {
        throw new Error(`service.${field}.cron: ${(e as Error).message}`)
      }
      return expr
    }
    const weekly = cron('weeklyReport', global.weeklyReport.cron)
    const daily = cron('dailyReport', global.dailyReport.cron)
    const staffDoc = ctx.store.doc('service-staff', STAFF_DOC)
    const who = new Responsibility(ctx, staffDoc)
    const names = (ids: string[]) => who.names(ids)
    const tickets = new TicketDesk(ctx, who, { tz: ctx.timezone, prefix: ctx.commandPrefix, names })
    const followUps = new FollowUpDesk(ctx, who)
    const staff = new StaffWatch(ctx, staffDoc, who, tickets, followUps)
    const deps: CommandDeps = {
      tz: ctx.timezone,
      prefix: ctx.commandPrefix,
      now: () => ctx.clock.now(),
      tickets,
      followUps,
      who,
      observing: groupId => ctx.observing(ctx.directory.group(groupId)),
      accountName: account => ctx.fleet.accountName?.(account),
    }
    const jobs: JobSpec[] = [{ name: 'staff-check', cron: `0 ${LEAVE_CHECK_HOUR} * * *`, run: () => staff.check() }]
    if (weekly)
      jobs.push({
        name: 'weekly-report',
        cron: weekly,
        run: now => [
          {
            type: 'notifyAdmins',
            text: weeklyReport(tickets.all(), now, ctx.timezone, id => who.nameOf(id)),
            rule: 'service.weekly-report',
          },
        ],
      })
    if (daily)
      jobs.push({
        name: 'daily-report',
        cron: daily,
        workdaysOnly: true,
        run: now => dailyReportActions(tickets.all(), followUps.all(), now, ctx.timezone, names),
      })

    return {
      onEvent: ev => {
        // Most events come with nothing for the roster watch: then no promise.
        if (!staff.due()) return customerMessage(tickets, ev)
        return staff.check().then(left => [...left, ...customerMessage(tickets, ev)])
      },
      // A case captured or amended is waited for: every other fact is answered at once (no promise).
      onFact: (fact: Fact): Action[] | Promise<Action[]> => {
        if (fact.name === 'case.captured') return followUps.fromDeal(fact.data)
        if (fact.name === 'case.amended') return followUps.dealAmended(fact.data)
        return fact.name === 'case.removed' ? followUps.dealRemoved(fact.data) : []
      },
      timerPayloads: SERVICE_TIMER_PAYLOADS,
      onTimer: (key, payload) => {
        const { id, groupIds } = payload as { id: string; groupIds?: string[] }
        const kind = timerKind(key)
        if (kind === 'leftcheck') return staff.stillIn(id, groupIds ?? [])
        return kind === 'followup' ? followUps.onTimer(id) : tickets.onTimer(kind, id)
      },
      // Fleet takeover: the group's tickets and follow-ups of a down account (and their timers) move here.
      adopt: {
        docs: ['service-tickets', 'service-followups'],
        take: (groupId, from) => tickets.adopt(from, groupId) + followUps.adopt(from, groupId),
      },
      commands: [complaintCommand(deps), followUpCommand(deps), leaverCommand(staff, ctx.commandPrefix)],
      jobs,
      status: () => {
        const open = tickets.all().filter(t => t.state === 'open')
        const visits = followUps.all().filter(f => f.state === 'open').length
        return statusText(open.length, open.filter(t => t.overdueAt).length, tickets.all().length, visits)
      },
    }
  },
})

/** A customer's message may open a complaint ticket (commands never do). */
function customerMessage(tickets: TicketDesk, ev: BotEvent): Action[] {
  return ev.type === 'message' && !ev.command && !ev.isCommand ? tickets.onMessage(ev) : []
}

import { timerKind } from '../../bot/runtime/schedule/timers.js'
import { asRehearsal, type Action } from '../../bot/core/actions.js'
import type { GroupRef, MessageEvent } from '../../bot/core/event.js'
import { definePlugin, type JobSpec } from '../../bot/core/plugin.js'
import { compileCron } from '../../bot/time/cron.js'
import { chineseCalendar } from '../../bot/time/workdays.js'
import { mustAnswer } from './audience.js'
import { noticeCommand } from './commands.js'
import { isNoticeMessage, rulesCache } from './compile.js'
import { ackConfigSchema } from './config.js'
import { planDeadline, splitDeadline, type DeadlineSpec } from './deadline.js'
import { deadlineActions, reminderActions, trackingActions } from './deadline-rules.js'
import { fineCommand, settleByRedPacket, type FineDeps } from './fines.js'
import { ACK_TIMER_PAYLOADS, NOTICES_DOC, type Notice } from './notice.js'
import { onGroupReply, onLeave, onPrivateReply, onRecall, type Outcome } from './replies.js'
import { periodStats } from './stats.js'

/**
 * Notices and acknowledgements: tracks leaders' notices in internal groups,
 * who answered 收到 and when, reminds the silent ones before the deadline,
 * reports to the author at the deadline, and (optionally) fines the missing.
 */
export const ackPlugin = definePlugin({
  name: 'ack',
  description: '通知回复跟踪：截止提醒、截止报告与罚款 Notices, acknowledgements, reminders and fines',
  configSchema: ackConfigSchema,
  create(ctx) {
    const rulesOf = rulesCache()
    const rulesFor = (g?: GroupRef) => rulesOf(ctx.configFor(g))
    const global = rulesFor()
    const cron = global.cfg.statsReport.cron
    if (cron) {
      try {
        compileCron(cron, ctx.timezone)
      } catch (e) {
        throw new Error(`ack.statsReport.cron: ${(e as Error).message}`)
      }
    }
    const doc = ctx.store.doc('ack-notices', NOTICES_DOC)
    const notices = () => Object.values(doc.data.notices)
    const groupOf = (id: string) => ctx.directory.group(id)
    const apply = (o: Outcome): Action[] => {
      if (o.changed) doc.changed()
      return o.actions
    }

    const nameOf = (id: string) =>
      ctx.roster.byContact(id)?.name ??
      notices()
        .reverse()
        .find(n => id in n.required)?.required[id] ??
      id
    const fineDeps: FineDeps = {
      ledger: ctx.ledger,
      now: () => ctx.clock.now(),
      tz: ctx.timezone,
      prefix: ctx.commandPrefix,
      nameOf,
      maxListed: global.cfg.maxListed,
    }

    /** Start tracking a notice: deadline plan, who must answer (members now), stored. */
    async function track(e: MessageEvent, text: string, spec?: DeadlineSpec): Promise<Notice | string> {
      const group = e.group!
      const { cfg, windows } = rulesFor(group)
      const plan = planDeadline(e.at, spec, {
        defaultMs: cfg.deadline,
        remindBeforeMs: cfg.remindBefore,
        windows: cfg.workingHours.enabled ? windows : undefined,
        tz: ctx.timezone,
        calendar: chineseCalendar,
      })
      if (typeof plan === 'string') return plan
      const members = await ctx.directory.members(group.id)
      const required = mustAnswer(members, {
        selfId: ctx.directory.selfId(),
        authorId: e.sender.id,
        rolesOf: ctx.rolesOf,
        exemptRoles: cfg.exemptRoles,
        exempt: cfg.exempt,
        roster: ctx.roster,
      })
      if (!required.length) return '本群没有需要回复的成员'
      prune(e.at)
      const id = `N${doc.data.next++}`
      const n: Notice = {
        id,
        groupId: group.id,
        groupTopic: group.topic,
        messageId: e.id,
        text: text.slice(0, 500),
        authorId: e.sender.id,
        authorName: ctx.displayName(e.sender),
        at: e.at,
        deadline: plan.deadline,
        remindAt: plan.remindAt,
        required: Object.fromEntries(required.map(m => [m.id, ctx.displayName(m)])),
        answers: {},
        excuses: {},
        state: 'open',
        ...(ctx.observing(group) ? { observed: true } : {}),
      }
      doc.data.notices[id] = n
      doc.changed()
      return n
    }

    /** Forget finished notices older than `keepDays`. */
    function prune(now: number): void {
      const before = now - global.cfg.keepDays * 86_400_000
      for (const n of notices()) if (n.state !== 'open' && n.at < before) delete doc.data.notices[n.id]
    }

    async function onMessage(e: MessageEvent): Promise<Action[]> {
      if (!e.group) return apply(onPrivateReply(e, notices(), global))
      if (e.group.kind !== 'internal') return []
      const rules = rulesFor(e.group)
      if (e.kind === 'recalled') return apply(onRecall(e, notices()))
      if (e.kind === 'redpacket') return rules.cfg.fines.enabled ? settleByRedPacket(e, fineDeps) : []
      if (!isNoticeMessage(e, rules.cfg))
        return e.kind === 'text' ? apply(onGroupReply(e, notices(), rules, ctx.timezone)) : []
      const split = splitDeadline(e.text)
      let n = await track(e, split.spec ? split.content : e.text.trim(), split.spec)
      if (typeof n === 'string' && split.spec) n = await track(e, e.text.trim())
      return typeof n === 'string' ? [] : trackingActions(n, ctx.timezone, true)
    }

    const jobs: JobSpec[] = cron
      ? [
          {
            name: 'stats',
            cron,
            workdaysOnly: true,
            run: now => {
              const out: Action[] = []
              const since = now - global.cfg.statsReport.days * 86_400_000
              for (const groupId of new Set(
                notices()
                  .filter(n => n.state === 'reported' && n.at >= since)
                  .map(n => n.groupId),
              )) {
                const pool = notices().filter(n => n.groupId === groupId)
                const text = periodStats(
                  pool,
                  pool[0].groupTopic,
                  global.cfg.statsReport.days,
                  now,
                  global.cfg.maxListed,
                )
                for (const author of new Set(pool.filter(n => n.at >= since).map(n => n.authorId))) {
                  out.push({ type: 'say', to: { contact: author }, text, rule: 'ack.stats', groupId, memberId: author })
                }
              }
              return out
            },
          },
        ]
      : []

    return {
      onEvent: async ev => {
        if (ev.type === 'leave') {
          if (
            onLeave(
              ev.group.id,
              ev.members.map(m => m.id),
              notices(),
            )
          )
            doc.changed()
          return []
        }
        return ev.type === 'message' && !ev.command ? onMessage(ev) : []
      },
      timerPayloads: ACK_TIMER_PAYLOADS,
      onTimer: (key, payload) => {
        const n = doc.data.notices[(payload as { id?: string } | undefined)?.id ?? '']
        if (!n) return []
        const { cfg } = rulesFor(groupOf(n.groupId))
        const now = ctx.clock.now()
        const kind = timerKind(key)
        const actions =
          kind === 'remind'
            ? reminderActions(n, cfg, ctx.timezone, now)
            : kind === 'deadline'
              ? deadlineActions(n, cfg, ctx.timezone, ctx.ledger.policy)
              : []
        doc.changed()
        return n.observed ? asRehearsal(actions) : actions
      },
      commands: [
        noticeCommand({
          tz: ctx.timezone,
          prefix: ctx.commandPrefix,
          ledger: ctx.ledger,
          now: () => ctx.clock.now(),
          notices,
          changed: () => doc.changed(),
          rulesFor,
          track,
        }),
        fineCommand(fineDeps),
      ],
      jobs,
      status: () => {
        const open = notices().filter(n => n.state === 'open').length
        return `进行中通知 ${open} 条，已记录 ${notices().length} 条`
      },
    }
  },
})

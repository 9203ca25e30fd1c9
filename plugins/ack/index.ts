import type { GroupRef, MessageEvent } from '../../bot/core/event.js'
import { definePlugin, type PluginContext } from '../../bot/core/plugin.js'
import { compileCron } from '../../bot/time/cron.js'
import { contactsNamed } from '../../bot/commands/member-names.js'
import { fineCommand, noticeCommand, type AckCommandDeps } from './commands.js'
import { ackConfigSchema, type AckConfig } from './config.js'
import type { DeadlineSpec } from './deadline/parse.js'
import { decideTimer, statsReportActions } from './decide-deadline.js'
import { decideMessage, type MessageInputs } from './decide-message.js'
import { isNoticeMessage, openNotice, type NoticeInputs } from './decide-notice.js'
import { onLeave, type Outcome } from './decide-reply.js'
import { type GroupRules, rulesCache } from './match/rules.js'
import { ACK_TIMER_PAYLOADS, allNotices, NOTICES_DOC, takeNotices } from './state.js'
import { T } from './texts.js'
import { ackViews } from './views.js'

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
    const w = wiring(ctx)
    const { doc, global, rulesFor, apply } = w
    const notices = () => allNotices(doc.data)
    const cron = global.statsReport.cron
    const { timezone: tz, commandPrefix: prefix, ledger } = ctx
    const inputs = (ev: MessageEvent, rules: GroupRules, notice?: NoticeInputs): MessageInputs => ({
      rules,
      tz,
      now: ctx.clock.now(),
      prefix,
      ledger,
      // Only a transfer names a receiver to compare with.
      selfId: ev.kind === 'transfer' ? ctx.directory.selfId() : undefined,
      accountName: account => ctx.fleet.accountName?.(account),
      notice,
    })
    return {
      onEvent: ev => {
        if (ev.type === 'leave')
          return apply({
            actions: [],
            changed: onLeave(
              ev.group.id,
              ev.members.map(m => m.id),
              notices(),
            ),
          })
        if (ev.type !== 'message' || ev.command) return []
        // Notices, answers and fines are of internal groups (decideMessage decides nothing elsewhere): no inputs made.
        if (ev.group && ev.group.kind !== 'internal') return []
        const rules = rulesFor(ev.group)
        // Only a notice needs the group's members (a directory read): every other message is decided at once.
        if (isNoticeMessage(ev, rules.cfg))
          return w.noticeInputs(ev.group!).then(notice => apply(decideMessage(ev, doc.data, inputs(ev, rules, notice))))
        return apply(decideMessage(ev, doc.data, inputs(ev, rules)))
      },
      timerPayloads: ACK_TIMER_PAYLOADS,
      // Fleet takeover: the group's notices (and their reminder and deadline timers) of a down account move here.
      adopt: {
        docs: ['ack-notices'],
        take: (groupId, from) => {
          const theirs = from.doc('ack-notices', NOTICES_DOC)
          const moved = takeNotices(theirs.data, doc.data, groupId, from.account)
          for (const { was, notice } of moved)
            for (const kind of ['remind', 'deadline'])
              from.timer(`${kind}:${was}`, { key: `${kind}:${notice.id}`, payload: { id: notice.id } })
          if (moved.length) {
            theirs.changed()
            doc.changed()
          }
          return moved.length
        },
      },
      onTimer: (key, payload) => {
        const n = doc.data.notices[(payload as { id?: string } | undefined)?.id ?? '']
        if (!n) return []
        const group = ctx.directory.group(n.groupId)
        const { cfg } = rulesFor(group)
        const observing = ctx.observing(group)
        const actions = decideTimer(key, n, cfg, ctx.timezone, ctx.ledger.policy, ctx.clock.now(), observing)
        return apply({ actions, changed: true })
      },
      commands: [noticeCommand(w.commandDeps), fineCommand(w.commandDeps)],
      jobs: cron
        ? [{ name: 'stats', cron, workdaysOnly: true, run: now => statsReportActions(doc.data, global, now) }]
        : [],
      status: () => T.status(notices().filter(n => n.state === 'open').length, notices().length),
      views: ackViews({ notices, ledger: ctx.ledger, now: () => ctx.clock.now(), nameOf: w.commandDeps.nameOf }),
    }
  },
})

type AckContext = PluginContext<AckConfig>

/** The plugin's document, its rules per group and what the decisions read from the ports. */
function wiring(ctx: AckContext) {
  const rulesOf = rulesCache()
  const rulesFor = (g?: GroupRef) => rulesOf(ctx.configFor(g))
  const global = rulesFor().cfg
  checkCron(global, ctx.timezone)
  const doc = ctx.store.doc('ack-notices', NOTICES_DOC)
  const notices = () => allNotices(doc.data)
  const apply = (o: Outcome) => {
    if (o.changed) doc.changed()
    return o.actions
  }
  /** The group's members now, and how to judge and name them: read before a notice is opened. */
  const noticeInputs = async (group: GroupRef): Promise<NoticeInputs> => ({
    members: await ctx.directory.members(group.id),
    audience: { selfId: ctx.directory.selfId(), rolesOf: ctx.rolesOf, roster: ctx.roster },
    displayName: ctx.displayName,
    observing: ctx.observing(group),
    tz: ctx.timezone,
    calendar: ctx.calendar,
    keepDays: global.keepDays,
  })
  const track = async (e: MessageEvent, text: string, spec?: DeadlineSpec) => {
    const n = openNotice(doc.data, e, text, spec, rulesFor(e.group), await noticeInputs(e.group!))
    if (typeof n !== 'string') doc.changed()
    return n
  }
  const commandDeps: AckCommandDeps = {
    tz: ctx.timezone,
    prefix: ctx.commandPrefix,
    ledger: ctx.ledger,
    now: () => ctx.clock.now(),
    notices,
    changed: () => doc.changed(),
    rulesFor,
    track,
    nameOf: id => ctx.roster.byContact(id)?.name ?? notices().findLast(n => id in n.required)?.required[id] ?? id,
    named: word => contactsNamed(word, { roster: ctx.roster, directory: ctx.directory }),
    maxListed: global.maxListed,
    accountName: account => ctx.fleet.accountName?.(account),
    observing: () => ctx.observing(),
  }
  return { doc, global, rulesFor, apply, noticeInputs, commandDeps }
}

/** Fail at start on an unusable statistics cron, naming the config key. */
function checkCron(cfg: AckConfig, tz: string): void {
  if (!cfg.statsReport.cron) return
  try {
    compileCron(cfg.statsReport.cron, tz)
  } catch (e) {
    throw new Error(`ack.statsReport.cron: ${(e as Error).message}`)
  }
}

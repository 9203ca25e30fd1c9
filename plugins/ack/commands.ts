import type { Action } from '../../bot/core/actions.js'
import { unknownSubcommandText } from '../../bot/commands/subcommand.js'
import { nearestKey } from '../../bot/config/suggest-key.js'
import { wholeCount } from '../../bot/config/count-words.js'
import type { GroupRef, Member, MessageEvent } from '../../bot/core/event.js'
import type { CommandInvocation, CommandSpec } from '../../bot/core/plugin.js'
import { allowed } from '../../bot/commands/command-router.js'
import { bareName, type NamedContact, whichOneText } from '../../bot/commands/member-names.js'
import type { Fine, Ledger } from '../../bot/runtime/records/ledger.js'
import { splitDeadline, type DeadlineSpec } from './deadline/parse.js'
import { violationFor } from './decide-deadline.js'
import { trackingActions } from './decide-notice.js'
import { stopTimers } from './decide-reply.js'
import type { GroupRules } from './match/rules.js'
import { findNotice, type Notice } from './state.js'
import {
  allFinesText,
  detailText,
  listText,
  noticePost,
  ownFinesText,
  periodStats,
  T,
  type MemberFines,
} from './texts.js'

/** What the commands need from the plugin's wiring. */
export interface AckCommandDeps {
  tz: string
  prefix: string
  ledger: Ledger
  now(): number
  notices(): Notice[]
  changed(): void
  rulesFor(group?: GroupRef): GroupRules
  /** Track a notice posted by `e` with `text`; a Chinese reason when it cannot be tracked. */
  track(e: MessageEvent, text: string, spec?: DeadlineSpec): Promise<Notice | string>
  /** Display name for a contact id (roster name, name seen in a notice, else the id). */
  nameOf(contactId: string): string
  /** The contacts a typed name means, as every command resolves names (`bot/commands/member-names.ts`). */
  named(word: string): Promise<NamedContact[]>
  maxListed: number
  /** Another account's WeChat name as it wrote it (undefined: none, or no fleet): texts name the bots so. */
  accountName(account: string): string | undefined
  /** Whether the plugin observes outside groups (where `#罚款 结清` settles and `免除` waives): both are then only recorded. */
  observing(): boolean
}

/** `#通知 <内容> [截止 30分钟]` and its subcommands 列表, 详情, 关闭, 接受, 统计. */
export function noticeCommand(d: AckCommandDeps): CommandSpec {
  const usage = T.noticeUsage(d.prefix)
  const help = (why: string) => T.noticeHelp(why, usage, d.prefix)
  return {
    name: '通知',
    aliases: ['notice'],
    role: 'leader',
    usage,
    description: T.noticeDescription,
    run: async inv => {
      const [sub, arg] = inv.argv
      const max = d.rulesFor(inv.event.group).cfg.maxListed
      switch (sub) {
        case undefined:
          return [inv.reply(help(T.noContent))]
        case '列表':
        case 'list':
          return [inv.reply(listText(openIn(d, inv.event.group), d.tz, max))]
        case '详情':
        case 'detail':
          return arg
            ? withNotice(d, inv, arg, n => [inv.reply(detailText(n, d.tz, max))])
            : [inv.reply(help(T.noticeIdMissing(sub, d.prefix)))]
        case '关闭':
        case 'close':
          return arg
            ? withNotice(d, inv, arg, n => close(d, inv, n))
            : [inv.reply(help(T.noticeIdMissing(sub, d.prefix)))]
        case '接受':
        case 'accept':
          return arg
            ? withNotice(d, inv, arg, n => accept(d, inv, n))
            : [inv.reply(help(T.noticeIdMissing(sub, d.prefix)))]
        case '统计':
        case 'stats': {
          const days = arg === undefined ? 0 : wholeCount(arg, STATS_UNIT)
          if (days === undefined) return [inv.reply(help(T.badStatsDays(arg ?? '')))]
          return [inv.reply(stats(d, inv.event.group, days, max))]
        }
      }
      if (looksLikeSubcommandTypo(inv.argv))
        return [inv.reply(T.notPublishedTypo(unknownSubcommandText(`${d.prefix}通知`, sub, NOTICE_SUBCOMMANDS, usage)))]
      return publish(d, inv, help)
    },
  }
}

/** The days of `#通知 统计 7` / `7天` / `七天` (calendar days). */
const STATS_UNIT = /^(?:天|日|d)?$/

/** The subcommands of `#通知`, as the asker may type them (Chinese first: the nearest one is suggested). */
const NOTICE_SUBCOMMANDS = ['列表', '详情', '关闭', '接受', '统计', 'list', 'detail', 'close', 'accept', 'stats']

/**
 * Whether `#通知 <words>` reads as a mistyped subcommand rather than a notice to publish: its first word is a
 * subcommand mistyped (`关比`, `列彪`) and nothing follows it but notice ids, @-names or a number of days (`7`, `七天`)
 * (`#通知 关比 N3`). A real notice (`统一 明天穿工装`) has other words and is published as typed.
 */
export function looksLikeSubcommandTypo(argv: readonly string[]): boolean {
  const [first, ...rest] = argv
  if (!first || !nearestKey(first, NOTICE_SUBCOMMANDS)) return false
  return rest.every(word => /^(N\d+(@\S+)?|[@＠]\S*)$/i.test(word) || wholeCount(word, STATS_UNIT) !== undefined)
}

async function publish(d: AckCommandDeps, inv: CommandInvocation, help: (why: string) => string): Promise<Action[]> {
  const g = inv.event.group
  if (g?.kind !== 'internal') return [inv.reply(T.internalGroupsOnly)]
  const split = splitDeadline(inv.args)
  if (split.bad) return [inv.reply(help(T.badDeadline(split.bad)))]
  if (!split.content) return [inv.reply(help(T.noContent))]
  const n = await d.track(inv.event, split.content, split.spec)
  if (typeof n === 'string') return [inv.reply(help(`${n}。`))]
  // A post to the group, not an answer to the asker: in observe mode it is only recorded, and the asker is told.
  const observed = n.observed ? [inv.whisper(T.noticeObserved(n.id, d.prefix))] : []
  return [
    {
      type: 'say',
      to: { room: g.id },
      text: noticePost(split.content, n, d.tz),
      rule: 'ack.notice',
      groupId: g.id,
      memberId: inv.event.sender.id,
    },
    ...trackingActions(n, d.tz, false),
    ...observed,
  ]
}

function withNotice(
  d: AckCommandDeps,
  inv: CommandInvocation,
  arg: string | undefined,
  fn: (n: Notice) => Action[] | Promise<Action[]>,
): Action[] | Promise<Action[]> {
  const n = arg ? findNotice(d.notices(), arg) : undefined
  if (!n) return [inv.reply(T.noticeNotFound(arg ?? '', d.prefix))]
  return fn(n)
}

function close(d: AckCommandDeps, inv: CommandInvocation, n: Notice): Action[] {
  if (n.state !== 'open') return [inv.reply(T.notOpen(n.id))]
  n.state = 'closed'
  d.changed()
  return [inv.reply(T.closed(n)), ...stopTimers(n)]
}

/**
 * Accept the excuses of the members @-mentioned or named (privately there is no @: the roster name, the name the
 * notice shows or its name part after `部门-`, a group nickname or WeChat name, or the contact id of one it asked, a
 * leading @ ignored); with @-mentions their `@名字` words are not names. A name meaning several members who gave
 * an excuse is asked back and nothing changes. The fines recorded for it are waived, each by a `waive` action
 * (held in observe mode, as `#罚款 免除`).
 */
async function accept(d: AckCommandDeps, inv: CommandInvocation, n: Notice): Promise<Action[]> {
  const mentioned = inv.event.mentions
  const words = inv.argv.slice(2).filter(a => !(mentioned.length && /^[@＠]/.test(a)))
  const named = new Set(mentioned)
  for (const word of words) {
    const found = await excusedNamed(d, n, word)
    if (found.length > 1) return [inv.reply(whichOneText(word, found))]
    if (found.length) named.add(found[0].id)
  }
  const ids = [...named].filter(id => acceptable(d, n, id))
  if (!ids.length) return [inv.reply(T.acceptUsage(n.id, d.prefix))]
  const waives: Action[] = []
  const waived: string[] = []
  for (const id of ids) {
    n.excuses[id].acceptedBy ??= inv.event.sender.id
    for (const f of finesFor(d, n, id)) {
      waives.push(waiveAction(d, f, inv.event.sender, T.excuseAcceptedWaiver(n.excuses[id].text)))
      waived.push(d.ledger.label(f))
    }
  }
  d.changed()
  const who = ids.map(id => n.required[id]).join('、')
  return [
    ...waives,
    inv.reply(T.excusesAccepted(who, n.id, waived, d.observing() ? d.prefix : undefined)),
    {
      type: 'record',
      text: T.excusesAcceptedRecord(n.id, who),
      rule: 'ack.excuse-accepted',
      groupId: n.groupId,
      reason: `由 ${adminName(d, inv.event.sender)} 接受理由`,
    },
  ]
}

/** The open fines of member `id` for missing notice `n`. */
function finesFor(d: AckCommandDeps, n: Notice, id: string) {
  return d.ledger.openFines(id).filter(f => f.violation === violationFor(n.id))
}

/**
 * Whether member `id`'s excuse to notice `n` can be accepted: not yet accepted, or accepted while its fines stay
 * open (accepted in observe mode, whose waivers were only rehearsed: accepting again waives them).
 */
function acceptable(d: AckCommandDeps, n: Notice, id: string): boolean {
  const excuse = n.excuses[id]
  return !!excuse && (!excuse.acceptedBy || finesFor(d, n, id).length > 0)
}

/** The members who gave notice `n` an excuse that `word` names: as the notice shows them, or as any command resolves names. */
async function excusedNamed(d: AckCommandDeps, n: Notice, word: string): Promise<NamedContact[]> {
  const name = bareName(word)
  const shown = (id: string) => [n.required[id], n.required[id]?.split('-').at(-1) ?? '']
  const resolved = new Set((await d.named(word)).map(c => c.id))
  return Object.keys(n.excuses)
    .filter(id => acceptable(d, n, id))
    .filter(id => resolved.has(id) || [id, ...shown(id), d.nameOf(id)].includes(name))
    .map(id => ({ id, label: n.required[id] ?? d.nameOf(id) }))
}

/**
 * The `waive` action of an open fine of this account, `by` an admin for `waiver`. No group (as `#罚款 结清`'s
 * `settle`): the plugin's mode outside groups decides whether it is only recorded (`AckCommandDeps.observing`).
 */
function waiveAction(d: AckCommandDeps, fine: Fine, by: Member, waiver: string): Action {
  return {
    type: 'waive',
    fineId: fine.id,
    memberId: fine.memberId,
    by: by.id,
    waiver,
    text: T.fineWaivedRecord(d.ledger.label(fine), waiver),
    rule: 'ack.fine-waived',
    reason: `由 ${adminName(d, by)} 免除`,
  }
}

/** The admin who settled, waived or accepted, as #审计 names them: roster name, else their WeChat name. */
function adminName(d: AckCommandDeps, admin: Member): string {
  const known = d.nameOf(admin.id)
  return known === admin.id ? admin.name || admin.id : known
}

function openIn(d: AckCommandDeps, group: GroupRef | undefined): Notice[] {
  return d
    .notices()
    .filter(n => n.state === 'open' && (!group || n.groupId === group.id))
    .sort((a, b) => a.at - b.at)
}

function stats(d: AckCommandDeps, group: GroupRef | undefined, days: number, max: number): string {
  const period = days > 0 ? Math.min(days, 366) : d.rulesFor(group).cfg.statsReport.days
  const pool = d.notices().filter(n => !group || n.groupId === group.id)
  return periodStats(pool, group?.topic ?? T.allGroups, period, d.now(), max)
}

/**
 * `#罚款`: one's own balance (privately, to someone without a role only if they were ever fined: to a customer it
 * is an unknown command); admins: `#罚款 全部` (everyone's), `#罚款 结清 <编号>` (confirm a red packet whose
 * amount the bot could not see), `#罚款 免除 <编号> <原因>`.
 */
export function fineCommand(d: AckCommandDeps): CommandSpec {
  const p = d.prefix
  return {
    name: '罚款',
    aliases: ['fines'],
    role: 'member',
    // Privately, someone without a role is told of fines only if they have one (a customer learns nothing of them).
    openToAnyone: id => d.ledger.finesOf(id).length > 0,
    usage: T.fineUsage(p),
    help: T.fineHelp(p),
    description: T.fineDescription,
    run: inv => {
      const [sub, id, ...why] = inv.argv
      const all = sub === '全部' || sub === 'all'
      const waive = sub === '免除' || sub === 'waive'
      const settle = sub === '结清' || sub === 'settle'
      if ((all || waive || settle) && !allowed('admin', inv.event.sender.roles)) return [inv.reply(T.finesAdminOnly)]
      if (all) return [inv.reply(allFines(d))]
      if (waive) return waiveFine(d, inv, id, why.join(' '))
      if (settle) return settleFine(d, inv, id)
      // An unknown word is no request for one's own fines (`#罚款 结算 F1` meant 结清).
      if (sub !== undefined) {
        const known = allowed('admin', inv.event.sender.roles) ? ['全部', '结清', '免除'] : []
        return [inv.reply(unknownSubcommandText(`${p}罚款`, sub, known, T.fineUsage(p)))]
      }
      return [inv.reply(ownFines(inv.event.sender.id, d))]
    },
  }
}

/**
 * `#罚款 免除 F3 <原因>` (or `F3@sales1` in a fleet): one `waive` action, as `#罚款 结清`'s `settle`, so observe mode
 * holds it (and the admin is told so) and the audit log has it once. Another account's fine is waived by that account.
 */
async function waiveFine(
  d: AckCommandDeps,
  inv: CommandInvocation,
  id: string | undefined,
  reason: string,
): Promise<Action[]> {
  if (!id || !reason) return [inv.reply(T.waiveUsage(d.prefix))]
  const found = d.ledger.findOpen(id)
  if (!found) return [inv.reply(await notAFineId(d, id, `${d.prefix}罚款 免除 {id} ${reason}`))]
  if (found.account)
    return [inv.reply(fineElsewhere(d, found.fine.id, found.account, `免除 ${found.fine.id} ${reason}`))]
  const fine = d.ledger.shown(found.fine)
  const name = d.nameOf(fine.memberId)
  return [
    waiveAction(d, found.fine, inv.event.sender, reason),
    inv.reply(d.observing() ? T.fineWaiveObserved(name, fine, d.prefix) : T.fineWaived(name, fine, reason)),
  ]
}

/** Another account's fine: that account settles or waives it, named by its WeChat name, with the command to send it. */
function fineElsewhere(d: AckCommandDeps, id: string, account: string, command: string): string {
  return T.fineElsewhere(id, account, `${d.prefix}罚款 ${command}`, d.accountName(account))
}

/**
 * `#罚款 结清 F3` (or `F3@sales1` in a fleet): the admin checked a payment the bot could not read. One `settle`
 * action, as a payment's, so observe mode holds it (and the admin is told so) and the audit log has it once. Another
 * account's fine is settled by that account (it alone writes its ledger): the answer names it and the command to send.
 */
async function settleFine(d: AckCommandDeps, inv: CommandInvocation, id: string | undefined): Promise<Action[]> {
  if (!id) return [inv.reply(T.settleUsage(d.prefix))]
  const found = d.ledger.findOpen(id)
  if (!found) return [inv.reply(await notAFineId(d, id, `${d.prefix}罚款 结清 {id}`))]
  if (found.account) return [inv.reply(fineElsewhere(d, found.fine.id, found.account, `结清 ${found.fine.id}`))]
  const fine = d.ledger.shown(found.fine)
  const owed = d.ledger.owed(fine, d.now())
  const settle: Action = {
    type: 'settle',
    fineId: found.fine.id,
    memberId: fine.memberId,
    text: T.fineConfirmedRecord(fine.id, owed),
    rule: 'ack.fine-settled',
    reason: `由 ${adminName(d, inv.event.sender)} 确认结清`,
  }
  const name = d.nameOf(fine.memberId)
  return [
    settle,
    inv.reply(d.observing() ? T.fineSettleObserved(name, fine, d.prefix) : T.fineConfirmed(name, fine, owed)),
  ]
}

/**
 * The answer when `word` is no open fine's id: a member's name (resolved as every command does) gets their open
 * fines' ids and the command to send (`{id}` in `command`), never a settlement by name; a name meaning several
 * members is asked back.
 */
async function notAFineId(d: AckCommandDeps, word: string, command: string): Promise<string> {
  const found = await d.named(word)
  if (found.length > 1) return whichOneText(word, found)
  if (!found.length) return T.noOpenFine(word)
  const now = d.now()
  const fines = d.ledger.openFinesFleet(found[0].id).map(f => ({
    id: d.ledger.label(f),
    violation: f.violation,
    owed: d.ledger.owed(f, now),
  }))
  return T.fineIdNeeded(d.nameOf(found[0].id), fines, command)
}

/** `#罚款`: the member's open fines fleet-wide (another account's as `F2@sales1`) and what they paid. */
function ownFines(memberId: string, d: AckCommandDeps): string {
  const now = d.now()
  const open = d.ledger
    .openFinesFleet(memberId)
    .map(fine => ({ fine: d.ledger.shown(fine), owed: d.ledger.owed(fine, now) }))
  const paid = d.ledger.finesOf(memberId).filter(f => f.settled)
  const own = new Set(d.ledger.openFines(memberId))
  const accounts = d.ledger
    .openFinesFleet(memberId)
    .filter(f => !own.has(f))
    .map(f => f.id.slice(f.id.indexOf('@') + 1))
  const elsewhere = [...new Set(accounts)].map(account => ({ account, name: d.accountName(account) }))
  return ownFinesText(open, paid, d.ledger.policy, d.tz, d.maxListed, elsewhere)
}

/** `#罚款 全部`: everyone's open fines fleet-wide, with the ids each account settles them by. */
function allFines(d: AckCommandDeps): string {
  const now = d.now()
  const byMember = new Map<string, MemberFines>()
  for (const f of d.ledger.openFinesFleet()) {
    const m = byMember.get(f.memberId) ?? { name: d.nameOf(f.memberId), count: 0, owed: 0, ids: [] }
    byMember.set(f.memberId, m)
    m.count++
    m.owed += d.ledger.owed(f, now)
    m.ids.push(d.ledger.label(f))
  }
  return allFinesText([...byMember.values()], d.maxListed)
}

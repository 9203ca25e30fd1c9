import type { Action } from '../../bot/core/actions.js'
import { deadlineTimers } from '../../bot/core/deadline-timers.js'
import type { Member, MessageEvent, Role } from '../../bot/core/event.js'
import type { Roster } from '../../bot/roster/roster.js'
import type { WorkCalendar } from '../../bot/time/workdays.js'
import type { AckConfig } from './config.js'
import type { DeadlineSpec } from './deadline/parse.js'
import { planDeadline } from './deadline/plan.js'
import type { GroupRules } from './match/rules.js'
import { pruneNotices, type AckState, type Notice } from './state.js'
import { confirmText, T } from './texts.js'

/** True when a leader's or admin's message in an internal group is a notice (marker at the start, or @所有人). */
export function isNoticeMessage(e: MessageEvent, cfg: AckConfig): boolean {
  if (e.group?.kind !== 'internal' || e.kind !== 'text' || e.command) return false
  if (!e.sender.roles.includes('leader') && !e.sender.roles.includes('admin')) return false
  const body = e.text.trimStart()
  return cfg.markers.some(m => body.startsWith(m)) || (cfg.mentionAllIsNotice && e.mentionsAll)
}

/** What opening a notice reads besides the event: the group's members now and how to name and judge them. */
export interface NoticeInputs {
  /** Everyone in the group at notice time. */
  members: Member[]
  /** Who must answer is decided by these (the bot, the author and exempt people are left out). */
  audience: Omit<AudienceRules, 'authorId' | 'exemptRoles' | 'exempt'>
  displayName(m: Member): string
  /** The group is in observe mode: the notice is a rehearsal. */
  observing: boolean
  tz: string
  /** The app's working days (a deadline in working time skips the others). */
  calendar: WorkCalendar
  /** Days finished notices are kept (global config). */
  keepDays: number
}

/**
 * Open a notice posted by `e` with `text`: plan its deadline, fix who must answer, store it in `state`
 * (forgetting old finished ones). A Chinese reason when it cannot be tracked.
 */
export function openNotice(
  state: AckState,
  e: MessageEvent,
  text: string,
  spec: DeadlineSpec | undefined,
  rules: GroupRules,
  x: NoticeInputs,
): Notice | string {
  const group = e.group!
  const { cfg, windows } = rules
  const plan = planDeadline(e.at, spec, {
    defaultMs: cfg.deadline,
    remindBeforeMs: cfg.remindBefore,
    windows: cfg.workingHours.enabled ? windows : undefined,
    tz: x.tz,
    calendar: x.calendar,
  })
  if (typeof plan === 'string') return plan
  const required = mustAnswer(x.members, {
    ...x.audience,
    authorId: e.sender.id,
    exemptRoles: cfg.exemptRoles,
    exempt: cfg.exempt,
  })
  if (!required.length) return T.nobodyToAnswer
  pruneNotices(state, e.at, x.keepDays)
  const id = `N${state.next++}`
  const n: Notice = {
    id,
    groupId: group.id,
    groupTopic: group.topic,
    messageId: e.id,
    text: text.slice(0, 500),
    authorId: e.sender.id,
    authorName: x.displayName(e.sender),
    at: e.at,
    deadline: plan.deadline,
    remindAt: plan.remindAt,
    required: Object.fromEntries(required.map(m => [m.id, x.displayName(m)])),
    answers: {},
    excuses: {},
    state: 'open',
    ...(x.observing ? { observed: true } : {}),
  }
  state.notices[id] = n
  return n
}

/** What decides who must answer a notice. */
export interface AudienceRules {
  selfId: string
  authorId: string
  rolesOf(contactId: string): Role[]
  exemptRoles: Role[]
  exempt: string[]
  roster: Roster
}

/**
 * The members who must answer: everyone in the group at notice time minus the
 * bot, the author, exempt roles and exempt ids; when a roster is loaded, staff
 * only (bound on the roster, holding a role, or whose group-nickname name part
 * is on the roster; the name match only counts heads, it never authorises).
 */
export function mustAnswer(members: Member[], r: AudienceRules): Member[] {
  const exemptRoles = new Set(r.exemptRoles)
  const exempt = new Set([r.selfId, r.authorId, ...r.exempt])
  return members.filter(m => {
    if (exempt.has(m.id)) return false
    const roles = [...new Set([...m.roles, ...r.rolesOf(m.id)])]
    if (roles.some(x => exemptRoles.has(x))) return false
    return !r.roster.enabled || roles.length > 0 || !!r.roster.byContact(m.id) || nameOnRoster(m, r.roster)
  })
}

/** True when a name part of the group nickname or WeChat name ("销售部-张三" -> 张三, digits dropped) is on the roster. */
export function nameOnRoster(m: Member, roster: Roster): boolean {
  const parts = [m.groupAlias ?? '', m.name]
    .flatMap(s => s.split(/[-_—–·|｜/\s()（）]+/))
    .map(s => s.replace(/\d+/g, ''))
    .filter(Boolean)
  return parts.some(p => roster.named(p).length > 0)
}

/** The reminder and deadline timers of a newly tracked notice, after a confirmation in the group when `confirm`. */
export function trackingActions(n: Notice, tz: string, confirm: boolean): Action[] {
  const meta = { groupId: n.groupId, evidence: { messageId: n.messageId } }
  const actions: Action[] = confirm
    ? [{ type: 'say', to: { room: n.groupId }, text: confirmText(n, tz), rule: 'ack.tracking', ...meta }]
    : []
  actions.push(
    ...deadlineTimers({
      id: n.id,
      deadline: n.deadline,
      remindAt: n.remindAt,
      payload: { id: n.id },
      rule: 'ack.schedule',
      reasons: { remind: `通知 ${n.id}：截止前提醒未回复的人`, deadline: `通知 ${n.id}：截止时统计未回复的人` },
      meta,
    }),
  )
  return actions
}

import type { Action } from '../../bot/core/actions.js'
import { readByCustomers } from '../../bot/commands/audience.js'
import type { GroupRef, Member, Role } from '../../bot/core/event.js'
import type { Roster } from '../../bot/roster/roster.js'
import { dayKey } from '../../bot/time/zoned.js'
import type { RealnameConfig } from './config.js'
import { scheduleStep, stepActions, stepDueAt, stepTimerKey } from './decide-escalation.js'
import { type checkNickname, IDENTITY_PROBLEMS } from './nickname/check.js'
import { assessMember, mustComply, renameTarget, type Assessment, type ComplyInputs } from './nickname/compliance.js'
import type { CompiledFormat } from './nickname/format.js'
import type { CaseIndex } from './case-index.js'
import type { Exemptions } from './exemptions.js'
import { caseKey, type Case, type GroupMembers, type MemberRecord, type RealnameState } from './state.js'
import { identityText, T, type NicknameNotice } from './texts.js'

/** A config section as the plugin reads it (groups may switch the plugin off). */
export type Section = RealnameConfig & { enabled?: boolean }

/** What the decisions read besides the plugin's documents: the moment, the config and the people. */
export interface RealnameView {
  now: number
  tz: string
  company: string
  prefix: string
  /** Config section for a group (or the global one). */
  cfg(group?: GroupRef): Section
  /** Compiled formats for a group's kind. */
  formats(group: GroupRef): CompiledFormat[]
  rolesOf(contactId: string): Role[]
  selfId: string
  roster: Roster
  observing(group: GroupRef): boolean
  displayName(member: Member): string
  /** How a nickname is checked (`checkNickname`, or a memo of it). */
  checkNickname: typeof checkNickname
}

/** The plugin's documents' data, and what a decision changed (the caller marks those documents). */
export interface RealnameData {
  /** Known members by group (one document per group). */
  members: { groups: Record<string, GroupMembers> }
  state: RealnameState
  /** Who is exempt, fleet-wide (this account's `state.exempt` and the other accounts'). */
  exemptions: Exemptions
  /** `members`: ids of the groups whose members changed; `state`: the small state document changed. */
  dirty: { members: Set<string>; state: boolean }
  /** Who has a case in `state.cases` (kept across moments: told of every case opened and closed). */
  caseIndex: CaseIndex
}

/** How often a real case paused by observe mode checks whether the group is live again. */
const PAUSE_RECHECK = 3_600_000

/** Timer key of a newcomer's grace period. */
export const graceTimerKey = (groupId: string, memberId: string): string => `grace:${groupId}:${memberId}`

/**
 * The decisions shared by every trigger (join, sweep, speaking, timers): who must comply, checking a
 * member, and opening, advancing and closing a non-compliance case. Built for one moment (`v.now`) over
 * the documents' data; it reads no port and no clock.
 */
export class Realname {
  /** What `mustComply` reads, built once per moment (not a closure and an object per message). */
  private readonly comply: ComplyInputs
  /** The section `cfg` found last, and for which config name (one Realname lives for one moment of one config). */
  private readonly lastSection: { configName?: string; section?: Section } = {}
  /** The case keys `caseKey` built last. */
  private readonly keys = { groupId: '', memberId: '', real: '', observed: '' }

  constructor(
    readonly v: RealnameView,
    readonly d: RealnameData,
  ) {
    this.comply = { selfId: v.selfId, exempt: d.exemptions, isStaff: id => v.rolesOf(id).length > 0 }
  }

  /** Config section for a group (or the global one); a message asks several times for its group's. */
  cfg(group?: GroupRef): Section {
    if (!group) return this.v.cfg()
    const last = this.lastSection
    if (last.configName === group.configName && last.section) return last.section
    last.configName = group.configName
    last.section = this.v.cfg(group)
    return last.section
  }

  /**
   * `caseKey`, the two keys of the member asked last kept: one message looks up its sender's case and
   * reminders under them several times (no new string, and no new hash of one, each time).
   */
  private caseKey(groupId: string, memberId: string, observed: boolean): string {
    const k = this.keys
    if (k.groupId !== groupId || k.memberId !== memberId) {
      k.groupId = groupId
      k.memberId = memberId
      k.real = caseKey(groupId, memberId, false)
      k.observed = caseKey(groupId, memberId, true)
    }
    return observed ? k.observed : k.real
  }

  /** Whether the plugin is switched on for this group (groups may set `enabled: false`). */
  managed(group: GroupRef): boolean {
    return this.cfg(group).enabled !== false
  }

  /** Compiled formats for the group's kind. */
  formats(group: GroupRef): CompiledFormat[] {
    return this.v.formats(group)
  }

  /** Whether `member` must use a real-name nickname in `group`. */
  mustComply(member: Member, group: GroupRef): boolean {
    return mustComply(member, group, this.cfg(group), this.comply)
  }

  /** Check a member's nickname in a group against the formats and the current roster. */
  assess(member: Member, group: GroupRef): Assessment {
    return assessMember(member, this.formats(group), this.v.roster, this.cfg(group).maxLength, this.v.checkNickname)
  }

  /** Texts' view of an assessment: who, what is wrong, what to rename to. */
  notice(group: GroupRef, a: Assessment): NicknameNotice {
    const roster = this.v.roster
    const known = this.record(group.id, a.member.id)?.name
    const entry =
      (a.verdict.ok ? a.verdict.entry : undefined) ??
      roster.byContact(a.member.id) ??
      (known ? roster.named(known)[0] : undefined)
    const target = renameTarget(this.formats(group), this.cfg(group), this.v.company, entry)
    return {
      // The nickname under judgement is shown separately, so name people by roster or WeChat name.
      group: group.topic,
      who: roster.byContact(a.member.id)?.name ?? a.member.name,
      memberId: a.member.id,
      nickname: a.nickname,
      aliasUnknown: a.aliasUnknown,
      detail: a.verdict.ok ? '' : a.verdict.detail,
      target: target.text,
      personal: target.personal,
    }
  }

  /** The plugin's record of a member in a group. */
  record(groupId: string, memberId: string): MemberRecord | undefined {
    return this.d.members.groups[groupId]?.members[memberId]
  }

  /** Add or update a member's record. */
  remember(groupId: string, memberId: string, patch: Partial<MemberRecord>): void {
    const g = (this.d.members.groups[groupId] ??= { baselined: false, members: {} })
    const before = g.members[memberId]
    if (before && sameFields(before, patch)) return
    g.members[memberId] = { ...(before ?? { since: this.v.now }), ...patch }
    this.d.dirty.members.add(groupId)
  }

  /** The member's open case in the group, in the group's current mode (observe-mode cases are kept apart). */
  caseOf(group: GroupRef, memberId: string): Case | undefined {
    if (!this.d.caseIndex.mayHave(this.d.state.cases, memberId)) return undefined
    return this.d.state.cases[this.caseKey(group.id, memberId, this.v.observing(group))]
  }

  /** A member left: drop their record, cases, reminders and timers. */
  forget(groupId: string, memberId: string, why: string): Action[] {
    delete this.d.members.groups[groupId]?.members[memberId]
    for (const observed of [false, true]) delete this.d.state.reminded[this.caseKey(groupId, memberId, observed)]
    this.d.dirty.members.add(groupId)
    return [
      ...this.closeCase(groupId, memberId, why),
      { type: 'cancel', key: graceTimerKey(groupId, memberId), rule: 'realname.left', groupId, memberId },
    ]
  }

  /** Whether a newcomer is still inside the grace period. */
  inGrace(group: GroupRef, memberId: string): boolean {
    const joined = this.record(group.id, memberId)?.joinedAt
    return joined !== undefined && this.v.now < joined + this.cfg(group).grace
  }

  /** Check a member now: close the case when compliant, open one when not (identity problems are reported unless `quiet`). */
  check(
    group: GroupRef,
    member: Member,
    opts: { inviter?: string; quiet?: boolean } = {},
  ): { assessment: Assessment; actions: Action[] } {
    const assessment = this.assess(member, group)
    const v = assessment.verdict
    if (v.ok) {
      // Most messages come from members already known under that name: no patch object for them.
      if (v.entry && this.record(group.id, member.id)?.name !== v.entry.name)
        this.remember(group.id, member.id, { name: v.entry.name })
      // Most have no case either: no reason text for them.
      const actions = this.hasCase(group.id, member.id)
        ? this.closeCase(group.id, member.id, `群昵称合格：${assessment.nickname}`)
        : []
      return { assessment, actions }
    }
    const open = this.caseOf(group, member.id)
    if (open)
      return { assessment, actions: open.problem === v.problem ? [] : this.reclassify(group, assessment, open, opts) }
    return { assessment, actions: this.openCase(group, assessment, opts) }
  }

  /** Run the escalation step a timer asked for, after re-checking the member (a timer of the other mode is stale). */
  continueCase(group: GroupRef, member: Member, index: number, observed: boolean): Action[] {
    if (observed !== this.v.observing(group)) return observed ? [] : this.pause(group, member.id, index)
    const c = this.caseOf(group, member.id)
    if (!c || c.next !== index) return []
    const a = this.assess(member, group)
    if (a.verdict.ok) return this.check(group, member).actions
    if (IDENTITY_PROBLEMS.has(a.verdict.problem)) {
      Object.assign(c, { identity: true, problem: a.verdict.problem })
      this.markReported(c)
      return [
        {
          type: 'notifyAdmins',
          text: identityText(this.notice(group, a)),
          rule: 'realname.identity',
          groupId: group.id,
          memberId: member.id,
          reason: a.verdict.detail,
        },
      ]
    }
    return this.advance(group, a, c)
  }

  /** Close a member's cases, real and observed (renamed, left, exempted); no-op without one. */
  closeCase(groupId: string, memberId: string, why: string): Action[] {
    if (!this.hasCase(groupId, memberId)) return []
    return [false, true].flatMap((observed): Action[] => {
      const key = this.caseKey(groupId, memberId, observed)
      if (!this.d.state.cases[key]) return []
      this.d.caseIndex.closed(this.d.state.cases, memberId)
      delete this.d.state.cases[key]
      this.d.dirty.state = true
      const meta = { rule: 'realname.case-closed', groupId, memberId }
      return [
        { type: 'cancel', key: stepTimerKey(groupId, memberId, observed), ...meta },
        { type: 'record', text: T.caseClosed(observed, why), ...meta },
      ]
    })
  }

  /** Whether the member has a case in the group, real or observed. */
  private hasCase(groupId: string, memberId: string): boolean {
    const cases = this.d.state.cases
    if (!this.d.caseIndex.mayHave(cases, memberId)) return false
    return Boolean(cases[this.caseKey(groupId, memberId, false)] || cases[this.caseKey(groupId, memberId, true)])
  }

  /** Last private reminder of the member in the group, in the group's current mode (for the speak throttle). */
  lastReminded(group: GroupRef, memberId: string): number {
    return this.d.state.reminded[this.caseKey(group.id, memberId, this.v.observing(group))] ?? 0
  }

  /** Note a private reminder (for the speak throttle). */
  markReminded(group: GroupRef, memberId: string): void {
    this.d.state.reminded[this.caseKey(group.id, memberId, this.v.observing(group))] = this.v.now
    this.d.dirty.state = true
  }

  /** Note that the admins heard about a case today; true when they had not yet. */
  markReported(c: Case): boolean {
    const today = dayKey(this.v.now, this.v.tz)
    if (c.reportedOn === today) return false
    c.reportedOn = today
    this.d.dirty.state = true
    return true
  }

  /**
   * A case whose member now has another problem (renamed from `小新新` to `销售部-小新`: the format is right, the name
   * is not on the roster): the case says so, so `#状态` counts it as `#实名检查` lists it. A new identity problem is
   * reported to the admins as at opening (unless `quiet`); a fixable one after an identity problem gets the reminders.
   */
  private reclassify(group: GroupRef, a: Assessment, c: Case, opts: { quiet?: boolean }): Action[] {
    if (a.verdict.ok) return []
    const identity = IDENTITY_PROBLEMS.has(a.verdict.problem)
    const was = c.identity
    Object.assign(c, { identity, problem: a.verdict.problem })
    this.d.dirty.state = true
    if (identity === was) return []
    if (!identity) return this.advance(group, a, c)
    if (opts.quiet || !this.markReported(c)) return []
    return [
      {
        type: 'notifyAdmins',
        text: identityText(this.notice(group, a)),
        rule: 'realname.identity',
        groupId: group.id,
        memberId: a.member.id,
        reason: a.verdict.detail,
      },
    ]
  }

  private openCase(group: GroupRef, a: Assessment, opts: { inviter?: string; quiet?: boolean }): Action[] {
    if (a.verdict.ok) return []
    const identity = IDENTITY_PROBLEMS.has(a.verdict.problem)
    const observed = this.v.observing(group)
    const c: Case = {
      groupId: group.id,
      memberId: a.member.id,
      startedAt: this.v.now,
      next: 0,
      problem: a.verdict.problem,
      identity,
      ...(observed ? { observed } : {}),
    }
    this.d.caseIndex.opened(this.d.state.cases, a.member.id)
    this.d.state.cases[this.caseKey(group.id, a.member.id, observed)] = c
    this.d.dirty.state = true
    if (!identity) return this.advance(group, a, c)
    if (opts.quiet) return []
    this.markReported(c)
    return [
      {
        type: 'notifyAdmins',
        text: identityText(this.notice(group, a), opts.inviter),
        rule: 'realname.identity',
        groupId: group.id,
        memberId: a.member.id,
        reason: a.verdict.detail,
      },
    ]
  }

  private advance(group: GroupRef, a: Assessment, c: Case): Action[] {
    const steps = this.cfg(group).escalation
    const now = this.v.now
    const out: Action[] = []
    const due = stepDueAt(steps, c.startedAt, c.next)
    if (due !== undefined && due <= now) {
      const unconfirmed =
        this.v.roster.enabled && !this.v.roster.byContact(a.member.id) && !this.record(group.id, a.member.id)?.name
      out.push(
        ...stepActions(steps, c.next, this.notice(group, a), {
          groupId: group.id,
          startedAt: c.startedAt,
          now,
          unconfirmed,
          prefix: this.v.prefix,
          audience: { customerGroup: readByCustomers(group.kind), staff: this.comply.isStaff(a.member.id) },
        }),
      )
      if (steps[c.next].action === 'remind') this.markReminded(group, a.member.id)
      if (steps[c.next].action === 'report') this.markReported(c)
      c.next++
      this.d.dirty.state = true
    }
    const next = { groupId: group.id, memberId: a.member.id, index: c.next, observed: c.observed }
    return [...out, ...scheduleStep(steps, c.startedAt, next)]
  }

  /** A real case's step fell due in observe mode: it waits (checked again hourly) instead of advancing. */
  private pause(group: GroupRef, memberId: string, index: number): Action[] {
    const payload = { groupId: group.id, memberId, index }
    const at = this.v.now + PAUSE_RECHECK
    const meta = { rule: 'realname.escalate', groupId: group.id, memberId, reason: T.stepPausedReason }
    return [{ type: 'schedule', key: stepTimerKey(group.id, memberId), at, payload, ...meta }]
  }
}

/** Whether every field of `patch` already has that value in `record`. */
function sameFields(record: MemberRecord, patch: Partial<MemberRecord>): boolean {
  for (const k in patch) if (record[k as keyof MemberRecord] !== patch[k as keyof MemberRecord]) return false
  return true
}

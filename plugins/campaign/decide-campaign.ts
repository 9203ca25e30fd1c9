import { asRehearsal, type Action } from '../../bot/core/actions.js'
import { cancelDeadlineTimers, deadlineTimerKey, deadlineTimers } from '../../bot/core/deadline-timers.js'
import type { GroupRef } from '../../bot/core/event.js'
import { dayKey } from '../../bot/time/zoned.js'
import type { CampaignConfig } from './config.js'
import { resolveTargets } from './groups/targets.js'
import { publishActions } from './media/content.js'
import { missingIn, type GroupProgress } from './report/share-count.js'
import { announceOpen, type ScheduleContext } from './schedule/posting-window.js'
import type { Campaign, Participation, ParticipationDoc } from './state.js'
import { announcementText, progressReport, T } from './texts.js'

/** Timer keys of a campaign. */
export const campaignTimer = {
  ...deadlineTimerKey,
  proof: (id: string, memberId: string) => `proof:${id}:${memberId}`,
}

/** Campaigns to announce now, and scheduled ones whose deadline passed before any slot. */
export function dueCampaigns(
  campaigns: Campaign[],
  now: number,
  s: ScheduleContext,
): { announce: Campaign[]; missed: Campaign[] } {
  const waiting = campaigns.filter(c => c.status === 'scheduled')
  const missed = waiting.filter(c => c.deadline <= now)
  const open = announceOpen(now, s)
  const today = dayKey(now, s.tz)
  const announce = waiting.filter(c => open && c.deadline > now && c.startDay <= today)
  return { announce, missed }
}

/**
 * Mark `c` announced in `groups` (the caller persists before the actions
 * leave) and return the sends plus the reminder and deadline timers.
 */
export function announce(c: Campaign, groups: GroupRef[], text: string, now: number, remindBefore: number): Action[] {
  c.status = 'announced'
  const out: Action[] = []
  for (const g of groups) {
    c.announced[g.id] = { name: g.topic, at: now }
    out.push(...publishActions(g, text, c.content, 'campaign.announce', T.announceReason(c.id)))
  }
  out.push(
    ...deadlineTimers({
      id: c.id,
      deadline: c.deadline,
      remindAt: remindBefore > 0 ? c.deadline - remindBefore : undefined,
      remindAfter: now,
      rule: { remind: 'campaign.remind-timer', deadline: 'campaign.deadline-timer' },
      reasons: { remind: T.timerReason.remind(c.id), deadline: T.timerReason.deadline(c.id) },
    }),
  )
  return out
}

/** One merged @-reminder per group to the members who have not reported yet. */
export function reminderActions(
  c: Campaign,
  groups: GroupProgress[],
  done: Record<string, Participation>,
  phrase: string,
  now: number,
  tz: string,
): Action[] {
  return groups.flatMap(g => {
    const missing = missingIn(g, done)
    if (!missing.length) return []
    const text = T.campaignReminder(c, phrase, now, tz)
    return [
      {
        type: 'remind',
        to: { room: g.groupId },
        text,
        privateText: T.campaignReminderPrivate(c, phrase, now, tz),
        mentions: missing.map(m => m.id),
        rule: 'campaign.remind',
        groupId: g.groupId,
        reason: T.remindReason(c.id, missing.length),
      } satisfies Action,
    ]
  })
}

/** Strikes or fines for everyone still missing at the deadline (each person once). */
export function violationActions(
  c: Campaign,
  groups: GroupProgress[],
  done: Record<string, Participation>,
  mode: 'off' | 'strike' | 'fine',
): Action[] {
  if (mode === 'off') return []
  const seen = new Set<string>()
  const out: Action[] = []
  for (const g of groups) {
    for (const m of missingIn(g, done)) {
      if (seen.has(m.id)) continue
      seen.add(m.id)
      const meta = {
        rule: 'campaign.not-shared',
        memberId: m.id,
        groupId: g.groupId,
        reason: T.notSharedReason(c.title),
      }
      out.push(
        mode === 'fine'
          ? { type: 'fine', violation: T.notSharedViolation, ...meta }
          : { type: 'strike', category: 'campaign', ttlMs: 0, text: T.notSharedViolation, ...meta },
      )
    }
  }
  return out
}

/** What the announcement job reads besides the campaigns. */
export interface AnnounceInputs {
  now: number
  cfg: CampaignConfig
  sched: ScheduleContext
  /** The groups the bot is in now. */
  groups: GroupRef[]
  observing(group: GroupRef): boolean
  /** The image may be sent (it is in the media folder or among the received images). */
  mediaAllowed(path: string): boolean
}

/**
 * The announcement job (posting window, workdays): announce due campaigns in their target groups,
 * report those whose deadline passed unannounced. Returns the groups published to (for the broadcast
 * reminder); the caller persists the campaigns before the sends leave.
 */
export function decideAnnouncements(
  campaigns: Campaign[],
  x: AnnounceInputs,
): { actions: Action[]; publishedIn: string[] } {
  const { now, cfg } = x
  const tz = x.sched.tz
  const { announce: due, missed } = dueCampaigns(campaigns, now, x.sched)
  const out: Action[] = []
  const publishedIn: string[] = []
  for (const c of missed) out.push(...miss(c, c.note ?? T.noSlot, now, tz))
  for (const c of due) {
    // Chat campaigns stored before images were confined may name any path: never send one from outside the media.
    if (c.source === 'chat' && c.content.image && !x.mediaAllowed(c.content.image)) {
      out.push(...miss(c, T.imageNotAllowed, now, tz))
      continue
    }
    const { groups, missingNames } = resolveTargets(c.targets, x.groups)
    if (!groups.length) {
      // Keep waiting (the bot may be re-added before the deadline); tell the admins once.
      if (!c.note) out.push(tellAdmins(T.noTargetYet(c, missingNames), 'campaign.no-target'))
      c.note = T.noTargetNote
      continue
    }
    if (missingNames.length) out.push(tellAdmins(T.targetsMissing(c, missingNames), 'campaign.target-missing'))
    const text = announcementText(c, cfg.participation.phrases[0], cfg.participation.requireScreenshot, now, tz)
    if (groups.every(g => x.observing(g))) c.observed = true
    out.push(...announce(c, groups, text, now, cfg.remindBefore))
    publishedIn.push(...groups.map(g => g.id))
  }
  return { actions: out, publishedIn }
}

/** The reminder timer: one merged @-message per group to those who have not reported (recorded only for a rehearsal). */
export function decideReminder(
  c: Campaign | undefined,
  groups: GroupProgress[],
  done: Record<string, Participation>,
  phrase: string,
  tz: string,
  now: number,
): Action[] {
  // After a restart the reminder may fire late; past the deadline only the report is due.
  if (c?.status !== 'announced' || now >= c.deadline) return []
  const actions = reminderActions(c, groups, done, phrase, now, tz)
  return c.observed ? asRehearsal(actions) : actions
}

/**
 * The deadline timer or `#活动 结束` (`early`): close the campaign, report to the admins, record
 * violations, cancel its timers. The caller persists the campaign before the actions leave.
 */
export function decideFinish(
  c: Campaign,
  groups: GroupProgress[],
  done: Record<string, Participation>,
  x: { early: boolean; now: number; tz: string; violation: 'off' | 'strike' | 'fine' },
): Action[] {
  if (c.status !== 'announced') return []
  const heading = T.reportHeading(c, x.early, x.now, x.tz)
  Object.assign(c, { status: 'ended', endedAt: x.now })
  const actions: Action[] = [
    tellAdmins(progressReport(heading, groups, done), 'campaign.report'),
    ...violationActions(c, groups, done, x.violation),
    ...cancelDeadlineTimers(c.id, { rule: 'campaign.closed' }),
  ]
  return c.observed ? asRehearsal(actions) : actions
}

/** The proof timer: a phrase got no screenshot in time; its claim is dropped and the member asked for one. */
export function decideProofExpired(
  c: Campaign | undefined,
  part: ParticipationDoc,
  memberId: string,
  phrase: string,
): { actions: Action[]; changed: boolean } {
  const claim = part.claims[memberId]
  if (!c || !claim || part.done[memberId]) return { actions: [], changed: false }
  delete part.claims[memberId]
  if (c.status !== 'announced') return { actions: [], changed: true }
  const ask: Action = {
    type: 'remind',
    to: { room: claim.groupId },
    text: T.proofMissing(c.title, phrase),
    mentions: [memberId],
    rule: 'campaign.proof-missing',
    groupId: claim.groupId,
    memberId,
  }
  return { actions: c.observed ? asRehearsal([ask]) : [ask], changed: true }
}

function miss(c: Campaign, why: string, now: number, tz: string): Action[] {
  Object.assign(c, { status: 'missed', note: why })
  return [tellAdmins(T.campaignMissed(c, why, now, tz), 'campaign.missed')]
}

function tellAdmins(text: string, rule: string): Action {
  return { type: 'notifyAdmins', text, rule }
}

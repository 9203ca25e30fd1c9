import type { Action } from '../../bot/core/actions.js'
import type { GroupRef, MessageEvent, Role } from '../../bot/core/event.js'
import type { CampaignConfig } from './config.js'
import { campaignTimer } from './decide-campaign.js'
import { reportsShare } from './parse/share-report.js'
import type { Campaign, ParticipationDoc } from './state.js'
import { T } from './texts.js'

/** What a share phrase means: a completed report, a claim waiting for its screenshot, or nothing. */
export type PhraseDecision = { kind: 'done'; screenshot: boolean } | { kind: 'claim' }

/**
 * Build the share-report matcher once: short messages (mentions ignored) stating the sender's own share of a
 * campaign with one of the phrases (`titles`: the campaigns open where it was said; see `reportsShare`).
 */
export function compileShareMatcher(
  phrases: string[],
  maxLength: number,
): (text: string, titles?: readonly string[]) => boolean {
  return (text, titles = []) => {
    const body = text.replace(/@\S+[\s\u2005]*/g, '').replace(/\s+/g, '')
    return body.length > 0 && body.length <= maxLength && reportsShare(body, phrases, titles)
  }
}

/**
 * The campaign a report in `groupId` is about: among campaigns announced
 * there, the one whose title the quoted message contains, else the latest.
 */
export function campaignForReport(
  active: readonly Campaign[],
  groupId: string,
  quoteText?: string,
): Campaign | undefined {
  const here = active.filter(c => c.status === 'announced' && c.announced[groupId])
  const quoted = quoteText ? here.find(c => quoteText.includes(c.title)) : undefined
  return quoted ?? here.sort((a, b) => b.announced[groupId].at - a.announced[groupId].at)[0]
}

/** A phrase at `now`: done when a screenshot came within the window before it (or none is required), else a claim. */
export function judgePhrase(
  now: number,
  lastImageAt: number | undefined,
  requireScreenshot: boolean,
  windowMs: number,
): PhraseDecision {
  const screenshot = lastImageAt !== undefined && now - lastImageAt <= windowMs
  return screenshot || !requireScreenshot ? { kind: 'done', screenshot } : { kind: 'claim' }
}

/** True when an image at `now` completes a claim made within the window. */
export function imageCompletesClaim(now: number, claimAt: number | undefined, windowMs: number): boolean {
  return claimAt !== undefined && now - claimAt <= windowMs
}

const PRIVILEGED: Role[] = ['admin', 'leader', 'trainer', 'editor', 'approver']

/** Facts about one message in a broadcast group. */
export interface BroadcastReply {
  senderRoles: Role[]
  /** The message reports a campaign share (those are wanted). */
  isShareReport: boolean
  /** The message is addressed to the bot (a command, answered or refused): no talk in the group. */
  toBot?: boolean
  at: number
  /** When this plugin last published in the group today, if it did. */
  publishedTodayAt?: number
  /** When the group last got the reminder. */
  lastRemindedAt?: number
  throttleMs: number
}

/**
 * True when an ordinary member answered after today's post in a broadcast
 * group and the group has not been reminded within the throttle.
 */
export function broadcastReminderDue(r: BroadcastReply): boolean {
  if (r.isShareReport || r.toBot || r.senderRoles.some(x => PRIVILEGED.includes(x))) return false
  if (r.publishedTodayAt === undefined || r.at < r.publishedTodayAt) return false
  return r.lastRemindedAt === undefined || r.at - r.lastRemindedAt >= r.throttleMs
}

/** One reported share, appended to the `campaign-shares` daily log. */
export interface ShareRecord {
  campaign: string
  memberId: string
  groupId: string
  at: number
  screenshot: boolean
  messageId: string
}

/** What a group message decision reads besides the event. */
export interface ShareInputs {
  /** The group's config. */
  cfg: CampaignConfig
  /** The message is a share report (a short message with a share phrase). */
  isReport: boolean
  /** Campaigns announced in the group and still open. */
  active: readonly Campaign[]
  /** A campaign's participation (mutated in place; its id is then listed in `touched`). */
  part(campaignId: string): ParticipationDoc
  /** When the sender last sent an image in the group (this message included). */
  lastImageAt?: number
  /** The sender's display name. */
  name: string
  /**
   * When the plugin published in the group today, and when the group was last reminded to stay quiet (a staff
   * sender: when they were, privately).
   */
  publishedTodayAt?: number
  lastRemindedAt?: number
}

/** What a group message did: actions, the participations it changed, the shares to log, a broadcast reminder. */
export interface ShareOutcome {
  actions: Action[]
  touched: string[]
  shares: ShareRecord[]
  reminded: boolean
}

/**
 * A group message: a screenshot completes a pending claim; a share phrase records a share (or a claim
 * waiting for its screenshot); in a broadcast group an ordinary member's answer after today's post
 * gets the "this group is for announcements" reminder.
 */
export function decideShare(ev: MessageEvent & { group: GroupRef }, x: ShareInputs): ShareOutcome {
  const cfg = x.cfg.participation
  const o: ShareOutcome = { actions: [], touched: [], shares: [], reminded: false }
  if (ev.kind === 'image') {
    for (const c of x.active) {
      const claim = x.part(c.id).claims[ev.sender.id]
      if (claim?.groupId === ev.group.id && imageCompletesClaim(ev.at, claim.at, cfg.screenshotWindow))
        recordShare(c, ev, true, x, o)
    }
  }
  const target = x.isReport ? campaignForReport(x.active, ev.group.id, ev.quote?.text) : undefined
  if (target && !x.part(target.id).done[ev.sender.id]) {
    const decision = judgePhrase(ev.at, x.lastImageAt, cfg.requireScreenshot, cfg.screenshotWindow)
    if (decision.kind === 'done') recordShare(target, ev, decision.screenshot, x, o)
    else claim(target, ev, cfg.screenshotWindow, x, o)
  }
  if (ev.group.kind === 'broadcast') broadcastReminder(ev, x, o)
  return o
}

function claim(c: Campaign, ev: MessageEvent & { group: GroupRef }, windowMs: number, x: ShareInputs, o: ShareOutcome) {
  x.part(c.id).claims[ev.sender.id] = { groupId: ev.group.id, at: ev.at }
  o.touched.push(c.id)
  o.actions.push({
    type: 'schedule',
    key: campaignTimer.proof(c.id, ev.sender.id),
    at: ev.at + windowMs,
    rule: 'campaign.await-screenshot',
    reason: T.timerReason.proof(c.id),
    memberId: ev.sender.id,
  })
}

function recordShare(
  c: Campaign,
  ev: MessageEvent & { group: GroupRef },
  screenshot: boolean,
  x: ShareInputs,
  o: ShareOutcome,
) {
  const part = x.part(c.id)
  const groupId = ev.group.id
  const hadClaim = !!part.claims[ev.sender.id]
  part.done[ev.sender.id] = { memberId: ev.sender.id, name: x.name, groupId, at: ev.at, screenshot }
  delete part.claims[ev.sender.id]
  o.touched.push(c.id)
  o.shares.push({ campaign: c.id, memberId: ev.sender.id, groupId, at: ev.at, screenshot, messageId: ev.id })
  const meta = { groupId, memberId: ev.sender.id, evidence: { messageId: ev.id } }
  o.actions.push({ type: 'record', text: T.shareRecorded(c.id, screenshot), rule: 'campaign.share', ...meta })
  if (hadClaim) o.actions.push({ type: 'cancel', key: campaignTimer.proof(c.id, ev.sender.id), rule: 'campaign.share' })
  if (x.cfg.participation.acknowledge)
    o.actions.push({
      type: 'say',
      to: { room: groupId },
      text: T.shareThanks(c.title),
      mentions: [ev.sender.id],
      rule: 'campaign.share-ack',
      ...meta,
    })
}

function broadcastReminder(ev: MessageEvent & { group: GroupRef }, x: ShareInputs, o: ShareOutcome) {
  const cfg = x.cfg.broadcast
  const due =
    cfg.remind &&
    broadcastReminderDue({
      senderRoles: ev.sender.roles,
      isShareReport: x.isReport,
      toBot: ev.isCommand === true || ev.refusedCommand === true,
      at: ev.at,
      publishedTodayAt: x.publishedTodayAt,
      lastRemindedAt: x.lastRemindedAt,
      throttleMs: cfg.throttle,
    })
  if (!due) return
  o.reminded = true
  // A reminder, not a say: the audience rules tell a staff member privately, never before the customers.
  o.actions.push({
    type: 'remind',
    to: { room: ev.group.id },
    text: cfg.text,
    privateText: T.broadcastOnlyPrivate,
    mentions: [ev.sender.id],
    rule: 'campaign.broadcast-only',
    groupId: ev.group.id,
    memberId: ev.sender.id,
  })
}

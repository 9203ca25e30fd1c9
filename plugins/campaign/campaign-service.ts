import { asRehearsal, type Action } from '../../bot/core/actions.js'
import type { MessageEvent } from '../../bot/core/event.js'
import type { PluginContext } from '../../bot/core/plugin.js'
import { formatDuration } from '../../bot/config/duration.js'
import { dayKey, shortDateTime } from '../../bot/time/zoned.js'
import type { CampaignConfig } from './config.js'
import {
  announce,
  announcementText,
  campaignTimer,
  dueCampaigns,
  reminderActions,
  violationActions,
} from './campaign-rules.js'
import { progressReport, type GroupProgress } from './campaign-report.js'
import type { MediaLibrary } from './media.js'
import type { Campaign } from './model.js'
import {
  campaignForReport,
  compileShareMatcher,
  imageCompletesClaim,
  judgePhrase,
  RecentImages,
} from './participation.js'
import type { ScheduleContext } from './posting-window.js'
import { broadcastReminderDue } from './broadcast-guard.js'
import { groupNames, resolveTargets } from './targets.js'
import type { CampaignState } from './state.js'

/**
 * The campaign side of the plugin: announces campaigns in the posting
 * window, records shares, reminds before the deadline and reports at it.
 * It gathers members from the directory and leaves decisions to the pure rules.
 */
export class CampaignService {
  private images: RecentImages
  private matchers = new Map<string, (text: string) => boolean>()
  private remindedGroups = new Map<string, number>()

  constructor(
    private ctx: PluginContext<CampaignConfig>,
    private state: CampaignState,
    private sched: ScheduleContext,
    private media: MediaLibrary,
  ) {
    this.images = new RecentImages(ctx.configFor().participation.screenshotWindow)
  }

  /** Window job: announce due campaigns; report those whose deadline passed unannounced. */
  async tick(now: number): Promise<Action[]> {
    const cfg = this.ctx.configFor()
    const { announce: due, missed } = dueCampaigns(this.state.campaigns(), now, this.sched)
    const out: Action[] = []
    for (const c of missed) out.push(...this.miss(c, c.note ?? '截止前没有可用的发布时段（工作日发布时段内）'))
    for (const c of due) {
      // Chat campaigns stored before images were confined may name any path: never send one from outside the media.
      if (c.source === 'chat' && c.content.image && !this.media.allowed(c.content.image)) {
        out.push(...this.miss(c, '图片不在素材库或收到的图片中'))
        continue
      }
      const { groups, missingNames } = resolveTargets(c.targets, this.ctx.directory.groups())
      if (!groups.length) {
        // Keep waiting (the bot may be re-added before the deadline); tell the admins once.
        if (!c.note)
          out.push(
            this.tellAdmins(
              `⚠️ 活动「${c.title}」（#${c.id}）暂时没有可发布的目标群（${missingNames.join('、') || '没有匹配的群'}），将在之后的发布时段重试。`,
              'campaign.no-target',
            ),
          )
        c.note = '没有可发布的目标群'
        continue
      }
      if (missingNames.length)
        out.push(
          this.tellAdmins(
            `⚠️ 活动「${c.title}」：找不到群 ${missingNames.join('、')}（机器人可能已被移出），这些群不发布。`,
            'campaign.target-missing',
          ),
        )
      const text = announcementText(
        c,
        cfg.participation.phrases[0],
        cfg.participation.requireScreenshot,
        this.ctx.timezone,
      )
      if (groups.every(g => this.ctx.observing(g))) c.observed = true
      out.push(...announce(c, groups, text, now, cfg.remindBefore))
      this.state.notePublished(
        groups.map(g => g.id),
        now,
      )
    }
    if (out.length) await this.state.save()
    return out
  }

  /** Who is expected in each group the campaign was announced to (current members). */
  async progress(c: Campaign): Promise<GroupProgress[]> {
    const who = this.ctx.configFor().participation.who
    return Promise.all(
      Object.entries(c.announced).map(async ([groupId, { name }]) => {
        const present = this.ctx.directory.group(groupId)
        const members = present ? await this.ctx.directory.members(groupId) : []
        const expected = members
          .filter(m => who === 'all' || this.ctx.rolesOf(m.id).length > 0)
          .map(m => ({ id: m.id, name: this.ctx.displayName(m) }))
        return { groupId, name: present ? name : `${name}（机器人已不在群内）`, expected }
      }),
    )
  }

  /** Reminder timer: one merged @-message per group to those who have not reported. */
  async remind(id: string): Promise<Action[]> {
    const c = this.state.campaign(id)
    // After a restart the reminder may fire late; past the deadline only the report is due.
    if (c?.status !== 'announced' || this.ctx.clock.now() >= c.deadline) return []
    const done = this.state.participation(id).data.done
    const actions = reminderActions(
      c,
      await this.progress(c),
      done,
      this.ctx.configFor().participation.phrases[0],
      this.ctx.timezone,
    )
    return c.observed ? asRehearsal(actions) : actions
  }

  /** Deadline timer or `#活动 结束` (`early`): close the campaign, report to the admins, record violations. */
  async finish(id: string, early: boolean): Promise<Action[]> {
    const c = this.state.campaign(id)
    if (c?.status !== 'announced') return []
    const heading = `【活动报告】#${c.id}「${c.title}」${early ? '已提前结束' : `已截止（${shortDateTime(c.deadline, this.ctx.timezone)}）`}`
    const groups = await this.progress(c)
    const done = this.state.participation(id).data.done
    Object.assign(c, { status: 'ended', endedAt: this.ctx.clock.now() })
    await this.state.save()
    const actions: Action[] = [
      this.tellAdmins(progressReport(heading, groups, done), 'campaign.report'),
      ...violationActions(c, groups, done, this.ctx.configFor().violation),
      { type: 'cancel', key: campaignTimer.remind(id), rule: 'campaign.closed' },
      { type: 'cancel', key: campaignTimer.deadline(id), rule: 'campaign.closed' },
    ]
    return c.observed ? asRehearsal(actions) : actions
  }

  /** Proof timer: a phrase got no screenshot in time; ask for one. */
  proofExpired(id: string, memberId: string): Action[] {
    const c = this.state.campaign(id)
    const part = this.state.participation(id)
    const claim = part.data.claims[memberId]
    if (!c || !claim || part.data.done[memberId]) return []
    delete part.data.claims[memberId]
    part.changed()
    if (c.status !== 'announced') return []
    const phrase = this.ctx.configFor().participation.phrases[0]
    const text = `还没收到你的朋友圈截图，「${c.title}」暂未计入。请发截图后再回复一次「${phrase}」。`
    const ask: Action = {
      type: 'say',
      to: { room: claim.groupId },
      text,
      mentions: [memberId],
      rule: 'campaign.proof-missing',
      groupId: claim.groupId,
      memberId,
    }
    return c.observed ? asRehearsal([ask]) : [ask]
  }

  /** Group messages: share phrases and screenshots, and the broadcast-group reminder. */
  onMessage(ev: MessageEvent): Action[] {
    const group = ev.group
    if (!group) return []
    const cfg = this.ctx.configFor(group).participation
    const isReport = ev.kind === 'text' && this.matcher(cfg.phrases, cfg.maxLength)(ev.text)
    const active = this.state.openIn(group.id)
    const out: Action[] = []
    if (ev.kind === 'image') {
      this.images.add(group.id, ev.sender.id, ev.at)
      for (const c of active) {
        const claim = this.state.participation(c.id).data.claims[ev.sender.id]
        if (claim?.groupId === group.id && imageCompletesClaim(ev.at, claim.at, cfg.screenshotWindow))
          out.push(...this.recordShare(c, ev, true))
      }
    }
    const target = isReport ? campaignForReport(active, group.id, ev.quote?.text) : undefined
    if (target && !this.state.participation(target.id).data.done[ev.sender.id]) {
      const decision = judgePhrase(
        ev.at,
        this.images.last(group.id, ev.sender.id),
        cfg.requireScreenshot,
        cfg.screenshotWindow,
      )
      if (decision.kind === 'done') out.push(...this.recordShare(target, ev, decision.screenshot))
      else out.push(...this.claim(target, ev, cfg.screenshotWindow))
    }
    if (group.kind === 'broadcast') out.push(...this.broadcastReminder(ev, isReport))
    return out
  }

  private claim(c: Campaign, ev: MessageEvent, windowMs: number): Action[] {
    const part = this.state.participation(c.id)
    part.data.claims[ev.sender.id] = { groupId: ev.group!.id, at: ev.at }
    part.changed()
    return [
      {
        type: 'schedule',
        key: campaignTimer.proof(c.id, ev.sender.id),
        at: ev.at + windowMs,
        rule: 'campaign.await-screenshot',
        memberId: ev.sender.id,
      },
    ]
  }

  private recordShare(c: Campaign, ev: MessageEvent, screenshot: boolean): Action[] {
    const part = this.state.participation(c.id)
    const groupId = ev.group!.id
    const hadClaim = !!part.data.claims[ev.sender.id]
    part.data.done[ev.sender.id] = {
      memberId: ev.sender.id,
      name: this.ctx.displayName(ev.sender),
      groupId,
      at: ev.at,
      screenshot,
    }
    delete part.data.claims[ev.sender.id]
    part.changed()
    this.ctx.store.append('campaign-shares', dayKey(ev.at, this.ctx.timezone), {
      campaign: c.id,
      memberId: ev.sender.id,
      groupId,
      at: ev.at,
      screenshot,
      messageId: ev.id,
    })
    const meta = { groupId, memberId: ev.sender.id, evidence: { messageId: ev.id } }
    const out: Action[] = [
      { type: 'record', text: `活动 ${c.id} 已分享${screenshot ? '（有截图）' : ''}`, rule: 'campaign.share', ...meta },
    ]
    if (hadClaim) out.push({ type: 'cancel', key: campaignTimer.proof(c.id, ev.sender.id), rule: 'campaign.share' })
    if (this.ctx.configFor(ev.group).participation.acknowledge) {
      out.push({
        type: 'say',
        to: { room: groupId },
        text: `✅ 已记录你对「${c.title}」的分享，谢谢！`,
        mentions: [ev.sender.id],
        rule: 'campaign.share-ack',
        ...meta,
      })
    }
    return out
  }

  private broadcastReminder(ev: MessageEvent, isReport: boolean): Action[] {
    const group = ev.group!
    const cfg = this.ctx.configFor(group).broadcast
    const published = this.state.lastPublish(group.id)
    const publishedTodayAt =
      published !== undefined && dayKey(published, this.ctx.timezone) === dayKey(ev.at, this.ctx.timezone)
        ? published
        : undefined
    const due =
      cfg.remind &&
      broadcastReminderDue({
        senderRoles: ev.sender.roles,
        isShareReport: isReport,
        at: ev.at,
        publishedTodayAt,
        lastRemindedAt: this.remindedGroups.get(group.id),
        throttleMs: cfg.throttle,
      })
    if (!due) return []
    this.remindedGroups.set(group.id, ev.at)
    return [
      {
        type: 'say',
        to: { room: group.id },
        text: cfg.text,
        mentions: [ev.sender.id],
        rule: 'campaign.broadcast-only',
        groupId: group.id,
        memberId: ev.sender.id,
      },
    ]
  }

  private miss(c: Campaign, why: string): Action[] {
    Object.assign(c, { status: 'missed', note: why })
    return [
      this.tellAdmins(
        `⚠️ 活动「${c.title}」（#${c.id}，截止 ${shortDateTime(c.deadline, this.ctx.timezone)}）未发布：${why}。`,
        'campaign.missed',
      ),
    ]
  }

  private tellAdmins(text: string, rule: string): Action {
    return { type: 'notifyAdmins', text, rule }
  }

  private matcher(phrases: string[], maxLength: number): (text: string) => boolean {
    const key = `${maxLength}|${phrases.join('|')}`
    let m = this.matchers.get(key)
    if (!m) this.matchers.set(key, (m = compileShareMatcher(phrases, maxLength)))
    return m
  }

  /** Describe where a campaign goes, e.g. for the creation reply. */
  where(c: Campaign): string {
    return groupNames(resolveTargets(c.targets, this.ctx.directory.groups()).groups) || '（暂无匹配的群）'
  }

  /** Status line fragment. */
  summary(): string {
    const active = this.state.campaigns().filter(c => c.status === 'announced').length
    const waiting = this.state.campaigns().filter(c => c.status === 'scheduled').length
    return `活动进行中 ${active} 个、待发布 ${waiting} 个；截图时限 ${formatDuration(this.ctx.configFor().participation.screenshotWindow)}`
  }
}

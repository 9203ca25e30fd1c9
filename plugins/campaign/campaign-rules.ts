import type { Action } from '../../bot/core/actions.js'
import type { GroupRef } from '../../bot/core/event.js'
import { dayKey, shortDateTime } from '../../bot/time/zoned.js'
import { missingIn, type GroupProgress } from './campaign-report.js'
import { publishActions } from './content.js'
import type { Campaign, Participation } from './model.js'
import { announceOpen, type ScheduleContext } from './posting-window.js'

/** Timer keys of a campaign. */
export const campaignTimer = {
  remind: (id: string) => `remind:${id}`,
  deadline: (id: string) => `deadline:${id}`,
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

/** The announcement posted in each target group. */
export function announcementText(c: Campaign, phrase: string, requireScreenshot: boolean, tz: string): string {
  const how = requireScreenshot
    ? `完成后请在本群回复「${phrase}」并发朋友圈截图。`
    : `完成后请在本群回复「${phrase}」。`
  return [
    `【活动】${c.title}`,
    c.content.text !== c.title ? c.content.text : '',
    `截止：${shortDateTime(c.deadline, tz)}`,
    `请每位同事分享到朋友圈，${how}`,
  ]
    .filter(Boolean)
    .join('\n')
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
    out.push(...publishActions(g, text, c.content, 'campaign.announce', `活动 ${c.id} 公告`))
  }
  const remindAt = c.deadline - remindBefore
  if (remindBefore > 0 && remindAt > now)
    out.push({ type: 'schedule', key: campaignTimer.remind(c.id), at: remindAt, rule: 'campaign.remind-timer' })
  out.push({ type: 'schedule', key: campaignTimer.deadline(c.id), at: c.deadline, rule: 'campaign.deadline-timer' })
  return out
}

/** One merged @-reminder per group to the members who have not reported yet. */
export function reminderActions(
  c: Campaign,
  groups: GroupProgress[],
  done: Record<string, Participation>,
  phrase: string,
  tz: string,
): Action[] {
  return groups.flatMap(g => {
    const missing = missingIn(g, done)
    if (!missing.length) return []
    const text = `【活动提醒】「${c.title}」将于 ${shortDateTime(c.deadline, tz)} 截止，被@的同事还未反馈。请分享到朋友圈后在本群回复「${phrase}」并附截图。`
    return [
      {
        type: 'remind',
        to: { room: g.groupId },
        text,
        mentions: missing.map(m => m.id),
        rule: 'campaign.remind',
        groupId: g.groupId,
        reason: `活动 ${c.id} 未完成 ${missing.length} 人`,
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
        reason: `未分享活动「${c.title}」`,
      }
      out.push(
        mode === 'fine'
          ? { type: 'fine', violation: '未分享活动', ...meta }
          : { type: 'strike', category: 'campaign', ttlMs: 0, ...meta },
      )
    }
  }
  return out
}

import type { Action } from '../../bot/core/actions.js'
import type { GroupRef } from '../../bot/core/event.js'
import type { PluginContext } from '../../bot/core/plugin.js'
import { formatDuration } from '../../bot/config/duration.js'
import { enabledIn, type ActivityConfig } from './config.js'
import type { PendingMessage } from './counters.js'
import { dueForReminder, nextReminderAt } from './responsiveness.js'
import type { ActivityTracker } from './tracker.js'

/** The private reminder to the staff responsible for a customer group. */
export function reminderText(topic: string, due: { name: string; text: string; waitedMs: number }[]): string {
  const lines = due.map(d => `· ${d.name} 已等待 ${formatDuration(d.waitedMs)}：「${d.text}」`)
  return [
    `⏰ 客户等待提醒：「${topic}」有 ${due.length} 条客户消息还没有人回复（按工作时间计）：`,
    ...lines,
    '请尽快回复客户。',
  ].join('\n')
}

/** Contact ids responsible for a customer group: from config, else the staff members in it. */
export async function responsibleFor(
  ctx: PluginContext<ActivityConfig>,
  group: GroupRef,
  cfg: ActivityConfig,
): Promise<string[]> {
  const configured = cfg.responsible[group.topic] ?? cfg.responsible[group.configName]
  if (configured?.length) return configured
  const members = await ctx.directory.members(group.id).catch(() => [])
  return members.filter(m => m.id !== ctx.directory.selfId() && ctx.rolesOf(m.id).length > 0).map(m => m.id)
}

/** The `wait:<groupId>` timer: remind about overdue customers, then arm the next reminder. */
export async function remindWaiting(
  ctx: PluginContext<ActivityConfig>,
  tracker: ActivityTracker,
  groupId: string,
): Promise<Action[]> {
  const w = tracker.current.data.waiting[groupId]
  if (!w) return []
  w.timerAt = undefined
  tracker.current.changed()
  const now = ctx.clock.now()
  const cfg = ctx.configFor(w.group)
  const { deadline, elapsed } = tracker.workClock(cfg)
  if (!cfg.remindResponsible || !enabledIn(cfg)) return []
  const observing = ctx.observing(w.group)
  const due: PendingMessage[] = dueForReminder(w, now, deadline, observing)
  const actions: Action[] = []
  if (due.length) {
    const text = reminderText(
      w.group.topic,
      due.map(d => ({ name: d.name, text: d.text, waitedMs: elapsed(d.at, now) })),
    )
    const meta = {
      rule: 'activity.customer-waiting',
      groupId,
      reason: `${due.length} 条客户消息超过 ${formatDuration(cfg.responseThreshold)} 未回复`,
    }
    const staff = await responsibleFor(ctx, w.group, cfg)
    if (observing)
      actions.push({
        type: 'record',
        text: `（观察模式，未发送）提醒 ${staff.join('、') || '管理员'}：${text}`,
        ...meta,
      })
    else if (staff.length)
      actions.push(...staff.map((id): Action => ({ type: 'remind', to: { contact: id }, text, memberId: id, ...meta })))
    else
      actions.push({
        type: 'notifyAdmins',
        text: `${text}\n（本群没有找到负责员工，请在 activity.responsible 中配置）`,
        ...meta,
      })
  }
  const next = nextReminderAt(w, deadline, observing)
  if (next !== undefined) {
    w.timerAt = next
    actions.push({
      type: 'schedule',
      key: `wait:${groupId}`,
      at: next,
      payload: { groupId },
      rule: 'activity.customer-waiting',
      groupId,
    })
  }
  return actions
}

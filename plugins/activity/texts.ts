import { quoted } from '../../bot/commands/quote.js'
import { formatDuration } from '../../bot/config/duration.js'

/**
 * Every sentence of the plugin's chat answers and reminders (zh-CN). The report layouts (daily, weekly,
 * `#活跃度`, `#响应`, `#沉默成员`) live with their builder in `report/text.ts`.
 */
export const T = {
  activityUsage: (p: string) => `${p}活跃度 [今日|本周|本月] [群名|@成员]`,
  activityDescription: '查看各群或某位成员的发言统计（附图表）',
  silentUsage: (p: string) => `${p}沉默成员 [天数]`,
  silentDescription: '列出多天未发言的成员',
  responseUsage: (p: string) => `${p}响应 [今日|本周|本月]`,
  responseDescription: '客户群响应时间（中位数、P90）与未回复客户',
  dailyUsage: (p: string) => `${p}日报`,
  dailyDescription: '立即生成今天的活跃度日报（附图表）',
  weeklyUsage: (p: string) => `${p}周榜`,
  weeklyDescription: '立即生成本周活跃榜：员工发言榜、群活跃榜、响应最快、沉默成员（附图表）',
  withUsage: (why: string, usage: string) => `${why}\n用法：${usage}`,
  usage: (usage: string) => `用法：${usage}`,
  sameName: (count: number, name: string) => `有 ${count} 位成员叫「${quoted(name)}」，请在群里 @ 对方。`,
  notFound: (target: string) => `没有找到「${quoted(target)}」对应的群或成员。`,
  badDays: '天数应为 1 到 365 的整数。',
  dailyNotHere: '日报包含所有群的数据，请私聊机器人或在内部群使用。',
  /** Added to a trainer's refusal of `#周榜` (`#周报`): the weekly report that is theirs. */
  weeklyForTrainers: (p: string) => `培训师的周报是案例周报：发送 ${p}案例 周报。`,
  weeklyNotHere: '周榜包含所有群的数据，请私聊机器人或在内部群使用。',
  memberGroupsChart: (name: string) => `${name} 各群发言条数`,
  groupMembersChart: (topic: string) => `${topic} 成员发言条数`,
  groupsChart: '各群消息数',
  activityTitle: (label: string) => `活跃度 · ${label}`,
  /** The waiting timer, as the audit log (#审计, replay) names it. */
  waitingTimerReason: '客户等待回复：超时未获回复就提醒负责人',
  waitingReason: (count: number, threshold: string) => `${count} 位客户超过 ${threshold} 未获回复`,
  nobodyResponsible: (text: string) => `${text}\n（本群没有找到负责员工，请在 activity.responsible 中配置）`,
  status: (groups: number, messages: number, waiting: number) =>
    `今日 ${groups} 个群 ${messages} 条消息；等待回复的客户消息 ${waiting} 条`,
  /** The private reminder to the staff responsible for a customer group: one line per waiting customer. */
  waitingReminder: (
    topic: string,
    due: { name: string; text: string; count: number; waitedMs: number; held?: boolean }[],
  ) =>
    [
      `⏰ 客户等待提醒：「${topic}」有 ${due.length} 位客户还没有人回复（按工作时间计）：`,
      ...due.map(
        d =>
          `· ${d.name} 已等待 ${formatDuration(d.waitedMs)}${d.count > 1 ? `（共 ${d.count} 条消息）` : ''}：「${d.text}」${
            d.held ? '（这条在等管理员确认是否违规；如果是正常咨询，请回复客户）' : ''
          }`,
      ),
      '请尽快回复客户。',
    ].join('\n'),
  escalationReason: (count: number) => `${count} 位客户等待超过升级时限仍未获回复，通知领导`,
  /** The second level, to the leaders (or admins): customers still waiting past `escalateAfter`, and who was reminded. */
  waitingEscalation: (
    topic: string,
    due: { name: string; text: string; count: number; waitedMs: number }[],
    after: string,
    reminded: string,
  ) =>
    [
      `🚨 客户等待升级：「${topic}」有 ${due.length} 位客户等待超过 ${after}（按工作时间计）仍没有人回复：`,
      ...due.map(
        d =>
          `· ${d.name} 已等待 ${formatDuration(d.waitedMs)}${d.count > 1 ? `（共 ${d.count} 条消息）` : ''}：「${d.text}」`,
      ),
      reminded ? `已提醒负责员工 ${reminded}，请督促尽快回复客户。` : '本群没有找到负责员工，请安排人尽快回复客户。',
    ].join('\n'),
}

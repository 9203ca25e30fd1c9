import { formatDuration } from '../../bot/config/duration.js'
import { clockTime, dayKey, nearDateTime } from '../../bot/time/zoned.js'
import { countShares, missingIn, sharedIn, type GroupProgress, type ShareCount } from './report/share-count.js'
import type { PostingWindow } from './config.js'
import type { Campaign, CampaignStatus, Participation, PostStatus, QueuedPost } from './state.js'

/** zh-CN labels of campaign states. */
export const STATUS_LABEL: Record<CampaignStatus, string> = {
  scheduled: '待发布',
  announced: '进行中',
  ended: '已结束',
  missed: '已截止（未发布）',
}

/** The label of a campaign's status at `now`: one never announced reads 已截止（未发布） only once its deadline passed. */
export function statusLabel(status: CampaignStatus, deadline: number, now: number): string {
  return status === 'missed' && deadline > now ? '未发布' : STATUS_LABEL[status]
}

/** zh-CN labels of post states. */
export const POST_STATUS_LABEL: Record<PostStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '已驳回',
  published: '已发布',
  missed: '错过未发',
  unapproved: '未审核未发',
}

/** Every fixed sentence of the plugin (zh-CN), and the short ones built from a few values. */
export const T = {
  // campaigns
  announceReason: (id: string) => `活动 ${id} 公告`,
  campaignReminder: (c: Campaign, phrase: string, now: number, tz: string) =>
    `【活动提醒】「${c.title}」将于 ${nearDateTime(c.deadline, now, tz)} 截止，被@的各位还未反馈。请分享到朋友圈后在本群回复「${phrase}」并附截图。`,
  /** The reminder as a staff member reads it privately (a group customers read): nobody was @-ed before their eyes. */
  campaignReminderPrivate: (c: Campaign, phrase: string, now: number, tz: string) =>
    `【活动提醒】「${c.title}」将于 ${nearDateTime(c.deadline, now, tz)} 截止，你还没有登记分享。请分享到朋友圈后，在收到这个活动的任一个群里回复「${phrase}」并附截图。`,
  remindReason: (id: string, missing: number) => `活动 ${id} 未完成 ${missing} 人`,
  notSharedReason: (title: string) => `未分享活动「${title}」`,
  notSharedViolation: '未分享活动',
  noSlot: '截止前没有可用的发布时段（工作日发布时段内）',
  imageNotAllowed: '图片不在素材库或收到的图片中',
  noTargetYet: (c: Campaign, missing: string[]) =>
    `⚠️ 活动「${c.title}」（#${c.id}）暂时没有可发布的目标群（${missing.join('、') || '没有匹配的群'}），将在之后的发布时段重试。`,
  noTargetNote: '没有可发布的目标群',
  targetsMissing: (c: Campaign, missing: string[]) =>
    `⚠️ 活动「${c.title}」：找不到群 ${missing.join('、')}（机器人可能已被移出），这些群不发布。`,
  reportHeading: (c: Campaign, early: boolean, now: number, tz: string) =>
    `【活动报告】#${c.id}「${c.title}」${early ? '已提前结束' : `已截止（${nearDateTime(c.deadline, now, tz)}）`}`,
  proofMissing: (title: string, phrase: string) =>
    `还没收到你的朋友圈截图，「${title}」暂未计入。请发截图后再回复一次「${phrase}」。`,
  campaignMissed: (c: Campaign, why: string, now: number, tz: string) =>
    `⚠️ 活动「${c.title}」（#${c.id}，截止 ${nearDateTime(c.deadline, now, tz)}）未发布：${why}。`,
  botLeftGroup: (name: string) => `${name}（机器人已不在群内）`,
  noGroupsYet: '（暂无匹配的群）',
  shareRecorded: (id: string, screenshot: boolean) => `活动 ${id} 已分享${screenshot ? '（有截图）' : ''}`,
  /** The broadcast group's "announcements only" reminder as a staff member reads it privately. */
  broadcastOnlyPrivate:
    '这个群只用于发布通知，客户也能看到群里的每条消息，请不要在群里回复或讨论；有事请在内部群或私聊同事沟通。',
  shareThanks: (title: string) => `✅ 已记录你对「${title}」的分享，谢谢！`,
  status: (active: number, waiting: number, screenshotWindow: number, pending: number, approved: number) =>
    `活动进行中 ${active} 个、待发布 ${waiting} 个；截图时限 ${formatDuration(screenshotWindow)}；排期待审核 ${pending} 条、待发布 ${approved} 条`,
  /** At start (the log): a configured campaign whose deadline passed before it was posted. */
  configCampaignExpired: (c: Campaign, tz: string) =>
    `⚠️ 配置中的活动 #${c.id}「${c.title}」已于 ${dayKey(c.deadline, tz)} ${clockTime(c.deadline, tz)} 截止，没有发布，也不会再发布：请从配置 plugins.campaign.campaigns 中删除它，或改它的 start 和 deadline 后 #重载配置。`,
  /** The end of the `#状态` line while such campaigns are configured. */
  configCampaignsExpired: (list: Campaign[], tz: string) =>
    `；⚠️ 配置中的活动已截止未发布 ${list.length} 个（${list.map(c => `#${c.id} 截止 ${dayKey(c.deadline, tz)} ${clockTime(c.deadline, tz)}`).join('、')}），请从配置中删除或改日期`,
  // the post queue
  dayPast: (day: string) => `${day} 已经过去。`,
  notWorkday: (day: string, weekend: boolean, anyDayWord: string) =>
    `${day} 是${weekend ? '周末' : '法定节假日'}，不发布排期。如确需发布，请在日期后写「${anyDayWord}」。`,
  outsideWindow: (start: string, end: string) => `发布时间须不早于 ${start}、早于 ${end}（${end} 及以后不发布）。`,
  timePast: (day: string, time: string) => `${day} ${time} 已经过了，请换一个时间或日期。`,
  dayTaken: (day: string, id: string, status: string) => `${day} 已有排期 #${id}（${status}），每个群每天最多一条。`,
  cannotApprove: (id: string, status: string) => `排期 #${id} 当前状态为「${status}」，不能再审核通过。`,
  ownPost: (id: string) => `不能审核自己提交的排期 #${id}，请由另一位审核人处理。`,
  cannotReject: (id: string, status: string) => `排期 #${id} 当前状态为「${status}」，不能驳回。`,
  rejectReasonMissing: '请写明驳回原因。',
  postUnapproved: (p: QueuedPost) => `排期 #${p.id}（${p.day} ${p.time}）到发布时间仍未审核，未发布。`,
  botOffline: '机器人离线，发布时段已过',
  noQueueTarget: '没有可发布的目标群（机器人可能已被移出）',
  postReason: (id: string) => `排期 #${id}`,
  queueTargetsMissing: (id: string, missing: string[]) =>
    `⚠️ 排期 #${id}：找不到群 ${missing.join('、')}（机器人可能已被移出），这些群未发布。`,
  pendingEditor: (p: QueuedPost) =>
    `排期 #${p.id}（${p.day} ${p.time}）还没有审核。未审核的排期不会发布，请联系审核人。`,
  pendingApprover: (p: QueuedPost, prefix: string) =>
    `有排期待审核：#${p.id}（${p.day} ${p.time}，${p.editorName} 提交）。发送 ${prefix}排期 审核 查看，${prefix}排期 通过 ${p.id} 通过。`,
  postMissed: (p: QueuedPost, why: string) => `⚠️ 排期 #${p.id}（${p.day} ${p.time}）未发布：${why}。`,
  // commands
  usage: (usage: string) => `用法：${usage}`,
  /** `#活动` usage per subcommand. */
  campaignParts: (p: string) => ({
    新建: `${p}活动 新建 <标题> | <内容或链接> | 截止 <时间> [| 群 <内部群/客户群/公告群/群名>] [| 图片 [素材名]]`,
    列表: `${p}活动 列表`,
    进度: `${p}活动 进度 <编号>`,
    结束: `${p}活动 结束 <编号>`,
  }),
  campaignDescription: '分享活动：新建、列表、进度、提前结束',
  /** `#排期` usage per subcommand. */
  queueParts: (p: string) => ({
    添加: `${p}排期 添加 <日期> [时间] [节假日照发] <内容> [| 图片 [素材名]]`,
    列表: `${p}排期 列表 [下周]`,
    素材: `${p}排期 素材`,
    审核: `${p}排期 审核`,
    通过: `${p}排期 通过 <编号>`,
    驳回: `${p}排期 驳回 <编号> <原因>`,
  }),
  queueDescription: '每日发布排期：编辑添加，审核人通过或驳回',
  queueRefused: (p: string, sub: string, roles: string) => `⛔ 没有权限：${p}排期 ${sub} 需要${roles}角色。`,
  createFailed: (why: string, p: string) => `❌ ${why}\n用法：${p}活动 新建 <标题> | <内容或链接> | 截止 <时间>`,
  unknownTargets: (unknown: string[]) =>
    `不认识的群或群类型：${unknown.join('、')}（可用：内部群、客户群、公告群，或配置中的群名）。`,
  noMatchingTarget: '没有匹配的目标群：活动至少要发到一个群。',
  deadlineBeforeSlot: (deadline: number, slot: number, w: PostingWindow, now: number, tz: string) =>
    `截止时间 ${nearDateTime(deadline, now, tz)} 早于下一个发布时段 ${nearDateTime(slot, now, tz)}（工作日 ${w.postAt}–${w.end}）。`,
  campaignCreated: (
    c: Campaign,
    slot: number | undefined,
    where: string,
    groups: number,
    image: boolean,
    now: number,
    tz: string,
  ) =>
    `✅ 已创建活动 #${c.id}「${c.title}」：${slot === undefined ? '即将' : `将于 ${nearDateTime(slot, now, tz)} `}发到 ${where}（${groups} 个群），截止 ${nearDateTime(c.deadline, now, tz)}。${image ? '将随公告发出的图片见下。' : ''}`,
  noCampaigns: '还没有活动。',
  campaignLine: (c: Campaign, status: CampaignStatus, now: number, tz: string) =>
    `#${c.id}「${c.title}」${statusLabel(status, c.deadline, now)}，截止${c.deadline <= now ? '于' : ''} ${nearDateTime(c.deadline, now, tz)}`,
  progressIdMissing: (p: string) => `请给出活动编号，例如 ${p}活动 进度 3（${p}活动 列表 可查看编号）。`,
  notYetAnnounced: (c: Campaign, slot: number, where: string, now: number, tz: string) =>
    `活动 #${c.id}「${c.title}」尚未发布：将于 ${nearDateTime(slot, now, tz)} 发到 ${where || T.noGroupsYet}。`,
  neverAnnounced: (c: Campaign, now: number) =>
    `活动 #${c.id}「${c.title}」${c.deadline <= now ? '已截止，' : ''}未发布：${c.note ?? T.noSlot}`,
  progressHeading: (c: Campaign, now: number, tz: string) =>
    `【活动进度】#${c.id}「${c.title}」${statusLabel(c.status, c.deadline, now)}，截止 ${nearDateTime(c.deadline, now, tz)}`,
  endIdMissing: (p: string) => `请给出活动编号，例如 ${p}活动 结束 3。`,
  cancelledNote: '发布前取消',
  cancelled: (c: Campaign) => `活动 #${c.id}「${c.title}」尚未发布，已取消。`,
  nothingToEnd: (c: Campaign, now: number) =>
    `活动 #${c.id} 当前状态为「${statusLabel(c.status, c.deadline, now)}」，无需结束。`,
  ended: (c: Campaign) => `活动 #${c.id}「${c.title}」已结束，完成情况已发给管理员。`,
  addFailed: (why: string, p: string) => `❌ ${why}\n用法：${p}排期 添加 <日期> [时间] [节假日照发] <内容>`,
  /** What each timer is for, as the audit log (#审计, replay) names it. */
  timerReason: {
    proof: (id: number | string) => `活动 #${id}：等待分享截图`,
    remind: (id: number | string) => `活动 #${id}：截止前提醒未分享的人`,
    deadline: (id: number | string) => `活动 #${id}：截止时统计完成情况`,
    publish: (id: number | string) => `排期 #${id}：到时发布`,
    notice: (id: number | string) => `排期 #${id}：提醒尚未审核`,
  },
  noQueueTargetConfigured: '没有可发布的目标群（配置 plugins.campaign.queue.targets）。',
  queueTargetsMatchNothing: (kinds: readonly string[], groups: readonly string[]) =>
    `⚠️ plugins.campaign.queue.targets（${[...kinds.map(k => `kind: ${k}`), ...groups].join('、') || '空'}）不对应 groups 里的任何群：` +
    '#排期 添加 会被拒绝；在 groups 里加上要发布的群，或修改 targets ' +
    '(the daily posts target no configured group: #排期 添加 would be refused)',
  postAdded: (id: string, when: string, where: string) => `✅ 已加入排期 #${id}：${when} 发到 ${where}，等待审核。`,
  /** `from`/`to` as shown (`12-28`, or with the year: `listWeek`). */
  weekTitle: (next: boolean, from: string, to: string) => `${next ? '下周' : '本周'}排期（${from}–${to}）`,
  weekEmpty: (title: string) => `${title}：暂无。`,
  laterHead: '之后待审核或待发布：',
  nothingPending: '没有待审核的排期。',
  pendingHead: (count: number) => `待审核 ${count} 条：`,
  pendingLine: (line: string, p: QueuedPost) => `${line}（${p.editorName}）${p.content.image ? '，图片见下' : ''}`,
  pendingHint: (p: string) => `发送 ${p}排期 通过 <编号> 或 ${p}排期 驳回 <编号> <原因>。`,
  pendingImageRefused: (id: string) => `⚠️ 排期 #${id} 的图片不在素材库或收到的图片中，不会发布；请驳回后重新添加。`,
  pendingImage: (id: string) => `排期 #${id} 的图片：`,
  mediaEmpty: '素材库为空（或未配置 plugins.campaign.media.folder）。可以先把图片私聊发给我，再发命令并写「| 图片」。',
  mediaHead: (count: number) => `素材库图片 ${count} 个：`,
  noSuchPost: (id: string) => `没有排期 #${id}。`,
  postIdMissing: (p: string, approve: boolean) => `请给出排期编号，例如 ${p}排期 ${approve ? '通过' : '驳回'} 3。`,
  editorApproved: (id: string, when: string, who: string) => `你的排期 #${id}（${when}）已由 ${who} 审核通过。`,
  editorRejected: (id: string, when: string, who: string, reason: string) =>
    `你的排期 #${id}（${when}）被 ${who} 驳回：${reason}`,
  approved: (id: string, when: string, where: string) => `✅ 已通过排期 #${id}：${when} 发到 ${where}。`,
  rejected: (id: string, editor: string) => `已驳回排期 #${id}，已通知 ${editor}。`,
}

/** The announcement posted in each target group. */
export function announcementText(
  c: Campaign,
  phrase: string,
  requireScreenshot: boolean,
  now: number,
  tz: string,
): string {
  const how = requireScreenshot
    ? `完成后请在本群回复「${phrase}」并发朋友圈截图。`
    : `完成后请在本群回复「${phrase}」。`
  return [
    `【活动】${c.title}`,
    c.content.text !== c.title ? c.content.text : '',
    `截止：${nearDateTime(c.deadline, now, tz)}`,
    `请每位同事分享到朋友圈，${how}`,
  ]
    .filter(Boolean)
    .join('\n')
}

/** `已完成 3/6（50%）`, and reporters off the list when there are any. */
export function countLine(c: ShareCount): string {
  const outside = c.outside.length ? `，另有 ${c.outside.length} 人反馈（不在统计名单中）` : ''
  return `已完成 ${rate(c.done, c.expected)}${outside}`
}

function rate(n: number, of: number): string {
  return `${n}/${of}（${of ? Math.round((n / of) * 100) : 0}%）`
}

/**
 * The completion report: overall rate (each person once), then per group
 * the rate, who shared and who has not yet. `heading` is the first line.
 */
export function progressReport(heading: string, groups: GroupProgress[], done: Record<string, Participation>): string {
  const count = countShares(groups, done)
  const lines = [heading, `总体完成 ${rate(count.done, count.expected)}`]
  for (const g of groups) {
    const missing = missingIn(g, done)
    const shared = sharedIn(g, done)
    const names = (list: { name: string }[]) => list.map(m => m.name).join('、')
    const tail = [
      shared.length && `已完成：${names(shared)}`,
      missing.length ? `未完成：${names(missing)}` : '全部完成',
    ]
    lines.push(`· ${g.name} ${rate(shared.length, g.expected.length)} ${tail.filter(Boolean).join('；')}`)
  }
  if (count.outside.length)
    lines.push(`另有 ${count.outside.length} 人已反馈（不在统计名单中）：${count.outside.map(p => p.name).join('、')}`)
  return lines.join('\n')
}

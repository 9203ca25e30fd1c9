import type { RealnameConfig } from './config.js'
import type { PendingWelcome } from './state.js'
import { renderTemplate } from './welcome/template.js'
/** zh-CN texts the plugin sends; pure functions of what happened. */

/** What the texts about one member's nickname need. */
export interface NicknameNotice {
  group: string
  /** How the bot refers to the member (roster name, nickname or WeChat name). */
  who: string
  memberId: string
  nickname: string
  aliasUnknown: boolean
  /** Why the nickname fails (from the check). */
  detail: string
  /** What to rename to: `销售部-孙七` or `部门-姓名（例如 销售部-张三）`. */
  target: string
  personal: boolean
}

const HOW_TO = '点击群聊右上角「…」→「我在本群的昵称」'

/** How the checked name is described: the group nickname, or the WeChat name fallback. */
export function shownAs(n: Pick<NicknameNotice, 'nickname' | 'aliasUnknown'>): string {
  return n.aliasUnknown ? `未设置群昵称或未能读取，按微信名「${n.nickname}」判断` : `群昵称「${n.nickname}」`
}

/** Private reminder with step-by-step instructions. */
export function reminderText(n: NicknameNotice): string {
  const current = n.aliasUnknown ? `你在群里显示的名字「${n.nickname}」` : `你的群昵称「${n.nickname}」`
  return [
    `${n.who}你好！「${n.group}」要求使用实名群昵称，${current}不符合要求：${n.detail}。`,
    `请修改为：${n.target}`,
    `修改方法：打开「${n.group}」→ ${HOW_TO} → 修改为 ${n.personal ? n.target : '你的实名昵称'} → 保存。`,
  ].join('\n')
}

/** The @-mention in the group (WeChat puts the @name in front). */
export function mentionText(n: NicknameNotice): string {
  return `请尽快把群昵称改为实名：${n.target}。修改方法：${HOW_TO}。谢谢配合！`
}

/** Report to the admins after the earlier steps did not help. */
export function reportText(
  n: NicknameNotice,
  opts: { since: string; done: string[]; unconfirmed: boolean; prefix: string },
): string {
  return [
    `【实名提醒】「${n.group}」的 ${n.who}（${n.memberId}）${opts.since}仍未改为实名群昵称（${shownAs(n)}）：${n.detail}。`,
    opts.done.length ? `已${opts.done.join('、')}。` : '',
    opts.unconfirmed ? unconfirmedText(n.memberId, opts.prefix) : '',
  ]
    .filter(Boolean)
    .join('\n')
}

/** What to do about a member the roster cannot place: the commands that settle it. */
function unconfirmedText(memberId: string, p: string): string {
  return (
    '花名册中无法确认此人身份，请核实是否为本公司员工：' +
    `是员工就补充花名册后发送 ${p}花名册 重载，或发送 ${p}实名豁免 ${memberId} 免除实名要求；不是就在微信里把他移出群聊。`
  )
}

/** Report of someone in an internal group who is not (or not this) roster entry. */
export function identityText(n: NicknameNotice, inviter?: string): string {
  return [
    `⚠️【花名册】「${n.group}」中有花名册上没有的成员：${n.who}（${n.memberId}，${shownAs(n)}）：${n.detail}。`,
    inviter ? `邀请人：${inviter}。` : '',
    '公司规定家属及非本公司人员不得加入内部群，请核实后处理（如确为员工，请补充花名册后发送 #花名册 重载）。',
  ]
    .filter(Boolean)
    .join('\n')
}

/** Private note to a staff member who quit an internal group by themselves. */
export function quitMemberText(group: string): string {
  return `你主动退出了内部工作群「${group}」。按公司规定，员工不得擅自退出工作群，已记录一次警告。如属误操作，请联系管理员重新邀请你入群。`
}

/** Admin note about a staff member who quit an internal group. */
export function quitAdminText(who: string, memberId: string, group: string, ttl: string): string {
  return `【退群】${who}（${memberId}）主动退出了内部群「${group}」，已记录一次警告（${ttl}内有效）。`
}

/** Who read an escalation step: whether customers read the group, and whether the member is staff. */
export interface StepAudience {
  customerGroup: boolean
  staff: boolean
}

/**
 * What an earlier escalation step actually did, for "已私聊提醒、群内@提醒": in a group customers read, a staff
 * member's @ went privately (`routeActions`), and a customer's private reminder could not be delivered.
 */
export function stepLabel(action: 'remind' | 'mention' | 'report' | 'remove', a: StepAudience): string {
  switch (action) {
    case 'remind':
      return a.customerGroup && !a.staff ? '私聊提醒未发出（机器人不私聊客户）' : '私聊提醒'
    case 'mention':
      return a.customerGroup && a.staff ? '再次私聊提醒（客户群里不@员工）' : '群内@提醒'
    case 'report':
      return '报告管理员'
    case 'remove':
      return '移出群聊'
  }
}

/** One member with a problem, for the sweep digest and `#实名检查`. */
export interface ProblemItem {
  notice: NicknameNotice
  identity: boolean
}

/** `- 孙七七（群，未能读取群昵称…）：格式不符…`; the group is named when `withGroup`. */
export function problemLine({ notice: n }: ProblemItem, withGroup: boolean): string {
  return `- ${n.who}（${withGroup ? `${n.group}，` : ''}${shownAs(n)}）：${n.detail}`
}

/** What a sweep found. */
export interface SweepFindings {
  day: string
  identity: ProblemItem[]
  open: ProblemItem[]
  newcomers: string[]
  leavers: string[]
}

/** The admins' daily digest; undefined when there is nothing to report. */
export function digestText(f: SweepFindings): string | undefined {
  if (!f.identity.length && !f.open.length && !f.newcomers.length && !f.leavers.length) return undefined
  const lines = [`【实名巡检 ${f.day}】`]
  if (f.identity.length)
    lines.push('花名册上没有的成员（家属及非本公司人员不得加入内部群）：', ...f.identity.map(i => problemLine(i, true)))
  if (f.open.length) lines.push('提醒步骤已用尽、群昵称仍不合规：', ...f.open.map(i => problemLine(i, true)))
  if (f.newcomers.length)
    lines.push(`未收到入群通知的新成员（扫码等方式入群，宽限期后核对）：${f.newcomers.join('、')}`)
  if (f.leavers.length) lines.push(`已不在群内（未收到退群通知，无法判断是否主动退出）：${f.leavers.join('、')}`)
  return lines.join('\n')
}

/** One group's result for `#实名检查`. */
export interface GroupCheck {
  topic: string
  checked: number
  problems: ProblemItem[]
}

/** The `#实名检查` reply: per group, who is non-compliant or unknown and why. */
export function checkReport(groups: GroupCheck[], exempted: number): string {
  if (!groups.length) return '没有需要检查的群。'
  const lines: string[] = []
  for (const g of groups) {
    if (!g.problems.length) {
      lines.push(`「${g.topic}」：${g.checked} 人需实名，全部合规 ✅`)
      continue
    }
    lines.push(`「${g.topic}」：${g.checked} 人需实名，${g.problems.length} 人有问题`)
    lines.push(...g.problems.map(p => problemLine(p, false)))
  }
  if (groups.some(g => g.problems.some(p => p.notice.aliasUnknown)))
    lines.push('注：未设置群昵称（或机器人未能读取）的成员按微信名判断。')
  if (exempted) lines.push(`另有 ${exempted} 人已豁免（#实名豁免 查看）。`)
  return lines.join('\n')
}

/** Values the welcome templates are filled with. */
export interface WelcomeValues {
  group: string
  company: string
  grace: string
  format: string
  example: string
}

/**
 * One welcome for everyone who joined within the batch window: the welcome
 * line, the group rules, and the rename hint when any newcomer must comply.
 * The newcomers are @-mentioned by the send, so the text need not name them.
 */
export function welcomeText(cfg: RealnameConfig['welcome'], pending: PendingWelcome, v: WelcomeValues): string {
  const lines = [renderTemplate(cfg.text, { names: pending.names.join('、'), group: v.group, company: v.company })]
  if (cfg.rules.length) lines.push('群规：', ...cfg.rules.map((r, i) => `${i + 1}. ${r}`))
  if (pending.mustNames.length) {
    lines.push(
      renderTemplate(cfg.formatHint, {
        names: pending.mustNames.join('、'),
        grace: v.grace,
        format: v.format,
        example: v.example,
      }),
    )
  }
  return lines.join('\n')
}

/** Every other fixed sentence of the plugin (zh-CN), and the short ones built from a few values. */
export const T = {
  /** What each timer is for, as the audit log (#审计, replay) names it. */
  graceTimerReason: '新成员宽限期到期：检查是否已改实名群昵称',
  welcomeTimerReason: '合并发送入群欢迎',
  stepTimerReason: (n: number, what: string) => `实名整改第 ${n} 步：${what}`,
  stepPausedReason: '观察模式中：实名整改暂停，每小时再看',
  checkDescription: '列出群昵称不合规或不在花名册上的成员（群内：本群；私聊：所有群）',
  checkUsage: (p: string) => `${p}实名检查`,
  exemptDescription: '豁免或取消豁免成员的实名昵称要求',
  exemptUsage: (p: string) => `${p}实名豁免 [取消] @成员｜名字｜微信ID（不带参数列出豁免名单）`,
  exemptUnknown: (name: string, p: string) =>
    `找不到成员「${name}」，未作更改。可用 @成员、花名册姓名、群昵称、微信名或微信 ID；${p}实名豁免 列出豁免名单。`,
  exemptList: (names: string[], p: string) =>
    names.length ? `实名豁免名单：${names.join('、')}` : `没有豁免的成员。用法：${p}实名豁免 [取消] @成员`,
  exempted: (names: string, undo: boolean) =>
    undo ? `已取消 ${names} 的实名豁免，下次检查起恢复要求。` : `已豁免 ${names} 的实名昵称要求。`,
  removedBy: (who: string, remover: string, group: string) => `${who} 被 ${remover} 移出「${group}」`,
  left: (who: string, group: string) => `${who} 退出了「${group}」`,
  /** The audit log's words for the strike of a staff member who left an internal group by themselves. */
  quitReason: (group: string) => `自行退出「${group}」`,
  goneAtSweep: (who: string, group: string) => `${who} 已不在「${group}」`,
  inGroup: (who: string, group: string) => `${who}（${group}）`,
  sinceFirst: (elapsed: string) => `首次提醒后${elapsed}`,
  caseClosed: (observed: boolean, why: string) => `${observed ? '（观察）' : ''}结案：${why}`,
  status: (open: number, identity: number, exempt: number, at: string) =>
    `实名待整改 ${open} 人，花名册外 ${identity} 人，豁免 ${exempt} 人；每日 ${at} 巡检`,
}

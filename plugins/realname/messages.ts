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
export function reportText(n: NicknameNotice, opts: { since: string; done: string[]; unconfirmed: boolean }): string {
  return [
    `【实名提醒】「${n.group}」的 ${n.who}（${n.memberId}）${opts.since}仍未改为实名群昵称（${shownAs(n)}）：${n.detail}。`,
    opts.done.length ? `已${opts.done.join('、')}。` : '',
    opts.unconfirmed ? '花名册中无法确认此人身份，请核实是否为本公司员工。' : '',
  ]
    .filter(Boolean)
    .join('\n')
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

/** Labels of escalation actions, for "已私聊提醒、群内@提醒". */
export const STEP_LABELS: Record<'remind' | 'mention' | 'report' | 'remove', string> = {
  remind: '私聊提醒',
  mention: '群内@提醒',
  report: '报告管理员',
  remove: '移出群聊',
}

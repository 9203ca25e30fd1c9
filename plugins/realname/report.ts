import type { NicknameNotice } from './messages.js'
import { shownAs } from './messages.js'

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

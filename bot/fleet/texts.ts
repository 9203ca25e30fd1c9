import { botAccountText } from './account-name.js'
import type { AccountDown } from './gate.js'
import { fleetTopics, strandedLine } from './status.js'

/** The most group names an admin message lists before "等". */
const NAMES_SHOWN = 6

/**
 * What the admins read when this account (`me`) took groups over from an account whose leases ran out (once per
 * outage): which account, how many groups, by whom, what to check, and its groups nobody can take over; without
 * groups taken, that nobody took any.
 */
export function accountDownText(down: AccountDown, me: string, topicOf: (groupId: string) => string): string {
  const named = (account: string) => botAccountText(account, down.names[account])
  const stranded = down.stranded.length ? `\n${strandedLine(down.stranded, fleetTopics(down, topicOf), named)}` : ''
  const gone = named(down.account)
  if (!down.groups.length)
    return (
      `⚠️ 机器人账号 ${gone} 已掉线（租约到期未续约：进程退出、卡住或断网）。它所在的群没有其他账号，无人接管。` +
      `请检查 ${gone} 的进程和微信登录。${stranded}`
    )
  const names = down.groups.slice(0, NAMES_SHOWN).map(topicOf).join('、')
  const more = down.groups.length > NAMES_SHOWN ? ' 等' : ''
  return (
    `⚠️ 机器人账号 ${gone} 已掉线（租约到期未续约：进程退出、卡住或断网）。` +
    `本账号 ${named(me)} 已接管它负责的 ${down.groups.length} 个群：${names}${more}。` +
    `请检查 ${gone} 的进程和微信登录；已接管的群此后由 ${named(me)} 负责。${stranded}`
  )
}

/** Every sentence the archive plugin shows people (Chinese), in one place. */
import type { CodeFileProblem } from './verify/check-code.js'

/** The name outgoing records carry as sender. */
export const BOT_NAME = '机器人'

/** Admins, once per outage: the archive cannot write. */
export const writeFailed = (error: string) =>
  `⚠️ 信息记录写入失败（${error}），可能磁盘已满。机器人继续管理群，未写入的记录在内存中等待重试（每分钟及每条新消息时重试），请尽快处理。`

/** Admins, when writes work again after a warning. */
export const writeRecovered = (lost: number) =>
  `✅ 信息记录恢复写入，积压的记录已补写${lost ? `；丢失 ${lost} 条（积压超过 10000 条）` : ''}。`

/** The `#状态` line. */
export const statusLine = (written: number, backlog: number, failing: boolean, lost: number) =>
  `本次启动已存档 ${written} 条${failing ? `，⚠️ 写入失败待重试 ${backlog} 条` : ''}${lost ? `，丢失 ${lost} 条` : ''}`

/** `#记录` usage per subcommand (保全 is for admins). */
export const usageParts = (p: string) => ({
  search: `${p}记录 搜索 <词> [群:群名] [日期] [人:成员] [类型:图片] [含命令]`,
  export: `${p}记录 导出 [群:群名] [日期] [人:成员] [csv|html|md|jsonl]`,
  code: `${p}记录 校验码 [日期]`,
  hold: `${p}记录 保全 [群 开|关]`,
})
/** `#记录` usage line; without `hold` (an auditor's), the 保全 part is left out. */
export const usage = (p: string, hold = true) => {
  const { search, export: exportLine, code, hold: holdLine } = usageParts(p)
  return [search, exportLine, code, ...(hold ? [holdLine] : [])].join('；')
}
/** `#记录`'s description (the console's command list). */
export const COMMAND_DESCRIPTION =
  '信息记录：搜索、导出聊天记录，存档校验码（仅私聊，审计员/管理员）；法律保全（管理员）'
/** `#帮助`'s words for each part of `#记录`, each shown only to who may use that part. */
export const HELP_DESCRIPTION = {
  search: '信息记录：搜索聊天记录（仅私聊）',
  export: '导出聊天记录',
  code: '存档校验码：某天（默认昨天）的记录现在给出的校验码，与当天发出的是否一致',
  hold: '法律保全（到期记录暂停清理）',
}
/** A bad or missing subcommand. */
export const usageReply = (line: string) => `用法：${line}`
/** A search without words or member. */
export const searchNeedsWords = (p: string) => `请给出要搜索的词或成员。用法：${p}记录 搜索 <词> [群:群名] [日期]`
/** The head line of search results. */
export const searchHead = (detail: string, total: number, approximate: boolean, shown: number) =>
  `🔎 记录搜索 ${detail}：共${approximate ? '约' : ''} ${total} 条${total > shown ? `，显示最新 ${shown} 条` : ''}`
/**
 * A default search that found nothing where `含命令` would: how many commands and bot messages it left out, and how
 * to see them (`tick`: the console's checkbox, else the chat word).
 */
export const hiddenCommandsHint = (n: number, tick = false) =>
  `另有 ${n} 条命令/机器人消息（默认不搜索），${tick ? '勾选' : '加'}「含命令」查看。`
/** The period of a search without a date word. */
export const defaultPeriod = (days: number) => `默认最近 ${days} 天`
/**
 * A search that found nothing: the text and the period searched, in full, so a word taken for text (a date word the
 * bot does not know) shows, with the date words it does know.
 */
export const nothingFound = (words: string[], days: { from: string; to: string }, period: string) =>
  `没有找到：${words.length ? `搜索文字「${words.join(' ')}」，` : ''}时间 ${days.from} 至 ${days.to}（${period}）。` +
  '时间可写：今天、昨天、前天、本周/这周、上周/上星期、本月/这个月、上月/上个月、近7天、2026-11、2026-11-01~2026-11-15。'
/** Marks a recalled original. */
export const RECALLED = '（已撤回）'
/** The asker, once the export file is written. */
export const exported = (detail: string, count: number) => `📦 已导出 ${detail}：共 ${count} 条，文件随后私聊发送。`
/** Auditors may not place holds. */
export const HOLD_NEEDS_ADMIN = '⛔ 没有权限：法律保全需要「管理员」角色。'
/** The holds placed in chat. */
export const holdList = (lines: string[]) =>
  lines.length ? `法律保全中的群：\n${lines.join('\n')}` : '当前没有通过命令设置的法律保全。'
/** One held group in the list. */
export const holdLine = (title: string, since: string) => `· ${title}（${since} 起）`
/** No such group. */
export const groupNotFound = (name: string) => `找不到群「${name}」。`
/** `群:名` words naming no recorded group, with some recorded groups to pick from. */
export const groupsNotFound = (names: string[], known: string[]) =>
  `找不到群「${names.join('」「')}」。${known.length ? `有记录的群：${known.slice(0, 10).join('、')}${known.length > 10 ? ` 等 ${known.length} 个` : ''}` : '还没有任何群的记录。'}`
/** A search word that is part of a group's name (the search found nothing). */
export const wordLooksLikeGroup = (word: string, groups: string[]) =>
  `提示：「${word}」按搜索词查找；若要只查某个群，请写 群:${word}（相近的群：${groups.slice(0, 3).join('、')}）`
/** A hold placed or lifted. */
export const holdChanged = (titles: string, on: boolean) =>
  on ? `已对「${titles}」设置法律保全：到期记录暂停清理。` : `已解除「${titles}」的法律保全。`
/** The daily purge's audit text. */
export const purged = (segments: number, records: number, held: string[], exports = 0) =>
  `信息记录到期清理：删除 ${segments} 个日记录文件，共 ${records} 条；法律保全未清理：${held.join('、') || '无'}` +
  (exports ? `；删除过期导出文件 ${exports} 个` : '')

/** The daily anchors' audit text. */
export const anchored = (files: number) =>
  `信息记录链头锚定：${files} 个日记录文件的末行哈希已记入锚点日志（archive verify 据此发现截尾、删文件、重算的链）`

/** The retry timer after a failed write, as the audit log (#审计, replay) names it. */
export const retryTimerReason = '存档写入失败：稍后重试'

/** The daily check code, privately to each auditor (or admin): the code, and what to do with it. */
export const checkCodeMessage = (day: string, code: string, files: number, p: string) =>
  `🔐 存档校验码 ${day}：${code}（共 ${files} 个会话文件）\n` +
  `这是当天全部聊天记录的指纹，请另存一份（截图或抄在机器人电脑以外的地方）。日后核对：私聊机器人「${p}记录 校验码 ${day}」、网页后台「信息记录」页，` +
  `或在服务器上运行 archive verify --code ${code}；得出同一个码，当天的记录就没有被改动。`

/** The daily check code's audit text. */
export const checkCodeRecord = (day: string, code: string, files: number, sentTo: number) =>
  `存档校验码 ${day}：${code}（${files} 个会话文件），已记入锚点日志，${sentTo ? `私聊 ${sentTo} 人` : '未发送（无收件人或已关闭）'}`

/** `#记录 校验码` with a range or a word that is no day. */
export const CHECK_CODE_ONE_DAY = '请写一天，例如「#记录 校验码 2026-12-06」或「#记录 校验码 昨天」；不写日期为昨天。'
/** `#记录 校验码` for today or later. */
export const checkCodeNotYet = (day: string) =>
  `${day} 的记录还在写入：校验码在第二天的每日任务（purgeCron，默认 03:30）发出后才有。`
/** `#记录 校验码` where the archive keeps no hash chain. */
export const CHECK_CODE_NO_CHAIN =
  '信息记录只存放在内存中（测试或演示），没有哈希链，没有存档校验码：文件存档和 PostgreSQL 存档才有。'
/** `#记录 校验码` for a day without records nor a code. */
export const checkCodeNoFiles = (day: string) => `${day} 没有任何会话的记录，没有校验码。`
/** The head of the answer: the code the archive gives now. */
export const checkCodeNow = (day: string, code: string, files: number) =>
  `🔐 存档校验码 ${day}：${code}（共 ${files} 个会话文件，按现存记录重新计算）`
/** The day's code was never sent (before this feature, or the bot was off that day). */
export const CHECK_CODE_NOT_SENT =
  'ℹ️ 锚点日志里没有当天发出的校验码（当天机器人未运行，或早于此功能）：上面是按现存文件整体算出的。'
/** The code now is the one sent. */
export const checkCodeSame = (sent: string, later: number) =>
  `✅ 与 ${sent} 发出的校验码一致：当天的记录与那时相同。请再与你保存的校验码对一下${later ? `；另有 ${later} 个会话文件在发出后才有当天的记录（迟到的消息），不在校验码内` : ''}。`
/** The code now is not the one sent. */
export const checkCodeDiffers = (sent: string, code: string) =>
  `⚠️ 与 ${sent} 发出的校验码 ${code} 不同：当天的记录在那之后被改动过。`
/** One file that no longer reads as when the code was made. */
export const codeFileProblem = (p: CodeFileProblem) =>
  `   ${p.file}：${(p.rows ? ROWS_PROBLEM : CODE_PROBLEM)[p.problem]}${p.line ? `（第 ${p.line} 行${p.pos === undefined ? '' : `，pos ${p.pos}`}）` : ''}`
const CODE_PROBLEM: Record<CodeFileProblem['problem'], string> = {
  missing: '文件已不存在',
  unreadable: '文件无法读取',
  cut: '文件比当时短（末尾的行被删除，或有行被改短后链被重算）',
  broken: '哈希链断开（这一行的上一行被改动、删除或插入）',
  rewritten: '与当时的末行不同（这一行或前面的行被改动，链被重算）',
}
/** The same on PostgreSQL, where a chat's day is rows in `archive_records`. */
const ROWS_PROBLEM: Record<CodeFileProblem['problem'], string> = {
  ...CODE_PROBLEM,
  missing: '这一天的行已全部不在',
  unreadable: '无法读取',
  cut: '行数比当时少（末尾的行被删除，或有行被改动后链被重算）',
}

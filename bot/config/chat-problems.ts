import { basename } from 'node:path'

/** Problems shown in chat at most; the log has every one. */
const SHOWN = 10

/** `file:line: key.path: message` or `file: message`, as `ConfigError` and `RosterError` list them. */
const PROBLEM = /^(\S.*?):(?:(\d+):)? (.*)$/
/** A file a problem is in (not a key such as `plugins.badjob:` that starts a problem of no file). */
const FILE = /\.(ya?ml|csv|json)$/i
/** A message written in Chinese for the person who fixes the file (a roster saved as a workbook, say). */
const CHINESE = /[\u4e00-\u9fff]/
/** Anything that could be a folder on the server: such a message stays in the log. */
const PATH_LIKE = /[\\/]/
/**
 * Slashes that name no folder: a date (`2026/12/2` in a roster's 离职日期), a timezone (`Asia/Shanghai`) or the
 * timezone someone typed, quoted (`"Asia/Shangai"`, `"Mars/Olympus"`).
 */
const NOT_A_PATH =
  /\d+\/\d+(?:\/\d+)?|\b(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[\w+-]+|"[A-Za-z_]+\/[\w+-]+"/g
/** The config key a problem starts with (`plugins.realname.grace`, `groups[3].name`). */
const KEY = /^([A-Za-z_$][\w$]*(?:\[\d+\]|\.[\w$]+)*): /

/**
 * Problems of a file (config or roster) as an admin reads them in chat: in Chinese, where each one is (the file's
 * name, never its folder on the server, its line and key), and where the full text is. The operator's log keeps
 * the complete lines (paths and messages).
 */
export function problemsForChat(problems: readonly string[]): string[] {
  const lines = problems.slice(0, SHOWN).map(problem => {
    const m = PROBLEM.exec(problem)
    if (m && FILE.test(m[1])) {
      const key = KEY.exec(m[3])?.[1]
      const message = key ? m[3].slice(key.length + 2) : m[3]
      const said =
        CHINESE.test(message) && !PATH_LIKE.test(message.replace(NOT_A_PATH, '')) ? `：${chineseOnly(message)}` : ''
      return `· ${basename(m[1])}${m[2] ? ` 第 ${m[2]} 行` : ''}${key ? `：${key}` : ''}${said}`
    }
    const key = KEY.exec(problem)?.[1]
    return `· ${key ? `${key}：` : ''}其他问题（见日志）`
  })
  if (problems.length > SHOWN) lines.push(`· ……另有 ${problems.length - SHOWN} 个`)
  return [...lines, '完整说明已写入机器人日志；在服务器上运行 npm run cli -- check-config 可逐条查看。']
}

/**
 * A message without its English tail: the last `（…）` when what it holds starts in English (`手机号「123」不是 11 位
 * 手机号码（phone "123" is not …）`); the log keeps it.
 */
function chineseOnly(message: string): string {
  if (!message.endsWith('）')) return message
  let depth = 0
  for (let i = message.length - 1; i >= 0; i--) {
    if (message[i] === '）') depth++
    else if (message[i] === '（' && --depth === 0)
      return i > 0 && /^[A-Za-z]/.test(message.slice(i + 1)) ? message.slice(0, i) : message
  }
  return message
}

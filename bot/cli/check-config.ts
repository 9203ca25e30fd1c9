import { resolve } from 'node:path'
import { PLUGINS } from '../../plugins/index.js'
import { verifyConfig } from '../config/verify-config.js'
import { configWarnings } from '../config/config-warnings.js'
import { roleIdWarnings } from '../config/role-ids.js'
import { calendarWarningForLog, missingCalendarYears } from '../time/workdays.js'
import { type BotEnv, readEnv, unusedLocalConfig } from '../env.js'
import { defineCli, UsageError } from './args.js'
import { connectionSummary, settingsProblems } from './settings-check.js'

const CLI = defineCli({ usage: 'usage: check-config [FILE]', options: {}, positionals: { max: 1 } })

/**
 * `check-config [FILE]`: run the start-up checks without connecting: the config's schema, paths, roster and every
 * plugin's start, and the environment settings `start` refuses (puppet package and token, database URL, console).
 * Without FILE it checks the file `start` would use (`BOT_CONFIG`, else the example config in the sandbox or
 * `./bot.config.yaml` with a puppet) and says which and why. Prints every problem; exit 1 when the bot would
 * refuse to start.
 */
export async function checkConfigCommand(argv: string[]): Promise<number> {
  const parsed = CLI.parse(argv)
  if (parsed instanceof UsageError) return parsed.report(process.stderr)
  const [given] = parsed.positionals
  const env = readEnv() // an invalid bound, LOG_LEVEL or LOG_FORMAT throws: printed by the CLI entry (exit 1)
  const file = given ? resolve(given) : env.configFile
  if (!given) process.stdout.write(whichConfig(env))
  const problems = await settingsProblems(env)
  for (const problem of problems) process.stderr.write(`❌ ${problem}\n`)
  const loaded = await verifyConfig(file, PLUGINS) // ConfigError is printed by the CLI entry (exit 1)
  const enabled = PLUGINS.filter(p => (loaded.config.plugins[p.name] as { enabled: boolean }).enabled).map(p => p.name)
  process.stdout.write(
    `${[
      `✅ ${file}: 配置有效 config OK`,
      `  公司 company: ${loaded.config.company}; 时区 timezone: ${loaded.config.timezone}`,
      `  受管理的群 groups: ${loaded.config.groups.map(g => `${g.name}(${g.kind})`).join(', ') || '—'}`,
      `  插件 plugins: ${enabled.join(', ') || '—'}`,
      `  花名册 roster: ${loaded.roster.entries.length} 人`,
      connectionSummary(env),
    ].join('\n')}\n`,
  )
  const { timezone, calendar: days } = loaded.config
  const calendar = calendarWarningForLog(missingCalendarYears(Date.now(), timezone, days))
  if (calendar) process.stderr.write(`${calendar}\n`)
  for (const warning of [...roleIdWarnings(loaded), ...configWarnings(loaded, PLUGINS)])
    process.stderr.write(`${warning}\n`)
  if (!problems.length) return 0
  process.stderr.write(
    `❌ 环境设置有 ${problems.length} 个问题（见上），start 会拒绝启动 ${problems.length} environment setting problem(s) above: start would refuse to start\n`,
  )
  return 1
}

/** Which file `check-config` without FILE checks and why (what `start` would use), and the one it leaves out. */
function whichConfig(env: BotEnv): string {
  const why = env.usingExampleConfig
    ? '示例配置：未设置 BOT_CONFIG 和 WECHATY_PUPPET，沙盒用它 the example config: the sandbox uses it without BOT_CONFIG and WECHATY_PUPPET'
    : process.env.BOT_CONFIG?.trim()
      ? `BOT_CONFIG=${process.env.BOT_CONFIG.trim()}`
      : '默认 the default: WECHATY_PUPPET 已设置、BOT_CONFIG 未设置 WECHATY_PUPPET set, BOT_CONFIG unset'
  const lines = [`检查 checking ${env.configFile}（${why}）`]
  const local = unusedLocalConfig(env)
  if (local)
    lines.push(
      `  ${local} 没有检查：检查它用 check-config bot.config.yaml；要让 start 也用它，在 .env 里设置 BOT_CONFIG=bot.config.yaml` +
        ' (not checked: name it, or set BOT_CONFIG=bot.config.yaml in .env so that start uses it too)',
    )
  return `${lines.join('\n')}\n`
}

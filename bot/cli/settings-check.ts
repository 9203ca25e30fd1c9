import { type BotEnv, puppetSettingsProblem } from '../env.js'

/**
 * The environment settings `start` refuses before it connects (exit 1), as `check-config` reports them: the
 * puppet's package and token, and, on a real puppet, `BOT_DATABASE_URL` and the `BOT_CONSOLE_*` variables
 * (the sandbox uses neither the database nor, unless `BOT_CONSOLE_LISTEN` is set, the console). The console's and
 * the database's modules load only when their variable is set, as at start.
 */
export async function settingsProblems(env: BotEnv, vars: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const problems: string[] = []
  const puppet = puppetSettingsProblem(env, vars)
  if (puppet) problems.push(puppet)
  const url = vars.BOT_DATABASE_URL?.trim()
  if (env.puppet && url) {
    const { databaseUrlProblem } = await import('../ports/postgres/open-store.js')
    const problem = databaseUrlProblem(url, vars)
    if (problem) problems.push(problem)
  }
  if (vars.BOT_CONSOLE_LISTEN?.trim()) {
    const { readConsoleSettings, ConsoleSettingsError } = await import('../console/index.js')
    try {
      readConsoleSettings(vars)
    } catch (e) {
      if (!(e instanceof ConsoleSettingsError)) throw e
      problems.push(e.message)
    }
  }
  return problems
}

/**
 * Settings the sandbox does not use (it keeps its state in files under the data folder, as one account): said
 * at its start and by `check-config`, so a fleet trial without WeChat does not look like it ran on the database.
 */
export function sandboxIgnores(vars: NodeJS.ProcessEnv): string[] {
  const set = ['BOT_DATABASE_URL', 'BOT_ACCOUNT', 'BOT_DATABASE_SCHEMA'].filter(k => vars[k]?.trim())
  return set.length
    ? [
        `⚠️ 沙盒不使用 ${set.join('、')}：状态只写在本机数据目录，不连数据库、不加入多账号 (the sandbox ignores ${set.join(', ')})`,
      ]
    : []
}

/** Which WeChat connection and store `start` would use with these settings: `check-config`'s summary line(s). */
export function connectionSummary(env: BotEnv, vars: NodeJS.ProcessEnv = process.env): string {
  if (!env.puppet)
    return [
      '  连接 connection: 沙盒 sandbox（未设置 WECHATY_PUPPET）',
      ...sandboxIgnores(vars).map(l => `  ${l}`),
    ].join('\n')
  const account = vars.BOT_ACCOUNT?.trim() || 'default'
  const schema = vars.BOT_DATABASE_SCHEMA?.trim() || 'public'
  const store = vars.BOT_DATABASE_URL?.trim()
    ? `PostgreSQL (BOT_DATABASE_SCHEMA=${schema}, BOT_ACCOUNT=${account})`
    : `本地文件 file store ${env.dataDir}`
  return `  连接 connection: ${env.puppet}; 存储 store: ${store}`
}

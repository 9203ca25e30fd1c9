/**
 * The command line's commands and their dispatch (`group-guard <command>`). `bot/cli.ts` is the entry: it runs
 * what must come before this module's imports are linked, then loads it.
 */
import { ConfigError } from '../config/load-config.js'
import { RosterError } from '../roster/load-roster.js'
import { PLUGINS } from '../../plugins/index.js'
import { defineCli, UsageError } from './args.js'

const REFERENCE_CLI = defineCli({
  usage: 'usage: config-reference [--json]',
  options: { json: { type: 'boolean', default: false } },
})

/** A command: what runs it, its arguments (the usage line after its name) and what it does (`zh` first, then `about`). */
type Command = { run: (argv: string[]) => Promise<number>; args: string; zh: string; about: string }

// Each command's module loads when it runs: `start` does not pay for the replay's simulated WeChat (and the mock
// puppet's fake-data library), the console-free exports or the matcher's command-line tools.
const startCommand = (argv: string[]) => import('./start.js').then(m => m.startCommand(argv))
const checkConfigCommand = (argv: string[]) => import('./check-config.js').then(m => m.checkConfigCommand(argv))
const replayCommand = async (argv: string[]) => {
  const { deferFakerLocales } = await import('../sandbox/defer-faker.js')
  deferFakerLocales()
  return import('./replay.js').then(m => m.replayCommand(argv))
}
const casesCommand = (argv: string[]) => import('./store-commands.js').then(m => m.casesCommand(argv))
const statsCommand = (argv: string[]) => import('./store-commands.js').then(m => m.statsCommand(argv))
const archiveCommand = (argv: string[]) => import('./archive.js').then(m => m.archiveCommand(argv))
const fleetCommand = (argv: string[]) => import('../fleet/cli.js').then(m => m.fleetCommand(argv))
const backupCommand = (argv: string[]) => import('./backup.js').then(m => m.backupCommand(argv))
const restoreCommand = (argv: string[]) => import('./backup.js').then(m => m.restoreCommand(argv))
const healthCommand = (argv: string[]) => import('./health.js').then(m => m.healthCommand(argv))
const runCheck = (argv: string[], out: NodeJS.WritableStream) =>
  import('../../plugins/content/cli/check-command.js').then(m => m.runCheck(argv, out))
const runDictionaryEdit = (argv: string[], out: NodeJS.WritableStream) =>
  import('../../plugins/content/cli/dictionary-command.js').then(m => m.runDictionaryEdit(argv, out))
const referenceOf = () => import('../config/config-reference.js')

/** CLI commands: `npm run cli -- <command>` or the `group-guard` bin. */
const COMMANDS: Record<string, Command> = {
  start: {
    run: startCommand,
    args: '[--world WORLD.yaml] [--accept-state-loss]',
    zh: '启动机器人（未配置微信时进入沙盒）',
    about: 'start the bot (sandbox + console when WECHATY_PUPPET is unset; WORLD.yaml: the sandbox world)',
  },
  'check-config': {
    run: checkConfigCommand,
    args: '[FILE]',
    zh: '检查配置文件，列出每个问题',
    about: 'validate a config file (default: the one `start` would use), list every problem',
  },
  check: {
    run: argv => runCheck(argv, process.stdout),
    args: '--dictionary FILE [--dictionary F2] --input FILE.jsonl',
    zh: '用词库离线检查句子',
    about: 'run the banned-content matcher over {"id","text"} lines',
  },
  dictionary: {
    run: argv => runDictionaryEdit(argv, process.stdout),
    args: 'add|remove|allow --dictionary FILE [--dictionary F2] <category> <word>',
    zh: '修改词库文件（保留注释）',
    about: 'edit a dictionary file (comments kept)',
  },
  cases: {
    run: casesCommand,
    args: 'export [--from DATE] [--to DATE] [--format md|json|csv] [--mask] [--data DIR] [--out FILE]',
    zh: '导出销售案例',
    about: 'export shared sales cases (every account with BOT_DATABASE_URL)',
  },
  archive: {
    run: archiveCommand,
    args: 'export --from DATE --to DATE [--group G] [--member M] [--type 图片] [--format jsonl|csv|md|html] [--data DIR] | verify [--from DATE --to DATE] [--group G] [--json] [--data DIR]',
    zh: '导出信息记录，或核对存档是否完整',
    about: 'export the message archive, or check it (seq gaps, damaged lines, duplicates)',
  },
  backup: {
    run: backupCommand,
    args: 'FILE [--data DIR]',
    zh: '把整个数据目录备份为一个文件（运行中也可以）',
    about: 'the whole data folder (state, logs, message archive) into one file, also while the bot runs',
  },
  restore: {
    run: restoreCommand,
    args: 'FILE --into DIR',
    zh: '把备份恢复到一个新目录',
    about: 'a backup into a new folder; then start with BOT_DATA_DIR=DIR',
  },
  health: {
    run: healthCommand,
    args: '[--data DIR] [--max-age 2m]',
    zh: '机器人是否在运行、已登录、在发送（给监控用：正常退出 0，否则 1）',
    about: 'is the bot of that data folder alive, logged in and sending (exit 0), or not (exit 1): for a monitor',
  },
  stats: {
    run: statsCommand,
    args: '--from DATE [--to DATE] [--format csv|json] [--by member|group] [--data DIR] [--out FILE]',
    zh: '导出群活跃度统计',
    about:
      'activity figures, one day without --to (from BOT_DATA_DIR, default data/state; every account with BOT_DATABASE_URL)',
  },
  fleet: {
    run: fleetCommand,
    args: 'status [--json]',
    zh: '多账号：各账号、它们的群、租约和待发消息',
    about: 'accounts, their groups, leases and queue depths (BOT_DATABASE_URL)',
  },
  'config-reference': {
    run: async argv => {
      const args = REFERENCE_CLI.parse(argv)
      if (args instanceof UsageError) return args.report(process.stderr)
      const { configJsonSchema, configReference } = await referenceOf()
      process.stdout.write(
        args.values.json ? `${JSON.stringify(configJsonSchema(PLUGINS), null, 2)}\n` : configReference(PLUGINS),
      )
      return 0
    },
    args: '[--json]',
    zh: '列出每个配置项及其默认值',
    about: 'every config key with its default (Markdown), or the JSON Schema',
  },
  replay: {
    run: replayCommand,
    args: 'FILE.jsonl [--config F] [--world F] [--out DIR] [--live]',
    zh: '用沙盒回放聊天记录（默认只观察）',
    about: 'feed a transcript through the sandbox (dry-run)',
  },
}

const NAME_WIDTH = Math.max(...Object.keys(COMMANDS).map(name => name.length))

/** Every command: its name and what it does, then its usage line below. */
function usage(): string {
  const rows = Object.entries(COMMANDS).map(
    ([name, c]) => `  ${name.padEnd(NAME_WIDTH)}  ${c.zh} ${c.about}\n  ${''.padEnd(NAME_WIDTH)}  ${name} ${c.args}`,
  )
  return `usage: group-guard <command> [arguments]   （group-guard <command> --help：该命令的用法 that command's usage）\n${rows.join('\n')}\n`
}

/** `--help` or `-h` among a command's arguments (before a `--`). */
function asksHelp(argv: string[]): boolean {
  const end = argv.indexOf('--')
  return (end < 0 ? argv : argv.slice(0, end)).some(arg => arg === '--help' || arg === '-h')
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage())
    return 0
  }
  const cmd = COMMANDS[name]
  if (!cmd) {
    process.stderr.write(`没有这个命令 ${name}（unknown command）\n${usage()}`)
    return 2
  }
  if (asksHelp(rest)) {
    process.stdout.write(`usage: group-guard ${name} ${cmd.args}\n  ${cmd.zh} ${cmd.about}\n`)
    return 0
  }
  if (name !== 'start') endQuietlyOnClosedStdout()
  return cmd.run(rest)
}

/**
 * A command whose output is piped into a reader that stops early (`| head`) ends quietly with 0 when stdout closes
 * (EPIPE), instead of an unhandled stream error. Not for `start`: a bot whose stdout goes away must not exit as if
 * it had finished.
 */
function endQuietlyOnClosedStdout(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e
    process.exit(0)
  })
}

/**
 * Run one command of the command line (`argv` without node and the script) and set `process.exitCode`: the
 * command's code, or 1 with a one-line reason (every problem for a bad config or roster) when it throws.
 */
export function runCli(argv: string[]): Promise<void> {
  return main(argv).then(
    code => {
      process.exitCode = code
    },
    (e: unknown) => {
      if (e instanceof ConfigError || e instanceof RosterError) {
        // Only `start` refuses to start; the other commands (check-config, replay, exports) report the problems.
        const header =
          argv[0] === 'start'
            ? '配置错误，机器人拒绝启动 (config invalid, refusing to start)'
            : '配置有误 (config problems)'
        process.stderr.write(
          `❌ ${header}: ${e instanceof ConfigError ? e.count : e.problems.length} problem(s)\n${e.problems.map(p => `  - ${p}`).join('\n')}\n`,
        )
      } else {
        process.stderr.write(`❌ ${(e as Error)?.message ?? String(e)}\n`)
        if (process.env.LOG_LEVEL === 'debug') process.stderr.write(`${(e as Error)?.stack}\n`)
      }
      process.exitCode = 1
    },
  )
}

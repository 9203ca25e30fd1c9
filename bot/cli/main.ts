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

type Command = { run: (argv: string[]) => Promise<number>; help: string }

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
const runCheck = (argv: string[], out: NodeJS.WritableStream) =>
  import('../../plugins/content/cli/check-command.js').then(m => m.runCheck(argv, out))
const runDictionaryEdit = (argv: string[], out: NodeJS.WritableStream) =>
  import('../../plugins/content/cli/dictionary-command.js').then(m => m.runDictionaryEdit(argv, out))
const referenceOf = () => import('../config/config-reference.js')

/** CLI commands: `npm run cli -- <command>` or the `group-guard` bin. */
const COMMANDS: Record<string, Command> = {
  start: { run: startCommand, help: 'start the bot (sandbox + console when WECHATY_PUPPET is unset)' },
  'check-config': { run: checkConfigCommand, help: 'check-config [FILE]   validate a config file, list every problem' },
  check: {
    run: argv => runCheck(argv, process.stdout),
    help: 'check --dictionary FILE [--dictionary F2] --input FILE.jsonl   run the banned-content matcher over {"id","text"} lines',
  },
  dictionary: {
    run: argv => runDictionaryEdit(argv, process.stdout),
    help: 'dictionary add|remove|allow --dictionary FILE [--dictionary F2] <category> <word>   edit a dictionary file (comments kept)',
  },
  cases: {
    run: casesCommand,
    help: 'cases export --from DATE --to DATE --format md|json|csv [--data DIR] [--out FILE]   export shared sales cases (every account with BOT_DATABASE_URL)',
  },
  archive: {
    run: archiveCommand,
    help: 'archive export --from DATE --to DATE [--group G] [--member M] --format jsonl|csv|md|html [--data DIR]   message archive',
  },
  backup: {
    run: backupCommand,
    help: 'backup FILE [--data DIR]   the whole data folder (state, logs, message archive) into one file, also while the bot runs',
  },
  restore: {
    run: restoreCommand,
    help: 'restore FILE --into DIR   a backup into a new folder; then start with BOT_DATA_DIR=DIR',
  },
  stats: {
    run: statsCommand,
    help: 'stats --from DATE [--to DATE] [--format csv|json] [--by member|group] [--data DIR] [--out FILE]   activity figures (every account with BOT_DATABASE_URL)',
  },
  fleet: {
    run: fleetCommand,
    help: 'fleet status [--json]   accounts, their groups, leases and queue depths (BOT_DATABASE_URL)',
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
    help: 'config-reference [--json]   every config key with its default (Markdown), or the JSON Schema',
  },
  replay: {
    run: replayCommand,
    help: 'replay FILE.jsonl [--config F] [--world F] [--out DIR] [--live]   feed a transcript through the sandbox (dry-run)',
  },
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  const cmd = name ? COMMANDS[name] : undefined
  if (!cmd) {
    const help = !name || name === '--help' || name === '-h' || name === 'help'
    ;(help ? process.stdout : process.stderr).write(
      `usage: group-guard <command>\n${Object.entries(COMMANDS)
        .map(([n, c]) => `  ${n.padEnd(14)} ${c.help}`)
        .join('\n')}\n`,
    )
    return help ? 0 : 2
  }
  return cmd.run(rest)
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
        process.stderr.write(
          `❌ 配置错误，机器人拒绝启动 (config invalid, refusing to start): ${e.problems.length} problem(s)\n${e.problems.map(p => `  - ${p}`).join('\n')}\n`,
        )
      } else {
        process.stderr.write(`❌ ${(e as Error)?.message ?? String(e)}\n`)
        if (process.env.LOG_LEVEL === 'debug') process.stderr.write(`${(e as Error)?.stack}\n`)
      }
      process.exitCode = 1
    },
  )
}

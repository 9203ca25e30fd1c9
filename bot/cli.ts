#!/usr/bin/env node
import { ConfigError } from './config/load-config.js'
import { RosterError } from './roster/load-roster.js'

// Each command loads its modules when it runs: `start` does not pay for the replay, export and reference code.
type Command = { run: (argv: string[]) => Promise<number>; help: string }

/** CLI commands: `npm run cli -- <command>` or the `group-guard` bin. */
const COMMANDS: Record<string, Command> = {
  start: {
    run: async argv => (await import('./cli/start.js')).startCommand(argv),
    help: 'start the bot (sandbox + console when WECHATY_PUPPET is unset)',
  },
  'check-config': {
    run: async argv => (await import('./cli/check-config.js')).checkConfigCommand(argv),
    help: 'check-config [FILE]   validate a config file, list every problem',
  },
  check: {
    run: async argv => (await import('../plugins/content/check-command.js')).runCheck(argv, process.stdout),
    help: 'check --dictionary FILE [--dictionary F2] --input FILE.jsonl   run the banned-content matcher over {"id","text"} lines',
  },
  cases: {
    run: async argv => (await import('./cli/store-commands.js')).casesCommand(argv),
    help: 'cases export --from DATE --to DATE --format md|json|csv [--data DIR] [--out FILE]   export shared sales cases',
  },
  archive: {
    run: async argv => (await import('./cli/archive.js')).archiveCommand(argv),
    help: 'archive export --from DATE --to DATE [--group G] [--member M] --format jsonl|csv|md [--data DIR]   message archive',
  },
  stats: {
    run: async argv => (await import('./cli/store-commands.js')).statsCommand(argv),
    help: 'stats --from DATE [--to DATE] [--format csv|json] [--by member|group] [--data DIR] [--out FILE]   activity figures',
  },
  'config-reference': {
    run: async argv => {
      const [{ PLUGINS }, { configJsonSchema, configReference }] = await Promise.all([
        import('../plugins/index.js'),
        import('./config/config-reference.js'),
      ])
      process.stdout.write(
        argv.includes('--json') ? `${JSON.stringify(configJsonSchema(PLUGINS), null, 2)}\n` : configReference(PLUGINS),
      )
      return 0
    },
    help: 'config-reference [--json]   every config key with its default (Markdown), or the JSON Schema',
  },
  replay: {
    run: async argv => (await import('./cli/replay.js')).replayCommand(argv),
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

main(process.argv.slice(2)).then(
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

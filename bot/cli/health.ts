import { join, resolve } from 'node:path'
import { parseDuration } from '../config/duration.js'
import { readEnv } from '../env.js'
import { HEALTH_EVERY_MS, judgeHealth } from '../process/health-file.js'
import { defineCli, UsageError } from './args.js'

const HEALTH_CLI = defineCli({
  usage: 'usage: health [--data DIR] [--max-age 2m]',
  options: { data: { type: 'string' }, 'max-age': { type: 'string', default: '2m' } },
})

/**
 * `health [--data DIR] [--max-age 2m]`: one line on what the bot of that data folder last wrote about itself
 * (`health.json`), exit 0 when it is alive, logged in, sending and has given up no message, else 1 (for a monitor
 * or a cron job). Default folder: `BOT_DATA_DIR` (its `sandbox` folder when `WECHATY_PUPPET` is unset, as `start`).
 */
export async function healthCommand(argv: string[]): Promise<number> {
  const args = HEALTH_CLI.parse(argv)
  if (args instanceof UsageError) return args.report(process.stderr)
  const maxAge = parseDuration(args.values['max-age'])
  if (maxAge === undefined || maxAge < HEALTH_EVERY_MS)
    return HEALTH_CLI.error(
      `--max-age 应为不短于 30s 的时长，如 2m（the bot writes every 30 s）：${args.values['max-age']}`,
    ).report(process.stderr)
  const env = readEnv()
  const dataDir = args.values.data ? resolve(args.values.data) : env.puppet ? env.dataDir : join(env.dataDir, 'sandbox')
  const verdict = judgeHealth(dataDir, maxAge)
  process.stdout.write(`${verdict.line}\n${verdict.storage ? `${verdict.storage}\n` : ''}`)
  return verdict.ok ? 0 : 1
}

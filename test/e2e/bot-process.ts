import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { PuppetService } from './puppet-service.js'

/** The bot as a separate process, started with `npm start` as a user would. */
export interface BotProcess {
  child: ChildProcess
  /** Everything it printed (stdout + stderr). */
  output(): string
  /** Resolves with the exit code. */
  exited: Promise<number | null>
  /** Wait until the output matches (or fail after `ms`). */
  waitFor(pattern: RegExp, ms?: number): Promise<void>
  /** Kill the whole process group (npm, tsx and node). */
  kill(signal: NodeJS.Signals): void
}

/**
 * Start `npm start` against the puppet service with TLS off, a config file and a data dir; `env` adds or
 * overrides variables (an `undefined` value removes one). HOME is a temp dir, so caches stay out of the user's.
 */
export function startBot(
  service: Pick<PuppetService, 'token' | 'endpoint'>,
  configFile: string,
  dataDir: string,
  env: Record<string, string | undefined> = {},
): BotProcess {
  const vars: Record<string, string | undefined> = {
    ...process.env,
    HOME: join(dataDir, '..', 'home'),
    WECHATY_PUPPET: 'wechaty-puppet-service',
    WECHATY_PUPPET_SERVICE_TOKEN: service.token,
    WECHATY_PUPPET_SERVICE_ENDPOINT: service.endpoint,
    WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'true',
    BOT_CONFIG: configFile,
    BOT_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    ...env,
  }
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete vars[k]
  const child = spawn('npm', ['start', '--silent'], {
    detached: true, // its own process group, so a kill reaches tsx and node too
    env: vars,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let text = ''
  child.stdout!.on('data', d => {
    text += d
  })
  child.stderr!.on('data', d => {
    text += d
  })
  const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)))
  return {
    child,
    exited,
    output: () => text,
    waitFor: (pattern, ms = 60_000) =>
      waitUntil(() => pattern.test(text), ms, `bot output to match ${pattern}:\n${text.slice(-2000)}`),
    kill: signal => {
      try {
        process.kill(-child.pid!, signal)
      } catch {
        /* already gone */
      }
    },
  }
}

/** Poll `check` every 50 ms until it holds, or throw after `ms` with `what`. */
export async function waitUntil(check: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise(r => setTimeout(r, 50))
  }
}

/** Stop the bot (if it still runs) and the puppet service: every e2e file's teardown. */
export async function teardown(bot: BotProcess | undefined, service: PuppetService | undefined): Promise<void> {
  bot?.kill('SIGTERM')
  await bot?.exited
  await service?.stop()
}

/**
 * Run a read-only CLI command (`stats`, `cases export`…) over the bot's data dir for all time and
 * parse its JSON output: what an admin would export after the run.
 */
export function exportJson<T>(command: string[], dataDir: string, configFile: string): T {
  const args = [...command, '--from', '2000-01-01', '--to', '2100-01-01', '--format', 'json', '--data', dataDir]
  const json = execFileSync('npx', ['tsx', 'bot/cli.ts', ...args], {
    env: { ...process.env, BOT_CONFIG: configFile },
    encoding: 'utf8',
  })
  return JSON.parse(json) as T
}

import { shipped } from '../package-root.js'
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createApp, type App } from '../app.js'
import { readEnv } from '../env.js'
import { readConsoleSettings } from '../console/index.js'
import { createLogger, type Logger } from '../runtime/logger.js'
import { createSandbox } from '../sandbox/index.js'
import { populateWorld, readWorld } from '../world/load-world.js'
import { startConsole } from './console.js'

/** `start`: run the bot on the configured puppet, or on the sandbox with a console when none is configured. */
export async function startCommand(argv: string[]): Promise<number> {
  const env = readEnv()
  const log = createLogger(env.logLevel)
  const web = readConsoleSettings()
  if (env.puppet) {
    const app = createApp({ configFile: env.configFile, dataDir: env.dataDir, log, console: web })
    await app.web?.listen()
    const stop = stopOnSignals(app, log)
    // wechaty-puppet-service does not reconnect by itself after the service drops the stream:
    // exit with EX_TEMPFAIL (75) so the supervisor (systemd Restart=on-failure) starts a fresh
    // process, which resumes the persisted outbox, timers and notices and tells the admins.
    app.bot.on('error', e => {
      if (isConnectionLoss(e)) stop('connection lost (连接中断)', 'connection-lost', EXIT_CONNECTION_LOST)
    })
    log.info(`starting with puppet ${env.puppet}, config ${env.configFile}, data ${env.dataDir}`)
    await app.bot.start()
    return await new Promise<number>(() => {}) // runs until a signal or a connection loss
  }
  const worldArg = argv.find(a => a.endsWith('.yaml'))
  const worldFile = worldArg ? resolve(worldArg) : shipped('data/demo/world.yaml')
  const spec = readWorld(worldFile)
  const sandbox = createSandbox()
  populateWorld(sandbox.world, spec)
  // The sandbox world is rebuilt at every start, so its state starts fresh too (a playground, not production).
  const dataDir = join(env.dataDir, 'sandbox')
  rmSync(dataDir, { recursive: true, force: true })
  const app = createApp({ configFile: env.configFile, dataDir, log, puppet: sandbox.puppet, console: web })
  await app.web?.listen()
  process.stdout.write(
    `${[
      '════════════════════════════════════════════════════════════',
      ' 沙盒模式 SANDBOX MODE — 未配置 WECHATY_PUPPET，未连接真实微信',
      ' No WECHATY_PUPPET set: running on the built-in sandbox WeChat.',
      ` 配置 config: ${env.configFile}${env.usingExampleConfig ? '（示例配置 example）' : ''}`,
      ` 演示群 world: ${worldFile}；状态 state: ${dataDir}（每次启动清空 reset at every start）`,
      ' 输入 /help 查看用法；例如  销售部-张三> 大家好',
      '════════════════════════════════════════════════════════════',
    ].join('\n')}\n`,
  )
  stopOnSignals(app, log)
  await app.bot.start()
  sandbox.world.login(spec.bot.id)
  await app.ready
  await startConsole(sandbox.world, app, process.stdin, process.stdout)
  await app.stop()
  return 0
}

/** Exit code when the puppet service connection is lost (EX_TEMPFAIL): the supervisor restarts the bot. */
export const EXIT_CONNECTION_LOST = 75

/** gRPC UNAVAILABLE (14) or CANCELLED (1) from the puppet service: the event stream is gone. */
export function isConnectionLoss(e: unknown): boolean {
  return /^(14 UNAVAILABLE|1 CANCELLED)\b/.test(String((e as Error)?.message ?? e))
}

type Stop = (why: string, reason?: 'stopped' | 'connection-lost' | 'fatal', code?: number) => void

/** Exit code after an uncaught exception (EX_SOFTWARE). */
export const EXIT_FATAL = 70

function stopOnSignals(app: App, log: Logger): Stop {
  let stopping = false
  const stop: Stop = (why, reason = 'stopped', code = 0) => {
    if (stopping) return
    stopping = true
    log[code ? 'error' : 'info'](`${why}: flushing state and stopping${code ? ` (exit ${code})` : ''}`)
    app.stop(reason).then(
      () => process.exit(code),
      e => {
        log.error('stop failed', e)
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.on('uncaughtException', e => stop(`fatal: ${e.message}`, 'fatal', EXIT_FATAL))
  process.on('unhandledRejection', e => log.error('unhandled rejection', e))
  return stop
}

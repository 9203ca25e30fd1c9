import { join, resolve } from 'node:path'
import { createApp, type App } from '../app.js'
import { readEnv } from '../env.js'
import { createLogger, type Logger } from '../runtime/logger.js'
import { createSandbox } from '../sandbox/index.js'
import { populateWorld, readWorld } from '../world/load-world.js'
import { startConsole } from './console.js'

/** `start`: run the bot on the configured puppet, or on the sandbox with a console when none is configured. */
export async function startCommand(argv: string[]): Promise<number> {
  const env = readEnv()
  const log = createLogger(env.logLevel)
  if (env.puppet) {
    const app = createApp({ configFile: env.configFile, dataDir: env.dataDir, log })
    stopOnSignals(app, log)
    log.info(`starting with puppet ${env.puppet}, config ${env.configFile}, data ${env.dataDir}`)
    await app.bot.start()
    return await new Promise<number>(() => {}) // runs until a signal
  }
  const worldFile = resolve(argv.find(a => a.endsWith('.yaml')) ?? 'data/demo/world.yaml')
  const spec = readWorld(worldFile)
  const sandbox = createSandbox()
  populateWorld(sandbox.world, spec)
  const app = createApp({ configFile: env.configFile, dataDir: join(env.dataDir, 'sandbox'), log, puppet: sandbox.puppet })
  process.stdout.write([
    '════════════════════════════════════════════════════════════',
    ' 沙盒模式 SANDBOX MODE — 未配置 WECHATY_PUPPET，未连接真实微信',
    ' No WECHATY_PUPPET set: running on the built-in sandbox WeChat.',
    ` 配置 config: ${env.configFile}${env.usingExampleConfig ? '（示例配置 example）' : ''}`,
    ` 演示群 world: ${worldFile}`,
    ' 输入 /help 查看用法；例如  销售部-张三> 大家好',
    '════════════════════════════════════════════════════════════',
  ].join('\n') + '\n')
  stopOnSignals(app, log)
  await app.bot.start()
  sandbox.world.login(spec.bot.id)
  await app.ready
  await startConsole(sandbox.world, app, process.stdin, process.stdout)
  await app.stop()
  return 0
}

function stopOnSignals(app: App, log: Logger): void {
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    log.info(`${signal}: flushing state and stopping`)
    app.stop().then(() => process.exit(0), e => { log.error('stop failed', e); process.exit(1) })
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

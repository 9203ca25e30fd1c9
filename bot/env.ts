import { shipped } from './package-root.js'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { logLevelFromEnv, type LogLevel } from './runtime/logger.js'

/** Settings that come only from the environment (secrets and the puppet never live in the config file). */
export interface BotEnv {
  /** `undefined` means the built-in sandbox. */
  puppet?: string
  configFile: string
  /** True when no config file was given or found and the shipped example is used. */
  usingExampleConfig: boolean
  dataDir: string
  logLevel: LogLevel
}

/** The shipped, commented example config (also what the sandbox and demo run on). */
export const EXAMPLE_CONFIG = shipped('data/bot.config.example.yaml')

/** Read the environment. In sandbox mode a missing `bot.config.yaml` falls back to the example config. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): BotEnv {
  const puppet = env.WECHATY_PUPPET?.trim() || undefined
  const explicit = env.BOT_CONFIG?.trim()
  const fallback = !explicit && !puppet && !existsSync('bot.config.yaml')
  return {
    puppet,
    configFile: resolve(explicit || (fallback ? EXAMPLE_CONFIG : 'bot.config.yaml')),
    usingExampleConfig: fallback,
    dataDir: resolve(env.BOT_DATA_DIR?.trim() || 'data/state'),
    logLevel: logLevelFromEnv(env.LOG_LEVEL),
  }
}

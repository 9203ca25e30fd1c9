import { shipped } from './package-root.js'
import { existsSync, fstatSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { isatty } from 'node:tty'
import { parseEnv } from 'node:util'
import { resolve } from 'node:path'
import { parseDuration } from './config/duration.js'
import type { FileRole } from './config/user-file.js'
import { type ConnectionBounds, DEFAULT_BOUNDS } from './process/connection-supervisor.js'
import { type LogFormat, type LogLevel, logFormatFromEnv, logLevelFromEnv } from './process/logger.js'

/** Settings that come only from the environment (secrets and the puppet never live in the config file). */
export interface BotEnv {
  /** `undefined` means the built-in sandbox. */
  puppet?: string
  configFile: string
  /** True when the sandbox runs on the shipped example config (no `BOT_CONFIG`). */
  usingExampleConfig: boolean
  /** Where `configFile` was named when `BOT_CONFIG` named it (`.env` or the environment), for messages about it. */
  configOrigin?: string
  dataDir: string
  logLevel: LogLevel
  logFormat: LogFormat
  /** Values never to be printed (tokens, passwords), for the logger's redaction. */
  secrets: string[]
  /** How long to wait for the puppet before exit 75. */
  bounds: ConnectionBounds
}

/** The shipped, commented example config (also what the sandbox and demo run on). */
export const EXAMPLE_CONFIG = shipped('data/bot.config.example.yaml')

/** The data folder (`BOT_DATA_DIR` or a command's `--data DIR`), for messages about it. */
export const DATA_FOLDER: FileRole = {
  zh: '数据文件夹',
  en: 'data folder',
  hint: '请设置 BOT_DATA_DIR 或 --data DIR set BOT_DATA_DIR or --data DIR',
}

/** Environment variables whose values are secrets. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY/i

/**
 * The password of a variable holding a URL with one (`postgres://bot:pw@db/guard`, as `BOT_DATABASE_URL`), as
 * written and decoded: a secret whatever the variable's name.
 */
function urlPasswords(value: string | undefined): string[] {
  // The user part runs to the last @ before the host's path, as URL parsers (and pg) read it: a password may hold an
  // unescaped @ (postgres://bot:Abc@123@db/guard is the password Abc@123).
  const authority = value?.trim().match(/^[a-z][a-z0-9+.-]*:\/\/([^/\s]*)@/i)?.[1]
  const colon = authority?.indexOf(':') ?? -1
  const written = colon >= 0 ? authority?.slice(colon + 1) : undefined
  if (!written) return []
  let decoded = written
  try {
    decoded = decodeURIComponent(written)
  } catch {}
  return [...new Set([written, decoded])]
}

/** Environment variables holding the connection bounds (a duration with its unit, as in the config: `90s`, `5m`). */
export const BOUND_VARS: Record<keyof ConnectionBounds, string> = {
  startupMs: 'BOT_STARTUP_TIMEOUT',
  reloginMs: 'BOT_RELOGIN_TIMEOUT',
  stallMs: 'BOT_STALL_TIMEOUT',
}

/** A `.env` file `loadDotEnv` loaded: its absolute path and the values it defines. */
export interface DotEnvFile {
  file: string
  values: NodeJS.Dict<string>
}

/** Load `./.env` into `process.env` when it exists; variables already set are never overridden. */
export function loadDotEnv(file = '.env'): DotEnvFile | undefined {
  if (!existsSync(file)) return undefined
  process.loadEnvFile(file)
  return { file: resolve(file), values: parseEnv(readFileSync(file, 'utf8')) }
}

/** Where `BOT_CONFIG` was set, for a message about the file it names: the `.env` that defines this value, or the environment. */
function configOrigin(value: string, dotEnv: DotEnvFile | undefined): string {
  const file = dotEnv?.values.BOT_CONFIG?.trim() === value ? dotEnv.file : undefined
  return file
    ? `路径来自 ${file} 里的 BOT_CONFIG=${value} (the path comes from BOT_CONFIG in ${file})`
    : `路径来自环境变量 BOT_CONFIG=${value} (the path comes from the BOT_CONFIG environment variable)`
}

/**
 * Read the environment (after loading `.env`). The sandbox (no `WECHATY_PUPPET`) runs on `BOT_CONFIG` when set,
 * else on the shipped example config; a real puppet runs on `BOT_CONFIG`, else `./bot.config.yaml`.
 * Throws on an invalid bound. Without `env`, reads `process.env` after loading `./.env` (`dotEnv`).
 */
export function readEnv(vars?: NodeJS.ProcessEnv, dotEnv = vars ? undefined : loadDotEnv()): BotEnv {
  const env = vars ?? process.env
  const puppet = env.WECHATY_PUPPET?.trim() || undefined
  const explicit = env.BOT_CONFIG?.trim()
  const example = !explicit && !puppet
  return {
    puppet,
    configFile: explicit ? resolve(explicit) : example ? EXAMPLE_CONFIG : resolve('bot.config.yaml'),
    usingExampleConfig: example,
    ...(explicit ? { configOrigin: configOrigin(explicit, dotEnv) } : {}),
    dataDir: resolve(env.BOT_DATA_DIR?.trim() || 'data/state'),
    logLevel: logLevelFromEnv(env.LOG_LEVEL),
    logFormat: logFormatFromEnv(env.LOG_FORMAT),
    secrets: [
      ...Object.entries(env)
        .filter(([k, v]) => SECRET_NAME.test(k) && v && v.trim().length >= 4)
        .map(([, v]) => v!.trim()),
      ...Object.values(env).flatMap(urlPasswords),
    ],
    bounds: readBounds(env),
  }
}

/**
 * `./bot.config.yaml` when it exists but the sandbox runs on the example config instead (no `BOT_CONFIG`, no
 * puppet): worth a line wherever the config in use is named, since a copy there looks like the one in use.
 */
export function unusedLocalConfig(env: BotEnv): string | undefined {
  const local = resolve('bot.config.yaml')
  return env.usingExampleConfig && existsSync(local) ? local : undefined
}

/**
 * What the configured puppet needs and does not have, or undefined. Such a start can only fail (Wechaty prints
 * an error, or wechaty-puppet-service one line, and waits for ever): a person must fix it, so the bot refuses to
 * start (exit 1) instead of waiting for the start-up bound and exiting to be restarted. Checked: the puppet's
 * package can be found, wechaty-puppet-service has a token, and that token has the SNI prefix it requires.
 */
export function puppetSettingsProblem(env: BotEnv, vars: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!env.puppet) return undefined
  if (!installed(env.puppet))
    return `WECHATY_PUPPET=${env.puppet}：找不到这个包（未安装或名称拼错）：请运行 npm install ${env.puppet}，或改正 WECHATY_PUPPET，机器人拒绝启动 (package "${env.puppet}" not found: install it with npm install ${env.puppet}, or fix the name in WECHATY_PUPPET: refusing to start)`
  if (env.puppet !== 'wechaty-puppet-service') return undefined
  const token = vars.WECHATY_PUPPET_SERVICE_TOKEN
  if (!token?.trim())
    return 'WECHATY_PUPPET=wechaty-puppet-service 需要 WECHATY_PUPPET_SERVICE_TOKEN：请在环境变量或 .env 中设置；想先用沙盒试用，就让 WECHATY_PUPPET 留空（或注释掉），机器人拒绝启动 (wechaty-puppet-service needs WECHATY_PUPPET_SERVICE_TOKEN in the environment or .env; leave WECHATY_PUPPET empty to use the sandbox: refusing to start)'
  // As wechaty-puppet-service (wechaty-token) reads it: the SNI is what comes before the token's last `_`,
  // unless WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME names the server (even without TLS, it throws otherwise).
  if (token.lastIndexOf('_') <= 0 && !vars.WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME)
    return 'WECHATY_PUPPET_SERVICE_TOKEN 缺少 SNI 前缀（格式为 <SNI>_<UUID>，如 puppet_paimon_… 或 insecure_…）：请填写服务商给出的完整 token，或设置 WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME，机器人拒绝启动 (WECHATY_PUPPET_SERVICE_TOKEN has no SNI prefix, expected <sni>_<uuid> such as puppet_paimon_… or insecure_…: use the whole token your provider gave, or set WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME: refusing to start)'
  return undefined
}

/**
 * Why the sandbox cannot run on this standard input, if so: it reads its console there, and a stdin of /dev/null
 * (a systemd unit, whose `EnvironmentFile=-…/.env` may be missing, so no WECHATY_PUPPET) would end it at once with
 * exit 0, which systemd does not restart. Piped input (a script, the tests) and a terminal are fine.
 */
export function sandboxInputProblem(fd = 0): string | undefined {
  let nullDevice: boolean
  try {
    nullDevice = fstatSync(fd).isCharacterDevice() && !isatty(fd)
  } catch {
    return undefined
  }
  if (!nullDevice) return undefined
  return '未设置 WECHATY_PUPPET，而沙盒需要终端输入（标准输入是 /dev/null，例如作为 systemd 服务运行时）：请检查服务读取的 .env（EnvironmentFile=）中的 WECHATY_PUPPET，机器人拒绝启动 (no WECHATY_PUPPET, and the sandbox needs a terminal or piped input but stdin is /dev/null, as under systemd: check WECHATY_PUPPET in the .env your unit reads: refusing to start)'
}

/** Whether a package (or a file path) can be found from the bot's own folder, as Wechaty will import it. */
function installed(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name)
    return true
  } catch (e) {
    // An ES-module-only package has no entry for require: it is installed all the same.
    return (e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND'
  }
}

function readBounds(env: NodeJS.ProcessEnv): ConnectionBounds {
  const out = { ...DEFAULT_BOUNDS }
  for (const [key, name] of Object.entries(BOUND_VARS) as [keyof ConnectionBounds, string][]) {
    const text = env[name]?.trim()
    if (!text) continue
    // As in the config: a bare number has no unit (seconds? minutes?), so it is refused with the fix.
    if (/^\d+(\.\d+)?$/.test(text))
      throw new Error(
        `${name}="${text}"：请写单位，例如 ${text}s（秒）或 ${text}m（分钟）(a bare number has no unit: write e.g. "${text}s" or "${text}m")`,
      )
    const ms = parseDuration(text)
    if (ms === undefined || ms <= 0)
      throw new Error(
        `${name}="${text}"：应为时长，如 90s、5m、1h30m、2分钟 (expected a duration such as "90s" or "5m")`,
      )
    out[key] = ms
  }
  return out
}

import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import type { CommandSpec } from '../core/plugin.js'
import type { Logger } from '../process/logger.js'
import { CONSOLE_ROLES } from './access.js'
import { ConsoleAuth } from './auth.js'
import { createConsoleApp } from './server.js'
import type { ConsoleSource } from './source.js'

/** Where the console listens and how sign-in links look; from `BOT_CONSOLE_*` environment variables. */
export interface ConsoleSettings {
  host: string
  port: number
  /** Base of the links the bot sends (`BOT_CONSOLE_URL`, e.g. the reverse proxy's https address). */
  publicUrl: string
  /** `BOT_CONSOLE_TOKEN`: headless sign-in; at least 24 characters, of at least 12 kinds. */
  token?: string
}

/** Thrown at start when a `BOT_CONSOLE_*` variable is malformed. */
export class ConsoleSettingsError extends Error {}

/**
 * Read the console settings: `BOT_CONSOLE_LISTEN` (`127.0.0.1:8080`, or only a port, which binds
 * 127.0.0.1) turns it on; unset means no console. Throws `ConsoleSettingsError` on bad values.
 */
export function readConsoleSettings(env: NodeJS.ProcessEnv = process.env): ConsoleSettings | undefined {
  const listen = env.BOT_CONSOLE_LISTEN?.trim()
  if (!listen) return undefined
  const m = /^(?:(\[[0-9a-fA-F:]+\]|[\w.-]+):)?(\d{1,5})$/.exec(listen)
  const port = Number(m?.[2])
  if (!m || port < 1 || port > 65535)
    throw new ConsoleSettingsError(
      `BOT_CONSOLE_LISTEN 应为端口（如 8080）或 地址:端口（如 127.0.0.1:8080），填的是 "${listen}"（must be host:port or a port）`,
    )
  const host = (m[1] ?? '127.0.0.1').replace(/^\[|\]$/g, '')
  const token = env.BOT_CONSOLE_TOKEN?.trim() || undefined
  if (token && token.length < 24)
    throw new ConsoleSettingsError(
      `BOT_CONSOLE_TOKEN 太短：至少 24 个字符，现在 ${token.length} 个（must be at least 24 characters）`,
    )
  // The right token always signs in (failures are only throttled): one of few characters would be guessable.
  const kinds = new Set(token ?? '').size
  if (token && kinds < 12)
    throw new ConsoleSettingsError(
      `BOT_CONSOLE_TOKEN 太容易猜：只用了 ${kinds} 种字符，请换成随机生成的令牌，如 openssl rand -base64 32 的输出（must use at least 12 distinct characters）`,
    )
  const shown = host.includes(':') ? `[${host}]` : host
  const publicUrl = (env.BOT_CONSOLE_URL?.trim() || `http://${shown}:${port}`).replace(/\/+$/, '')
  if (!/^https?:\/\//.test(publicUrl))
    throw new ConsoleSettingsError(
      'BOT_CONSOLE_URL 应以 http:// 或 https:// 开头，如 https://bot.example.com（must start with http:// or https://）',
    )
  return { host, port, publicUrl, token }
}

/**
 * The admin web console: the `#后台` command that sends a sign-in link, and
 * the HTTP server. Build it before the runtime (its command is registered with
 * the runtime's), `attach` the runtime's source, then `listen`.
 */
export class WebConsole {
  readonly auth: ConsoleAuth
  private source?: ConsoleSource
  private server?: ServerType

  constructor(
    readonly settings: ConsoleSettings,
    private log: Logger,
    now: () => number,
  ) {
    this.auth = new ConsoleAuth({
      now,
      token: settings.token,
      onThrottle: what => log.warn(`console: sign-in throttled for ${what}`),
    })
  }

  /**
   * `#后台` (alias `#控制台`; private; admins, leaders, trainers and auditors, each for the pages of their job): a single-use sign-in link,
   * valid 10 minutes. The answer is marked sensitive, so the audit log records it without the link.
   */
  get commands(): CommandSpec[] {
    return [
      {
        name: '后台',
        aliases: ['控制台', 'console'],
        role: CONSOLE_ROLES,
        where: 'private',
        usage: '#后台',
        description: '获取网页后台的一次性登录链接（10 分钟内有效）',
        run: inv => {
          const code = this.auth.issueCode({ id: inv.event.sender.id, name: inv.event.sender.name })
          return [{ ...inv.reply(signInText(this.settings.publicUrl, code), 'command.console'), sensitive: true }]
        },
      },
    ]
  }

  /** Give the console the data it shows and changes (the runtime's, or another implementation). */
  attach(source: ConsoleSource): void {
    this.source = source
  }

  /** Start listening; rejects when the address is taken. Resolves with the bound address. */
  async listen(): Promise<AddressInfo> {
    if (!this.source) throw new Error('console: attach a source before listen')
    const app = createConsoleApp({
      source: this.source,
      auth: this.auth,
      log: this.log,
      secureCookies: this.settings.publicUrl.startsWith('https://'),
    })
    const { host, port } = this.settings
    return await new Promise<AddressInfo>((resolve, reject) => {
      const server = serve({ fetch: app.fetch, hostname: host, port }, info => {
        if (!['127.0.0.1', '::1', 'localhost'].includes(host))
          this.log.warn(`console listens on ${host}: put it behind a TLS reverse proxy (see docs/console.md)`)
        this.log.info(`console: ${this.settings.publicUrl} (listening on ${info.address}:${info.port})`)
        resolve(info)
      })
      server.once('error', reject)
      this.server = server
    })
  }

  /** Stop listening. */
  async close(): Promise<void> {
    const server = this.server
    this.server = undefined
    if (!server) return
    const closed = new Promise<void>(resolve => server.close(() => resolve()))
    ;(server as { closeAllConnections?: () => void }).closeAllConnections?.()
    await closed
  }
}

/** The private answer to `#后台`: the link first explained, so log lines that show a message's start never show it. */
export function signInText(publicUrl: string, code: string): string {
  return `网页后台登录链接（10 分钟内有效，只能使用一次，请勿转发）：\n${publicUrl}/login?code=${code}\n打开后点「确认登录」。`
}

export { ConsoleAuth } from './auth.js'
export { createConsoleApp } from './server.js'
export { runtimeSource, type ConsoleSource } from './source.js'

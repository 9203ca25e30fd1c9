import type { AddressInfo } from 'node:net'
import { networkInterfaces } from 'node:os'
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

/** Thrown at start when a `BOT_CONSOLE_*` variable is malformed, or the console cannot listen where it says. */
export class ConsoleSettingsError extends Error {}

/** Hosts that mean every address of the machine: no one can open a link to them from elsewhere. */
const WILDCARDS = new Set(['0.0.0.0', '::', '0:0:0:0:0:0:0:0'])

/** This machine's IPv4 addresses on its networks (not loopback): what to suggest for `BOT_CONSOLE_URL`. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap(a => (a && a.family === 'IPv4' && !a.internal ? [a.address] : []))
}

/**
 * Read the console settings: `BOT_CONSOLE_LISTEN` (`127.0.0.1:8080`, or only a port, which binds
 * 127.0.0.1) turns it on; unset means no console. Throws `ConsoleSettingsError` on bad values, and when it
 * listens on every address (`0.0.0.0`, `::`) without `BOT_CONSOLE_URL`: a link to `http://0.0.0.0:…` opens
 * nowhere else, so the operator is told to set it (with this machine's addresses, `lan`, as examples).
 */
export function readConsoleSettings(
  env: NodeJS.ProcessEnv = process.env,
  lan: () => string[] = lanAddresses,
): ConsoleSettings | undefined {
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
  if (WILDCARDS.has(host) && !env.BOT_CONSOLE_URL?.trim()) {
    const ips = lan()
    const example = `http://${ips[0] ?? '192.168.1.20'}:${port}`
    throw new ConsoleSettingsError(
      `BOT_CONSOLE_LISTEN=${listen} 监听本机所有地址，但登录链接不能写 ${host}（别的电脑打不开）：请同时设置 BOT_CONSOLE_URL 为同事能打开的地址，如 BOT_CONSOLE_URL=${example}` +
        `${ips.length ? `（本机局域网地址：${ips.join('、')}）` : ''}，见 docs/console.md 的 On the office LAN 一节 (set BOT_CONSOLE_URL when listening on every address)`,
    )
  }
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
      server.once('error', e => reject(listenError(e as NodeJS.ErrnoException, host, port)))
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

/**
 * Why the console could not listen, in Chinese with the variable to change (as the other start failures), the
 * system's words kept at the end for a search: a port in use, an address this machine lacks, a port needing root.
 */
export function listenError(e: NodeJS.ErrnoException, host: string, port: number): Error {
  const what = `网页后台无法在 ${host.includes(':') ? `[${host}]` : host}:${port} 监听`
  const why =
    e.code === 'EADDRINUSE'
      ? `端口 ${port} 已被其他程序占用：请把 BOT_CONSOLE_LISTEN 改为空闲的端口（如 ${port === 8080 ? 8081 : 8080}），或先停止占用它的程序`
      : e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN'
        ? `本机没有地址 ${host}：请把 BOT_CONSOLE_LISTEN 改为本机的地址（如 127.0.0.1:${port}，或只写端口 ${port}）`
        : e.code === 'EACCES'
          ? `没有权限使用端口 ${port}（1024 以下的端口需要管理员权限）：请把 BOT_CONSOLE_LISTEN 改为 1024 以上的端口`
          : '请检查 BOT_CONSOLE_LISTEN'
  return new ConsoleSettingsError(`${what}：${why} (${e.message})`)
}

/** The private answer to `#后台`: the link first explained, so log lines that show a message's start never show it. */
export function signInText(publicUrl: string, code: string): string {
  return `网页后台登录链接（10 分钟内有效，只能使用一次，请勿转发）：\n${publicUrl}/login?code=${code}\n打开后点「确认登录」。`
}

export { ConsoleAuth } from './auth.js'
export { createConsoleApp } from './server.js'
export { runtimeSource, type ConsoleSource } from './source.js'

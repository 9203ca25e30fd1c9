import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { TOKEN_ACTOR, type Actor } from './source.js'

/** A signed-in browser: who, its CSRF token and when it expires. */
export interface Session {
  id: string
  actor: Actor
  csrf: string
  expires: number
  /** A one-time notice shown on the next page (result of a change). */
  flash?: string
}

/**
 * Limits of sign-in; defaults: codes live 10 minutes, sessions 12 hours; failed attempts are throttled after 10 per
 * address, or 200 from all addresses, within 10 minutes.
 */
export interface AuthOptions {
  now: () => number
  /** `BOT_CONSOLE_TOKEN`: headless sign-in without WeChat. */
  token?: string
  codeTtlMs?: number
  sessionTtlMs?: number
  maxFailures?: number
  maxGlobalFailures?: number
  /** Told once per window when an address, or all addresses together, start being throttled (for the log). */
  onThrottle?: (what: string) => void
}

/** Why a sign-in was refused: a wrong code, or a wrong code while failures are throttled. */
export type Refusal = 'invalid' | 'locked'

/** Letters and digits of a sign-in code, without look-alikes (0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
/** Characters of a sign-in code: 16 × log2(31) ≈ 79 bits. */
export const CODE_LENGTH = 16
const WINDOW_MS = 10 * 60_000
const MINUTE_MS = 60_000
/**
 * Clients with failures kept before the stale ones (none within the window) are swept, then the oldest: many addresses,
 * bounded memory.
 */
const MAX_CLIENTS = 1000

/**
 * Sign-in for the console: single-use codes the bot sends an admin in WeChat,
 * an optional token from the environment, and server-side sessions kept in
 * memory (a restart signs everyone out). Codes are stored hashed.
 *
 * A valid, unexpired, unused code (or the token) always signs in: the codes' entropy (about 79 bits, 10 minutes,
 * single use) is what makes them unguessable, so a flood of wrong codes from one address, or from the reverse
 * proxy everyone shares, never locks a manager out. Only failed attempts are throttled (answered `locked`, counted
 * per address and in total) and reported through `onThrottle`.
 */
export class ConsoleAuth {
  private codes = new Map<string, { actor: Actor; expires: number }>()
  private sessions = new Map<string, Session>()
  private failures = new Map<string, number[]>()
  /** Failures from every address, by the minute they fell in. */
  private globalFailures = new Map<number, number>()
  private globalWarnedAt = -Infinity
  private codeTtl: number
  private sessionTtl: number
  private maxFailures: number
  private maxGlobalFailures: number

  constructor(private opts: AuthOptions) {
    this.codeTtl = opts.codeTtlMs ?? 10 * 60_000
    this.sessionTtl = opts.sessionTtlMs ?? 12 * 3_600_000
    this.maxFailures = opts.maxFailures ?? 10
    this.maxGlobalFailures = opts.maxGlobalFailures ?? 200
  }

  /** A new single-use code for `actor` (earlier unused codes of the same person stop working). */
  issueCode(actor: Actor): string {
    for (const [h, c] of this.codes) if (c.actor.id === actor.id) this.codes.delete(h)
    const code = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
    this.codes.set(digest(code), { actor, expires: this.opts.now() + this.codeTtl })
    return code
  }

  /**
   * Exchange a code for a session; the code is consumed. A valid code always works; `client` keys the throttle of
   * failed attempts.
   */
  redeem(code: string, client: string): Session | Refusal {
    const key = digest(code.trim().toUpperCase())
    const found = this.codes.get(key)
    this.codes.delete(key)
    if (!found || found.expires <= this.opts.now()) return this.fail(client)
    return this.open(found.actor)
  }

  /** Exchange the environment token for a session; the right token always works, failures are throttled. */
  tokenLogin(token: string, client: string): Session | Refusal {
    const expected = this.opts.token
    if (!expected || !timingSafeEqual(createHash('sha256').update(token).digest(), hashBytes(expected)))
      return this.fail(client)
    return this.open(TOKEN_ACTOR)
  }

  /** The live session with this id, if any. */
  session(id: string | undefined): Session | undefined {
    const s = id ? this.sessions.get(id) : undefined
    if (s && s.expires <= this.opts.now()) {
      this.sessions.delete(s.id)
      return undefined
    }
    return s
  }

  /** End a session. */
  logout(id: string): void {
    this.sessions.delete(id)
  }

  /** Whether token sign-in is configured. */
  get hasToken(): boolean {
    return Boolean(this.opts.token)
  }

  /** Session lifetime in seconds (cookie Max-Age). */
  get sessionSeconds(): number {
    return Math.floor(this.sessionTtl / 1000)
  }

  private open(actor: Actor): Session {
    const s = { id: token(), actor, csrf: token(), expires: this.opts.now() + this.sessionTtl }
    this.sessions.set(s.id, s)
    return s
  }

  /** The client's failures within the window; a client with none is forgotten (the map holds only recent ones). */
  private recent(client: string): number[] {
    const since = this.opts.now() - WINDOW_MS
    const list = (this.failures.get(client) ?? []).filter(t => t > since)
    if (list.length) this.failures.set(client, list)
    else this.failures.delete(client)
    return list
  }

  /** Failures from every address within the window (older minutes are forgotten). */
  private globalRecent(): number {
    const since = Math.floor((this.opts.now() - WINDOW_MS) / MINUTE_MS)
    let n = 0
    for (const [minute, count] of this.globalFailures)
      if (minute <= since) this.globalFailures.delete(minute)
      else n += count
    return n
  }

  /** Count a failed attempt: `locked` once the address, or all addresses together, passed their limit. */
  private fail(client: string): Refusal {
    const now = this.opts.now()
    const minute = Math.floor(now / MINUTE_MS)
    this.globalFailures.set(minute, (this.globalFailures.get(minute) ?? 0) + 1)
    const total = this.globalRecent()
    const before = this.count(client)
    if (before === this.maxFailures)
      this.opts.onThrottle?.(
        `${client}: more than ${this.maxFailures} failed sign-ins within 10 minutes; its failures are answered 429 (valid codes still sign in)`,
      )
    const global = total > this.maxGlobalFailures
    if (global && now - this.globalWarnedAt >= WINDOW_MS) {
      this.globalWarnedAt = now
      this.opts.onThrottle?.(
        `all addresses: more than ${this.maxGlobalFailures} failed sign-ins within 10 minutes; failures are answered 429 (valid codes still sign in)`,
      )
    }
    return before >= this.maxFailures || global ? 'locked' : 'invalid'
  }

  /**
   * Record a failure of `client`; its failures within the window before this one (only the last `maxFailures + 1`
   * are kept: a flood from one address holds a few numbers).
   */
  private count(client: string): number {
    if (this.failures.size >= MAX_CLIENTS) {
      for (const c of [...this.failures.keys()]) this.recent(c)
      // Still full (failures from that many addresses within the window): the oldest entries go, down to half, so
      // memory stays bounded and the sweep runs once per MAX_CLIENTS / 2 failures, not at each.
      for (const c of this.failures.keys()) {
        if (this.failures.size <= MAX_CLIENTS / 2) break
        this.failures.delete(c)
      }
    }
    const before = this.recent(client)
    this.failures.set(client, [...before, this.opts.now()].slice(-(this.maxFailures + 1)))
    return before.length
  }
}

function token(): string {
  return randomBytes(32).toString('base64url')
}

function digest(s: string): string {
  return createHash('sha256').update(s).digest('hex')
}

function hashBytes(s: string): Buffer {
  return createHash('sha256').update(s).digest()
}

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

/** Limits of sign-in; defaults: codes live 10 minutes, sessions 12 hours, 10 failed attempts per 10 minutes. */
export interface AuthOptions {
  now: () => number
  /** `BOT_CONSOLE_TOKEN`: headless sign-in without WeChat. */
  token?: string
  codeTtlMs?: number
  sessionTtlMs?: number
  maxFailures?: number
}

/** Why a sign-in was refused. */
export type Refusal = 'invalid' | 'locked'

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const WINDOW_MS = 10 * 60_000
/**
 * Clients with failures kept before the stale ones (none within the window) are swept, then the oldest: many addresses,
 * bounded memory.
 */
const MAX_CLIENTS = 1000

/**
 * Sign-in for the console: single-use codes the bot sends an admin in WeChat,
 * an optional token from the environment, and server-side sessions kept in
 * memory (a restart signs everyone out). Codes are stored hashed.
 */
export class ConsoleAuth {
  private codes = new Map<string, { actor: Actor; expires: number }>()
  private sessions = new Map<string, Session>()
  private failures = new Map<string, number[]>()
  private codeTtl: number
  private sessionTtl: number
  private maxFailures: number

  constructor(private opts: AuthOptions) {
    this.codeTtl = opts.codeTtlMs ?? 10 * 60_000
    this.sessionTtl = opts.sessionTtlMs ?? 12 * 3_600_000
    this.maxFailures = opts.maxFailures ?? 10
  }

  /** A new single-use code for `actor` (earlier unused codes of the same person stop working). */
  issueCode(actor: Actor): string {
    for (const [h, c] of this.codes) if (c.actor.id === actor.id) this.codes.delete(h)
    const code = Array.from({ length: 16 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
    this.codes.set(digest(code), { actor, expires: this.opts.now() + this.codeTtl })
    return code
  }

  /** Exchange a code for a session; the code is consumed. `client` keys the attempt limit. */
  redeem(code: string, client: string): Session | Refusal {
    if (this.locked(client)) return 'locked'
    const key = digest(code.trim().toUpperCase())
    const found = this.codes.get(key)
    this.codes.delete(key)
    if (!found || found.expires <= this.opts.now()) return this.fail(client)
    return this.open(found.actor)
  }

  /** Exchange the environment token for a session. */
  tokenLogin(token: string, client: string): Session | Refusal {
    if (this.locked(client)) return 'locked'
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

  private locked(client: string): boolean {
    return this.recent(client).length >= this.maxFailures
  }

  private fail(client: string): Refusal {
    if (this.failures.size >= MAX_CLIENTS) {
      for (const c of [...this.failures.keys()]) this.recent(c)
      // Still full (failures from that many addresses within the window): the oldest entries go, down to half, so
      // memory stays bounded and the sweep runs once per MAX_CLIENTS / 2 failures, not at each.
      for (const c of this.failures.keys()) {
        if (this.failures.size <= MAX_CLIENTS / 2) break
        this.failures.delete(c)
      }
    }
    this.failures.set(client, [...this.recent(client), this.opts.now()])
    return 'invalid'
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

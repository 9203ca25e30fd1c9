/** How long the bot waits for the puppet before giving up with exit 75 (all in milliseconds). */
export interface ConnectionBounds {
  /** From start to the first login (a QR scan included). */
  startupMs: number
  /** From a logout, a watchdog reset or a lost stream to the next login. */
  reloginMs: number
  /** Longest silence (no event, no heartbeat) while logged in before the stream counts as stalled. */
  stallMs: number
}

/** Defaults: 5 min to log in at start (time to scan a QR code), 2 min to log in again, 2 min of silence. */
export const DEFAULT_BOUNDS: ConnectionBounds = { startupMs: 300_000, reloginMs: 120_000, stallMs: 120_000 }

/** Exit code for connection problems (EX_TEMPFAIL): the supervisor (systemd) starts a fresh process. */
export const EXIT_TEMPFAIL = 75

/** Why a start that never logged in stopped, Chinese first for the operator (the detail follows in brackets). */
export const NEVER_CONNECTED = '无法连接 puppet 服务，从未登录 could not connect to the puppet service, never logged in'

/** Why a start stopped when the service refused the token, Chinese first for the operator. */
export const TOKEN_REFUSED =
  'puppet 服务拒绝了 token，请检查 WECHATY_PUPPET_SERVICE_TOKEN the puppet service refused the token'

/** What the supervisor asks the app to do. */
export type SupervisorAction =
  | { type: 'pause'; reason: string }
  | { type: 'resume' }
  | { type: 'reconnect'; reason: string }
  | { type: 'exit'; code: number; reason: string }

type Phase =
  | { kind: 'starting'; deadline: number }
  | { kind: 'online'; lastActivity: number }
  | { kind: 'offline'; since: number; deadline: number; why: string }
  | { kind: 'exited' }

/**
 * The connection's state machine, driven by puppet signals and a clock (no timers inside): logged in, waiting
 * for a re-login, or giving up. `tick(now)` must be called periodically; every method returns what to do.
 */
export class ConnectionSupervisor {
  private phase: Phase

  constructor(
    private readonly bounds: ConnectionBounds,
    now: number,
  ) {
    this.phase = { kind: 'starting', deadline: now + bounds.startupMs }
  }

  /** `starting`, `online`, `offline` or `exited`. */
  get state(): Phase['kind'] {
    return this.phase.kind
  }

  /** Any sign of life from the puppet: an event or a heartbeat. */
  activity(now: number): SupervisorAction[] {
    if (this.phase.kind === 'online') this.phase.lastActivity = now
    return []
  }

  /** A verified login (Wechaty reports the account as logged in). After an outage it resumes sending. */
  login(now: number): SupervisorAction[] {
    const was = this.phase.kind
    if (was === 'exited') return []
    this.phase = { kind: 'online', lastActivity: now }
    return was === 'offline' ? [{ type: 'resume' }] : []
  }

  /** The account logged out or the puppet was reset: sending pauses and a re-login must follow within the bound. */
  logout(now: number, why: string): SupervisorAction[] {
    if (this.phase.kind !== 'online') return []
    this.phase = { kind: 'offline', since: now, deadline: now + this.bounds.reloginMs, why }
    return [{ type: 'pause', reason: why }]
  }

  /** The transport failed (gRPC UNAVAILABLE, stream cancelled): exit 75 now, saying whether it ever connected. */
  lost(detail: string): SupervisorAction[] {
    if (this.phase.kind === 'exited') return []
    const reason =
      this.phase.kind === 'starting' ? `${NEVER_CONNECTED} (${detail})` : `connection lost (连接中断): ${detail}`
    return this.exit(reason)
  }

  /** The puppet refused us for good (a wrong token): a configuration problem, exit 1 so systemd does not retry. */
  refused(detail: string): SupervisorAction[] {
    if (this.phase.kind === 'exited') return []
    return this.exit(`${TOKEN_REFUSED} (check WECHATY_PUPPET_SERVICE_TOKEN): ${detail}`, 1)
  }

  /** Service discovery found no endpoint for the token. */
  undiscoverable(detail: string): SupervisorAction[] {
    if (this.phase.kind === 'exited') return []
    return this.exit(`找不到 puppet 服务，从未连接 puppet service discovery failed, never connected (${detail})`)
  }

  /** Check the deadlines at `now`. */
  tick(now: number): SupervisorAction[] {
    const p = this.phase
    const s = (ms: number) => `${Math.round(ms / 1000)}s`
    if (p.kind === 'starting' && now >= p.deadline)
      return this.exit(
        `启动后 ${s(this.bounds.startupMs)} 内未登录 not logged in within ${s(this.bounds.startupMs)} after start (start-up timeout)`,
      )
    if (p.kind === 'online' && now - p.lastActivity >= this.bounds.stallMs) {
      const why = `no event or heartbeat from the puppet for ${s(now - p.lastActivity)} (stream stalled)`
      this.phase = { kind: 'offline', since: now, deadline: now + this.bounds.reloginMs, why }
      return [
        { type: 'pause', reason: why },
        { type: 'reconnect', reason: why },
      ]
    }
    if (p.kind === 'offline' && now >= p.deadline)
      return this.exit(
        `${s(this.bounds.reloginMs)} 内未重新登录 not logged in again within ${s(this.bounds.reloginMs)} after: ${p.why}`,
      )
    return []
  }

  private exit(reason: string, code = EXIT_TEMPFAIL): SupervisorAction[] {
    this.phase = { kind: 'exited' }
    return [{ type: 'exit', code, reason }]
  }
}

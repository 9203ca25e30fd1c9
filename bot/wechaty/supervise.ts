import type { Wechaty } from 'wechaty'
import { type ConnectionBounds, ConnectionSupervisor, type SupervisorAction } from '../process/connection-supervisor.js'
import type { Logger } from '../process/logger.js'
import type { BotRuntime } from '../runtime/host/runtime.js'

/** What `superviseConnection` needs besides Wechaty and the runtime. */
export interface SuperviseOptions {
  bounds: ConnectionBounds
  /** Called once when the supervisor gives up: flush state and exit with `code`. */
  onExit: (code: number, reason: string) => void
  now?: () => number
  /** How often the deadlines are checked (default 1 s, or a quarter of the smallest bound). */
  tickMs?: number
}

/** Puppet events that prove the stream is alive. */
const LIFE = ['heartbeat', 'dong', 'ready', 'message', 'room-join', 'room-leave', 'room-topic', 'friendship', 'scan']

/** gRPC UNAVAILABLE (14), CANCELLED (1) or DEADLINE_EXCEEDED (4) from the puppet service: the transport is gone. */
export function isConnectionLoss(e: unknown): boolean {
  return /^(14 UNAVAILABLE|1 CANCELLED|4 DEADLINE_EXCEEDED)\b/.test(errorText(e))
}

/** gRPC UNAUTHENTICATED (16) or PERMISSION_DENIED (7): the service rejects the token. */
export function isTokenRejected(e: unknown): boolean {
  return /^(16 UNAUTHENTICATED|7 PERMISSION_DENIED)\b/.test(errorText(e))
}

/** wechaty-token's resolver, on a token no discovery service knows, fails inside grpc-js with this (forever). */
export function isDiscoveryFailure(e: unknown): boolean {
  return /listener\.onError is not a function|service discovery \/ resolution failed/.test(errorText(e))
}

function errorText(e: unknown): string {
  return String((e as Error)?.message ?? e)
}

/**
 * Watch the puppet connection: a logout, a watchdog reset or a silent stream pauses the outbox and must be followed
 * by a re-login within `bounds.reloginMs` (the re-login itself resumes the outbox in `wireWechaty`); no login within
 * `bounds.startupMs` of start, a lost transport, a failed discovery or an expired bound calls `onExit` (75), and a
 * rejected token calls it with 1. Returns `stop` and `discoveryFailed` (for the process's unhandled rejections).
 */
export function superviseConnection(bot: Wechaty, rt: BotRuntime, log: Logger, opts: SuperviseOptions) {
  const now = opts.now ?? Date.now
  const sup = new ConnectionSupervisor(opts.bounds, now())
  let stopped = false
  const act = (actions: SupervisorAction[]) => {
    // Stopping: Wechaty's own stop emits a `logout` ("puppet stop()", local only: no logout reaches the service).
    if (stopped) return
    for (const a of actions) {
      if (a.type === 'pause') {
        log.warn(`连接异常，暂停发送 connection down, sending paused: ${a.reason}`)
        rt.outbox.pause()
      } else if (a.type === 'reconnect') {
        log.warn('reconnecting to the puppet')
        Promise.resolve(bot.puppet.reset()).catch(e => log.warn('puppet reset failed', e))
      } else if (a.type === 'resume') {
        log.info('连接已恢复 connection restored: logged in again')
      } else {
        clearInterval(timer)
        opts.onExit(a.code, a.reason)
      }
    }
  }
  const watch = (puppet: Wechaty['puppet']) => {
    for (const name of LIFE) puppet.on(name as 'heartbeat', () => act(sup.activity(now())))
  }
  bot.on('puppet', watch)
  bot.on('login', () => {
    if (bot.isLoggedIn) act(sup.login(now()))
  })
  bot.on('logout', () => act(sup.logout(now(), 'logged out (已登出)')))
  bot.on('error', e => {
    if (isTokenRejected(e)) act(sup.refused(errorText(e)))
    else if (isConnectionLoss(e)) act(sup.lost(errorText(e)))
    else if (isDiscoveryFailure(e)) act(sup.undiscoverable(errorText(e)))
    else if (/WatchdogAgent reset/.test(errorText(e)))
      act(sup.logout(now(), 'watchdog reset: no heartbeat from the puppet'))
  })
  const b = opts.bounds
  const tickMs = opts.tickMs ?? Math.max(50, Math.min(1000, b.startupMs / 4, b.reloginMs / 4, b.stallMs / 4))
  const timer = setInterval(() => act(sup.tick(now())), tickMs)
  return {
    /** Stop checking and acting (the bot is stopping): the stop's own `logout` event is no connection problem. */
    stop: () => {
      stopped = true
      clearInterval(timer)
    },
    /** Report a discovery failure seen outside Wechaty (an unhandled rejection from grpc-js). */
    discoveryFailed: (detail: string) => act(sup.undiscoverable(detail)),
  }
}

import type { SayAction } from '../core/actions.js'
import type { MessageEvent } from '../core/event.js'
import { replyTo } from './command-router.js'

/** How long after a hint the same person gets none: a chat with the bot is answered once, not every message. */
export const HINT_EVERY_MS = 6 * 3600_000

/** The hint to someone who wrote privately to the bot in words it does not read (no command). */
export function privateHintText(prefix: string): string {
  return `你好，我是群助手，只认命令。发送 ${prefix}帮助（或“帮助”）查看你可以使用的命令。`
}

/**
 * A short hint for a private text to the bot that is no command and no plugin answered: a newcomer writing
 * `你好，怎么用？` learns about `#帮助` instead of hearing nothing. Only to someone the bot knows (a role or the
 * roster: never a customer's chit-chat), never to a fleet peer (no two bots answering each other), at most once per
 * person every {@link HINT_EVERY_MS} (`lastAt`: when they got the last one, if they did).
 */
export function privateHint(
  event: MessageEvent,
  prefix: string,
  now: number,
  lastAt: number | undefined,
): SayAction | undefined {
  if (event.group || event.kind !== 'text' || !event.sender.isStaff || event.sender.isPeer) return undefined
  if (!event.text.trim() || (lastAt !== undefined && now - lastAt < HINT_EVERY_MS)) return undefined
  return replyTo(event, privateHintText(prefix), 'command.private-hint')
}

/**
 * When each person last got the hint (`privateHint`), in memory: a restart may give one more. Bounded: the oldest
 * entry goes once {@link MAX_PEOPLE} people are held.
 */
export class PrivateHints {
  private lastAt = new Map<string, number>()

  /** The hint for `event` at `now`, noted as given; undefined when none is due. */
  take(event: MessageEvent, prefix: string, now: number): SayAction | undefined {
    const hint = privateHint(event, prefix, now, this.lastAt.get(event.sender.id))
    if (!hint) return undefined
    this.lastAt.delete(event.sender.id)
    this.lastAt.set(event.sender.id, now)
    if (this.lastAt.size > MAX_PEOPLE) this.lastAt.delete(this.lastAt.keys().next().value as string)
    return hint
  }
}

/** People whose last hint is remembered. */
const MAX_PEOPLE = 10_000

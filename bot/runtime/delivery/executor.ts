import { OUTWARD_ACTIONS, type Action, type Chat } from '../../core/actions.js'
import type { OutboundMessage } from '../../ports/outbound-message.js'
import type { RoomAdmin } from '../../ports/room-admin.js'
import type { Clock } from '../../ports/clock.js'
import type { Fact } from '../../core/facts.js'
import type { AuditLog } from '../records/audit.js'
import type { Ledger } from '../records/ledger.js'
import type { Outbox } from './outbox.js'
import type { Timers } from '../schedule/timers.js'
import type { Logger } from '../../process/logger.js'
import { routeActions, type Readers } from '../../commands/audience.js'

/** Whether an action is only recorded (observe mode): for all of a plugin's actions, or decided per action. */
type Dry = boolean | ((a: Action) => boolean)

/** Where admin notifications go: each admin privately, or one admin group. */
export type AdminChannel =
  | { mode: 'private'; adminIds: () => string[] }
  | { mode: 'group'; roomId: () => string | undefined; adminIds: () => string[] }

/** What the executor needs; each is a port or a shared service. */
export interface ExecutorDeps {
  clock: Clock
  outbox: Outbox
  roomAdmin: RoomAdmin
  audit: AuditLog
  ledger: Ledger
  timers: Timers
  admins: AdminChannel
  strikeTtlDefault: number
  log: Logger
  /** How a member is named in a group (roster name, group nickname, WeChat name), for merged texts. */
  nameOf?(memberId: string, groupId: string): Promise<string>
  /** A group's name, for notes to the admins. */
  topicOf?(groupId: string): string | undefined
  /** The fleet's key of a message (what caused it and what it says), so the fleet never sends it twice. */
  keyOf?(msg: OutboundMessage): string | undefined
  /** Fleet: the group whose event or timer causes the message (it moves with that group at a takeover). */
  originOf?(): string | undefined
  /** Who reads a send (group kinds, staff): every action is routed to who may read it (`routeActions`). */
  readers?: Readers
  /** Hand a fact a plugin emitted to the other plugins (the runtime's fact dispatch). */
  onFact?(plugin: string, fact: Fact): Promise<void> | undefined
}

/**
 * Performs plugins' actions, each routed to who may read it (`routeActions`): every one is audited; in dry-run, outward
 * actions are only recorded. Sends go through the outbox; removals that fail
 * are reported to the admins once, not retried.
 */
export class Executor {
  constructor(private d: ExecutorDeps) {}

  /**
   * Perform (or, where `dryRun` says so, only record) the actions a plugin decided. Observe mode is decided on
   * what the plugin decided (an outward action it holds back becomes a rehearsal), then every action is routed to
   * who may read it, rehearsals included: a rehearsal's entry says what would have reached whom. Synchronous
   * (nothing returned) while no action has to wait: timers, strikes, fines and records are kept at once; a send,
   * a removal or a fact's delivery is waited for before the next action.
   */
  run(plugin: string, actions: Action[], dryRun: Dry): Promise<void> | undefined {
    const held = dryRun === false ? actions : rehearsals(actions, dryRun)
    return this.runFrom(0, plugin, this.d.readers ? routeActions(held, this.d.readers) : held)
  }

  /** `run` from the action at `start` on: synchronous until an action has to be waited for. */
  private runFrom(start: number, plugin: string, actions: Action[]): Promise<void> | undefined {
    for (let i = start; i < actions.length; i++) {
      const action = actions[i]
      // A fact is a message between plugins, not a decision about anyone: it is not audited.
      if (action.type === 'emit') {
        const delivered = this.d.onFact?.(plugin, action.fact)
        if (delivered) return this.runAfter(delivered, i + 1, plugin, actions)
        continue
      }
      const rehearsal = action.rehearsal === true
      const entry = this.d.audit.append({
        plugin,
        rule: action.rule,
        type: action.type,
        dryRun: rehearsal,
        groupId: groupOf(action),
        memberId: memberOf(action),
        reason: action.reason,
        evidence: action.evidence,
        text: describe(action),
        privateTo: 'to' in action && 'contact' in action.to ? action.to.contact : undefined,
      })
      if (rehearsal && OUTWARD_ACTIONS.has(action.type)) continue
      try {
        if (this.keep(plugin, action, entry.id)) continue
      } catch (e) {
        this.failed(plugin, action, e)
        continue
      }
      return this.runAfter(this.performed(plugin, action, entry.id), i + 1, plugin, actions)
    }
    return undefined
  }

  /** Wait for what the action before `next` started, then go on with the rest. */
  private async runAfter(waited: Promise<void>, next: number, plugin: string, actions: Action[]): Promise<void> {
    await waited
    await this.runFrom(next, plugin, actions)
  }

  /** `perform`, a failure logged. */
  private async performed(plugin: string, action: Action, auditId: string): Promise<void> {
    try {
      await this.perform(plugin, action, auditId)
    } catch (e) {
      this.failed(plugin, action, e)
    }
  }

  private failed(plugin: string, action: Action, e: unknown): void {
    this.d.log.error(`${plugin}/${action.rule} ${action.type} failed`, e)
  }

  /** Keep an action that only changes the bot's own records (strike, fine, settling or waiving, timer, record) now; false for the others. */
  private keep(plugin: string, a: Action, auditId: string): boolean {
    const now = this.d.clock.now()
    switch (a.type) {
      case 'strike':
        this.d.ledger.addStrike({
          memberId: a.memberId,
          category: a.category,
          groupId: a.groupId,
          at: now,
          expiresAt: now + (a.ttlMs || this.d.strikeTtlDefault),
          auditId,
        })
        return true
      case 'fine':
        this.d.ledger.addFine({ memberId: a.memberId, violation: a.violation, groupId: a.groupId, at: now, auditId })
        return true
      case 'settle':
        this.d.ledger.settle(a.fineId, now, a.messageId, a.owedAt)
        return true
      case 'waive':
        this.d.ledger.waive(a.fineId, a.by, a.waiver, now)
        return true
      case 'schedule':
        this.d.timers.set(plugin, a.key, a.at, a.payload, a.groupId, a.volatile)
        return true
      case 'cancel':
        this.d.timers.cancel(plugin, a.key)
        return true
      case 'record':
        return true
      default:
        return false
    }
  }

  /** Perform an outward action: a send (the names it mentions looked up first), a note to the admins, a removal. */
  private async perform(plugin: string, a: Action, auditId: string): Promise<void> {
    switch (a.type) {
      case 'say':
      case 'remind': {
        const label = await this.label(a.to, a.mentions)
        const text = a.type === 'remind' && a.heading ? `${a.heading}\n${a.text}` : a.text
        const msg: OutboundMessage = { chat: a.to, text, mentions: a.mentions, label }
        if (a.sensitive) msg.sensitive = true
        return this.send(msg)
      }
      case 'warn': {
        const to = { room: a.groupId }
        return this.send({ chat: to, text: a.text, mentions: [a.memberId], label: await this.label(to, [a.memberId]) })
      }
      case 'sendFile':
        return this.send({ chat: a.to, file: a.path })
      case 'sendLink':
        return this.send({ chat: a.to, link: { url: a.url, title: a.title, description: a.description } })
      case 'notifyAdmins':
        return this.notifyAdmins(a.text, a.file, a.except)
      case 'remove':
        return this.remove(plugin, a.groupId, a.memberId, auditId)
      default:
        return // kept by `keep`
    }
  }

  private send(msg: OutboundMessage): void {
    const key = this.d.keyOf?.(msg)
    const origin = this.d.originOf?.()
    // Into the group itself: the chat says it.
    const room = 'room' in msg.chat ? msg.chat.room : undefined
    this.d.outbox.enqueue(msg, key || undefined, origin && origin !== room ? origin : undefined)
  }

  /** Names of the people a group message mentions (shown on their line when texts are merged). */
  private async label(to: Chat, mentions: string[] | undefined): Promise<string | undefined> {
    if (!('room' in to) || !mentions?.length || !this.d.nameOf) return undefined
    const names = await Promise.all(mentions.map(id => this.d.nameOf!(id, to.room).catch(() => id)))
    return names.join('、')
  }

  /** Send a note to the admins through the configured channel (privately: to each admin but those `except` names). */
  notifyAdmins(text: string, file?: string, except?: readonly string[]): void {
    const ch = this.d.admins
    const room = ch.mode === 'group' ? ch.roomId() : undefined
    const told = except ?? []
    const chats = room ? [{ room }] : ch.adminIds().flatMap(id => (told.includes(id) ? [] : [{ contact: id }]))
    for (const chat of chats) {
      this.send({ chat, text })
      if (file) this.send({ chat, file })
    }
  }

  private async remove(plugin: string, groupId: string, memberId: string, auditId: string): Promise<void> {
    try {
      await this.d.roomAdmin.remove(groupId, memberId)
    } catch (e) {
      // The detail (error class, stack, paths) stays in the log; WeChat gets one line and the audit id.
      this.d.log.error(`${plugin}: remove ${memberId} from ${groupId} failed (${auditId})`, e)
      const failed = this.d.audit.append({
        plugin,
        rule: 'remove-failed',
        type: 'error',
        dryRun: false,
        groupId,
        memberId,
        reason: firstLine(e),
        evidence: { text: auditId },
      })
      const who = (await this.d.nameOf?.(memberId, groupId).catch(() => undefined)) ?? memberId
      const where = this.d.topicOf?.(groupId) ?? groupId
      this.notifyAdmins(
        `⚠️ 移除成员失败（${auditId}）：没能把 ${who} 移出群「${where}」，机器人可能不是该群的群主或群管理员。请群主或群管理员手动移出（原因记在审计 ${failed.id}）。`,
      )
    }
  }
}

/** The first line of an error message, without stack, class name or file paths, at most 120 characters. */
export function firstLine(e: unknown): string {
  const line = (e instanceof Error ? e.message : String(e)).split('\n')[0]
  return line
    .replace(/(?:[A-Za-z]:)?(?:\/[\w.@-]+){2,}(?::\d+)*/g, '…')
    .replace(/^\w*Error:\s*/, '')
    .slice(0, 120)
}

function describe(a: Action): string | undefined {
  if ('sensitive' in a && a.sensitive) return '[敏感内容，未记录]'
  if ('text' in a) return a.text
  if (a.type === 'sendFile') return `[文件] ${a.path}`
  if (a.type === 'strike') return a.category
  if (a.type === 'fine') return a.violation
  if (a.type === 'sendLink') return `[链接] ${a.title} ${a.url}`
  return undefined
}

/** The actions with each outward one that `dryRun` holds back marked a rehearsal; the same array when none is. */
function rehearsals(actions: Action[], dryRun: true | ((a: Action) => boolean)): Action[] {
  let out: Action[] | undefined
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i]
    const held = !a.rehearsal && OUTWARD_ACTIONS.has(a.type) && (dryRun === true || dryRun(a))
    if (!held && !out) continue
    out ??= actions.slice(0, i)
    out.push(held ? { ...a, rehearsal: true } : a)
  }
  return out ?? actions
}

/** The group an action concerns: its `groupId`, or the room it is sent to. */
export function groupOf(a: Action): string | undefined {
  if ('groupId' in a && a.groupId) return a.groupId
  if ('to' in a && 'room' in a.to) return a.to.room
  return undefined
}

function memberOf(a: Action): string | undefined {
  if ('memberId' in a && a.memberId) return a.memberId
  if ('to' in a && 'contact' in a.to) return a.to.contact
  return undefined
}

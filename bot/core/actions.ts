import type { Fact, FactName, Facts } from './facts.js'

/**
 * Actions are decisions as data. Plugins return them; the executor performs
 * them (or only records them in dry-run). Nothing else sends to WeChat.
 */

/** Where a message goes: a group (optionally with @-mentions) or one person privately. */
export type Chat = { room: string } | { contact: string }

/**
 * Who reads an outward action. `asker`: the answer to the person who typed a
 * command (built by `inv.reply`/`inv.whisper`); it is the only outward action
 * sent while the plugin is in observe mode. Anything else a plugin decides
 * (group posts, warnings, reminders, admin reports) is only recorded then.
 */
export type Audience = 'asker'

/** Why an action was taken: shown in the audit log. */
export interface ActionMeta {
  /** Rule inside the plugin, e.g. `nickname.grace-expired`. */
  rule: string
  /** Human-readable reason (zh-CN or en). */
  reason?: string
  groupId?: string
  memberId?: string
  evidence?: { messageId?: string; text?: string }
  /** Set only on answers to the person who typed a command (see {@link Audience}). */
  audience?: Audience
  /** The text is a secret (a sign-in link): the audit log records that it was sent, not what. */
  sensitive?: boolean
  /**
   * Only recorded, whatever the plugin's mode now (`asRehearsal`: a case opened in observe mode, content's dry-run
   * categories): the executor routes it to its readers like any action, then audits it as an observe-mode entry
   * (`【观察】`) instead of performing it, so the record says what would have reached whom.
   */
  rehearsal?: boolean
}

/** Send text to a chat; in a group, `mentions` are @-ed (merged with other texts). */
export interface SayAction extends ActionMeta {
  type: 'say'
  to: Chat
  text: string
  mentions?: string[]
  /**
   * Sent privately to someone who may be a customer: what to say in `groupId` instead (with an @, nothing internal
   * in it) when they cannot be reached privately; without it nothing is sent to a customer (`routeActions`).
   */
  groupText?: string
}
/** Warn a member in a group with an @-mention. */
export interface WarnAction extends ActionMeta {
  type: 'warn'
  groupId: string
  memberId: string
  text: string
  /**
   * What to say instead when the warning goes to the member privately (a staff member in a group customers read,
   * `routeActions`): a text that stands alone without the group around it. Without it, `text` is sent.
   */
  privateText?: string
}
/** Remind someone privately, or several members in a group with one merged @-message. */
export interface RemindAction extends ActionMeta {
  type: 'remind'
  to: Chat
  text: string
  mentions?: string[]
  /**
   * What to say instead to an @-ed staff member told privately (a group customers read, `routeActions`): a text
   * that stands alone, without `本群` or `被@` (they read it outside the group). Without it, `text` is sent.
   */
  privateText?: string
  /**
   * A line sent above `text` saying why it comes privately (`关于客户群「…」（只发给你，客户看不到）：`, set by
   * `routeActions`): not part of the text, so the audit entry shows what the reminder says.
   */
  heading?: string
}
/** Tell every admin privately (or the configured admin group), optionally with an image or file (path). */
export interface NotifyAdminsAction extends ActionMeta {
  type: 'notifyAdmins'
  text: string
  file?: string
  /**
   * Admins not told privately: already told otherwise (the admin whose command this answers reads the reply).
   * An admin group still gets the note (the other admins read it there).
   */
  except?: readonly string[]
}
/** Send an image or file (path on disk) to a chat. */
export interface SendFileAction extends ActionMeta {
  type: 'sendFile'
  to: Chat
  path: string
}
/** Send a link card (title, description, url) to a chat. */
export interface SendLinkAction extends ActionMeta {
  type: 'sendLink'
  to: Chat
  url: string
  title: string
  description?: string
}
/** Remove a member from a group (needs the bot to be owner/admin). */
export interface RemoveAction extends ActionMeta {
  type: 'remove'
  groupId: string
  memberId: string
}
/** Only record a fact in the audit log. */
export interface RecordAction extends ActionMeta {
  type: 'record'
  text: string
}
/** Add a strike to a member, expiring after `ttlMs`. */
export interface StrikeAction extends ActionMeta {
  type: 'strike'
  memberId: string
  category: string
  ttlMs: number
  /** What the audit log (#审计, replay) says the strike was for, in words; without it, the category key. */
  text?: string
}
/** Record a violation that owes a fine under the ledger's policy. */
export interface FineAction extends ActionMeta {
  type: 'fine'
  memberId: string
  violation: string
}
/**
 * Settle an open fine of the ledger: paid what it owes when kept (a payment the bot read, an admin's confirmation).
 * `text` is the audit entry (`罚款 F3 已由转账结清 5 元`); a fine already closed by then is left as it is.
 */
export interface SettleAction extends ActionMeta {
  type: 'settle'
  fineId: string
  memberId: string
  text: string
  /** The payment message that paid it, if any. */
  messageId?: string
  /** The time what it owes is judged at (a transfer: when the member sent it); when the executor keeps it if absent. */
  owedAt?: number
}
/**
 * Waive an open fine of the ledger (an admin's `#罚款 免除`, an accepted excuse): it then owes nothing. `waiver` is
 * the ledger's reason (`当天请假`), `by` who waived it; `text` is the audit entry (`罚款 F3 已免除：当天请假`). A fine
 * already closed by then is left as it is. Like `settle`, it is not undone by `#撤销` (a waived fine stays waived).
 */
export interface WaiveAction extends ActionMeta {
  type: 'waive'
  fineId: string
  memberId: string
  by: string
  waiver: string
  text: string
}
/** Ask the runtime to call the plugin's `onTimer(key, payload)` at `at` (persisted). */
export interface ScheduleAction extends ActionMeta {
  type: 'schedule'
  key: string
  at: number
  payload?: unknown
  /**
   * The timer belongs to volatile state (activity's waiting customers): stored with the volatile documents, at the
   * periodic flush, not before every send; a kill loses it with that state (at most one flush interval).
   */
  volatile?: boolean
}
/** Cancel a timer set with `schedule`. */
export interface CancelAction extends ActionMeta {
  type: 'cancel'
  key: string
}

/** Tell the other plugins a typed fact (see `bot/core/facts.ts`); nothing is sent. */
export interface EmitAction extends ActionMeta {
  type: 'emit'
  fact: Fact
}

/**
 * An `emit` action for a declared fact. Its fields written out, not spread from `meta`: an object built by a
 * spread takes hidden classes of its own, which die with the last such action at a full garbage collection,
 * and the optimised code of everything that read one (the executor) with them.
 */
export function emit<K extends FactName>(
  name: K,
  data: Facts[K],
  meta: Pick<ActionMeta, 'rule' | 'groupId' | 'memberId'>,
): EmitAction {
  return { type: 'emit', fact: { name, data } as Fact, rule: meta.rule, groupId: meta.groupId, memberId: meta.memberId }
}

/** Everything a plugin can decide. */
export type Action =
  | SayAction
  | WarnAction
  | RemindAction
  | NotifyAdminsAction
  | SendFileAction
  | SendLinkAction
  | RemoveAction
  | RecordAction
  | StrikeAction
  | FineAction
  | SettleAction
  | WaiveAction
  | ScheduleAction
  | CancelAction
  | EmitAction

/**
 * The outward actions of a rehearsal (a case opened in observe mode, which stays one after going live) marked
 * to be only recorded: the executor routes them, then audits them as `【观察】` entries; nothing is sent.
 */
export function asRehearsal(actions: Action[]): Action[] {
  return actions.map((a): Action => (OUTWARD_ACTIONS.has(a.type) ? { ...a, rehearsal: true } : a))
}

/**
 * Action types that reach WeChat or change what someone owes (a strike, a fine, settling or waiving one): in observe mode they
 * are only written to the audit log.
 */
export const OUTWARD_ACTIONS: ReadonlySet<Action['type']> = new Set([
  'say',
  'warn',
  'remind',
  'notifyAdmins',
  'sendFile',
  'sendLink',
  'remove',
  'strike',
  'fine',
  'settle',
  'waive',
])

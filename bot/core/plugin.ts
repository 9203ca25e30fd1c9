import type { z } from 'zod'
import type { AdoptSource, FleetRecords } from '../fleet/gate.js'
import type { Action } from './actions.js'
import type { Fact } from './facts.js'
import type { BotEvent, GroupRef, Member, MessageEvent, Role } from './event.js'
import type { Clock } from '../ports/clock.js'
import type { Store } from '../ports/store/store.js'
import type { Directory } from '../ports/directory.js'
import type { Roster } from '../roster/roster.js'
import type { Ledger } from '../runtime/records/ledger.js'
import type { AuditLog } from '../runtime/records/audit.js'
import type { Logger } from '../process/logger.js'
import type { WorkCalendar } from '../time/workdays.js'

/** What a plugin returns from a decision: actions as data (sync or async). */
export type Decision = Action[] | Promise<Action[]>

/** One subcommand's line in `#帮助`, with who may run it. */
export interface HelpPart {
  /** e.g. `#排期 审核`. */
  usage: string
  /** Only people with one of these roles see it (exactly: admins only if listed); default everyone who may run the command. */
  roles?: readonly Role[]
  /** Hidden from people with one of these roles, whatever else they hold (the auditor's read-only view). */
  notFor?: readonly Role[]
  /**
   * What this part does: when parts say, `#帮助` describes the command by the parts the asker may run (a member
   * reads no admin's wording) instead of by its `description`.
   */
  description?: string
}

/** A chat command a plugin registers, e.g. `#通知` / `#notice`. */
export interface CommandSpec {
  /** Chinese name without the prefix, e.g. `通知`. */
  name: string
  /** English aliases, e.g. `notice`. */
  aliases?: string[]
  /** Least role needed; `member` means anyone in a managed group or private chat; a list means any one of them. */
  role: Role | 'member' | readonly Role[]
  /**
   * What someone refused this command is pointed to instead, by a role they have: `#周榜` refused to a trainer says
   * `#案例 周报` is theirs. Said only while that command (`command`, its name without the prefix, then any
   * subcommand) is registered and they may use it.
   */
  instead?: Partial<Record<Role, { command: string; text: string }>>
  /** Subcommands (first argument) that need another role, e.g. `{ 新建: 'admin' }`: refusals name that role. */
  subcommandRoles?: Record<string, Role>
  /** One usage line shown in `#帮助` and on bad arguments, e.g. `#通知 <内容> [截止 30分钟]`. */
  usage: string
  /**
   * `#帮助` per subcommand, where some need other roles: only the parts the asker may run are listed, joined
   * with `；` (none: the command is not listed). Default: `usage`.
   */
  help?: readonly HelpPart[]
  /** One-line description (zh-CN). */
  description: string
  /**
   * Whether the command works in this group (default: yes); `#帮助` asked in a group lists it only where it does
   * (a command that refuses in customer groups by its plugin's config is not offered there).
   */
  usableIn?(group: GroupRef): boolean
  /** Where the command may be used (default: anywhere). */
  where?: 'group' | 'private' | 'any'
  /**
   * Customers may use it in the groups they read (listed in their `#帮助`, answered in the group).
   * Default false: there only people with a role may use it, and every answer goes to them privately.
   */
  customerFacing?: boolean
  /**
   * The answer shows the bot's own records (what it did and to whom, its errors, accounts and storage): it goes to
   * the asker privately wherever asked, an internal group too (`#状态`, `#审计`). Default false: the group rules
   * of `bot/commands/audience.ts` decide.
   */
  recordsAnswer?: boolean
  /**
   * Open to someone without a role in a private chat, and listed in their `#帮助` (`#我的ID`: how someone learns
   * the id to be given a role); a function: open to those it says yes for, by contact id (`#罚款`: whoever has a
   * fine on record). Default false: privately they may use only customer-facing commands and these, and any other
   * answers like an unknown one (a customer learns nothing of the staff's commands).
   */
  openToAnyone?: boolean | ((contactId: string) => boolean)
  run(inv: CommandInvocation): Decision
}

/** A parsed command as handed to `CommandSpec.run`. */
export interface CommandInvocation {
  /** Text after the command name, trimmed. */
  args: string
  /** `args` split on whitespace. */
  argv: string[]
  event: MessageEvent
  /**
   * The answer to the asker (audience `asker`, sent even in observe mode): in the chat the command came
   * from, or privately where the audience rules say customers must not read it (`bot/commands/audience.ts`).
   */
  reply(text: string, rule?: string): Action
  /** The answer to the asker, always privately (for what is about people or staff-only). */
  whisper(text: string, rule?: string): Action
  /** A file (chart, export) for the asker, sent wherever `reply` goes. */
  replyFile(path: string, rule?: string): Action
  /** A file for the asker, always privately (as `whisper`). */
  whisperFile(path: string, rule?: string): Action
}

/** A cron job owned by a plugin, run by the runtime's scheduler in the configured timezone. */
export type JobSpec = {
  name: string
  /** node-cron expression (5 or 6 fields). */
  cron: string
  /** Skip weekends and statutory holidays (make-up workdays run). */
  workdaysOnly?: boolean
} & (
  | {
      /** The whole job, one task on the serial queue. */
      run(now: number): Decision
      parts?: never
    }
  | {
      /**
       * The job in parts (e.g. one per group), for work too long for one task: each part is its own task on
       * the serial queue, queued when the one before it is done, so events that arrive meanwhile are handled
       * between parts instead of waiting for the whole job. A part's actions are performed before the next runs.
       */
      parts(now: number): (() => Decision)[]
      run?: never
    }
)

/** What a plugin instance may implement. Every method runs inside an error boundary. */
export interface PluginInstance {
  onEvent?(event: BotEvent): Decision
  /** Called when a timer set with a `schedule` action falls due. */
  onTimer?(key: string, payload: unknown): Decision
  /** A typed fact another plugin emitted (see `bot/core/facts.ts`). */
  onFact?(fact: Fact): Decision
  /**
   * The payload schema of each timer kind this plugin sets (kind = the key up to its first `:`).
   * When given, a stored timer of an unknown kind or with a payload of the wrong shape is reported
   * by name and not delivered, instead of reaching `onTimer` as something it does not expect.
   */
  timerPayloads?: Record<string, z.ZodType>
  /**
   * Fleet takeover (docs/fleet.md): this bot now acts in a group instead of an account that is down. `take`
   * moves that account's open work for the group (from its documents named in `docs`, a trailing `*` for a
   * prefix, and its timers) into this plugin's own records, and returns how many records it moved.
   */
  adopt?: { docs: string[]; take(groupId: string, from: AdoptSource): number }
  commands?: CommandSpec[]
  jobs?: JobSpec[]
  /** One status line for `#状态`. */
  status?(): string
  /**
   * Files in the data folder this plugin will still read or send (the image of a queued post): the data folder's
   * retention (`storage.retention`) never deletes them, however old. Absolute paths. Attachments of messages already
   * queued for sending need not be listed: the runtime keeps the outbox's (`Outbox.files`).
   */
  filesInUse?(): string[]
  /**
   * Something an admin must look at now (a dictionary reload that failed): the bot's health (`#状态`, the console)
   * is not `正常` while it holds. `label` in a word or two (`词库重载失败`), `detail` one line.
   */
  health?(): { label: string; detail: string } | undefined
  /**
   * The reason of one of this plugin's audit entries as people read it (`#审计`, a replay's output): the log keeps
   * what was written (content's category keys), this says it in today's words (their labels). Undefined: as written.
   */
  auditReason?(entry: { rule: string; reason?: string }): string | undefined
  /** Read-only queries for the web console, declared in the plugin's `views.ts` (see `bot/core/views.ts`). */
  views?: object
  /** Release what the plugin holds (file watchers): called before a config reload replaces it and at shutdown. */
  stop?(): void
}

/** Ports and shared services handed to a plugin; no Wechaty object is reachable from here. */
export interface PluginContext<C> {
  /** Plugin name (its config key). */
  name: string
  clock: Clock
  timezone: string
  /**
   * This app's working days: the config's `calendar` over the statutory holidays and make-up workdays. Pass it to
   * whatever counts working time (deadlines, waiting times, follow-ups, posting days); never a module-level calendar,
   * which would mix one app's days into another's in a process running several.
   */
  calendar: WorkCalendar
  company: string
  commandPrefix: string
  /**
   * Whether a message's text names a command the bot knows now (the prefix and a command's name or alias of any
   * plugin or the runtime, as the command router reads it); a prefixed word that names none is ordinary talk.
   */
  isCommand(text: string): boolean
  store: Store
  directory: Directory
  /** The staff list; read it each time (`#花名册 重载` replaces it). */
  readonly roster: Roster
  ledger: Ledger
  audit: AuditLog
  log: Logger
  /** Folder for files the plugin writes (charts, exports). */
  outputDir: string
  /**
   * The bot runs on a simulated WeChat (the sandbox, a replay, check-config's trial start): what a plugin keeps
   * goes under this run's data folder (beside `outputDir`), never into a folder the config names for real chats.
   */
  sandboxed?: boolean
  /** Roles bound to a contact id in config. */
  rolesOf(contactId: string): Role[]
  /** Whether a contact id is another bot account of the fleet (`fleet.peers`); `directory.members` already omits them. */
  isPeer(contactId: string): boolean
  /** The plugin's config for a group (global section merged with that group's override). */
  configFor(group?: GroupRef): C
  /** Contact ids of the staff responsible for a group: `groups[].responsible` of its config entry (empty when none). */
  responsibleFor(group: GroupRef): string[]
  /** Contact ids of everyone with `role`. */
  membersWithRole(role: Role): string[]
  /** Display name for a member: roster name, group nickname or WeChat name. */
  displayName(member: Member): string
  /**
   * Whether the plugin is in observe mode for `group` (none: outside groups). Decisions are then only
   * recorded, so a plugin keeps what it opens in observe mode (cases, reminders, escalation steps) apart
   * from its real cases: switching to live starts each case at its first step.
   */
  observing(group?: GroupRef): boolean
  /**
   * The other bot accounts of a fleet (PostgreSQL, bot/fleet): `follow('cases-*', fn)` hands the plugin
   * the other accounts' copies of its documents as they change, for records that are fleet-wide. Does
   * nothing for a single process.
   */
  fleet: FleetRecords
}

/** A plugin: its config schema (a strict zod object with defaults) and a factory. */
export interface PluginDefinition<S extends z.ZodObject = z.ZodObject> {
  name: string
  description: string
  configSchema: S
  /** Receive fleet peers' messages and joins too (the archive keeps every message); others never see them. */
  seesPeers?: boolean
  /**
   * What this plugin's valid global section may still have wrong given the configured groups (each a Chinese line,
   * its full key named): `check-config` prints them, the bot starts anyway.
   */
  configWarnings?(cfg: z.infer<S>, groups: readonly Pick<GroupRef, 'configName' | 'kind'>[]): string[]
  create(ctx: PluginContext<z.infer<S>>): PluginInstance | Promise<PluginInstance>
}

/**
 * A plugin as people read it: the Chinese head of its description with the name typed in commands
 * (`违规内容（content）`), or the name alone when the description does not start in Chinese.
 */
export function pluginTitle(def: Pick<PluginDefinition, 'name' | 'description'>): string {
  const head = def.description.split(/[：:、\s]/)[0]
  return /^[\u4e00-\u9fff]/.test(head) ? `${head}（${def.name}）` : def.name
}

/** Helper that keeps a plugin definition's types tied to its schema. */
export function definePlugin<S extends z.ZodObject>(def: PluginDefinition<S>): PluginDefinition<S> {
  return def
}

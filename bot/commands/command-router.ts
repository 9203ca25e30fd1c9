import type { SayAction } from '../core/actions.js'
import type { MessageEvent, Role } from '../core/event.js'
import type { CommandSpec } from '../core/plugin.js'
import { answerPrivately, customersRead, openHere, refusePrivately } from './audience.js'
import { nearestKey } from '../config/suggest-key.js'
import { parseCommand, type ParsedCommand } from './parse-command.js'

/** Longest command name looked up (a longer word is unknown) and longest arguments a command is given. */
export const MAX_NAME_CHARS = 32
export const MAX_ARGS_CHARS = 10_000

/** Chinese labels of roles, for replies. */
export const ROLE_LABEL: Record<Role | 'member', string> = {
  admin: '管理员',
  leader: '领导',
  trainer: '培训师',
  staff: '员工',
  editor: '排期编辑',
  approver: '排期审核',
  auditor: '审计员',
  member: '成员',
}

/** A command with the plugin that owns it. */
export interface RegisteredCommand {
  plugin: string
  spec: CommandSpec
}

/** The outcome of routing one message. */
export type Routed =
  | { kind: 'none' }
  | { kind: 'run'; command: RegisteredCommand; args: string; argv: string[] }
  /** `silent`: recorded (a refusal is audited) but not sent — a customer in their group gets no private refusal. */
  | { kind: 'reply'; text: string; refused?: string; privately: boolean; silent?: boolean }

/** `#帮助` for a customer in a customer group. */
export const CUSTOMER_HELP = '您好，有任何问题请直接在群里留言，我们的工作人员会尽快回复您。'
/** `#帮助` for a customer in a broadcast group (announcements: talk there is off-topic). */
export const BROADCAST_HELP = '您好，本群用于发布通知；如有问题请联系您的对接同事。'

/** `route` of a message that names no command (most messages): one object, not one per message. */
const NO_COMMAND: Routed = Object.freeze({ kind: 'none' })

/**
 * Finds the command a message names and checks the sender's roles (by
 * contact id only). Unknown commands and refusals get a short reply, except
 * to customers in a group they read: the bot could only answer them
 * privately, which WeChat does not deliver to someone who is not the bot's
 * friend, so their unknown `#…` is ordinary talk and a refusal is audited
 * but not sent.
 */
export class CommandRouter {
  private byName = new Map<string, RegisteredCommand>()

  constructor(
    readonly prefix: string,
    /** Answer unknown commands (off when embedded in a host bot whose own commands share the prefix). */
    private answerUnknown = true,
  ) {}

  /** Register a plugin's command; throws on a name clash (a config/programming error at load). */
  add(plugin: string, spec: CommandSpec): void {
    const entry = { plugin, spec }
    for (const name of [spec.name, ...(spec.aliases ?? [])].map(n => n.toLowerCase())) {
      const prev = this.byName.get(name)
      if (prev) throw new Error(`command ${this.prefix}${name} registered by both ${prev.plugin} and ${plugin}`)
      this.byName.set(name, entry)
    }
  }

  /** All distinct commands. */
  all(): RegisteredCommand[] {
    return [...new Set(this.byName.values())]
  }

  /** Look up a command by name or alias. */
  find(name: string): RegisteredCommand | undefined {
    return this.byName.get(name.toLowerCase())
  }

  /**
   * Whether `text` names a command registered here, read as {@link route} reads it (the prefix, also full-width or
   * after @-mentions, and a command's name or alias, or a Chinese name the word starts with: `#成交客户刘总`). A
   * prefixed word that names none (`#私下转账`) is talk. The archive leaves only these out of an auditor's default view.
   */
  names(text: string): boolean {
    const parsed = parseCommand(text, this.prefix)
    return !!parsed && parsed.name.length <= MAX_NAME_CHARS && !!this.resolve(parsed).cmd
  }

  /**
   * Decide what to do with a message. Replies never repeat the sender's text (an unknown command may be
   * spam or banned words) and follow the audience rules (`audience.ts`).
   */
  route(event: MessageEvent, roles: Role[]): Routed {
    const parsed = parseCommand(event.text, this.prefix) ?? this.privateHelp(event)
    if (!parsed) return NO_COMMAND
    const { cmd, args, argv } = parsed.name.length > MAX_NAME_CHARS ? { args: '', argv: [] } : this.resolve(parsed)
    // `# 标题…`: a command only when it names one.
    if (!cmd && parsed.spaced) return NO_COMMAND
    const p = this.prefix
    const customer = customersRead(event) && !event.sender.isStaff
    if (!cmd && (!this.answerUnknown || customer)) return NO_COMMAND
    // Privately, a command not meant for someone without a role is unknown to them (a customer learns nothing of it).
    if (!cmd || !forThem(cmd.spec, event, roles)) {
      const near = parsed.name.length > MAX_NAME_CHARS ? undefined : this.nearest(parsed.name, event, roles)
      return {
        kind: 'reply',
        text: `未知命令。${near ? `是不是要找 ${p}${near}？` : ''}发送 ${p}帮助 查看你可以使用的命令。`,
        privately: answerPrivately(event),
        // Still a refusal to the admins (audited): only the asker is told nothing of the command.
        ...(cmd ? { refused: cmd.spec.name } : {}),
      }
    }
    const name = `${p}${cmd.spec.name}`
    const privately = answerPrivately(event, cmd.spec)
    const refusedPrivately = refusePrivately(event, cmd.spec)
    if (!openHere(event, cmd.spec))
      return {
        kind: 'reply',
        text: `⛔ ${name} 只供员工使用。`,
        refused: cmd.spec.name,
        privately: refusedPrivately,
        silent: customer,
      }
    // The permission first: someone who may not use the command is not sent elsewhere to be refused there.
    const sub = argv[0] ?? ''
    const subRoles = cmd.spec.subcommandRoles ?? {}
    const needed = Object.hasOwn(subRoles, sub) ? subRoles[sub] : cmd.spec.role
    if (!allowed(cmd.spec.role, roles) || !allowed(needed, roles)) {
      const what = needed === cmd.spec.role ? name : `${name} ${sub}`
      return {
        kind: 'reply',
        text: `⛔ 没有权限：${what} 需要${roleNames(orAdmin(needed))}角色。${this.instead(cmd.spec, roles)}`,
        refused: cmd.spec.name,
        privately: refusedPrivately,
      }
    }
    const where = cmd.spec.where ?? 'any'
    if (where === 'group' && !event.group) return { kind: 'reply', text: `${name} 只能在群里使用。`, privately }
    if (where === 'private' && event.group) return { kind: 'reply', text: `${name} 请私聊机器人使用。`, privately }
    if (args.length > MAX_ARGS_CHARS)
      return { kind: 'reply', text: `${name} 的内容太长（最多 ${MAX_ARGS_CHARS} 字），请缩短后再发。`, privately }
    return { kind: 'run', command: cmd, args, argv }
  }

  /** The pointer of a refusal to what the asker's role offers instead (`CommandSpec.instead`), else nothing. */
  private instead(spec: CommandSpec, roles: Role[]): string {
    for (const role of roles) {
      const to = spec.instead?.[role]
      const there = to && this.find(to.command.split(/\s+/)[0])
      if (to && there && allowed(there.spec.role, roles)) return to.text
    }
    return ''
  }

  /** A private `帮助` (or `help`) without the prefix: someone new to the bot asking, read as `#帮助`. */
  private privateHelp(event: MessageEvent): ParsedCommand | undefined {
    if (event.group || !/^\s*(?:帮助|help)[\s?？!！。.]*$/i.test(event.text)) return undefined
    return { name: '帮助', args: '', argv: [] }
  }

  /** The name of a command the asker may use where they asked that a typo (`帮主`) is a few edits away from. */
  private nearest(typo: string, event: MessageEvent, roles: Role[]): string | undefined {
    const here = event.group ? 'group' : 'private'
    const names = this.all()
      .filter(c => allowed(c.spec.role, roles) && openHere(event, c.spec) && forThem(c.spec, event, roles))
      .filter(c => (c.spec.where ?? 'any') === 'any' || c.spec.where === here)
      .flatMap(c => [c.spec.name, ...(c.spec.aliases ?? [])])
    return nearestKey(typo, names)
  }

  /** Exact name first; else the longest Chinese name the word starts with (`#成交客户刘总…` is `#成交 客户刘总…`). */
  private resolve(p: ParsedCommand): { cmd?: RegisteredCommand; args: string; argv: string[] } {
    const exact = this.byName.get(p.name)
    if (exact) return { cmd: exact, args: p.args, argv: p.argv }
    const name = [...this.byName.keys()]
      .filter(n => /^[\u4e00-\u9fff]/.test(n) && p.name.startsWith(n))
      .sort((a, b) => b.length - a.length)[0]
    if (!name) return { args: p.args, argv: p.argv }
    const args = `${p.name.slice(name.length)} ${p.args}`.trim()
    return { cmd: this.byName.get(name), args, argv: args ? args.split(/\s+/) : [] }
  }

  /**
   * Help text listing only what the asker of `event` may run where they asked; a customer in their group is
   * told how to reach the staff instead (they may run no command but this one).
   */
  help(event: MessageEvent): string {
    if (customersRead(event) && !event.sender.isStaff)
      return event.group?.kind === 'broadcast' ? BROADCAST_HELP : CUSTOMER_HELP
    const here = event.group ? 'group' : 'private'
    const lines = this.all()
      .filter(c => allowed(c.spec.role, event.sender.roles) && openHere(event, c.spec))
      .filter(c => forThem(c.spec, event, event.sender.roles))
      .filter(c => (c.spec.where ?? 'any') === 'any' || c.spec.where === here)
      .filter(c => !event.group || !c.spec.usableIn || c.spec.usableIn(event.group))
      .flatMap(c => helpLine(c.spec, event.sender.roles))
    return [`可用命令（${lines.length}）：`, ...lines].join('\n')
  }
}

/**
 * Whether the asker may use (and `#帮助` offers) `spec` as far as their having a role goes: privately, someone
 * without one only what is meant for them (customer-facing, or open to them: `CommandSpec.openToAnyone`).
 */
function forThem(spec: CommandSpec, event: MessageEvent, roles: Role[]): boolean {
  if (event.group || roles.length > 0 || spec.customerFacing) return true
  const open = spec.openToAnyone
  return typeof open === 'function' ? open(event.sender.id) : open === true
}

/**
 * A command's `#帮助` line for someone with `roles`: only the subcommands they may run, described by what those
 * do when the parts say (else by the command's description); none when they may run none.
 */
function helpLine(spec: CommandSpec, roles: Role[]): string[] {
  const parts = spec.help?.filter(
    h => (!h.roles || h.roles.some(r => roles.includes(r))) && !h.notFor?.some(r => roles.includes(r)),
  )
  if (parts?.length === 0) return []
  const described = parts?.flatMap(h => h.description ?? [])
  const description = described?.length ? described.join('；') : spec.description
  return [`${parts?.map(h => h.usage).join('；') ?? spec.usage}  ${description}`]
}

/**
 * True when `roles` satisfy `needed` (a list: any one of them); admins may do everything, and every role counts
 * as staff.
 */
export function allowed(needed: CommandSpec['role'], roles: Role[]): boolean {
  if (typeof needed !== 'string') return needed.some(r => allowed(r, roles))
  return (
    needed === 'member' || roles.includes('admin') || roles.includes(needed) || (needed === 'staff' && roles.length > 0)
  )
}

/** The roles that may run what needs `needed`: admins too (they may do everything), named last. */
function orAdmin(needed: CommandSpec['role']): CommandSpec['role'] {
  const list = typeof needed === 'string' ? [needed] : needed
  if (list.some(r => r === 'admin' || r === 'staff' || r === 'member')) return needed
  return [...list, 'admin'] as Role[]
}

/** The roles of a refusal in words: `「管理员」`, or `「领导」、「培训师」或「审计员」` for a list. */
export function roleNames(needed: CommandSpec['role']): string {
  const names = (typeof needed === 'string' ? [needed] : needed).map(r => `「${ROLE_LABEL[r]}」`)
  return names.length > 1 ? `${names.slice(0, -1).join('、')}或${names.at(-1)}` : names.join('')
}

/** Build the answer to the asker of `event` (audience `asker`): into its group @-ing them, or `privately`. */
export function replyTo(event: MessageEvent, text: string, rule: string, privately = false): SayAction {
  const meta = { rule, memberId: event.sender.id, audience: 'asker' as const }
  return event.group && !privately
    ? { type: 'say', to: { room: event.group.id }, text, mentions: [event.sender.id], groupId: event.group.id, ...meta }
    : { type: 'say', to: { contact: event.sender.id }, text, groupId: event.group?.id, ...meta }
}

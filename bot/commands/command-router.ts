import type { Action } from '../core/actions.js'
import type { MessageEvent, Role } from '../core/event.js'
import type { CommandSpec } from '../core/plugin.js'
import { parseCommand, type ParsedCommand } from './parse-command.js'

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
  | { kind: 'reply'; text: string; refused?: string }

/**
 * Finds the command a message names and checks the sender's roles (by
 * contact id only). Unknown commands and refusals get a short reply.
 */
export class CommandRouter {
  private byName = new Map<string, RegisteredCommand>()

  constructor(readonly prefix: string) {}

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

  /** Decide what to do with a message. */
  route(event: MessageEvent, roles: Role[]): Routed {
    const parsed = parseCommand(event.text, this.prefix)
    if (!parsed) return { kind: 'none' }
    const { cmd, args, argv } = this.resolve(parsed)
    if (!cmd)
      return {
        kind: 'reply',
        text: `未知命令 ${this.prefix}${parsed.name}。发送 ${this.prefix}帮助 查看你可以使用的命令。`,
      }
    const where = cmd.spec.where ?? 'any'
    if (where === 'group' && !event.group)
      return { kind: 'reply', text: `${this.prefix}${cmd.spec.name} 只能在群里使用。` }
    if (where === 'private' && event.group)
      return { kind: 'reply', text: `${this.prefix}${cmd.spec.name} 请私聊机器人使用。` }
    if (!allowed(cmd.spec.role, roles)) {
      return {
        kind: 'reply',
        text: `⛔ 没有权限：${this.prefix}${cmd.spec.name} 需要「${ROLE_LABEL[cmd.spec.role]}」角色。`,
        refused: cmd.spec.name,
      }
    }
    return { kind: 'run', command: cmd, args, argv }
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

  /** Help text listing only what someone with `roles` may use. */
  help(roles: Role[]): string {
    const lines = this.all()
      .filter(c => allowed(c.spec.role, roles))
      .map(c => `${c.spec.usage}  ${c.spec.description}`)
    return [`可用命令（${lines.length}）：`, ...lines].join('\n')
  }
}

/** True when `roles` satisfy `needed`; admins may do everything, and every role counts as staff. */
export function allowed(needed: Role | 'member', roles: Role[]): boolean {
  return (
    needed === 'member' || roles.includes('admin') || roles.includes(needed) || (needed === 'staff' && roles.length > 0)
  )
}

/** Build a reply action to where a message came from. */
export function replyTo(event: MessageEvent, text: string, rule: string): Action {
  return event.group
    ? {
        type: 'say',
        to: { room: event.group.id },
        text,
        mentions: [event.sender.id],
        rule,
        groupId: event.group.id,
        memberId: event.sender.id,
      }
    : { type: 'say', to: { contact: event.sender.id }, text, rule, memberId: event.sender.id }
}

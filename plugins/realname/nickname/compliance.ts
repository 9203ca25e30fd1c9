import type { GroupKind, GroupRef, Member } from '../../../bot/core/event.js'
import type { RosterEntry } from '../../../bot/roster/roster.js'
import type { RealnameConfig } from '../config.js'
import { checkNickname, type NicknameVerdict, type RosterView } from './check.js'
import { compileFormat, missingValues, renderExample, type CompiledFormat } from './format.js'

/** A member's nickname checked in one group. */
export interface Assessment {
  member: Member
  /** What was checked: the group nickname, or the WeChat name when the puppet reported none. */
  nickname: string
  /** True when the group nickname was unknown and the WeChat name was used instead. */
  aliasUnknown: boolean
  verdict: NicknameVerdict
}

/** Formats per group kind, compiled for one config section. */
export type CompiledFormats = Record<GroupKind, CompiledFormat[]>

/** Compile every format of a config section (throws on an invalid one). */
export function compileFormats(cfg: RealnameConfig, company: string): CompiledFormats {
  const vocab = { company, departments: cfg.departments, regions: cfg.regions }
  const kinds: GroupKind[] = ['internal', 'customer', 'broadcast']
  return Object.fromEntries(kinds.map(k => [k, cfg.formats[k].map(f => compileFormat(f, vocab))])) as CompiledFormats
}

/** What `mustComply` reads besides the member, the group and its config (built once, not per member). */
export interface ComplyInputs {
  selfId: string
  /** Who is exempt (fleet-wide). */
  exempt: { has(id: string): boolean }
  /** Whether the member holds a staff role; asked only when the group's kind enforces for staff. */
  isStaff(id: string): boolean
}

/** Who must use a real-name nickname in `group`: per the kind's enforce mode, minus the bot and exemptions. */
export function mustComply(member: Member, group: GroupRef, cfg: RealnameConfig, opts: ComplyInputs): boolean {
  if (member.id === opts.selfId || cfg.exempt.includes(member.id) || opts.exempt.has(member.id)) return false
  const mode = cfg.enforce[group.kind]
  return mode === 'everyone' || (mode === 'staff' && opts.isStaff(member.id))
}

/** Check a member's group nickname (with `check`, e.g. a memo of it), falling back to the WeChat name when the alias is unknown. */
export function assessMember(
  member: Member,
  formats: CompiledFormat[],
  roster: RosterView,
  maxLength: number,
  check: typeof checkNickname = checkNickname,
): Assessment {
  const aliasUnknown = member.groupAlias === undefined
  const nickname = member.groupAlias ?? member.name
  return {
    member,
    nickname,
    aliasUnknown,
    verdict: check(nickname, formats, { roster, contactId: member.id, maxLength }),
  }
}

/** What a member should rename to: their own nickname when the roster knows them, else the format with a sample. */
export function renameTarget(
  formats: CompiledFormat[],
  cfg: RealnameConfig,
  company: string,
  entry?: RosterEntry,
): { text: string; personal: boolean } {
  if (entry) {
    const values = { company, name: entry.name, dept: entry.dept, region: entry.region, phone: entry.phone }
    const fit = formats.find(f => f.tokens && !missingValues(f, values).length)
    if (fit) return { text: renderExample(fit, values), personal: true }
  }
  const { label, example } = formatSample(formats, cfg, company)
  return { text: example === label ? label : `${label}（例如 ${example}）`, personal: false }
}

/** The group's formats as a label (`部门-姓名 或 地区-姓名`) and a sample nickname for the first one. */
export function formatSample(
  formats: CompiledFormat[],
  cfg: RealnameConfig,
  company: string,
): { label: string; example: string } {
  const sample = {
    company,
    name: '张三',
    dept: cfg.departments[0] ?? '销售部',
    region: cfg.regions[0] ?? '南宁',
    phone: '13800138000',
  }
  return { label: formats.map(f => f.label).join(' 或 '), example: renderExample(formats[0], sample) }
}

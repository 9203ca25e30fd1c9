import type { Roster } from '../roster/roster.js'
import { formatPath } from './format-issues.js'
import type { RawConfig, RawGroup } from './schema.js'

/** A WeChat contact id never contains spaces or Chinese characters (`wxid_…`, a WeChat number, a puppet's id). */
const ID = /^[\x21-\x7e]+$/

/**
 * Roles, responsible staff, exemptions and extra recipients bind contact ids, never names: report an entry that is a roster name
 * or cannot be an id, with how to find the real id (`#我的ID`).
 */
export function checkContactIds(
  raw: RawConfig & { commandPrefix?: unknown },
  roster: Roster,
  at: (path: PropertyKey[]) => string,
  problems: string[],
): void {
  const prefix = typeof raw.commandPrefix === 'string' ? raw.commandPrefix : '#'
  const check = (path: PropertyKey[], value: unknown) => {
    if (typeof value !== 'string' || !value) return
    const named = roster.named(value)
    if (!named.length && ID.test(value)) return
    const [why, en] = named.length ? ['是花名册上的姓名', 'is a name on the roster'] : ['像是名字', 'looks like a name']
    const known = named.find(e => e.contactId)?.contactId
    // Chinese first (admins read it in chat after #重载配置), the English after it as in the other config problems.
    problems.push(
      `${at(path)}${formatPath(path)}: "${value}" ${why}，不是微信 ID${known ? `（花名册里 ${value} 的微信 ID 是 ${known}）` : ''}。角色等按微信 ID 绑定：请让本人私聊机器人发送 ${prefix}我的ID，把回复里的 ID 写在这里（${en}, not a WeChat contact id）`,
    )
  }
  const roles = raw.roles && typeof raw.roles === 'object' ? (raw.roles as Record<string, unknown>) : {}
  for (const [role, ids] of Object.entries(roles)) {
    if (Array.isArray(ids)) for (const [i, id] of ids.entries()) check(['roles', role, i], id)
  }
  const fleet = isMap((raw as Record<string, unknown>).fleet)
    ? ((raw as Record<string, unknown>).fleet as Record<string, unknown>)
    : {}
  if (Array.isArray(fleet.peers)) for (const [i, id] of fleet.peers.entries()) check(['fleet', 'peers', i], id)
  const plugins = isMap(raw.plugins) ? raw.plugins : {}
  for (const name of ['ack', 'content', 'realname']) {
    const exempt = isMap(plugins[name]) ? plugins[name].exempt : undefined
    if (Array.isArray(exempt)) for (const [i, id] of exempt.entries()) check(['plugins', name, 'exempt', i], id)
  }
  const cases = isMap(plugins.cases) && isMap(plugins.cases.digest) ? plugins.cases.digest : {}
  if (Array.isArray(cases.extraRecipients))
    for (const [i, id] of cases.extraRecipients.entries())
      check(['plugins', 'cases', 'digest', 'extraRecipients', i], id)
  for (const name of ['activity', 'service']) {
    const responsible = isMap(plugins[name]) && isMap(plugins[name].responsible) ? plugins[name].responsible : {}
    for (const [topic, ids] of Object.entries(responsible)) {
      if (Array.isArray(ids)) for (const [i, id] of ids.entries()) check(['plugins', name, 'responsible', topic, i], id)
    }
  }
  const groups = Array.isArray(raw.groups) ? (raw.groups as (RawGroup & { responsible?: unknown })[]) : []
  for (const [gi, g] of groups.entries()) {
    if (Array.isArray(g?.responsible))
      for (const [i, id] of g.responsible.entries()) check(['groups', gi, 'responsible', i], id)
  }
}

function isMap(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v)
}

import type { Member, Role } from '../../bot/core/event.js'
import type { Roster } from '../../bot/roster/roster.js'

/** What decides who must answer a notice. */
export interface AudienceRules {
  selfId: string
  authorId: string
  rolesOf(contactId: string): Role[]
  exemptRoles: Role[]
  exempt: string[]
  roster: Roster
}

/**
 * The members who must answer: everyone in the group at notice time minus the
 * bot, the author, exempt roles and exempt ids; when a roster is loaded, staff
 * only (bound on the roster, holding a role, or whose group-nickname name part
 * is on the roster; the name match only counts heads, it never authorises).
 */
export function mustAnswer(members: Member[], r: AudienceRules): Member[] {
  const exemptRoles = new Set(r.exemptRoles)
  const exempt = new Set([r.selfId, r.authorId, ...r.exempt])
  return members.filter(m => {
    if (exempt.has(m.id)) return false
    const roles = [...new Set([...m.roles, ...r.rolesOf(m.id)])]
    if (roles.some(x => exemptRoles.has(x))) return false
    return !r.roster.enabled || roles.length > 0 || !!r.roster.byContact(m.id) || nameOnRoster(m, r.roster)
  })
}

/** True when a name part of the group nickname or WeChat name ("销售部-张三" -> 张三, digits dropped) is on the roster. */
export function nameOnRoster(m: Member, roster: Roster): boolean {
  const parts = [m.groupAlias ?? '', m.name]
    .flatMap(s => s.split(/[-_—–·|｜/\s()（）]+/))
    .map(s => s.replace(/\d+/g, ''))
    .filter(Boolean)
  return parts.some(p => roster.named(p).length > 0)
}

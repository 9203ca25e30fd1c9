import { roleNames } from '../commands/command-router.js'

/** The chat roles that open console pages. */
export const CONSOLE_ROLES = ['admin', 'leader', 'trainer', 'auditor'] as const

/** A chat role that opens console pages. */
export type ConsoleRole = (typeof CONSOLE_ROLES)[number]

/** Console access: the console roles a signed-in person has now (never empty). */
export type Access = readonly ConsoleRole[]

/** A page family: its path (and everything under it), its navigation label and who may open it besides admins. */
export interface ConsolePage {
  path: string
  label: string
  roles: readonly ConsoleRole[]
}

/**
 * The pages in navigation order. Each role gets the pages of its job, as in chat: leaders the activity reports
 * (`#活跃度`) and the notices they post (`#通知`; the fines, admin-only in chat, are not shown to them), trainers
 * the cases (`#案例`), auditors the message archive (`#记录`); admins every page.
 */
export const PAGES: readonly ConsolePage[] = [
  { path: '/', label: '概览', roles: ['admin'] },
  { path: '/violations', label: '违规记录', roles: ['admin'] },
  { path: '/notices', label: '通知与罚款', roles: ['admin', 'leader'] },
  { path: '/campaigns', label: '活动与排期', roles: ['admin'] },
  { path: '/dictionary', label: '词库', roles: ['admin'] },
  { path: '/archive', label: '信息记录', roles: ['admin', 'auditor'] },
  { path: '/groups', label: '群活跃', roles: ['admin', 'leader'] },
  { path: '/cases', label: '案例', roles: ['admin', 'trainer'] },
  { path: '/settings', label: '设置', roles: ['admin'] },
]

/**
 * Where each role lands after signing in (the first of their roles in {@link CONSOLE_ROLES} order): an admin on the
 * overview, a leader on 群活跃 (how the groups are doing is what they come for; the notices are a click away), a
 * trainer on the cases, an auditor on the archive.
 */
const HOME: Record<ConsoleRole, string> = { admin: '/', leader: '/groups', trainer: '/cases', auditor: '/archive' }

/** The page someone with `access` lands on at `/`. */
export function homeOf(access: Access): ConsolePage | undefined {
  const role = CONSOLE_ROLES.find(r => access.includes(r))
  return PAGES.find(p => role && p.path === HOME[role])
}

/** The page family a request path belongs to (`/cases/C12` is `/cases`); undefined for unknown paths. */
export function pageOf(path: string): ConsolePage | undefined {
  return PAGES.find(p => path === p.path || (p.path !== '/' && path.startsWith(`${p.path}/`)))
}

/** Whether someone with `access` may open `page`. */
export function mayOpen(access: Access, page: ConsolePage): boolean {
  return access.includes('admin') || page.roles.some(r => access.includes(r))
}

/** The refusal of a page someone may not open: it names the roles that may. */
export function refusal(page: ConsolePage): string {
  return `没有权限：此页面需要${roleNames(page.roles)}角色`
}

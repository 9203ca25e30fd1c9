import type { Role } from '../../bot/core/event.js'
import type { Ticket } from './state.js'

/**
 * What someone may do with complaint tickets, by their chat roles:
 * - the auditor role is read-only (docs/console.md): an auditor lists and reads every ticket, never tags or closes one,
 *   whatever other role they hold (who checks the work does not do it);
 * - admins and leaders read every ticket and may close any;
 * - other staff (salespeople) see and close the tickets they are responsible for, and tag customer messages.
 */
export interface ComplaintAccess {
  /** Reads every ticket (`#投诉 列表`, `#投诉 T3`); otherwise only those they are responsible for. */
  readAll: boolean
  /** May tag a message (`#投诉` quoting it) and close tickets (their own; `closeAny`: every one). */
  write: boolean
  /** May close a ticket someone else is responsible for. */
  closeAny: boolean
}

/** The complaint access of someone with `roles`. */
export function complaintAccess(roles: readonly Role[]): ComplaintAccess {
  const auditor = roles.includes('auditor')
  const manager = roles.includes('admin') || roles.includes('leader')
  return { readAll: manager || auditor, write: !auditor, closeAny: manager && !auditor }
}

/** Whether `who` (with `access`) may read `t`. */
export function mayRead(access: ComplaintAccess, t: Pick<Ticket, 'responsible'>, who: string): boolean {
  return access.readAll || t.responsible.includes(who)
}

/** Whether `who` (with `access`) may close `t`. */
export function mayClose(access: ComplaintAccess, t: Pick<Ticket, 'responsible'>, who: string): boolean {
  return access.write && (access.closeAny || t.responsible.includes(who))
}

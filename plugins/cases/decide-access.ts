import type { MessageEvent } from '../../bot/core/event.js'
import type { CasesConfig } from './config.js'
import type { CaseRecord } from './state.js'
import { T } from './texts.js'

/** Why `event`'s sender may not share or search here, or undefined when they may. */
export function refusal(event: MessageEvent, cfg: CasesConfig): string | undefined {
  if (cfg.staffOnly && !event.sender.isStaff) return T.staffOnly
  if (event.group && !cfg.groupKinds.includes(event.group.kind)) return T.wrongGroup
  return undefined
}

/** True when the reply to `event` may show contact details: an admin in a private chat (when allowed). */
export function seesRaw(event: MessageEvent, cfg: CasesConfig): boolean {
  return cfg.privacy.adminsSeeRaw && !event.group && event.sender.roles.includes('admin')
}

/** Why the sender of `event` may not change case `c` in this way, or undefined when they may. */
export function editRefusal(
  event: MessageEvent,
  c: CaseRecord,
  how: 'amend' | 'withdraw',
  prefix: string,
): string | undefined {
  if (c.authorId === event.sender.id) return undefined
  if (how === 'amend') return T.notYourCaseToAmend(c)
  return T.notYourCaseToWithdraw(event.sender.roles.includes('admin') ? c.id : undefined, prefix)
}

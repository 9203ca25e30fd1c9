import { botAccountText } from '../../../bot/fleet/account-name.js'
import { asRehearsal, type Action } from '../../../bot/core/actions.js'
import type { GroupRef, MessageEvent } from '../../../bot/core/event.js'
import { severityOf } from '../assess/assess.js'
import type { Finding } from '../assess/findings.js'
import type { ContentConfig } from '../config.js'
import { contentStrikeCount } from '../decide-escalation.js'
import { decideIncident, decideRepeat, decideSpread, type IncidentInput } from '../decide.js'
import { openForeignIncident, withFleetRepeats } from '../incidents/fleet-incidents.js'
import { limitReachedIn, newIncident, openIncidentFor, reached, type IncidentLog } from '../incidents/incident.js'
import type { ServiceParts } from './parts.js'

/** How an offence is decided besides its message: `#确认`'s (`IncidentInput`), and the strikes decided before it in the same answer. */
export type OffenceOptions = Pick<IncidentInput, 'confirmed' | 'note' | 'held'> & { decidedStrikes?: number }

/** Every incident log this account knows: its own (under `undefined`) and the other accounts'. */
export function incidentLogs(s: ServiceParts): Map<string | undefined, IncidentLog> {
  return new Map<string | undefined, IncidentLog>([[undefined, s.incidents.state], ...s.foreignIncidents])
}

/** The member's open incident in another account's log, if the fleet has one (never for one process). */
function foreignOpen(s: ServiceParts, ev: MessageEvent, categories: string[], dryRun: boolean, cfg: ContentConfig) {
  if (!s.foreignIncidents.size) return undefined
  const q = { memberId: ev.sender.id, categories, dryRun, now: ev.at, windowMs: cfg.incidentWindow }
  return openForeignIncident(s.foreignIncidents, q)
}

/** What deciding on an offence in `ev`'s group needs: the member's name and active strikes, names, times. */
function incidentInput(
  s: ServiceParts,
  ev: MessageEvent & { group: GroupRef },
  findings: Finding[],
  cfg: ContentConfig,
  dryRun: boolean,
): IncidentInput {
  const since = ev.at - cfg.strikeTtl
  const reach = { memberId: ev.sender.id, groupId: ev.group.id, since, dryRun }
  return {
    cfg,
    ev,
    findings,
    memberName: s.ctx.displayName(ev.sender),
    activeStrikes: contentStrikeCount(s.ctx.ledger.activeStrikes(ev.sender.id, s.ctx.clock.now())),
    timezone: s.ctx.timezone,
    prefix: s.ctx.commandPrefix,
    account: accountLabel(s),
    mayRemove: s.ctx.directory.mayRemove?.(ev.group.id),
    responsible: s.ctx.responsibleFor(ev.group),
    limitReachedHere: limitReachedIn(s.incidents.state, reach),
  }
}

/** An offence in `ev`: a new incident, or a repeat merged into the member's open one; `confirmed`: by `#确认`. */
export function offence(
  s: ServiceParts,
  ev: MessageEvent & { group: GroupRef },
  findings: Finding[],
  cfg: ContentConfig,
  dryRun: boolean,
  how: OffenceOptions = {},
): Action[] {
  if (!findings.length) return []
  const { decidedStrikes = 0, ...told } = how
  // The strikes decided earlier in the same answer are not in the ledger yet: the warning and the limit count them.
  const input = (): IncidentInput => {
    const x = incidentInput(s, ev, findings, cfg, dryRun)
    return { ...x, ...told, activeStrikes: x.activeStrikes + decidedStrikes }
  }
  const log = s.incidents.state
  const categories = findings.map(f => f.category)
  const open = openIncidentFor(log, ev.sender.id, categories, dryRun, ev.at, cfg.incidentWindow)
  const far = open ? undefined : foreignOpen(s, ev, categories, dryRun, cfg)
  let actions: Action[]
  if (open && !reached(open, ev.group.id)) {
    // The same offence in another group: handled there too, counted once.
    actions = decideSpread(open, input())
    s.incidents.append({ op: 'repeat', id: open.id, at: ev.at, group: ev.group.id })
  } else if (open) {
    s.incidents.append({ op: 'repeat', id: open.id, at: ev.at })
    actions = decideRepeat(open, ev, findings)
  } else if (far) {
    const { id, messageId } = far.incident
    s.incidents.append({ op: 'foreign', account: far.account, id, messageId, at: ev.at })
    actions = decideRepeat(withFleetRepeats(far.incident, far.account, incidentLogs(s)), ev, findings)
  } else {
    const memberName = s.ctx.displayName(ev.sender)
    const incident = newIncident(log, {
      memberId: ev.sender.id,
      memberName,
      groupId: ev.group.id,
      groupTopic: ev.group.topic,
      groupKind: ev.group.kind,
      categories,
      labels: findings.map(f => f.label),
      severity: severityOf(findings),
      startedAt: ev.at,
      messageId: ev.id,
      steps: [],
      dryRun,
    })
    actions = decideIncident(incident, input())
    // Recorded once its steps are decided (the record is the incident as `#违规` lists it).
    s.incidents.append({ op: 'open', incident })
  }
  return dryRun ? asRehearsal(actions) : actions
}

/** This account as the admins read it when the fleet has several (`「销售小助手」(sales2)`, the account alone without a name). */
function accountLabel(s: ServiceParts): string | undefined {
  const account = s.ctx.fleet.account?.()
  return account && botAccountText(account, s.ctx.fleet.accountName?.(account))
}

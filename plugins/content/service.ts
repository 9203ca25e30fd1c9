import { emit, type Action } from '../../bot/core/actions.js'
import type { GroupRef, MessageEvent } from '../../bot/core/event.js'
import type { PluginContext } from '../../bot/core/plugin.js'
import type { Doc } from '../../bot/ports/store.js'
import { assessMessage, isExempt, severityOf, splitDryRun } from './assess.js'
import type { ContentConfig } from './config.js'
import { asDryRun, decideIncident, decideRepeat } from './decide.js'
import { DictionaryHolder } from './dictionary-holder.js'
import { selfCheckProblems } from './self-check.js'
import { contentStrikeCount } from './escalation.js'
import './facts.js'
import type { Finding } from './findings.js'
import { FloodTracker } from './flood.js'
import { addIncident, INCIDENTS_DOC, mergeRepeat, openIncidentFor, type IncidentLog } from './incident.js'

/**
 * The plugin's state and per-message flow: the compiled dictionary, flood
 * windows (memory) and the incident log (store doc `content-incidents`).
 */
export class ContentService {
  readonly holder: DictionaryHolder
  readonly flood = new FloodTracker()
  readonly incidents: Doc<IncidentLog>

  constructor(readonly ctx: PluginContext<ContentConfig>) {
    // A reloaded dictionary that would flag the bot's own warnings is refused like a broken file.
    this.holder = new DictionaryHolder(
      ctx.configFor().dictionaries,
      () => ctx.clock.now(),
      m => selfCheckProblems(ctx.configFor(), m),
    )
    this.incidents = ctx.store.doc('content-incidents', INCIDENTS_DOC)
  }

  /** Reload the dictionaries (file watcher, `#词库 重载`); logs the outcome. */
  reload(notify = true): ReturnType<DictionaryHolder['reload']> {
    const outcome = this.holder.reload(notify)
    if (outcome.ok) this.ctx.log.info(`dictionary reloaded (version ${this.holder.version})`)
    else
      this.ctx.log.warn(
        `dictionary reload failed, keeping version ${this.holder.version}: ${outcome.problems.join('; ')}`,
      )
    return outcome
  }

  /** Decide on one message: nothing for private chats, commands, recall notices and exempt senders. */
  onMessage(ev: MessageEvent): Action[] {
    if (!ev.group || ev.command || ev.kind === 'recalled') return []
    const cfg = this.ctx.configFor(ev.group)
    if (isExempt(ev.sender, cfg)) return []
    const inGroup = ev as MessageEvent & { group: GroupRef }
    const findings = assessMessage(inGroup, this.holder.matcher, cfg, this.flood)
    if (!findings.length) return []
    // In observe mode every finding is a rehearsal: its incident is kept apart from real ones and its steps are records.
    if (this.ctx.observing(ev.group))
      return [...this.offence(inGroup, findings, cfg, true), moderated(inGroup, findings)]
    const { live, dry } = splitDryRun(findings, cfg)
    return [
      ...this.offence(inGroup, live, cfg, false),
      ...this.offence(inGroup, dry, cfg, true),
      moderated(inGroup, findings),
    ]
  }

  private offence(
    ev: MessageEvent & { group: GroupRef },
    findings: Finding[],
    cfg: ContentConfig,
    dryRun: boolean,
  ): Action[] {
    if (!findings.length) return []
    const log = this.incidents.data
    const categories = findings.map(f => f.category)
    const open = openIncidentFor(log, ev.sender.id, categories, dryRun, ev.at, cfg.incidentWindow)
    let actions: Action[]
    if (open) {
      mergeRepeat(open, ev.at)
      actions = decideRepeat(open, ev, findings)
    } else {
      const memberName = this.ctx.displayName(ev.sender)
      const incident = addIncident(log, {
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
      const activeStrikes = contentStrikeCount(this.ctx.ledger.activeStrikes(ev.sender.id, this.ctx.clock.now()))
      actions = decideIncident(incident, {
        cfg,
        ev,
        findings,
        memberName,
        activeStrikes,
        timezone: this.ctx.timezone,
        prefix: this.ctx.commandPrefix,
      })
    }
    this.incidents.changed()
    return dryRun ? asDryRun(actions) : actions
  }
}

/** Tell the other plugins this message was moderated (activity then does not wait for an answer to it). */
function moderated(ev: MessageEvent & { group: GroupRef }, findings: Finding[]): Action {
  const categories = [...new Set(findings.map(f => f.category))]
  return emit(
    'message.moderated',
    { groupId: ev.group.id, messageId: ev.id, memberId: ev.sender.id, categories },
    { rule: 'content.moderated', groupId: ev.group.id, memberId: ev.sender.id },
  )
}

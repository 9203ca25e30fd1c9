import type { Action } from '../../core/actions.js'
import type { Fact } from '../../core/facts.js'
import type { BotEvent, GroupRef, MessageEvent, Role } from '../../core/event.js'
import { Roster, type RosterEntry } from '../../roster/roster.js'
import { SHARED_ROSTER_DOC, SHARED_ROSTER_SCHEMA } from '../../roster/shared-roster.js'
import { pluginTitle, type Decision, type JobSpec } from '../../core/plugin.js'
import { pluginsRunLines } from './plugins-run.js'
import { ConfigError, type LoadedConfig } from '../../config/load-config.js'
import { type Doc, StateDamageError, type StoreWriteError } from '../../ports/store/store.js'
import {
  calendarWarning,
  calendarWarningForLog,
  companyCalendar,
  missingCalendarYears,
  type WorkCalendar,
} from '../../time/workdays.js'
import { CommandRouter, replyTo, type Routed } from '../../commands/command-router.js'
import { answerAttachments, answerPrivately } from '../../commands/audience.js'
import { AuditLog } from '../records/audit.js'
import { Ledger } from '../records/ledger.js'
import { Outbox } from '../delivery/outbox.js'
import { Timers, VolatileTimerWrites, timerKind, type TimerRecord } from '../schedule/timers.js'
import { Scheduler } from '../schedule/scheduler.js'
import { Executor, groupOf } from '../delivery/executor.js'
import { IdCache } from '../records/id-cache.js'
import { SerialQueue } from './serial-queue.js'
import { createPlugins, decide, guarded, type HostedPlugin, pluginsReached } from './plugin-host.js'
import { enrichEvent, isConfigPeer, roleResolver } from './identity.js'
import { builtinCommands } from '../../commands/builtin/builtin-commands.js'
import type { RuntimeDeps } from './runtime-deps.js'
import type { OutboundMessage } from '../../ports/outbound-message.js'
import { adminRoom } from '../groups/group-bindings.js'
import { ObserveMode } from './observe-mode.js'
import { type AccountDown, type FleetGate, SOLO } from '../../fleet/gate.js'
import {
  DECIDED_DOC,
  DECIDED_NAME,
  type Decided,
  type DecidedMark,
  noteDecided,
  undecided,
} from '../../fleet/decided.js'
import { GapEvents, messageCause, RepeatCounter } from '../../fleet/gap-events.js'
import { SentBatch } from '../../fleet/sent-batch.js'
import { accountDownText } from '../../fleet/texts.js'
import { sendKey } from '../../fleet/keys.js'
import { TakeoverBatch } from '../../fleet/takeover-batch.js'
import { OUTWARD_ACTIONS } from '../../core/actions.js'
import { PrivateHints } from '../../commands/private-hint.js'
import { StorageKeeper } from '../storage/storage-keeper.js'

/**
 * The bot runtime: receives normalised events, routes commands, lets every
 * plugin decide inside its error boundary, and hands the actions to the
 * executor. It knows nothing about Wechaty.
 */
export class BotRuntime {
  readonly audit: AuditLog
  readonly ledger: Ledger
  readonly outbox: Outbox
  readonly timers: Timers
  readonly executor: Executor
  /** The one serial queue: events (pushed by the Wechaty wiring), timers and cron jobs, one at a time. */
  readonly queue: SerialQueue
  readonly errors: string[] = []
  /** The data folder's sizes and daily retention (`storage.retention`). */
  readonly storage: StorageKeeper
  readonly startedAt: number
  loaded: LoadedConfig
  /**
   * The working-day calendar of this app: its config's `calendar` over the statutory data (or `deps.calendar`), made
   * again with the plugins at each config; handed to the scheduler and to the plugins (`PluginContext.calendar`).
   */
  calendar!: WorkCalendar
  router!: CommandRouter
  plugins: HostedPlugin[] = []
  private scheduler!: Scheduler
  private storeFailure?: StoreWriteError
  readonly modes: ObserveMode
  private seen: IdCache
  /** Whether the flush before a send writes the volatile documents (a volatile timer's changes, see there). */
  private readonly volatileTimers = new VolatileTimerWrites()
  private prepared?: Promise<void>
  /** The plugins an event reaches, by a group's config sections, where this process acts and where it does not (fleet); made again with the plugins. */
  private reached = {
    acting: new Map<Record<string, unknown> | undefined, HostedPlugin[]>(),
    elsewhere: new Map<Record<string, unknown> | undefined, HostedPlugin[]>(),
  }
  /** `dryFor`'s functions, by plugin name. */
  private dryByPlugin = new Map<string, (a: Action) => boolean>()
  private factDepth = 0
  /** Who got the hint for a private message that is no command, and when (`privateHint`). */
  private hints = new PrivateHints()
  private rolesOf: (contactId: string) => Role[]
  /** The fleet's answers to "may I act here / run this / send this" (always yes for one process). */
  readonly fleet: FleetGate
  /** When the roster in use was loaded (start, a reload here or through another account of the fleet). */
  private rosterAt: number
  /** What the task running now is (an event, a timer, a cron slot): the cause in the fleet's send keys. */
  private task?: Task
  /** Fleet: the recent messages of groups this process is in but does not act in (none for one process). */
  private gap?: GapEvents
  /** Fleet: numbers identical messages, so each has a send-key cause of its own. */
  private repeats?: RepeatCounter
  /** Fleet: the groups taken over from one down account together, their open work moved in one transaction. */
  private takeovers = new TakeoverBatch()
  /** Fleet: which messages of the lease gap were answered, read once for the groups taken over together. */
  private sentBatch = new SentBatch(
    causes => this.fleet.sentCauses(causes),
    groupId => this.gap?.peek(groupId).map(messageCause) ?? [],
  )
  /** Fleet: the newest message decided on in each group acted in, so a taker does not decide on it again. */
  private decided?: Doc<Decided>

  constructor(readonly deps: RuntimeDeps) {
    const { clock, store, loaded } = deps
    const cfg = loaded.config
    this.loaded = loaded
    this.rolesOf = roleResolver(loaded)
    this.fleet = deps.fleet ?? SOLO
    if (this.fleet.gapMs) this.gap = new GapEvents(this.fleet.gapMs)
    if (this.fleet !== SOLO) {
      this.repeats = new RepeatCounter()
      this.decided = store.doc(DECIDED_NAME, DECIDED_DOC)
    }
    this.startedAt = clock.now()
    this.rosterAt = this.startedAt
    this.queue = new SerialQueue(e => deps.log.error('queued task failed', e))
    // Fleet-wide audit: the other accounts' entries are read in fleet mode only.
    this.audit = new AuditLog(
      store,
      clock,
      cfg.timezone,
      this.fleet === SOLO ? undefined : store.readFleetLog?.bind(store),
    )
    this.storage = new StorageKeeper({
      store,
      outputDir: deps.outputDir,
      log: deps.log,
      audit: this.audit,
      config: () => this.loaded.config,
      plugins: () => this.plugins,
      queuedFiles: () => this.outbox.files(),
    })
    this.ledger = new Ledger(store, {
      base: cfg.penalties.fineBase,
      windowMs: cfg.penalties.fineWindow,
      step: cfg.penalties.fineStep,
      stepMs: cfg.penalties.fineStepEvery,
      cap: cfg.penalties.fineCap,
    })
    // In a fleet a fine is shown with its account (`F2@sales1`): each account numbers its own.
    if (this.fleet !== SOLO) this.ledger.account = this.fleet.account
    this.outbox = new Outbox(
      clock,
      deps.sender,
      cfg.outbox,
      store,
      deps.log.child('outbox'),
      deps.random,
      // Durable documents before every send; the volatile ones too while a volatile timer's changes are not yet written.
      () => store.flush(true, this.volatileTimers.takeForSend()),
      (msg, items) => this.mayDeliver(msg, items),
    )
    this.outbox.onSent = (message, seq, at) =>
      void this.queue.push(() =>
        this.deliverFact('runtime', { name: 'message.sent', data: { id: `out:${seq}`, at, message } }),
      )
    this.timers = new Timers(clock, store)
    store.onWriteFailure(e => this.storeFailed(e))
    // Fleet-wide strikes and fines: the other accounts' ledgers count here (each account writes its own).
    this.fleet.follow('ledger', (account, data) => this.ledger.setForeign(account, data), 'runtime:ledger')
    // A roster reloaded through another account applies here too.
    this.fleet.follow('roster', (_account, data) => this.takeRoster(data), 'runtime:roster')
    this.seen = new IdCache(cfg.runtime.dedupeWindow)
    this.modes = new ObserveMode(store, () => this.loaded)
    this.executor = new Executor({
      clock,
      outbox: this.outbox,
      roomAdmin: deps.roomAdmin,
      audit: this.audit,
      ledger: this.ledger,
      timers: this.timers,
      strikeTtlDefault: cfg.penalties.strikeTtl,
      log: deps.log.child('executor'),
      onFact: (from, fact) => this.deliverFact(from, fact),
      readers: {
        group: id => deps.directory.group(id),
        isStaff: id => this.rolesOf(id).length > 0,
      },
      keyOf: msg => (this.task && this.fleet !== SOLO ? sendKey(causeOf(this.task), msg) : undefined),
      originOf: () => (this.task && this.fleet !== SOLO ? groupOfTask(this.task) : undefined),
      nameOf: async (id, groupId) => {
        // The roster's name comes first: the group's member list (a copy of it) is read only without one.
        const listed = this.loaded.roster.byContact(id)?.name
        if (listed) return listed
        const m = (await deps.directory.members(groupId)).find(x => x.id === id)
        return m?.groupAlias ?? m?.name ?? id
      },
      topicOf: groupId => deps.directory.group(groupId)?.topic,
      admins:
        cfg.adminChannel.mode === 'group'
          ? { mode: 'group', adminIds: () => this.loaded.config.roles.admin, roomId: () => this.adminRoomId() }
          : { mode: 'private', adminIds: () => this.loaded.config.roles.admin },
    })
  }

  /**
   * Create the plugins and register their commands and jobs, nothing running yet: `start` (at login) then starts
   * them. The CLI calls it before connecting, so a config a plugin cannot start with or damaged state stops the
   * bot before it connects (thrown: ConfigError, StateDamageError). Once only; `start` calls it when nobody did.
   */
  prepare(): Promise<void> {
    this.prepared ??= (async () => {
      try {
        await this.loadPlugins()
        if (this.deps.store.refused.length) throw new StateDamageError(this.deps.store.refused)
      } catch (e) {
        // A plugin whose durable records are damaged must not run on empty ones (that is also why it
        // could not start), and a plugin that cannot start is a start-up error.
        const refused = this.deps.store.refused
        throw refused.length ? new StateDamageError(refused) : (e as Error)
      }
    })()
    return this.prepared
  }

  /** Create plugins (unless `prepare` did), start their jobs, re-arm stored timers, resume the outbox. */
  async start(): Promise<void> {
    try {
      await this.prepare()
    } catch (e) {
      // Stop, saying why.
      this.fatal(e as Error)
      throw e
    }
    this.scheduler.start()
    // Which plugins run, and which only because the config does not name them (on by default).
    const running = this.plugins.map(x => ({ name: x.name, title: pluginTitle(x.def) }))
    this.deps.log.info(pluginsRunLines(running, this.loaded.writtenPlugins).join('；'))
    const calendarGap = calendarWarningForLog(this.missingCalendarYears())
    if (calendarGap) this.deps.log.warn(calendarGap)
    for (const t of this.timers.pending()) {
      const p = this.plugins.find(x => x.name === t.plugin)
      const problem = p && timerProblem(p, t)
      if (problem) this.onError(problem, undefined)
    }
    // A group taken over from an account that is down brings that account's open work there along.
    // After a clean stop (`stopped`) the account acted on every message up to its last one: nothing to replay.
    this.fleet.onTakeover((groupId, from, stopped) => {
      let moved = false
      const { fleet, timers, onError } = this
      const deps = {
        fleet,
        timers,
        onError,
        plugins: () => this.plugins,
        log: this.deps.log.child('fleet'),
        outbox: this.outbox,
        sending: () => ({
          adminRoom: this.adminRoomId(),
          reaches: async (chat: OutboundMessage['chat']) => this.deps.directory.reaches?.(chat),
        }),
      }
      if (!stopped) this.sentBatch.expect(groupId)
      this.takeovers.expect(groupId, from)
      return this.queue
        .push(async () => {
          try {
            const taken = await this.takeovers.take(deps, groupId, from)
            moved = !!taken
            if (stopped) this.gap?.take(groupId, Number.POSITIVE_INFINITY)
            else await this.replayGap(groupId, taken?.decided, taken?.queued)
          } finally {
            // A takeover that failed leaves no group waiting in the batch (its causes would be read every time).
            this.sentBatch.done(groupId)
            this.takeovers.done(groupId)
          }
        })
        .then(() => moved)
    })
    this.fleet.onAccountDown(down => this.accountDown(down))
    await this.fleet.start()
    this.timers.start((t, volatile) => {
      if (volatile) this.volatileTimers.fired()
      void this.queue
        .push(() =>
          this.inTask({ cause: `timer:${t.plugin}:${t.key}@${t.at}`, group: t.group }, async () => {
            // A group's timer fires only where the group is acted in (its holder took the group's timers along).
            if (t.group && t.group !== this.adminRoomId() && !(await this.holdsNow(t.group)))
              return this.deps.log.info(`fleet: timer ${t.plugin}:${t.key} left to the bot acting in ${t.group}`)
            // Fired once fleet-wide, even when two processes race for it (a restart, a takeover).
            if (await this.fleet.claimRun(t.run ?? `timer:${this.fleet.account}:${t.plugin}:${t.key}@${t.at}`))
              await this.onTimer(t.plugin, t.key, t.payload)
          }),
        )
        .finally(() => volatile && this.volatileTimers.handled())
    })
    this.outbox.resume()
  }

  /**
   * Another account is down and this one took groups from it: the admins are told once per outage. A clean stop
   * (leases given back, a planned restart) is only logged by the fleet and shown in `#状态`.
   */
  private accountDown(down: AccountDown): void {
    if (down.stopped) return
    const topicOf = (id: string) => this.deps.directory.group(id)?.topic ?? id
    const text = accountDownText(down, this.fleet.account, topicOf)
    const cause = `fleet:down:${down.account}@${this.deps.clock.now()}`
    void this.queue.push(() =>
      this.inTask({ cause }, async () => {
        await this.act('runtime', [{ type: 'notifyAdmins', rule: 'fleet.account-down', text }])
      }),
    )
  }

  /** Queue an event behind everything already queued (events, due timers and jobs); resolves when handled. */
  enqueue(event: BotEvent): Promise<void> {
    return this.queue.push(() => this.handle(event))
  }

  /** Run one queued task with its cause known (for send keys), after reading what the fleet changed. */
  private async inTask(task: Task, run: () => Promise<void>): Promise<void> {
    this.task = task
    try {
      await this.syncFleet()
      await run()
    } finally {
      this.task = undefined
    }
  }

  /** Read what the fleet changed (nothing to read for one process). */
  private async syncFleet(): Promise<void> {
    if (this.fleet !== SOLO) await this.fleet.sync().catch(e => this.deps.log.error('fleet: sync failed', e))
  }

  /**
   * Whether an outward action may go out (fleet): not in a group another bot acts in (a lost lease stops
   * acting at once), and a message for everyone (admins, no group) from a cron slot only from the process
   * that claimed the slot fleet-wide.
   */
  private async mayAct(a: Action): Promise<boolean> {
    if (!OUTWARD_ACTIONS.has(a.type)) return true
    const group = groupOf(a)
    if (group && group !== this.adminRoomId()) return this.holdsNow(group)
    const task = this.task
    if (!task?.once) return true
    task.claimed ??= this.fleet.claimRun(task.once)
    return task.claimed
  }

  /**
   * Whether this process acts in the group: when its lease ran out only because the renewal is late (a loaded
   * machine), after waiting for that renewal, so nothing is dropped or left unmoderated while the group is still
   * this account's.
   */
  private async holdsNow(group: string): Promise<boolean> {
    await this.fleet.lapsed(group)
    return this.fleet.holds(group)
  }

  /** Right before a send: the group is still held, and the items no other bot of the fleet sent before. */
  private async mayDeliver<T extends { seq: number; key?: string }>(msg: OutboundMessage, items: T[]): Promise<T[]> {
    if (this.fleet === SOLO) return items
    if ('room' in msg.chat && msg.chat.room !== this.adminRoomId() && !(await this.holdsNow(msg.chat.room))) return []
    const keyOf = (i: T) => i.key ?? `outbox:${this.fleet.account}:${i.seq}`
    const claimed = new Set(await this.fleet.claimSends(items.map(keyOf)))
    return items.filter(i => claimed.has(keyOf(i)))
  }

  /**
   * Handle one event end to end (dedupe, age filter, commands, plugins, actions). Callers outside tests use
   * `enqueue`. Nothing is returned (no promise) when the event was handled synchronously: no command, no
   * plugin answering with a promise, no action that has to wait.
   */
  handle(event: BotEvent): Promise<void> | undefined {
    // One process: no send keys to name a cause for, no fleet to read first.
    return this.fleet === SOLO ? this.handleEvent(event) : this.handleInFleet(event)
  }

  /** `handle` in a fleet: `inTask` for events, written out (no closure per event). */
  private async handleInFleet(event: BotEvent): Promise<void> {
    this.task = { event }
    try {
      await this.syncFleet()
      // A group whose lease ran out only because its renewal is late: the event waits for the renewal (checked
      // right before the event is decided on: the read above may take long enough for the lease to run out).
      const lapsed = 'group' in event && event.group ? this.fleet.lapsed(event.group.id) : undefined
      if (lapsed) await lapsed
      await this.handleEvent(event)
    } finally {
      this.task = undefined
    }
  }

  private handleEvent(event: BotEvent): Promise<void> | undefined {
    if (event.type === 'message') {
      if (event.sender.id === this.deps.directory.selfId()) return
      if (this.seen.seenBefore(event.id)) return
      if (this.deps.clock.now() - event.at > this.loaded.config.runtime.maxMessageAge) return
      this.repeats?.note(event)
    }
    enrichEvent(event, this.rolesOf, this.isPeer)
    const group = 'group' in event ? event.group : undefined
    // Fleet: in a group another bot acts in, only the plugins that see everything (the archive) see the event.
    const acting = !group || this.fleet.holds(group.id)
    if (group && event.type === 'message') {
      // Kept for a takeover of the group: decided on then, if its holder never did (`replayGap`).
      if (!acting) this.gap?.add(group.id, event)
      else this.noteDecided(group.id, event.at)
    }
    return this.decideActing(event, group, acting)
  }

  /** Commands (when acting), then the plugins. */
  private decideActing(
    event: BotEvent,
    group: GroupRef | undefined,
    acting: boolean,
    replay = false,
  ): Promise<void> | undefined {
    // A fleet peer's commands count only when it also holds a role; otherwise bots never answer each other.
    if (acting && event.type === 'message' && (!event.sender.isPeer || event.sender.roles.length)) {
      const routed = this.router.route(event, event.sender.roles)
      if (routed.kind !== 'none') return this.commandThenDecide(event, routed, group, acting, replay)
      // A private text from someone the bot knows (rare): a hint if nothing answers it (a standalone bot only).
      if (!group && event.sender.isStaff && !this.deps.embedded) return this.decideThenHint(event)
    }
    return this.decideOn(event, group, acting, replay)
  }

  /** A private message that is no command: the plugins decide, then a hint when none of them answered it (`privateHint`). */
  private async decideThenHint(event: MessageEvent): Promise<void> {
    let answered = false
    const act = (p: HostedPlugin, actions: Action[]): Promise<void> | undefined => {
      if (actions.some(a => OUTWARD_ACTIONS.has(a.type))) answered = true
      return this.act(p, actions)
    }
    await this.decideOn(event, undefined, true, false, act)
    if (answered) return
    const hint = this.hints.take(event, this.loaded.config.commandPrefix, this.deps.clock.now())
    if (hint) await this.act('runtime', [hint])
  }

  /**
   * After taking `groupId` over: decide on its messages this process received in the lease gap, which no account
   * acted on: after the old holder's `mark` (what it had decided on as of its last flush, `fleet-decided`) and with no
   * send in `fleet_sent` (the old holder's answer to one shares its cause; read with the other groups taken over
   * together, `SentBatch`) and no answer of the old holder's moved here from its outbox (`queued`: their causes), at
   * most the gate's `gapMs` and `runtime.maxMessageAge` old. Runs inside the serial queue.
   */
  private async replayGap(groupId: string, mark?: DecidedMark, queued?: Set<string>): Promise<void> {
    try {
      await this.replayKept(groupId, mark, queued)
    } finally {
      this.sentBatch.done(groupId)
    }
  }

  /** `replayGap`'s work. */
  private async replayKept(groupId: string, mark?: DecidedMark, queued = new Set<string>()): Promise<void> {
    const now = this.deps.clock.now()
    const maxAge = this.loaded.config.runtime.maxMessageAge
    const kept = (this.gap?.take(groupId, now - this.fleet.gapMs) ?? []).filter(e => now - e.at <= maxAge)
    // Those the old holder decided on (its counts hold them) are not decided again: nothing counted twice.
    const events = undecided(kept, mark)
    const before = kept.length - events.length
    if (!events.length) {
      if (before) this.deps.log.info(`fleet: ${groupId}: the ${before} message(s) kept were decided on before`)
      return
    }
    const causes = events.map(messageCause)
    const answered = await this.sentBatch.answered(groupId, causes)
    // Its answer was still in its outbox: moved here with the group, sent from here.
    const waiting = causes.filter(c => queued.has(c) && !answered.has(c)).length
    let decided = 0
    for (const [i, event] of events.entries()) {
      if (answered.has(causes[i]) || queued.has(causes[i]) || !this.fleet.holds(groupId)) continue
      decided++
      this.noteDecided(groupId, event.at)
      await this.inTask({ cause: causes[i], group: groupId }, async () => {
        await this.decideActing(event, event.group, true, true)
      })
    }
    const skipped = [
      ...(before ? [`${before} decided on before`] : []),
      ...(answered.size ? [`${answered.size} answered by the account before`] : []),
      ...(waiting ? [`${waiting} whose answer moved here from its outbox`] : []),
    ]
    this.deps.log.info(
      `fleet: decided on ${decided} message(s) of ${groupId} received while nobody acted there` +
        (skipped.length ? ` (${skipped.join(', ')})` : ''),
    )
  }

  /** Note a message of a group acted in as decided on (fleet: `fleet-decided`, written at the next flush). */
  private noteDecided(groupId: string, at: number): void {
    const d = this.decided
    if (d && noteDecided(d.data, groupId, at)) d.changed()
  }

  /** A routed command first, then the plugins (a command may have reloaded the config: sections read after it). */
  private async commandThenDecide(
    event: MessageEvent,
    routed: Exclude<Routed, { kind: 'none' }>,
    group: GroupRef | undefined,
    acting: boolean,
    replay: boolean,
  ): Promise<void> {
    await this.routeCommand(event, routed)
    await this.decideOn(event, group, acting, replay)
  }

  /**
   * Let the plugins decide on an event, with its group's config sections, each plugin's actions to `act`. A
   * `replay` (a message of a lease gap) skips the plugins that see everything: they saw it when it came.
   */
  private decideOn(
    event: BotEvent,
    group: GroupRef | undefined,
    acting: boolean,
    replay = false,
    act = this.actOn,
  ): Promise<void> | undefined {
    const sections = group && this.loaded.groupSections.get(group.configName)
    const reached = this.reachedBy(acting, sections)
    return decide(replay ? reached.filter(p => !p.def.seesPeers) : reached, event, this.onError, act)
  }

  /** The plugins an event reaches (`pluginsReached`): made once per group's sections, not per event. */
  private reachedBy(acting: boolean, sections: Record<string, unknown> | undefined): HostedPlugin[] {
    const known = acting ? this.reached.acting : this.reached.elsewhere
    let reached = known.get(sections)
    if (!reached) known.set(sections, (reached = pluginsReached(this.plugins, acting, sections)))
    return reached
  }

  /** A fleet peer by contact id: listed in the config, or another account of the fleet. */
  readonly isPeer = (id: string): boolean => isConfigPeer(this.loaded, id) || this.fleet.isPeer(id)

  /** `act` for one plugin's actions (bound once, not per event). */
  private actOn = (plugin: HostedPlugin, actions: Action[]): Promise<void> | undefined => this.act(plugin, actions)

  /**
   * Perform a plugin's actions. In observe mode (decided per plugin and the group an action concerns, see
   * `observe-mode.ts`) outward actions are only recorded, except answers to the person who typed a command.
   * Synchronous (nothing returned) when no action has to wait (see `Executor.run`).
   */
  act(p: HostedPlugin | 'runtime', all: Action[]): Promise<void> | undefined {
    if (this.fleet !== SOLO) return this.actInFleet(p, all)
    return this.perform(p, all)
  }

  /** `act` in a fleet: only the actions this process may perform. */
  private async actInFleet(p: HostedPlugin | 'runtime', all: Action[]): Promise<void> {
    await this.perform(p, await this.allowed(p === 'runtime' ? p : p.name, all))
  }

  private perform(p: HostedPlugin | 'runtime', actions: Action[]): Promise<void> | undefined {
    if (!actions.length) return
    if (p === 'runtime') return this.executor.run('runtime', actions, false)
    return this.executor.run(p.name, actions, this.dryFor(p.name))
  }

  /** Whether one of a plugin's actions is only recorded (observe mode), as a function made once per plugin. */
  private dryFor(plugin: string): (a: Action) => boolean {
    let dry = this.dryByPlugin.get(plugin)
    if (!dry) {
      dry = a => a.audience !== 'asker' && this.observing(plugin, groupOf(a))
      this.dryByPlugin.set(plugin, dry)
    }
    return dry
  }

  /** The actions this process may perform (fleet); the others are logged and dropped, not audited as done. */
  private async allowed(plugin: string, actions: Action[]): Promise<Action[]> {
    const keep: Action[] = []
    for (const a of actions) {
      if (await this.mayAct(a)) keep.push(a)
      else
        this.deps.log.info(
          `fleet: ${plugin}/${a.rule} ${a.type} left to the bot acting in ${groupOf(a) ?? 'the fleet'}`,
        )
    }
    return keep
  }

  /** Whether `plugin` is in observe mode for the group `groupId` (none: outside groups). */
  observing(plugin: string, groupId?: string): boolean {
    const group = groupId ? this.deps.directory.group(groupId) : undefined
    return this.modes.of(plugin, group?.configName).observing
  }

  /** The warning for the years (this, from December the next) the holiday calendar has no data for; undefined if none. */
  calendarWarning(): string | undefined {
    return calendarWarning(this.missingCalendarYears())
  }

  /** The years (this, from December the next) the holiday calendar has no data for. */
  private missingCalendarYears(): number[] {
    const { timezone, calendar } = this.loaded.config
    return missingCalendarYears(this.deps.clock.now(), timezone, calendar)
  }

  /** Swap in a new, already validated config: plugins are re-created, state is kept. */
  async applyConfig(loaded: LoadedConfig): Promise<void> {
    const previous = this.loaded
    this.scheduler.stop()
    this.stopPlugins()
    this.loaded = loaded
    this.rolesOf = roleResolver(loaded)
    try {
      await this.loadPlugins()
    } catch (e) {
      // The new config's plugins cannot start: keep running on the old config.
      this.loaded = previous
      this.rolesOf = roleResolver(previous)
      await this.loadPlugins()
      this.scheduler.start()
      throw e
    }
    this.scheduler.start()
  }

  /** Replace the roster (already validated); role lookups follow it. In a fleet the other accounts take it too. */
  replaceRoster(roster: Roster): void {
    this.loaded.roster = roster
    this.rolesOf = roleResolver(this.loaded)
    this.rosterAt = this.deps.clock.now()
    if (this.fleet === SOLO) return
    const shared = this.deps.store.doc('roster', SHARED_ROSTER_DOC)
    Object.assign(shared.data, { at: this.rosterAt, source: roster.source, entries: roster.entries })
    shared.changed()
  }

  /** Another account reloaded the roster: take it when it is newer than this account's. */
  private takeRoster(data: unknown): void {
    const got = SHARED_ROSTER_SCHEMA.safeParse(data)
    if (!got.success || got.data.at <= this.rosterAt) return
    this.rosterAt = got.data.at
    this.loaded.roster = new Roster(got.data.entries as RosterEntry[], got.data.source)
    this.rolesOf = roleResolver(this.loaded)
  }

  /** Stop timers and jobs and flush the store (the outbox queue is persisted). */
  async stop(): Promise<void> {
    this.scheduler?.stop()
    this.stopPlugins()
    this.timers.stop()
    this.outbox.pause()
    await this.deps.store.flush()
    await this.fleet.stop().catch(e => this.deps.log.error('fleet: leases not given back (they run out)', e))
  }

  private stopPlugins(): void {
    for (const p of this.plugins) {
      try {
        p.instance.stop?.()
      } catch (e) {
        this.onError(`${p.name}.stop: ${(e as Error).message}`, e)
      }
    }
  }

  private async loadPlugins(): Promise<void> {
    const { deps, loaded } = this
    const tz = loaded.config.timezone
    this.router = new CommandRouter(loaded.config.commandPrefix, !deps.embedded)
    this.calendar = deps.calendar ?? companyCalendar(loaded.config.calendar)
    this.scheduler = new Scheduler(deps.clock, tz, this.calendar, deps.store)
    for (const spec of [...builtinCommands(this), ...(deps.commands ?? [])]) this.router.add('runtime', spec)
    // The data folder's daily retention run, on the serial queue like the plugins' jobs (it deletes what they
    // might send); with every period off it only counts the sizes, beside the queue.
    this.scheduler.add('runtime:retention', loaded.config.storage.retention.cron, false, at => {
      if (!this.storage.deletes())
        return void this.storage.measure(at).catch(e => this.onError(`storage count: ${(e as Error).message}`, e))
      void this.queue.push(() =>
        this.inTask({ cause: `job:runtime:retention@${at}` }, () =>
          this.storage.run(at).then(
            () => {},
            e => this.onError(`retention: ${(e as Error).message}`, e),
          ),
        ),
      )
    })
    // A plugin that cannot start, or a job that cannot be scheduled, is a start-up error: never run without it.
    const problems: string[] = []
    this.plugins = await createPlugins(
      deps.plugins,
      loaded,
      {
        ...deps,
        audit: this.audit,
        ledger: this.ledger,
        calendar: this.calendar,
        fleet: this.fleet,
        observing: (plugin, g) => this.observing(plugin, g?.id),
        // The router of this load, filled with every plugin's commands once they are created.
        isCommand: text => this.router.names(text),
      },
      problems,
    )
    this.reached.acting.clear()
    this.reached.elsewhere.clear()
    for (const p of this.plugins) {
      for (const spec of p.instance.commands ?? []) this.router.add(p.name, spec)
      for (const job of p.instance.jobs ?? []) {
        try {
          this.scheduler.add(`${p.name}:${job.name}`, job.cron, job.workdaysOnly ?? false, at =>
            this.runJob(p, job, at),
          )
        } catch (e) {
          problems.push(
            `plugins.${p.name}: 定时任务 ${job.name} 无法安排 job cannot be scheduled: ${(e as Error).message}`,
          )
        }
      }
    }
    if (problems.length) {
      this.stopPlugins()
      this.plugins = []
      throw new ConfigError(problems.map(p => `${loaded.file}: ${p}`))
    }
  }

  /** Run or answer a command the router found in a message (`routed`: not `none`). */
  private async routeCommand(event: MessageEvent, routed: Exclude<Routed, { kind: 'none' }>): Promise<void> {
    // A customer's refused `#投诉 …` stays their words to the staff (a complaint, a question): only audited.
    if (routed.kind === 'reply' && routed.silent) event.refusedCommand = true
    else event.isCommand = true
    if (routed.kind === 'reply') {
      if (routed.refused)
        this.audit.append({
          plugin: 'runtime',
          rule: 'command-refused',
          type: 'refused',
          dryRun: false,
          groupId: event.group?.id,
          memberId: event.sender.id,
          reason: `${routed.refused} by ${event.sender.name}`,
          evidence: { messageId: event.id, text: event.text.slice(0, 200) },
        })
      if (routed.silent) return
      return this.act('runtime', [replyTo(event, routed.text, 'command-reply', routed.privately)])
    }
    const { spec, plugin } = routed.command
    event.command = spec.name
    const host = this.plugins.find(p => p.name === plugin) ?? 'runtime'
    const rule = `command.${spec.name}`
    const file = (path: string, r: string, privately: boolean): Action => {
      const { to, groupId, memberId, audience } = replyTo(event, '', r, privately)
      return { type: 'sendFile', to, path, rule: r, groupId, memberId, audience }
    }
    const inv = {
      args: routed.args,
      argv: routed.argv,
      event,
      reply: (text: string, r = rule) => replyTo(event, text, r, answerPrivately(event, spec)),
      whisper: (text: string, r = rule) => replyTo(event, text, r, true),
      replyFile: (path: string, r = rule): Action => file(path, r, answerPrivately(event, spec)),
      whisperFile: (path: string, r = rule): Action => file(path, r, true),
    }
    // Answers to the asker carry audience `asker`; everything else the command decides obeys observe mode.
    const decided = await guarded(plugin, `command ${spec.name}`, () => spec.run(inv), this.onError)
    await this.act(host, answerAttachments(decided, event, spec))
  }

  /**
   * Hand a fact to every plugin but the one that emitted it; facts emitted in answer are bounded in depth.
   * Synchronous (nothing returned) while every plugin answers synchronously and no action has to wait.
   */
  private deliverFact(from: string, fact: Fact): Promise<void> | undefined {
    if (this.factDepth >= 4) {
      this.onError(`fact ${fact.name} from ${from} dropped: facts nested too deep`, undefined)
      return
    }
    this.factDepth++
    let pending: Promise<void> | undefined
    try {
      pending = this.factFrom(0, this.plugins, from, fact)
    } finally {
      if (!pending) this.factDepth--
    }
    return pending?.finally(this.factDelivered)
  }

  private factDelivered = (): void => {
    this.factDepth--
  }

  /** `deliverFact` from the plugin at `start` on: synchronous until one answers with a promise or has to wait. */
  private factFrom(start: number, plugins: HostedPlugin[], from: string, fact: Fact): Promise<void> | undefined {
    for (let i = start; i < plugins.length; i++) {
      const p = plugins[i]
      if (p.name === from || !p.instance.onFact) continue
      const decided = guarded(p.name, `fact ${fact.name}`, () => p.instance.onFact?.(fact) ?? [], this.onError)
      const acting = Array.isArray(decided) ? this.act(p, decided) : decided.then(actions => this.act(p, actions))
      if (acting) return this.factAfter(acting, i + 1, plugins, from, fact)
    }
    return undefined
  }

  private async factAfter(
    acting: Promise<void>,
    next: number,
    plugins: HostedPlugin[],
    from: string,
    fact: Fact,
  ): Promise<void> {
    await acting
    await this.factFrom(next, plugins, from, fact)
  }

  private async onTimer(plugin: string, key: string, payload: unknown): Promise<void> {
    const p = this.plugins.find(x => x.name === plugin)
    if (!p) return
    const problem = timerProblem(p, { plugin, key, at: 0, payload })
    if (problem) return this.onError(problem, undefined)
    await this.runGuarded(p, `timer ${key}`, () => p.instance.onTimer?.(key, payload) ?? [])
  }

  /** Queue a job that fell due: whole, or part by part (each part queued when the one before it is done). */
  private runJob(p: HostedPlugin, job: JobSpec, at: number): void {
    // Fleet: the slot's messages for no group go out once fleet-wide (claimed by the first part that sends one).
    const task = { cause: `job:${p.name}:${job.name}@${at}`, once: `job:${p.name}:${job.name}@${at}` }
    if (!job.parts) {
      void this.queue.push(() => this.inTask(task, () => this.runGuarded(p, `job ${job.name}`, () => job.run(at))))
      return
    }
    const queuePart = (parts: (() => Decision)[], i: number): void => {
      if (i >= parts.length) return
      void this.queue.push(() =>
        this.inTask(task, async () => {
          await this.deps.yieldTurn?.()
          await this.runGuarded(p, `job ${job.name} (${i + 1}/${parts.length})`, parts[i])
          queuePart(parts, i + 1)
        }),
      )
    }
    void this.queue.push(() => {
      try {
        queuePart(job.parts(at), 0)
      } catch (e) {
        this.onError(`${p.name}: job ${job.name}: ${(e as Error).message}`, e)
      }
    })
  }

  private async runGuarded(p: HostedPlugin, what: string, fn: () => Action[] | Promise<Action[]>): Promise<void> {
    await this.act(p, await guarded(p.name, what, fn, this.onError))
  }

  private onError = (msg: string, e: unknown): void => {
    this.errors.push(`${new Date(this.deps.clock.now()).toISOString()} ${msg}`)
    if (this.errors.length > 20) this.errors.shift()
    this.deps.log.error(msg, e)
  }

  /**
   * A write failed (read-only or full disk): stop sending (nothing may leave the bot that its records
   * do not hold), tell the admins directly, then stop the process: never a zombie that drops replies.
   */
  private storeFailed(e: StoreWriteError): void {
    if (this.storeFailure) return
    this.storeFailure = e
    this.outbox.pause()
    this.deps.log.error(`${e.message}: records can no longer be kept, stopping`)
    // A lost database connection is a restart (exit 75), like a lost puppet connection: the next start tells the admins.
    if (e.name === 'DatabaseUnavailableError') return this.fatal(e)
    const text = `⚠️ 机器人无法写入状态文件（磁盘只读或已满？）：${e.file}。为免丢失记录，机器人已停止，请处理后重启。`
    const cfg = this.loaded.config.adminChannel
    const room = cfg.mode === 'group' ? this.adminRoomId() : undefined
    const chats = room ? [{ room }] : this.loaded.config.roles.admin.map(id => ({ contact: id }))
    void Promise.allSettled(chats.map(chat => this.deps.sender.send({ chat, text }))).then(() => this.fatal(e))
  }

  /** Stop the bot through `deps.onFatal` (the app turns it into the CLI's fatal exit); without one, only log it. */
  private fatal(e: Error): void {
    if (this.deps.onFatal) return this.deps.onFatal(e)
    this.deps.log.error('fatal (no onFatal handler)', e)
  }

  /** The admin group's room: bound by id in the directory; when ambiguous, admins are told privately instead. */
  private adminRoomId(): string | undefined {
    return adminRoom(this.deps.directory.groups(), this.loaded.config.adminChannel.group)
  }
}

/** Why a stored timer cannot be delivered to its plugin (unknown kind, wrong payload shape), in one line; undefined when it can. */
function timerProblem(p: HostedPlugin, t: TimerRecord): string | undefined {
  const schemas = p.instance.timerPayloads
  if (!schemas) return undefined
  const kind = timerKind(t.key)
  const schema = schemas[kind]
  if (!schema) return `stored timer ${t.plugin}:${t.key} has unknown kind "${kind}", not delivered`
  const checked = schema.safeParse(t.payload)
  if (checked.success) return undefined
  const issue = checked.error.issues[0]
  return `stored timer ${t.plugin}:${t.key} payload wrong shape (${issue.path.join('.') || 'payload'}: ${issue.message}), not delivered`
}

/**
 * A queued task: its cause in the fleet's send keys (an event's, made when a send first needs it), and the run
 * key of a cron slot whose messages for no group go out once fleet-wide.
 */
interface Task {
  cause?: string
  event?: BotEvent
  /** The group whose timer (or replayed message) runs; an event's is its own. */
  group?: string
  once?: string
  claimed?: Promise<boolean>
}

/** The task's cause: given, or its event's (a message's the same in every account that received it). */
function causeOf(task: Task): string {
  task.cause ??= task.event ? eventCause(task.event) : 'task'
  return task.cause
}

/** The group whose event or timer the task is (its messages to others move with that group at a takeover). */
function groupOfTask(task: Task): string | undefined {
  return task.group ?? (task.event && 'group' in task.event ? task.event.group?.id : undefined)
}

/** An event's cause: a message's (`messageCause`), or what changed in which group. */
function eventCause(e: BotEvent): string {
  if (e.type === 'message') return messageCause(e)
  const g = 'group' in e && e.group ? e.group.id : ''
  return `event:${e.type}:${g}@${e.at}`
}

import type { Action } from '../core/actions.js'
import type { BotEvent, MessageEvent, Role } from '../core/event.js'
import type { Roster } from '../roster/roster.js'
import type { CommandSpec, PluginDefinition } from '../core/plugin.js'
import type { LoadedConfig } from '../config/load-config.js'
import type { Clock } from '../ports/clock.js'
import type { Store } from '../ports/store.js'
import type { Directory, RoomAdmin, Sender } from '../ports/directory.js'
import { chineseCalendar, type WorkCalendar } from '../time/workdays.js'
import { CommandRouter, replyTo } from '../commands/command-router.js'
import { AuditLog } from './audit.js'
import { Ledger } from './ledger.js'
import { Outbox } from './outbox.js'
import { Timers } from './timers.js'
import { Scheduler } from './scheduler.js'
import { Executor } from './executor.js'
import { IdCache } from './id-cache.js'
import type { Logger } from './logger.js'
import { createPlugins, enrichEvent, guarded, roleResolver, type HostedPlugin } from './plugin-host.js'
import { builtinCommands } from './builtin-commands.js'

/** Everything the runtime is built from: config, plugin definitions and ports. */
export interface RuntimeDeps {
  loaded: LoadedConfig
  plugins: PluginDefinition[]
  clock: Clock
  store: Store
  directory: Directory
  roomAdmin: RoomAdmin
  sender: Sender
  log: Logger
  outputDir: string
  calendar?: WorkCalendar
  random?: () => number
  /** Re-read and validate the config file (for `#重载配置`); throws ConfigError. */
  reloadConfig?: () => LoadedConfig
  /** Extra runtime commands registered next to the built-in ones (e.g. the web console's `#控制台`). */
  commands?: CommandSpec[]
}

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
  readonly errors: string[] = []
  readonly startedAt: number
  loaded: LoadedConfig
  router!: CommandRouter
  plugins: HostedPlugin[] = []
  private scheduler!: Scheduler
  private seen: IdCache
  private flags
  private rolesOf: (contactId: string) => Role[]

  constructor(readonly deps: RuntimeDeps) {
    const { clock, store, loaded } = deps
    const cfg = loaded.config
    this.loaded = loaded
    this.rolesOf = roleResolver(loaded)
    this.startedAt = clock.now()
    this.audit = new AuditLog(store, clock, cfg.timezone)
    this.ledger = new Ledger(store, {
      base: cfg.penalties.fineBase,
      windowMs: cfg.penalties.fineWindow,
      step: cfg.penalties.fineStep,
      stepMs: cfg.penalties.fineStepEvery,
      cap: cfg.penalties.fineCap,
    })
    this.outbox = new Outbox(clock, deps.sender, cfg.outbox, store, deps.log.child('outbox'), deps.random, () =>
      store.flush(true),
    )
    this.timers = new Timers(clock, store)
    this.seen = new IdCache(cfg.runtime.dedupeWindow)
    this.flags = store.doc<{ dryRun: Record<string, boolean> }>('runtime-flags', () => ({ dryRun: {} }))
    this.executor = new Executor({
      clock,
      outbox: this.outbox,
      roomAdmin: deps.roomAdmin,
      audit: this.audit,
      ledger: this.ledger,
      timers: this.timers,
      strikeTtlDefault: cfg.penalties.strikeTtl,
      log: deps.log.child('executor'),
      admins:
        cfg.adminChannel.mode === 'group'
          ? { mode: 'group', adminIds: () => this.loaded.config.roles.admin, roomId: () => this.adminRoomId() }
          : { mode: 'private', adminIds: () => this.loaded.config.roles.admin },
    })
  }

  /** Create plugins, register their commands and jobs, re-arm stored timers, resume the outbox. */
  async start(): Promise<void> {
    await this.loadPlugins()
    this.timers.start((plugin, key, payload) => void this.onTimer(plugin, key, payload))
    this.outbox.resume()
  }

  /** Handle one event end to end (dedupe, age filter, commands, plugins, actions). */
  async handle(event: BotEvent): Promise<void> {
    if (event.type === 'message') {
      if (event.sender.id === this.deps.directory.selfId()) return
      if (this.seen.seenBefore(event.id)) return
      if (this.deps.clock.now() - event.at > this.loaded.config.runtime.maxMessageAge) return
    }
    enrichEvent(event, this.rolesOf)
    if (event.type === 'message') await this.routeCommand(event)
    const group = 'group' in event ? event.group : undefined
    for (const p of this.plugins) {
      if (group && this.sectionFor(p.name, group.configName)?.enabled === false) continue
      const actions = await guarded(p.name, event.type, () => p.instance.onEvent?.(event), this.onError)
      await this.act(p, actions)
    }
  }

  /** Perform a plugin's actions: dry when the plugin is, or when the group an action targets is (runtime actions never are). */
  async act(p: HostedPlugin | 'runtime', actions: Action[]): Promise<void> {
    if (!actions.length) return
    if (p === 'runtime') return this.executor.run('runtime', actions, false)
    const pluginDry = this.isDryRun(p)
    return this.executor.run(p.name, actions, a => pluginDry || this.groupDryRun(p.name, a))
  }

  private sectionFor(plugin: string, configName: string): Record<string, unknown> | undefined {
    return this.loaded.groupSections.get(configName)?.[plugin]
  }

  private groupDryRun(plugin: string, a: Action): boolean {
    const groupId = 'groupId' in a && a.groupId ? a.groupId : 'to' in a && 'room' in a.to ? a.to.room : undefined
    const group = groupId ? this.deps.directory.group(groupId) : undefined
    return group ? this.sectionFor(plugin, group.configName)?.dryRun === true : false
  }

  /** Whether a plugin only records (config, global switch, or `#观察`). */
  isDryRun(p: HostedPlugin): boolean {
    return this.flags.data.dryRun[p.name] ?? p.dryRun
  }

  /** Switch dry-run for one plugin at run time (persisted). */
  setDryRun(plugin: string, on: boolean): void {
    this.flags.data.dryRun[plugin] = on
    this.flags.changed()
  }

  /** Swap in a new, already validated config: plugins are re-created, state is kept. */
  async applyConfig(loaded: LoadedConfig): Promise<void> {
    this.scheduler.stop()
    this.stopPlugins()
    this.loaded = loaded
    this.rolesOf = roleResolver(loaded)
    await this.loadPlugins()
  }

  /** Replace the roster (already validated); role lookups follow it. */
  replaceRoster(roster: Roster): void {
    this.loaded.roster = roster
    this.rolesOf = roleResolver(this.loaded)
  }

  /** Stop timers and jobs and flush the store (the outbox queue is persisted). */
  async stop(): Promise<void> {
    this.scheduler?.stop()
    this.stopPlugins()
    this.timers.stop()
    this.outbox.pause()
    await this.deps.store.flush()
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
    this.router = new CommandRouter(loaded.config.commandPrefix)
    this.scheduler = new Scheduler(deps.clock, tz, deps.calendar ?? chineseCalendar, deps.store)
    for (const spec of [...builtinCommands(this), ...(deps.commands ?? [])]) this.router.add('runtime', spec)
    this.plugins = await createPlugins(
      deps.plugins,
      loaded,
      { ...deps, audit: this.audit, ledger: this.ledger },
      this.errors,
    )
    for (const p of this.plugins) {
      for (const spec of p.instance.commands ?? []) this.router.add(p.name, spec)
      for (const job of p.instance.jobs ?? []) {
        try {
          this.scheduler.add(
            `${p.name}:${job.name}`,
            job.cron,
            job.workdaysOnly ?? false,
            at => void this.runGuarded(p, `job ${job.name}`, () => job.run(at)),
          )
        } catch (e) {
          this.onError(`${p.name}: job ${job.name} not scheduled (${(e as Error).message})`, e)
        }
      }
    }
    this.scheduler.start()
  }

  private async routeCommand(event: MessageEvent): Promise<void> {
    const routed = this.router.route(event, event.sender.roles)
    if (routed.kind === 'none') return
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
      return this.act('runtime', [replyTo(event, routed.text, 'command-reply')])
    }
    event.command = routed.command.spec.name
    const host = this.plugins.find(p => p.name === routed.command.plugin) ?? 'runtime'
    const inv = {
      args: routed.args,
      argv: routed.argv,
      event,
      reply: (text: string, rule = `command.${routed.command.spec.name}`) => replyTo(event, text, rule),
    }
    const actions = await guarded(
      routed.command.plugin,
      `command ${routed.command.spec.name}`,
      () => routed.command.spec.run(inv),
      this.onError,
    )
    // Command replies are answers to a person: send them even when the plugin's rules are in dry-run.
    await this.act(
      'runtime',
      actions.filter(a => a.rule.startsWith('command')),
    )
    await this.act(
      host,
      actions.filter(a => !a.rule.startsWith('command')),
    )
  }

  private async onTimer(plugin: string, key: string, payload: unknown): Promise<void> {
    const p = this.plugins.find(x => x.name === plugin)
    if (p) await this.runGuarded(p, `timer ${key}`, () => p.instance.onTimer?.(key, payload) ?? [])
  }

  private async runGuarded(p: HostedPlugin, what: string, fn: () => Action[] | Promise<Action[]>): Promise<void> {
    await this.act(p, await guarded(p.name, what, fn, this.onError))
  }

  private onError = (msg: string, e: unknown): void => {
    this.errors.push(`${new Date(this.deps.clock.now()).toISOString()} ${msg}`)
    if (this.errors.length > 20) this.errors.shift()
    this.deps.log.error(msg, e)
  }

  private adminRoomId(): string | undefined {
    const name = this.loaded.config.adminChannel.group
    return this.deps.directory.groups().find(g => g.configName === name)?.id
  }
}

import { randomUUID } from 'node:crypto'
import type { MessageEvent } from '../core/event.js'
import { pluginTitle } from '../core/plugin.js'
import type { Views, ViewsName } from '../core/views.js'
import type { AuditEntry } from '../runtime/records/audit.js'
import { formatDuration } from '../config/duration.js'
import { undoOf, undoPenalty } from '../commands/builtin/undo-command.js'
import { memberLabel } from '../commands/member-names.js'
import { type Health, healthOf, inFleet } from '../commands/builtin/health.js'
import type { BotRuntime } from '../runtime/host/runtime.js'
import { consoleGroupDays, consoleWaited, consoleWaiting, type GroupDays } from './fleet-days.js'
import type { GroupWaiting } from '../../plugins/activity/state.js'
import type { Waited } from '../../plugins/activity/report/text.js'
import type { ContentViews } from '../../plugins/content/views.js'
import { type Access, CONSOLE_ROLES } from './access.js'

/** Who made a change in the console: a WeChat admin (contact id) or the environment token. */
export interface Actor {
  id: string
  name: string
}

/** The same facts as `#状态`, as data. */
export interface StatusFacts {
  /** The same verdict and warnings as `#状态`'s 健康 line. */
  health: Health
  uptime: string
  selfId: string
  loggedIn: boolean
  /** Each plugin: its name, its title as people read it (`违规内容（content）`), mode and status line. */
  plugins: { name: string; title: string; dryRun: boolean; status?: string }[]
  groups: { id: string; topic: string; kind: string }[]
  outboxDepth: number
  pendingTimers: number
  memoryMb: number
  errors: string[]
}

/** Observe mode of one plugin: from config, and in effect (after `#观察` or a console switch). */
export interface PluginMode {
  name: string
  /** As people read it: `违规内容（content）`. */
  title: string
  configDryRun: boolean
  effective: boolean
}

/** What a plugin does in one group: turned off there, only observing, or acting. */
export type GroupPluginMode = 'off' | 'observe' | 'act'

/** Effective mode of every plugin in one managed group (global switch, config and per-group sections). */
export interface GroupMode {
  id: string
  topic: string
  plugins: Record<string, GroupPluginMode>
}

/**
 * A penalty-bearing audit entry, who and where in words, its categories with their labels and its evidence as
 * people read it (the content plugin's words, as in chat), and whether it can still be undone.
 */
export interface ViolationRow {
  entry: AuditEntry
  member?: string
  group?: string
  /** The categories the entry is about; without the content plugin's view, its rule. */
  categories: { key: string; label: string }[]
  /** The incident it belongs to (several entries, one incident: warning, strike, report), unique across the fleet. */
  incident: string
  reason?: string
  evidence?: string
  undoable: boolean
  /** Who undid it (a name) and why, when `#撤销` or the console did. */
  undone?: { by: string; why?: string }
}

/**
 * Everything the console reads and changes, behind one small interface so the
 * pages do not depend on runtime internals. Every change records who made it.
 */
export interface ConsoleSource {
  now(): number
  timezone(): string
  /** The chat command prefix (`#`). */
  prefix(): string
  status(): StatusFacts
  /** The console roles a signed-in person has now (as in chat, after config reloads); undefined: none, no page. */
  access(actor: Actor): Access | undefined
  plugins(): PluginMode[]
  groupModes(): GroupMode[]
  /** Switch observe mode of one plugin through the runtime (persisted) and audit it. */
  setDryRun(plugin: string, on: boolean, by: Actor): void
  /** Audit entries of every account of the fleet, newest first. */
  audit(q: { plugin?: string; days?: number; limit?: number }): Promise<AuditEntry[]>
  /** Recent content-plugin entries with evidence of every account of the fleet, newest first. */
  violations(days: number): Promise<ViolationRow[]>
  /** Undo a penalty the way `#撤销` does (member told through the outbox); returns the note shown. */
  undo(auditId: string, by: Actor, reason: string): Promise<string>
  /**
   * Run a chat command as `by` typed it privately to the bot (same router, roles, actions, audit log and
   * outbox: the answer also reaches them in WeChat); resolves with the answers the bot gave them.
   */
  command(by: Actor, text: string): Promise<string[]>
  /** The read-only views a running plugin offers (see `bot/core/views.ts`); undefined when it is not running. */
  views<K extends ViewsName>(plugin: K): Views[K] | undefined
  /** Everyone in a managed group now (the bot and the fleet's other accounts excluded, as `#活跃度` counts), for the silent members of the groups page; undefined for a group this account is not in (another account's, fleet mode). */
  groupMembers(groupId: string): Promise<{ id: string; name: string }[] | undefined>
  /** People's names by contact id: their roster name, else their name in a managed group; ids without a name are left out. */
  names(ids: string[]): Promise<Map<string, string>>
  /** The activity counters of every group-day in [from, to]: this account's, and in fleet mode every account's. */
  groupDays: GroupDays
  /** The customers waiting for an answer now, each once (in fleet mode every account's, of the groups it acts in). */
  waiting(): Promise<GroupWaiting[]>
  /** How long each waiting customer has waited until `now`, in working time (the group's activity working hours). */
  waited(now: number): Waited
  /** Record in the audit log something done in the console that is not a change (an archive search or export). */
  record(by: Actor, rule: string, text: string): void
  /** The store, for plugin data the console shows (activity counters, cases). */
  readonly store: BotRuntime['deps']['store']
}

/** The actor of token sign-ins. */
export const TOKEN_ACTOR: Actor = { id: 'token', name: '令牌登录' }

const PENALTIES = new Set<AuditEntry['type']>(['strike', 'fine', 'warn', 'remove'])

/** A `ConsoleSource` over a running `BotRuntime`. */
export function runtimeSource(rt: BotRuntime): ConsoleSource {
  const clock = rt.deps.clock
  return {
    store: rt.deps.store,
    now: () => clock.now(),
    timezone: () => rt.loaded.config.timezone,
    prefix: () => rt.loaded.config.commandPrefix,
    status: () => statusFacts(rt),
    access: actor => {
      if (actor.id === TOKEN_ACTOR.id) return ['admin']
      const { roles } = rt.loaded.config
      const mine = CONSOLE_ROLES.filter(r => roles[r].includes(actor.id))
      return mine.length ? mine : undefined
    },
    plugins: () =>
      rt.plugins.map(p => ({
        name: p.name,
        title: pluginTitle(p.def),
        configDryRun: rt.loaded.dryRunSettings?.plugins[p.name] ?? rt.loaded.config.dryRun,
        effective: rt.modes.of(p.name).observing,
      })),
    groupModes: () => groupModes(rt),
    setDryRun: (plugin, on, by) => {
      const hosted = rt.plugins.find(p => p.name === plugin)
      if (!hosted) throw new Error(`unknown plugin ${plugin}`)
      rt.modes.set(plugin, on)
      rt.audit.append({
        plugin: 'runtime',
        rule: 'console.dry-run',
        type: 'record',
        dryRun: false,
        reason: `网页后台${on ? '开启' : '关闭'} ${plugin} 的观察模式，${by.id}`,
        text: `${by.name} 在控制台${on ? '开启' : '关闭'}了${pluginTitle(hosted.def)}的观察模式`,
      })
    },
    audit: q => rt.audit.queryFleet(q),
    violations: days => violationRows(rt, days),
    command: commandRunner(rt),
    views: plugin => rt.plugins.find(p => p.name === plugin)?.instance.views as Views[typeof plugin] | undefined,
    groupDays: consoleGroupDays(rt),
    waiting: consoleWaiting(rt),
    waited: consoleWaited(rt),
    groupMembers: async groupId => {
      if (!rt.deps.directory.group(groupId)) return undefined
      const self = safe(() => rt.deps.directory.selfId(), '')
      return (await rt.deps.directory.members(groupId))
        .filter(m => m.id !== self && !rt.isPeer(m.id))
        .map(m => ({ id: m.id, name: rt.loaded.roster.byContact(m.id)?.name ?? m.groupAlias ?? m.name }))
    },
    names: async ids => {
      const names = new Map<string, string>()
      const left = new Set<string>()
      for (const id of ids) {
        const name = rt.loaded.roster.byContact(id)?.name
        if (name) names.set(id, name)
        else left.add(id)
      }
      for (const g of left.size ? rt.deps.directory.groups() : []) {
        const members = await rt.deps.directory.members(g.id).catch(() => [])
        for (const m of members) if (left.delete(m.id)) names.set(m.id, m.groupAlias ?? m.name)
        if (!left.size) break
      }
      return names
    },
    record: (by, rule, text) =>
      void rt.act('runtime', [{ type: 'record', rule, memberId: by.id, reason: `${by.name} (console)`, text }]),
    undo: async (auditId, by, reason) => {
      const entry = rt.audit.get(auditId)
      if (!entry) return `找不到审计编号 ${auditId.slice(0, 20)}。`
      const { note, undone, tell } = undoPenalty(rt, entry, by.id, `${reason}${CONSOLE_MARK(by.name)}`)
      await rt.act('runtime', tell)
      return undone ? `${note}原因：${reason}。${tell.length ? '已通知成员。' : ''}` : note
    },
  }
}

/** Runs console commands as private chat commands and collects the bot's answers to the actor. */
function commandRunner(rt: BotRuntime): ConsoleSource['command'] {
  const clock = rt.deps.clock
  // Answers the bot gives while a console command runs (the serial queue runs one thing at a time).
  let capture: { who: string; texts: string[] } | undefined
  rt.audit.subscribe(e => {
    if (capture && e.type === 'say' && e.memberId === capture.who && e.rule.startsWith('command'))
      capture.texts.push(e.text ?? '')
  })
  return async (by, text) => {
    const mine = { who: by.id, texts: [] as string[] }
    await rt.queue.push(async () => {
      const event: MessageEvent = {
        type: 'message',
        id: `console-${randomUUID()}`,
        at: clock.now(),
        sender: { id: by.id, name: by.name, roles: [], isStaff: false },
        kind: 'text',
        text,
        mentions: [],
        mentionsAll: false,
      }
      capture = mine
      try {
        await rt.handle(event)
      } finally {
        capture = undefined
      }
    })
    return mine.texts
  }
}

function statusFacts(rt: BotRuntime): StatusFacts {
  const clock = rt.deps.clock
  const errors = [...rt.errors, ...rt.outbox.failures].slice(-5)
  const selfId = safe(() => rt.deps.directory.selfId(), '')
  return {
    health: healthOf(rt, inFleet(rt)),
    uptime: formatDuration(clock.now() - rt.startedAt),
    selfId,
    loggedIn: selfId !== '',
    plugins: rt.plugins.map(p => ({
      name: p.name,
      title: pluginTitle(p.def),
      dryRun: rt.modes.of(p.name).observing,
      status: p.instance.status?.(),
    })),
    groups: rt.deps.directory.groups().map(g => ({ id: g.id, topic: g.topic, kind: g.kind })),
    outboxDepth: rt.outbox.depth(),
    pendingTimers: rt.timers.pending().length,
    memoryMb: Math.round(process.memoryUsage().rss / 1048576),
    errors,
  }
}

function groupModes(rt: BotRuntime): GroupMode[] {
  return rt.deps.directory.groups().map(g => {
    const sections = rt.loaded.groupSections.get(g.configName) ?? {}
    const plugins: Record<string, GroupPluginMode> = {}
    for (const p of rt.plugins) {
      const section = sections[p.name] as { enabled?: boolean } | undefined
      plugins[p.name] =
        section?.enabled === false ? 'off' : rt.modes.of(p.name, g.configName).observing ? 'observe' : 'act'
    }
    return { id: g.id, topic: g.topic, plugins }
  })
}

async function violationRows(rt: BotRuntime, days: number): Promise<ViolationRow[]> {
  const content = rt.plugins.find(p => p.name === 'content')?.instance.views as ContentViews | undefined
  const members = new Map<string, Promise<Map<string, string>>>()
  /**
   * Someone the roster does not know, as `memberLabel` shows them (`刘总（群昵称：行政部-陈静）`; read once per group).
   */
  const memberName = async (groupId: string | undefined, id: string) => {
    if (!groupId || !rt.deps.directory.group(groupId)) return undefined
    let names = members.get(groupId)
    if (!names) {
      names = rt.deps.directory
        .members(groupId)
        .then(list => new Map(list.map(m => [m.id, memberLabel(m)])))
        .catch(() => new Map<string, string>())
      members.set(groupId, names)
    }
    return (await names).get(id)
  }
  const entries = (await rt.audit.queryFleet({ plugin: 'content', days, limit: 200 })).filter(
    e => PENALTIES.has(e.type) || e.evidence,
  )
  const undos = new Map<string, { by: string; why?: string }>()
  for (const u of await rt.audit.queryFleet({ plugin: 'runtime', days, limit: 1000 })) {
    const undo = u.type === 'undo' ? undoOf(u) : undefined
    if (undo) undos.set(u.account ? `${undo.id}@${u.account}` : undo.id, undoneBy(rt, undo))
  }
  return Promise.all(
    entries.map(async entry => {
      const view = content?.violation(entry)
      const id = entry.memberId
      return {
        entry,
        member:
          id && (rt.loaded.roster.byContact(id)?.name ?? (await memberName(entry.groupId, id)) ?? view?.member ?? id),
        group: entry.groupId && (rt.deps.directory.group(entry.groupId)?.topic ?? entry.groupId),
        categories: view?.categories.length ? view.categories : [{ key: entry.rule, label: entry.rule }],
        incident: `${entry.account ?? ''}:${view?.incident ?? entry.id}`,
        reason: view ? view.reason : entry.reason,
        evidence: view ? view.evidence : entry.evidence?.text,
        // Another account's penalty is undone through that account (its ledger is its own).
        undoable:
          !entry.account &&
          (entry.type === 'strike' || entry.type === 'fine') &&
          !entry.dryRun &&
          rt.ledger.hasEffect(entry),
        undone: undos.get(entry.id),
      }
    }),
  )
}

/** How the console marks its undo's reason (`误判 (console, 陈管理)`): who clicked, as the audit keeps it. */
const CONSOLE_MARK = (name: string) => ` (console, ${name})`

/** Who undid a penalty, by name (the console's clicker, or the roster's name of a chat admin), and why. */
function undoneBy(rt: BotRuntime, undo: { by: string; why?: string }): { by: string; why?: string } {
  const viaConsole = /^(.*) \(console, (.+)\)$/.exec(undo.why ?? '')
  if (viaConsole) return { by: viaConsole[2], why: viaConsole[1] }
  return { by: rt.loaded.roster.byContact(undo.by)?.name ?? undo.by, why: undo.why }
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn()
  } catch {
    return fallback
  }
}

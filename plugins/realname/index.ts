import type { Action } from '../../bot/core/actions.js'
import type { GroupRef, Member } from '../../bot/core/event.js'
import { GroupDocs } from '../../bot/core/group-docs.js'
import { definePlugin, type CommandSpec, type Decision, type PluginContext } from '../../bot/core/plugin.js'
import { timerKind } from '../../bot/runtime/schedule/timers.js'
import { realnameCommands } from './commands.js'
import { CaseIndex } from './case-index.js'
import { cleanNamedExemptions, Exemptions } from './exemptions.js'
import { realnameConfigSchema, type RealnameConfig } from './config.js'
import { Realname, type RealnameData, type RealnameView, type Section } from './decide-case.js'
import { decideMemberTimer, decideWelcome, onJoin, onLeave, onMessage, type GracePayload } from './decide-member.js'
import type { StepPayload } from './decide-escalation.js'
import { compileFormats, type CompiledFormats } from './nickname/compliance.js'
import { GROUP_MEMBERS_DOC, MEMBERS_PREFIX, REALNAME_TIMER_PAYLOADS, STATE_DOC, WHOLE_MEMBERS_DOC } from './state.js'
import { verdictMemo } from './nickname/verdict-memo.js'
import { sweepParts } from './sweep/sweep.js'
import { T } from './texts.js'

/**
 * Real-name group nicknames: checks nicknames against the formats and the
 * roster (after a grace period on join, daily, and when someone speaks),
 * escalates, welcomes newcomers and records leavers.
 */
export const realnamePlugin = definePlugin({
  name: 'realname',
  description: '实名群昵称、花名册核对、入群欢迎与退群记录 Real-name group nicknames, roster, welcome and leavers',
  configSchema: realnameConfigSchema,
  create: async ctx => {
    const { at, settle } = await wiring(ctx)
    const { sweep: sweepCfg } = ctx.configFor()
    const [hh, mm] = sweepCfg.at.split(':').map(Number)
    const commands = realnameCommands(at, ctx.directory, ctx.commandPrefix).map(
      (c): CommandSpec => ({ ...c, run: inv => settle(c.run(inv)) }),
    )
    return {
      onEvent: ev => {
        if (ev.type === 'join') return settle(onJoin(at(), ev))
        if (ev.type === 'leave') return settle(onLeave(at(), ev))
        if (ev.type === 'message') return settle(onMessage(at(), ev))
        return []
      },
      timerPayloads: REALNAME_TIMER_PAYLOADS,
      onTimer: async (key, payload) => {
        const kind = timerKind(key)
        if (kind === 'welcome') {
          const { groupId } = payload as { groupId: string }
          return settle(decideWelcome(at(), groupId, ctx.directory.group(groupId)))
        }
        const p = payload as GracePayload & Partial<StepPayload>
        const group = ctx.directory.group(p.groupId)
        if (!group || !at().managed(group)) return []
        const member = (await ctx.directory.members(group.id)).find(m => m.id === p.memberId)
        return settle(decideMemberTimer(at(), kind === 'grace' ? 'grace' : 'step', p, group, member))
      },
      commands,
      jobs: [
        {
          name: 'sweep',
          cron: `${mm} ${hh} * * *`,
          workdaysOnly: sweepCfg.workdaysOnly,
          parts: now => sweepParts(ctx.directory, at, now, ctx.timezone).map(part => () => settle(part())),
        },
      ],
      status: () => {
        const s = at()
        const cases = Object.values(s.d.state.cases).filter(c => !c.observed)
        const identity = cases.filter(c => c.identity).length
        return T.status(cases.length - identity, identity, s.d.exemptions.ids().length, sweepCfg.at)
      },
    }
  },
})

/**
 * The plugin's documents and compiled formats; `at()` builds the decisions for the current moment over
 * them, `settle` marks the documents a decision changed once its actions are known. Known members live
 * in one document per group; a whole `realname-members` document of an older release is split first.
 */
async function wiring(ctx: PluginContext<RealnameConfig>) {
  const members = new GroupDocs(ctx.store, MEMBERS_PREFIX, GROUP_MEMBERS_DOC)
  await members.adopt('realname-members', WHOLE_MEMBERS_DOC)
  const stateDoc = ctx.store.doc('realname-state', STATE_DOC)
  const compiled = new WeakMap<object, CompiledFormats>()
  const compiledFor = (section: RealnameConfig): CompiledFormats => {
    let c = compiled.get(section)
    if (!c) compiled.set(section, (c = compileFormats(section, ctx.company)))
    return c
  }
  compiledFor(ctx.configFor())
  const dirty: RealnameData['dirty'] = { members: new Set(), state: false }
  const caseIndex = new CaseIndex()
  // The view's functions are built once; each event only reads the moment, the bot's id and the roster.
  const { timezone: tz, company, commandPrefix: prefix } = ctx
  const cfg = (g?: GroupRef) => ctx.configFor(g) as Section
  const formats = (g: GroupRef) => compiledFor(ctx.configFor(g))[g.kind]
  const rolesOf = (id: string) => ctx.rolesOf(id)
  const observing = (g: GroupRef) => ctx.observing(g)
  const displayName = (m: Member) => ctx.displayName(m)
  const checkNickname = verdictMemo()
  const view = (): RealnameView => ({
    now: ctx.clock.now(),
    tz,
    company,
    prefix,
    cfg,
    formats,
    rolesOf,
    selfId: ctx.directory.selfId(),
    roster: ctx.roster,
    observing,
    displayName,
    checkNickname,
  })
  if (cleanNamedExemptions(stateDoc.data.exempt, ctx.roster, members.data)) stateDoc.changed()
  // Exemptions made through any account of the fleet count here.
  const exemptions = new Exemptions(ctx.fleet, () => stateDoc.data)
  // Events of one moment share one Realname (it keeps nothing but its view and the documents' data).
  let last: Realname | undefined
  const at = (): Realname =>
    current(last, ctx, members.data, stateDoc.data)
      ? last
      : (last = new Realname(view(), { members: members.data, state: stateDoc.data, exemptions, dirty, caseIndex }))
  const mark = (actions: Action[]): Action[] => {
    // Most messages change nothing: no iterator over the empty set, and no new table for it (`clear` makes one).
    if (dirty.members.size) {
      for (const groupId of dirty.members) members.changed(groupId)
      dirty.members.clear()
    }
    if (dirty.state) stateDoc.changed()
    dirty.state = false
    return actions
  }
  const settle = (d: Decision): Decision => (Array.isArray(d) ? mark(d) : d.then(mark))
  return { at, settle }
}

/** Whether `last` was built for this moment: the same clock reading, bot id, roster and documents' data. */
function current(
  last: Realname | undefined,
  ctx: PluginContext<RealnameConfig>,
  members: RealnameData['members'],
  state: RealnameData['state'],
): last is Realname {
  return (
    last?.v.now === ctx.clock.now() &&
    last.v.selfId === ctx.directory.selfId() &&
    last.v.roster === ctx.roster &&
    last.d.members === members &&
    last.d.state === state
  )
}

import type { LoadedConfig } from '../../config/load-config.js'
import { z } from 'zod'
import { type Doc, docSpec, type Store } from '../../ports/store/store.js'

/** `runtime-flags`: the `#观察` switches, which beat every config setting until changed. */
const FLAGS_DOC = docSpec<{ dryRun: Record<string, boolean> }>({
  version: 1,
  schema: z.object({ dryRun: z.record(z.string(), z.boolean()) }),
  defaults: () => ({ dryRun: {} }),
})

/** Which setting decided a plugin's mode in a group. */
export type ModeSource = 'runtime' | 'group' | 'plugin' | 'global'

/** The mode a plugin runs in for one group (or everywhere, without a group). */
export interface EffectiveMode {
  observing: boolean
  source: ModeSource
}

/** The settings that may decide a mode; `undefined` means "not set here". */
export interface ModeSettings {
  /** `#观察 <插件> 开|关` (persisted). */
  runtime?: boolean
  /** `groups[].plugins.<插件>.dryRun` as written in the group's override. */
  group?: boolean
  /** `plugins.<插件>.dryRun` as written. */
  plugin?: boolean
  /** Top-level `dryRun` (forced on by `replay` without `--live`). */
  global: boolean
}

/** The one precedence rule: runtime switch > group override > plugin default > global. Pure. */
export function decideMode(s: ModeSettings): EffectiveMode {
  if (s.runtime !== undefined) return { observing: s.runtime, source: 'runtime' }
  if (s.group !== undefined) return { observing: s.group, source: 'group' }
  if (s.plugin !== undefined) return { observing: s.plugin, source: 'plugin' }
  return { observing: s.global, source: 'global' }
}

const SOURCE_LABEL: Record<ModeSource, string> = {
  runtime: '#观察 开关',
  group: '群设置',
  plugin: '插件设置',
  global: '全局设置',
}

/** `观察（群设置）` / `执行（全局设置）`: how `#状态` and `#观察` show a mode. */
export function modeLabel(m: EffectiveMode): string {
  return `${m.observing ? '观察' : '执行'}（${SOURCE_LABEL[m.source]}）`
}

/**
 * Observe mode of every (plugin, group), decided in one place. In observe
 * mode the executor only records what a plugin decides (answers to the person
 * who typed a command excepted) and plugins keep their cases apart
 * (`PluginContext.observing`), so going live starts each case at its first step.
 */
export class ObserveMode {
  private switches: Doc<{ dryRun: Record<string, boolean> }>
  /** Modes decided, by plugin and group (`''`: outside groups), while the settings they were decided from stay. */
  private decided = new Map<string, Map<string, EffectiveMode>>()
  /** What `decided` was decided from: the loaded config, its settings and the switches document's data. */
  private basis?: { loaded: LoadedConfig; config: object; global: boolean; written: unknown; switches: object }

  constructor(
    store: Store,
    private loaded: () => LoadedConfig,
  ) {
    this.switches = store.doc('runtime-flags', FLAGS_DOC)
  }

  /** The effective mode of `plugin` in the group configured as `configName` (none: outside any group). */
  of(plugin: string, configName?: string): EffectiveMode {
    // Asked several times per message: decided once per plugin and group until a setting changes.
    const loaded = this.loaded()
    const b = this.basis
    const switches = this.switches.data
    if (
      b?.loaded !== loaded ||
      b.config !== loaded.config ||
      b.global !== loaded.config.dryRun ||
      b.written !== loaded.dryRunSettings ||
      b.switches !== switches
    ) {
      this.decided.clear()
      this.basis = {
        loaded,
        config: loaded.config,
        global: loaded.config.dryRun,
        written: loaded.dryRunSettings,
        switches,
      }
    }
    let byGroup = this.decided.get(plugin)
    if (!byGroup) this.decided.set(plugin, (byGroup = new Map()))
    let mode = byGroup.get(configName ?? '')
    if (!mode) byGroup.set(configName ?? '', (mode = this.decide(loaded, plugin, configName)))
    return mode
  }

  private decide(loaded: LoadedConfig, plugin: string, configName?: string): EffectiveMode {
    const { config, dryRunSettings } = loaded
    const written = dryRunSettings ?? { plugins: {}, groups: {} }
    return decideMode({
      runtime: own(this.switches.data.dryRun, plugin),
      group: configName === undefined ? undefined : own(own(written.groups, configName) ?? {}, plugin),
      plugin: own(written.plugins, plugin),
      global: config.dryRun,
    })
  }

  /** Set the runtime switch of one plugin (persisted; beats every config setting until changed). */
  set(plugin: string, on: boolean): void {
    this.switches.data.dryRun[plugin] = on
    this.switches.changed()
    this.decided.clear()
  }

  /** One line per plugin: its mode outside groups, then the groups whose mode differs. */
  describe(plugins: string[], title: (plugin: string) => string = p => p): string[] {
    const groups = this.loaded().config.groups.map(g => g.name)
    return plugins.map(p => {
      const base = this.of(p)
      const differing = groups
        .map(g => ({ g, m: this.of(p, g) }))
        .filter(x => x.m.observing !== base.observing || x.m.source !== base.source)
      const extra = differing.length ? `；${differing.map(x => `${x.g} ${modeLabel(x.m)}`).join('、')}` : ''
      return `${title(p)}：${modeLabel(base)}${extra}`
    })
  }
}

function own<T>(rec: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(rec, key) ? rec[key] : undefined
}

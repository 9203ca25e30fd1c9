import { formatDuration } from './duration.js'
import type { LoadedConfig } from './load-config.js'
import type { PluginDefinition } from '../core/plugin.js'

/**
 * What a valid config may still have wrong (`check-config` prints them, the bot starts anyway): a reminder set
 * to go out `remindBefore` a deadline that is not longer than it (sent at once, or never before the deadline).
 * Each plugin section with both durations is checked, globally and where a group's own section changes them.
 * Then each enabled plugin's own {@link PluginDefinition.configWarnings} (e.g. targets no configured group has).
 */
export function configWarnings(loaded: LoadedConfig, plugins: readonly PluginDefinition[] = []): string[] {
  const out: string[] = []
  const global = loaded.config.plugins as Record<string, unknown>
  const check = (where: string, section: unknown, base?: unknown) => {
    const s = section as { deadline?: unknown; remindBefore?: unknown } | undefined
    const b = base as typeof s
    const { deadline, remindBefore } = s ?? {}
    if (typeof deadline !== 'number' || typeof remindBefore !== 'number' || remindBefore === 0) return
    if (remindBefore < deadline) return
    if (b && b.deadline === deadline && b.remindBefore === remindBefore) return // said once, for the global section
    out.push(
      `⚠️ ${where}.remindBefore（${formatDuration(remindBefore)}）不短于 deadline（${formatDuration(deadline)}）：提醒会在发出通知时就发，或根本来不及 ` +
        `(remindBefore is not shorter than deadline: the reminder would go out at once)`,
    )
  }
  for (const [name, section] of Object.entries(global)) check(`plugins.${name}`, section)
  for (const [i, g] of loaded.config.groups.entries())
    for (const [name, section] of Object.entries(loaded.groupSections.get(g.name) ?? {}))
      check(`groups[${i}]（${g.name}）.plugins.${name}`, section, global[name])
  const groups = loaded.config.groups.map(g => ({ configName: g.name, kind: g.kind }))
  for (const p of plugins) {
    const section = global[p.name] as (Record<string, unknown> & { enabled?: boolean }) | undefined
    if (section && section.enabled !== false) out.push(...(p.configWarnings?.(section, groups) ?? []))
  }
  return out
}

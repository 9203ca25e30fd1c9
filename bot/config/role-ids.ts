import type { LoadedConfig } from './load-config.js'
import { nearestKey } from './suggest-key.js'

/**
 * Warnings (check-config, the start log) for role ids that are on no roster row, nor among `world` (the sandbox
 * world's contact ids, when running there): most often a typo (`wxid_amd2` for `wxid_adm2`) that leaves the role
 * without its person. Each names the nearest known id. None when nothing is known to compare with.
 */
export function roleIdWarnings(loaded: LoadedConfig, world?: readonly string[]): string[] {
  const known = new Set<string>(world)
  for (const e of loaded.roster.entries) if (e.contactId) known.add(e.contactId)
  if (!known.size) return []
  const [zh, en] = !world
    ? ['花名册', 'on no roster row']
    : loaded.roster.enabled
      ? ['花名册和沙盒的演示群', 'on no roster row nor in the sandbox world']
      : ['沙盒的演示群', 'not in the sandbox world']
  const list = [...known]
  const out: string[] = []
  for (const [role, ids] of Object.entries(loaded.config.roles as Record<string, readonly string[]>)) {
    for (const id of ids) {
      if (known.has(id)) continue
      const near = nearestKey(id, list)
      out.push(
        `⚠️ roles.${role}: ${id} 不在${zh}里${near ? `，是不是 ${near}？` : '：如果不是写错了，可以忽略'}` +
          ` (role id ${id} is ${en}${near ? `: did you mean ${near}?` : ''})`,
      )
    }
  }
  return out
}

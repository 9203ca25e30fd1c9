import type { RuntimeView } from './runtime-view.js'

/**
 * Contact ids a word names (`#撤销`, `#审计`): a contact id seen in the audit log or a group, a roster name, or a
 * WeChat name or group nickname in a managed group.
 */
export async function membersNamed(rt: RuntimeView, word: string): Promise<string[]> {
  const ids = new Set<string>()
  if (rt.audit.query({ memberId: word, days: 30, limit: 1 }).length) ids.add(word)
  for (const e of rt.loaded.roster.named(word)) if (e.contactId) ids.add(e.contactId)
  if (ids.size) return [...ids]
  for (const g of rt.deps.directory.groups()) {
    const members = await rt.deps.directory.members(g.id).catch(() => [])
    for (const m of members) if (m.id === word || m.groupAlias === word || m.name === word) ids.add(m.id)
  }
  return [...ids]
}

import { bareName, contactsNamed, type NamedContact } from '../member-names.js'
import type { RuntimeView } from './runtime-view.js'

/**
 * The contacts a word names in an admin's command about penalties (`#撤销`, `#审计`): a contact id seen in the
 * audit log (someone who may have left every group), else as every command resolves names (`member-names.ts`).
 */
export async function membersNamed(rt: RuntimeView, word: string): Promise<NamedContact[]> {
  const id = bareName(word)
  if (rt.audit.query({ memberId: id, days: 30, limit: 1 }).length) return [{ id, label: id }]
  return contactsNamed(word, { roster: rt.loaded.roster, directory: rt.deps.directory })
}

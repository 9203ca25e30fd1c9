import type { GroupRef, Member } from '../core/event.js'
import type { Directory } from '../ports/directory.js'
import type { Roster } from '../roster/roster.js'

/** A contact a typed name may mean, with a label to tell namesakes apart (`王五（售后1群）`). */
export interface NamedContact {
  id: string
  label: string
}

/** Where names are looked up: the roster, and the members of `groups` (every managed group when not given). */
export interface NameSources {
  roster: Roster
  directory: Directory
  groups?: GroupRef[]
}

/**
 * A group member as staff read them where the roster does not know them: by WeChat name, a group nickname apart
 * (`刘总（群昵称：行政部-陈静）`). A nickname can copy anyone's (a roster name, a colleague's), so it never stands alone.
 */
export function memberLabel(m: Pick<Member, 'name' | 'groupAlias'>): string {
  return m.groupAlias && m.groupAlias !== m.name ? `${m.name}（群昵称：${m.groupAlias}）` : m.name
}

/** A name argument without a leading `@`/`＠` (typed privately, where WeChat makes no real @-mention). */
export function bareName(word: string): string {
  return word.trim().replace(/^[@＠]+/, '')
}

/**
 * The contacts a name typed in a command means: a contact id, a roster name, a group nickname or a WeChat
 * name (a leading `@` ignored). One contact once; several when the name is ambiguous (the caller asks which).
 */
export async function contactsNamed(word: string, src: NameSources): Promise<NamedContact[]> {
  const name = bareName(word)
  if (!name) return []
  const found = new Map<string, NamedContact>()
  for (const e of src.roster.named(name)) if (e.contactId) found.set(e.contactId, { id: e.contactId, label: e.name })
  const byId = src.roster.byContact(name)
  if (byId) found.set(name, { id: name, label: byId.name })
  for (const g of src.groups ?? src.directory.groups()) {
    const members = await src.directory.members(g.id).catch(() => [])
    for (const m of members) {
      if (found.has(m.id)) continue
      if (m.id === name || m.groupAlias === name || m.name === name)
        found.set(m.id, { id: m.id, label: `${memberLabel(m)}（${g.topic}）` })
    }
  }
  return [...found.values()]
}

/** The question when a name means several contacts: who they are, and how to say which. */
export function whichOneText(word: string, found: NamedContact[]): string {
  const list = found
    .slice(0, 5)
    .map(c => `${c.label} ${c.id}`)
    .join('、')
  return `「${bareName(word)}」对应 ${found.length} 个人（${list}${found.length > 5 ? '…' : ''}），请用 @成员 或微信 ID 指明是哪一位。`
}

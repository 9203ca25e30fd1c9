import { LineCounter, parseDocument } from 'yaml'
import { z } from 'zod'
import type { SandboxWorld } from './index.js'
import { formatIssues } from '../config/format-issues.js'
import { type FileRole, readUserFile } from '../config/user-file.js'

/** The sandbox world file, for messages about it. */
const WORLD_FILE: FileRole = {
  zh: '沙盒世界文件',
  en: 'sandbox world file',
  hint: '示例见 data/demo/world.yaml see data/demo/world.yaml',
}

const worldSchema = z
  .object({
    bot: z.object({ id: z.string(), name: z.string() }).strict(),
    contacts: z.array(z.object({ id: z.string(), name: z.string() }).strict()).default([]),
    groups: z
      .array(
        z
          .object({
            id: z.string(),
            topic: z.string(),
            owner: z.string().optional(),
            admins: z.array(z.string()).default([]),
            members: z.record(z.string(), z.string().nullable()),
          })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .superRefine((w, ctx) => {
    // Every id a group names must be the bot or a contact: all unknown ones are listed, each at its entry.
    const known = new Set([w.bot.id, ...w.contacts.map(c => c.id)])
    const unknown = (path: PropertyKey[], id: string, as: string) =>
      known.has(id) ||
      ctx.addIssue({ code: 'custom', path, message: `${as} ${id} 不在 contacts 里（no contact ${id}）` })
    w.groups.forEach((g, i) => {
      for (const id of Object.keys(g.members)) unknown(['groups', i, 'members', id], id, '成员')
      if (g.owner) unknown(['groups', i, 'owner'], g.owner, '群主')
      for (const [j, id] of g.admins.entries()) unknown(['groups', i, 'admins', j], id, '群管理员')
    })
  })

/** A demo world: the bot, contacts and groups with members' group nicknames. */
export type WorldSpec = z.infer<typeof worldSchema>

/** Read and validate a world file (errors name the file and field; an unreadable file is a `UserFileError`). */
export function readWorld(file: string): WorldSpec {
  const lines = new LineCounter()
  const doc = parseDocument(readUserFile(file, WORLD_FILE), { lineCounter: lines })
  if (doc.errors.length) throw new Error(doc.errors.map(e => `${file}: ${e.message}`).join('\n'))
  const parsed = worldSchema.safeParse(doc.toJS())
  if (!parsed.success) throw new Error(formatIssues(parsed.error.issues, file, doc, lines).join('\n'))
  return parsed.data
}

/** Populate a sandbox world (before login); the bot joins every group. */
export function populateWorld(world: SandboxWorld, spec: WorldSpec): void {
  world.createContact({ id: spec.bot.id, name: spec.bot.name })
  for (const c of spec.contacts) world.createContact(c)
  for (const g of spec.groups) {
    const memberIds = [spec.bot.id, ...Object.keys(g.members).filter(id => id !== spec.bot.id)]
    world.createRoom({ id: g.id, topic: g.topic, memberIds, ownerId: g.owner, adminIds: g.admins })
    for (const [id, alias] of Object.entries(g.members)) if (alias) world.setGroupAlias(g.id, id, alias)
  }
}

import { parse } from 'yaml'
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

/** A demo world: the bot, contacts and groups with members' group nicknames. */
export type WorldSpec = z.infer<typeof worldSchema>

/** Read and validate a world file (errors name the file and field; an unreadable file is a `UserFileError`). */
export function readWorld(file: string): WorldSpec {
  const parsed = worldSchema.safeParse(parse(readUserFile(file, WORLD_FILE)))
  if (!parsed.success) throw new Error(formatIssues(parsed.error.issues, file).join('\n'))
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

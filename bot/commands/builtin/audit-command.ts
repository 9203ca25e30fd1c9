import type { CommandSpec } from '../../core/plugin.js'
import { AUDIT_TYPE_NAMES, type AuditEntry } from '../../runtime/records/audit.js'
import { shortDateTime } from '../../time/zoned.js'
import type { RuntimeView } from './runtime-view.js'

/** `#审计 [@成员] [插件名] [天数]`: what the bot did (or would do in observe mode), newest first. */
export function auditCommand(rt: RuntimeView): CommandSpec {
  const p = rt.loaded.config.commandPrefix
  return {
    name: '审计',
    aliases: ['audit'],
    role: 'admin',
    usage: `${p}审计 [@成员] [插件名] [天数]`,
    description: '查询机器人做过（或观察模式下将做）的操作',
    run: async inv => {
      const days = Number(inv.argv.find(a => /^\d+$/.test(a)) ?? 7)
      const plugin = inv.argv.find(a => rt.plugins.some(x => x.name === a))
      const entries = await rt.audit.queryFleet({ memberId: inv.event.mentions[0], plugin, days, limit: 15 })
      if (!entries.length) return [inv.reply(`最近 ${days} 天没有符合条件的记录。`)]
      const names = await memberNames(entries, rt)
      // Undone later, so within the same days (its own line may be past the 15 shown).
      const undos = await rt.audit.queryFleet({ memberId: inv.event.mentions[0], plugin: 'runtime', days, limit: 1000 })
      const undone = new Set(undos.flatMap(u => (u.type === 'undo' ? [undoOf(u)?.id] : [])))
      return [inv.reply(entries.map(e => auditLine(e, rt, names, undone.has(e.id))).join('\n'))]
    },
  }
}

/** The longest part of an entry's text an admin's list shows (its first line). */
const TEXT_SHOWN = 40

/** What an `undo` entry undid and who undid it (its reason reads `undo A5 by wxid_it[: why]`). */
function undoOf(e: AuditEntry): { id: string; by: string; why?: string } | undefined {
  const m = /^undo (\S+) by (\S+?)(?:: (.*))?$/.exec(e.reason ?? '')
  return m ? { id: m[1], by: m[2], why: m[3] } : undefined
}

/**
 * One entry as an admin reads it: the id `#撤销` takes, the time, what (in Chinese, 【观察】 when only recorded,
 * 【已撤销】 when `#撤销` undid it), the plugin, the group and the person by name, the reason, and the first
 * line of what was (or would be) said.
 */
function auditLine(e: AuditEntry, rt: RuntimeView, names: Map<string, string>, undone: boolean): string {
  const tz = rt.loaded.config.timezone
  const nameOf = (id: string) => rt.loaded.roster.byContact(id)?.name ?? names.get(id) ?? id
  const group = e.groupId && (rt.deps.directory.group(e.groupId)?.topic ?? e.groupId)
  const to = e.privateTo ? ` → 私聊 ${nameOf(e.privateTo)}` : e.memberId ? ` @${nameOf(e.memberId)}` : ''
  const undo = e.type === 'undo' ? undoOf(e) : undefined
  const reason = undo ? `撤销 ${undo.id}，${nameOf(undo.by)}${undo.why ? `：${undo.why}` : ''}` : e.reason
  // Rehearsals recorded before observe mode was decided in the executor (kept a week) start their text with 【观察】:
  // the mark is shown once, before the type.
  const line = e.text?.split('\n')[0].replace(e.dryRun ? /^【观察】/ : /^$/, '')
  const said = line ? `：${line.length > TEXT_SHOWN ? `${line.slice(0, TEXT_SHOWN)}…` : line}` : ''
  const marks = `${e.dryRun ? '【观察】' : ''}${undone ? '【已撤销】' : ''}`
  return `${e.id} ${shortDateTime(e.at, tz)} ${marks}${AUDIT_TYPE_NAMES[e.type] ?? e.type} ${e.plugin}${group ? ` 群「${group}」` : ''}${to}${reason ? `（${reason}）` : ''}${said}`
}

/** The WeChat names of the members of the entries' groups (read from the directory, cached); none when it cannot tell. */
async function memberNames(entries: AuditEntry[], rt: RuntimeView): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  const groups = new Set(entries.flatMap(e => (e.groupId && (e.memberId || e.privateTo) ? [e.groupId] : [])))
  for (const id of groups) {
    const members = await rt.deps.directory.members(id).catch(() => [])
    for (const m of members) names.set(m.id, m.groupAlias || m.name)
  }
  return names
}

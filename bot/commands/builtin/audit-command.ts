import { nearestKey } from '../../config/suggest-key.js'
import type { CommandSpec } from '../../core/plugin.js'
import { quoted } from '../quote.js'
import { AUDIT_TYPE_NAMES, type AuditEntry } from '../../runtime/records/audit.js'
import { shortDateTime } from '../../time/zoned.js'
import { memberLabel, whichOneText } from '../member-names.js'
import { membersNamed } from './members-named.js'
import { undoOf } from './undo-command.js'
import type { RuntimeView } from './runtime-view.js'
import { readableAuditReason } from '../../runtime/host/plugin-host.js'
import { runtimeReason } from './audit-reasons.js'
import { titleOf } from './status-command.js'

/**
 * `#审计 [@成员｜成员名｜微信ID] [插件名] [天数]`: what the bot did (or would do in observe mode), newest first.
 * Answered privately wherever asked (`recordsAnswer`): the lines quote private texts and staff's warnings.
 */
export function auditCommand(rt: RuntimeView): CommandSpec {
  const p = rt.loaded.config.commandPrefix
  const usage = `${p}审计 [@成员｜成员名｜微信ID] [插件名] [天数]`
  return {
    name: '审计',
    aliases: ['audit'],
    role: 'admin',
    recordsAnswer: true,
    usage,
    description: '查询机器人做过（或观察模式下将做）的操作（私聊回复）',
    run: async inv => {
      const filter = await auditFilter(rt, inv.argv, inv.event.mentions[0])
      if ('problem' in filter) return [inv.reply(`${filter.problem}\n用法：${usage}`)]
      const { memberId, plugin, days } = filter
      const entries = await rt.audit.queryFleet({ memberId, plugin, days, limit: 15 })
      if (!entries.length) return [inv.reply(`最近 ${days} 天没有符合条件的记录。`)]
      const names = await memberNames(entries, rt)
      // Undone later, so within the same days (its own line may be past the 15 shown).
      const undos = await rt.audit.queryFleet({ memberId, plugin: 'runtime', days, limit: 1000 })
      const undone = new Set(undos.flatMap(u => (u.type === 'undo' ? [undoOf(u)?.id] : [])))
      return [inv.reply(entries.map(e => auditLine(e, rt, names, undone.has(e.id))).join('\n'))]
    },
  }
}

/** What `#审计`'s words ask for: a number of days, a plugin (or `runtime`), a member (an @, a name or a WeChat id). */
async function auditFilter(
  rt: RuntimeView,
  argv: string[],
  mentioned: string | undefined,
): Promise<{ memberId?: string; plugin?: string; days: number } | { problem: string }> {
  let days = 7
  let plugin: string | undefined
  let memberId = mentioned
  const plugins = rt.plugins.map(x => x.name)
  // A word near a plugin's name (`contnt`) is a typo of it, named in the answer.
  const near = (word: string) => {
    const name = nearestKey(word, [...plugins, 'runtime'])
    return name ? `您是不是要找插件 ${name}？` : ''
  }
  for (const word of argv) {
    if (/^\d+$/.test(word)) days = Number(word)
    else if (word === 'runtime' || plugins.includes(word)) plugin = word
    else if (mentioned && word.startsWith('@')) continue
    else if (memberId)
      return {
        problem: `没有插件「${quoted(word)}」${near(word) ? `，${near(word)}` : '（只能按一个成员查询）。'}插件：${plugins.join('、')}。`,
      }
    else {
      const found = await membersNamed(rt, word)
      if (!found.length)
        return { problem: `找不到成员或插件「${quoted(word)}」。${near(word)}插件：${plugins.join('、')}。` }
      if (found.length > 1) return { problem: whichOneText(quoted(word), found) }
      memberId = found[0].id
    }
  }
  return { memberId, plugin, days }
}

/** The longest part of an entry's text an admin's list shows (its first line). */
const TEXT_SHOWN = 40

/**
 * One entry as an admin reads it, all in Chinese but the ids: the id `#撤销` takes, the time, what (【观察】 when only
 * recorded, 【已撤销】 when `#撤销` undid it), the plugin by its title, the group and the person by name, the reason, and the first
 * line of what was (or would be) said.
 */
function auditLine(e: AuditEntry, rt: RuntimeView, names: Map<string, string>, undone: boolean): string {
  const tz = rt.loaded.config.timezone
  const nameOf = (id: string) => rt.loaded.roster.byContact(id)?.name ?? names.get(id) ?? id
  const group = e.groupId && (rt.deps.directory.group(e.groupId)?.topic ?? e.groupId)
  const to = e.privateTo ? ` → 私聊 ${nameOf(e.privateTo)}` : e.memberId ? ` @${nameOf(e.memberId)}` : ''
  const undo = e.type === 'undo' ? undoOf(e) : undefined
  const reason = undo
    ? `撤销 ${undo.id}，${nameOf(undo.by)}${undo.why ? `：${undo.why}` : ''}`
    : (runtimeReason(e) ?? readableAuditReason(rt.plugins, e))
  // Rehearsals recorded before observe mode was decided in the executor (kept a week) start their text with 【观察】:
  // the mark is shown once, before the type.
  const line = e.text?.split('\n')[0].replace(e.dryRun ? /^【观察】/ : /^$/, '')
  const said = line ? `：${line.length > TEXT_SHOWN ? `${line.slice(0, TEXT_SHOWN)}…` : line}` : ''
  const marks = `${e.dryRun ? '【观察】' : ''}${undone ? '【已撤销】' : ''}`
  return `${e.id} ${shortDateTime(e.at, tz)} ${marks}${AUDIT_TYPE_NAMES[e.type] ?? e.type} ${pluginLabel(rt, e.plugin)}${group ? ` 群「${group}」` : ''}${to}${reason ? `（${reason}）` : ''}${said}`
}

/** A plugin as an entry names it: its Chinese title with the name `#审计` filters by (`违规内容（content）`, `系统（runtime）`). */
function pluginLabel(rt: RuntimeView, plugin: string): string {
  return plugin === 'runtime' ? '系统（runtime）' : titleOf(rt)(plugin)
}

/**
 * The members of the entries' groups as the console names them (`memberLabel`: WeChat name, a copied group nickname
 * apart), read from the directory; none when it cannot tell.
 */
async function memberNames(entries: AuditEntry[], rt: RuntimeView): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  const groups = new Set(entries.flatMap(e => (e.groupId && (e.memberId || e.privateTo) ? [e.groupId] : [])))
  for (const id of groups) {
    const members = await rt.deps.directory.members(id).catch(() => [])
    for (const m of members) names.set(m.id, memberLabel(m))
  }
  return names
}

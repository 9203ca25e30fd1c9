import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Action } from '../../bot/core/actions.js'
import type { CommandInvocation, CommandSpec } from '../../bot/core/plugin.js'
import { readDayRange } from '../../bot/time/day-range.js'
import { addDays, dayKey, fileStamp, shortDateTime } from '../../bot/time/zoned.js'
import { periodFromWord } from '../cases/digest/period.js'
import { type ArchiveDeps, commandTalkOf, logAccess } from './access/deps.js'
import * as T from './texts.js'
import { unknownSubcommandText } from '../../bot/commands/subcommand.js'
import {
  chatTitle,
  describeRecord,
  type ExportFormat,
  exportArchive,
  hitRecords,
  type RecallLookup,
  recalledOriginals,
} from './export/export.js'
import { type ArchiveQuery, chatsNamed, type Hit, WITH_COMMANDS } from './search/query.js'
import { type ArchiveRecord, type ArchiveType, type ChatInfo, TYPE_LABEL } from './capture/record.js'
import { checkCodeCommand } from './subcommands/check-code.js'
import { DIR_MODE, FILE_MODE } from './store/modes.js'

const TYPE_BY_LABEL = new Map(Object.entries(TYPE_LABEL).map(([t, l]) => [l, t as ArchiveType]))

/** `#记录`: search the archive (auditors, admins) and place legal holds (admins), in private chat only. */
export function archiveCommands(d: ArchiveDeps): CommandSpec[] {
  const p = d.ctx.commandPrefix
  const usage = T.usage(p)
  const parts = T.usageParts(p)
  return [
    {
      name: '记录',
      aliases: ['archive'],
      role: 'auditor',
      where: 'private',
      usage,
      help: [
        { usage: parts.search, description: T.HELP_DESCRIPTION.search },
        { usage: parts.export, description: T.HELP_DESCRIPTION.export },
        { usage: parts.code, description: T.HELP_DESCRIPTION.code },
        { usage: parts.hold, description: T.HELP_DESCRIPTION.hold, roles: ['admin'] },
      ],
      description: T.COMMAND_DESCRIPTION,
      run: inv => {
        const [sub, ...rest] = inv.argv
        if (sub === '搜索' || sub === 'search') return search(d, inv, rest)
        if (sub === '导出' || sub === 'export') return exportFile(d, inv, rest)
        if (sub === '校验码' || sub === 'code') return checkCodeCommand(d, inv, rest)
        if (sub === '保全' || sub === 'hold') return hold(d, inv, rest)
        // An auditor is shown only the parts they may use, as in `#帮助` (保全 is for admins).
        const admin = inv.event.sender.roles.includes('admin')
        const theirs = T.usage(p, admin)
        if (sub === undefined) return [inv.reply(T.usageReply(theirs))]
        const known = admin ? ['搜索', '导出', '校验码', '保全'] : ['搜索', '导出', '校验码']
        return [inv.reply(unknownSubcommandText(`${p}记录`, sub, known, theirs))]
      },
    },
  ]
}

/** A search or export request parsed from chat words: the query, the group words used, a format word. */
interface ParsedRequest {
  q: ArchiveQuery
  scope: string[]
  format?: ExportFormat
  /** `含命令`: commands to the bot and the bot's own messages are searched too (left out by default). */
  withCommands?: boolean
  /**
   * The answer when `群:名` words name no recorded group, or a word written like a date is not a valid day or range
   * (nothing is searched or exported then).
   */
  notFound?: string
  /** Recorded groups, for hints. */
  groups: ChatInfo[]
  /** The date word typed (`上个月`, `2026-11`), if any: the period is the default last days otherwise. */
  periodWord?: string
}

/**
 * Words: `人:成员`/`@成员`, `类型:图片`, `格式:csv` (in exports also a bare `html`, `csv`…), a date word,
 * `群:名` (a group by name or part of its title), a group's exact name; anything else is a search word.
 */
async function parseRequest(
  d: ArchiveDeps,
  argv: string[],
  defaultDays: number,
  forExport = false,
): Promise<ParsedRequest> {
  const { ctx } = d
  const now = ctx.clock.now()
  const today = dayKey(now, ctx.timezone)
  const groups = (await d.backend.chats()).filter(c => c.kind !== 'private')
  const r: ParsedRequest = {
    q: { from: addDays(today, 1 - defaultDays), to: today, words: [] },
    scope: [],
    groups,
  }
  const unknown: string[] = []
  const q = r.q
  for (const word of argv) {
    const group = /^(?:群|group)[:：](.+)$/.exec(word)
    const member = /^(?:人|成员|member)[:：](.+)$/.exec(word) ?? /^@(.+)$/.exec(word)
    const type = /^(?:类型|type)[:：](.+)$/.exec(word)
    const format = (
      forExport ? /^(?:(?:格式|format)[:：])?(csv|md|jsonl|html)$/i : /^(?:格式|format)[:：](csv|md|jsonl|html)$/i
    ).exec(word)
    const period = periodFromWord(word, now, ctx.timezone)
    const days = readDayRange(word)
    const named = group ? chatsNamed(groups, group[1]) : groups.filter(c => c.configName === word || c.title === word)
    if (days && !days.ok) r.notFound ??= days.error
    else if (group && !named.length) unknown.push(group[1])
    else if (!forExport && word === WITH_COMMANDS) r.withCommands = true
    else if (member) q.member = member[1]
    else if (type && (TYPE_BY_LABEL.has(type[1]) || type[1] in TYPE_LABEL))
      q.types = [...(q.types ?? []), TYPE_BY_LABEL.get(type[1]) ?? (type[1] as ArchiveType)]
    else if (format) r.format = format[1].toLowerCase() as ExportFormat
    else if (period) {
      Object.assign(q, period)
      r.periodWord = word
    } else if (named.length) {
      q.chats = [...(q.chats ?? []), ...named.map(c => c.chat)]
      // `群:销售1` may pick 销售1群 and 销售10群: the reply and the access log name the groups picked.
      const titles = named.map(c => c.title)
      r.scope.push(group && titles.join() !== group[1] ? `${group[1]}（${titles.join('、')}）` : word)
    } else q.words?.push(word)
  }
  if (unknown.length && !r.notFound)
    r.notFound = T.groupsNotFound(
      unknown,
      groups.map(c => c.title),
    )
  return r
}

async function search(d: ArchiveDeps, inv: CommandInvocation, argv: string[]): Promise<Action[]> {
  const { ctx } = d
  const cfg = ctx.configFor()
  const { q, scope, notFound, groups, withCommands, periodWord } = await parseRequest(d, argv, cfg.search.defaultDays)
  if (notFound) return [inv.reply(notFound)]
  if (!q.words?.length && !q.member) return [inv.reply(T.searchNeedsWords(ctx.commandPrefix))]
  // Commands to the bot (earlier searches, refused ones in groups) and the bot's own messages (its answers, its
  // help) are noise to an auditor: skipped unless asked for.
  const { hits, total, approximate } = await d.backend.search(
    withCommands ? q : { ...q, skipCommands: await commandTalkOf(d) },
    cfg.search.limit,
  )
  const detail = `${describeQuery(q, scope)}${withCommands ? ` · ${WITH_COMMANDS}` : ''}`
  await logAccess(d, { who: inv.event.sender.id, action: 'search', detail, count: total })
  const info = new Map((await d.backend.chats()).map(c => [c.chat, c]))
  const recall = await recalledOriginals(d.backend, hitRecords(hits), ctx.timezone)
  const head = T.searchHead(detail, total, !!approximate, hits.length)
  // Found nothing with commands left out: say whether 含命令 would (a leader's 【通知】 is the bot's message). A word
  // that is part of a group's name was meant as the group, likely (`群:北京`): said with any count.
  const hidden = total || withCommands ? 0 : (await d.backend.search(q, 1)).total
  const searched = total
    ? []
    : [T.nothingFound(q.words ?? [], q, periodWord ?? T.defaultPeriod(cfg.search.defaultDays))]
  const hint = [
    ...searched,
    ...(hidden ? [T.hiddenCommandsHint(hidden)] : []),
    ...groupWordHints(q.words ?? [], groups),
  ]
  return [
    inv.reply([head, ...hits.map((h, i) => hitText(h, i + 1, info, recall)), ...hint].join('\n')),
    {
      type: 'record',
      rule: 'archive.search',
      memberId: inv.event.sender.id,
      reason: `${inv.event.sender.name} 搜索信息记录`,
      text: `搜索 ${detail}，命中 ${total} 条`,
    },
  ]
}

/** `#记录 导出 [群|群:名] [日期] [人:成员] [csv|html|md|jsonl]`: a file of the records, sent privately to the asker. */
async function exportFile(d: ArchiveDeps, inv: CommandInvocation, argv: string[]): Promise<Action[]> {
  const { ctx } = d
  const { q, scope, format = 'csv', notFound, groups } = await parseRequest(d, argv, 1, true)
  if (notFound) return [inv.reply(notFound)]
  const detail = `${describeQuery(q, scope)} · ${format}`
  await logAccess(d, { who: inv.event.sender.id, action: 'export', detail })
  const file = join(ctx.outputDir, `信息记录-${q.from}-${q.to}-${fileStamp(ctx.clock.now(), ctx.timezone)}.${format}`)
  mkdirSync(ctx.outputDir, { recursive: true, mode: DIR_MODE })
  writeFileSync(file, '', { mode: FILE_MODE })
  const count = await exportArchive(d.backend, q, format, ctx.timezone, async c => appendFileSync(file, c))
  const who = inv.event.sender
  return [
    inv.reply([T.exported(detail, count), ...groupWordHints(q.words ?? [], groups)].join('\n')),
    // The asker's file: sent also while the archive observes, as the answer is.
    {
      type: 'sendFile',
      to: { contact: who.id },
      path: file,
      rule: 'command.记录',
      memberId: who.id,
      audience: 'asker',
    },
    {
      type: 'record',
      rule: 'archive.export',
      memberId: who.id,
      reason: `${who.name} 导出信息记录`,
      text: `导出 ${detail}，共 ${count} 条`,
    },
  ]
}

async function hold(d: ArchiveDeps, inv: CommandInvocation, argv: string[]): Promise<Action[]> {
  const who = inv.event.sender
  if (!who.roles.includes('admin'))
    return [
      inv.reply(T.HOLD_NEEDS_ADMIN),
      { type: 'record', rule: 'archive.hold-refused', memberId: who.id, text: `${who.name} 尝试设置法律保全` },
    ]
  const holds = d.holds.data.holds
  if (!argv.length) {
    const list = Object.values(holds).map(h => T.holdLine(h.title, shortDateTime(h.at, d.ctx.timezone)))
    return [inv.reply(T.holdList(list))]
  }
  const on = argv.at(-1) !== '关'
  const name = (argv.at(-1) === '开' || argv.at(-1) === '关' ? argv.slice(0, -1) : argv).join(' ')
  const known: ChatInfo[] = [
    ...(await d.backend.chats()),
    ...d.ctx.directory.groups().map(g => ({ chat: g.id, kind: g.kind, title: g.topic, configName: g.configName })),
  ]
  const found = chatsNamed(known, name).filter(c => c.kind !== 'private')
  const targets = [...new Map(found.map(c => [c.chat, c])).values()]
  if (!targets.length) return [inv.reply(T.groupNotFound(name))]
  for (const c of targets) {
    if (on) holds[c.chat] = { title: c.title, by: who.id, at: d.ctx.clock.now() }
    else delete holds[c.chat]
  }
  await d.holds.persist()
  const titles = targets.map(c => c.title).join('、')
  const text = T.holdChanged(titles, on)
  await logAccess(d, { who: who.id, action: 'hold', detail: text })
  return [inv.reply(text), { type: 'record', rule: on ? 'archive.hold' : 'archive.release', memberId: who.id, text }]
}

/** For a search that found nothing: search words that look like part of a group's name, with the `群:` way to say so. */
function groupWordHints(words: string[], groups: ChatInfo[]): string[] {
  return words.flatMap(w => {
    const like = groups.filter(c => c.title.includes(w) || (c.configName ?? '').includes(w)).map(c => c.title)
    return like.length ? [T.wordLooksLikeGroup(w, like)] : []
  })
}

/** The query in words, for the reply and the audit log. */
function describeQuery(q: ArchiveQuery, scope: string[]): string {
  return [
    q.words?.length ? `「${q.words.join(' ')}」` : '',
    q.member ? `成员 ${q.member}` : '',
    q.types?.length ? `类型 ${q.types.map(t => TYPE_LABEL[t]).join('/')}` : '',
    `${q.from} 至 ${q.to}`,
    scope.length ? scope.join('、') : '全部会话',
  ]
    .filter(Boolean)
    .join(' · ')
}

function hitText(h: Hit, n: number, info: Map<string, ChatInfo>, recall: RecallLookup): string {
  const line = (r: ArchiveRecord) =>
    `${shortDateTime(r.at, recall.tz)} ${r.sender.name}：${clip(describeRecord(r, recall))}`
  return [
    `${n}. [${chatTitle(info.get(h.record.chat), h.record.chat)}] ${line(h.record)}${h.recalled ? T.RECALLED : ''}`,
    h.before ? `   ↑ ${line(h.before)}` : '',
    h.after ? `   ↓ ${line(h.after)}` : '',
  ]
    .filter(Boolean)
    .join('\n')
}

function clip(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ')
  return one.length > max ? `${one.slice(0, max)}…` : one
}

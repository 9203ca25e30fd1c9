import { botAccountText } from '../../bot/fleet/account-name.js'
import type { Action } from '../../bot/core/actions.js'
import type { CommandInvocation, CommandSpec } from '../../bot/core/plugin.js'
import { bareName, contactsNamed, type NamedContact, whichOneText } from '../../bot/commands/member-names.js'
import type { AuditEntry } from '../../bot/runtime/records/audit.js'
import { shortDateTime } from '../../bot/time/zoned.js'
import { wholeCount } from '../../bot/config/count-words.js'
import { quoted } from '../../bot/commands/quote.js'
import { unknownSubcommandText } from '../../bot/commands/subcommand.js'
import { dictionarySummary } from './dictionary/holder.js'
import { recentIncidents, type Incident } from './incidents/incident.js'
import { withFleetRepeats } from './incidents/fleet-incidents.js'
import { describeScan } from './dictionary/scan-report.js'
import type { ContentService } from './service/service.js'
import { lookUpReview, movedReviewNow } from './review-move.js'
import { rejectedText } from './dictionary/holder.js'
import {
  dictionaryEditText,
  dictionaryFormsText,
  dictionaryUsageText,
  movedClosedText,
  movedReviewText,
  reviewUsageText,
  SEVERITY_LABEL,
  stepsText,
  whichReviewText,
} from './texts.js'
import type { DictionaryEditOp } from './matcher/dictionary-edit.js'
import { problemText, warningText } from './matcher/index.js'

/** `#违规` (recent incidents with the audit ids `#撤销` takes) and `#词库` (status, test, reload). `#撤销` is the runtime's. */
export function contentCommands(s: ContentService): CommandSpec[] {
  const p = s.ctx.commandPrefix
  return [
    {
      name: '违规',
      aliases: ['incidents'],
      role: 'admin',
      usage: `${p}违规 [@成员|微信ID|名字] [天数]`,
      description: '最近的违规事件及其审计编号（在群里用时结果私聊发给你）',
      run: async inv => [inv.whisper(await incidentsText(s, inv), 'command.违规')],
    },
    {
      name: '词库',
      aliases: ['dictionary'],
      role: 'admin',
      where: 'private',
      usage: `${p}词库 [测试 <文本>|重载|添加 <类别> <词>|删除 <类别> <词>|允许 <类别> <短语>]`,
      description:
        '词库状态；测试一段文字会命中什么、为什么；立即重新加载词库；添加、删除词条和允许短语（写回词库文件）',
      run: inv => editCommand(s, inv) ?? [inv.reply(dictionaryCommand(s, inv))],
    },
    reviewCommand(s, 'confirm', '确认', 'confirm', '按违规处理一条待确认的变体命中（警告、记违规按处理矩阵）'),
    reviewCommand(
      s,
      'ignore',
      '忽略',
      'ignore',
      '忽略一条待确认的变体命中，不做处理；加「允许」把命中处的短语加为允许短语，以后不再提示',
    ),
  ]
}

const EDIT_OPS: Record<string, DictionaryEditOp> = {
  添加: 'add',
  add: 'add',
  删除: 'remove',
  remove: 'remove',
  允许: 'allow',
  allow: 'allow',
}

/** `#词库 添加|删除|允许 <类别> <词>`: the edit, its audit record and the reply; undefined for other arguments. */
function editCommand(s: ContentService, inv: CommandInvocation): Action[] | undefined {
  const op = EDIT_OPS[inv.argv[0]?.toLowerCase() ?? '']
  if (!op) return undefined
  const [, category, ...words] = inv.argv
  if (!category || words.length === 0) return [inv.reply(dictionaryEditText.usage(s.ctx.commandPrefix))]
  const edit = { op, category, word: words.join(' ') }
  const result = s.editDictionary(edit)
  const record: Action = {
    type: 'record',
    rule: result.ok ? 'content.dictionary.edit' : 'content.dictionary.edit-refused',
    memberId: inv.event.sender.id,
    reason: `${op} ${category} ${edit.word}`,
    text: result.text,
  }
  return [record, inv.reply(result.text)]
}

/** The word after `#忽略 R3` that also allows the hit's phrase. */
const ALLOW_WORDS = new Set(['允许', 'allow'])

/** `#确认 R3` / `#忽略 R3 [允许]`: the admins' answer to a review-only hit. */
function reviewCommand(
  s: ContentService,
  answer: 'confirm' | 'ignore',
  name: string,
  alias: string,
  description: string,
): CommandSpec {
  const p = s.ctx.commandPrefix
  return {
    name,
    aliases: [alias],
    role: 'admin',
    usage: answer === 'ignore' ? `${p}${name} <编号> [允许]` : `${p}${name} <编号>`,
    description,
    run: inv => {
      const [id, word] = inv.argv
      const found = id ? lookUpReview(s.reviews.data, id, s.ctx.fleet.account?.()) : undefined
      if (found && 'several' in found) {
        const self = s.ctx.fleet.account?.()
        const named = self && s.ctx.fleet.accountName?.(self)
        return [inv.reply(whichReviewText(id, found.several, `${p}${name}`, self, named || undefined))]
      }
      if (found && 'movedTo' in found) return [inv.reply(movedAnswer(s, id, found, `${p}${name} ${inv.args}`))]
      const review = found && 'review' in found ? found.review : undefined
      const allow = answer === 'ignore' && ALLOW_WORDS.has(word?.toLowerCase() ?? '')
      // An ignored review may still be allowed: the admin decides to stop the kind of hit later.
      const answerable = review?.status === 'open' || (allow && review?.status === 'ignored')
      if (!review || !answerable) return [inv.reply(reviewUsageText(p, id, review))]
      const admin = { id: inv.event.sender.id, name: s.ctx.displayName(inv.event.sender) }
      if (answer === 'confirm') {
        const { actions, text } = s.confirmReview(review, admin)
        return [...actions, inv.reply(text)]
      }
      const { actions, text } = s.ignoreReview(review, admin, allow)
      // The admin reads the answer first; a suggestion to all admins follows it.
      return [inv.reply(text), ...actions]
    },
  }
}

/**
 * Where a question went with its group, as the fleet knows it now: the account keeping it (by its WeChat name when it
 * wrote one) to send the answer to, or that it was answered there (or is no longer kept) and needs none.
 */
function movedAnswer(
  s: ContentService,
  typed: string,
  moved: { movedTo: string; fleetId: string; groupTopic: string },
  command: string,
): string {
  const now = movedReviewNow(s.foreignReviews, moved, s.ctx.fleet.account?.())
  const name = s.ctx.fleet.accountName?.(now.account)
  const there = { ...moved, movedTo: now.account }
  if ('gone' in now || ('review' in now && now.review.status !== 'open'))
    return movedClosedText(typed, there, 'review' in now ? now.review : undefined, name)
  return movedReviewText(typed, there, command, name, now.account !== moved.movedTo)
}

async function incidentsText(s: ContentService, inv: CommandInvocation): Promise<string> {
  const { ctx } = s
  const now = ctx.clock.now()
  const mentioned = inv.event.mentions.at(0)
  const read = readIncidentArgs(inv.argv, !!mentioned)
  if ('unread' in read) return incidentsUsage(ctx.commandPrefix, read.unread, read.twice)
  const { days, word } = read
  const named = mentioned ? { id: mentioned, label: mentioned } : word ? await memberNamed(s, word) : undefined
  if (named && 'answer' in named) return named.answer
  const since = now - days * 86_400_000
  const groupId = inv.event.group && !named ? inv.event.group.id : undefined
  const all = fleetIncidents(s, { since, groupId }).filter(i => !named || i.memberId === named.id)
  const list = all.slice(0, 15)
  const whose = named ? `（${list[0]?.memberName ?? named.label}）` : groupId ? '（本群）' : ''
  if (!list.length) return `最近 ${days} 天没有违规事件${whose}。`
  const facts = await auditFacts(s, since)
  const lines = list.map(i => {
    const key = `${i.memberId}|${i.messageId}`
    const removal = facts.removals.get(key)
    const failed = removal && facts.failed.has(removal.id) ? '（移出失败，请手动处理）' : ''
    return `${i.id} ${shortDateTime(i.startedAt, ctx.timezone)} ${i.groupTopic} ${i.memberName}：${i.labels.join('、')}${i.count > 1 ? ` ×${i.count}` : ''} → ${incidentSteps(i)}${failed}${strikeText(s, i, facts.strikes.get(key), now)}`
  })
  const count = all.length > list.length ? `共 ${all.length} 件，列出最新 ${list.length} 件` : `共 ${list.length} 件`
  const p = ctx.commandPrefix
  // Another account's strike is undone through that account only: the admin is told which bot to message.
  const theirs = list.flatMap(i => {
    const e = facts.strikes.get(`${i.memberId}|${i.messageId}`)
    return e?.account && e.type === 'strike' && !e.dryRun ? [e] : []
  })
  const elsewhere = theirs.length
    ? `；编号带 @账号 的由该机器人账号撤销，请私聊它发送，例如私聊机器人账号 ${botName(s, theirs[0].account as string)}：${p}撤销 ${theirs[0].id}`
    : ''
  return [
    `最近 ${days} 天的违规事件${whose}，${count}：`,
    ...lines,
    `撤销一次记违规：${p}撤销 <审计编号>（删除该次违规记录并私聊告知成员）${elsewhere}`,
  ].join('\n')
}

/**
 * `#状态`'s count of the last 7 days' incidents, as `#违规` lists them: fleet-wide when other accounts have some,
 * with whose (`3 件（本账号 1 件，sales2 2 件）`).
 */
export function weekCountText(s: ContentService, now: number): string {
  const since = now - 7 * 86_400_000
  const counts = [...s.logs()].map(([account, log]) => ({ account, n: recentIncidents(log, { since }, 1000).length }))
  const total = counts.reduce((sum, c) => sum + c.n, 0)
  const theirs = counts.filter(c => c.account && c.n)
  if (!theirs.length) return `${total} 件`
  return `${total} 件（本账号 ${counts[0].n} 件，${theirs.map(c => `${botName(s, c.account as string)} ${c.n} 件`).join('，')}）`
}

/**
 * Newest-first incidents since `since` (of one group), this account's and the other accounts' of the fleet
 * (ids `V3@sales1`, with their audit entries' ids `A7@sales1`).
 */
function fleetIncidents(s: ContentService, q: { since: number; groupId?: string }): Incident[] {
  if (!s.foreignIncidents.size) return recentIncidents(s.incidents.state, q, 1000)
  // Counts include the repeats other accounts merged into an incident (a spammer in two accounts' groups).
  const logs = s.logs()
  return [...logs]
    .flatMap(([account, log]) => recentIncidents(log, q, 1000).map(i => withFleetRepeats(i, account, logs)))
    .sort((a, b) => b.startedAt - a.startedAt)
}

/**
 * The contact a `#违规` argument names: a contact id seen in incidents (someone who may have left every group), else
 * as every command resolves names (`member-names.ts`: roster name, group nickname, WeChat name, contact id), else the
 * name an incident recorded. An answer instead when the name means nobody, or several people (the admin says which).
 */
/** A day count of `#违规`: `30`, `30天`, `三十`, `三十天` (1 to 999). */
const DAYS_UNIT = /^(?:天|日|d)?$/i

/**
 * `#违规`'s words: a day count (7 when none) and a member's name (ignored after an @-mention, whose name may hold
 * spaces); a second word besides the name is a day count not read (`三十x`), named in `unread` (`twice`: a second
 * day count).
 */
export function readIncidentArgs(
  argv: string[],
  mentioned: boolean,
): { days: number; word?: string } | { unread: string; twice?: boolean } {
  const counts = argv.filter(a => wholeCount(a, DAYS_UNIT) !== undefined)
  const words = argv.filter(a => wholeCount(a, DAYS_UNIT) === undefined)
  if (counts.length > 1) return { unread: counts[1], twice: true }
  if (!mentioned && words.length > 1) return { unread: words[1] }
  return { days: counts.length ? wholeCount(counts[0], DAYS_UNIT)! : 7, word: mentioned ? undefined : words[0] }
}

/** The answer to `#违规` words it cannot read: what was not read, and the usage. */
function incidentsUsage(p: string, unread: string, twice = false): string {
  const what = twice ? `只能给一个天数（多了「${quoted(unread)}」）` : `看不懂「${quoted(unread)}」`
  return `${what}：天数请写数字或中文，例如 30、三十、三十天。用法：${p}违规 [@成员|微信ID|名字] [天数]`
}

async function memberNamed(s: ContentService, word: string): Promise<NamedContact | { answer: string }> {
  const incidents = [s.incidents.state, ...s.foreignIncidents.values()].flatMap(l => l.incidents)
  const name = bareName(word)
  const byId = incidents.find(i => i.memberId === name)
  if (byId) return { id: name, label: byId.memberName }
  let found = await contactsNamed(word, { roster: s.ctx.roster, directory: s.ctx.directory })
  if (!found.length) {
    const recorded = new Map(incidents.filter(i => i.memberName === name).map(i => [i.memberId, i]))
    found = [...recorded.values()].map(i => ({ id: i.memberId, label: `${i.memberName}（${i.groupTopic}）` }))
  }
  if (found.length > 1) return { answer: whichOneText(word, found) }
  if (found.length) return found[0]
  const p = s.ctx.commandPrefix
  return {
    answer: `找不到成员「${name}」。可用 @成员、花名册姓名、群昵称或微信 ID。用法：${p}违规 [@成员|微信ID|名字] [天数]`,
  }
}

/** This plugin's strike and removal entries in the audit log, by member and message; failed removals by their audit id. */
interface AuditFacts {
  strikes: Map<string, AuditEntry>
  removals: Map<string, AuditEntry>
  failed: Set<string>
}

async function auditFacts(s: ContentService, since: number): Promise<AuditFacts> {
  const days = Math.ceil((s.ctx.clock.now() - since) / 86_400_000) + 1
  const facts: AuditFacts = { strikes: new Map(), removals: new Map(), failed: new Set() }
  for (const e of await s.ctx.audit.queryFleet({ plugin: 'content', days, limit: 5000 })) {
    const key = `${e.memberId}|${e.evidence?.messageId}`
    // `content.dry-run.strike`: an observed strike as recorded before rehearsals were decided in the executor.
    if (e.type === 'strike' || e.rule === 'content.dry-run.strike') facts.strikes.set(key, e)
    if (e.type === 'remove') facts.removals.set(key, e)
    if (e.rule === 'remove-failed' && e.evidence?.text)
      facts.failed.add(e.account ? `${e.evidence.text}@${e.account}` : e.evidence.text)
  }
  return facts
}

function incidentSteps(i: Incident): string {
  const steps = stepsText(i.steps)
  return i.dryRun ? `（观察）${steps}` : steps
}

function strikeText(s: ContentService, i: Incident, entry: AuditEntry | undefined, now: number): string {
  if (!entry) return ''
  if (entry.dryRun || entry.type !== 'strike') return `；审计 ${entry.id}（观察，未记违规）`
  if (entry.account) return `；审计 ${entry.id}（机器人账号 ${botName(s, entry.account)} 记录，在该账号撤销）`
  const active = s.ctx.ledger.activeStrikes(i.memberId, now).some(x => x.auditId === entry.id)
  const expired = entry.at + s.ctx.configFor().strikeTtl <= now
  return `；审计 ${entry.id}（${active ? '违规记录有效' : expired ? '已过期' : '已撤销'}）`
}

function dictionaryCommand(s: ContentService, inv: CommandInvocation): string {
  const p = s.ctx.commandPrefix
  const m = /^(测试|test)\s*([\s\S]*)$/i.exec(inv.args)
  if (m) return m[2] ? describeScan(s.holder.matcher, m[2], s.ctx.configFor(), p) : `用法：${p}词库 测试 <文本>`
  if (/^(重载|reload)$/i.test(inv.args)) {
    const r = s.reload(false)
    return r.ok
      ? `✅ 词库已重新加载（版本 ${s.holder.version}）：${dictionarySummary(s.holder.matcher.dictionary)}`
      : rejectedText(r.problems, s.holder.version)
  }
  // A mistyped subcommand (`#词库 删掉 ad 代购`) is refused: the status would read as if the edit were done.
  const sub = inv.argv[0]
  if (sub) return unknownSubcommandText(`${p}词库`, sub, DICTIONARY_SUBCOMMANDS, dictionaryFormsText(p))
  return statusText(s)
}

/** The subcommands of `#词库`, as the asker may type them (Chinese first: the nearest one is suggested). */
const DICTIONARY_SUBCOMMANDS = ['测试', '重载', '添加', '删除', '允许', 'test', 'reload', 'add', 'remove', 'allow']

/** `#词库` without arguments: files, version, categories and the last failed reload. */
export function statusText(s: ContentService): string {
  const { holder, ctx } = s
  const d = holder.matcher.dictionary
  const cats = Object.entries(d.categories).map(
    ([k, c]) => `${c.label}（${k}，${SEVERITY_LABEL[c.severity]}，${c.terms.length} 词）`,
  )
  return [
    `词库版本 ${holder.version}，加载于 ${shortDateTime(holder.loadedAt, ctx.timezone)}：${dictionarySummary(d)}`,
    `文件：${holder.files.join('、')}`,
    `类别：${cats.join('、')}`,
    ...(d.links ? [`链接（${d.links.category}）白名单：${d.links.allowDomains.join('、') || '无'}`] : []),
    ...(holder.warnings.length
      ? [`提示 ${holder.warnings.length} 条：`, ...holder.warnings.slice(0, 5).map(warningText)]
      : []),
    ...(holder.lastFailure
      ? [
          `⚠️ ${shortDateTime(holder.lastFailure.at, ctx.timezone)} 重载失败，仍用旧词库：`,
          ...holder.lastFailure.problems.slice(0, 5).map(problemText),
        ]
      : []),
    dictionaryUsageText(ctx.commandPrefix),
  ].join('\n')
}

/** Another account of the fleet as the admins read it: `「销售小助手」(sales2)`, or `sales2` when it wrote no name. */
function botName(s: ContentService, account: string): string {
  return botAccountText(account, s.ctx.fleet.accountName?.(account))
}

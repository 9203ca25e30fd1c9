import { botAccountText, botToMessage } from '../../fleet/account-name.js'
import { bareName, whichOneText } from '../member-names.js'
import { quoted } from '../quote.js'
import { shortDateTime } from '../../time/zoned.js'
import type { AuditEntry } from '../../runtime/records/audit.js'
import type { Action } from '../../core/actions.js'
import type { CommandInvocation, CommandSpec } from '../../core/plugin.js'
import { membersNamed } from './members-named.js'
import type { RuntimeView } from './runtime-view.js'

/** An audit id, `A3`, or another account's as the fleet shows it, `A3@sales2`. */
const AUDIT_ID = /^(A\d+)(?:@(\S+))?$/i

/** `#撤销 <审计编号>｜@成员｜成员名或微信 ID`: undo one penalty (a strike or a fine) and tell the member in matching words. */
export function undoCommand(rt: RuntimeView): CommandSpec {
  const p = rt.loaded.config.commandPrefix
  return {
    name: '撤销',
    aliases: ['undo'],
    role: 'admin',
    usage: `${p}撤销 <审计编号>｜@成员｜<成员名或微信ID>`,
    description: '撤销一次处罚（指定编号，或某成员最近一次）：删除对应的违规记录或罚款并通知成员',
    run: async inv => {
      const word = inv.argv[0]
      const mentioned = inv.event.mentions[0]
      if (!word && !mentioned)
        return [
          inv.reply(
            `用法：${p}撤销 <审计编号>，或 ${p}撤销 @成员 / 成员名 / 微信ID（撤销其最近一次处罚）；编号见 ${p}审计 或 ${p}违规。`,
          ),
        ]
      const typed = mentioned ? null : AUDIT_ID.exec(word)
      if (typed) {
        const id = typed[1].toUpperCase()
        const at = typed[2] === rt.ledger.account ? undefined : typed[2]
        const entry = at ? undefined : rt.audit.get(id)
        if (entry) return undo(rt, inv, entry)
        // Another account's record (named, or the one other account with that number): only it undoes it.
        const theirs = await elsewhere(rt, id, at)
        if (theirs.length === 1) return [inv.reply(undoElsewhereText(theirs[0], p, a => rt.fleet.accountName?.(a)))]
        return [
          inv.reply(
            `找不到审计编号 ${quoted(at ? `${id}@${at}` : id)}（只查最近 30 天）。编号见 ${p}审计 或 ${p}违规。`,
          ),
        ]
      }
      const found = mentioned ? [{ id: mentioned, label: mentioned }] : await membersNamed(rt, word)
      if (!found.length)
        return [inv.reply(`找不到成员「${quoted(bareName(word))}」。可用审计编号、@成员、花名册姓名或微信 ID。`)]
      if (found.length > 1) return [inv.reply(whichOneText(quoted(word), found))]
      const entry = latestPenalty(rt, found[0].id)
      if (!entry) return [inv.reply('此成员最近 30 天没有可撤销的处罚。')]
      return undo(rt, inv, entry)
    },
  }
}

/** Other accounts' entries of the last 30 days with this number (of `account` only, when given). */
async function elsewhere(rt: RuntimeView, id: string, account?: string): Promise<AuditEntry[]> {
  if (!rt.ledger.account) return []
  const all = await rt.audit.queryFleet({ days: 30, limit: Number.POSITIVE_INFINITY })
  return all.filter(e => e.account && (!account || e.account === account) && e.id === `${id}@${e.account}`)
}

/**
 * Another account of the fleet recorded it: only that account undoes it (it writes its own ledger), so the admin
 * is told which bot account to message privately, by its WeChat name when it wrote one, with the command to send (as
 * for another account's fine).
 */
function undoElsewhereText(
  entry: AuditEntry,
  prefix: string,
  names: (account: string) => string | undefined = () => undefined,
): string {
  const account = entry.account as string
  const name = names(account)
  const to = name ? botToMessage(account, name) : '该账号'
  return `审计 ${entry.id} 由机器人账号 ${botAccountText(account, name)} 记录，请私聊${to}发送：${prefix}撤销 ${entry.id}`
}

function latestPenalty(rt: RuntimeView, memberId: string): AuditEntry | undefined {
  return rt.audit
    .query({ memberId, days: 30, limit: 10_000 })
    .find(e => (e.type === 'strike' || e.type === 'fine') && !e.dryRun && rt.ledger.hasEffect(e))
}

function undo(rt: RuntimeView, inv: CommandInvocation, entry: AuditEntry): Action[] {
  const { note, tell } = undoPenalty(rt, entry, inv.event.sender.id)
  return [inv.reply(note), ...tell]
}

/**
 * Undo the penalty an audit entry recorded (its strikes and fines, nothing else), audit who did it and
 * why, and tell the member in words that match what was undone. Chat (`#撤销`) and the console share it.
 */
export function undoPenalty(
  rt: RuntimeView,
  entry: AuditEntry,
  by: string,
  reason?: string,
): { note: string; undone: boolean; tell: Action[] } {
  const undone = rt.ledger.undoAudit(entry, by, rt.deps.clock.now())
  if (!undone.strikes && !undone.fines) return { note: `${entry.id} 没有可撤销的处罚。`, undone: false, tell: [] }
  rt.audit.append({
    plugin: 'runtime',
    rule: 'undo',
    type: 'undo',
    dryRun: false,
    memberId: entry.memberId,
    groupId: entry.groupId,
    reason: `undo ${entry.id} by ${by}${reason ? `: ${reason}` : ''}`,
  })
  const what = [undone.strikes ? `违规记录 ${undone.strikes} 条` : '', undone.fines ? `罚款 ${undone.fines} 笔` : '']
    .filter(Boolean)
    .join('，')
  const told =
    undone.fines && !undone.strikes ? '一笔罚款' : undone.strikes && !undone.fines ? '一次违规记录' : '一次处罚'
  // What and when, never the audit id (an admin's reference the member cannot use).
  const when = shortDateTime(entry.at, rt.loaded.config.timezone)
  const group = entry.groupId && rt.deps.directory.group(entry.groupId)?.topic
  const where = group ? `在「${group}」` : ''
  const tell: Action[] = entry.memberId
    ? [
        {
          type: 'say',
          to: { contact: entry.memberId },
          text: `管理员已撤销你 ${when} ${where}的${told}，相关处罚已取消。`,
          // A customer (not the bot's friend) is told in the group of the penalty, politely, with nothing internal.
          groupText: `管理员已撤销对您 ${when} 的${told}，抱歉打扰。`,
          rule: 'command.undo-notice',
          groupId: entry.groupId,
          memberId: entry.memberId,
        },
      ]
    : []
  return { note: `已撤销 ${entry.id}：${what}。`, undone: true, tell }
}

/** What an `undo` entry undid and who undid it (its reason reads `undo A5 by wxid_it[: why]`). */
export function undoOf(e: AuditEntry): { id: string; by: string; why?: string } | undefined {
  const m = /^undo (\S+) by (\S+?)(?:: (.*))?$/.exec(e.reason ?? '')
  return m ? { id: m[1], by: m[2], why: m[3] } : undefined
}

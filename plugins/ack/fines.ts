import type { Action } from '../../bot/core/actions.js'
import type { MessageEvent } from '../../bot/core/event.js'
import type { CommandSpec } from '../../bot/core/plugin.js'
import { allowed } from '../../bot/commands/command-router.js'
import type { Ledger } from '../../bot/runtime/records/ledger.js'
import { shortDateTime } from '../../bot/time/zoned.js'
import { fineRuleText } from './texts.js'
import { quoted } from '../../bot/commands/quote.js'

/** What the fine command and the red-packet rule need. */
export interface FineDeps {
  ledger: Ledger
  now(): number
  tz: string
  prefix: string
  /** Display name for a contact id (roster name, name seen in a notice, else the id). */
  nameOf(contactId: string): string
  maxListed: number
}

/**
 * A red packet from a member with open fines settles the oldest one (a
 * direct ledger change, audited with a `record` action). When the puppet
 * reports an amount smaller than what is owed, nothing is settled.
 */
export function settleByRedPacket(e: MessageEvent, d: FineDeps): Action[] {
  const open = d.ledger.openFines(e.sender.id)
  if (!open.length || !e.group) return []
  const meta = { groupId: e.group.id, memberId: e.sender.id, evidence: { messageId: e.id } }
  const owed = d.ledger.owed(open[0], d.now())
  const amount = e.attachment?.amount
  if (amount !== undefined && amount < owed) {
    return [
      {
        type: 'say',
        to: { room: e.group.id },
        mentions: [e.sender.id],
        text: `红包 ${amount} 元不足：罚款 ${open[0].id}（${open[0].violation}）现应缴 ${owed} 元，请补足后再发。`,
        rule: 'ack.fine-short',
        ...meta,
      },
    ]
  }
  const settled = d.ledger.settleOldest(e.sender.id, d.now(), e.id)!
  const left = open.length - 1
  return [
    {
      type: 'record',
      text: `罚款 ${settled.fine.id} 已由红包结清 ${settled.owed} 元`,
      rule: 'ack.fine-settled',
      reason: settled.fine.violation,
      ...meta,
    },
    {
      type: 'say',
      to: { room: e.group.id },
      mentions: [e.sender.id],
      text: `✅ 已收到红包：罚款 ${settled.fine.id}（${settled.fine.violation}）${settled.owed} 元已结清。${left ? `还有 ${left} 笔未缴，发送 ${d.prefix}罚款 查看。` : ''}`,
      rule: 'ack.fine-settled',
      ...meta,
    },
  ]
}

/** `#罚款`: one's own balance; `#罚款 全部` (admins): everyone's; `#罚款 免除 <编号> <原因>` (admins). */
export function fineCommand(d: FineDeps): CommandSpec {
  const p = d.prefix
  return {
    name: '罚款',
    aliases: ['fines'],
    role: 'member',
    usage: `${p}罚款 [全部 | 免除 <罚款编号> <原因>]`,
    description: '查看自己的罚款；管理员查看全部或免除',
    run: inv => {
      const [sub, id, ...why] = inv.argv
      const isAdmin = allowed('admin', inv.event.sender.roles)
      if ((sub === '全部' || sub === 'all' || sub === '免除' || sub === 'waive') && !isAdmin)
        return [inv.reply('⛔ 只有管理员可以查看全部罚款或免除罚款。')]
      if (sub === '全部' || sub === 'all') return [inv.reply(allFines(d))]
      if (sub === '免除' || sub === 'waive') {
        const reason = why.join(' ')
        if (!id || !reason)
          return [inv.reply(`用法：${p}罚款 免除 <罚款编号> <原因>，例如 ${p}罚款 免除 F3 客户现场无信号`)]
        const fine = d.ledger.openFines().find(f => f.id === id.toUpperCase())
        if (!fine || !d.ledger.waive(fine.id, inv.event.sender.id, reason, d.now()))
          return [inv.reply(`找不到未缴的罚款 ${quoted(id)}。`)]
        return [
          inv.reply(`已免除 ${d.nameOf(fine.memberId)} 的罚款 ${fine.id}（${fine.violation}），原因：${reason}`),
          {
            type: 'record',
            text: `罚款 ${fine.id} 已免除：${reason}`,
            rule: 'ack.fine-waived',
            memberId: fine.memberId,
            groupId: fine.groupId,
            reason: `waived by ${inv.event.sender.id}`,
          },
        ]
      }
      return [inv.reply(ownFines(inv.event.sender.id, d))]
    },
  }
}

function ownFines(memberId: string, d: FineDeps): string {
  const now = d.now()
  const open = d.ledger.openFines(memberId)
  const paid = d.ledger.finesOf(memberId).filter(f => f.settled)
  const paidText = paid.length
    ? `已缴 ${paid.length} 笔，共 ${paid.reduce((s, f) => s + (f.settled?.amount ?? 0), 0)} 元。`
    : ''
  if (!open.length) return `你没有未缴的罚款。${paidText}`
  const total = open.reduce((s, f) => s + d.ledger.owed(f, now), 0)
  const lines = open
    .slice(0, d.maxListed)
    .map(f => `${f.id} ${f.violation}（${shortDateTime(f.at, d.tz)}），现应缴 ${d.ledger.owed(f, now)} 元`)
  return [
    `你有 ${open.length} 笔未缴罚款，共 ${total} 元：`,
    ...lines,
    `在内部工作群发红包即可缴纳，每个红包结清最早的一笔（${fineRuleText(d.ledger.policy)}）。`,
    paidText,
  ]
    .filter(Boolean)
    .join('\n')
}

function allFines(d: FineDeps): string {
  const now = d.now()
  const byMember = new Map<string, { count: number; owed: number; ids: string[] }>()
  for (const f of d.ledger.openFines()) {
    const m = byMember.get(f.memberId) ?? { count: 0, owed: 0, ids: [] }
    byMember.set(f.memberId, m)
    m.count++
    m.owed += d.ledger.owed(f, now)
    m.ids.push(f.id)
  }
  if (!byMember.size) return '目前没有未缴的罚款。'
  const rows = [...byMember.entries()].sort((a, b) => b[1].owed - a[1].owed)
  const total = rows.reduce((s, [, m]) => s + m.owed, 0)
  const lines = rows
    .slice(0, d.maxListed)
    .map(
      ([id, m]) =>
        `${d.nameOf(id)}：${m.count} 笔，现应缴 ${m.owed} 元（${m.ids.slice(0, 5).join('、')}${m.ids.length > 5 ? '…' : ''}）`,
    )
  const rest = rows.length > d.maxListed ? [`…另有 ${rows.length - d.maxListed} 人`] : []
  return [`未缴罚款 ${rows.length} 人，共 ${total} 元：`, ...lines, ...rest].join('\n')
}

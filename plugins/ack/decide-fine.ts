import type { Action } from '../../bot/core/actions.js'
import type { MessageEvent } from '../../bot/core/event.js'
import type { Ledger } from '../../bot/runtime/records/ledger.js'
import { T } from './texts.js'

/**
 * A red packet from a member with open fines settles the oldest one when the puppet reports an amount that
 * covers it (a direct ledger change, audited with a `record` action). A short amount settles nothing; an
 * unknown amount (WeChat hides a red packet's sum) settles nothing either: the bot says so and asks an admin to
 * confirm with `#罚款 结清 F2`.
 */
export function settleByRedPacket(e: MessageEvent, ledger: Ledger, now: number, prefix: string): Action[] {
  const open = ledger.openFines(e.sender.id)
  if (!open.length || !e.group) return []
  const meta = { groupId: e.group.id, memberId: e.sender.id, evidence: { messageId: e.id } }
  const owed = ledger.owed(open[0], now)
  const amount = e.attachment?.amount
  if (amount !== undefined && amount < owed) {
    return [
      {
        type: 'say',
        to: { room: e.group.id },
        mentions: [e.sender.id],
        text: T.redPacketShort(amount, open[0], owed),
        rule: 'ack.fine-short',
        ...meta,
      },
    ]
  }
  if (amount === undefined) {
    return [
      { type: 'record', text: T.redPacketUnknownRecord(open[0].id), rule: 'ack.fine-unconfirmed', ...meta },
      {
        type: 'say',
        to: { room: e.group.id },
        mentions: [e.sender.id],
        text: T.redPacketUnknown(open[0], owed, prefix),
        rule: 'ack.fine-unconfirmed',
        ...meta,
      },
    ]
  }
  const settled = ledger.settleOldest(e.sender.id, now, e.id)!
  const left = open.length - 1
  return [
    {
      type: 'record',
      text: T.fineSettledRecord(settled.fine.id, settled.owed),
      rule: 'ack.fine-settled',
      reason: settled.fine.violation,
      ...meta,
    },
    {
      type: 'say',
      to: { room: e.group.id },
      mentions: [e.sender.id],
      text: T.fineSettled(amount, settled.fine, settled.owed, left, prefix),
      rule: 'ack.fine-settled',
      ...meta,
    },
  ]
}

import type { Action, Chat } from '../../bot/core/actions.js'
import { MESSAGE_KIND_LABEL, type MessageEvent } from '../../bot/core/event.js'
import { botAccountText, botToMessage } from '../../bot/fleet/account-name.js'
import type { Fine, Ledger } from '../../bot/runtime/records/ledger.js'
import { T } from './texts.js'

/** Another account's WeChat name as it wrote it (undefined: none written, or no fleet): texts name the bots so. */
export type AccountNames = (account: string) => string | undefined

const noNames: AccountNames = () => undefined

/** A payment that can settle fines: a red packet or a transfer. */
export type PaymentKind = 'redpacket' | 'transfer'

/**
 * What every answer to a payment is worked out from: the payment, the ledger, the time, the command prefix, the
 * payment's kind as texts name it (`红包`, `转账`) and the fleet's account names.
 */
interface PaymentContext {
  e: MessageEvent
  ledger: Ledger
  now: number
  prefix: string
  label: string
  names: AccountNames
}

/** True for a red packet or a transfer. */
export function isPayment(e: MessageEvent): e is MessageEvent & { kind: PaymentKind } {
  return e.kind === 'redpacket' || e.kind === 'transfer'
}

/**
 * A payment toward a member's open fines, in a group or privately to the bot. Money arrives only by a red packet (its
 * sum hidden: WeChat states none) or by a transfer its receiver accepted; the bot cannot accept a transfer, which
 * WeChat returns after 24 hours. So:
 * - a transfer's receipt (`payer`: an admin or leader accepted a transfer from a member) settles the payer's oldest
 *   fines its amount covers in full, oldest first, with one `settle` action a fine (the executor settles the ledger,
 *   as for `#罚款 结清`; in observe mode it is only recorded); the answer names what is settled, what is still open
 *   and any amount left over. What a fine owes is judged when the member sent the transfer (`paidAt`), not when the
 *   admin accepted it. An amount short of the oldest fine settles nothing (the answer says how much is missing). A
 *   receipt for fines another account of the fleet recorded settles nothing here: the member is told the money
 *   arrived, the admins which account's `#罚款 结清` confirms it. A receipt from anyone else is none of the fines'
 *   business;
 * - a transfer to the bot settles nothing: the member is told privately that it will come back, and to pay an admin;
 *   a transfer to someone else waits for that person's receipt;
 * - a red packet settles nothing either and is not answered in the group (a fined member's every red packet would
 *   post the fine again): the member is told privately, the admins are asked to confirm with `#罚款 结清 F2`. One
 *   sent privately to the bot only the bot could open, and it opens none (WeChat returns it after 24 hours): the
 *   member is told to pay an admin, and no admin is asked.
 */
export function settleByPayment(
  e: MessageEvent & { kind: PaymentKind },
  ledger: Ledger,
  now: number,
  prefix: string,
  selfId?: string,
  names: AccountNames = noNames,
): Action[] {
  const ctx: PaymentContext = { e, ledger, now, prefix, label: MESSAGE_KIND_LABEL[e.kind], names }
  if (e.kind === 'redpacket') return unconfirmed(ctx)
  const { payer, payee, amount } = e.attachment ?? {}
  if (payer) {
    const collects = e.sender.roles.some(r => r === 'admin' || r === 'leader')
    return collects && amount !== undefined ? settleFines(ctx, payer, amount) : []
  }
  if (payee && payee !== selfId) return []
  const open = ledger.openFines(e.sender.id)
  if (!open.length) return []
  const text = T.transferToBot(amount, ledger.shown(open[0]), ledger.owed(open[0], now))
  return [{ type: 'say', to: { contact: e.sender.id }, text, rule: 'ack.transfer-to-bot', ...metaOf(e, e.sender.id) }]
}

/** A red packet: the member is told privately, the admins asked to confirm (its sum is hidden). */
function unconfirmed(ctx: PaymentContext): Action[] {
  const { e, ledger, now, prefix, label } = ctx
  const meta = metaOf(e, e.sender.id)
  const open = ledger.openFines(e.sender.id)
  if (!open.length) return elsewhere(ctx, meta)
  const owed = ledger.owed(open[0], now)
  const first = ledger.shown(open[0])
  if (!e.group) {
    const text = T.redPacketToBot(first, owed)
    return [{ type: 'say', to: { contact: e.sender.id }, text, rule: 'ack.redpacket-to-bot', ...meta }]
  }
  const name = e.sender.groupAlias ?? e.sender.name
  const rule = 'ack.fine-unconfirmed'
  return [
    { type: 'say', to: { contact: e.sender.id }, text: T.paymentUnknown(label, first, owed), rule, ...meta },
    {
      type: 'notifyAdmins',
      text: T.paymentUnknownAdmins(name, e.group?.topic, label, first, owed, prefix),
      rule,
      ...meta,
    },
  ]
}

/** What an accepted transfer of `amount` from `payer` settles (`settleByPayment`). */
function settleFines(ctx: PaymentContext, payer: string, amount: number): Action[] {
  const { e, ledger, now, prefix, label } = ctx
  const meta = metaOf(e, payer)
  const open = ledger.openFines(payer)
  const paidAt = e.attachment?.paidAt
  const when = paidAt !== undefined && paidAt < now ? paidAt : now
  if (!open.length) return receivedElsewhere(ctx, amount, when, meta)
  const owed = ledger.owed(open[0], when)
  const first = ledger.shown(open[0])
  const to: Chat = e.group ? { room: e.group.id } : { contact: payer }
  const mentions = e.group ? [payer] : undefined
  const say = (text: string, rule: string): Action => ({ type: 'say', to, mentions, text, rule, ...meta })
  if (amount < owed) return [say(T.paymentShort(label, amount, first, owed), 'ack.fine-short')]
  const { covered: settled, left } = coverOldestFirst(
    open.map(fine => ({ fine, owed: ledger.owed(fine, when) })),
    amount,
  )
  const next = open[settled.length]
  const rest = {
    count: open.length - settled.length,
    next: next && { fine: ledger.shown(next), owed: ledger.owed(next, now) },
  }
  const shown = settled.map(s => ({ fine: ledger.shown(s.fine), owed: s.owed }))
  return [
    ...settled.map(
      (s): Action => ({
        type: 'settle',
        fineId: s.fine.id,
        messageId: e.id,
        owedAt: when,
        text: T.fineSettledRecord(label, ledger.label(s.fine), s.owed),
        rule: 'ack.fine-settled',
        reason: s.fine.violation,
        ...meta,
      }),
    ),
    say(T.fineSettled(label, amount, shown, rest, left, prefix), 'ack.fine-settled'),
  ]
}

/**
 * A receipt for a member whose open fines another account of the fleet recorded, judged at the transfer's time
 * `when` as this account's own are: what it covers reached the admin, so the member is not asked to pay that again;
 * an amount short of the first fine is said to be short (to the member and the admins), never "no need to pay". The
 * admins are told what the fines owed at the transfer and, per account, the commands that confirm them
 * (`私聊「小助手」发送：#罚款 结清 F1@sales1`), each account by its WeChat name.
 */
function receivedElsewhere(
  { e, ledger, prefix, names }: PaymentContext,
  amount: number,
  when: number,
  meta: ReturnType<typeof metaOf>,
): Action[] {
  const foreign = foreignFines(ledger, meta.memberId, names)
  if (!foreign) return []
  const { fines, accounts } = foreign
  const owed = fines.map(f => ({ id: f.id, owed: ledger.owed(f, when) }))
  const { covered } = coverOldestFirst(owed, amount)
  const rule = 'ack.fine-elsewhere'
  const admin = e.sender.groupAlias ?? e.sender.name
  const commands = settleCommands(covered.length ? covered : owed.slice(0, 1), prefix, names)
  const member = covered.length
    ? T.receiptElsewhere(amount, covered, owed.slice(covered.length), accounts)
    : T.receiptElsewhereShort(amount, owed[0], accounts)
  return [
    { type: 'say', to: { contact: meta.memberId }, text: member, rule, ...meta },
    {
      type: 'notifyAdmins',
      text: T.receiptElsewhereAdmins(admin, e.group?.topic, amount, owed, covered.length, accounts, commands),
      rule,
      ...meta,
    },
  ]
}

/**
 * The commands that settle `fines` (ids `F2@sales1`), one per fine as `#罚款 结清` takes one id, grouped by the
 * account that must receive them, by its WeChat name when it wrote one: `私聊「小助手」发送：#罚款 结清 F1@sales1、…`
 * (`私聊 sales1 发送：…` without).
 */
export function settleCommands(fines: { id: string }[], prefix: string, names: AccountNames = noNames): string {
  const byAccount = new Map<string, string[]>()
  for (const f of fines) {
    const account = f.id.slice(f.id.indexOf('@') + 1)
    byAccount.set(account, [...(byAccount.get(account) ?? []), `${prefix}罚款 结清 ${f.id}`])
  }
  const to = (account: string) => {
    const name = names(account)
    return name ? botToMessage(account, name) : ` ${account} `
  }
  return [...byAccount].map(([account, cmds]) => `私聊${to(account)}发送：${cmds.join('、')}`).join('；')
}

/**
 * The fines `amount` pays, oldest first, each in full, stopping at the first it does not cover (a payment is never
 * split over a fine it cannot settle); `left`: what remains, to the cent.
 */
function coverOldestFirst<F extends { owed: number }>(fines: F[], amount: number): { covered: F[]; left: number } {
  const covered: F[] = []
  let left = amount
  for (const f of fines) {
    if (f.owed > left + 0.001) break
    covered.push(f)
    left = Math.round((left - f.owed) * 100) / 100
  }
  return { covered, left }
}

/** The audit meta of a payment's actions about `memberId` (the payer: the sender, or a receipt's `payer`). */
function metaOf(e: MessageEvent, memberId: string) {
  return { groupId: e.group?.id, memberId, evidence: { messageId: e.id } }
}

/**
 * A payment from a member whose open fines another account of the fleet recorded (this account has none): it settles
 * nothing here, since each account settles only its own ledger; the member is told privately which account to pay.
 */
function elsewhere({ ledger, label, names }: PaymentContext, meta: ReturnType<typeof metaOf>): Action[] {
  const foreign = foreignFines(ledger, meta.memberId, names)
  if (!foreign) return []
  const text = T.paymentElsewhere(
    label,
    foreign.fines.map(f => f.id),
    foreign.accounts,
  )
  return [{ type: 'say', to: { contact: meta.memberId }, text, rule: 'ack.fine-elsewhere', ...meta }]
}

/**
 * The open fines of a member that only other accounts of the fleet hold (called when this account has none), their
 * ids `F2@sales1`, and the accounts named in them, each once, as people read them (`「小助手」(sales1)`: its WeChat
 * name when it wrote one); undefined when there are none.
 */
function foreignFines(
  ledger: Ledger,
  memberId: string,
  names: AccountNames,
): { fines: Fine[]; accounts: string[] } | undefined {
  // Oldest first across accounts (the fleet lists them account by account): a payment covers the oldest fines.
  const fines = ledger.openFinesFleet(memberId).sort((a, b) => a.at - b.at)
  if (!fines.length) return undefined
  const accounts = [...new Set(fines.map(f => f.id.slice(f.id.indexOf('@') + 1)))]
  return { fines, accounts: accounts.map(a => botAccountText(a, names(a))) }
}

import type { MessageEvent } from '../../bot/core/event.js'
import type { Ledger } from '../../bot/runtime/records/ledger.js'
import { splitDeadline } from './deadline/parse.js'
import { type AccountNames, isPayment, settleByPayment } from './decide-fine.js'
import { isNoticeMessage, openNotice, trackingActions, type NoticeInputs } from './decide-notice.js'
import { onGroupReply, onPrivateReply, onRecall, type Outcome } from './decide-reply.js'
import type { GroupRules } from './match/rules.js'
import { allNotices, type AckState } from './state.js'

/** What a message decision reads besides the event and the notices. */
export interface MessageInputs {
  /** The rules of the message's group (the global ones for a private message). */
  rules: GroupRules
  tz: string
  now: number
  prefix: string
  ledger: Ledger
  /** The bot's own contact id: a transfer naming another receiver pays no fine. */
  selfId?: string
  /** Another account's WeChat name (fleet): a payment for its fines names it so. */
  accountName?: AccountNames
  /** Read only when the message is a notice ({@link isNoticeMessage}): the group's members and how to judge them. */
  notice?: NoticeInputs
}

/**
 * A message that is not a command: a red packet or transfer paying fines (in an internal group or privately to the
 * bot), a private answer, a recall, a new notice (tracked, confirmed in the group, timers set) or a member's answer
 * or excuse in the group.
 */
export function decideMessage(e: MessageEvent, state: AckState, x: MessageInputs): Outcome {
  if (e.group && e.group.kind !== 'internal') return NOTHING
  const notices = allNotices(state)
  if (isPayment(e))
    return {
      actions: x.rules.cfg.fines.enabled ? settleByPayment(e, x.ledger, x.now, x.prefix, x.selfId, x.accountName) : [],
      changed: false,
    }
  if (!e.group) return onPrivateReply(e, notices, x.rules)
  if (e.kind === 'recalled') return onRecall(e, notices)
  if (!isNoticeMessage(e, x.rules.cfg) || !x.notice)
    return e.kind === 'text' ? onGroupReply(e, notices, x.rules, x.tz) : NOTHING
  const split = splitDeadline(e.text)
  let n = openNotice(state, e, split.spec ? split.content : e.text.trim(), split.spec, x.rules, x.notice)
  if (typeof n === 'string' && split.spec) n = openNotice(state, e, e.text.trim(), undefined, x.rules, x.notice)
  return typeof n === 'string' ? NOTHING : { actions: trackingActions(n, x.tz, true), changed: true }
}

const NOTHING: Outcome = { actions: [], changed: false }

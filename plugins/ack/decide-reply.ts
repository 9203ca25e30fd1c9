import type { Action } from '../../bot/core/actions.js'
import { cancelDeadlineTimers } from '../../bot/core/deadline-timers.js'
import type { MessageEvent } from '../../bot/core/event.js'
import { dayKey } from '../../bot/time/zoned.js'
import { excuseText } from './match/ack-words.js'
import type { GroupRules } from './match/rules.js'
import { findNotice, recordAnswer, type AnswerVia, type Notice } from './state.js'
import { T } from './texts.js'

/** What a message did to the tracked notices. */
export interface Outcome {
  actions: Action[]
  changed: boolean
}

const NOTHING: Outcome = { actions: [], changed: false }
const NOTICE_ID = /\bN\d+\b/i

/**
 * A member's message in a group: a quote binds to the quoted notice, an
 * acknowledgement or an excuse to the latest open notice they must answer.
 * Quotes of other messages, and people who need not answer, are ignored.
 */
export function onGroupReply(e: MessageEvent, notices: Notice[], rules: GroupRules, tz: string): Outcome {
  const groupId = e.group!.id
  const inGroup = notices.filter(n => n.groupId === groupId)
  if (!inGroup.length) return NOTHING // no notice here: nothing to answer, no need to read the text
  const excuse = excuseText(e.text, rules.cfg.excusePrefixes)
  let notice: Notice | undefined
  let via: AnswerVia = 'ack'
  if (e.quote) {
    notice = noticeForQuote(inGroup, e.quote)
    via = 'quote'
  } else if (excuse || rules.isAck(e.text)) {
    notice = noticeForAck(inGroup, groupId, e.sender.id, e.at, tz)
  }
  if (!notice || !(e.sender.id in notice.required) || e.id === notice.messageId) return NOTHING
  if (excuse) return registerExcuse(notice, e, excuse)
  return { actions: [], changed: recordAnswer(notice, e.sender.id, e.at, via) }
}

/** A private message to the bot naming a notice ("N3 收到", "说明 N3：在外地") answers it or registers an excuse. */
export function onPrivateReply(e: MessageEvent, notices: Notice[], rules: GroupRules): Outcome {
  const id = NOTICE_ID.exec(e.text)?.[0].toUpperCase()
  if (!id) return NOTHING
  const mine = notices.filter(n => (n.state === 'open' || n.state === 'reported') && e.sender.id in n.required)
  const notice = findNotice(mine, id)
  if (!notice) return NOTHING
  const excuse = excuseText(e.text.replace(/\s*\bN\d+\b\s*/i, ''), rules.cfg.excusePrefixes)
  if (excuse) return registerExcuse(notice, e, excuse)
  if (!recordAnswer(notice, e.sender.id, e.at, 'private')) return NOTHING
  return {
    changed: true,
    actions: [
      {
        type: 'say',
        to: { contact: e.sender.id },
        text: T.privateAnswerRecorded(notice.id),
        rule: 'ack.private-answer',
        memberId: e.sender.id,
      },
    ],
  }
}

/**
 * A recall notice naming a tracked notice's message stops tracking it (timers
 * cancelled, group told). The recalled id is read from `quote.id`, else from the
 * text: the bare id (sandbox, Wechaty's `toRecalled()` input) or any token of it
 * (puppets that pass the revoke XML, e.g. `<newmsgid>123</newmsgid>`).
 */
export function onRecall(e: MessageEvent, notices: Notice[]): Outcome {
  const tokens = new Set([e.quote?.id, e.text.trim(), ...e.text.split(/[^\w@.-]+/)].filter(Boolean))
  const n = notices.find(x => tokens.has(x.messageId) && (x.state === 'open' || x.state === 'reported'))
  if (!n) return NOTHING
  const recalled = n.messageId
  n.state = 'recalled'
  const meta = { groupId: n.groupId, evidence: { messageId: recalled } }
  return {
    changed: true,
    actions: [
      ...stopTimers(n),
      {
        type: 'say',
        to: { room: n.groupId },
        text: T.recalled(n.id),
        rule: 'ack.recalled',
        ...meta,
      },
    ],
  }
}

/** Members who left stop counting for open notices they had not answered. */
export function onLeave(groupId: string, memberIds: string[], notices: Notice[]): boolean {
  let changed = false
  for (const n of notices) {
    if (n.groupId !== groupId || n.state !== 'open') continue
    for (const id of memberIds)
      if (id in n.required && !n.answers[id]) {
        delete n.required[id]
        changed = true
      }
  }
  return changed
}

/** Cancel a notice's reminder and deadline timers. */
export function stopTimers(n: Notice): Action[] {
  return cancelDeadlineTimers(n.id, { rule: 'ack.stop', groupId: n.groupId })
}

function registerExcuse(n: Notice, e: MessageEvent, text: string): Outcome {
  if (n.answers[e.sender.id] || (n.state !== 'open' && n.state !== 'reported')) return NOTHING
  n.excuses[e.sender.id] = { at: e.at, text: text.slice(0, 200) }
  const to = e.group ? { room: e.group.id } : { contact: e.sender.id }
  return {
    changed: true,
    actions: [
      {
        type: 'say',
        to,
        text: T.excuseRegistered(n.id),
        mentions: e.group ? [e.sender.id] : undefined,
        rule: 'ack.excuse',
        groupId: n.groupId,
        memberId: e.sender.id,
        evidence: { messageId: e.id, text: text.slice(0, 200) },
      },
    ],
  }
}

/** The notice a quote refers to: by message id, by "通知 N3" in the quoted text, else by the quoted text itself. */
export function noticeForQuote(notices: Notice[], quote: { id?: string; text: string }): Notice | undefined {
  const live = notices.filter(n => n.state === 'open' || n.state === 'reported')
  if (quote.id) {
    const byId = live.find(n => n.messageId === quote.id)
    if (byId) return byId
  }
  const named = /(?:通知|编号)\s*(N\d+)/i.exec(quote.text)?.[1].toUpperCase()
  if (named) return findNotice(live, named)
  const q = comparable(quote.text)
  return latest(live.filter(n => textsMatch(comparable(n.text), q)))
}

/** The notice a bare acknowledgement in a group binds to: the latest open one the member must answer, else today's latest reported one still unanswered. */
export function noticeForAck(
  notices: Notice[],
  groupId: string,
  memberId: string,
  at: number,
  tz: string,
): Notice | undefined {
  const mine = notices.filter(n => n.groupId === groupId && memberId in n.required && n.at <= at)
  return (
    latest(mine.filter(n => n.state === 'open')) ??
    latest(mine.filter(n => n.state === 'reported' && !n.answers[memberId] && dayKey(n.at, tz) === dayKey(at, tz)))
  )
}

/** Letters and digits only, lower-cased: quotes arrive truncated ("…") and re-punctuated. */
export function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
}

/** One text contains the other, and the shorter is long enough not to match by chance. */
function textsMatch(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return short.length > 0 && short.length >= Math.min(6, long.length) && long.includes(short)
}

function latest(list: Notice[]): Notice | undefined {
  return list.reduce<Notice | undefined>((best, n) => (!best || n.at >= best.at ? n : best), undefined)
}

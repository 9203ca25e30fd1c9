import type { Fine, Ledger } from '../../bot/runtime/records/ledger.js'
import { answerTiming, type AnswerVia, type Notice, type NoticeState, silentMembers } from './state.js'

/** One tracked notice as the console shows it: who answered (and when, how), who has not, excuses. */
export interface NoticeView {
  id: string
  groupTopic: string
  text: string
  authorName: string
  at: number
  deadline: number
  state: NoticeState
  observed: boolean
  answered: { id: string; name: string; at: number; via: AnswerVia; timing: 'prompt' | 'reminded' | 'late' }[]
  silent: { id: string; name: string; excuse?: string }[]
  excused: { id: string; name: string; excuse: string }[]
}

/** One fine with what it owes now and how it was settled. */
export interface FineView {
  /** As people type it: `F3`, in a fleet `F3@sales1` (`Ledger.label`). */
  id: string
  memberId: string
  name: string
  violation: string
  at: number
  /** What it owes now (0 once settled or waived). */
  owed: number
  state: 'open' | 'settled' | 'waived'
  /** Amount paid (red packet, transfer, an admin's confirmation), or who waived it and why. */
  settledAmount?: number
  waived?: { by: string; reason: string }
  closedAt?: number
}

/** What the ack plugin shows in the web console. */
export interface AckViews {
  /** The newest `limit` notices, newest first. */
  notices(limit: number): NoticeView[]
  /** The newest `limit` fines, newest first, and the open total owed now. */
  fines(limit: number): { rows: FineView[]; open: number; owed: number }
  /** One fine of this account by id (`F3`, `f3`, in a fleet also `F3@sales1`) as it stands now; undefined when there is none. */
  fine(id: string): FineView | undefined
}

declare module '../../bot/core/views.js' {
  interface Views {
    ack: AckViews
  }
}

/** The ack views over the plugin's notices and the shared ledger. */
export function ackViews(d: {
  notices: () => Notice[]
  ledger: Ledger
  now: () => number
  nameOf: (id: string) => string
}): AckViews {
  return {
    notices: limit =>
      d
        .notices()
        .sort((a, b) => b.at - a.at)
        .slice(0, limit)
        .map(n => noticeView(n)),
    fines: limit => {
      const now = d.now()
      const all = d.ledger.fines()
      let open = 0
      let owed = 0
      for (const f of all)
        if (!f.settled && !f.waived) {
          open++
          owed += d.ledger.owed(f, now)
        }
      const rows = all
        .slice(-limit)
        .reverse()
        .map(f => fineView(d.ledger.shown(f), d.ledger.owed(f, now), d.nameOf(f.memberId)))
      return { rows, open, owed }
    },
    fine: typed => {
      const id = typed.toUpperCase()
      const f = d.ledger.fines().find(x => x.id === id || d.ledger.label(x).toUpperCase() === id)
      return f && fineView(d.ledger.shown(f), d.ledger.owed(f, d.now()), d.nameOf(f.memberId))
    },
  }
}

function noticeView(n: Notice): NoticeView {
  const silent = new Set(silentMembers(n))
  const name = (id: string) => n.required[id] ?? id
  return {
    id: n.id,
    groupTopic: n.groupTopic,
    text: n.text,
    authorName: n.authorName,
    at: n.at,
    deadline: n.deadline,
    state: n.state,
    observed: Boolean(n.observed),
    answered: Object.entries(n.answers)
      .map(([id, a]) => ({ id, name: name(id), at: a.at, via: a.via, timing: answerTiming(n, a) }))
      .sort((a, b) => a.at - b.at),
    silent: [...silent].map(id => ({ id, name: name(id), excuse: n.excuses[id]?.text })),
    excused: Object.entries(n.excuses)
      .filter(([id, e]) => e.acceptedBy && !n.answers[id])
      .map(([id, e]) => ({ id, name: name(id), excuse: e.text })),
  }
}

function fineView(f: Fine, owed: number, name: string): FineView {
  return {
    id: f.id,
    memberId: f.memberId,
    name,
    violation: f.violation,
    at: f.at,
    owed,
    state: f.settled ? 'settled' : f.waived ? 'waived' : 'open',
    settledAmount: f.settled?.amount,
    waived: f.waived && { by: f.waived.by, reason: f.waived.reason },
    closedAt: f.settled?.at ?? f.waived?.at,
  }
}

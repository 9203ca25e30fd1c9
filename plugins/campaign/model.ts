import type { Targets } from './config.js'

/** What goes out to a group: text, optionally a link card and an image file. */
export interface PostContent {
  text: string
  link?: { url: string; title: string; description?: string }
  /** Path of an image on the bot machine. */
  image?: string
}

/** Lifecycle of a campaign: waiting for its slot, announced, finished, or never announced. */
export type CampaignStatus = 'scheduled' | 'announced' | 'ended' | 'missed'

/** A share campaign and where it has been announced. */
export interface Campaign {
  id: string
  title: string
  content: PostContent
  targets: Targets
  /** First day (`YYYY-MM-DD`) it may be announced. */
  startDay: string
  deadline: number
  source: 'config' | 'chat'
  createdBy?: string
  status: CampaignStatus
  /** Groups it was announced to: group id -> config name and time. Written before the sends are returned. */
  announced: Record<string, { name: string; at: number }>
  endedAt?: number
  /** Why it was never announced (status `missed`). */
  note?: string
  /** Announced while every target group was in observe mode: a rehearsal whose reminders, report and penalties are only recorded. */
  observed?: boolean
}

/** One member's reported share of a campaign. */
export interface Participation {
  memberId: string
  name: string
  groupId: string
  at: number
  screenshot: boolean
}

/** Per-campaign participation document: who reported, and phrases still waiting for a screenshot. */
export interface ParticipationDoc {
  done: Record<string, Participation>
  claims: Record<string, { groupId: string; at: number }>
}

/** Lifecycle of a queued post. `unapproved`: its time came before anyone approved it. */
export type PostStatus = 'pending' | 'approved' | 'rejected' | 'published' | 'missed' | 'unapproved'

/** A post in the daily queue. */
export interface QueuedPost {
  id: string
  /** Day (`YYYY-MM-DD`) and time (`HH:mm`) it goes out. */
  day: string
  time: string
  content: PostContent
  /** Set when the editor asked for a weekend or holiday on purpose. */
  anyDay: boolean
  editor: string
  editorName: string
  createdAt: number
  status: PostStatus
  decidedBy?: string
  decidedAt?: number
  reason?: string
  publishedAt?: number
}

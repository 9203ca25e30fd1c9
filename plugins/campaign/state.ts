import { z } from 'zod'
import { type Doc, docSpec, type Store } from '../../bot/ports/store/store.js'
import { zonedInstant } from '../../bot/time/zoned.js'
import type { CampaignConfig, Targets } from './config.js'

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

/**
 * The campaign's status as people should read it at `now`: a scheduled campaign whose deadline passed is
 * `missed` already, before the next announcement job (workdays, in the posting window) marks and reports it.
 */
export function statusAt(c: Campaign, now: number): CampaignStatus {
  return c.status === 'scheduled' && c.deadline <= now ? 'missed' : c.status
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

/** The `campaign-campaigns` document: campaigns, the next id, and when the plugin last published per group. */
export interface CampaignsDoc {
  seq: number
  items: Record<string, Campaign>
  lastPublish: Record<string, number>
}
/**
 * An approval or rejection made through this account of another account's post (fleet mode): the post's owner
 * applies it to its post at its next sync. The post is named by its id and what tells it apart in the fleet.
 */
export interface PostDecision {
  account: string
  id: string
  createdAt: number
  editor: string
  status: 'approved' | 'rejected'
  by: string
  at: number
  reason?: string
}

/** The `campaign-posts` document: the post queue and the next id. */
export interface PostsDoc {
  seq: number
  items: Record<string, QueuedPost>
  /** Decisions on other accounts' posts, by fleet id (`5@sales1`); absent for one process. */
  decisions?: Record<string, PostDecision>
  /** Other accounts' posts this account published in the target groups it acts in, by fleet id: when (fleet mode). */
  relayed?: Record<string, number>
}

/** The `campaign-campaigns` document (durable). */
export const CAMPAIGNS_DOC = docSpec<CampaignsDoc>({
  version: 1,
  schema: z.object({
    seq: z.number(),
    items: z.record(z.string(), z.looseObject({})),
    lastPublish: z.record(z.string(), z.number()),
  }),
  defaults: () => ({ seq: 1, items: {}, lastPublish: {} }),
  durable: true,
})
/** A decision on another account's post, as stored (checked: a follower applies it to its own post). */
const POST_DECISION = z.looseObject({
  account: z.string(),
  id: z.string(),
  createdAt: z.number(),
  editor: z.string(),
  status: z.enum(['approved', 'rejected']),
  by: z.string(),
  at: z.number(),
  reason: z.string().optional(),
})
/** The `campaign-posts` document (durable). */
export const POSTS_DOC = docSpec<PostsDoc>({
  version: 1,
  schema: z.object({
    seq: z.number(),
    items: z.record(z.string(), z.looseObject({})),
    decisions: z.record(z.string(), POST_DECISION).optional(),
    relayed: z.record(z.string(), z.number()).optional(),
  }),
  defaults: () => ({ seq: 1, items: {} }),
  durable: true,
})
/** A `campaign-part-<id>` document: who took part and the pending claims. */
export const PARTICIPATION_DOC = docSpec<ParticipationDoc>({
  version: 1,
  schema: z.object({ done: z.record(z.string(), z.looseObject({})), claims: z.record(z.string(), z.looseObject({})) }),
  defaults: () => ({ done: {}, claims: {} }),
})

/** `openIn` of a group without an open campaign. */
const NONE_OPEN: readonly Campaign[] = Object.freeze([])

/**
 * The plugin's store documents: campaigns (`campaign-campaigns`), the post
 * queue (`campaign-posts`) and one participation document per campaign
 * (`campaign-part-<id>`), so a busy campaign never rewrites the others.
 */
export class CampaignState {
  private campaignsDoc: Doc<CampaignsDoc>
  private postsDoc: Doc<PostsDoc>

  constructor(private store: Store) {
    this.campaignsDoc = store.doc('campaign-campaigns', CAMPAIGNS_DOC)
    this.postsDoc = store.doc('campaign-posts', POSTS_DOC)
  }

  /** Every campaign, latest deadline first. */
  campaigns(): Campaign[] {
    return Object.values(this.campaignsDoc.data.items).sort((a, b) => b.deadline - a.deadline)
  }
  /**
   * Campaigns announced in a group and still open. Checked on every group message, so no sorting, and no
   * array made when there is none (most messages).
   */
  openIn(groupId: string): readonly Campaign[] {
    const items = this.campaignsDoc.data.items
    let open: Campaign[] | undefined
    for (const id in items) {
      const c = items[id]
      if (c.status === 'announced' && c.announced[groupId]) (open ??= []).push(c)
    }
    return open ?? NONE_OPEN
  }
  /** One campaign by id. */
  campaign(id: string): Campaign | undefined {
    const items = this.campaignsDoc.data.items
    return Object.hasOwn(items, id) ? items[id] : undefined // ids come from chat: `__proto__` is just unknown
  }
  /** Store a new chat campaign under the next numeric id. */
  addCampaign(c: Omit<Campaign, 'id'>): Campaign {
    const id = String(this.campaignsDoc.data.seq++)
    return (this.campaignsDoc.data.items[id] = { id, ...c })
  }

  /** Store a campaign under its own id (one taken over from another fleet account). */
  putCampaign(c: Campaign): void {
    this.campaignsDoc.data.items[c.id] = c
  }

  /** Add config campaigns not stored yet and refresh those still waiting for their slot. */
  syncConfigCampaigns(list: Campaign[]): void {
    for (const c of list) {
      const old = this.campaignsDoc.data.items[c.id]
      if (!old || old.status === 'scheduled') this.campaignsDoc.data.items[c.id] = c
    }
    this.campaignsDoc.changed()
  }

  /** Who reported for a campaign. */
  participation(id: string): Doc<ParticipationDoc> {
    return this.store.doc(`campaign-part-${id}`, PARTICIPATION_DOC)
  }

  /** Every queued post, by day. */
  posts(): QueuedPost[] {
    return Object.values(this.postsDoc.data.items).sort((a, b) => (a.day + a.time).localeCompare(b.day + b.time))
  }
  /** One post by id. */
  post(id: string): QueuedPost | undefined {
    const items = this.postsDoc.data.items
    const key = id.replace(/^#/, '')
    return Object.hasOwn(items, key) ? items[key] : undefined
  }
  /** Store a new post under the next numeric id. */
  addPost(p: Omit<QueuedPost, 'id'>): QueuedPost {
    const id = String(this.postsDoc.data.seq++)
    return (this.postsDoc.data.items[id] = { id, ...p })
  }

  /** Decisions made here on other accounts' posts (fleet mode), by fleet id; the caller marks the document changed. */
  postDecisions(): Record<string, PostDecision> {
    const doc = this.postsDoc.data
    doc.decisions ??= {}
    return doc.decisions
  }

  /** Other accounts' posts published here (fleet mode), by fleet id; the caller saves the document. */
  relayedPosts(): Record<string, number> {
    const doc = this.postsDoc.data
    doc.relayed ??= {}
    return doc.relayed
  }

  /** Remember that the plugin published in these groups at `at` (for the broadcast reminder). */
  notePublished(groupIds: string[], at: number): void {
    for (const id of groupIds) this.campaignsDoc.data.lastPublish[id] = at
  }

  /** When the plugin last published in a group. */
  lastPublish(groupId: string): number | undefined {
    return this.campaignsDoc.data.lastPublish[groupId]
  }

  /** Write campaigns and posts now: publication state must be durable before its sends leave. */
  async save(): Promise<void> {
    this.campaignsDoc.changed()
    this.postsDoc.changed()
    await Promise.all([this.campaignsDoc.persist(), this.postsDoc.persist()])
  }

  /** Mark everything dirty for the next periodic flush (changes that are not publications). */
  touch(): void {
    this.campaignsDoc.changed()
    this.postsDoc.changed()
  }
}

/** Campaigns declared in config, checked once at creation (throws with the offending id). */
export function configCampaigns(cfg: CampaignConfig, tz: string, fileExists: (path: string) => boolean): Campaign[] {
  const seen = new Set<string>()
  return cfg.campaigns.map(c => {
    if (seen.has(c.id)) throw new Error(`campaign.campaigns: duplicate id "${c.id}"`)
    seen.add(c.id)
    const [day, time] = c.deadline.split(' ')
    const deadline = zonedInstant(day, time, tz)
    if (deadline <= zonedInstant(c.start, cfg.window.postAt, tz))
      throw new Error(
        `campaign.campaigns "${c.id}": deadline ${c.deadline} is not after its first posting time (${c.start} ${cfg.window.postAt})`,
      )
    if (c.image && !fileExists(c.image))
      throw new Error(`campaign.campaigns "${c.id}": image file not found: ${c.image}`)
    return {
      id: c.id,
      title: c.title,
      content: { text: c.text, link: c.link, image: c.image },
      targets: c.targets ?? cfg.defaultTargets,
      startDay: c.start,
      deadline,
      source: 'config',
      status: 'scheduled',
      announced: {},
    }
  })
}

import type { FleetRecords } from '../../../bot/fleet/gate.js'
import { zonedInstant } from '../../../bot/time/zoned.js'
import { approvePost, rejectPost } from '../decide-post.js'
import { type ScheduleContext, windowOpenOn } from '../schedule/posting-window.js'
import { type CampaignState, POSTS_DOC, type PostDecision, type PostsDoc, type QueuedPost } from '../state.js'

/** A queued post as the fleet sees it: another account's carries `account` and its fleet id (`5@sales1`). */
export type FleetPost = QueuedPost & { account?: string }

/**
 * The post queue (`#排期`) of the whole fleet: this account's posts and the other accounts' (their
 * `campaign-posts` documents, followed), so every account lists the same queue and allows one post a day
 * fleet-wide. A post is changed only by its owner: an approval or rejection through another account is
 * recorded in that account's document (`decisions`) and applied by the owner when it next reads the fleet,
 * before any timer of its post fires; meanwhile every account shows the post as decided. One process: its own
 * queue, unchanged.
 */
export class FleetPosts {
  private foreign = new Map<string, PostsDoc>()

  constructor(
    fleet: FleetRecords,
    private state: CampaignState,
  ) {
    fleet.follow('campaign-posts', (account, data) => {
      const parsed = POSTS_DOC.schema.safeParse(data)
      if (!parsed.success) return
      const doc = parsed.data as PostsDoc
      this.foreign.set(account, doc)
      this.applyToOwn(Object.values(doc.decisions ?? {}))
    })
  }

  /** Every post of the fleet, by day and time, with the decisions not yet applied by their owners shown. */
  all(): FleetPost[] {
    if (!this.foreign.size) return this.state.posts()
    const foreign = [...this.foreign].flatMap(([account, doc]) =>
      Object.values(doc.items).map(p => this.withDecisions({ ...p, id: `${p.id}@${account}`, account }, p.id)),
    )
    return [...this.state.posts(), ...foreign].sort((a, b) => (a.day + a.time).localeCompare(b.day + b.time))
  }

  /** A post by id: this account's (`5`, `#5`) or another account's (`5@sales1`), as `all()` shows it. */
  get(id: string): FleetPost | undefined {
    const key = id.replace(/^#/, '')
    if (!key.includes('@')) return this.state.post(key)
    return this.all().find(p => p.account && p.id === key)
  }

  /**
   * Approve or reject another account's post (a copy here): checked as for an own post, then recorded for its
   * owner. Returns why not, as `approvePost`/`rejectPost` do.
   */
  decideForeign(post: FleetPost, approve: boolean, by: string, reason: string, now: number): string | undefined {
    const error = approve ? approvePost(post, by, now) : rejectPost(post, by, reason, now)
    if (error || !post.account) return error
    const id = post.id.slice(0, post.id.lastIndexOf('@'))
    const status = approve ? 'approved' : 'rejected'
    const decision: PostDecision = {
      account: post.account,
      id,
      createdAt: post.createdAt,
      editor: post.editor,
      status,
      by,
      at: now,
    }
    if (!approve) decision.reason = post.reason
    this.state.postDecisions()[post.id] = decision
    this.state.touch()
    return undefined
  }

  /**
   * Other accounts' approved posts whose time has come today (inside the posting window) and that this account
   * has not published yet: it publishes them in the target groups it acts in (the owner, in those it acts in).
   */
  dueForeign(now: number, s: ScheduleContext): FleetPost[] {
    if (!this.foreign.size) return []
    const relayed = this.state.relayedPosts()
    return this.all().filter(
      p =>
        p.account &&
        !relayed[p.id] &&
        (p.status === 'approved' || p.status === 'published') &&
        zonedInstant(p.day, p.time, s.tz) <= now &&
        windowOpenOn(p.day, now, s),
    )
  }

  /** Remember that this account published another account's post (entries older than 30 days are dropped). */
  noteRelayed(id: string, now: number): void {
    const relayed = this.state.relayedPosts()
    relayed[id] = now
    for (const [k, at] of Object.entries(relayed)) if (at < now - RELAYED_KEEP_MS) delete relayed[k]
  }

  /** This account's posts other accounts decided on: applied when newer than the post's last decision. */
  private applyToOwn(decisions: PostDecision[]): void {
    let changed = false
    for (const d of decisions) {
      const post = this.state.post(d.id)
      // The owner does not know its account name: its post is the one with this id, creation time and editor.
      if (!post || post.createdAt !== d.createdAt || post.editor !== d.editor) continue
      changed = apply(post, d) || changed
    }
    if (changed) this.state.touch()
  }

  /** A copy of another account's post with every account's newer decision on it applied. */
  private withDecisions(post: FleetPost, ownId: string): FleetPost {
    const docs = [this.state.postDecisions(), ...[...this.foreign.values()].map(d => d.decisions ?? {})]
    const decisions = docs
      .map(d => d[post.id])
      .filter((d): d is PostDecision => !!d && d.id === ownId && d.createdAt === post.createdAt)
      .sort((a, b) => a.at - b.at)
    for (const d of decisions) apply(post, d)
    return post
  }
}

/** How long a published post of another account is remembered (posts are for a day). */
const RELAYED_KEEP_MS = 30 * 86_400_000

/** Apply a decision made after the post's last one (approve a pending post, reject a pending or approved one). */
function apply(post: QueuedPost, d: PostDecision): boolean {
  if (d.at <= (post.decidedAt ?? post.createdAt)) return false
  return (
    (d.status === 'approved' ? approvePost(post, d.by, d.at) : rejectPost(post, d.by, d.reason ?? '', d.at)) ===
    undefined
  )
}

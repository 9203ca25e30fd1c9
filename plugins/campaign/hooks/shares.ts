import type { Action } from '../../../bot/core/actions.js'
import type { GroupRef, MessageEvent } from '../../../bot/core/event.js'
import { dayKey } from '../../../bot/time/zoned.js'
import { compileShareMatcher, decideShare } from '../decide-share.js'
import { RecentImages } from '../media/recent-images.js'
import type { CampaignHub } from './hub.js'

/** A compiled share-report matcher (`compileShareMatcher`). */
type ShareMatcher = ReturnType<typeof compileShareMatcher>

/**
 * The group-message hook: keeps in memory what matters for minutes only (recent images, when a
 * broadcast group was last reminded, compiled phrase matchers), decides, marks the participation
 * documents it changed and appends each share to the `campaign-shares` log.
 */
export class ShareHook {
  private images: RecentImages
  private matchers = new Map<string, ShareMatcher>()
  private bySection = new WeakMap<object, ShareMatcher>()
  /** When each group (a staff member: each member of a group) was last reminded to stay quiet. */
  private remindedGroups = new Map<string, number>()

  constructor(private h: CampaignHub) {
    this.images = new RecentImages(h.ctx.configFor().participation.screenshotWindow)
  }

  /** Group messages: share phrases and screenshots, and the broadcast-group reminder. */
  onMessage(ev: MessageEvent): Action[] {
    const { ctx, state } = this.h
    const group: GroupRef | undefined = ev.group
    if (!group) return []
    const cfg = ctx.configFor(group)
    if (ev.kind === 'image') this.images.add(group.id, ev.sender.id, ev.at)
    const active = state.openIn(group.id)
    // No campaign open here and no broadcast reminder to give: nothing to decide (most messages).
    if (!active.length && group.kind !== 'broadcast') return []
    const published = group.kind === 'broadcast' ? state.lastPublish(group.id) : undefined
    const tz = ctx.timezone
    // A staff member's reminder goes to them privately (the audience rules): it is theirs, not the group's.
    const remindKey = ev.sender.isStaff ? `${group.id}|${ev.sender.id}` : group.id
    const o = decideShare(ev as MessageEvent & { group: GroupRef }, {
      cfg,
      isReport:
        ev.kind === 'text' &&
        this.matcher(cfg.participation)(
          ev.text,
          active.map(c => c.title),
        ),
      active,
      part: id => state.participation(id).data,
      lastImageAt: this.images.last(group.id, ev.sender.id),
      name: ctx.displayName(ev.sender),
      publishedTodayAt: published !== undefined && dayKey(published, tz) === dayKey(ev.at, tz) ? published : undefined,
      lastRemindedAt: this.remindedGroups.get(remindKey),
    })
    for (const id of new Set(o.touched)) state.participation(id).changed()
    for (const share of o.shares) ctx.store.append('campaign-shares', dayKey(share.at, tz), share)
    if (o.reminded) this.remindedGroups.set(remindKey, ev.at)
    return o.actions
  }

  /** The share matcher of a config section's phrases (compiled once per distinct phrases and length). */
  private matcher(p: { phrases: string[]; maxLength: number }): ShareMatcher {
    let m = this.bySection.get(p)
    if (m) return m
    const key = `${p.maxLength}|${p.phrases.join('|')}`
    m = this.matchers.get(key)
    if (!m) this.matchers.set(key, (m = compileShareMatcher(p.phrases, p.maxLength)))
    this.bySection.set(p, m)
    return m
  }
}

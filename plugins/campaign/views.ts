import { statusAt, type CampaignState, type CampaignStatus, type PostStatus, type QueuedPost } from './state.js'
import { POST_STATUS_LABEL, statusLabel } from './texts.js'

/** One campaign as the console shows it: where it was announced and how many reported a share. */
export interface CampaignView {
  id: string
  title: string
  text: string
  status: CampaignStatus
  /** The state as chat shows it (`#活动 列表`): 待发布, 进行中, 已结束, 已截止（未发布）. */
  statusLabel: string
  startDay: string
  deadline: number
  groups: string[]
  participants: number
  observed: boolean
  note?: string
}

/** One post of the daily queue. */
export interface PostView {
  id: string
  day: string
  time: string
  text: string
  image: boolean
  link?: string
  editorName: string
  status: PostStatus
  statusLabel: string
  reason?: string
}

/** What the campaign plugin shows in the web console. */
export interface CampaignViews {
  /** The newest `limit` campaigns (latest deadline first). */
  campaigns(limit: number): CampaignView[]
  /** Posts waiting for approval, then the others from `fromDay` on, by day; at most `limit`. */
  posts(fromDay: string, limit: number): PostView[]
}

declare module '../../bot/core/views.js' {
  interface Views {
    campaign: CampaignViews
  }
}

/** The campaign views over the plugin's state; `queue`: the posts listed (the whole fleet's, in fleet mode). */
export function campaignViews(
  state: CampaignState,
  now: () => number,
  queue: () => QueuedPost[] = () => state.posts(),
): CampaignViews {
  return {
    campaigns: limit =>
      state
        .campaigns()
        .slice(0, limit)
        .map(c => ({
          id: c.id,
          title: c.title,
          text: c.content.text,
          status: statusAt(c, now()),
          statusLabel: statusLabel(statusAt(c, now()), c.deadline, now()),
          startDay: c.startDay,
          deadline: c.deadline,
          groups: Object.values(c.announced).map(a => a.name),
          participants: c.status === 'scheduled' ? 0 : Object.keys(state.participation(c.id).data.done).length,
          observed: Boolean(c.observed),
          note: c.note,
        })),
    posts: (fromDay, limit) => {
      const all = queue()
      const pending = all.filter(p => p.status === 'pending')
      const rest = all.filter(p => p.status !== 'pending' && p.day >= fromDay)
      return [...pending, ...rest].slice(0, limit).map(p => ({
        id: p.id,
        day: p.day,
        time: p.time,
        text: p.content.text,
        image: Boolean(p.content.image),
        link: p.content.link?.url,
        editorName: p.editorName,
        status: p.status,
        statusLabel: POST_STATUS_LABEL[p.status],
        reason: p.reason,
      }))
    },
  }
}

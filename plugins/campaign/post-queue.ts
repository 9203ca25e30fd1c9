import { addDays, dayKey, zonedInstant } from '../../bot/time/zoned.js'
import type { QueuedPost, PostStatus } from './model.js'
import { previousWorkday, windowOpenOn, type ScheduleContext } from './posting-window.js'
import { parseClock, parseDay, weekdayOf, WHEN_EXAMPLES } from './time-args.js'

/** Timer keys of a post: publication, and the day-before notice while unapproved. */
export const postTimer = {
  publish: (id: string) => `post:${id}`,
  notice: (id: string) => `post-notice:${id}`,
}

/** zh-CN labels of post states. */
export const POST_STATUS_LABEL: Record<PostStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '已驳回',
  published: '已发布',
  missed: '错过未发',
  unapproved: '未审核未发',
}

/** Word that lets a post go out on a weekend or statutory holiday. */
export const ANY_DAY_WORD = '节假日照发'

/** Parsed `#排期 添加` arguments. */
export interface PostRequest {
  day: string
  time?: string
  anyDay: boolean
  body: string
  /** `| 图片 [名称]`: '' asks for the image just sent to the bot, a name for a media-folder file. */
  image?: string
}

/** Read `<日期> [HH:mm] [节假日照发] <内容> [| 图片 [名称]]`. */
export function parsePostArgs(
  args: string,
  now: number,
  tz: string,
): { ok: true; req: PostRequest } | { ok: false; error: string } {
  const [main, ...extras] = args.split(/\s*[|｜]\s*/)
  const words = main.trim().split(/\s+/)
  const day = parseDay(words[0] ?? '', now, tz)
  if (!day) return { ok: false, error: `无法识别的日期「${words[0] ?? ''}」。${WHEN_EXAMPLES}` }
  let i = 1
  const time = parseClock(words[i] ?? '')
  if (time) i++
  const anyDay = words[i] === ANY_DAY_WORD
  if (anyDay) i++
  const body = words.slice(i).join(' ').trim()
  if (!body) return { ok: false, error: '缺少排期内容。' }
  const imageExtra = extras.map(e => /^图片[:：]?\s*(.*)$/.exec(e.trim())).find(Boolean)
  return { ok: true, req: { day, time, anyDay, body, image: imageExtra?.[1].trim() } }
}

/** Check a new post: not in the past, a workday unless asked, inside the window, one post per day. */
export function validateNewPost(
  day: string,
  time: string,
  anyDay: boolean,
  posts: QueuedPost[],
  now: number,
  s: ScheduleContext,
): string | undefined {
  if (day < dayKey(now, s.tz)) return `${day} 已经过去。`
  if (!anyDay && !s.calendar.isWorkday(day)) {
    const what = weekdayOf(day, s.tz) % 6 === 0 ? '周末' : '法定节假日'
    return `${day} 是${what}，不发布排期。如确需发布，请在日期后写「${ANY_DAY_WORD}」。`
  }
  if (time < s.window.start || time >= s.window.end) return `发布时间须在 ${s.window.start}–${s.window.end} 之间。`
  if (zonedInstant(day, time, s.tz) <= now) return `${day} ${time} 已经过了，请换一个时间或日期。`
  const taken = posts.find(p => p.day === day && ['pending', 'approved', 'published'].includes(p.status))
  return taken ? `${day} 已有排期 #${taken.id}（${POST_STATUS_LABEL[taken.status]}），每个群每天最多一条。` : undefined
}

/** Approve a pending post; returns why not otherwise. Mutates the post. */
export function approvePost(post: QueuedPost, by: string, now: number): string | undefined {
  if (post.status !== 'pending')
    return `排期 #${post.id} 当前状态为「${POST_STATUS_LABEL[post.status]}」，不能再审核通过。`
  if (post.editor === by) return `不能审核自己提交的排期 #${post.id}，请由另一位审核人处理。`
  Object.assign(post, { status: 'approved', decidedBy: by, decidedAt: now })
  return undefined
}

/** Reject a pending or approved (not yet published) post with a reason. Mutates the post. */
export function rejectPost(post: QueuedPost, by: string, reason: string, now: number): string | undefined {
  if (post.status !== 'pending' && post.status !== 'approved')
    return `排期 #${post.id} 当前状态为「${POST_STATUS_LABEL[post.status]}」，不能驳回。`
  if (!reason.trim()) return '请写明驳回原因。'
  Object.assign(post, { status: 'rejected', decidedBy: by, decidedAt: now, reason: reason.trim() })
  return undefined
}

/** What happens when a post's time comes (or, after a restart, when its timer fires late). */
export function postDueOutcome(
  post: QueuedPost,
  now: number,
  s: ScheduleContext,
): 'publish' | 'missed' | 'unapproved' | 'none' {
  if (post.status === 'pending') return 'unapproved'
  if (post.status !== 'approved') return 'none'
  return windowOpenOn(post.day, now, s) ? 'publish' : 'missed'
}

/** When to tell the editor that a post is still unapproved: the previous workday at `noticeAt`, if still ahead. */
export function noticeInstant(day: string, noticeAt: string, now: number, s: ScheduleContext): number | undefined {
  const at = zonedInstant(previousWorkday(day, s.calendar), noticeAt, s.tz)
  return at > now ? at : undefined
}

/** Monday..Sunday of this week (or next week) as day keys. */
export function weekRange(now: number, tz: string, next: boolean): [string, string] {
  const today = dayKey(now, tz)
  const monday = addDays(today, -((weekdayOf(today, tz) + 6) % 7) + (next ? 7 : 0))
  return [monday, addDays(monday, 6)]
}

import type { Action } from '../../bot/core/actions.js'
import type { PluginContext } from '../../bot/core/plugin.js'
import { zonedInstant } from '../../bot/time/zoned.js'
import type { CampaignConfig } from './config.js'
import { publishActions } from './content.js'
import type { MediaLibrary } from './media.js'
import type { QueuedPost } from './model.js'
import { postDueOutcome, postTimer } from './post-queue.js'
import type { ScheduleContext } from './posting-window.js'
import type { CampaignState } from './state.js'
import { groupNames, resolveTargets } from './targets.js'

/**
 * The post-queue side of the plugin: publishes approved posts when their
 * timer fires (also late, after a restart, while the window is still open),
 * reports missed ones, and warns editors the workday before about posts
 * nobody has approved.
 */
export class QueueService {
  constructor(
    private ctx: PluginContext<CampaignConfig>,
    private state: CampaignState,
    private sched: ScheduleContext,
    private media: MediaLibrary,
  ) {}

  /** Publication timer of a post. State is saved before the sends are returned, so nothing goes out twice. */
  async publish(id: string): Promise<Action[]> {
    const post = this.state.post(id)
    if (!post) return []
    const now = this.ctx.clock.now()
    const outcome = postDueOutcome(post, now, this.sched)
    if (outcome === 'none') return []
    if (outcome === 'unapproved') {
      post.status = 'unapproved'
      await this.state.save()
      return [
        this.tell(
          post.editor,
          `排期 #${post.id}（${post.day} ${post.time}）到发布时间仍未审核，未发布。`,
          'queue.unapproved',
        ),
      ]
    }
    if (outcome === 'missed') return this.missed(post, '机器人离线，发布时段已过')
    // Posts stored before images were confined may name any path: never send one from outside the media.
    if (post.content.image && !this.media.allowed(post.content.image))
      return this.missed(post, '图片不在素材库或收到的图片中')
    const { groups, missingNames } = resolveTargets(this.ctx.configFor().queue.targets, this.ctx.directory.groups())
    if (!groups.length) return this.missed(post, '没有可发布的目标群（机器人可能已被移出）')
    Object.assign(post, { status: 'published', publishedAt: now })
    this.state.notePublished(
      groups.map(g => g.id),
      now,
    )
    await this.state.save()
    const out = groups.flatMap(g =>
      publishActions(g, post.content.text, post.content, 'queue.publish', `排期 #${post.id}`),
    )
    if (missingNames.length)
      out.push({
        type: 'notifyAdmins',
        text: `⚠️ 排期 #${post.id}：找不到群 ${missingNames.join('、')}（机器人可能已被移出），这些群未发布。`,
        rule: 'queue.target-missing',
      })
    return out
  }

  /** Notice timer: the post is still unapproved the workday before; tell its editor and the approvers. */
  notice(id: string): Action[] {
    const post = this.state.post(id)
    // A notice firing late (after a restart) past the post's time is superseded by the publication timer.
    if (post?.status !== 'pending' || this.ctx.clock.now() >= zonedInstant(post.day, post.time, this.ctx.timezone))
      return []
    const p = this.ctx.commandPrefix
    const editorText = `排期 #${post.id}（${post.day} ${post.time}）还没有审核。未审核的排期不会发布，请联系审核人。`
    const approverText = `有排期待审核：#${post.id}（${post.day} ${post.time}，${post.editorName} 提交）。发送 ${p}排期 审核 查看，${p}排期 通过 ${post.id} 通过。`
    return [
      this.tell(post.editor, editorText, 'queue.pending-notice'),
      ...this.ctx
        .membersWithRole('approver')
        .filter(a => a !== post.editor)
        .map(a => this.tell(a, approverText, 'queue.pending-notice')),
    ]
  }

  /** Where the daily post goes now, for replies. */
  where(): string {
    return groupNames(resolveTargets(this.ctx.configFor().queue.targets, this.ctx.directory.groups()).groups)
  }

  /** Timers a new post needs: publication, and the notice while unapproved. */
  timersFor(post: QueuedPost, noticeAt: number | undefined, publishAt: number): Action[] {
    const out: Action[] = [
      { type: 'schedule', key: postTimer.publish(post.id), at: publishAt, rule: 'queue.publish-timer' },
    ]
    if (noticeAt !== undefined)
      out.push({ type: 'schedule', key: postTimer.notice(post.id), at: noticeAt, rule: 'queue.notice-timer' })
    return out
  }

  private async missed(post: QueuedPost, why: string): Promise<Action[]> {
    Object.assign(post, { status: 'missed', reason: why })
    await this.state.save()
    const text = `⚠️ 排期 #${post.id}（${post.day} ${post.time}）未发布：${why}。`
    const editorIsAdmin = this.ctx.membersWithRole('admin').includes(post.editor)
    return [
      { type: 'notifyAdmins', text, rule: 'queue.missed' },
      ...(editorIsAdmin ? [] : [this.tell(post.editor, text, 'queue.missed')]),
    ]
  }

  private tell(contact: string, text: string, rule: string): Action {
    return { type: 'say', to: { contact }, text, rule, memberId: contact }
  }
}

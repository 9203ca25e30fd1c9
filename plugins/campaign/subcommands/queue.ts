import type { Action } from '../../../bot/core/actions.js'
import type { CommandInvocation } from '../../../bot/core/plugin.js'
import { zonedInstant } from '../../../bot/time/zoned.js'
import type { CampaignCommandDeps } from './deps.js'
import { approvePost, noticeInstant, postTimer, postTimers, rejectPost, validateNewPost } from '../decide-post.js'
import { groupNames, resolveTargets } from '../groups/targets.js'
import { preview } from '../media/content.js'
import { imageUnavailable, MediaLibrary } from '../media/library.js'
import { parsePostArgs, weekRange } from '../parse/post-args.js'
import { dayLabel } from '../parse/time-args.js'
import type { QueuedPost } from '../state.js'
import { POST_STATUS_LABEL } from '../texts.js'

/** `#排期 添加`. */
export function addPost(d: CampaignCommandDeps, inv: CommandInvocation, args: string): Action[] {
  const { ctx, state, sched } = d
  const now = ctx.clock.now()
  const fail = (why: string) => [
    inv.reply(`❌ ${why}\n用法：${ctx.commandPrefix}排期 添加 <日期> [时间] [节假日照发] <内容>`),
  ]
  const parsed = parsePostArgs(args, now, ctx.timezone)
  if (!parsed.ok) return fail(parsed.error)
  const { day, anyDay, body, image } = parsed.req
  const time = parsed.req.time ?? sched.window.postAt
  const invalid = validateNewPost(day, time, anyDay, state.posts(), now, sched)
  if (invalid) return fail(invalid)
  const where = queueWhere(d)
  if (!where) return fail('没有可发布的目标群（配置 queue.targets）。')
  const picked =
    image !== undefined || MediaLibrary.quotesImage(inv.event) ? d.media.pick(image ?? '', inv.event) : undefined
  if (picked && !picked.ok) return fail(imageUnavailable(ctx.commandPrefix))
  const post = state.addPost({
    day,
    time,
    content: { text: body, image: picked?.path },
    anyDay,
    editor: inv.event.sender.id,
    editorName: ctx.displayName(inv.event.sender),
    createdAt: now,
    status: 'pending',
  })
  state.touch()
  const timers = postTimers(
    post,
    noticeInstant(day, ctx.configFor().queue.noticeAt, now, sched),
    zonedInstant(day, time, ctx.timezone),
  )
  return [
    inv.reply(`✅ 已加入排期 #${post.id}：${dayLabel(day, ctx.timezone)} ${time} 发到 ${where}，等待审核。`),
    ...timers,
  ]
}

function line(post: QueuedPost, tz: string): string {
  return `#${post.id} ${dayLabel(post.day, tz)} ${post.time} ${POST_STATUS_LABEL[post.status]} ${preview(post.content)}`
}

/** `#排期 列表 [下周]`. */
export function listWeek(d: CampaignCommandDeps, next: boolean): string {
  const [from, to] = weekRange(d.ctx.clock.now(), d.ctx.timezone, next)
  const posts = d.state.posts().filter(x => x.day >= from && x.day <= to)
  const title = `${next ? '下周' : '本周'}排期（${from.slice(5)}–${to.slice(5)}）`
  return posts.length ? [title, ...posts.map(x => line(x, d.ctx.timezone))].join('\n') : `${title}：暂无。`
}

/** The pending posts, and each post's image itself right after the list: approvers see exactly what will go out. */
export function pendingList(d: CampaignCommandDeps, inv: CommandInvocation): Action[] {
  const pending = d.state.posts().filter(x => x.status === 'pending')
  if (!pending.length) return [inv.reply('没有待审核的排期。')]
  const p = d.ctx.commandPrefix
  const list = inv.reply(
    [
      `待审核 ${pending.length} 条：`,
      ...pending.map(x => `${line(x, d.ctx.timezone)}（${x.editorName}）${x.content.image ? '，图片见下' : ''}`),
      `发送 ${p}排期 通过 <编号> 或 ${p}排期 驳回 <编号> <原因>。`,
    ].join('\n'),
  )
  const to = inv.event.group ? { room: inv.event.group.id } : { contact: inv.event.sender.id }
  const images: Action[] = []
  for (const post of pending) {
    if (!post.content.image) continue
    if (!d.media.allowed(post.content.image)) {
      images.push(inv.reply(`⚠️ 排期 #${post.id} 的图片不在素材库或收到的图片中，不会发布；请驳回后重新添加。`))
      continue
    }
    images.push(inv.reply(`排期 #${post.id} 的图片：`), {
      type: 'sendFile',
      to,
      path: post.content.image,
      rule: 'command.排期',
      memberId: inv.event.sender.id,
    })
  }
  return [list, ...images]
}

/** `#排期 素材`. */
export function mediaList(d: CampaignCommandDeps): string {
  const names = d.media.names(d.listDir)
  if (!names.length)
    return '素材库为空（或未配置 plugins.campaign.media.folder）。可以先把图片私聊发给我，再发命令并写「| 图片」。'
  const shown = names.slice(0, 50)
  return [`素材库图片 ${names.length} 个：`, ...shown, ...(names.length > shown.length ? ['…'] : [])].join('\n')
}

/** `#排期 通过|驳回 <编号>`. */
export function decidePost(
  d: CampaignCommandDeps,
  inv: CommandInvocation,
  approve: boolean,
  id: string,
  reason: string,
): Action[] {
  const { ctx, state } = d
  const post = id ? state.post(id) : undefined
  if (!post)
    return [
      inv.reply(
        id ? `没有排期 #${id}。` : `请给出排期编号，例如 ${ctx.commandPrefix}排期 ${approve ? '通过' : '驳回'} 3。`,
      ),
    ]
  const by = inv.event.sender.id
  const now = ctx.clock.now()
  const error = approve ? approvePost(post, by, now) : rejectPost(post, by, reason, now)
  if (error) return [inv.reply(`❌ ${error}`)]
  state.touch()
  const who = ctx.displayName(inv.event.sender)
  const when = `${dayLabel(post.day, ctx.timezone)} ${post.time}`
  const editorText = approve
    ? `你的排期 #${post.id}（${when}）已由 ${who} 审核通过。`
    : `你的排期 #${post.id}（${when}）被 ${who} 驳回：${post.reason}`
  const out: Action[] = [
    inv.reply(
      approve
        ? `✅ 已通过排期 #${post.id}：${when} 发到 ${queueWhere(d)}。`
        : `已驳回排期 #${post.id}，已通知 ${post.editorName}。`,
    ),
    {
      type: 'say',
      to: { contact: post.editor },
      text: editorText,
      rule: approve ? 'queue.approved' : 'queue.rejected',
      memberId: post.editor,
    },
  ]
  if (!approve)
    out.push(
      { type: 'cancel', key: postTimer.publish(post.id), rule: 'queue.rejected' },
      { type: 'cancel', key: postTimer.notice(post.id), rule: 'queue.rejected' },
    )
  return out
}

/** Where the daily post goes now, for replies. */
function queueWhere(d: CampaignCommandDeps): string {
  return groupNames(resolveTargets(d.ctx.configFor().queue.targets, d.ctx.directory.groups()).groups)
}

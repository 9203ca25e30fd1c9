import type { Action } from '../../../bot/core/actions.js'
import type { CommandInvocation } from '../../../bot/core/plugin.js'
import { dayKey, shortDateTime } from '../../../bot/time/zoned.js'
import type { CampaignCommandDeps } from './deps.js'
import { groupNames, parseTargetWords, resolveTargets } from '../groups/targets.js'
import { contentFromChat } from '../media/content.js'
import { imageUnavailable, MediaLibrary } from '../media/library.js'
import { parseNewCampaign } from '../parse/campaign-args.js'
import { parseDeadline } from '../parse/time-args.js'
import { countShares } from '../report/share-count.js'
import { nextPostingSlot } from '../schedule/posting-window.js'
import type { Campaign } from '../state.js'
import { countLine, progressReport, STATUS_LABEL, T } from '../texts.js'

/** `#活动 新建`. */
export function createCampaign(d: CampaignCommandDeps, inv: CommandInvocation, args: string): Action[] {
  const { ctx, state, sched } = d
  const cfg = ctx.configFor()
  const fail = (why: string) => [
    inv.reply(`❌ ${why}\n用法：${ctx.commandPrefix}活动 新建 <标题> | <内容或链接> | 截止 <时间>`),
  ]
  const parsed = parseNewCampaign(args)
  if (!parsed.ok) return fail(parsed.error)
  const { title, body, deadline, targets: targetText, image } = parsed.value
  const now = ctx.clock.now()
  const when = parseDeadline(deadline, now, ctx.timezone, cfg.defaultDeadlineTime)
  if (!when.ok) return fail(when.error)
  const groups = ctx.directory.groups()
  const chosen = targetText ? parseTargetWords(targetText, groups) : { targets: cfg.defaultTargets, unknown: [] }
  if (chosen.unknown.length)
    return fail(`不认识的群或群类型：${chosen.unknown.join('、')}（可用：内部群、客户群、公告群，或配置中的群名）。`)
  const resolved = resolveTargets(chosen.targets, groups)
  if (!resolved.groups.length) return fail('没有匹配的目标群：活动至少要发到一个群。')
  const picked =
    image !== undefined || MediaLibrary.quotesImage(inv.event) ? d.media.pick(image ?? '', inv.event) : undefined
  if (picked && !picked.ok) return fail(imageUnavailable(ctx.commandPrefix))
  const slot = nextPostingSlot(now, dayKey(now, ctx.timezone), sched)
  if (when.at <= slot)
    return fail(
      `截止时间 ${shortDateTime(when.at, ctx.timezone)} 早于下一个发布时段 ${shortDateTime(slot, ctx.timezone)}（工作日 ${sched.window.postAt}–${sched.window.end}）。`,
    )
  const c = state.addCampaign({
    title,
    content: contentFromChat(body, title, picked?.path),
    targets: chosen.targets,
    startDay: dayKey(now, ctx.timezone),
    deadline: when.at,
    source: 'chat',
    createdBy: inv.event.sender.id,
    status: 'scheduled',
    announced: {},
  })
  state.touch()
  const at = slot === now ? '即将' : `将于 ${shortDateTime(slot, ctx.timezone)} `
  const confirm = inv.reply(
    `✅ 已创建活动 #${c.id}「${title}」：${at}发到 ${groupNames(resolved.groups)}（${resolved.groups.length} 个群），截止 ${shortDateTime(when.at, ctx.timezone)}。${picked ? '将随公告发出的图片见下。' : ''}`,
  )
  if (!picked?.ok) return [confirm]
  // The creator sees the very image the groups will get.
  const to = inv.event.group ? { room: inv.event.group.id } : { contact: inv.event.sender.id }
  return [confirm, { type: 'sendFile', to, path: picked.path, rule: 'command.活动', memberId: inv.event.sender.id }]
}

/** Ten latest campaigns; announced and ended ones counted exactly as `#活动 进度` counts them. */
export async function listCampaigns(d: CampaignCommandDeps): Promise<string> {
  const items = d.state.campaigns().slice(0, 10)
  if (!items.length) return '还没有活动。'
  const lines = await Promise.all(
    items.map(async c => {
      const head = `#${c.id}「${c.title}」${STATUS_LABEL[c.status]}，截止 ${shortDateTime(c.deadline, d.ctx.timezone)}`
      if (c.status !== 'announced' && c.status !== 'ended') return head
      const count = countShares(await d.progress(c), d.state.participation(c.id).data.done)
      return `${head}，${countLine(count)}`
    }),
  )
  return lines.join('\n')
}

function pick(d: CampaignCommandDeps, id: string | undefined): Campaign | undefined {
  if (id) return d.state.campaign(id.replace(/^#/, ''))
  const active = d.state.campaigns().filter(c => c.status === 'announced')
  return active.length === 1 ? active[0] : undefined
}

/** `#活动 进度`. */
export async function progressCampaign(
  d: CampaignCommandDeps,
  inv: CommandInvocation,
  id: string | undefined,
): Promise<Action[]> {
  const c = pick(d, id)
  const tz = d.ctx.timezone
  if (!c)
    return [
      inv.reply(
        `请给出活动编号，例如 ${d.ctx.commandPrefix}活动 进度 3（${d.ctx.commandPrefix}活动 列表 可查看编号）。`,
      ),
    ]
  if (c.status === 'scheduled')
    return [
      inv.reply(
        `活动 #${c.id}「${c.title}」尚未发布：将于 ${shortDateTime(nextPostingSlot(d.ctx.clock.now(), c.startDay, d.sched), tz)} 发到 ${groupNames(resolveTargets(c.targets, d.ctx.directory.groups()).groups) || T.noGroupsYet}。`,
      ),
    ]
  if (c.status === 'missed') return [inv.reply(`活动 #${c.id}「${c.title}」未发布：${c.note ?? ''}`)]
  const heading = `【活动进度】#${c.id}「${c.title}」${STATUS_LABEL[c.status]}，截止 ${shortDateTime(c.deadline, tz)}`
  return [inv.reply(progressReport(heading, await d.progress(c), d.state.participation(c.id).data.done))]
}

/** `#活动 结束`. */
export async function endCampaign(
  d: CampaignCommandDeps,
  inv: CommandInvocation,
  id: string | undefined,
): Promise<Action[]> {
  const c = id ? d.state.campaign(id.replace(/^#/, '')) : undefined
  if (!c) return [inv.reply(`请给出活动编号，例如 ${d.ctx.commandPrefix}活动 结束 3。`)]
  if (c.status === 'scheduled') {
    Object.assign(c, { status: 'ended', endedAt: d.ctx.clock.now(), note: '发布前取消' })
    d.state.touch()
    return [inv.reply(`活动 #${c.id}「${c.title}」尚未发布，已取消。`)]
  }
  if (c.status !== 'announced') return [inv.reply(`活动 #${c.id} 当前状态为「${STATUS_LABEL[c.status]}」，无需结束。`)]
  const report = await d.finish(c.id, true)
  return [inv.reply(`活动 #${c.id}「${c.title}」已结束，完成情况已发给管理员。`), ...report]
}

import { type Action, emit } from '../../bot/core/actions.js'
import type { MessageEvent } from '../../bot/core/event.js'
import type { CommandInvocation } from '../../bot/core/plugin.js'
import { formatDuration } from '../../bot/config/duration.js'
import { chatOf } from './case-store.js'
import type { CaseRecord } from './types.js'
import type { CasesConfig } from './config.js'
import { refusal, type CasesDeps } from './deps.js'
import { confirmation } from './format.js'
import './facts.js'

const MAX_IMAGES = 9

/** Usage help for a capture tag, showing the loose template. */
export function captureUsage(d: CasesDeps, tag: string, cfg: CasesConfig): string {
  const p = d.ctx.commandPrefix
  return [
    `用法：${p}${tag} 后面写案例内容。可以按模板一行一项（没有的项不写）：`,
    ...d.ctx.configFor().fields.map(f => `${f}：`),
    `也可以直接写一段话。发出后 ${formatDuration(cfg.imageWindow)}内你在同一会话发的截图会附到这个案例。`,
    `搜索：${p}案例 搜索 关键词；查看：${p}案例 查看 编号`,
  ].join('\n')
}

/**
 * Capture `inv.args` as a case tagged `tag`. The confirmation is returned
 * only after the case is durably written; a failed write says so instead.
 */
export async function capture(d: CasesDeps, inv: CommandInvocation, tag: string): Promise<Action[]> {
  const ev = inv.event
  const cfg = d.ctx.configFor(ev.group)
  const refused = refusal(ev, cfg)
  if (refused) return [inv.whisper(refused)]
  const text = inv.args.trim()
  if (!text) return [inv.reply(captureUsage(d, tag, cfg))]
  const dup = d.cases.duplicateOf(text)
  if (dup)
    return [
      inv.reply(
        `这条案例已经记录过了：${dup.id}（${dup.author}），不再重复保存。查看：${d.ctx.commandPrefix}案例 查看 ${dup.id}`,
      ),
    ]
  const parsed = d.template.parse(text)
  let saved: CaseRecord
  try {
    saved = await d.cases.add({
      tag,
      authorId: ev.sender.id,
      author: d.ctx.displayName(ev.sender),
      groupId: ev.group?.id,
      groupTopic: ev.group?.topic,
      at: ev.at,
      text,
      fields: parsed.fields,
      title: parsed.title || tag,
      images: [],
    })
  } catch (e) {
    d.ctx.log.error('case write failed', e)
    return [inv.reply('⚠️ 案例保存失败（存储写入出错），本条没有记录，请稍后重发。')]
  }
  d.search.upsert(saved, d.terms.refresh(saved))
  return [
    inv.reply(confirmation(saved, d.maskerFor(cfg), formatDuration(cfg.imageWindow), d.ctx.commandPrefix)),
    {
      type: 'record',
      text: `case ${saved.id} captured`,
      rule: 'cases.captured',
      groupId: ev.group?.id,
      memberId: ev.sender.id,
      evidence: { messageId: ev.id },
    },
    emit(
      'case.captured',
      {
        caseId: saved.id,
        tag: saved.tag,
        authorId: saved.authorId,
        author: saved.author,
        groupId: saved.groupId,
        groupTopic: saved.groupTopic,
        customer: saved.fields.客户,
        title: saved.title,
        at: saved.at,
      },
      { rule: 'cases.captured', groupId: ev.group?.id, memberId: ev.sender.id },
    ),
  ]
}

/** Attach an image to the author's case sent in the same chat within the image window. */
export function attachImage(d: CasesDeps, ev: MessageEvent): Action[] {
  if (ev.kind !== 'image') return []
  const cfg = d.ctx.configFor(ev.group)
  const c = d.cases.latestBy(
    ev.sender.id,
    chatOf({ groupId: ev.group?.id, authorId: ev.sender.id }),
    ev.at - cfg.imageWindow,
  )
  if (!c || c.at > ev.at || c.images.length >= MAX_IMAGES) return []
  d.cases.attachImage(c, { messageId: ev.id, fileName: ev.attachment?.fileName, at: ev.at })
  return [
    {
      type: 'record',
      text: `image ${ev.id} attached to ${c.id}`,
      rule: 'cases.image-attached',
      groupId: ev.group?.id,
      memberId: ev.sender.id,
      evidence: { messageId: ev.id },
    },
  ]
}

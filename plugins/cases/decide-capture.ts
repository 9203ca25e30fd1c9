import { emit, type Action } from '../../bot/core/actions.js'
import type { CaseFact } from './facts.js'
import type { MessageEvent } from '../../bot/core/event.js'
import type { CasesConfig } from './config.js'
import type { TemplateParser } from './content/template.js'
import { refusal } from './decide-access.js'
import type { CaseImage, CaseRecord, NewCase } from './state.js'
import { captureUsage, T } from './texts.js'

const MAX_IMAGES = 9

/** What capturing reads besides the event: the group's config, the template, the stored cases. */
export interface CaptureInputs {
  cfg: CasesConfig
  /** Template field names (global config). */
  fields: string[]
  template: TemplateParser
  duplicateOf(text: string): CaseRecord | undefined
  prefix: string
  /** The author's display name. */
  author: string
}

/** A capture either answers why nothing is stored (privately when `whisper`) or gives the case to store. */
export type CaptureDecision = { reply: string; whisper?: boolean } | { draft: NewCase }

/** `#成交 …` and the other capture tags: refuse, explain the template, refuse a duplicate, or draft the case. */
export function decideCapture(ev: MessageEvent, text: string, tag: string, x: CaptureInputs): CaptureDecision {
  const refused = refusal(ev, x.cfg)
  if (refused) return { reply: refused, whisper: true }
  // Trainers and admins, who may ask for the digest, are told how (a trainer's bare #案例 is often that question).
  const digest = ev.sender.roles.some(r => r === 'trainer' || r === 'admin')
  if (!text) return { reply: captureUsage(tag, x.fields, x.cfg.imageWindow, x.prefix, digest) }
  const dup = x.duplicateOf(text)
  if (dup) return { reply: T.duplicate(dup, x.prefix) }
  const parsed = x.template.parse(text)
  return {
    draft: {
      tag,
      authorId: ev.sender.id,
      author: x.author,
      groupId: ev.group?.id,
      groupTopic: ev.group?.topic,
      at: ev.at,
      text,
      fields: parsed.fields,
      title: parsed.title || tag,
      images: [],
    },
  }
}

/** The audit record of a stored case, and the `case.captured` fact for the other plugins (service: follow-ups). */
export function capturedRecord(saved: CaseRecord, ev: MessageEvent): Action[] {
  return [
    {
      type: 'record',
      text: `已收录案例 ${saved.id}`,
      rule: 'cases.captured',
      groupId: ev.group?.id,
      memberId: ev.sender.id,
      evidence: { messageId: ev.id },
    },
    emit('case.captured', caseFact(saved), { rule: 'cases.captured', groupId: ev.group?.id, memberId: ev.sender.id }),
  ]
}

/** A stored case as the `case.captured` and `case.amended` facts tell it. */
export function caseFact(c: CaseRecord): CaseFact {
  return {
    caseId: c.id,
    tag: c.tag,
    authorId: c.authorId,
    author: c.author,
    groupId: c.groupId,
    groupTopic: c.groupTopic,
    customer: c.fields.客户,
    title: c.title,
    at: c.at,
  }
}

/**
 * An image from the author of `latest` (their latest case in the same chat within the image window,
 * looked up by the caller) is attached to it, up to nine.
 */
export function decideAttach(
  ev: MessageEvent,
  latest: CaseRecord | undefined,
): { attach?: { to: CaseRecord; image: CaseImage }; actions: Action[] } {
  if (ev.kind !== 'image' || !latest || latest.at > ev.at || latest.images.length >= MAX_IMAGES) return { actions: [] }
  return {
    attach: { to: latest, image: { messageId: ev.id, fileName: ev.attachment?.fileName, at: ev.at } },
    actions: [
      {
        type: 'record',
        text: `截图已附到案例 ${latest.id}（消息 ${ev.id}）`,
        rule: 'cases.image-attached',
        groupId: ev.group?.id,
        memberId: ev.sender.id,
        evidence: { messageId: ev.id },
      },
    ],
  }
}

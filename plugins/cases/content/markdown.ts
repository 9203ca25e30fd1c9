import { clockTime, dayKey } from '../../../bot/time/zoned.js'
import type { Masker } from './privacy.js'
import type { CaseRecord } from '../state.js'

/** One case in full as Markdown: heading, who/where/when, images, then the text line by line. */
export function caseMarkdown(c: CaseRecord, mask: Masker, tz: string): string {
  const where = c.groupTopic ?? '私聊机器人'
  const when = `${dayKey(c.at, tz)} ${clockTime(c.at, tz)}${c.editedAt ? '（已修改）' : ''}`
  const images = c.images.length
    ? [`- 附图：${c.images.length} 张（${c.images.map(i => i.fileName ?? i.messageId).join('、')}）`]
    : []
  const body = mask(c.text)
    .split(/\r?\n/)
    .map(l => escapeLine(l.trimEnd()))
  return [
    `### ${c.id}【${c.tag}】${escapeInline(mask(c.title))}`,
    `- 作者：${c.author} ｜ 来源：${where} ｜ 时间：${when}`,
    ...images,
    '',
    joinLines(body),
    '',
  ].join('\n')
}

/** Hard line breaks between non-empty lines; blank lines stay paragraph breaks. */
function joinLines(lines: string[]): string {
  return lines.map((l, i) => (l && lines[i + 1] ? `${l}  ` : l)).join('\n')
}

/** Keep a user's line from turning into a heading, list, quote or table row. */
function escapeLine(line: string): string {
  return line.replace(/^(\s*)([#>+*|-]|\d+[.)])/, '$1\\$2')
}

function escapeInline(s: string): string {
  return s.replace(/([\\`*_[\]<>])/g, '\\$1')
}

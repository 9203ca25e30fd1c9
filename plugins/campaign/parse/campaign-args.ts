/** Parsed `#活动 新建` arguments (texts still to be interpreted). */
export interface NewCampaignArgs {
  title: string
  body: string
  deadline: string
  targets?: string
  /** `| 图片 [名称]`: '' asks for the image just sent to the bot, a name for a media-folder file. */
  image?: string
}

const SEGMENTS: [keyof NewCampaignArgs, RegExp][] = [
  ['deadline', /^截止[:：]?\s*(.*)$/],
  ['targets', /^(?:群|目标)[:：]?\s*(.*)$/],
  ['image', /^图片[:：]?\s*(.*)$/],
]

/**
 * Split `<标题> | <内容或链接> | 截止 <时间> [| 群 <类型或群名>] [| 图片 [素材名]]`
 * on `|` (full-width too). Returns what is missing or unknown otherwise.
 */
export function parseNewCampaign(args: string): { ok: true; value: NewCampaignArgs } | { ok: false; error: string } {
  const [title = '', body = '', ...rest] = args.split(/\s*[|｜]\s*/).map(s => s.trim())
  if (!title || !body) return { ok: false, error: '缺少标题或内容。' }
  const value: NewCampaignArgs = { title, body, deadline: '' }
  for (const segment of rest) {
    const hit = SEGMENTS.map(([key, re]) => [key, re.exec(segment)] as const).find(([, m]) => m)
    if (!hit) return { ok: false, error: `看不懂「${segment}」：可选的部分是 截止、群、图片。` }
    value[hit[0]] = hit[1]![1].trim()
  }
  if (!value.deadline) return { ok: false, error: '缺少截止时间（| 截止 <时间>）。' }
  return { ok: true, value }
}

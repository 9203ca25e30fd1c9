/**
 * Whether a short message reports the sender's own share of a campaign. A share phrase (`已分享`, `已转发`) is
 * everyday talk too: `报价单已转发给刘总了` forwards something else to someone, `大家都已分享了吗？` asks. So the
 * phrase counts only in a clause that is a statement (no `？`, no closing `吗`/`呢`/`没`), whose words before it
 * are the sender or the campaign (`我`, `海报`, a part of a campaign's title; nothing else named as the object or
 * the one who shared) and whose words after it are a particle or where it was shared (`了`, `到朋友圈`), never
 * someone it was handed to.
 */

/** Words before the phrase that name the sender, the time, an assent or the campaign itself. */
const BEFORE =
  /我们|我这边|这边|本人|我|俺|也|都|均|已经|刚刚|刚才|刚|今天|今日|早上|上午|中午|下午|晚上|好的|好|收到|嗯|okay|ok|done|的|了|这个|这条|此条|该|上面|活动|海报|链接|文章|邀请函|公告|推文|内容|图片|朋友圈/giu

/** Words after the phrase: particles, where it was shared, a screenshot's mention, emoji. */
const AFTER =
  /到|至|在|去|进|上|朋友圈|圈|微信群|客户群|各个群|各群|群里|群|空间|视频号|抖音|微博|小红书|了|啦|哈|哦|喔|呀|啊|咯|喽|嘞|哒|滴|的|完毕|完成|好了|截图|附图|见图|如下|\[[^\]]{1,4}\]|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D|[~～]/giu

/** A clause ending as a question: `吗`, `呢`, `没(有)`, `么`, `嘛`, `不` before any closing particle. */
const QUESTION_END = /(吗|呢|么|嘛|没有|没|不)[了啊呀哈]?$/u

/** The clauses of a message, each with the punctuation that closed it. */
function clauses(body: string): { text: string; question: boolean }[] {
  const out: { text: string; question: boolean }[] = []
  for (const m of body.matchAll(/([^，,。.！!；;？?\n]*)([，,。.！!；;？?\n]*)/gu)) {
    if (!m[1]) continue
    out.push({ text: m[1], question: /[？?]/u.test(m[2]) || QUESTION_END.test(m[1]) })
  }
  return out
}

/** Whether `before` (words before a phrase) names only the sender, assent and the campaign (a part of a title). */
function ownCampaign(before: string, titles: readonly string[]): boolean {
  let rest = before
  for (const t of titles) if (t) rest = rest.split(t).join('')
  rest = rest.replace(BEFORE, '')
  return rest === '' || titles.some(t => t.includes(rest))
}

/**
 * True when `body` (mentions and spaces removed, at most the configured length) reports a share: a phrase in a
 * statement about the sender's own share of the campaign (`titles`: the campaigns open where it was said).
 */
export function reportsShare(body: string, phrases: readonly string[], titles: readonly string[]): boolean {
  for (const c of clauses(body)) {
    if (c.question) continue
    for (const p of phrases) {
      const i = c.text.indexOf(p)
      if (i < 0) continue
      if (ownCampaign(c.text.slice(0, i), titles) && c.text.slice(i + p.length).replace(AFTER, '') === '') return true
    }
  }
  return false
}

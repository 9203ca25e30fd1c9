/**
 * Quotations and words named as words, for talkedAbout (talked-about.ts): the quotation marks around a hit, who
 * says it or forbids saying it (`别跟客户说“全网最低”`), words that name it as words (`包治百病这种词`) or a post,
 * and warnings and impostors before it; a term listed under a heading of banned words (`违禁词：约炮、裸聊`).
 */

import { type TermAt, unoffered } from './talked-about-term.js'

/**
 * Words after a term, maybe past other items of a list, that name it as words or a written form:
 * `包治百病、第一品牌这种词`, `群里出现 bjl、ssc 这类缩写`, `发 yuepao 这种拼音的陌生号`, `国家级产品这几个字`.
 */
export const NAMED_AFTER =
  /^(?:[、和及与或][^，,；;。！!？?\n]{1,8}?)*\s*(?:(?:这种|这类|这些|此类|之类的?|等)(?:话|词|字眼|说法|用语|极限词|违禁词|敏感词|缩写|拼音|字母|暗语|暗号|黑话|字样|关键词)|[这那][几两三四五六七八九十]?个字)/u
/** Quotation marks, opening to closing. */
const QUOTES: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '"': '"', "'": "'" }
/** QUOTES by the UTF-16 code of the opening mark (a code looked up allocates no one-character string). */
const QUOTE_CODES = new Map(Object.entries(QUOTES).map(([open, close]) => [open.charCodeAt(0), close]))
/** The codes of the closing marks that are no opening ones: a quotation that closes before the hit does not hold it. */
const CLOSING = new Set([...'”’」』'].map(mark => mark.charCodeAt(0)))
/** At most this many characters between the quotes around a hit. */
const QUOTED_MAX = 12
/**
 * A prohibition, then a verb of saying, of words showing up or of asking someone, in a clause: `别跟客户说`,
 * `这种话别在群里说`, `话术里不要出现`, `不要在客户群里让人“加我微信”`.
 */
export const NOT_TO_SAY =
  /(?:别|不要|不能|不许|不准|不得|禁止|严禁|切勿|避免)[^，,；;。！!？?\n]{0,8}?(?:说|讲|提|写|用|喊|宣传|承诺|出现|让|叫|要求|引导)/u
/**
 * Words after a quotation, maybe past other quotations, that name it as words: `“老板是骗子”这种话`,
 * `“第一”等极限词`, `“傻逼”“滚蛋”这种话`, `“包治百病”“100%有效”等用语`, `“国家级产品”几个字`.
 */
export const NAMED_AS_WORDS =
  /^(?:[、和及与或]?[“‘「『"][^”’」』"]{1,12}[”’」』"])*(?:这种话|这类话|这句话|这种词|这类词|这个词|这些词|这种说法|等词|等字眼|等用语|等说法|等话术|字眼|违禁词|极限词|敏感词|[这那]?[几两三四五六七八九十]?个字)/u
/**
 * Words after a quotation that name it as a post someone else sent, or its account: `刚才那条“内部价格表”的消息`,
 * `收到“转我个人账户”的短信`, `发“约pao”的小广告`, `刷屏“扫码进群”的号`; a demonstrative and a post's measure word
 * (`新人发的“…”那段话`, `那句`, `这条`); or asks who sent it (`那条“…”是谁发的`).
 */
export const QUOTED_POST =
  /^(?:的?(?:消息|短信|信息|帖子|广告|小广告|私信|邮件|发言|言论|留言|评论|聊天记录|宣传|文案|号|账号|小号)|[那这](?:段|句|条|几句|几条)(?:话|消息|内容|发言)?|(?:是|又是|到底是)?谁(?:发|转|贴|推)的)/u
/** A warning before the hit in its sentence: `警方提醒：“裸聊”敲诈高发`. */
export const WARNING = /提醒|提示|警惕|谨防|注意|小心|当心|警示|反诈|防骗|规定|通知|公告|通报/u
/**
 * A person named right after a quotation by what they said: `说“…”的那位业主`, `发“…”的那个人`, `喊“…”的几个客户`.
 */
export const SPEAKER_NAMED =
  /^的(?:那位|那个|这位|这个|几位|几个|那些|这些)?(?:人|业主|客户|顾客|用户|家长|学员|会员|群友|网友|同事|员工|朋友|先生|女士|大哥|大姐)/u
/** A verb of saying anywhere in the clause: a quotation that may be reported speech. */
export const SAYING = /说|讲|提到|写|喊|称|问/u

/** Someone who asks you to do the hit's thing, in a warning: `任何人让你私下转账`. */
export const ASKER =
  /(?:任何人|有人|陌生人|对方|别人|谁)[^，,；;。！!？?\n]{0,6}?(?:让|叫|要|要求|请|找)你[^，,；;。！!？?\n]{0,4}$/u
/** An impostor before the hit: what follows is the impostor's doing, not the speaker's claim. */
export const IMPOSTOR = /冒充|假冒|假扮|冒用|伪装成/u
/** A warning or what to trust instead, anywhere in an impostor's sentence. */
export const IMPOSTOR_WARNING = /提醒|注意|警惕|谨防|小心|当心|报警|只认|核实|以官方/u
/** A disclaimer of the impostor's doing, after the hit in its sentence: `均非官方`, `与本公司无关`. */
export const IMPOSTOR_DISCLAIMED =
  /(?:均|皆|都|并)?(?:非|不是)(?:官方|本司|我司|公司)|与(?:我司|本司|本公司|公司|我们)无关/u

/**
 * The index of the closing quotation mark of a quotation in the clause that holds the hit (at most
 * QUOTED_MAX characters between the marks), or -1.
 */
export function quotedTo(text: string, clauseFrom: number, start: number, end: number, clauseTo: number): number {
  for (let open = start - 1; open >= clauseFrom && start - open <= QUOTED_MAX; open--) {
    const code = text.charCodeAt(open)
    if (CLOSING.has(code)) return -1
    const close = QUOTE_CODES.get(code)
    if (close === undefined) continue
    const at = text.indexOf(close, end)
    return at >= 0 && at < clauseTo && at - open - 1 <= QUOTED_MAX ? at : -1
  }
  return -1
}

/** A list's characters, not its end nor a separator of its items. */
const ITEM = '[“‘「『"]?[^，,；;。！!？?\\n、/／:：“”‘’「」『』"]{1,8}[”’」』"]?'
/**
 * A heading that names a list as banned or sensitive words, then the list's items before the term (maybe separated by
 * commas): `违禁词：`, `敏感词包括：约炮、`, `以下词语禁止在群里出现：网赌，`, `这些词会被撤回：“裸聊”、“`.
 */
const LISTED_AS_WORDS = new RegExp(
  `(?:(?:违禁|敏感|禁用|屏蔽|违规|极限)(?:词语?|字眼|用语|词汇|关键词)|(?:以下|下列|这些|这几个)(?:词语?|字眼|用语|词汇|说法|关键词)[^。！!？?\\n:：]{0,8}?(?:禁止|严禁|不能|不要|不得|不准|不许|别|会被|一律))[^。！!？?\\n:：]{0,8}?[:：]\\s*(?:${ITEM}\\s*[、，,/／]\\s*)*[“‘「『"]?$`,
  'u',
)
/** The items of a list after a term: `、援交、一夜情`. */
const MORE_ITEMS = new RegExp(`^[”’」』"]?(?:\\s*[、/／]\\s*${ITEM})*`, 'u')

/**
 * True for a term listed under a heading that names its list as banned words (`违禁词：约炮、裸聊，机器人会自动撤回`), with
 * no offer to the reader outside the heading and its items: other contact terms in the list offer nothing, but
 * `敏感词：约炮，想约的私聊` does.
 */
export function listedAsWords(term: TermAt): boolean {
  const { text, start, end, sentenceBefore } = term
  const heading = LISTED_AS_WORDS.exec(sentenceBefore)
  if (heading === null) return false
  const listEnd = end + (MORE_ITEMS.exec(text.slice(end))?.[0].length ?? 0)
  return unoffered(term, start - sentenceBefore.length + heading.index, listEnd)
}

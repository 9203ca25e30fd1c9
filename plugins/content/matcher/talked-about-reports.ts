/**
 * Reports of someone else's message, for talkedAbout (talked-about.ts): who said or posted it (`那人骂我“蠢货”`,
 * `有人在群里发…`), what the reader or an admin did about it (`已举报`, `已经移出了`), and a message to the speaker
 * (`有个陌生人私聊我说`).
 */

import {
  DEALT_WITH,
  FORBIDDEN_BEFORE,
  FORBIDDEN_WHERE,
  FOUND,
  FOUND_AFTER,
  NOT_TO_GROUP,
  PUNISHED_AFTER,
  SANCTION,
} from './talked-about-bans.js'
import { ENDORSED } from './report-endorsements.js'
import { pitchesAround, pitchesBeside } from './pitch-guard.js'
import { SENTENCE_END, edgeAfter } from './talked-about-clauses.js'
import { offers } from './talked-about-offers.js'
import { ownTake } from './talked-about-handled.js'
import { type TermAt, unoffered } from './talked-about-term.js'

/**
 * A post reported by whom posted it (`有人在群里发兼职刷单的广告`), with what was done about it later in the
 * sentence or the next clause (REMOVED).
 */
export const REPORTED_POST =
  /(?:有人|有个人|某人|那人|那个人|有客户|有群友)[^，,；;。！!？?\n]{0,10}?发(?:了|过)?[^，,；;。！!？?\n]{0,6}$/u
/** What an admin did about a post: `已经移出了`, `已删除`, `踢了`; not in vain (`都删了也没用`). */
export const REMOVED =
  /(?:(?:已经?|刚刚?|都)(?:被)?(?:移出|移除|踢出|踢了|删除|删了|撤回|处理|举报|拉黑|清理|封)|(?:移出|移除|踢出)(?:了|群))(?![^，,；;。！!？?\n]{0,4}?(?:没用|照样|还会|还是会))/u
/**
 * Someone else who said, posted, sent, asked or organised it, earlier in the hit's sentence: `那个号一直发`, `有个号在群里刷`,
 * `那人骂我`, `有客户接到电话说`, `陌生人私聊你说`, `客户投诉说…让他`, `客户转发了一个`, `那个骂客户`, `被人拉进`,
 * `收到一条短信说`, `有人传`, `客户投诉收到`, who came across a post (`遇到说`, `看到有人发`), accounts that post (`很多号在群里发`, `新进群的号一进来就发`), who asks who it was
 * (`谁在群里骂人`), a member (`群成员“小鱼儿”发了`), a rival or a bad review (`竞品在抖音说`, `差评里说`), who asks the
 * speaker for it (`有人找我要`, `经销商问我要`), a member @-mentioned or pointed at (`@阿龙 一直在群里说`, `这人在群里骂`), a
 * newcomer (`一进群就发`, `刚进来就发`); or the post itself pointed at (`群里那条…链接`, `刚才那个发…的`) or taken down
 * (`刚撤回的消息里有`, `删除的帖子里`; f43).
 */
const SOMEONE_SAID_WORDS =
  /(?:有人|有个[^，,；;。！!？?\n]{0,3}?[人号]|这人|这个人|此人|(?:一|刚|才)(?:进群|入群|加群|进来)就?|(?<!全体)(?:群)?成员|群员|(?:很多|好多|不少|一些|有些|几个|那些|这些|(?<![我你])的)(?:账号|小号|号)|那人|那个人|那个号|这个号|那个|某人|陌生人|对方|客户|顾客|客人|用户|买家|网友|群友|家长|业主|学员|员工|同事|店员|销售|竞品|同行|友商|对手|差评|骗子|谁|遇到|碰到|看到|见到)[^。！!？?\n]{0,14}?(?:说|发|刷|贴|推|骂|称|讲|喊|问|让|叫|私信|私聊|传|收到|接到|组织|开设|聚众)|(?:找|问|跟|向)我(?:要|讨|拿)|被(?:人|陌生人|骗子)拉|(?:短信|消息|电话|来电|私信|邮件)[^。！!？?\n]{0,4}?(?:说|称|写)|(?:那条|这条|那则|这则|那张|这张)|(?:撤回|删除|删掉|删了|清理|屏蔽)(?:了)?的(?:那条|这条)?(?:消息|信息|帖子|链接|图片|内容|广告|视频)/u
/**
 * A member @-mentioned as the one who said or posted it (`@阿龙 一直在群里说`), not the member the speaker addresses: no
 * 我 (the speaker) or 你 (the reader) before the verb, no 你, 个 or 好 right after it (`@小美 发你了`, `@王总 我推荐的`, `@老王
 * 给你说个`, `@阿强 说好的`), and not everyone (`@全体成员 发个福利`).
 */
const MENTIONED_SAID =
  /[@＠](?!全体|所有人)[^\s@＠，,；;。！!？?]{1,12}\s*(?:(?!我(?!们)|你|您)[^。！!？?\n]){0,14}?(?:说|发|刷|贴|推|骂|称|讲|喊|问|让|叫|私信|私聊|传|收到|接到|组织|开设|聚众)(?![你您个好])/u
/** Who else said or posted it: the words of SOMEONE_SAID_WORDS or a member @-mentioned (MENTIONED_SAID). */
const SOMEONE_SAID = new RegExp(`${SOMEONE_SAID_WORDS.source}|${MENTIONED_SAID.source}`, 'u')
/**
 * What the reader does about it, later in its sentence: reports it, hands it over, calls it a rumour, asks
 * to check it, ignores it, has put it out or asks an admin to (`我直接拉黑了`, `已经撤了`, `管理员处理一下`,
 * `麻烦踢一下`, `管理员管一下`), denies it is the company's (`不是我们的人`, `不是你们官方吧`, `我说不是`), calls the police or support
 * (`已经报警处理了`, `已经报给客服了`), or warns the group (`这是骗局`, `这是诈骗吧`, `别信`, `是不是骗子啊`, `大家小心`,
 * `大家一定要提醒家里老人`):
 * `已举报`, `我已经截图给管理员了`, `我已经截图了`, `请@管理员`, `已经交给主管处理了`, `这是谣言`, `麻烦核实`, `别理，直接举报`,
 * `我提醒她别加`, `是有人冒充我们`, `纯属谣言`, `请向主管举报`, `请踢掉`; or rebuts it or
 * keeps evidence (`客服已经打电话解释清楚了`, `已澄清`, `法务已经取证了`, `大家别转发`); refuses it or reports it up
 * (`我没给`, `跟领导报备一下`), hands the reader a screenshot (`截图发你了`) or asks not to spread it (`请勿传播`), disowns it (`跟我们的团没关系`), asks who will talk to them (`谁去跟他沟通一下`), says who investigates (`法务正在查`)
 * or asks to deal with it (`请处理`); has checked it (`我核实了没这回事`, `是个误会`), asks who it was (`查一下是谁`), follows it up
 * (`法务在跟`, `法务已经在处理`, `我去联系客户了解一下情况`), or has warned or fired who did it (`已经警告`, `已经被开除了`).
 * Not done in vain (`删了也没用`, `报给客服也没用`): `X了` ends its clause.
 */
const REPORTED =
  /(?:已经?举报|直接举报|举报了|截图(?:发|转)?给|截图(?:发|转)(?:你|您)|(?:请勿|切勿|不要|别)(?:再)?(?:传播|扩散)|截图(?:发|转)(?:主管|管理员?|群主|领导|经理|客服|公司)|交给[^，,；;。！!？?\n]{0,4}处理|是谣言|属于谣言|纯属(?:谣言|造谣|谣传|捏造|虚构)|不实消息|辟谣|(?:请|及时|立即|马上)(?:向[^，,；;。！!？?\n]{1,6}?)?举报|请(?:管理员?|群主)?(?:踢掉|踢出|踢了|移出|删掉|禁言)|澄清|取证|已经?截图(?:了|存证|留证|保存)|@(?:管理员?|群主)|(?:告诉|通知|报告|反馈给|报给)(?:管理员?|群主)|提醒(?:她|他|客户|对方|家人|大家|你)?(?:千万)?(?:别|不要)(?:加|信|转|点|扫|理|上当)|(?:是有人|有人|是)(?:冒充|假冒|冒用)|(?:已经?|已)[^，,；;。！!？?\n]{0,6}?(?:解释|沟通|说明)(?:清楚|过|好)|麻烦核实|(?<![想要])报备|(?:跟|向|给)(?:领导|主管|经理|店长|老板|法务)(?:说|汇报|报告|反映)|(?:我|都)?没(?:有)?给(?:他|她|对方)?(?=[，,；;。！!？?\n\s]|$)|(?:已经?|直接|当场)?拒绝了|谁(?:去|来|能)?(?:跟|和|给)(?:他|她|客户|对方|人家)(?:沟通|解释|说明|回复)|(?:法务|公司|主管|领导|经理|店长|客服|售后)(?:正在|在|已经在?|会)(?:查|调查|追查|核查|处理|跟进|跟(?=[了着呢]?(?:[，,；;。！!？?\n\s]|$)))|(?:没|没有)(?:这回事|这事|这种事)|查无此事|是(?:个)?误会|不属实|查(?:一下|一查|查|下)?(?:是谁|是哪(?:个|位)|怎么回事)(?=[吧啊呢]?(?:[，,；;。！!？?\n\s]|$))|(?:联系|问问|找)[^，,；;。！!？?\n]{0,6}?了解(?:一下)?(?:情况|原因|怎么回事)|请(?:尽快|及时)?处理|请[^，,；;。！!？?\n]{0,5}?核实|核实一下|严肃处理|别理|不要理|不用理|(?:已经?|直接|刚刚?)(?:被)?(?:拉黑|踢|撤|删|封|移出|移除|禁言|警告|开除|辞退|处分)|(?:拉黑|踢出?|撤回?|删除?|封号?|移出|移除|禁言)了(?=[吧啊哈哦呀啦嘛]?(?:[，,；;。！!？?\n\s]|$))|(?:管理员?|群主)[^，,；;。！!？?\n]{0,4}?(?:处理|踢|删|撤|移出|移除|禁言|管一下|管管)|处理一下|不是我们|不是你们|不是官方|不是咱们|不是本公司|(?:与|和|跟)(?:我们|咱们|本公司)[^，,；;。！!？?\n]{0,4}?(?:无关|没关系|没有关系)|我说不是|报警|报给了?(?:平台|官方)?(?:客服|平台|管理员?|群主|警察|派出所|公司|主管|领导|经理|老板|店长)|怎么(?:回复|回应|答复|应对)|上报|踢一下|删一下|麻烦(?:群主|管理员?)?(?:踢|删|移出)|(?<!不)是(?:骗局|诈骗|骗子|钓鱼)|是骗子吗|是不是骗子|(?:别信|不要信|别上当)(?=[了啊哦吧呀啦]?(?:[，,；;。！!？?\n\s]|$))|大家(?:一定要?|千万|都|要|务必)?(?:别信|不要信|别上当|不要上当|小心|当心|警惕|提高警惕|提醒|注意|别点|不要点|别加|不要加|别扫|不要扫|别转发?|不要转发?|别传|不要传))(?![^，,；;。！!？?\n]{0,4}?(?:没用|照样|还会|还是会))/u
/**
 * A message addressed to an admin or headed as a report, before a hit someone else said: `@管理员 有人发…`,
 * `举报：8 群有人在发…`, `管理员，3 号群有人发…`, `截图发你了，这人…` (the reader handed the evidence; its 发你 is no offer).
 */
const REPORT_LEAD =
  /[@＠](?:管理员?|群主)|截图(?:发|转)(?:你|您)了?[，,]|(?:^|\s)(?:举报|投诉|反馈)[:：]|^(?:管理员?|群主)[，,:：]/u
/**
 * Someone else, directly before a message to the speaker (私聊我, 加我): `有个陌生人私聊我说`, `你那个客户私聊我问`,
 * `他昨天加我说`, `客户今天主动加我微信了`; not who is asked to (`有问题的客户私聊我`, see DM_TOLD).
 */
export const DM_FROM =
  /(?<!的)(?:有人|有个[^，,；;。！!？?\n]{0,3}?人|陌生人|客户|对方|那人|那个人|某人|网友|群友|骗子|他|她)(?:刚才|刚刚|刚|昨天|今天|前天|一直|又|也|突然|老是|总是|主动){0,2}$/u
/**
 * What the someone else told or asked the speaker, directly after: `说`, `问`, `推销`, `要`; or that it is done
 * (`加我微信了`).
 */
export const DM_TOLD = /^(?:说|问|讲|推销|推荐|要|让|叫|发了|了)/u

/** True for a hit that ends in 我 (`私聊我`) or adds the speaker (`加我微信`): a message to the speaker. */
export function toSpeaker(text: string, start: number, end: number): boolean {
  return text[end - 1] === '我' || text.startsWith('加我', start)
}

/**
 * The reporter's own word for the member dealt with: the hit as the subject of a later clause, after no more than
 * 这 or 那 (个, 位), with what was done to that member directly after it (`有人发赌博广告，这傻逼已经被踢了`): the
 * reporter says it; the post itself is reported in the clause before.
 */
const DEALT_WITH_MEMBER =
  /^(?:已经?|刚刚?|直接)?被?(?:我|管理员?|群主|公司)?(?:踢|拉黑|移出|移除|禁言|封号|警告|开除|辞退)/u
/** 这 or 那 alone before a hit, maybe with a classifier for a person: the clause points at a member. */
const MEMBER_POINTED_AT = /^\s*[这那](?:个|位)?$/u

/** True for a hit naming the member dealt with in a clause after the report's (see DEALT_WITH_MEMBER). */
function namesMemberDealtWith(before: string, after: string, sentenceBefore: string): boolean {
  return before.length < sentenceBefore.length && MEMBER_POINTED_AT.test(before) && DEALT_WITH_MEMBER.test(after)
}

/** REPORTED searched from a place on, for reportedFrom. */
const REPORTED_LATER = new RegExp(REPORTED.source, 'gu')
let reportedText = ''
/** A place of the last text where REPORTED matches (-1 for none known). */
let reportedAt = -1
/** A place of the last text from which REPORTED matches nowhere (past its end for none known). */
let unreportedFrom = Number.POSITIVE_INFINITY

/**
 * True if REPORTED matches at `from` or later: a hit someone else said may be reported in a later clause. What a
 * search of the last text found is kept: a match at or after `from`, or none from a place at or before it, answers
 * the text's later candidates without a search.
 */
export function reportedFrom(text: string, from: number): boolean {
  if (text !== reportedText) {
    reportedText = text
    reportedAt = -1
    unreportedFrom = Number.POSITIVE_INFINITY
  }
  if (reportedAt >= from) return true
  if (from >= unreportedFrom) return false
  REPORTED_LATER.lastIndex = from
  const match = REPORTED_LATER.exec(text)
  if (match === null) unreportedFrom = from
  else reportedAt = match.index
  return match !== null
}

/**
 * True for a quoted post (see QUOTED_POST) that someone else sent (SOMEONE_SAID: `刚才那条`, `有客户投诉收到`) or that is
 * reported later (REPORTED), with no offer (`收到“兼职刷单”的短信，点开有惊喜` is a lure, not a report) and no agreement
 * of the speaker's after it (ENDORSED: `…那段话，说得对`).
 */
export function reportedPost(term: TermAt): boolean {
  return (
    (SOMEONE_SAID.test(term.sentenceBefore) || reportedFrom(term.text, term.end)) &&
    unoffered(term) &&
    !ENDORSED.test(term.text.slice(term.end))
  )
}

/**
 * Between who said it and the hit, the speaker as whose it is or who sent it: `是我的`, `我自己发的`, `我推荐的`; not whom
 * it was said to (`有人骂我说的`, `客户问我要的`).
 */
const SPEAKERS_OWN = /(?:是|就是)我(?:自己)?的|(?<![骂问找跟向给叫让聊信加])我(?:自己)?(?:发|说|推荐|转|给)的/u

/**
 * True for a hit a member reports or a rule reminder forbids, with no offer to the reader outside it:
 * forbidden where (`请勿在群内私下转账`), forbidden with a sanction after (`本群不允许拉人进赌博群，发现一次踢一次`), not to
 * be sent to a group (`内部价格表不能发到客户群`), who says it
 * put out (`说“脑残”的一律踢出`), found and dealt with or to be reported (`发现飞单一律严肃处理`, `私单一经发现直接开除`, `如有发现私单行为，请向主管举报`), or said by someone
 * else and reported (`那人骂我“蠢货”，已经交给主管处理了`, `@管理员 有人发…`), maybe in the sentence that answers a question
 * about it (`谁发的…？管理员已经撤回了吧`). What the someone else did to the reader is not the
 * reader's offer (`有人私信我说…，我拉黑了`); contact details written out in the message are (CONTACT_DETAILS). The
 * reporter's own word for the member dealt with stays said (`有人发赌博广告，这傻逼已经被踢了`, see namesMemberDealtWith),
 * and so does a report the speaker's own take follows (see ownTake: `刚进来就发裸聊广告，别理，我这有真人的`) or whose
 * post is the speaker's own (SPEAKERS_OWN: `刚撤回的消息里是我的私单报价`).
 */
export function reportedOrForbidden(term: TermAt): boolean {
  const { text, start, end, before, after, sentenceBefore, sentenceAfter } = term
  const ruled =
    FORBIDDEN_WHERE.test(before) ||
    NOT_TO_GROUP.test(after) ||
    PUNISHED_AFTER.test(sentenceAfter) ||
    (FOUND.test(before) && (DEALT_WITH.test(sentenceAfter) || REPORTED.test(sentenceAfter))) ||
    FOUND_AFTER.test(sentenceAfter) ||
    (FORBIDDEN_BEFORE.test(before) && SANCTION.test(sentenceAfter))
  if (ruled) return !offers(text, start, end) && !pitchesAround(text, start, end) && !pitchesBeside(text, start, end)
  const said = SOMEONE_SAID.exec(sentenceBefore)
  const lead = REPORT_LEAD.exec(sentenceBefore)
  if (
    said === null ||
    namesMemberDealtWith(before, after, sentenceBefore) ||
    !(REPORTED.test(sentenceAfter) || lead !== null || REPORTED.test(answer(text, end))) ||
    ownTake(text, end) ||
    SPEAKERS_OWN.test(sentenceBefore.slice(said.index))
  )
    return false
  return unoffered(term, start - sentenceBefore.length + Math.min(said.index, lead?.index ?? said.index))
}

/**
 * The sentence after the hit's sentence when that one is a question (`刚才谁发的成人视频？管理员已经撤回了吧`: who posted
 * it is asked, what was done about it follows), or ''.
 */
function answer(text: string, end: number): string {
  const mark = edgeAfter(text, end, SENTENCE_END)
  if (text[mark] !== '？' && text[mark] !== '?') return ''
  return text.slice(mark + 1, edgeAfter(text, mark + 1, SENTENCE_END))
}

/** A clause's characters, not its end: `[^，,；;。！!？?\n]`. */
const C = '[^，,；;。！!？?\\n]'
/** A post pointed at by its classifier, right before the term: `群里那条`, `刚才那个`, `上午这则`. */
const POINTED = /(?:那|这)(?:条|则|张|篇|段|个|封)$/u
/** A kind of post, right after the term: `的消息`, `广告`, `的链接`, `的帖子`. */
const POST_KIND = /^的?(?:消息|信息|短信|链接|广告|小广告|帖子|视频|图片|二维码|文章|截图|海报|语音|推送)/u
/**
 * Who sent the post, asked (`是谁发的`, `谁拉进来的号`, `谁转的`) or named, not the speaker (`是被盗的号发的`, `是骗子转的`),
 * later in its sentence.
 */
const SENDER = new RegExp(
  `谁(?:发|转|贴|拉|推|传|放|加|弄)|(?:是|被)(?!我)${C}{1,8}?(?:发|转|贴|推|传|拉)(?:的|进来的)`,
  'u',
)
/** A post pointed at and its kind, then 是 or 被, right before the term: `刚才那条约炮广告是`, `这条消息是被`. */
const POST_SENT_BY = new RegExp(
  `(?:那|这)(?:条|则|张|篇|段|个|封)${C}{0,8}?(?:消息|信息|短信|链接|广告|帖子|视频|图片|二维码|文章)(?:是|被)$`,
  'u',
)
/** Right after a term that sent a post, what it did: `发的`, `的号发的`, `转出来的`. */
const SENT_AFTER = /^(?:的?(?:号|账号|小号))?(?:发|转|贴|推|传)(?:出来)?的/u

/**
 * True for a term that is the kind of a past post pointed at, whose sender is asked or named later in its sentence
 * (`昨天群里那条六合彩的消息，是谁拉进来的号？`, `刚才那条网赌广告是被盗的号发的`), or that names who sent such a post
 * (`刚才那条约炮广告是盗号发的`), with no offer to the reader outside it and no take of the speaker's own after it (see
 * ownTake: `…，我这有更好的平台`, `…，特码很准`).
 */
export function pointedPost(term: TermAt): boolean {
  const { before, after, sentenceAfter } = term
  const kindOf = POINTED.test(before) && POST_KIND.test(after) && SENDER.test(sentenceAfter)
  if (!kindOf && !(POST_SENT_BY.test(before) && SENT_AFTER.test(after))) return false
  return !ownTake(term.text, term.end) && unoffered(term)
}

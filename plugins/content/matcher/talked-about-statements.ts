/**
 * A term inside a statement about messages, for talkedAbout (talked-about.ts): a rule, a report, a removal, a
 * warning, a training note or an FAQ that names a banned term as what others post or what may not be posted. The
 * message must read as such a statement (STATEMENT) and the term must sit in one of a few shapes: banned in its
 * clause (`②不拉人进赌球群`), an example (`如“傻逼”“脑残”等`), the name of a kind of post (`刷信誉广告`,
 * `网赌杀猪盘`, `“黑心公司”等诽谤内容`), what someone else did or said (`别人贴的内部价格表`, `他原话是“…”`), a
 * question a rule answers (`问：能不能说第一品牌？答：不能`), a condition a label follows (`凡是让您扫码进群的，一律是
 * 诈骗`) or a term labelled after it (`进货价属于商业机密`). Never with an offer to the reader, a turn (`但是`,
 * `不过`, `偏要`), a statement undone (`都删了也没用`, `不是骗局`), a handover (`截图发你`) or the term said of a person (`这个脑残`, `你们公司骗人`); hearsay the speaker
 * passes on is no one else's post (`我听朋友说公司要倒闭了`).
 */

import { withSpeaker } from './violation-frames.js'
import { keptForLastText } from './last-text.js'
import { ENDORSED } from './report-endorsements.js'
import { HANDED_TO_READER, INVITED, OFFER } from './talked-about-offers.js'
import { type TermAt, unoffered } from './talked-about-term.js'

/**
 * Cues of a statement about messages anywhere in the message: a rule (`群规`, `禁止`, `违者`, `广告法`), a report or
 * a removal (`举报`, `截图`, `撤回`, `踢`), a warning (`提醒`, `诈骗`, `与本公司无关`), news or a police notice
 * (`新闻`, `警方通报`, `酒店被查了`), a disowning (`跟我们的团没关系`), a victim's story (`被要求`, `被拉进`, `上当`), a training note or an FAQ (`话术`, `答：`,
 * `怎么办`, `合规课`), a quotation or a rebuttal (`客户原话是`, `引用`, `辟谣`).
 */
const STATEMENT =
  /群规|规定|规则|规矩|须知|公约|遵守|红线|原则|守则|制度|协议|条例|广告法|违者|违反|违规|违纪|违法|追责|追究|依法|审核|禁止|严禁|不得|不准|不许|不让|请勿|切勿|举报|投诉|上报|截图|取证|记录|处理|删|撤回|清理|踢|移出|拉黑|禁言|管管|管一下|提醒|提示|警惕|注意|小心|防骗|诈骗|骗局|骗子|套路|谣言|伪造|无关|假的|核实|澄清|通报|新闻|报道|警方|公安|派出所|被查|被抓|查处|破获|落网|(?:与|和|跟)[^，,；;。！!？?\n]{1,8}?没(?:有|啥|什么)?关系|被(?:要求|诱导|骗|拉进|拉入)|上当|答[:：]|^A[:：]|[\s。？?]A[:：]|回答|怎么办|怎么回|培训|话术|案例|引以为戒|自查|检讨|我们没有|不是我们|遇到(?:客户|顾客|用户|有人)|诽谤|侵犯|名誉|原话|引用|转发自|辟谣|课程|合规|作业|问答|(?:不要|别|不能|不可以)(?:说|回|讲|提|写|用)/u

/** STATEMENT.test(text), the last answer kept: every candidate of a message asks it. */
export const statesAboutMessages = keptForLastText(text => STATEMENT.test(text))

/**
 * True if the whole message goes against its statement: a turn, a statement undone, a wink, the speaker vouching for
 * the thing (ENDORSED of report-endorsements.ts: `有人卖成人视频，我买过`; rev47) or a handover to the reader not
 * addressed to an admin (`截图发你`, or the speaker's own copy: `比如客户名单我这有`, see HANDED_TO_READER). The last
 * answer kept: every candidate of a message asks it.
 */
export const statementUndone = keptForLastText(
  text =>
    TURN.test(text) ||
    UNDONE.test(text) ||
    WINK.test(text) ||
    ENDORSED.test(text) ||
    ((HANDED_OVER.test(text) || HANDED_TO_READER.test(text)) && !TO_ADMIN.test(text)),
)

/**
 * A turn after a rule or a warning: what follows it goes against it (`群规禁止赌博，不过今晚…`, `虽然…`, `…，可我们这个…`).
 */
const TURN = /但是?|不过|可是|然而|偏要|偏偏|还是|悄悄|虽然|[，,]\s*可(?=我|咱|他|她|这|那)/u
/**
 * What undoes a statement: a removal or report in vain (`都删了也没用`), a warning disowned (`别信那些举报的`), or a
 * scam denied (`不是骗局`, `我这是正规的`, not asked: `是真的吗`).
 */
const UNDONE =
  /没用|照样|还会|别(?:信|听|理)(?:那些|他们|管理|群主|举报)|不是(?:骗局|诈骗|骗子|骗人|假的)|不存在|正规|是真的(?!吗|么|嘛)|靠谱/u
/**
 * A wink past the statement at who wants the thing, or at where to get it: an invitation every talked-about rule
 * reads (INVITED: `看我签名`, `私↓`, `➕我`), or one a statement's reader takes as such: `想看的`, `有意做的`,
 * `评论区`, `名单放群文件了`, `老客户照旧，懂的`, `我试了确实能提现`; or the term turned on a member after it:
 * `@赵六 说的就是你`, `虽然你确实是`.
 */
const WINK = new RegExp(
  `${INVITED.source}|(?:想|要)(?:看|找|玩|买|赚|约|做)[^，,；;。！!？?\\n]{0,4}?的|有意(?:向|做)?的|评论区|扣1|群文件|自取|自己(?:下|去看|领)|照旧|懂的|你懂|确实能|可以试试|说的就是你|就是说你|你确实是`,
  'u',
)
/** A handover to the reader anywhere in the message: `截图发你`, `给你们看`, `私发`. */
const HANDED_OVER = /(?:发|给|传|私发)(?:给)?(?:你|您)|私发|网盘/u
/** A message addressed to an admin or a superior, whom evidence is handed to: `管理员你好，…要不要发给你？`. */
const TO_ADMIN = /^\s*[@＠]?(?:管理员?|群主|主管|领导|经理)/u
/** Hearsay the speaker passes on, before who said it: `我听财务的朋友说`. */
const HEARSAY = /听|据说/u
/** The term said of a person right before it, unquoted: `这个脑残`, `你是废物吗`, `简直就是垃圾东西`. */
const PREDICATED =
  /(?:(?<![让叫请要给帮带教])(?:你们?|您)|这个|那个|此人|(?<!骂)[他她]|楼上|楼下|这人|那人)(?:真|就|简直|根本)?(?:就是|是|像)?$|(?:简直|根本|真)?就是$|真是$/u

/** A clause's characters, not its end: `[^，,；;。！!？?\n]`. */
const C = '[^，,；;。！!？?\\n]'
/**
 * A prohibition before the term in its clause: directly (`不私下交易`), or with a verb of posting, saying or doing
 * (`不发小电影、`, `②不拉人进`, `严禁员工接`, `不要回“`, `不给客户承诺`, `禁说“`).
 */
const BANNED_BEFORE = new RegExp(
  `(?:禁止|严禁|不得|不准|不许|不能|不可|不要|不让|请勿|切勿|勿|别|杜绝|禁(?=说|用|提|发|写)|不)(?:(?:任何(?:形式|方式)?的?|一切|各种)${C}{0,8}|${C}{0,6}?(?:发布|发送|发|传播|传|转发|讨论|谈论|宣传|说|讲|写|提|用|使用|出现|接|做|搞|碰|收|给|让|引导|拉|骂|承诺|透露|泄露|外发|参与|推|卖|回|回答|回复)${C}{0,8})?[“‘「『"]?$`,
  'u',
)
/** An example marker before the term, maybe past other quoted examples: `如“`, `如“傻逼”“`, `（如`. */
const EXAMPLE_BEFORE = /(?:如|比如|例如|譬如|诸如|像是|包括)(?:[“‘「『"][^”’」』"]{1,12}[”’」』"][、，,]?)*[“‘「『"]?$/u
/**
 * After the term, maybe past a closing quote, other items of a list and a few words, a kind of post or of talk:
 * `链接`, `广告`, `的小号`, `类推广`, `等诽谤内容`, `杀猪盘`, `净水器的网店`, `样机的情况`, `的谣言`, `类引流`,
 * `泄露的风险`; or a kind of crime, in news or a police notice: `诈骗高发`, `诈骗案破了`, `团伙`, `案告破`.
 */
const NAMED_KIND = new RegExp(
  `^[”’」』"]?(?:[、和及与或“‘「『"]${C}{1,10}?)*(?:等|之类的?|类|这类|这种|一类|此类)?${C}{0,6}?的?(?:链接|广告|小广告|消息|短信|信息|视频|图片|内容|言论|发言|留言|评论|表述|用语|说法|行为|活动|推广|海报|网站|网店|小号|账号|僵尸号|帖子|套路|骗局|杀猪盘|敲诈|情况|字样|谣言|传言|传闻|引流|风险|诈骗|犯罪|团伙|窝点|案件|案子|(?<![方答文档提草备图议预专个])案)`,
  'u',
)
/**
 * What to recognise or guard against, right before the term: `如何识别下注截图`, `教你辨别刷单骗局`, `提防私下转账`. The 别
 * of 识别 may come masked (〇, see withoutWordNegations).
 */
const RECOGNISED = /(?:(?:识|辨|鉴)[别〇]|分辨|辨认|认清|看穿|防范|提防)$/u

/** A kind NAMED_KIND reads that is a deed, not a message: `的套路`, `的骗局`, `的行为`, `诈骗`, `案`. */
const DEED_KIND = /(?:套路|骗局|杀猪盘|敲诈|行为|活动|诈骗|犯罪|团伙|窝点|案件|案子|案)$/u
/** The speaker's or our company right before the term, unquoted: `我们公司`, `咱们`, `这家`, `公司`. */
const COMPANY_BEFORE = /(?:我们|咱们|这家|那家|本|公司)(?:公司)?(?:就是|就|是|在|又|总)?$/u

/**
 * True if the term names a kind of post or talk after it (NAMED_KIND), unless it is said, unquoted, of the
 * speaker's or our company and the kind is a deed: `公司骗人的套路我算是看透了`, `这家黑心公司的骗局` are the speaker's own
 * claim about the company, while `“黑心公司”的套路` and `公司骗人的说法` name what is said.
 */
function namesKind({ text, start, end, before, after }: TermAt): boolean {
  const kind = NAMED_KIND.exec(after)
  if (kind === null) return false
  if (!DEED_KIND.test(kind[0]) || /[“‘「『"]$/u.test(before)) return true
  return !(text.slice(start, end).includes('公司') || COMPANY_BEFORE.test(before))
}

/**
 * What someone else does to or with the term, after them in its sentence: `说`, `发`, `反映被拉进`, `用…搞`, `投诉隔壁…`,
 * `组织`.
 */
const DID = `${C}{0,12}?(?:说|发|贴|刷|推|推销|卖|拿|传|写|喊|称|问|让|叫|要|拉|骂|反映|投诉|转发|私聊|私信|原话|搞|做|用|组织|开设|聚众)${C}{0,12}`
/**
 * Someone else who posts, says or does it, earlier in the sentence (`别人贴的`, `有人拿`, `客户反映有业务员让他`,
 * `他原话是“`, `某账号发布“`, `骗子借此拉`, `有学员反映被拉进`, `任何人让你`, `客人投诉隔壁`, `有人在房间里组织`), or right
 * before the term (`有个号私聊我`); a member the message may address (`报名的家长私聊我`) only with a verb between; or a
 * passive, what someone else made the victim do (`被要求私下转账`).
 */
const SOMEONE_ELSE = new RegExp(
  `(?:(?:有人|有个${C}{0,2}?[人号]|别人|他人|某人|某个?${C}{0,2}?(?:号|人|销售|员工)|那人|那个号|这个号|客户|顾客|客人|住客|邻居|用户|对方|朋友|网友|群友|骗子|业务员|主播|广告|视频|截图|短信|来电|[他她])(?:${DID}|(?:刚才|刚刚|一直|又)?)|(?:任何人|学员|同事|业主|家长|会员|团伙)${DID}|被(?:要求|诱导|逼着?|拉进|拉入)${C}{0,4})$`,
  'u',
)
/** What labels the term right after it: `属于商业机密`, `被查`, `会怎样`, `都是骗局`. */
const LABELLED_AFTER =
  /^\s*(?:被查|被抓|被罚|被开除|被辞退|属于|是(?:诈骗|骗局|违规|违法)|都是(?:骗|诈|假)|均为|一经查实|会怎样|会怎么样|(?:一律)?(?:不得?|严禁|禁止|不准|不许|请勿|切勿)(?:外发|外传|外泄|泄露|透露|转发|截图|讨论|私自)|[^，,；;。！!？?\n]{0,8}?一律(?:不|禁止|无效|作废|处理|开除|移出|踢))/u
/** A lead of a condition before the term in its sentence: `凡是自称官方、让您`. */
const CONDITION_LEAD = /(?:凡是?|任何|只要|如有|若有)[^。！!？?\n]{0,16}$/u
/** A label or a sanction of the condition, later in the sentence: `，一律是诈骗`, `的都移出`. */
const CONDITION_LABEL =
  /(?:一律|都|均|全部?)(?:是|为|属于)?(?:诈骗|骗子|骗局|假的|假冒|虚假|违规|违法|无效)|移出|踢|拉黑|报警|举报/u
/**
 * A verdict on the term later in its sentence: a class labelled a scam, by a clause that starts with it (`，都是诈骗`,
 * `，百分之百是骗局`; not another subject's: `，入职承诺全是假的`), `没有不输的`, what to do on seeing it (`看到就拉黑`), or
 * what follows (`要追责`, `保修不管`).
 */
const VERDICT =
  /(?:^|[，,；;])\s*(?:都|全|均|百分之百|一律|肯定|统统)(?:是|为)(?:骗局|诈骗|骗子|假的?|假货|陷阱|违规|违法)|没有不输|(?:看到|发现|遇到)(?:就|请|立即|马上)?(?:拉黑|举报|踢|删)|(?:要|将|会)(?:被)?追责|(?:公司|保修|售后)(?:不管|不负责|不认)/u
/** A term deferred to a source later in its sentence: `，具体以人事邮件为准`, `一律按财务口径`. */
const DEFERRED = /(?:以|按)[^，,；;。！!？?\n]{1,12}?(?:为准|口径)/u
/** A permission or what happens, asked: `能不能说`, `可以吗`, `会怎样`, `为什么`. */
const ASKS_LEAVE = /能不能|可不可以|可以吗|能吗|行吗|会怎样|会怎么样|怎么办|为什么|要不要|允许吗|吗$/u
/** An answer after a question: `答：`, `A：`, `回答`. */
const ANSWER = /答[:：]|A[:：]|回答/u

/**
 * True if the hit text[start, end) sits in a statement about messages (see the module's doc), with no offer to
 * the reader outside what someone else did (outside the hit's clause for the other shapes) and no turn.
 */
export function inStatement(term: TermAt): boolean {
  const { text, start, end, before, after, sentenceBefore } = term
  if (!statesAboutMessages(text) || statementUndone(text)) return false
  const quoted = /[“‘「『"][^”’」』"]*$/u.test(before)
  if (!quoted && PREDICATED.test(before)) return false
  const someone = SOMEONE_ELSE.exec(sentenceBefore)
  if (someone !== null && !HEARSAY.test(sentenceBefore.slice(0, someone.index)) && !withSpeaker(text, end))
    return unoffered(term, start - sentenceBefore.length + someone.index)
  return shaped(term) && unoffered(term, start - before.length, end + after.length)
}

/**
 * True if a turn after the hit leads to an offer: `群里禁止私下交易，但是老客户可以私聊我` bans the term only to offer
 * it after all.
 */
export function turnsToOffer(text: string, end: number): boolean {
  const rest = text.slice(end)
  const turn = TURN.exec(rest)
  return turn !== null && OFFER.test(rest.slice(turn.index))
}

/**
 * True if the hit is banned, an example, what to recognise, a named kind, labelled, given a verdict or deferred, a
 * question answered or a labelled condition.
 */
function shaped(term: TermAt): boolean {
  const { text, end, before, after, sentenceBefore, sentenceAfter } = term
  if (BANNED_BEFORE.test(before) || EXAMPLE_BEFORE.test(before) || RECOGNISED.test(before) || /[（(]如?$/u.test(before))
    return true
  if (namesKind(term) || LABELLED_AFTER.test(after)) return true
  const sentenceEnd = end + sentenceAfter.length
  if (VERDICT.test(sentenceAfter) || DEFERRED.test(sentenceAfter)) return true
  if ((text[sentenceEnd] === '？' || text[sentenceEnd] === '?') && asked(text, end, sentenceEnd, sentenceBefore))
    return true
  if (!CONDITION_LEAD.test(sentenceBefore)) return false
  return CONDITION_LABEL.test(sentenceAfter.slice(after.length))
}

/** True for a question that asks leave or what happens, or that an answer follows. */
function asked(text: string, end: number, sentenceEnd: number, sentenceBefore: string): boolean {
  return ASKS_LEAVE.test(sentenceBefore + text.slice(end, sentenceEnd)) || ANSWER.test(text.slice(sentenceEnd))
}

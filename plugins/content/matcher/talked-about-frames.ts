/**
 * One broad reading of a whole message as a report or a rule (issue #22, frames), asked by talkedAbout after its narrow
 * shapes: a message that reports someone else's post (`一进群就发约炮的图，已举报`, `刚撤回的消息里有六合彩，请勿传播`) or
 * states a rule against it (`新人注意：内部资料只在内部群看，别转客户群`) names the term, it does not say it, as long as it
 * pitches nothing and aims nothing at anyone. A term one can say to someone (an insult, a slur on the company, a
 * contact request, a claim, an ad's call) is cleared only where the message shows it is named: quoted, after a verb of
 * saying, labelled as words or a post, or banned in its clause.
 */

import { ownTake } from './talked-about-handled.js'
import { pitchesAround, stillPitches } from './pitch-guard.js'
import { CONCEALED } from './talked-about-bans.js'
import { CLAUSE_END, edgeAfter, edgeBefore } from './talked-about-clauses.js'
import { answersPrice, invitedAfter, tellsValue } from './talked-about-offers.js'
import { withoutLabelledQuotes } from './labelled-quotes.js'
import { ENDORSED } from './report-endorsements.js'
import {
  ALLOWED_ASKED,
  BANNED_SHORT,
  DOER,
  FINE_AMOUNT,
  HANDLED,
  HANDLED_BEFORE,
  NOMINALISED_AFTER,
  TAUGHT,
  VERDICT_AFTER,
  withSpeaker,
} from './violation-frames.js'

/** A clause's characters, not its end. */
const C = '[^，,；;。！!？?\\n]'

/**
 * Words of a report of someone else's post: reported or handed up (`举报`, `投诉`, `已上报`, `报警`, `反馈给`, `已处理`),
 * taken down or its sender put out (`撤回`, `踢了`, `移出`, `拉黑`, `封号`, `禁言`, `删了`), its sender asked for (`谁发的`,
 * `谁干的`), a warning not to pass it on or believe it (`请勿传播`, `别信`, `别上当`), a victim's word (`被骗`), a
 * complaint someone else made (`客人反映`, `客户吐槽`; not the speaker's `跟管理反映一下`) or a finding or inquiry (`被查出`, `正在排查`; f47). Not a pitch's `防封号`.
 */
const REPORT = new RegExp(
  [
    '举报|投诉|上报|报警|报案|反诈|(?:反馈|反映)(?:给|到)|向[^，,；;。！!？?\\n]{1,6}?(?:反馈|反映)|(?:已经?|都|已被)处理|处理了',
    '撤回|(?:已经?|直接|被|都)踢|踢(?:了|出|掉|人)|移出|移除|拉黑|(?<![防不])封号|被封|禁言|(?:已经?|都|被)删|删(?:了|掉了|除了)',
    `谁(?:发|拉|干|传|转|弄|贴|放)(?:进来|出来|上来|过来|上去|出去)?的|是谁(?:发|拉|干|传|转|弄|贴|放)|报给|交给${C}{0,6}处理`,
    '(?:请勿|不要|别|勿|切勿)(?:再)?(?:传播|扩散|转发|外传)|(?:别|不要|切勿|勿)(?:信|上当|理会)|谨防|防骗|被骗|骗了',
    '(?:客人|客户|顾客|住客|房客|业主|家长|学员|群友|网友|用户|乘客|患者|买家|租客|游客|有人)们?(?:都|也|一直|多次|纷纷)?(?:反映|吐槽)|排查|调查|核查|追查|彻查|查出|查获|查处|查封|被查|被抓',
  ].join('|'),
  'u',
)

/**
 * Evidence kept: `已截图`, `截图存证`, `截图发你了`, `截图给管理员`. A leak is handed over the same way (`进货价我截图发你了`), so a
 * screenshot reports only a hit the message shows named (see named); not a pitch's `截图领红包`.
 */
const EVIDENCE =
  /已经?截图|截图(?:了|存证|留证|为证|保存|在此|在这|已留存)|截图(?:已经?|都)?(?:发|给|转|交)给?(?:你|您|管理|群主|主管|领导|经理|客服|公司|老板|店长|平台)/u

/**
 * Words of a rule or a ban: a group's rules (`群规`, `公告`; not a bare header `公告：` a pitch may open with, nor a notice
 * pointed at, `详情看群公告`), a ban (`严禁`, `禁止`, `不得`, `不准`, `不许`, `请勿`, `切勿`,
 * `杜绝`), a sanction (`违者`, `违规`, `违反`, `一经发现`, `一律踢`), a ban on a deed in the group (`不要点`, `别转`, `别发`).
 * Not `舍不得`, `怪不得`, `说不准`, `不准确`, `不得不`.
 */
const RULE = new RegExp(
  [
    '群规|(?<![看见在查点])群公告(?![:：])|(?<![看见在查点群])公告(?![:：])|规定(?!时间|期限|的时间)|严禁|禁止|(?<![舍了怪记晓由巴恨顾])不得(?![不了])|(?<![说拿看估])不准(?!确|时)|不许|请勿|切勿|杜绝',
    '违者|违规|违反|违禁|一经发现|发现(?:一次|一个)|一律(?:踢|删|移|封|禁|处理|开除|罚|清|拉黑|不|严)',
    `(?:不要|别|勿|不能)(?:在群里?|随便|随意|乱|私自)?(?:点|转|发|加|扫|传|碰|下载|注册|相信|泄露|透露|外传)|(?:不要|别|勿|不能|不准|不许|不得)(?:跟|和|对|向|给)(?:顾客|客户|客人|外人|别人|他人|对方|家长|学员|患者|病人|业主|乘客|买家|供应商)`,
  ].join('|'),
  'u',
)

/** Words of a notice, weaker than a rule: a pitch may open with one (`注意：加我领福利`), so they clear named terms only. */
const NOTICE = /注意|提醒|提示|警惕|小心|当心|通知|须知/u

/**
 * Categories whose terms name a topic a report or a rule is about (`六合彩`, `约炮的图`, `进货价`). Any other category's
 * terms one says to someone or pitches with (an insult, a slur, a contact, a claim, an ad's call, a private deal, a
 * dictionary's own category): cleared only where the message names them.
 */
const TOPICAL = new Set(['porn', 'gambling', 'confidential'])

/**
 * The speaker's own pitch that the pitch guard's lists may miss beside a report's words: goods offered as a stash
 * (`资源合集`, `网盘`, `群文件`), the reader invited to the speaker's place (`来我直播间`, `进我的群`) or to play (`来玩`,
 * `有想玩…的吗`), a platform vouched for (`正规平台`, `认准我们`), losses won back (`回本`, `带你`), a table opened
 * (`开局`), a post made again (`重发`), a welcome, the thing asked for (`我也要`, `求一份`) or the speaker's own goods
 * (`我的货`, `比我的差`), winnings boasted (`是我赢的`, `又赚了`), a price asked or
 * the thing asked for (`价格多少`, `发给我看看`), the speaker's own offer compared (`我的表更便宜`, `我知道哪里有`), a place
 * the goods or a contact are pointed at (`请看置顶`, `点头像`, `在相册`, `进我空间`; rev3), the goods called cheap ending a
 * clause (`这边也有，便宜`; rev47), a private message asked (`请私`,
 * `请私我`; not `请私聊管理员`), an address renewed (`网址换成新的了`, `新网址：`), another group or the speaker's pointed
 * at (`去新群`, `去我那个群`), the reader let in (`内部群进来`), who wants it told to speak or hurry (`要的说`, `要的抓紧`), the reader pulled in (`拉你进群`), the reader sent
 * to someone else for it (`找他拿`, `私她`, `…的话可以找她`, `就找小陈`; revreport), a private talk proposed (`我们私下说`; revreport) or the goods sold off or work taken cheap (`便宜卖`, `便宜接`, `转让`), a deal made sweeter (`更划算`, `打八折`, `少收两百`) or offered
 * to the reader on a condition (`你要的话可以`; freport).
 */
const OWN_PITCH =
  /资源|合集|网盘|群文件|种子|(?:来|到|进|去|加)我(?:的|们)?(?:那个?|这个?)?(?:直播间|店|群|主页|家|这)|(?:去|到|进|加|挪到|转到)(?:新|[二三四五2-5]|小|备用|另一个)群|(?<![拉带放让叫他她人])进来(?=$|[，,；;。！!～~\s吧啊呀])|(?<!不)(?:要|想要|需要)的(?:说|吱|扣|私|留言|找|来|滴|抓紧|赶紧|速)|拉你(?:进|入)|来玩|一起玩|有(?:想|要|需要)|(?:正规|靠谱|大|官方)(?:的)?平台|认准|带你|回本|开局|开桌|开台|开盘|重发|再发一[遍次]|欢迎(?!举报|监督|反馈|指正)|我也要|也给我|求(?:一份|分享|资源|链接|网址)|我(?:的|家的?|这的?)货|比我(?:的|家)|我赢|赢了|又赚|赚了|价格多少|多少钱|怎么卖|怎么收费|什么价|发给我|发我看|给我(?:看|发)|更便宜|(?<![不太])便宜(?=$|[，,；;。！!～~\s])|更全|我的(?:更|表|资源)|哪里有|(?:看|见|在|点|进|戳)我?的?(?:置顶|头像|主页|相册|空间|朋友圈|动态|简介|签名)|请私(?:我|聊我|信我)?(?![^，,；;。！!？?\n])|换成新的|新(?:网址|地址|链接|域名)(?:是|在|见|如下|[:：])|找(?:他|她|ta)们?(?:拿|买|要|领|聊|玩|约|订)|(?:我们|咱们?|咱俩|你我|我跟你|我和你)(?:私下|单独|线下|微信上?|电话里?)(?:说|聊|谈|细聊|详聊|沟通)|(?:的话|可以|就|请|直接)(?:去)?找(?:他|她|ta|[小老]\p{Script=Han})们?(?=$|[，,；;。！!～~\s])|(?:私|联系|加)(?:他|她)们?(?=$|[，,；;。！!～~\s])|(?:便宜|低价|贱|优惠)(?:卖|出|接|做)(?!售)|甩卖|转让|(?:你|您)们?(?:要|想要?|需要)的话|划算|打[一二三四五六七八九]折|[少减返]收?[一二两三四五六七八九十百千0-9]+/u

/**
 * The speaker's own word or deed before the hit in its clause, or the speaker telling the reader: `我说的那个`, `我推荐的`,
 * `给你说个`, `告诉你`.
 */
const OWN_BEFORE =
  /(?:我们?(?:说|推荐|介绍|发|讲|提|找)(?:过|了)?|(?:给|跟|和|对)(?:你|您)们?(?:说|讲|介绍|推荐|发)(?:过|了)?|告诉(?:你|您)们?)(?:个|一个|的)?(?:那个|这个|那|这)?[^，,；;。！!？?\n]{0,6}$/u

/** A value or a list handed over right after the hit: `如下`, `见附件`, `发群里了`, `在附件`. */
const VALUE_GIVEN = /^[^，,；;。！!？?\n]{0,4}?(?:如下|如图|见图|见附件|在附件|附后|发群里了?|发在群里)/u

/** An opening quotation mark and its closing one. */
const OPENING = '“「『《‘'
const CLOSING = '”」』》’'

/**
 * A verb of saying, posting or calling, then at most a few characters of its clause, right before the hit: `骂业主`,
 * `说`, `在群里发`, `一直喊`, `自称`, `宣传`; not the speaker's own (`我说`, `我骂`).
 */
const SAID_BEFORE =
  /(?:(?<![听据传])说(?!实话|真的|白了|句|实在)|骂|喊|叫|让|称|讲|写|发|贴|刷|推|问|回复|评论|留言|造谣|诬陷|散布|宣传|冒充|号称|吹|标榜|承诺|保证|打着)(?:了|过|着)?[^，,；;。！!？?\n的]{0,6}$/u
/**
 * The hit named as words, a kind of post or a thing listed after it: `之类的`, `这种话`, `等字眼`, `的广告`, `的图`,
 * `的消息`, `的链接`.
 */
const LABELLED_AFTER =
  /^[”」』》’"]?(?:之类|这类|这种|这样的|这些|一类|等(?:词|字|话|内容|言论|字眼|违规|违禁|信息|消息)|的(?:话|词|字眼|言论|内容|消息|信息|图|图片|照片|广告|小广告|链接|帖子|视频|截图|二维码|号|群|评论|留言|说法|字样|文章|短信|电话))/u
/** A ban or a dismissive 什么 right before the hit, in its clause: `禁止发`, `不要在群里说`, `什么`. */
const BANNED_BEFORE = new RegExp(
  `(?:禁止|严禁|不得|不准|不许|请勿|切勿|勿|不要|别|杜绝|不能|不可以?)${C}{0,8}$|什么$`,
  'u',
)

/** Opening quotation marks ending the text before a quoted hit: an aim before them aims the quotation (`你就是个“废物”`). */
const OPENING_MARKS = /[“‘「『"'《]+\s*$/u
/**
 * Someone the hit is aimed at, right before it: `你个`, `你这`, `你就是个`, `您`, `他妈的`, whoever does it (`谁发谁是`;
 * rev3), the reader called it (`叫你一声`), a bare `你` unless a verb of saying reports it (`他骂你`).
 */
const AIMED_BEFORE =
  /(?:(?:你|您)们?(?:这|那)(?:个|种|群|帮|些)?|(?:你|您)们?(?:个|就是个?|真是个?|也是个?|还是个?|才是)|(?<![骂说叫喊称讲])(?:你|您)们?(?:是个?|真|才)?|他妈的?|妈的|特么|tmd|(?:叫|喊|称)(?:你|您)们?一?声|谁(?:就|都)?(?:就是|是)个?)\s*$/iu
/**
 * An insult aimed at a member anywhere in the message: an @-mention, `楼上`, `老子`, `这货`, `送你`, `说的就是你`.
 */
const AIMED_AT_MEMBER = /[@＠][^\s@＠，,；;。！!？?]|楼上|老子|这货|那货|送你|就是你|说你呢|说的是你|就是说你/u
/**
 * What undoes a report or turns the message to the speaker's own say: a removal in vain (`都删了也没用`, `照样发`), a
 * warning disowned or a scam denied (`别信那些举报的`, `不是骗局`, `正规的`), a turn (`但是`, `可我这里`).
 */
const UNDONE =
  /没用|照样|照发|还会|还在发|别(?:信|听|理)(?:那些|他们|管理|群主|举报)|不是(?:骗局|诈骗|骗子|骗人|假的)|正规|靠谱|是真的(?!吗|么|嘛)|但是?|不过|可是|然而|偏要|偏偏|虽然|[，,]\s*可(?=我|咱|他|她|这|那)/u
/**
 * A sanction defied or dodged: `被罚也值`, `也不怕`, `无所谓`, `照旧`, `照接`, `算我的`, `我负责`, `又怎样`, `怕被投诉的话`
 * (freport). The speaker does it anyway.
 */
const DEFIED =
  /也(?:值|不怕|认|无所谓|没事|没关系)|无所谓|照旧|照接|照做|照卖|算我的|我负责|不怕|怕什么|又怎样|又如何|怕被[^，,；;。！!？?\n]{0,6}的话|违规就违规/u

/** A ban on passing it on right after the hit, with no break: the speaker hands it over (`成本价别外传`). */
const HANDED_WITH_BAN =
  /^\s*(?:表|截图)?\s*(?:千万)?(?:别|不要|请勿|勿|不能)(?:外传|外泄|外发|传出去|乱传|转发|发出去|往外发|发外面|转给|发给|发客户)/u

/** A question or a nudge to the reader right after the hit: `约炮吗`, `私单接不`, `来吧`. */
const ASKED_AFTER = /^(?:吗|么|不(?=$|[，,；;。！!？?\s])|吧|嘛|呗|来(?=$|[，,；;。！!～~\s])|走起)/u

/** True if text[start, end) stands inside a quotation that closes after it. */
function quoted(text: string, start: number, end: number): boolean {
  let open = -1
  for (let at = start - 1; at >= 0 && open < 0; at--) {
    if (CLOSING.includes(text[at])) return false
    if (OPENING.includes(text[at])) open = at
  }
  if (open < 0) {
    let marks = 0
    for (let at = 0; at < start; at++) if (text[at] === '"') marks++
    return marks % 2 === 1 && text.indexOf('"', end) >= 0
  }
  for (let at = end; at < text.length; at++) {
    if (CLOSING.includes(text[at])) return true
    if (OPENING.includes(text[at])) return false
  }
  return false
}

/**
 * The speaker or the group's own voice as who says it, a few characters before a verb of SAID_BEFORE: `我说`, `我就骂`,
 * `我还是要说`, `群公告说`.
 */
const SPEAKER_SAYS = /(?:我|公告|通知|本群|官方)[^，,；;。！!？?\n]{0,3}$/u

/** Hearsay the speaker passes on: `我听朋友说`, `据财务讲`. */
const HEARSAY = /听|据/u

/** True if a verb of saying stands before the hit in its clause (SAID_BEFORE) and the speaker is not who says it. */
function saidBefore(before: string): boolean {
  const said = SAID_BEFORE.exec(before)
  if (said === null) return false
  const who = before.slice(0, said.index)
  return !SPEAKER_SAYS.test(who) && !HEARSAY.test(who)
}

/** True if the message shows the hit is named, not said (see quoted, SAID_BEFORE, LABELLED_AFTER, BANNED_BEFORE). */
function named(text: string, start: number, end: number, before: string, category?: string): boolean {
  const after = text.slice(end)
  return (
    quoted(text, start, end) ||
    saidBefore(before) ||
    BANNED_BEFORE.test(before) ||
    (HANDLED_BEFORE.test(before) && !SAID_OF_SOMEONE.has(category ?? '')) ||
    LABELLED_AFTER.test(after) ||
    (NOMINALISED_AFTER.test(after) && NAMED_AS_DEED.has(category ?? '') && !text.slice(start, end).includes('我')) ||
    VERDICT_AFTER.test(after)
  )
}

/**
 * Categories whose terms are said of someone (an insult, a slur): after a verb of reporting they are the speaker's
 * word for whom is reported (`我要投诉这个傻逼同事`), not the reported post.
 */
const SAID_OF_SOMEONE = new Set(['insult', 'defamation'])

/**
 * Categories whose terms an incident or a count after them names as a deed or a topic (`私单事件`, `泄露内部资料事件`,
 * `赌博的危害`); an insult or a contact so placed is still said (`傻逼事件你们自己看着办`, `加我微信一次`).
 */
const NAMED_AS_DEED = new Set(['porn', 'gambling', 'confidential', 'private_deal', 'ad', 'false_ad'])

/**
 * Someone else as the doer in the hit's clause before it: `有人把`, `那个号`, `群友`, `对方`, `骗子`, `他`. The clause
 * tells what they did.
 */
const SOMEONE =
  /有人|有个|某人|那人|那个|这个号|对方|群友|群员|成员|家长|客户|顾客|客人|业主|同事|员工|网友|陌生|新号|小号|账号|骗子|他|她|谁/u

/**
 * True if the hit's own clause ties it to the report or the rule: the hit named (see named), a marker in the clause
 * outside the hit (`刚撤回的消息里有六合彩`, `新人注意：内部资料只在内部群看`; for a secret only before it, as a ban after it
 * is how a leak is handed over: `客户名单别发外面群`), or someone else doing it (SOMEONE). A hit in a clause of its own
 * beside a report (`已举报，六合彩今晚第88期`) is said.
 */
function anchored(text: string, start: number, end: number, before: string, category?: string): boolean {
  if (named(text, start, end, before, category)) return true
  if ((SOMEONE.test(before) || DOER.test(before)) && !withSpeaker(text, end)) return true
  const clause = category === 'confidential' ? before : before + text.slice(end, edgeAfter(text, end, CLAUSE_END))
  return (
    REPORT.test(clause) || RULE.test(clause) || HANDLED.test(clause) || BANNED_SHORT.test(clause) || NOTICE.test(clause)
  )
}

/**
 * A report's words that read as an offer and are none: evidence handed to the reader, done (`截图发你了`,
 * `截图已经转给您了`), who joined the group (`一进群就发`, `刚进群`), the sender summoned to the speaker (`谁干的自己来找我`,
 * `谁发的私聊我`).
 */
const REPORT_NOT_OFFER = new RegExp(
  `截图${C}{0,3}?(?:发|给|转)给?(?:你|您)了|(?:一|刚|才)(?:进群|加群|进来)|谁(?:发|拉|干|传|转|弄|贴|放)的${C}{0,3}?[，,]?(?:自己|主动)?(?:来|过来)?(?:找|私聊|私信|联系)我`,
  'gu',
)

/**
 * True if `text` holds the words of a report (REPORT), a rule (RULE) or the broader frames of a message about a
 * violation (violation-frames.ts: a case handled, a short ban, a question whether it is allowed).
 */
function strongFrame(text: string): boolean {
  return (
    REPORT.test(text) || RULE.test(text) || HANDLED.test(text) || BANNED_SHORT.test(text) || ALLOWED_ASKED.test(text)
  )
}

/**
 * Categories whose terms are deeds (a private deal, an ad, a false claim): in a report's or a rule's message, someone
 * else doing one (OTHER_DOER, DOER before it in its clause: `小陈私下交易被客户投诉`) names it as an insult or a contact
 * request is not.
 */
const DEEDS = new Set(['private_deal', 'ad', 'false_ad'])

/**
 * Someone else who does a deed on their own, not a counterpart of the speaker's deal (a customer, `对方`: `老客户私下交易
 * 给你打八折` is the speaker's offer): `有人`, `某人`, `那人`, `同事`, `他`, `她`.
 */
const OTHER_DOER = /有人|某人|那人|同事|群友|(?<![其])他(?!们)|(?<![其])她(?!们)/u

/**
 * True if someone else does the deed hit text[start, end) of `category` (DEEDS; not one holding 我) in its clause
 * before it, and not with the speaker (withSpeaker).
 */
function doneByOther(text: string, start: number, end: number, before: string, category: string | undefined): boolean {
  if (!DEEDS.has(category ?? '') || text.slice(start, end).includes('我')) return false
  return (OTHER_DOER.test(before) || DOER.test(before)) && !withSpeaker(text, end)
}

/**
 * True if the hit text[start, end) of `category` is named by a message that reports someone else's post or states a
 * rule (REPORT, RULE anywhere outside the hit; a NOTICE only for a hit the message shows named), with no pitch in the
 * message outside the hit, its report's words and the quotations it labels (stillPitches, pitchesAround,
 * withoutLabelledQuotes; f47), no secret value told (tellsValue,
 * answersPrice), no praise or purchase of the speaker's (ENDORSED; f47), and nothing aimed at anyone (AIMED_BEFORE, also before a quotation's opening mark; ASKED_AFTER outside quotes). A hit of a category not
 * TOPICAL must be named (quoted, after a verb of saying, labelled, banned in its clause); so must a hit that holds 我
 * (`加我微信`). A TOPICAL hit must be tied to the report in its own clause (see anchored).
 */
export function framedAsReport(
  text: string,
  start: number,
  end: number,
  category: string | undefined,
  allowDomains: readonly string[],
): boolean {
  const outside = `${text.slice(0, start)}${' '.repeat(end - start)}${text.slice(end)}`
  const strong = strongFrame(outside)
  if (!strong && !NOTICE.test(outside) && !TAUGHT.test(outside) && !EVIDENCE.test(outside)) return false
  const before = text.slice(edgeBefore(text, start, CLAUSE_END), start)
  const isQuoted = quoted(text, start, end)
  const hit = text.slice(start, end)
  const mustName = !strong || !TOPICAL.has(category ?? '') || hit.includes('我')
  const isNamed =
    named(text, start, end, before, category) || (strong && doneByOther(text, start, end, before, category))
  if (mustName ? !isNamed : !anchored(text, start, end, before, category)) return false
  if (AIMED_BEFORE.test(isQuoted ? before.replace(OPENING_MARKS, '') : before)) return false
  if (!isQuoted && ASKED_AFTER.test(text.slice(end))) return false
  if (category === 'insult' && AIMED_AT_MEMBER.test(outside)) return false
  if (UNDONE.test(outside) || DEFIED.test(outside) || CONCEALED.test(before) || HANDED_WITH_BAN.test(text.slice(end)))
    return false
  if (OWN_BEFORE.test(before) || ownTake(text, end)) return false
  if (tellsValue(text, start, end) || answersPrice(text, end) || VALUE_GIVEN.test(text.slice(end))) return false
  const quiet = withoutLabelledQuotes(outside)
    .replace(REPORT_NOT_OFFER, sent => ' '.repeat(sent.length))
    .replace(FINE_AMOUNT, fine => ' '.repeat(fine.length))
  if (OWN_PITCH.test(quiet) || ENDORSED.test(quiet) || invitedAfter(quiet, 0)) return false
  return !stillPitches(quiet, { start, end }, allowDomains) && !pitchesAround(quiet, start, end)
}

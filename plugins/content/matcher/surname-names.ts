import type { Candidate } from './allow-filter.js'
import { SWAP_KINDS } from './expand.js'
import { wordTables } from './expansion-data.js'
import { pitchesAround, stillPitches } from './pitch-guard.js'
import { pitchesOwnTrade } from './name-frames.js'

/**
 * A swap form whose swapped first character is a surname (百家乐 -> 白佳乐, 赌博 -> 杜博, 傻逼 -> 沙币) is a
 * person's name only where a name stands; elsewhere in a sentence it is the term (`你就是个沙币`,
 * `陆合彩特码`). Decided per hit at scan time from the characters around it.
 */

/** A swapped surname reads as a name only in a term of at most this many characters (a surname and one or two given ones). */
const NAME_LENGTH = 3
/**
 * What stands just before a name: a nickname's mark or a department's dash (`@`, `-`, `—`, `_`, `·`, `/`),
 * an opening bracket or a list's comma, a word that introduces a name (叫, 名叫), a familiar prefix before the
 * surname (老罗, 小罗, 阿罗), or a word for a person (同事, 实习生, 客户, 讲师…).
 */
const BEFORE_NAME =
  /(?:[@＠\-—–_·・/（(、]|叫|名叫|姓|老|小|阿|同事|新人|同学|老师|经理|主管|组长|店长|员工|师傅|专员|总监|助理|实习生|客户|学员|讲师|欢迎|感谢|恭喜)$/u
/**
 * A title or form of address after a name: 总, 经理, 老师, 医生, 姐, 哥…, and the head of a body or a rank of learning:
 * 院长, 校长, 厂长, 局长, 教授, 博士, 工程师 (`夏注院长今天坐诊`).
 */
const TITLE =
  '总|经理|老师|医生|大夫|护士|律师|教练|阿姨|姐|哥|主管|主任|同学|先生|女士|小姐|师傅|老板|组长|部长|店长|总监|助理|专员|同事|院长|校长|园长|厂长|科长|处长|局长|所长|馆长|行长|站长|社长|会长|董事长|教授|博士|工程师|设计师|会计'
/**
 * What follows a name: a title (see TITLE), a gloss in brackets or a list's comma, the possessive 的, or what a
 * sentence's subject does next (是, 负责, 介绍, 说, 已经, a word of time: 今天, 这周, 这个月…).
 */
const AFTER_NAME = new RegExp(
  `^(?:[（(、]|${TITLE}|的|是|负责|介绍|说|已经|已|到|也|和|跟|与|刚|还|今天|明天|后天|昨天|今早|今晚|明早|上午|下午|中午|晚上|早上|这周|下周|上周|周[一二三四五六日末]|这个月|本月|上个月|上月|今年|去年|刚才|刚刚|你好|您好|麻烦|收到)`,
  'u',
)
/**
 * A subject's 把 or 将 right after a name that starts its clause, taking what it handles (`袁娇把排班表发群里了`): a
 * clean name only for a term that calls no names, in a message that does not pitch.
 */
const HANDLES_AFTER = /^[把将]/u
/**
 * A trade's call too plain to pitch on its own, which a name before 把 is too weak a reading to stand beside (rev47):
 * a table or a round opened (`开台`, `开局`), odds (`盘口`), tonight's draw (`今晚八点开`), a date ending its clause
 * (`今晚约`), the old place, a one-to-one, a visit (`上门`), a room's key, all in (`三百全包`), a price a copy (`一部二十`,
 * `二十一部`).
 */
const TRADE_CALL =
  /开(?:台|局|桌|盘)|盘口|今晚[^，,；;。！!？?\n]{0,4}开(?=$|[，,；;。！!～~\s])|约(?=$|[，,；;。！!～~\s])|老地方|一对一|上门|房卡|全包|一部[0-9一二两三四五六七八九十百]|[0-9一二两三四五六七八九十百]+(?:块|元)?一部(?=$|[，,；;。！!～~\s])/u
/** A title right after a hit (see TITLE): a clean name only in a message that does not pitch (`夏注院长推荐，稳赚不赔`). */
const TITLE_AFTER = new RegExp(`^(?:${TITLE})`, 'u')
/**
 * One more given character and a title after a hit: the hit is a surname and the first given character of a
 * three-character name (`司丹玲律师`, `罗廖芳医生`). Not past a character that starts a clause of its own (`司丹找经理`).
 */
const GIVEN_AND_TITLE = new RegExp(
  `^[^\\P{Script=Han}找给问跟和与让叫请被交由归是的去来向对把要及就都也还在了](?:${TITLE})`,
  'u',
)
/** A value asked right after the hit, which no one asks of a person: `程本价是多少` (f45); not `多少岁`, `多少号`. */
const VALUE_ASKED_AFTER = /^是?多少(?!岁|号|年|届|级|天|次|个)/u
/** A household after a name that starts its clause: `罗廖家的空调` (the Luo Liao family's), `白家乐家里`. */
const HOUSEHOLD_AFTER = /^家(?:的|里)/u
/**
 * A domain's own words in the message, by the hit's category: a table opened, a stake laid, a lottery's numbers
 * (`开台`, `下注`, `特码`, `买码`, `要玩的`) or a body bared, a film or a night (`裸`, `约炮`, `片源`, `包夜`). A surname
 * reading of a gambling or porn term then clears nothing (`陆合彩今晚开台`, `白佳乐今晚开台`; rev48).
 */
const DOMAIN_WORDS: Readonly<Record<string, RegExp>> = {
  gambling:
    /开奖|开台|开盘|开局|下注|押注|投注|赌注|盘口|坐庄|庄家|特码|买码|平码|[一二三四五六]肖|波色|上桌|要玩的|带玩|赢钱|输钱|筹码|出结果|[出开]什么|几号/u,
  porn: /裸|约炮|一对一|1对1|啪啪|片源|番号|成人|福利|包夜|一夜|上门|私密|看片|黄片/u,
}

/**
 * The household's side of town after a name that starts its clause (`夏柱家那边的尾款`; fnames): a place one may also
 * invite to a game (`夏柱家那边有局，来玩`), so only in a message that pitches nothing (see pitchesOwnTrade).
 */
const HOUSEHOLD_SIDE_AFTER = /^家(?:那边|这边|那儿|这儿)/u
/** The text's start, a space or punctuation: where a name standing alone begins. */
const EDGE_BEFORE = /(?:^|[\s\p{P}])$/u
/**
 * Where the term itself stands in a sentence: the text's start, a space or punctuation, or a word that puts a
 * noun after it (个, 是, 的, 这, a pronoun, a verb of seeking or playing: `你个沙比`, `找我罗聊`), a time of day
 * an offer runs at (`深夜罗聊一对一`, `凌晨约泡`; frec3), a manner of meeting (`一对一罗聊`, `视频罗聊`; f42), or where one meets
 * (`同城罗聊`, `附近约泡`; f43). After
 * any other ideograph the form makes a word with what stands before it (`门店春货`, `进口原胶`), no term.
 */
const TERM_BEFORE =
  /(?:^|[\s\p{P}\p{S}]|[个是的这那些我你他她们找约加玩买做当像都也了吧啊呢吗]|深夜|半夜|午夜|今晚|今夜|每晚|晚上|夜里|夜间|凌晨|一对一|1对1|视频|在线|同城|附近|本地)$/u

/**
 * True for a homophone, toneless or look-alike hit of a term of up to NAME_LENGTH characters whose swapped
 * first character is a surname, standing where a name stands (after BEFORE_NAME, before AFTER_NAME or
 * GIVEN_AND_TITLE, set apart by spaces or starting its clause before HOUSEHOLD_AFTER or, in a message that pitches
 * nothing, HOUSEHOLD_SIDE_AFTER: `@市场部-杜博`, `袁娇负责华东区`, `夏柱家那边`,
 * starting its clause before a subject's 把 in a message that does not pitch nor call to a trade (HANDLES_AFTER,
 * TRADE_CALL: `袁娇把排班表发群里了`; not an insult's form: `沙币把群里搞乱了`; not `夏注把台开好了，今晚开台`),
 * `老罗聊完客户`, `白佳乐 明天到岗`, `司丹玲律师`, `罗廖家的空调`) or not where the term stands (see TERM_BEFORE:
 * `门店春货备齐了`); `你个沙比，别乱发`, `想要优惠价的佳薇，`, `陆合彩特码`, `司丹找经理`, a name before a title or a word a subject
 * does next in a message that still pitches (see stillPitches: `夏注院长推荐，稳赚不赔`, `陆合彩今晚开奖`; rev48), a
 * gambling or porn term in a message with its domain's words (DOMAIN_WORDS: `陆合彩今晚开台`) and a value asked after the
 * hit (`程本价是多少`, see VALUE_ASKED_AFTER) stay hits.
 */
export function namesBySurname(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never) || c.form === undefined) return false
  const form = [...c.form]
  const term = [...c.term]
  if (term.length > NAME_LENGTH || form.length !== term.length || form[0] === term[0]) return false
  if (!wordTables().surnames.has(form[0])) return false
  if (DOMAIN_WORDS[c.category]?.test(text)) return false
  const before = text.slice(Math.max(0, c.start - 3), c.start)
  if (BEFORE_NAME.test(before)) return true
  const after = text.slice(c.end, c.end + 4)
  if (VALUE_ASKED_AFTER.test(after)) return false
  if (TITLE_AFTER.test(after) || GIVEN_AND_TITLE.test(after)) return !stillPitches(text, c, allowDomains)
  if (AFTER_NAME.test(after)) return !stillPitches(text, c, allowDomains)
  if (HANDLES_AFTER.test(after) && EDGE_BEFORE.test(before) && c.category !== 'insult')
    return !stillPitches(text, c, allowDomains) && !pitchesAround(text, c.start, c.end) && !TRADE_CALL.test(text)
  if (!TERM_BEFORE.test(before)) return true
  if (EDGE_BEFORE.test(before) && HOUSEHOLD_SIDE_AFTER.test(after))
    return !stillPitches(text, c, allowDomains) && !pitchesAround(text, c.start, c.end) && !pitchesOwnTrade(text, c)
  return EDGE_BEFORE.test(before) && (/^\s/u.test(after) || HOUSEHOLD_AFTER.test(after))
}

/** Words before spaced pinyin that put the term there: a classifier or pointer (`你就是个 Sha Bi`), a verb of playing, adding or sending. */
const TERM_BEFORE_SPACED = /(?:个|这|那|玩|加|约|买|看|发|搞|点)$/u
/**
 * What follows spaced pinyin as it follows the term: a thing the term names (`网上 Du Bo 平台`, `Se Qing 图片`), or what
 * ends a cry (`Sha Bi 滚出去`, `Sha Bi！`, `Sha Bi 一个`).
 */
const TERM_AFTER_SPACED =
  /^(?:的?(?:平台|网站|网址|网页|app|群|图|照|片|视频|资源|链接|软件|游戏|广告|服务|直播|账号)|[!！]|一个|滚|去死)/iu

/**
 * True where pinyin written as a name and set apart by spaces (`Wei Xin`, `Du Bo`) stands as a name by the words
 * around it, spaces skipped: after a word for a person or before what a subject does (BEFORE_NAME, AFTER_NAME:
 * `新同事 Wei Xin 下周一入职`), or with nothing around it that puts the term there (`请 Liang Xin 把合同发我`). Not
 * after TERM_BEFORE_SPACED (`你就是个 Sha Bi`), before TERM_AFTER_SPACED (`网上 Du Bo 平台`, `Sha Bi 滚出去`), nor as
 * the whole message.
 */
export function spacedNameStands(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 8), start).trimEnd()
  const after = text.slice(end, end + 8).trimStart()
  if (BEFORE_NAME.test(before) || AFTER_NAME.test(after)) return true
  if (before === '' && after === '') return false
  return !TERM_BEFORE_SPACED.test(before) && !TERM_AFTER_SPACED.test(after)
}

/**
 * Readings of a hit as a person's or a place's name: a given name after a surname, an @-mention's name, a name's
 * initials in brackets, pinyin glossed as a place. They run on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { SOUND_KINDS } from './expand.js'
import { pitchesAround, pitchesBeside, stillPitches } from './pitch-guard.js'
import { everyTonelessReading, isWordAt, wordTables } from './expansion-data.js'

/** Brackets that gloss what comes before them: `（江西都昌）`, `(Duchang)`, `【都昌】`. */
const GLOSS = /[（(【[]([^）)】\]]{1,16})[）)】\]]/gu
/** Ideographs just after a hit, past spaces: `Wangdu 望都`. */
const BESIDE_AFTER = /^\s*([\u3400-\u9fff]+)/u
/** Ideographs just before a hit, past spaces: `望都 Wangdu`. */
const BESIDE_BEFORE = /([\u3400-\u9fff]+)\s*$/u
/** A run of unified ideographs. */
const IDEOGRAPHS = /[\u3400-\u9fff]+/gu

/**
 * True for a pinyin hit glossed after it, in brackets, or written right beside it (past spaces) by other
 * characters that read as it: a name written in pinyin (`Duchang 经销商（江西都昌）`: 都昌 reads duchang, as 赌场
 * does; `河北 Wangdu 望都的客户`). `duchang（赌场）`, `wangdu 网赌` and a gloss that reads otherwise stay hits, and so does
 * a name beside its letters in a message that pitches (`罗燎 LUO LIAO 同城可约`, f49).
 */
export function glossedAsName(text: string, c: Candidate): boolean {
  if (c.kind !== 'pinyin' || !c.form) return false
  const reading = c.form.toLowerCase().replace(/[^a-z]/g, '')
  const size = c.term.length
  const beside = [BESIDE_AFTER.exec(text.slice(c.end))?.[1], BESIDE_BEFORE.exec(text.slice(0, c.start))?.[1]]
  for (const name of beside) {
    if (name === undefined) continue
    const at = name === beside[0] ? 0 : name.length - size
    const own = name.slice(at, at + size)
    if (own.length === size && own !== c.term && readsAs(own, reading)) return !stillPitches(text, c)
  }
  GLOSS.lastIndex = c.end
  for (let gloss = GLOSS.exec(text); gloss !== null; gloss = GLOSS.exec(text)) {
    for (const run of gloss[1].matchAll(IDEOGRAPHS)) {
      for (let at = 0; at + size <= run[0].length; at++) {
        const name = run[0].slice(at, at + size)
        if (name !== c.term && readsAs(name, reading)) return true
      }
    }
  }
  return false
}

/** True if the characters of `name`, each in one of its readings, read `reading` (都昌 as duchang). */
export function readsAs(name: string, reading: string, from = 0, at = 0): boolean {
  if (at === name.length) return from === reading.length
  return everyTonelessReading(name[at]).some(
    syllable => reading.startsWith(syllable, from) && readsAs(name, reading, from + syllable.length, at + 1),
  )
}

/**
 * The most common Chinese surnames (the hundred most frequent, less those that are everyday words before
 * a verb or noun: 万, 于, 何, 向, 常, 文, 易), as a name's first character.
 */
const COMMON_SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵覃武钱戴严欧莫孔汤康乔赖',
)
/** Kinds that write the term's characters or their sounds, as a given name may. */
const NAME_KINDS = new Set(['exact', 'normalised', 'homophone', 'toneless'])
/** Two ideographs, as a given name is written. */
const GIVEN_NAME = /^\p{Script=Han}{2}$/u
/**
 * What may stand before a full name: the text's start, a space, punctuation (`@`, `-`), a word for a person, a
 * department, role or trade, a customer or a resident (`财务石诗彩提醒大家`, `司机李加薇已经出发了`, `业主王某某家漏水`), or
 * a verb of naming (`实习生叫夏柱`).
 */
const BEFORE_NAME =
  /(?:^|[\s\p{P}]|同事|新人|新来的|同学|老师|经理|主管|组长|店长|员工|师傅|专员|总监|助理|欢迎|感谢|恭喜|财务|行政|人事|客服|前台|仓库|售后|采购|法务|会计|出纳|护士|医生|大夫|药师|律师|教练|司机|保安|保洁|厨师|导游|设计师|工程师|技术员|实习生|班主任|助教|主任|院长|校长|队长|秘书|客户|顾客|业主|住户|租户|房东|乘客|学员|家长|患者|病人|会员|叫|名叫|叫做|名字是)$/u

/**
 * True for a two-character hit written as a given name after a common surname that starts a name (the
 * text's start, a space, punctuation, or a word for a person before it): `欢迎新同事张加薇加入` (加薇),
 * `@销售一部-刘思丹` (私单 → 思丹), or with a title after it (`下节课请孙博彩老师讲`, not in a message that still
 * pitches: see stillPitches); `加薇详聊` and `月入过万加薇` stay hits. A three-character hit reads so too when its
 * first two characters are the given name and its last starts a word with the next (`吴威信号码换了`: 吴威信 and
 * 号码, not 威信号); `王威信号多少` stays a hit. A two-character given name is one wherever it stands when what a person
 * does or has follows it (see doesAsPerson: `昨天张加薇请假了`), unless it is sought or described before it
 * (SOUGHT_BEFORE: `找王加薇详聊`, `想要资料的王加薇…`). A message that still pitches keeps the hit wherever the name stands
 * (`汤色清，同城约`; rev5051).
 */
export function namesPerson(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!NAME_KINDS.has(c.kind) || c.start < 1 || !COMMON_SURNAMES.has(text[c.start - 1])) return false
  const size = [...c.term].length
  const named =
    size === 2
      ? GIVEN_NAME.test(text.slice(c.start, c.end))
      : size === 3 &&
        c.end - c.start === 3 &&
        isWordAt(text, c.end - 1) &&
        GIVEN_NAME.test(text.slice(c.start, c.start + 2))
  if (!named) return false
  const before = text.slice(Math.max(0, c.start - 5), c.start - 1)
  if (TITLE_AFTER.test(text.slice(c.end))) return !stillPitches(text, c, allowDomains)
  if (BEFORE_NAME.test(before)) return !pitchesNear(text, c)
  return size === 2 && doesAsPerson(text, c.end) && !SOUGHT_BEFORE.test(before)
}

/**
 * What a person does or has after a full name in a sentence: PERSON_AFTER, or 把, 去, 来, 一起, 表现
 * (`麻烦陈某某把发票寄一下`), a thing of theirs (的 and a noun: `张某某的快递到了`) or their household (`王某某家漏水`).
 */
const NAME_DOES_AFTER = /^(?:把|去|来|一起|表现|的\p{Script=Han}|家)/u
/**
 * A verb of adding, seeking or contacting before a name: the name is its object, the contact (`找王某某`); or a
 * clause's 的 that says who the name is for (`想要内部价的王某某`).
 */
const SOUGHT_BEFORE = /(?:加|找|问|私|扫|添加|联系|的)$/u
/** An offer after a name: it is the contact (`王某某来领资料`, `…说加我`). */
const OFFERED_AFTER = /加我|私聊|联系我|找我|领|详聊|咨询/u

/**
 * True for what a person does or has right after a full name, and no offer after it in the text: the name is
 * the sentence's subject or owner (`昨天张某某请假了`, `下午李某某去客户那边了`, `上周刘某某的车被刮了`).
 */
function doesAsPerson(text: string, end: number): boolean {
  const after = text.slice(end, end + 8)
  return (PERSON_AFTER.test(after) || NAME_DOES_AFTER.test(after)) && !OFFERED_AFTER.test(text.slice(end))
}

/**
 * A word for a person that a full name follows, as in a record or a roster: `客户何成人`, `业主李威`, `同事张威`.
 * Any surname may follow one (何, 常, 文 too, which COMMON_SURNAMES leaves out).
 */
const PERSON_BEFORE =
  /(?:客户|顾客|业主|住户|租户|房东|乘客|学员|学生|家长|患者|病人|会员|同事|新人|新来的|同学|老师|经理|主管|组长|店长|员工|师傅|专员|助理|司机|技术员|实习生|财务|客服|销售)$/u
/** How the word after a name is: `信号不好`, `视频卡了`, `电话打不通` (a noun of the sentence and its state). */
const STATE_AFTER = /^(?:不好|不行|不稳|不太好|太差|很差|很弱|太弱|差|弱|断了|卡了|没了|有问题|打不通|不通|一般)/u
/**
 * What asks for the term after it or gives it (`是多少`, `发我`, `给我`, a colon, an account: `威信号：abc123`), or a
 * thing the term names (`成人视频资源`, `…合集`, `…网站`).
 */
const ASKED_AFTER = /^\s*(?:是?多少|发我|给我|私|加|[:：]|[\dA-Za-z]|资源|合集|网站|网址|链接|在线|免费|群)/u

/**
 * True for a hit of three or four characters whose first one or two are the given name of a person named just
 * before it, and whose rest is a word of its sentence: the name takes the term's start (`客户何成人视频面签已完成`:
 * 何成人 and 视频, not 成人视频; `张威信号不好`: 张威 and 信号, not 威信号). The name follows a word for a person
 * (PERSON_BEFORE, after which any surname may stand), or a common surname starts the clause and the word is followed
 * by its state (STATE_AFTER). `王威信号多少`, `客户李威信号发我` and `你看成人视频吗` stay hits.
 */
export function namesPersonBeforeWord(text: string, c: Candidate): boolean {
  const size = c.end - c.start
  if (!NAME_KINDS.has(c.kind) || c.start < 1 || (size !== 3 && size !== 4) || c.term.length !== size) return false
  const surname = text[c.start - 1]
  if (!wordTables().surnames.has(surname)) return false
  const rest = text.slice(c.end - 2, c.end)
  if (!/^\p{Script=Han}{2}$/u.test(rest) || !isWordAt(rest, 0)) return false
  const after = text.slice(c.end, c.end + 6)
  if (ASKED_AFTER.test(after)) return false
  const before = text.slice(Math.max(0, c.start - 4), c.start - 1)
  if (PERSON_BEFORE.test(before)) return true
  return COMMON_SURNAMES.has(surname) && /(?:^|[\s\p{P}])$/u.test(before) && STATE_AFTER.test(after)
}

/**
 * A title or form of address right after a full name: `胡某某老师`, `王某某同学`, `李某某经理`, or the head of a body
 * or a rank of learning (`吴博采院长`, `张思丹教授`).
 */
const TITLE_AFTER =
  /^(?:老师|同学|经理|主管|组长|店长|总监|助理|专员|师傅|先生|女士|医生|律师|教练|阿姨|院长|校长|园长|厂长|科长|处长|局长|所长|馆长|行长|站长|社长|会长|董事长|主任|教授|博士|工程师|设计师)/u

/**
 * What only a person does, right after a given name that starts a sentence, maybe past a time: `今天请假`, `明天出差`,
 * `刚才说`, `在吗`, `负责`.
 */
const PERSON_AFTER =
  /^(?:今天|明天|昨天|后天|刚才|刚刚|上午|下午|晚上|这周|下周|已经|也|还|又)?(?:请假|请了假|休假|调休|出差|值班|生病|病了|上班|下班|到岗|入职|离职|辞职|在吗|在不在|回来了?|来了|到了|说|问|负责|跟进|打电话|联系)/u

/**
 * True for a two-character hit by sound (a homophone) that starts a sentence and is followed by what only a person
 * does: a colleague's given name as the subject (`思丹今天请假，她的客户我先盯着`: 思丹 for 私单, `佳薇在吗`). The term
 * as written (`私单今天…`), a form that offers (`思丹说加我`) and one in a message that still pitches (`斯丹说钱打我私人账户`;
 * rev5051) stay hits: the first is no name, the others not only one.
 */
export function namesSubject(text: string, c: Candidate): boolean {
  if (!SOUND_KINDS.has(c.kind) || c.end - c.start !== 2 || !GIVEN_NAME.test(text.slice(c.start, c.end))) return false
  if (!/(?:^|[\s\p{P}])$/u.test(text.slice(Math.max(0, c.start - 1), c.start))) return false
  return (
    PERSON_AFTER.test(text.slice(c.end, c.end + 6)) &&
    !/加我|私聊|联系我|找我/u.test(text.slice(c.end)) &&
    !pitchesNear(text, c)
  )
}

/**
 * True if the hit's clause or another pitches by the guard's words (pitchesBeside, pitchesAround: `汤色清，同城约`,
 * `斯丹说钱打我私人账户`; rev5051); a request to the group (`拉她进群`) is no pitch of a name's.
 */
function pitchesNear(text: string, c: Candidate): boolean {
  return pitchesBeside(text, c.start, c.end) || pitchesAround(text, c.start, c.end)
}

/** What ends an @-mention's name: a space, punctuation, or the text's end. */
const MENTION_END = /^(?:$|[\s\p{P}])/u
/** A team before a name in a mention, after @: `@市场部-`, `@售后_`. */
const MENTION_TEAM = /@[^\s@，,；;。！!？?]{1,8}[-_‐–—]$/u

/**
 * True for a hit that is the whole name of an @-mention (after @ or a team and a hyphen, up to a space,
 * punctuation or the end): a member's name (`@思丹 明天你值班`, `@售后-思丹 看下工单`); `@群主 思丹…` and
 * `@思丹你好` stay hits (the name is not the hit alone).
 */
export function namesMention(text: string, c: Candidate): boolean {
  let at = c.start - 1
  while (at >= 0 && at >= c.start - 10 && text[at] !== '@') at--
  if (at < 0 || text[at] !== '@' || !MENTION_END.test(text.slice(c.end, c.end + 1))) return false
  return at === c.start - 1 || MENTION_TEAM.test(text.slice(at, c.start))
}

/** Ideographs just before an opening bracket: a name the letters in the brackets gloss (`杨一倩（`). */
const NAME_BEFORE_GLOSS = /(\p{Script=Han}+)\s*[（(]$/u
/** Ideographs in brackets just after the letters: a name they abbreviate (`（杨一倩）`). */
const NAME_IN_GLOSS = /^\s*[（(](\p{Script=Han}+)[）)]/u

/**
 * A word that defines the letters before it, then a name's ideographs (`YYQ 是杨一倩`, `ZXC即赵小聪`, `LSB：刘少彬`): the
 * name they abbreviate.
 */
const NAME_DEFINED = /^\s*(?:是|即|就是|指的是|指|代表|=|[:：])\s*(\p{Script=Han}+)/u

/**
 * True for initials in brackets after a name whose characters start with those letters, or before such a name
 * in brackets: the name's initials (`杨一倩（YYQ）` is no 一夜情, nor `YYQ（杨一倩）`); or before a word that defines them
 * and a full name (a surname first, not the term itself) so spelled, in a message that does not pitch (see
 * stillPitches): `签名栏的 YYQ 是杨一倩`. `约吗（YYQ）`, `YYQ 就是一夜情` and `YYQ 是杨一倩，同城可约` stay hits.
 */
export function abbreviatesName(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (c.kind !== 'initials') return false
  const letters = text.slice(c.start, c.end).toLowerCase()
  if (!/^[a-z]+$/.test(letters)) return false
  let name: string | undefined
  if (/^\s*[）)]/u.test(text.slice(c.end))) name = NAME_BEFORE_GLOSS.exec(text.slice(0, c.start))?.[1]
  name ??= NAME_IN_GLOSS.exec(text.slice(c.end))?.[1]
  if (name === undefined) return definesName(text, c, letters, allowDomains)
  if (name.length < letters.length) return false
  const own = text.slice(c.start - 1, c.start).match(/[（(]/u)
    ? name.slice(-letters.length)
    : name.slice(0, letters.length)
  return spells(own, letters)
}

/** True if each character of `name` has a reading that starts with the letter of `letters` at its place. */
export function spells(name: string, letters: string): boolean {
  return [...letters].every((letter, i) => everyTonelessReading(name[i]).some(reading => reading[0] === letter))
}

/**
 * True for letters defined as a full name they spell (see NAME_DEFINED), a surname first, in a message that does
 * not pitch.
 */
function definesName(text: string, c: Candidate, letters: string, allowDomains: readonly string[]): boolean {
  const name = NAME_DEFINED.exec(text.slice(c.end, c.end + 12))?.[1]
  if (name === undefined || name.length < letters.length) return false
  const own = name.slice(0, letters.length)
  return (
    own !== c.term && wordTables().surnames.has(own[0]) && spells(own, letters) && !stillPitches(text, c, allowDomains)
  )
}

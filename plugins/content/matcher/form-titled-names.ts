/**
 * Readings of a swap form as a name by what the named one does at work (f48): a teacher's nickname before the class
 * they teach (`瑟琴老师的 Python 进阶班`), a firm a homophone names before the goods or papers it supplies (`黑芯公司那批主板`).
 * They run on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { SWAP_KINDS } from './expand.js'
import { stillPitches } from './pitch-guard.js'

/** A clause's characters, not its end. */
const C = '[^，,；;。！!？?\\n]'
/** A title of who teaches, treats or coaches, right after the name. */
const TEACHER = '(?:老师|教练|讲师|助教|导师|班主任)'
/**
 * After the name, a title and in its clause a class, a lesson or a duty of the title: `老师的 Python 进阶班`, `老师今天请假`,
 * `教练的私教课改到周六`, `讲师下周开课`.
 */
const TEACHES_AFTER = new RegExp(`^${TEACHER}${C}{0,12}?(?:班(?!费)|课(?!费)|请假|作业|教案|讲座|培训|试听)`, 'u')
/** Categories of what is said of a person: before a title they call the teacher names (`傻比老师的课真无聊`). */
const SAID_OF_PERSON = new Set(['insult', 'defamation'])
/**
 * What the slang of porn calls a 老师's work: a film, a clip, a series, pictures; a body bared or aroused, a girl of the
 * trade's words, where to watch, a membership or a free seat offered (`全裸`, `萝莉`, `看完硬了`, `在线观看`, `百度云`,
 * `入会员`, `名额有限`; rev48); then the title is no teacher's.
 */
const FILMS =
  /片|视频|资源|番号|写真|合集|新作|作品|种子|网盘|直播|裸|萝莉|硬了|撸|骚|无码|高清|观看|百度云|合辑|福利|成人|会员|VIP|约炮|都懂|一晚|免费|名额/iu

/**
 * True for a swap form (homophone, toneless, look-alike) of a two-character term right before a title of who teaches
 * and, in its clause, the class or the duty they have (see TEACHES_AFTER): a teacher's nickname (`瑟琴老师的 Python 进阶班
 * 下周开课`, `色琴老师今天请假`). A message that names a film, pictures or a body after it (FILMS: `瑟琴老师的新片`,
 * `瑟琴老师的课，全裸授课`), the term as written
 * (`色情老师的课`), an insult or a defamation (SAID_OF_PERSON) and a message that still pitches (see stillPitches:
 * `瑟琴老师的课，加V看`) keep the hit.
 */
export function namesTeacher(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never) || c.form === undefined || [...c.term].length !== 2) return false
  if (SAID_OF_PERSON.has(c.category)) return false
  const after = text.slice(c.end, c.end + 20)
  const teaches = TEACHES_AFTER.exec(after)
  if (teaches === null || FILMS.test(text.slice(c.end))) return false
  return !stillPitches(text, c, allowDomains)
}

/**
 * After a firm's name, what it supplies or sends as a trade partner: a batch (`那批主板`, `这批货`, `上批`), papers
 * (`的报价`, `的合同`, `的检测报告`, `的送货单`), its side telling (`那边回复`).
 */
const SUPPLIES_AFTER =
  /^(?:[那这上下]批|的(?:报价|合同|样品|发票|送货单|对账单|检测报告|质检报告|货款|发货单|到货)|[那这]边(?:说|回复|反馈|通知|报价|发来|确认))/u
/** A verdict on the firm or its goods later in the message: then the homophone may be the defamation written around. */
const BLAMED =
  /骗|坑|黑心|垃圾|假货|假的|烂|差劲|缺德|无良|奸商|跑路|别买|避雷|吸血|黑得|黑透|拖欠|欠薪|有毒|卷钱|倒闭|违法|黑店|宰|割韭菜|不要脸|无耻|恶心|人渣|畜生|去死|傻|忽悠|偷工减料|以次充好|劣质|三无|曝光|维权/u

/** The goods sold on by the speaker: `100元一个出`, `便宜出`, `甩卖` (rev48). */
const SOLD = /(?:块|元)[^，,；;。！!？?\n]{0,4}出(?![厂库货])|出售|便宜出|低价出|甩卖|清仓/u

/**
 * True for a homophone or look-alike of a term that ends in 公司, its own 公司 kept, right before what the firm supplies
 * or sends (see SUPPLIES_AFTER): a supplier named, not a firm called names (`黑芯公司那批主板检测报告出来了，良品率还行`,
 * `黑芯公司的报价发过来了`). The term as written (`黑心公司那批主板`), a verdict on the firm or its goods (BLAMED:
 * `黑芯公司那批货全是假的`, `黑芯公司那边通知，老板卷钱跑了`; rev48), the goods sold on (SOLD: `…，100元一个出`) and a message that still pitches keep the hit.
 */
export function namesSupplier(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never) || c.form === undefined || !c.term.endsWith('公司')) return false
  if (!text.startsWith('公司', c.end - 2) || !SUPPLIES_AFTER.test(text.slice(c.end, c.end + 8))) return false
  const rest = text.slice(c.end)
  return !BLAMED.test(rest) && !SOLD.test(rest) && !stillPitches(text, c, allowDomains)
}

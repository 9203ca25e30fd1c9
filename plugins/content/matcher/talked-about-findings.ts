/**
 * Reports that need no outcome told after them, for talkedAbout (talked-about.ts): what an office that checks found
 * (`审计发现有两笔私单`, `后台监测到有账号在刷`), what news or a police notice tells (`新闻报道邻市一家足浴店…`, `警方通报：…`),
 * and what someone said to earn a punishment told first (`店铺被平台罚了，原因是美工写了…`). The office, the news or the
 * punishment tells the deed someone else's and already dealt with; the speaker only passes it on.
 */

import { ACT, ADDRESSED, OWN_OFFER } from './talked-about-handled.js'
import { type TermAt, unoffered } from './talked-about-term.js'

/** A clause's characters, not its end: `[^，,；;。！!？?\n]`. */
const C = '[^，,；;。！!？?\\n]'
/**
 * An office or a tool whose work is to check, not the speaker nor the reader: `风控`, `审计`, `稽查`, `质检`, `后台`, `监控`,
 * `警方`, `市场监管`, or a check itself (`对账`, `抽查`, `排查`).
 */
const CHECKER =
  '(?:风控|审计|法院|检察院|内审|稽查|稽核|巡检|巡查|质检|纪检|纪委|监察|合规|法务|财务|后台|系统|监控|摄像头|平台|警方|公安|民警|警察|网警|派出所|市场监管|市监局?|工商|税务|监管|督导|安保|保卫|总部|对账|盘点|复核|核查|排查|检查|抽查|抽检)'
/** What a check finds, not in vain (`发现不了`): `发现`, `查到`, `查出`, `监测到`, `抓到`, `通报`. */
const FINDS = '(?:发现|查到|查出|查获|查实|抓到|抓获|拍到|监测到|检测到|截获|通报|披露)(?!不)'
/**
 * Who told it, in the term's clause before it: an office that checks and what it found (`风控发现`, `审计查出`, `警方通报：`,
 * `抽查结果：`), or news (`新闻说`, `新闻报道`, `据报道`, `电视上说`, `通报：`).
 */
const FOUND_BY = new RegExp(
  [
    `(?<![我你您咱])${CHECKER}${C}{0,4}?${FINDS}`,
    `${CHECKER}${C}{0,2}?(?:结果|报告|记录)[:：]`,
    `(?:新闻|报道|报纸|媒体|电视|央视|广播|通报)(?:上|里|中)?${C}{0,2}?(?:说|称|讲|报道|通报|披露|曝光|播)`,
    `据${C}{0,4}?(?:报道|通报|新闻)`,
    '(?:新闻|报道|通报)[:：]',
  ].join('|'),
  'u',
)
/**
 * News, a notice or an office's finding or verdict leading the sentence in a clause of its own, the term in the next:
 * `据央视报道，某地…`, `警方通报，…`, `法院判了，…`.
 */
const SOURCE_LEAD = new RegExp(
  `^\\s*(?:(?:据|根据)${C}{0,6}?(?:报道|通报|消息|新闻)|${C}{0,6}?(?:新闻|报道|通报)|${CHECKER}${C}{0,4}?(?:${FINDS}|判)了?)[，,]${C}*$`,
  'u',
)
/** A verb of saying, writing or posting, directly before the term (maybe with 了): what someone said to earn it. */
const SAID = '(?:说|讲|喊|写|标|发|宣传|承诺|提|骂|用|打)(?:了|过|着)?[“‘「『"]?'
/** A cause after a clause of its own: `原因是`, `因为`, `理由是`. */
const CAUSE = '(?:原因是|理由是|起因是|是因为|因为|由于)'
/**
 * A punishment told first, then its cause, what someone said, before the term: `被平台罚了，原因是美工写了`,
 * `直播间被限流了，理由是助播喊了`.
 */
const PUNISHED_FOR = new RegExp(`被${C}{0,8}?(?:${ACT}|限流|警告)${C}{0,4}[，,；;]\\s*${CAUSE}${C}{0,8}?${SAID}$`, 'u')
/** A cause leading the term's clause, what someone said: `因为客服说了`. */
const SAID_CAUSE = new RegExp(`^\\s*${CAUSE}${C}{0,8}?${SAID}$`, 'u')
/** A punishment after the cause, in a later clause of the sentence: `，店铺被市场监管罚了五千`. */
const PUNISHED_AFTER = new RegExp(`^${C}*[，,；;]${C}{0,6}?被${C}{0,8}?(?:${ACT}|限流|警告)`, 'u')

/** A cause directly before the term, maybe with a verb: `因为接`, `因`, `由于泄露`. */
const CAUSE_BEFORE = new RegExp(`(?:因为?|由于)${C}{0,4}?$`, 'u')
/** A punishment after the term in its clause: `被开除了`, `被公司辞退`, `被判了三年`, `被罚款五万`. */
const PUNISHED_IN_CLAUSE = new RegExp(`^${C}{0,8}?被${C}{0,6}?(?:${ACT}|判|拘|起诉|投诉|限流|警告)`, 'u')
/**
 * The speaker, after the term, undeterred or spurring the reader on: `也没事`, `照接`, `不怕`, `大家赶紧买`, `冲`; what they
 * pass on is no report then (`风控发现私单也没事，照接`).
 */
const SPURRED =
  /放心(?:玩|接|做|买|下注|干)|没事|没关系|无所谓|不怕|不要紧|照样|照[接做干开玩卖发]|管不了|(?:大家|赶紧|快|都|一起)(?:去|来)?(?:买|玩|下注|跟|冲|上车|入手|试试)|冲啊|冲鸭|上车/u

/**
 * True for a term an office found or news told in its clause (FOUND_BY) or the clause before (SOURCE_LEAD), or what
 * someone said to earn a punishment (PUNISHED_FOR, or SAID_CAUSE then PUNISHED_AFTER) or did to earn one (CAUSE_BEFORE
 * then PUNISHED_IN_CLAUSE: `小王因为接私单被开除了`), not said of the reader or a person pointed at, with no offer to the
 * reader, none of the speaker's own after it and the speaker not undeterred by it (SPURRED): `审计发现有两笔私单没走系统`,
 * but not `…，以后私单都找我`, `新闻说…，网赌还是来我这靠谱` nor `风控发现私单也没事，照接`.
 */
export function toldReport(term: TermAt): boolean {
  const { text, end, before, sentenceBefore } = term
  const told =
    FOUND_BY.test(before) ||
    SOURCE_LEAD.test(sentenceBefore) ||
    PUNISHED_FOR.test(sentenceBefore) ||
    (SAID_CAUSE.test(before) && PUNISHED_AFTER.test(term.sentenceAfter)) ||
    (CAUSE_BEFORE.test(before) && PUNISHED_IN_CLAUSE.test(text.slice(end)))
  if (!told || ADDRESSED.test(before) || OWN_OFFER.test(text.slice(end)) || SPURRED.test(text.slice(end))) return false
  return unoffered(term)
}

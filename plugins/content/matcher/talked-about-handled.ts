/**
 * A deed someone else did, reported and then handled, for talkedAbout (talked-about.ts): a reporter of any kind with a
 * verb of saying or seeing before the term (`有乘客说`, `风控说有代理人`, `监控拍到有人`, `听说隔壁有人`), and a later clause
 * of the sentence that tells how it was dealt with (`，已经上报车队长`, `，正在查`, `，平台已经封了账号`, `，被总部罚了`,
 * `，保安去看了`); or what a check found not done (`保安去看了是打牌没赌钱`). The shapes hold for reporters and outcomes
 * no list names: who reports is any short noun phrase, what was done is an official act told as done or under way.
 */

import { SENTENCE_END, edgeAfter } from './talked-about-clauses.js'
import { type TermAt, unoffered } from './talked-about-term.js'

/** A clause's characters, not its end: `[^，,；;。！!？?\n]`. */
const C = '[^，,；;。！!？?\\n]'
/** A verb of saying, reporting or seeing: what a reporter does. */
const REPORTING = '(?:说|反映|反馈|投诉|举报|称|讲|提到|通报)'
/** A verb of seeing or hearing something happen: what a witness or a camera does. */
const WITNESSING = '(?:发现|拍到|查到|监测到|看到|看见|听到|听说|据说|抓到)'
/** A deed someone introduced with 有 did: `骂`, `发`, `把`, `私下`, `卖`, `泄露`, `宣称`. */
const DEED = '(?:骂|辱骂|发|贴|刷|把|将|私下|偷偷|接|卖|泄露|透露|利用|拿|组织|开|搞|传|推|宣传|宣称|号称|让|叫)'
/** A deed of words or posts alone: what a bare 有 may introduce someone else as doing (`有客户在群里骂`). */
const SAID_DEED = '(?:骂|辱骂|发|贴|刷|传|宣传|宣称|号称|造谣)'
/**
 * Who reported someone else's deed, earlier in the term's sentence: someone introduced with 有 and a verb of reporting
 * (`有乘客说`, `有病人家属反映`, `有位车主投诉`); any reporter, camera or witness, not the speaker or the reader, then
 * someone introduced with 有 (`风控说有代理人`, `监控拍到有人`, `听说隔壁车行有人`, `后台查到有个账号`); a complaint
 * (`租客投诉隔壁`, `举报楼下`); a reporter who says what someone did to them (`乘客反映司机辱骂他`, `顾客投诉导购让她`) or
 * what someone does (`听说隔壁车行老板接`, `客户说楼下在`, `查到是前台把`); or
 * someone who did it, introduced with 有 (`有人在群里发`, `有个号一直刷`, `有位司机把`, `有个学员骂`, `有个租户喝多了骂`; a bare 有 only
 * where it starts its clause and before words or posts, SAID_DEED: `有客户在群里骂`, f49; or right before the
 * term: `有名骑手私下转账`), not what the speaker has (`我这有`); someone else who starts the sentence and says it, right
 * before the term, maybe told done with 了 or before a quotation (`前员工在外面说`, `那个租客到处散布`, `小王在群里说了`,
 * `前任店长跟客户说“`), not the speaker, the reader, everyone, the web nor hearsay (`听说`); someone else's words a
 * third person received, right before the term (`孩子的作品被陌生人回了“`, `学员被网友骂`; f48), not the speaker's nor
 * the reader's (`我被…`, `被你…`); or someone else who did something with it, leading their
 * clause with 把 or 将 right before the term (`前员工把`, `离职的销售将`), not the speaker, the reader nor who is asked
 * (`我们把`, `谁把`).
 */
const REPORTER = new RegExp(
  [
    `有(?:个|位|名|些)?(?!没|点)${C}{1,5}?${REPORTING}`,
    `(?<![我你您])(?:${REPORTING}|${WITNESSING})${C}{0,8}?有(?!没|点|空|意|需|兴)`,
    '(?:投诉|举报|反映|反馈)',
    `(?<![我你您])${REPORTING}${C}{1,6}?(?:让|叫|骂|辱骂|要求|逼|劝|拉|带)(?:他|她|他们|她们|我们)`,
    `(?<![我你您])(?:${REPORTING}|${WITNESSING})${C}{1,8}?(?:接|做|搞|开|组织|卖|泄露|偷偷|私下|在|把|将|利用|宣传|宣称|号称)`,
    `(?<![我你您咱这那还也都没])有(?:人|个${C}{0,3}?[人号])`,
    `(?<![我你您咱这那还也都没们])有(?:个|位|名)${C}{1,6}?(?:${DEED}|$)`,
    `(?:^|[，,；;\\s])有(?![没点空意需兴的些])${C}{1,6}?${SAID_DEED}`,
    `^(?![我你您咱谁大网都听据传])${C}{2,10}?(?<![听据传都也就还又])(?:${REPORTING}|散布|造谣|宣称|声称)了?[“‘「『"]?$`,
    `(?<![我你您])被(?![我你您])${C}{1,6}?(?:回|回复|骂|评论|留言|私信|说)(?:了|成|过)?[“‘「『"]?$`,
    '(?:^|[，,；;])\\s*[^我你您咱谁，,；;。！!？?\\n]{1,8}(?:把|将)$',
  ].join('|'),
  'u',
)
/** Who a deed is reported up to: the firm, its heads and the offices that answer for it, the police. */
const SUPERIORS =
  '(?:法务|公司|总部|领导|主管|经理|上级|人事|风控|合规|纪委|监管|警方|公安|派出所|平台|老板|店长|财务|审计|物业|居委会|学校)'
/**
 * An official act on a deed: reported up or to the police (also told to a superior: `告诉主管`, `跟经理说了`), looked into, stopped, punished, held to account, its
 * evidence kept, or someone sent to it (`上报`, `报法务`, `报警`, `查`, `核实`, `封`, `冻结`, `罚`, `处分`, `追责`, `问责`,
 * `约谈`, `没收`, `赶走`, `移交`, `介入`, `开除`, `劝阻`, `道歉`, `存档`, `取证`), followed up (`跟进`), or a post taken
 * down (`撕`, `揭掉`, `擦掉`, `刷掉`, `移除`, `撤下`).
 */
export const ACT = `(?:上报|报警|报案|报给(?![你您他她])|报到|报(?=${SUPERIORS})|告诉(?=${SUPERIORS})|(?:跟|和|向|给)${SUPERIORS}(?:说|讲|汇报|反映|报告)|追责|追究|问责|处置|查处|记过|降级|存档|存证|留证|取证|备案|归档|查|调查|追查|核实|核查|处理|封|冻结|罚|处分|处罚|约谈|找[^，,；;。！!？?\\n]{1,3}?谈|停|暂停|没收|赶走|清理|清除|移交|移送|通知(?!大家|你们|各位|群里|所有人)|介入|立案|开除|辞退|警告|拉黑|踢|删|撤|禁言|追回|批评|扣|端|抓|拘|出警|到场|关停|下架|屏蔽|上门|劝阻|制止|叫停|劝离|劝退|驱离|取缔|跟进|撕|揭掉|揭下|擦掉|刷掉|涂掉|铲掉|摘掉|拆掉|拆除|移除|移出|撤下|让[^，,；;。！!？?\\n]{1,5}?道歉)`
/**
 * Someone spoken to or answered for a deed, by the speaker or the firm: the one it hurt calmed or explained to, an
 * apology made, a lawyer's letter or a suit (`安抚`, `道歉`, `解释`, `沟通`, `发了律师函`, `起诉`), told done after 已经
 * (see HANDLED): `，我已经单独安抚了`, `，法务已经发了律师函`.
 */
const ANSWERED = '(?:安抚|道歉|赔礼|解释|沟通|回应|澄清|起诉|发(?:了|过)?(?:律师函|警告函|声明|澄清))'
/**
 * What the speaker draws from a deed told: a lesson for us (`，我们要注意`, `，大家都要警惕`, `，引以为戒`), or praise of
 * who bore it without answering back (`，司机没还嘴，做得好`): the report is a warning or a lesson, not the deed.
 */
const LESSON =
  '(?:我们|大家|咱们|各位|我们自己)?(?:也|都)?(?:要|得|需要|应该)(?:多)?(?:注意|警惕|小心|当心|防范|提防|引以为戒|吸取教训)|引以为戒|没(?:有)?(?:还嘴|还手|回嘴|计较|理(?:他|她|会))|做得(?:好|对)'
/** An act that tells the deed handled when told done with 了 alone (`平台封了`, `物业报警了`), unlike 查了 (a look-up). */
const DONE =
  '(?:封|罚|处分|开除|辞退|冻结|报警|上报|没收|拉黑|踢|禁言|约谈|移交|立案|赶走|劝阻|制止|叫停|取缔|端|撕|揭)'
/** A decision on the deed told out: `处罚决定已出`, `处分通知已下`, `处理结果出来了`. */
const DECIDED =
  '(?:处罚|处分|处理|罚款|追责|问责|开除|辞退|通报)(?:决定|结果|通知|意见|单)?(?:已经?|都已|均已)(?:出|下|发|公布|下达)|(?:处罚|处分|处理|罚款)(?:决定|结果|通知|单)(?:出来|下来)了'
/** Evidence of the deed told kept: `监控视频已经保存`, `录音都已留存`. */
const EVIDENCE_KEPT = '(?:录音|截图|聊天记录|记录|证据|视频|录像|照片)(?:已经?|都已|均已)(?:保存|留存|保留)'
/** Who did it told to own up: `谁干的自己来找我`, `谁发的站出来`, `谁转的主动承认`. */
const SUMMONED =
  '谁(?:干|发|做|弄|转|传|搞|拉)的(?:人)?[，,]?(?:自己|主动|赶紧|马上)?(?:来|过来)?(?:找我|站出来|承认|认领|说一声|出来)'
/** SUMMONED ending a text's part: the summons of the speaker (找我) is no offer to the reader. */
const SUMMONS_END = new RegExp(`${SUMMONED}$`, 'u')
/**
 * Who did it asked, ending its sentence (`，是谁？`, `，到底是谁干的？`, `，谁发的？`), looked for (`，查一下是谁`) or told to
 * own up (`，谁干的自己来找我`, `，谁发的站出来`, `，谁转的主动承认`).
 */
const WHO_ASKED = `(?:到底|究竟)?是谁(?:干|发|做|弄|说|搞|拉)?的?[？?]|谁(?:干|发|做|弄|说|搞|拉)的[？?]|查(?:一下|一查|查|下)?(?:到底|究竟)?是(?:谁|哪(?:个|位))|${SUMMONED}`
/**
 * Who did it made to undo it, told done: `已经让他撤回了`, `已让她改掉`, `已经要求对方整改`, `已责令其删除`.
 */
const MADE_TO_UNDO = `(?:已经?|都已|均已)(?:让|叫|要求|责令|督促)(?:他们?|她们?|对方|本人|其)(?:${C}{0,2}?)(?:${ACT}|改|整改|更正)`
/**
 * A later clause of the term's sentence or the next sentence's start that tells the deed handled: maybe who, then done
 * or under way (`已经`, `正在`, `在` right before the act, `被…`) and an act (ACT): `，已经上报车队长`, `，正在查`,
 * `，这事我在查`, `，平台已经封了乘客账号`,
 * `，系统已自动封号`, `，导购已经被约谈`, `。已报警。`, `，已经让他撤回了`; an act done to who did it (`，被总部罚了`, `，被警察端了`); an act told done
 * (`，平台封了乘客账号`, DONE); someone sent to look (`，保安去看了`, `，经理已经过去了`); evidence kept (`，录音已经存档`,
 * `，监控视频已经保存`); a decision told out (`，处罚决定已出`, DECIDED); or who did it asked (`，是谁？`, WHO_ASKED).
 */
const HANDLED = new RegExp(
  `[，,；;。！!]\\s*${C}{0,6}?(?:(?:已经?|正在|都已|均已)(?:被${C}{0,4}?)?(?:自动|直接|马上|立即|立刻|及时|当场|连夜|派人|去|来|过来|过去|单独|私下|专门|当面|电话|上门|跟他|跟她|和他|和她|向他|向她)*(?:${ACT}|${ANSWERED}|过去了|赶过去)|(?<![现存实正])在${ACT}|被${C}{0,4}?${ACT}(?:了|过)|${DONE}了|(?:去|来|过去)(?:看|查|处理|核实)(?:了|过)|${MADE_TO_UNDO}|${DECIDED}|${EVIDENCE_KEPT}|${WHO_ASKED}|${LESSON})`,
  'u',
)
/**
 * A check earlier in the term's sentence, then its finding that denies the deed, directly before the term (maybe past a
 * verb): `保安去看了是打牌没赌钱`, `查了监控，他们没有私下转账`, `核实过，并未泄露客户名单`.
 */
const CHECKED_NOT = new RegExp(
  `(?:看|查|核实|核查|确认|调查|问|了解)(?:了|过)[^。！!？?\\n]{0,12}?(?:没有?|并没有?|并未|未)${C}{0,2}$`,
  'u',
)
/** After a denied term, a comparison or a kind that turns the denial into a claim: `没网赌平台比我这稳`, `没下注的`. */
const NOT_DENIED = /^(?:的|比|更)/u
/**
 * The speaker's own offer of the thing after a report: `我这私单照接`, `来我这玩`, `我那有`, `我这也能开`; not evidence the
 * speaker keeps (`我这有录音`).
 */
export const OWN_OFFER =
  /(?:来|找|到)我(?:这|那|们)|我(?:这|那)(?:里|边)?(?:也|还)?(?:有(?!截图|录音|证据|记录|聊天记录|照片|视频|监控)|照|可以|能|开)/u
/** The speaker asking for a copy after a report: `快发我一份`, `给我个链接`; not evidence asked (`截图发我`). */
const WANTS_COPY = /(?<!截图)(?:发|给|转|传|私发)(?:我|俺)(?:一份|一个|个|一张|链接|地址|网址)/u
/**
 * The speaker praising the thing after a report or taking part in it: `特码很准`, `真的好看`, `跟着买`, `稳赚`, `我也想约`,
 * `我也在玩`, `我接了`, `我同意了`, `我赢了两万`.
 */
const PRAISED =
  /(?:很|真的?|超|特别|挺|太|贼)(?:准|好玩|好看|好用|靠谱|划算|爽|刺激)|必中|包中|稳赚|跟着(?:买|下注|玩|投)|我(?:也|还|一直)(?:想|在|要)(?:约|玩|买|下注|投|看|做)|我(?:也|都)?(?:接|同意|答应|做|跟|买|玩|约|下注|投|赢|办)了/u

/**
 * True if the speaker, after the term at `end`, offers it (OWN_OFFER: `我这有`), asks for a copy (WANTS_COPY) or praises
 * it (PRAISED): a report, a question or a post pointed at is then the speaker's own take on the thing.
 */
export function ownTake(text: string, end: number): boolean {
  const rest = text.slice(end)
  return OWN_OFFER.test(rest) || WANTS_COPY.test(rest) || PRAISED.test(rest)
}

/**
 * The term said of the reader or of a person pointed at, right before it: `举报你个`, `你这个`, `那人就是`; not what
 * someone was called (`骂他`, `说她是`).
 */
export const ADDRESSED =
  /(?:(?<![骂说叫喊称让])(?:你们?|您|他|她)|这个|那个|此人|这人|那人)(?:个|这个|那个|真|就|简直|根本)?(?:就是|是|像)?$/u

/**
 * What someone else made a third person do, before the term in its clause: `让他`, `叫她`, `要求客户`. The rest of the
 * clause is the deed reported (`有销售让他加薇信私聊`), not the speaker's offer.
 */
const MADE_TO = new RegExp(`(?:让|叫|要求|逼|劝|拉|带|教)(?:他们?|她们?|人家|客户|顾客|对方)${C}{0,6}$`, 'u')

/**
 * True for a term in a deed someone else did that a reporter tells (REPORTER) and a later clause of the sentence or the
 * next sentence tells handled (HANDLED), not said of the reader or a person pointed at (ADDRESSED), with no offer to the
 * reader outside the report (from the reporter on, to the end of the term's clause when it tells what someone else
 * made a third person do, see MADE_TO) and no take of the speaker's own (see ownTake): `有乘客说司机让他私下转账，已经上报车队长`,
 * but not `…，已报警，老虎机我这有` nor `举报你个傻逼，已经报警了`.
 */
export function handledReport(term: TermAt): boolean {
  const { text, start, end, sentenceBefore } = term
  const reporter = REPORTER.exec(sentenceBefore)
  if (reporter === null || ADDRESSED.test(sentenceBefore)) return false
  const sentenceEnd = edgeAfter(text, end, SENTENCE_END)
  const handled = HANDLED.exec(text.slice(end, edgeAfter(text, sentenceEnd + 1, SENTENCE_END)))
  if (handled === null || ownTake(text, end)) return false
  let deedEnd = MADE_TO.test(term.before) ? end + term.after.length : end
  if (SUMMONS_END.test(handled[0])) deedEnd = Math.max(deedEnd, end + handled.index + handled[0].length)
  return unoffered(term, start - sentenceBefore.length + reporter.index, deedEnd)
}

/**
 * True for a term a check found not done (CHECKED_NOT: `保安去看了是打牌没赌钱`), not turned into a claim (NOT_DENIED),
 * with no offer to the reader outside it.
 */
export function checkedNot(term: TermAt): boolean {
  return CHECKED_NOT.test(term.sentenceBefore) && !NOT_DENIED.test(term.text.slice(term.end)) && unoffered(term)
}

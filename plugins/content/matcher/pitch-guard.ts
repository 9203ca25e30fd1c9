/**
 * What keeps a hit that a precision rule would read as a clean word (a name, a firm, an edition, the weather, a
 * lesson's medium, a price worked out): the message still pitches, whatever the hit's own words mean. The rules
 * of form-latin.ts, form-senses.ts, form-names.ts, surname-names.ts, form-brands.ts, form-money.ts and
 * form-waste-counts.ts ask it before they clear a hit.
 */

import type { Candidate } from './allow-filter.js'
import { ACCOUNT_ID, CONTACT_WORDS } from './contact-words.js'
import { CLAUSE_END, edgeAfter, edgeBefore } from './talked-about-clauses.js'
import { offers } from './talked-about-offers.js'

/**
 * An account's id after a colon (see ACCOUNT_ID of contact-words.ts: `：abc12345`, `: lily_888`; not `型号：SD2023A`,
 * `发票号：FP2023001`, `订单号: ORD2023`).
 */
const ID_AFTER_COLON = new RegExp(`[:：]\\s*${ACCOUNT_ID}(?![A-Za-z0-9_])`, 'u')
/**
 * A gambling pitch: winning promised or losses paid back (`包赢`, `稳赚`, `必中`, `包赔`, `押一赔十`), losses won
 * back or recovered for a fee (`回血`, `出黑`, `帮你追回`, `不成功不收费`), a stake's floor or a bonus at the table
 * (`百元起押`, `上桌就送`), a live dealer (`真人荷官`), stakes unbounded (`输赢随意`), a bet followed or its yield or rebate told (`跟单`, `收益百分之二十`, `日返`, `返点`), credit bought or topped up
 * with a bonus (`上分`, `彩金`, `充值一百送五十`, `注册送`, `首存`), a day's or a month's takings (`日入`, `日赚`, `月入过万`, `宝妈可做`, `轻松翻倍`), a rebate (`返水`), a leader's
 * bets, slot games (`电子游艺`, `爆分`), a lottery's draw and tips (`开奖`, `特码`, `一肖`, `中特`, `期期准`); card games
 * for money, odds and accounts opened with a bonus (`真钱牛牛`, `棋牌`, `赔率`, `网投`, `开户送`, `充100送100`), money
 * without work or risk (`躺赚`, `日结`, `包回本`, `零风险高回报`, `手机就能做`, `理财找我`, `想赚钱的`; rev2), a stake a
 * hand, a draw promised, an account opened for the reader (`一百一局`, `今晚必出`, `帮你开好了`; rev3), a table opened on the spot, cash to bring
 * (`现场开局`, `今晚开台`, `带够钱`; rev46).
 */
const GAMBLING_PITCH =
  /包赢|包赔|稳赚|稳赢|必赢|必中|回血|押一赔|荷官|真人视讯|输赢(?:随意|不限)|返点|一赔[十百0-9]|日返|出黑|稳定出款|先出款|帮你(?:追回|拿回|挽回|要回)|可以追回(?!吗)|不成功不收费|成功后再?(?:付款|收费)|上桌就?送|起押|跟单(?![员号据])|躺赚|牛牛|棋牌|真钱|包回本|高回报|零风险|充[0-9一二两三四五六七八九十百]+送|(?:理财|投资)[^，,；;。！!？?\n]{0,4}找我|想赚钱的|日结|开户(?:就|即)?送|赔率|网投|(?:手机|在家)就?能做|(?:收益|回报)率?(?:百分之|[0-9])|[上下]分(?![公店部院局厂行区类别钟析配享开成布手散数册期批])|彩金|充值[^，,；;。！!？?\n]{0,6}送|日入(?![库职园住学场])|日赚|月入(?:过万|[0-9一二两三四五六七八九十几]+万)|宝妈可做|轻松翻倍|返水|带单(?![据子])|提现秒到|注册就?送|首充|首存|电子游艺|爆分|开奖|特码|一肖|中特|期期准|必出|[0-9一二两三四五六七八九十百]+(?:块|元)?一(?:局|把|注)|帮你开(?:好|户|号)|(?:现场|今晚|今天|晚上)开(?:局|桌|台)|带够(?:钱|本金)/u
/**
 * A porn wink or a meeting offered: one's town (`同城`), a date (`约吗`, `可约`; not `约我们`), a visit or a room
 * (`空降`, `开房`, `包夜`, `酒店见`, `可上门`; not `可上门安装`), a price a time or a night (`300一晚`, `150一次`, `300全套`), company (`陪你聊天`), a girl
 * offered (`学生妹`), who wants the goods addressed (`要资源的`), a companion for hire (`陪玩`), a sign to reply (`扣1`, `想看的`), a whole series or samples
 * had (`全集`, `有样片`; not a studio's `样片拿到了`), a ping (`滴滴`, not the ride-hailing app); goods, girls, a price
 * and a service of the trade (`福利视频`, `私密视频`, `影片合集`, `小妹`, `美女在线`, `陪聊`, `两百一晚`, `一晚800`, `一次两百`, `小姐姐陪跑`,
 * `包月`, `一条龙`, `上门按摩`, `无套`, `包养`, `1对1视频`, `懂的来`, `要看的留言`; rev2), a meeting at a place known to
 * both (`来老地方`, `老地方见`; rev3), a date tonight ending its clause (`今晚约`; rev47).
 */
const PORN_WINK =
  /酒店见|学生妹|福利(?:视频|资源)|美女(?:在线|陪)|小妹|陪聊|私密(?:视频|照|图)|(?:影片|视频)合集|一条龙|上门按摩|包月|无套|包养|懂的(?:来|进|私)|[要想]看的(?:留言|扣|回复|私)|(?<![0-9.])一(?:次|晚|夜)(?:[0-9]{2,4}|[一二两三四五六七八九]百)|(?:小姐姐|妹子|美女|小妹)陪|[一二两三四五六七八九]百(?:块|元)?一(?:次|晚|夜|炮)|(?:1对1|一对一)视频|陪你(?:聊|睡|玩|过夜)|[0-9]{2,4}(?:块|元)?全套|全套服务|要资源的|可上门(?!安装|维修|测量|量尺|取|送|回收|服务费)|(?<![0-9.])[0-9]{2,4}(?:块|元)?一(?:次|晚|夜|炮)|同城(?!快递|配送|物流|速递|发货|自提|送)|约[吗炮pP]|约我(?!们)|可约|(?:今晚|今夜|明晚|晚上)约(?=$|[，,；;。！!～~\s])|空降(?!兵|部队|领导|高管|干部)|开房|包夜|陪玩|陪睡|上门服务|扣1|想看的|全集|[有看要求]样片|滴滴(?!打车|出行|司机|快车|专车|顺风车)|(?:来|去|到)老地方|老地方见/u
/**
 * A price or a secret handed over privately: asked for by private message (`私信报价`), a price or a list fetched
 * from the speaker or sent privately (`底价找我拿`, `名单私发`), left where members pick it up (`报价在群文件`); a
 * firm's quote sent to a colleague (`报价单我发你邮箱`) is work; a contact pointed at (`飞机@…`, `Q群12345`, `群号123456`, `看我动态`,
 * `有需要的联系`, `需要的私`, `懂的都懂`, `资源在群文件`; rev2; `需要的联系他`), a ping asked of who wants it (`要的扣我`,
 * `需要的滴我`, `有需要的留言`), the first comers' gift (`前100名免费送`), a second account to reach (`联系店长小号`), where
 * it is had (`我知道哪里有`), the figure told after all (`其实就是六十五`; rev3), where the goods wait (`看头像`, `在相册`,
 * `置顶链接`; older), who wants it told to write or add (`需要代开的私聊`, `约的私我`, `有需要的加她`, `有活直接微信`, `找她拿货`;
 * rev46), money paid into the speaker's own account (`钱打我私人账户`, `转到我个人卡上`, `定金打我卡上`; rev5051).
 */
const HANDED_OVER =
  /有?需要的(?:联系|加[我她他]|找[我她他])|(?:需要|想要|要|想|约|玩|买)[^，,；;。！!？?\n]{0,4}的(?:私聊|私信|私我|加我|找我|滴我|扣我)|直接(?:微信|vx|VX|加我|私我|私聊|找我)|(?:找|联系|加)[我她他][^，,；;。！!？?\n]{0,2}(?:拿货|进货|订货|下单)|懂的都懂|资源在群文件|飞机[@＠号]|电报[@＠号]|(?:[qQ扣]群|群号)\s*[:：]?\s*[0-9]{5,}|看我(?:动态|主页)|的私(?=$|[。！!～~\s])|要的[扣滴私]我|有需要的(?:留言|私|扣|滴)|前[0-9一二三四五六七八九十百]+名(?:免费|送|半价)|私[信聊]报价|(?:联系|找|加|走|私)[^，,；;。！!？?\n]{0,3}小号|(?:我|咱)知道(?:哪里|哪儿|哪)有|(?:看|在|见)(?:我的?)?(?:头像|相册|置顶)|置顶链接|其实(?:就|也|才)?(?:是|只有|只要|不到)?[0-9一二两三四五六七八九十百千万.点]+(?:块|元|毛|折)?(?:[一每](?:件|个|箱|盒|斤|吨|瓶))?(?=$|[，,；;。！!？?\s])|(?:(?<!报)价|名单|资料)[^，,；;。！!？?\n]{0,4}(?:找我(?:要|拿)|私[信聊发]|在群文件)|私发|(?:打|转|汇|存|付|给)(?:到|进|给)?我(?:的)?(?:私人|个人|私|自己)的?(?:账户|帐户|账号|帐号|卡|账上|卡上|微信|支付宝)|(?:钱|款|货款|定金|订金)[^，,；;。！!？?\n]{0,3}(?:打|转|汇)(?:到|进)?我(?:这|的)?(?:卡|账户|帐户|账上|卡上)/u
/**
 * Someone an insult is aimed at: who posted above (`楼上`), the speaker's swagger (`老子`), a person pointed at
 * (`这人`, `这货`, `那人`), a gift to the reader (`送你`).
 */
const AIMED_WORDS = /楼上|老子|这人|那人|这货|那货|送你/u
/** An @-mention: @ and a name's first character. */
const MENTION = /[@＠][^\s@＠，,；;。！!？?]/u

/**
 * True if the message pitches outside the hit (see offers: an offer, an invitation, the speaker vouching; with
 * `allowDomains`, contact details or a link not on that list), names a way to reach someone (CONTACT_WORDS of
 * contact-words.ts, an account's id after a colon), or holds a gambling pitch, a porn wink or a meeting offer, or a
 * price handed over privately (GAMBLING_PITCH, PORN_WINK, HANDED_OVER): then a clean reading of the hit's words
 * clears nothing (`博采电气的区域经理说包赢`, `成人视频制作，主页有样片`, `成本加运费，找我要`).
 */
export function stillPitches(
  text: string,
  c: Pick<Candidate, 'start' | 'end'>,
  allowDomains: readonly string[] = [],
): boolean {
  return (
    offers(text, c.start, c.end, allowDomains) ||
    CONTACT_WORDS.test(text) ||
    ID_AFTER_COLON.test(text) ||
    GAMBLING_PITCH.test(text) ||
    PORN_WINK.test(text) ||
    HANDED_OVER.test(text)
  )
}

/**
 * The guard's words of a pitch a clause may hold on its own (see pitchesAround); contact details are left to offers,
 * which knows a company's own hotline and links.
 */
const PITCH_WORDS = [GAMBLING_PITCH, PORN_WINK, HANDED_OVER]
/** A quotation: what someone else wrote, reported, not the speaker's pitch. */
const QUOTED = /[“「『"][^”」』"]*[”」』"]/gu
/** The opening marks QUOTED starts at: a text without one has no quotation to leave out. */
const OPENING_MARK = /[“「『"]/u
/** The rest of a quotation the term stands in, up to its closing mark (`招聘兼职，日结三百”`). */
const UNCLOSED = /^[^“「『”」』"]*[”」』]/u
/**
 * A clause that warns of a pitch, bans it or reports someone else's (`不要相信任何日赚几百的说法`, `不得发布日赚类广告`,
 * `有人发日赚的广告`, `以前有人说包赢`): no pitch of its own.
 */
const WARNED = /不要|不得|不能|别|禁止|严禁|勿|诈骗|骗子|骗局|相信|说法|类|举报|截图|问是不是|有人[发说问讲传]|广告/u
/** A clause's end. */
const CLAUSE_ENDS = /[，,；;。！!？?\n]/u

/** A question asked (`加v领红包是真的吗？`): it quotes what it asks about, no pitch. */
const QUESTION = /[^。！!？?\n]*[？?]/gu
/** The UTF-16 codes of a sentence's end (。！!？?, a line break). */
const SENTENCE_END_CODES = new Set([...'。！!？?\n'].map(end => end.charCodeAt(0)))
/** The UTF-16 codes of a clause's end (CLAUSE_ENDS). */
const CLAUSE_END_CODES = new Set([...'，,；;。！!？?\n'].map(end => end.charCodeAt(0)))
/** The rest of a sentence that ends in a question mark. */
const ASKED_SENTENCE = /^[^。！!？?\n]*[？?]/u

/**
 * True if a clause pitches gambling, earnings, porn or a price by the guard's words alone (see PITCH_WORDS)
 * after the clause that ends at `to` or in a clause before the one that holds `from` (rev2: its own sentence's too), quotations, questions and
 * clauses that warn of a pitch left out (see QUOTED, QUESTION, WARNED): the speaker pitches besides reporting or
 * disowning the term (`有人发网赌链接，已经让他删除了，正规的在我这，稳定出款`, `夜场小妹。老李跟客户说了进货价，公司已经
 * 处罚了`). What the talked-about rules and a cut word add to offers (see unoffered).
 */
export function pitchesAround(text: string, from: number, to: number): boolean {
  const closing = UNCLOSED.exec(text.slice(to))
  const after = text.slice(to + (closing === null ? 0 : closing[0].length))
  const first = after.search(CLAUSE_ENDS)
  let clauseFrom = from
  while (clauseFrom > 0 && !CLAUSE_END_CODES.has(text.charCodeAt(clauseFrom - 1))) clauseFrom--
  let sentenceFrom = clauseFrom
  while (sentenceFrom > 0 && !SENTENCE_END_CODES.has(text.charCodeAt(sentenceFrom - 1))) sentenceFrom--
  // The clauses before the term's in its own sentence are read unless the sentence asks (`有人问包赢的，能发吗？`).
  const before = text.slice(0, ASKED_SENTENCE.test(text.slice(to)) ? sentenceFrom : clauseFrom)
  // QUESTION ends at a question mark: without one nothing is replaced (its search from every place is quadratic).
  const unasked = before.includes('？') || before.includes('?') ? before.replace(QUESTION, ' ') : before
  const rest = `${unasked}，${first < 0 ? '' : after.slice(first + 1)}`
  const quoted = OPENING_MARK.test(rest) ? rest.replace(QUOTED, ' ') : rest
  return quoted.split(CLAUSE_ENDS).some(clause => !WARNED.test(clause) && PITCH_WORDS.some(words => words.test(clause)))
}

/** A colon, a list's comma or a clause's end: the hit's own clause is read between the nearest of them. */
const OWN_CLAUSE_EDGE = /[:：、，,；;。！!？?\n]/u
/** Someone else who did it, before the hit in its clause (`有人私发…`): a report, no pitch of the speaker's. */
const DONE_BY_OTHERS = /有人|有个|那人|这人|此人|对方|陌生人|骗子/u

/**
 * True if the hit's own clause, between its nearest colon, list comma or clause end on either side, pitches by the
 * guard's words with the hit blanked (`已删，六合彩走小号`, `违者必究，成本价拿货联系店长小号`, `请勿传播：…请看置顶链接`),
 * unless it warns or quotes (see WARNED), asks, or tells what someone else did (DONE_BY_OTHERS): pitchesAround
 * leaves that clause out, so a report or a rule that clears the hit reads it here too.
 */
export function pitchesBeside(text: string, start: number, end: number): boolean {
  let clauseFrom = start
  while (clauseFrom > 0 && !OWN_CLAUSE_EDGE.test(text[clauseFrom - 1] ?? '')) clauseFrom--
  let clauseTo = end
  while (clauseTo < text.length && !OWN_CLAUSE_EDGE.test(text[clauseTo] ?? '')) clauseTo++
  if (text[clauseTo] === '？' || text[clauseTo] === '?') return false
  const clause = `${text.slice(clauseFrom, start)} ${text.slice(end, clauseTo)}`
  if (OPENING_MARK.test(clause) || WARNED.test(clause) || DONE_BY_OTHERS.test(clause)) return false
  return PITCH_WORDS.some(words => words.test(clause))
}

/**
 * True for an insult hit in a message that aims it at someone: an @-mention, `楼上`, `老子`, `这人`, `送你` anywhere
 * in it (`楼上SB和SD`, `SB（Super Boss）@张三`, `老子SB版，你服不服`). Hits of other categories are aimed at no one.
 */
export function aimedAt(text: string, c: Candidate): boolean {
  return c.category === 'insult' && (AIMED_WORDS.test(text) || MENTION.test(text))
}

/** True if the message still pitches (stillPitches) or aims an insult hit at someone (aimedAt). */
export function pitchesOrAims(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  return stillPitches(text, c, allowDomains) || aimedAt(text, c)
}

/**
 * Before an insult in its clause, only who is called it and a copula or a classifier (`你个`, `你才是`, `就是个`,
 * `真是个`, `这货就是`, `什么`): the clause calls someone the insult, it reports no one's words.
 */
const CALLED_BEFORE =
  /^\s*(?:你们?|他们?|她们?|这人|那人|此人|这货|那货|什么)?[就真才也都纯简直根本]*(?:是)?(?:个|一个|一群|一帮)?[大死臭]?$/u
/** After an insult, the rest of its clause when it calls someone it: `一个`, `玩意`, `东西`, a particle (`脑残吧`). */
const CALLED_AFTER = /^(?:一个|玩意儿?|东西)?[吧啊呀嘛哦]?\s*$/u
/** Only 这 or 那 (个, 位) before an insult in its clause: the speaker's own name for whom the clause is about. */
const POINTED_SUBJECT = /^\s*[这那](?:个|位)?$/u
/** The speaker's swagger or a threat at the reader: `老子`, `弄死你`, `打死你`. */
const THREATENED = /老子|(?:弄|打|砍|干|整|揍|搞)死你/u

/**
 * True for an insult hit the speaker says, whatever report or rule around it reads it as someone else's: unquoted, its
 * clause only calls someone it (CALLED_BEFORE and CALLED_AFTER, not both empty: `这人天天发广告，就是个傻逼，别理`,
 * `…，傻逼一个，请勿传播`, `你才是废物`), or the message swaggers or threatens outside its quotations (THREATENED:
 * `截图发你了，楼上这人骂我“脑残”，老子弄死你`), or the clause points at whom it calls so, unquoted (POINTED_SUBJECT:
 * `这傻逼发广告，已举报`). `那人骂我“蠢货”，已举报` and `有人骂我是傻逼，已举报` report it.
 */
export function callsNames(text: string, c: Candidate): boolean {
  if (c.category !== 'insult') return false
  if (THREATENED.test(text.replace(QUOTED, ' '))) return true
  const before = text.slice(edgeBefore(text, c.start, CLAUSE_END), c.start)
  const after = text.slice(c.end, edgeAfter(text, c.end, CLAUSE_END))
  if (POINTED_SUBJECT.test(before) && !OPENING_MARK.test(text.slice(0, c.start))) return true
  return (before.trim() !== '' || after.trim() !== '') && CALLED_BEFORE.test(before) && CALLED_AFTER.test(after)
}

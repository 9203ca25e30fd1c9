/**
 * A banned phrase talked about, not said: denied or forbidden (`不是永久有效`, `禁止私下交易`), quoted or
 * named as words not to say (`别跟客户说“全网最低”`, `包治百病这种词`), in a notice that warns of it
 * (`财务提醒：任何人让你私下转账…`), or kept back (`内部资料请勿外传`). These rules read a few characters of
 * the hit's clause; they run on candidates only. Reported by a member (`那人骂我“蠢货”，已经交给主管处理了`) or
 * named by a rule reminder (`请勿在群内私下转账`) clears a hit too, unless the message offers the reader something;
 * so does a term that is the topic of a rule or notice (`私单一律不算业绩`, `提成比例的调整方案 HR 会单独邮件通知`),
 * forbidden to take part in (`不允许接私单`), labelled a scam (`兼职刷单、扫码进群都是诈骗套路`) or quoted as someone
 * else's post (`刚才那条“内部价格表”的消息是谁发的`).
 */

import { findUrls, isAllowedHost } from './links.js'

/** How a hit is talked about: `drop` (not said at all), `review` (a human should look), or said. */
export type TalkedAbout = 'drop' | 'review' | undefined

/** What ends a clause: the rules read the hit's clause, or its sentence. */
const CLAUSE_END = new Set('，,；;。！!？?\n')
/** What ends a sentence. */
const SENTENCE_END = new Set('。！!？?\n')

/**
 * Negations and prohibitions written directly before a term deny it: `不是永久有效`, `别说全网最低`,
 * `禁止私下交易`, `都不要私下转账`.
 */
const NEGATED =
  /(?:不是|并非|绝非|并不是|别说|不要说|不能说|不敢说|没敢说|不算|禁止|严禁|不要|不准|不许|不允许|不可以|不得|切勿|请勿|杜绝|别)$/u
/**
 * A prohibition, then a verb of posting or doing, before a term in its clause, maybe after other items of
 * a list and a word that closes it: `严禁在客户群发赌博、六合彩`, `广告法不让写包治百病、第一品牌`, `不要在群里讨论提成比例`,
 * `文案不能出现全网最低`, `禁止发布六合彩、百家乐等任何博彩信息`.
 */
const FORBIDDEN_TO_POST =
  /(?:禁止|严禁|不准|不许|不得|切勿|请勿|勿|不要|别|杜绝|不让|不能)[^，,；;。！!？?\n]{0,8}?(?:发布|发送|转发|发|讨论|谈论|宣传|写|刷|参与|从事|传播|出现|使用)的?(?:任何|各种|此类|这类)?(?:[^，,；;。！!？?\n、]{1,8}[、和及与或])*(?:[^，,；;。！!？?\n、]{1,8}?(?:等|之类的?)(?:任何|各种|一切|所有)?)?$/u
/**
 * A prohibition, then with whom, before a term in its clause: `不要与陌生人私下交易`, `切勿跟对方私下转账`; or whom
 * not to make do it, named right before it: `不准让客户私下转账`, `不要引导顾客私下转账` (not `别让老板知道私下转账`).
 */
const FORBIDDEN_WITH =
  /(?:禁止|严禁|不准|不许|不得|切勿|请勿|不要|别|杜绝|不能)(?:(?:与|和|跟|同|向)[^，,；;。！!？?\n、]{1,6}|(?:让|叫|要求|引导|诱导)(?:客户|顾客|用户|买家|对方|别人|他人|任何人|同事|员工|新人|大家)(?:去|来)?)$/u
/**
 * A prohibition, then a verb of taking part (maybe 私自) or 以任何形式, directly before a term: `公司规定不允许接私单`,
 * `严禁私自搞飞单`, `千万别碰刷单`, `不得以任何形式私下转账`. Not a prohibition of something else first (`别走公司走私单`: the verb must follow the prohibition).
 */
const FORBIDDEN_TO_DO =
  /(?:禁止|严禁|不准|不许|不允许|不得|切勿|请勿|杜绝|不要|不能|别)(?:(?:私自|擅自|私下|随便|随意|去)?(?:接|做|搞|走|碰|沾|参与|从事|收)|以任何(?:形式|方式|理由|名义)(?:接|做|搞|走|参与|从事|收)?)$/u
/** A prohibition earlier in a term's clause: `本群不允许拉人进`, `公司严禁员工接`. */
const FORBIDDEN_BEFORE = /(?:禁止|严禁|不准|不许|不允许|不得|切勿|请勿|杜绝|不要|不能|别)[^，,；;。！!？?\n]{0,10}$/u
/**
 * A sanction later in the sentence, which makes a prohibition before a term a rule: `违者移出`, `一经发现立即辞退`,
 * `发现一次踢一次`, `否则直接踢`.
 */
const SANCTION =
  /违者|违反者|违规者|一经发现|一旦发现|一经查实|发现一次|发现(?:后|即|就)?(?:直接|立即|立刻|一律)|否则(?:一律|直接|立即)?(?:踢|移出|清退|禁言|罚|处理|开除|辞退)|一律(?:踢|移出|清退|禁言|处理|开除|辞退|罚)/u
/** After a term right after 以, what names it a pretext: `有不法分子以兼职刷单为名行骗`. */
const PRETEXT_AFTER = /^(?:为名|为幌子|为由|为借口|的名义)/u
/**
 * A crackdown directly before a term: what the platform or the police hunt down (`平台最近严查刷信誉`, `严厉打击跑分`).
 */
const CRACKDOWN = /(?:严查|严打|打击|查处|整治|清查|封杀|取缔)$/u
/**
 * A prohibition, maybe with a verb of saying or using, directly before a list the term ends: `严禁私单、飞单`,
 * `禁止刷单和套现`, `宣传用语不能说绝对安全、第一品牌` (the first item is NEGATED's).
 */
const FORBIDDEN_LIST =
  /(?:禁止|严禁|不准|不许|不允许|不得|切勿|请勿|杜绝|不要|不能|别)(?:说|讲|提|写|用|使用|出现|宣传|承诺)?(?:[^，,；;。！!？?\n、和及]{1,8}[、和及])+$/u
/**
 * A rule of a group's conduct: 不 (maybe 不要, 不准…, maybe where) and a verb of posting before a term, maybe
 * after other items of a list or inside a longer term (`不发广告、不发兼职刷单之类的信息`, `不要在群里传公司要倒闭之类的
 * 谣言`); it needs KIND_AFTER.
 */
const NOT_POSTED =
  /不(?:要|准|许|能|得)?(?:在[^，,；;。！!？?\n、]{1,6})?(?:发|传|转发|散布|散播)(?:[^，,；;。！!？?\n、]{1,8}[、和及与或])*[^，,；;。！!？?\n、]{0,4}$/u
/** After a term, maybe past other items, a word that names it as a kind of post: `之类的信息`, `等谣言`. */
const KIND_AFTER =
  /^(?:[、和及与或][^，,；;。！!？?\n]{1,8}?)*(?:之类|这类|这种|此类|等)的?(?:信息|消息|内容|东西|谣言|广告|话|链接|图片|视频)/u
/**
 * After a term, maybe past other items of a list, a word that names them as things, then a prohibition of
 * passing them on: `客户名单、成本价这些不要发到客户群`, `进货价之类的别往外发`. Without the word it hands the
 * thing over (`内部价格表别外传`, see KEPT_BACK).
 */
const LISTED_FORBIDDEN =
  /^(?:[、和及与或][^，,；;。！!？?\n]{1,8}?)*(?:这些|这类|这种|之类的?|等)(?:资料|信息|东西|内容|数据)?(?:一律|都|均|请|千万)?(?:不要|别|禁止|严禁|不得|不能|切勿|请勿|勿)(?:往外)?(?:发|外传|外发|转|泄露|讨论|给|拿|带)/u
/**
 * A post reported by whom posted it (`有人在群里发兼职刷单的广告`), with what was done about it later in the
 * sentence or the next clause (REMOVED).
 */
const REPORTED_POST =
  /(?:有人|有个人|某人|那人|那个人|有客户|有群友)[^，,；;。！!？?\n]{0,10}?发(?:了|过)?[^，,；;。！!？?\n]{0,6}$/u
/** What an admin did about a post: `已经移出了`, `已删除`, `踢了`; not in vain (`都删了也没用`). */
const REMOVED =
  /(?:(?:已经?|刚刚?|都)(?:被)?(?:移出|移除|踢出|踢了|删除|删了|撤回|处理|举报|拉黑|清理|封)|(?:移出|移除|踢出)(?:了|群))(?![^，,；;。！!？?\n]{0,4}?(?:没用|照样|还会|还是会))/u
/**
 * Words after a term, maybe past other items of a list, that name it as words or a written form:
 * `包治百病、第一品牌这种词`, `群里出现 bjl、ssc 这类缩写`, `发 yuepao 这种拼音的陌生号`.
 */
const NAMED_AFTER =
  /^(?:[、和及与或][^，,；;。！!？?\n]{1,8}?)*\s*(?:这种|这类|这些|此类|之类的?|等)(?:话|词|字眼|说法|用语|极限词|违禁词|敏感词|缩写|拼音|字母|暗语|暗号|黑话|字样|关键词)/u
/**
 * Kept back, directly after a term, in a notice's words: `内部资料请勿外传`, `进货价不方便透露`, `成本价需保密`;
 * or the value deferred to a source: `提成比例以人事邮件为准`. A friend's `别外传` is no notice: `内部价格表别外传`
 * hands it over.
 */
const KEPT_BACK =
  /^(?:的)?(?:一律|都|均|请|需|需要|必须|务必|严格)?(?:(?:请勿|切勿|勿|不得|严禁|禁止|不能|不可|不便|不方便|不予)(?:外传|外泄|泄露|透露|外发|公开|对外|告知|讨论)|保密)|^(?:的|都|一律|均)?以[^，,；;。！!？?\n]{1,12}?为准/u
/**
 * After a term, maybe past other items of a list, a notice that names it a secret and then, in its sentence,
 * forbids passing it on or telling it somewhere: `客户名单、进货价属于公司机密，不要发到任何外部群`,
 * `…，不要在客户群里说`, maybe past a clause that instructs (`…属于公司机密，离职前请交接，不得拷贝`). A secret told (`进货价属于公司机密，我偷偷告诉你`) is no notice.
 */
const SECRET_KEPT =
  /^(?:[、和及与或][^，,；;。！!？?\n]{1,8}?)*(?:都|均|一律)?(?:属于|是|为|系)(?:公司|商业|内部)?(?:机密|秘密|保密信息|保密资料)(?:[^。！!？?\n]{0,6}?|[，,；;][^，,；;。！!？?\n]{0,8}?(?:请|须|需|需要|务必|必须)[^，,；;。！!？?\n]{1,6}[，,；;])(?:不要|别|禁止|严禁|不得|不能|切勿|请勿|勿|不准|不许)(?:私自|随意|随便)?(?:(?:在|往|到|向|对|跟|和)[^，,；;。！!？?\n]{1,6}?)?(?:发|外传|外发|转|泄露|透露|给|说|讲|提|讨论|拷贝|复制|截图|拍照|打印|带走|外借)/u
/** A refusal to tell, after a reported question in the sentence: `客户问进货价的，一律回复不方便透露`. */
const REFUSED = /(?:不方便|不便|不能|不可|不予|不)(?:透露|告知|回答|对外)|无可奉告/u
/** A bound before a price, which it names without giving it: `低于成本价的促销`, `按进货价算`. */
const PRICE_BOUND = /(?:低于|高于|不低于|不高于|接近|超过|按|照)$/u
/** A question about a value right after a term, in its clause: `全网最低卖多少`, `成本价是多少`, `底价什么价`. */
const VALUE_ASKED = /^[^，,；;。！!？?\n]{0,3}?(?:多少|什么价|啥价|几块|几折)/u
/** Who looks a value up or asks for it, before a term in its sentence: `帮我查下`, `问一下`, `比价`. */
const LOOKED_UP = /查|问|打听|搜一下|搜下|比价|了解/u
/** A quotation that is a question: `“你们公司骗人吗”`, reported after 问. */
const QUESTION_END = /[吗呢？?]$/u
/** Who asks 是不是 reports a question (`客户问是不是包治百病`); `你是不是脑残` says it. */
const ASKED = /问|咨询|打听|想知道/u
/** After a denied term, a condition or a promise says it after all: `不是全网最低就退差价`. */
const CONDITION = /^[^，,；;。！!？?\n]*?(?:就|便|的话|退|赔)/u

/**
 * A question reported, directly before a term: `客户问能不能包治百病`, `有人咨询是否永久有效`. Who asks about a claim
 * does not make it.
 */
const ASKED_WHETHER =
  /(?:问|咨询|打听|想知道)[^，,；;。！!？?\n]{0,6}?(?:能不能|是不是|是否|会不会|可不可以|有没有|能否|算不算)$/u
/**
 * After a term (maybe past the rest of its item), maybe past other items of a list and a word that names them, a
 * label of a scam or a crime in its clause: `兼职刷单、日赚几百、扫码进群都是诈骗套路`, `这类号一般是骗子`; not a denial
 * (`兼职刷单不是骗局`).
 */
const SCAM_LABELLED =
  /^[^，,；;。！!？?\n、]{0,4}?(?:[、和及与或][^，,；;。！!？?\n]{1,8}?)*\s*(?:这类|这些|这种|之类的?|等)?[^，,；;。！!？?\n]{0,4}?(?<![不没非])(?:是|属于)(?:典型的|常见的|一种)?(?:诈骗|骗局|骗人|骗子|钓鱼|传销|违法|赌博|虚假)/u
/** A label directly before a term, not denied: `一般是赌博广告`, `属于诈骗信息`. */
const LABEL_BEFORE = /(?<![不没非])(?:是|属于|涉嫌)(?:典型的|常见的|一种)?$/u
/** After a label's term, the kind of post or account it labels: `赌博广告`, `诈骗类信息`, `色情网站`. */
const LABEL_AFTER = /^类?的?(?:广告|信息|链接|网站|平台|内容|套路|骗局|号|账号|小号)/u
/** Who calls what follows a rumour or a smear, before a term in its clause: `有人造谣说公司要倒闭`, `诬蔑我们骗人`. */
const RUMOURED = /(?:造谣|谣传|传谣|诽谤|污蔑|诬蔑|诬陷|抹黑)[^，,；;。！!？?\n]{0,8}$/u
/**
 * What may stand before a term that is the topic of its clause: nothing, a lead (`关于`, `凡是`, `所有`), a
 * notice's heading (`群规第三条：`, `提醒：`), or other topics of a list (`客户名单和内部资料严禁截图外发`).
 */
const TOPIC_BEFORE =
  /^(?:[^，,；;。！!？?\n]{0,8}[:：])?\s*(?:关于|对于|至于|凡是?|所有的?|任何|一切)?\s*(?:[^，,；;。！!？?\n、和及与或:：]{1,8}[、和及与或])*$/u
/** A lead that names what follows as the topic, alone in its clause or not: `关于私单，…`, `所有飞单，…`. */
const TOPIC_LEAD = /(?:关于|对于|至于|凡是?|所有的?|任何|一切)\s*$/u
/**
 * A rule or notice about a topic, after it in its sentence: an invalidation or a penalty (`一律不算业绩`, `一律不管`,
 * `不计入提成`, `会罚款`, `发现直接处理`), a prohibition of passing it on (`严禁截图外发`, `不要在群里讨论`,
 * `不要转到客户群`), a restriction on where it is seen (`只能在 CRM 里看`, `仅限本群`; not `只能找我`, nor where it
 * is done: `只能在APP里操作`), or an
 * announcement by a role of the company (`HR 会单独邮件通知`, `财务统一通知`).
 */
const RULE_AFTER = new RegExp(
  [
    '一律(?:不(?:算|管|认|予|计|准|许|得|能|受理|负责|批|报销|承认|接受|允许|发放)|禁止|按|处理|处罚|开除|辞退|罚|追责|严肃|无效|作废|踢|移出|清退|拉黑|删除|删掉|撤回)',
    '公司(?:一律|概|均|都)?不(?:负责|承担|认|管|受理)',
    '不算(?:业绩|提成|销量|考核|工作量)|不计入|不予(?:认可|受理|承认|报销|结算)|概不负责',
    '(?:严禁|禁止|不得|不准|不许|请勿|切勿|不要)(?:私自|随意|随便)?(?:在[^，,；;。！!？?\\n]{1,6}?)?(?:截图|拍照|外发|外传|转发|泄露|透露|讨论|复制|下载|带出|发到|转到|转给|发给|转进|私下)',
    '仅限(?:本群|内部|员工|公司|本部门)',
    '只能(?:在|通过|由|用|找)(?![我本])[^，,；;。！!？?\\n]{1,12}?(?:看|查)',
    '(?:会|将)被?(?:罚款|处罚|追责|开除|辞退)',
    '(?:HR|hr|人事|财务|行政|公司|总部|领导|主管|经理|部门)[^，,；;。！!？?\\n]{0,8}?通知',
    '发现[^，,；;。！!？?\\n]{0,4}?(?:处理|处罚|开除|辞退|追责|罚款)',
  ].join('|'),
  'u',
)
/**
 * Directly after a term, what says it as a claim or a question, or offers it: `公司要倒闭了，不要外传` tells the
 * claim, `客户名单出售，严禁外传` sells the list.
 */
const SAID_AFTER = /^(?:[了啦吗呢吧有卖拿]|出售|转让|可以|能|低价|便宜|打包|批发|现货)/u
/**
 * A term's clause that holds nothing after it but maybe a value: the term is what is handed over, and a ban in the
 * next clause keeps it between the two (`客户名单，严禁外传`, `进货价八百五，请勿外传`, `底价：1200，严禁外传`).
 */
const BARE_OR_VALUE = /^\s*(?:[:：]|是|为)?\s*(?:$|[0-9]|[〇零二三四五六七八九十两]|一(?![律概经旦]))/u

/**
 * A prohibition, then where, directly before a term: `请勿在群内私下转账`, `不要在客户群里发广告`.
 */
const FORBIDDEN_WHERE = /(?:禁止|严禁|不准|不许|不得|切勿|请勿|不要|不能|别)(?:在|于|往|到)[^，,；;。！!？?\n、]{1,6}$/u
/**
 * After a term (maybe past a few characters of its phrase), a prohibition of sending it to a group or
 * outside: `内部价格表不能发到客户群`, `底价不要转发到群里`. A friend's `别发群里` is no rule: not listed.
 */
const NOT_TO_GROUP =
  /^[^，,；;。！!？?\n]{0,4}?(?:不能|不得|不要|不准|不许|不可|禁止|严禁|请勿|切勿)(?:私自)?(?:发|转发|外发|转|传|外传)(?:到|在|给|进)?(?:客户群|群里|群内|本群|外部|外面|朋友圈|客户)/u
/**
 * After a term (maybe past other quoted items), who says or does it is put out or not backed, maybe in the next
 * clause after who decides: `说“脑残”“废物”的一律踢出`, `群内骂人“蠢货”的，一律移出`, `客户私下转账给个人的，公司一律不认`.
 */
const PUNISHED_AFTER =
  /^[^，,；;。！!？?\n]{0,12}?的(?:人|群友|成员)?(?:[，,][^，,；;。！!？?\n]{0,4}?)?(?:一律|都|直接|立即|将|会|均)(?:被|予以)?(?:踢出|踢掉|踢|移出|清退|警告|罚款|拉黑|禁言|封号|不认|不算|不予|不管|概不负责|开除|辞退|处罚|追责|作废|无效)/u
/**
 * A rule reminder's condition directly before a term, maybe past whose: `发现私单`, `一经发现飞单`, `凡私下转账`,
 * `如有私单`, `凡发现员工私下转账`, `凡发现员工接私单`.
 */
const FOUND =
  /(?:发现|一经发现|一旦发现|凡是?|如有|若有)(?:员工|有人|同事|销售|个人|客户|群友|大家|任何人)?(?:接|做|搞|走|私自)?$/u
/**
 * The rules' condition after a term, maybe past a few characters of its phrase, then what they do about it:
 * `私单一经发现直接开除`, `飞单一旦查实，一律辞退`.
 */
const FOUND_AFTER =
  /^[^，,；;。！!？?\n]{0,8}?(?:一经发现|一旦发现|一经查实|一旦查实|如被发现|被发现)[^。！!？?\n]{0,4}?(?:一律|均|都|将|会|直接|立即)?[^，,；;。！!？?\n]{0,8}?(?:处理|处罚|开除|辞退|追责|罚款|移出|踢出|扣除|扣发|取消|没收)/u
/** What the rules do about it, in the term's sentence: `一律按公司制度处理`, `，将严肃处理`, `直接开除`. */
const DEALT_WITH =
  /^[^。！!？?\n]{0,4}?(?:一律|一经查实|均|都|将|会|必将|直接|立即)[^，,；;。！!？?\n]{0,10}?(?:处理|处罚|开除|辞退|追责|罚款)/u
/**
 * Someone else who said, posted, sent or asked it, earlier in the hit's sentence: `那个号一直发`, `有个号在群里刷`,
 * `那人骂我`, `有客户接到电话说`, `陌生人私聊你说`, `客户投诉说…让他`, `客户转发了一个`, `那个骂客户`, `被人拉进`,
 * `收到一条短信说`, `有人传`, `客户投诉收到`, who came across a post (`遇到说`, `看到有人发`), accounts that post (`很多号在群里发`, `新进群的号一进来就发`), who asks who it was
 * (`谁在群里骂人`); or the
 * post itself pointed at (`群里那条…链接`, `刚才那个发…的`).
 */
const SOMEONE_SAID =
  /(?:有人|有个[^，,；;。！!？?\n]{0,3}?[人号]|(?:很多|好多|不少|一些|有些|几个|那些|这些|(?<![我你])的)(?:账号|小号|号)|那人|那个人|那个号|这个号|那个|某人|陌生人|对方|客户|顾客|用户|买家|网友|群友|骗子|谁|遇到|碰到|看到|见到)[^。！!？?\n]{0,14}?(?:说|发|刷|贴|推|骂|称|讲|喊|问|让|叫|私信|私聊|传|收到|接到)|被(?:人|陌生人|骗子)拉|(?:短信|消息|电话|来电|私信|邮件)[^。！!？?\n]{0,4}?(?:说|称|写)|(?:那条|这条|那则|这则|那张|这张)/u
/**
 * What the reader does about it, later in its sentence: reports it, hands it over, calls it a rumour, asks
 * to check it, ignores it, has put it out or asks an admin to (`我直接拉黑了`, `已经撤了`, `管理员处理一下`,
 * `麻烦踢一下`, `管理员管一下`), denies it is the company's (`不是我们的人`, `不是你们官方吧`, `我说不是`), calls the police or support
 * (`已经报警处理了`, `已经报给客服了`), or warns the group (`这是骗局`, `这是诈骗吧`, `别信`, `是不是骗子啊`, `大家小心`,
 * `大家一定要提醒家里老人`):
 * `已举报`, `我已经截图给管理员了`, `我已经截图了`, `请@管理员`, `已经交给主管处理了`, `这是谣言`, `麻烦核实`, `别理，直接举报`,
 * `我提醒她别加`, `是有人冒充我们`, `纯属谣言`, `请向主管举报`, `请踢掉`; or rebuts it or
 * keeps evidence (`客服已经打电话解释清楚了`, `已澄清`, `法务已经取证了`, `大家别转发`). Not done in vain
 * (`删了也没用`, `报给客服也没用`): `X了` ends its clause.
 */
const REPORTED =
  /(?:已经?举报|直接举报|举报了|截图(?:发|转)?给|截图(?:发|转)(?:主管|管理员?|群主|领导|经理|客服|公司)|交给[^，,；;。！!？?\n]{0,4}处理|是谣言|属于谣言|纯属(?:谣言|造谣|谣传|捏造|虚构)|不实消息|辟谣|(?:请|及时|立即|马上)(?:向[^，,；;。！!？?\n]{1,6}?)?举报|请(?:管理员?|群主)?(?:踢掉|踢出|踢了|移出|删掉|禁言)|澄清|取证|已经?截图(?:了|存证|留证|保存)|@(?:管理员?|群主)|(?:告诉|通知|报告|反馈给|报给)(?:管理员?|群主)|提醒(?:她|他|客户|对方|家人|大家|你)?(?:千万)?(?:别|不要)(?:加|信|转|点|扫|理|上当)|(?:是有人|有人|是)(?:冒充|假冒|冒用)|(?:已经?|已)[^，,；;。！!？?\n]{0,6}?(?:解释|沟通|说明)(?:清楚|过|好)|麻烦核实|请[^，,；;。！!？?\n]{0,5}?核实|核实一下|严肃处理|别理|不要理|不用理|(?:已经?|直接|刚刚?)(?:被)?(?:拉黑|踢|撤|删|封|移出|移除|禁言)|(?:拉黑|踢出?|撤回?|删除?|封号?|移出|移除|禁言)了(?=[吧啊哈哦呀啦嘛]?(?:[，,；;。！!？?\n\s]|$))|(?:管理员?|群主)[^，,；;。！!？?\n]{0,4}?(?:处理|踢|删|撤|移出|移除|禁言|管一下|管管)|处理一下|不是我们|不是你们|不是官方|不是咱们|不是本公司|(?:与|和|跟)我们(?:无关|没关系)|我说不是|报警|报给了?(?:平台|官方)?(?:客服|平台|管理员?|群主|警察|派出所|公司|主管|领导|经理|老板|店长)|怎么(?:回复|回应|答复|应对)|上报|踢一下|删一下|麻烦(?:群主|管理员?)?(?:踢|删|移出)|(?<!不)是(?:骗局|诈骗|骗子|钓鱼)|是骗子吗|是不是骗子|(?:别信|不要信|别上当)(?=[了啊哦吧呀啦]?(?:[，,；;。！!？?\n\s]|$))|大家(?:一定要?|千万|都|要|务必)?(?:别信|不要信|别上当|不要上当|小心|当心|警惕|提高警惕|提醒|注意|别点|不要点|别加|不要加|别扫|不要扫|别转发?|不要转发?|别传|不要传))(?![^，,；;。！!？?\n]{0,4}?(?:没用|照样|还会|还是会))/u
/**
 * A message addressed to an admin or headed as a report, before a hit someone else said: `@管理员 有人发…`,
 * `举报：8 群有人在发…`, `管理员，3 号群有人发…`.
 */
const REPORT_LEAD = /[@＠](?:管理员?|群主)|(?:^|\s)(?:举报|投诉|反馈)[:：]|^(?:管理员?|群主)[，,:：]/u
/**
 * An offer or a call to the reader outside the hit, which keeps a hit its report or reminder would clear:
 * `加我`, `私聊我`, `进群`, `联系我`; a bare `私聊` (`私聊了解`, not `私聊了他`) or who is addressed by what they
 * want (`想做的`, `想了解的`, `有意者`); not who joined (`新进群的号`): a spammer's report
 * (`…，管理员处理一下吧，想做的私聊`) still offers.
 */
const OFFER =
  /加我|加微|私聊(?!了?[他她对])|私信我|私我|找我|联系我|滴滴我|戳我|(?<![新刚])进群|加群|扫码|带你|私发你|发你|转我|转给我|打给我|想(?:做|了解|玩|要|赚|买|参加)的|有意者|有意向的|有兴趣的/u

/**
 * A way to reach someone written out in the message: an account after a contact word (`vx abc12345`, `微信：shui_66`,
 * `v:abc123`, `QQ 123456`), a mobile number, a link. A report or rule reminder never clears a hit of a message that
 * carries one: the message would pass it on all the same (`有人说兼职刷单，加vx abc12345，已举报`). A 400 or 800
 * service number is the company's (`客服电话 4008001234`), no one's account. A rule reminder's own hotline or link
 * is no offer (see reportedOrForbidden).
 */
const CONTACT_DETAILS =
  /(?:(?<![A-Za-z])(?:vx|wx|qq|tel)|v信|微信|威信|薇信|微|薇|扣扣|企鹅|电话|手机)(?:号码?)?\s*[:：]?\s*(?![48]00[-\s]?[0-9]{3}[-\s]?[0-9]{4}(?![0-9]))[A-Za-z0-9][A-Za-z0-9_-]{4,}|(?<![A-Za-z])v\s*[:：\s]\s*[A-Za-z0-9][A-Za-z0-9_-]{4,}|(?<![0-9])1[3-9][0-9]{9}(?![0-9])|https?:\/\/|www\./iu

/**
 * Someone else, directly before a message to the speaker (私聊我, 加我): `有个陌生人私聊我说`, `你那个客户私聊我问`,
 * `他昨天加我说`, `客户今天主动加我微信了`; not who is asked to (`有问题的客户私聊我`, see DM_TOLD).
 */
const DM_FROM =
  /(?<!的)(?:有人|有个[^，,；;。！!？?\n]{0,3}?人|陌生人|客户|对方|那人|那个人|某人|网友|群友|骗子|他|她)(?:刚才|刚刚|刚|昨天|今天|前天|一直|又|也|突然|老是|总是|主动){0,2}$/u
/**
 * What the someone else told or asked the speaker, directly after: `说`, `问`, `推销`, `要`; or that it is done
 * (`加我微信了`).
 */
const DM_TOLD = /^(?:说|问|讲|推销|推荐|要|让|叫|发了|了)/u

/** True for a hit that ends in 我 (`私聊我`) or adds the speaker (`加我微信`): a message to the speaker. */
function toSpeaker(text: string, start: number, end: number): boolean {
  return text[end - 1] === '我' || text.startsWith('加我', start)
}

/** Quotation marks, opening to closing. */
const QUOTES: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '"': '"', "'": "'" }
/** Closing marks that are no opening ones: a quotation that closes before the hit does not hold it. */
const CLOSING = new Set('”’」』')
/** At most this many characters between the quotes around a hit. */
const QUOTED_MAX = 12
/**
 * A prohibition, then a verb of saying, of words showing up or of asking someone, in a clause: `别跟客户说`,
 * `这种话别在群里说`, `话术里不要出现`, `不要在客户群里让人“加我微信”`.
 */
const NOT_TO_SAY =
  /(?:别|不要|不能|不许|不准|不得|禁止|严禁|切勿|避免)[^，,；;。！!？?\n]{0,8}?(?:说|讲|提|写|用|喊|宣传|承诺|出现|让|叫|要求|引导)/u
/**
 * Words after a quotation, maybe past other quotations, that name it as words: `“老板是骗子”这种话`,
 * `“第一”等极限词`, `“傻逼”“滚蛋”这种话`, `“包治百病”“100%有效”等用语`.
 */
const NAMED_AS_WORDS =
  /^(?:[、和及与或]?[“‘「『"][^”’」』"]{1,12}[”’」』"])*(?:这种话|这类话|这句话|这种词|这类词|这个词|这些词|这种说法|等词|等字眼|等用语|等说法|等话术|字眼|违禁词|极限词|敏感词)/u
/**
 * Words after a quotation that name it as a post someone else sent, or its account: `刚才那条“内部价格表”的消息`,
 * `收到“转我个人账户”的短信`, `发“约pao”的小广告`, `刷屏“扫码进群”的号`.
 */
const QUOTED_POST =
  /^的?(?:消息|短信|信息|帖子|广告|小广告|私信|邮件|发言|言论|留言|评论|聊天记录|宣传|文案|号|账号|小号)/u
/** A warning before the hit in its sentence: `警方提醒：“裸聊”敲诈高发`. */
const WARNING = /提醒|提示|警惕|谨防|注意|小心|当心|警示|反诈|防骗/u
/** A verb of saying anywhere in the clause: a quotation that may be reported speech. */
const SAYING = /说|讲|提到|写|喊|称|问/u

/** Someone who asks you to do the hit's thing, in a warning: `任何人让你私下转账`. */
const ASKER =
  /(?:任何人|有人|陌生人|对方|别人|谁)[^，,；;。！!？?\n]{0,6}?(?:让|叫|要|要求|请|找)你[^，,；;。！!？?\n]{0,4}$/u
/** An impostor before the hit: what follows is the impostor's doing, not the speaker's claim. */
const IMPOSTOR = /冒充|假冒|假扮|冒用|伪装成/u
/** A warning or what to trust instead, anywhere in an impostor's sentence. */
const IMPOSTOR_WARNING = /提醒|注意|警惕|谨防|小心|当心|报警|只认|核实|以官方/u

/** How far before a hit its cue may stand (the rules read no further back than this for a quick test). */
const CUE_REACH = 24
/**
 * A table of UTF-16 codes: 1 for a first character of a cue (see QUOTES, WARNING, IMPOSTOR, REPORT_LEAD), 2 for a
 * sentence end.
 */
const CUE_CODES = new Uint8Array(0x10000)
for (const char of '“‘「『"\'提警谨注小当反防冒假伪禁严不切请勿别杜问咨打想有某那陌骂说客现凡查他她对网骗造谣诽污诬抹@＠举投')
  CUE_CODES[char.charCodeAt(0)] = 1
for (const char of SENTENCE_END) CUE_CODES[char.charCodeAt(0)] = 2
/** How far after a hit a cue of NAMED_AFTER or KEPT_BACK may stand. */
const AFTER_REACH = 16
/**
 * A table of UTF-16 codes: 1 for a character of a cue after a hit (NAMED_AFTER, KEPT_BACK, the places of
 * NOT_TO_GROUP, the verbs of PUNISHED_AFTER, the conditions of FOUND_AFTER, the labels of SCAM_LABELLED), 2 for
 * a clause end.
 */
const AFTER_CODES = new Uint8Array(0x10000)
for (const char of '这之等此词话传泄露讨密准群朋外客踢移清警罚拉禁封经旦被骗诈钓违赌虚')
  AFTER_CODES[char.charCodeAt(0)] = 1
for (const char of CLAUSE_END) AFTER_CODES[char.charCodeAt(0)] = 2

/**
 * True if the hit at `start` may be talked about: a negation's last character just before it, a cue's
 * first character at most CUE_REACH characters before it in its sentence, a cue's character after it in its
 * clause or a 的 that ends it (a condition a rule in the next clause punishes, see PUNISHED_AFTER), or a report
 * later in the text (REPORTED). Most hits stop here.
 */
function mayTalkAbout(text: string, start: number, end: number): boolean {
  if (NEGATION_ENDS.has(text[start - 1])) return true
  for (let at = start - 1; at >= 0 && at >= start - CUE_REACH; at--) {
    const cue = CUE_CODES[text.charCodeAt(at)]
    if (cue === 1) return true
    if (cue === 2) break
  }
  for (let at = end; at < text.length && at < end + AFTER_REACH; at++) {
    const cue = AFTER_CODES[text.charCodeAt(at)]
    if (cue === 1) return true
    if (cue === 2) {
      if (text[at - 1] === '的') return true
      break
    }
  }
  if (mayRuleTopic(text, start, end)) return true
  REPORTED_LATER.lastIndex = end
  return REPORTED_LATER.test(text)
}

/** How far after a topic a rule's cue (RULE_AFTER) may stand. */
const RULE_REACH = 40
/** A table of UTF-16 codes: 1 for a character of a cue of RULE_AFTER (一律, 严禁, 罚款, 通知, 只能…), 2 for a sentence end. */
const RULE_CODES = new Uint8Array(0x10000)
for (const char of '律禁罚予负勿通只追辞除算计准许讨截泄透拍传复载现转仅') RULE_CODES[char.charCodeAt(0)] = 1
for (const char of SENTENCE_END) RULE_CODES[char.charCodeAt(0)] = 2

/** True if the hit may be a rule's topic: a character of a rule's cue in its sentence after it, and it starts its clause. */
function mayRuleTopic(text: string, start: number, end: number): boolean {
  for (let at = end; at < text.length && at < end + RULE_REACH; at++) {
    const cue = RULE_CODES[text.charCodeAt(at)]
    if (cue === 2) return false
    if (cue === 1) return TOPIC_BEFORE.test(text.slice(edgeBefore(text, start, CLAUSE_END), start))
  }
  return false
}

/** REPORTED anywhere from lastIndex on: a hit someone else said may be reported in a later clause. */
const REPORTED_LATER = new RegExp(REPORTED.source, 'gu')

/**
 * The last characters of the negations and prohibitions of NEGATED, of the bounds of PRICE_BOUND, of
 * FORBIDDEN_TO_DO and of CRACKDOWN, of the labels of LABEL_BEFORE, and the 以 of a pretext (PRETEXT_AFTER).
 */
const NEGATION_ENDS = new Set('是非说算止禁要准许得勿别绝于近过按照嫌接做搞走碰沾与事收查打击处治杀缔式由义以')

/**
 * How the hit text[start, end) is talked about (a cue at most CUE_REACH characters before it, or
 * AFTER_REACH after it in its clause):
 * - `drop` when negated or forbidden directly before (不是, 并非, 别说, 禁止, 不要…; not with a condition
 *   after: `不是全网最低就退差价`; 是不是 only in a reported question: `客户问是不是包治百病`, not
 *   `你是不是脑残`), or forbidden to post (`严禁在群里发赌博、六合彩`); when named as words
 *   (`包治百病这种词`), kept back or deferred to a source (`内部资料请勿外传`, `提成比例以邮件为准`), asked
 *   about and refused (`客户问进货价的，一律回复不方便透露`), a price named as a bound (`低于成本价`), or a
 *   value looked up (`帮我查下底价是多少`);
 *   when quoted with a prohibition of saying in its clause (`别跟客户说“全网最低”`) or named as words
 *   (`“老板是骗子”这种话`), quoted as a reported question (`客户问“你们公司骗人吗”`), or quoted after a
 *   warning in its sentence (`警方提醒：“裸聊”敲诈高发`); when a warning in its sentence reports who asks you
 *   to do it (`提醒：任何人让你私下转账`); or when it follows an impostor in a sentence that warns
 *   (`有人冒充我们公司骗人，请提醒客户`); when a member reports it or a rule reminder names it, with no
 *   offer to the reader (see reportedOrForbidden); when asked about in a reported question (`客户问能不能包治百病`)
 *   or called a rumour (`有人造谣说公司要倒闭`), or the topic of a rule or notice (see ruleTopic), with no offer;
 *   when forbidden to take part in or hunted down (`不允许接私单`, `严查刷信誉`), labelled a scam with its list or the
 *   label of a post reported (see labelled), or quoted as a post someone else sent (`刚才那条“内部价格表”的消息`), with
 *   no offer;
 * - `review` when quoted in a clause with a verb of saying and nothing more (`他说“第一品牌”`);
 * - undefined otherwise: the term is said (`不是骗子就加我vx` still finds 加我vx).
 */
export function talkedAbout(
  text: string,
  start: number,
  end: number,
  allowDomains: readonly string[] = [],
): TalkedAbout {
  if (!mayTalkAbout(text, start, end)) return undefined
  const clauseFrom = edgeBefore(text, start, CLAUSE_END)
  const clauseTo = edgeAfter(text, end, CLAUSE_END)
  const before = text.slice(clauseFrom, start)
  const after = text.slice(end, clauseTo)
  if (NEGATED.test(before) && !CONDITION.test(after) && (!before.endsWith('是不是') || ASKED.test(before)))
    return 'drop'
  if (FORBIDDEN_TO_POST.test(before) || NAMED_AFTER.test(after) || KEPT_BACK.test(after)) return 'drop'
  if (FORBIDDEN_WITH.test(before) || FORBIDDEN_LIST.test(before) || LISTED_FORBIDDEN.test(after)) return 'drop'
  const pretext = text[start - 1] === '以' && PRETEXT_AFTER.test(after)
  if ((FORBIDDEN_TO_DO.test(before) || CRACKDOWN.test(before) || pretext) && !offers(text, start, end, allowDomains))
    return 'drop'
  if (labelled(text, start, end, clauseFrom, before, after, allowDomains)) return 'drop'
  if (NOT_POSTED.test(before) && KIND_AFTER.test(after)) return 'drop'
  if (SECRET_KEPT.test(text.slice(end, edgeAfter(text, end, SENTENCE_END))) && !offers(text, start, end, allowDomains))
    return 'drop'
  if (
    !offers(text, start, end, allowDomains) &&
    REPORTED_POST.test(before) &&
    REMOVED.test(text.slice(end, edgeAfter(text, edgeAfter(text, end, CLAUSE_END) + 1, CLAUSE_END)))
  )
    return 'drop'
  if (text[end - 1] === '价' && PRICE_BOUND.test(before)) return 'drop'
  if (VALUE_ASKED.test(after) && LOOKED_UP.test(before) && !OFFER.test(text)) return 'drop'
  const sentenceBefore = text.slice(edgeBefore(text, start, SENTENCE_END), start)
  if (ASKED.test(before) && REFUSED.test(text.slice(end, edgeAfter(text, end, SENTENCE_END)))) return 'drop'
  if (reportedOrForbidden(text, start, end, before, after, sentenceBefore, allowDomains)) return 'drop'
  if ((ASKED_WHETHER.test(before) || RUMOURED.test(before)) && !offers(text, start, end, allowDomains)) return 'drop'
  if (ruleTopic(text, start, end, before, after, allowDomains)) return 'drop'
  if (
    toSpeaker(text, start, end) &&
    DM_FROM.test(before) &&
    DM_TOLD.test(after) &&
    !offers(text, start, end, allowDomains)
  )
    return 'drop'
  const quoteEnd = quotedTo(text, clauseFrom, start, end, clauseTo)
  if (quoteEnd >= 0) {
    const clause = text.slice(clauseFrom, clauseTo)
    if (NOT_TO_SAY.test(clause) || NAMED_AS_WORDS.test(text.slice(quoteEnd + 1)) || WARNING.test(sentenceBefore))
      return 'drop'
    if (QUOTED_POST.test(text.slice(quoteEnd + 1)) && reportedPost(text, start, end, sentenceBefore, allowDomains))
      return 'drop'
    if (ASKED.test(text.slice(clauseFrom, start)) && QUESTION_END.test(text.slice(end, quoteEnd))) return 'drop'
    if (SAYING.test(clause)) return 'review'
  }
  if (WARNING.test(sentenceBefore) && ASKER.test(before)) return 'drop'
  if (IMPOSTOR.test(sentenceBefore)) {
    const sentence = text.slice(edgeBefore(text, start, SENTENCE_END), edgeAfter(text, end, SENTENCE_END))
    if (IMPOSTOR_WARNING.test(sentence)) return 'drop'
  }
  return undefined
}

/**
 * True for a term labelled a scam with the other items of its list (`兼职刷单、扫码进群都是诈骗套路`: an offer among
 * the items is no offer), or a term that is the label of a post reported (`这类缩写一般是赌博广告，请直接举报`), with no
 * offer to the reader outside.
 */
function labelled(
  text: string,
  start: number,
  end: number,
  clauseFrom: number,
  before: string,
  after: string,
  allowDomains: readonly string[],
): boolean {
  const scam = SCAM_LABELLED.exec(after)
  if (scam !== null) return !offers(text, clauseFrom, end + scam[0].length, allowDomains)
  if (!LABEL_BEFORE.test(before) || !LABEL_AFTER.test(after)) return false
  REPORTED_LATER.lastIndex = end
  return REPORTED_LATER.test(text) && !offers(text, start, end, allowDomains)
}

/**
 * True for a quoted post (see QUOTED_POST) that someone else sent (SOMEONE_SAID: `刚才那条`, `有客户投诉收到`) or that is
 * reported later (REPORTED), with no offer: `收到“兼职刷单”的短信，点开有惊喜` is a lure, not a report.
 */
function reportedPost(
  text: string,
  start: number,
  end: number,
  sentenceBefore: string,
  allowDomains: readonly string[],
): boolean {
  REPORTED_LATER.lastIndex = end
  return (SOMEONE_SAID.test(sentenceBefore) || REPORTED_LATER.test(text)) && !offers(text, start, end, allowDomains)
}

/**
 * True for a hit a member reports or a rule reminder forbids, with no offer to the reader outside it:
 * forbidden where (`请勿在群内私下转账`), forbidden with a sanction after (`本群不允许拉人进赌博群，发现一次踢一次`), not to
 * be sent to a group (`内部价格表不能发到客户群`), who says it
 * put out (`说“脑残”的一律踢出`), found and dealt with or to be reported (`发现飞单一律严肃处理`, `私单一经发现直接开除`, `如有发现私单行为，请向主管举报`), or said by someone
 * else and reported (`那人骂我“蠢货”，已经交给主管处理了`, `@管理员 有人发…`), maybe in the sentence that answers a question
 * about it (`谁发的…？管理员已经撤回了吧`). What the someone else did to the reader is not the
 * reader's offer (`有人私信我说…，我拉黑了`); contact details written out in the message are (CONTACT_DETAILS).
 */
function reportedOrForbidden(
  text: string,
  start: number,
  end: number,
  before: string,
  after: string,
  sentenceBefore: string,
  allowDomains: readonly string[],
): boolean {
  const sentenceAfter = text.slice(end, edgeAfter(text, end, SENTENCE_END))
  const ruled =
    FORBIDDEN_WHERE.test(before) ||
    NOT_TO_GROUP.test(after) ||
    PUNISHED_AFTER.test(sentenceAfter) ||
    (FOUND.test(before) && (DEALT_WITH.test(sentenceAfter) || REPORTED.test(sentenceAfter))) ||
    FOUND_AFTER.test(sentenceAfter) ||
    (FORBIDDEN_BEFORE.test(before) && SANCTION.test(sentenceAfter))
  let offerBefore = text.slice(0, start)
  if (!ruled) {
    const said = SOMEONE_SAID.exec(sentenceBefore)
    if (
      said === null ||
      !(REPORTED.test(sentenceAfter) || REPORT_LEAD.test(sentenceBefore) || REPORTED.test(answer(text, end)))
    )
      return false
    offerBefore = text.slice(0, start - sentenceBefore.length + said.index)
  }
  return !offers(text, offerBefore.length, end, ruled ? undefined : allowDomains)
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

/**
 * True for a term that is the topic of a rule or notice: it starts its clause (see TOPIC_BEFORE) and a rule
 * follows in its sentence (`私单一律不算业绩`, `客户名单只能在 CRM 里看，严禁截图外发`, `提成比例的调整方案 HR 会单独邮件
 * 通知`), with nothing that says it (`了`, `吗` right after), more than a value in its clause unless a lead names it
 * the topic (`底价：1200，严禁外传` hands it over; `关于飞单，公司会发文件通知` does not) and no offer or handover
 * (`客户名单发你了，严禁外传`).
 */
function ruleTopic(
  text: string,
  start: number,
  end: number,
  before: string,
  after: string,
  allowDomains: readonly string[],
): boolean {
  if (!TOPIC_BEFORE.test(before) || SAID_AFTER.test(text.slice(end, end + 2))) return false
  if (!TOPIC_LEAD.test(before) && BARE_OR_VALUE.test(after)) return false
  if (!RULE_AFTER.test(text.slice(end, Math.min(end + RULE_REACH, edgeAfter(text, end, SENTENCE_END))))) return false
  return !offers(text, start, end, allowDomains)
}

/**
 * True if the message offers the reader something outside text[start, end), or carries contact details
 * (a report never clears those; a link to an allowed domain is the company's own). Without `allowDomains`, a
 * rule reminder's hotline or link is its own: `温馨提示：请勿在群内私下转账，如有疑问请拨打客服电话`,
 * `发现飞单一律严肃处理，举报电话 138…`.
 */
function offers(text: string, start: number, end: number, allowDomains?: readonly string[]): boolean {
  if (OFFER.test(text.slice(0, start)) || OFFER.test(text.slice(end))) return true
  return (
    allowDomains !== undefined && CONTACT_DETAILS.test(text) && CONTACT_DETAILS.test(ownLinksOut(text, allowDomains))
  )
}

/** The text with its links to allowed domains blanked out: the company's own site is no one's contact. */
function ownLinksOut(text: string, allowDomains: readonly string[]): string {
  let out = text
  for (const url of findUrls(text))
    if (isAllowedHost(url.host, allowDomains))
      out = out.slice(0, url.start) + ' '.repeat(url.end - url.start) + out.slice(url.end)
  return out
}

/**
 * The index of the closing quotation mark of a quotation in the clause that holds the hit (at most
 * QUOTED_MAX characters between the marks), or -1.
 */
function quotedTo(text: string, clauseFrom: number, start: number, end: number, clauseTo: number): number {
  for (let open = start - 1; open >= clauseFrom && start - open <= QUOTED_MAX; open--) {
    if (CLOSING.has(text[open])) return -1
    const close = QUOTES[text[open]]
    if (close === undefined) continue
    const at = text.indexOf(close, end)
    return at >= 0 && at < clauseTo && at - open - 1 <= QUOTED_MAX ? at : -1
  }
  return -1
}

/** The index where the clause or sentence holding `at` starts (just after its end mark before `at`). */
function edgeBefore(text: string, at: number, ends: ReadonlySet<string>): number {
  let from = at
  while (from > 0 && !ends.has(text[from - 1])) from--
  return from
}

/** The index of the end mark of the clause or sentence holding `at`, or the text's length. */
function edgeAfter(text: string, at: number, ends: ReadonlySet<string>): number {
  let to = at
  while (to < text.length && !ends.has(text[to])) to++
  return to
}

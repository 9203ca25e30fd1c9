/**
 * Bans and rule statements around a hit, for talkedAbout (talked-about.ts): negations and prohibitions before a term
 * (`不是永久有效`, `禁止私下交易`), a term kept back (`内部资料请勿外传`) or named a secret, and a rule reminder's
 * condition and sanction (`发现私单一律开除`, `违者移出`).
 */

/**
 * Negations and prohibitions written directly before a term deny it: `不是永久有效`, `别说全网最低`,
 * `禁止私下交易`, `都不要私下转账`.
 */
export const NEGATED =
  /(?:不是|并非|绝非|并不是|别说|不要说|不能说|不敢说|没敢说|不算|禁止|严禁|不要|不准|不许|不允许|不可以|不得|切勿|请勿|杜绝|别)$/u
/**
 * A prohibition, then a verb of posting or doing, before a term in its clause, maybe after other items of
 * a list and a word that closes it: `严禁在客户群发赌博、六合彩`, `广告法不让写包治百病、第一品牌`, `不要在群里讨论提成比例`,
 * `文案不能出现全网最低`, `包装上不能印第一品牌`, `禁止发布六合彩、百家乐等任何博彩信息`.
 */
export const FORBIDDEN_TO_POST =
  /(?:禁止|严禁|不准|不许|不得|切勿|请勿|勿|不要|别|杜绝|不让|不能)[^，,；;。！!？?\n]{0,8}?(?:发布|发送|转发|发|讨论|谈论|宣传|写|印|刷|参与|从事|传播|出现|使用)的?(?:任何|各种|此类|这类)?(?:[^，,；;。！!？?\n、]{1,8}[、和及与或])*(?:[^，,；;。！!？?\n、]{1,8}?(?:等|之类的?)(?:任何|各种|一切|所有)?)?$/u
/**
 * The speaker doing what a ban forbids, after it: `…不能印第一品牌，我们照印`, `…，我们都能印`, `我这边也敢写`; rev2.
 */
export const DONE_ANYWAY = /我们?(?:这边?|家)?(?:都|照|照样|也|就|敢|可以|能)+(?:印|写|发|做)/u
/**
 * A prohibition, then with whom, before a term in its clause: `不要与陌生人私下交易`, `切勿跟对方私下转账`; or whom
 * not to make do it, named right before it: `不准让客户私下转账`, `不要引导顾客私下转账` (not `别让老板知道私下转账`).
 */
export const FORBIDDEN_WITH =
  /(?:禁止|严禁|不准|不许|不得|切勿|请勿|不要|别|杜绝|不能)(?:(?:与|和|跟|同|向)[^，,；;。！!？?\n、]{1,6}|(?:让|叫|要求|引导|诱导)(?:客户|顾客|用户|买家|对方|别人|他人|任何人|同事|员工|新人|大家)(?:去|来)?)$/u
/**
 * A prohibition, then a verb of taking part (maybe 私自) or 以任何形式, directly before a term: `公司规定不允许接私单`,
 * `严禁私自搞飞单`, `千万别碰刷单`, `不得以任何形式私下转账`. Not a prohibition of something else first (`别走公司走私单`: the verb must follow the prohibition).
 */
export const FORBIDDEN_TO_DO =
  /(?:禁止|严禁|不准|不许|不允许|不得|切勿|请勿|杜绝|不要|不能|别)(?:(?:私自|擅自|私下|随便|随意|去)?(?:接|做|搞|走|碰|沾|参与|从事|收)|以任何(?:形式|方式|理由|名义)(?:接|做|搞|走|参与|从事|收)?)$/u
/** A prohibition earlier in a term's clause: `本群不允许拉人进`, `公司严禁员工接`. */
export const FORBIDDEN_BEFORE =
  /(?:禁止|严禁|不准|不许|不允许|不得|切勿|请勿|杜绝|不要|不能|别)[^，,；;。！!？?\n]{0,10}$/u
/**
 * A sanction later in the sentence, which makes a prohibition before a term a rule: `违者移出`, `一经发现立即辞退`,
 * `发现一次踢一次`, `否则直接踢`.
 */
export const SANCTION =
  /违者|违反者|违规者|一经发现|一旦发现|一经查实|发现一次|发现(?:后|即|就)?(?:直接|立即|立刻|一律)|否则(?:一律|直接|立即)?(?:踢|移出|清退|禁言|罚|处理|开除|辞退)|一律(?:踢|移出|清退|禁言|处理|开除|辞退|罚)/u
/** After a term right after 以, what names it a pretext: `有不法分子以兼职刷单为名行骗`. */
export const PRETEXT_AFTER = /^[”’」』"]?[^，,；;。！!？?\n]{0,4}?(?:为名|为幌子|为由|为借口|的名义)/u
/** The 以 of a pretext right before its term, maybe before a quotation mark: `以网赌回本为名`, `以“兼职刷单”为名`. */
export const PRETEXT_BEFORE = /以[“‘「『"]?$/u
/**
 * A crackdown directly before a term: what the platform or the police hunt down (`平台最近严查刷信誉`, `严厉打击跑分`).
 */
export const CRACKDOWN = /(?:严查|严打|打击|查处|整治|清查|封杀|取缔)$/u
/**
 * A prohibition, maybe with a verb of saying or using, directly before a list the term ends: `严禁私单、飞单`,
 * `禁止刷单和套现`, `宣传用语不能说绝对安全、第一品牌` (the first item is NEGATED's).
 */
export const FORBIDDEN_LIST =
  /(?:禁止|严禁|不准|不许|不允许|不得|切勿|请勿|杜绝|不要|不能|别)(?:说|讲|提|写|用|使用|出现|宣传|承诺)?(?:[^，,；;。！!？?\n、和及]{1,8}[、和及])+$/u
/**
 * A rule of a group's conduct: 不 (maybe 不要, 不准…, maybe where) and a verb of posting before a term, maybe
 * after other items of a list or inside a longer term (`不发广告、不发兼职刷单之类的信息`, `不要在群里传公司要倒闭之类的
 * 谣言`); it needs KIND_AFTER.
 */
export const NOT_POSTED =
  /不(?:要|准|许|能|得)?(?:在[^，,；;。！!？?\n、]{1,6})?(?:发|传|转发|散布|散播)(?:[^，,；;。！!？?\n、]{1,8}[、和及与或])*[^，,；;。！!？?\n、]{0,4}$/u
/** After a term, maybe past other items, a word that names it as a kind of post: `之类的信息`, `等谣言`. */
export const KIND_AFTER =
  /^(?:[、和及与或][^，,；;。！!？?\n]{1,8}?)*(?:之类|这类|这种|此类|等)的?(?:信息|消息|内容|东西|谣言|广告|话|链接|图片|视频)/u
/**
 * After a term, maybe past other items of a list, a word that names them as things, then a prohibition of
 * passing them on: `客户名单、成本价这些不要发到客户群`, `进货价之类的别往外发`. Without the word it hands the
 * thing over (`内部价格表别外传`, see KEPT_BACK).
 */
export const LISTED_FORBIDDEN =
  /^(?:[、和及与或][^，,；;。！!？?\n]{1,8}?)*(?:这些|这类|这种|之类的?|等)(?:资料|信息|东西|内容|数据)?(?:一律|都|均|请|千万)?(?:不要|别|禁止|严禁|不得|不能|切勿|请勿|勿)(?:往外)?(?:发|外传|外发|转|泄露|讨论|给|拿|带)/u
/**
 * Kept back, directly after a term, in a notice's words: `内部资料请勿外传`, `进货价不方便透露`, `成本价需保密`, or not
 * to be copied or taken out (`客户名单严禁拷贝带走`, `报价单不许拍照`);
 * or the value deferred to a source: `提成比例以人事邮件为准`. A friend's `别外传` is no notice: `内部价格表别外传`
 * hands it over.
 */
export const KEPT_BACK =
  /^(?:的)?(?:一律|都|均|请|需|需要|必须|务必|严格)?(?:(?:请勿|切勿|勿|不得|严禁|禁止|不准|不许|不能|不可|不便|不方便|不予)(?:私自|擅自|随意|随便)?(?:外传|外泄|泄露|透露|外发|公开|对外|告知|讨论|拷贝|复制|截图|拍照|翻拍|打印|带走|带出|外带|外借|转发)|保密)|^(?:的|都|一律|均)?以[^，,；;。！!？?\n]{1,12}?为准/u
/**
 * A ban of passing a thing on, copying or taking it out, maybe where to: `不要发到任何外部群`, `不许拍照`, `严禁拷贝`,
 * `不得私自带走`.
 */
const BAN =
  '(?:不要|别|禁止|严禁|不得|不能|切勿|请勿|勿|不准|不许)(?:私自|擅自|随意|随便)?(?:(?:在|往|到|向|对|跟|和)[^，,；;。！!？?\\n]{1,6}?)?(?:发|外传|外发|转|泄露|透露|给|说|讲|提|讨论|拷贝|复制|截图|拍照|翻拍|打印|带走|带出|外借)'
/**
 * After a term, maybe past other items of a list, a notice that names it a secret and then, in its sentence,
 * forbids passing it on or telling it somewhere: `客户名单、进货价属于公司机密，不要发到任何外部群`,
 * `…，不要在客户群里说`, maybe past a clause that instructs (`…属于公司机密，离职前请交接，不得拷贝`). A secret told (`进货价属于公司机密，我偷偷告诉你`) is no notice.
 */
export const SECRET_KEPT = new RegExp(
  `^(?:[、和及与或][^，,；;。！!？?\\n]{1,8}?)*(?:都|均|一律)?(?:属于|是|为|系)(?:公司|商业|内部)?(?:机密|秘密|保密信息|保密资料)(?:[^。！!？?\\n]{0,6}?|[，,；;][^，,；;。！!？?\\n]{0,8}?(?:请|须|需|需要|务必|必须)[^，,；;。！!？?\\n]{1,6}[，,；;])${BAN}`,
  'u',
)
/**
 * A secret's name as what something is, right before the term: `护理记录属于`, `这份报价单都是`, `图纸系公司` (then
 * `内部资料`); a notice that files a thing under it, when a ban of passing it on follows (see DEFINED_KEPT). Not what
 * is pointed at (`这是`, `这份是`): `这是成本价，别外传` hands it over.
 */
export const DEFINED_AS =
  /(?<![这那份个些张])(?:属于|均属|都属|都是|均为|是|为|系|列为)(?:公司|本店|医院|我们|商业|公司的|本店的|医院的|我们的)?$/u
/**
 * After a term that names what something is (see DEFINED_AS), a ban in its sentence of passing it on, copying or
 * taking it out: `护理记录属于内部资料，不许拍照发朋友圈`, `图纸是商业机密，严禁拷贝`; not a friend's 别 (`别外传`).
 */
export const DEFINED_KEPT = new RegExp(`^[^。！!？?\\n]{0,8}?(?!别)${BAN}`, 'u')
/**
 * Someone's denial of their own deed, right before it: a subject or an adverb of denial, then 没 (有, 未曾, 从未), maybe
 * a verb of taking part: `我没赌博`, `他从来没有私下转账`, `我们根本没接私单`, `压根没碰过网赌`. Not 还没 (`还没下注？`), nor
 * a 没 alone (`没加我微信的`: see DENIED_NOUN).
 */
export const DENIED =
  /(?:(?:我|我们|咱们|本人|他|她|他们|她们|本店|公司)(?:也|都|真的|确实|绝对|根本|从来|从|并|可)?|从来|从|根本|绝对|压根儿?)(?:没有?|未曾|从未)(?:去|在|参与|接|做|搞|碰|收|玩)?过?$/u
/** After a denied term, a 的 that makes it who did not do it: `我没下注的那几期`, `没赌博的人`. */
export const DENIED_NOUN = /^过?的/u
/**
 * A ban on letting someone find out what we or you do, right before the deed: `严禁让客户知道我们私下交易`, `别让老板发现
 * 咱们接私单`, `千万不要让财务看到你在刷单`. It hides the deed, and so does it: a rule keeps a value from someone
 * (`不要让客户知道我们的进货价`), never a deed of ours.
 */
export const CONCEALED =
  /(?:禁止|严禁|不准|不许|不能|不要|别|切勿|不得)让[^，,；;。！!？?\n]{1,8}?(?:知道|发现|看到|看见|听到|听见|察觉|查到|晓得)了?(?:我们|咱们|咱|我|你们|你)(?:在|又|偷偷|私下)?(?:接|做|搞|走|收)?$/u
/**
 * A ban on letting someone know a value, right before it, maybe past whose: `不要让客户知道我们的进货价`, `别让供应商看到
 * 公司的客户名单` keep a secret (for value terms only: `别让老板知道私下转账` hides a deed, see CONCEALED).
 */
export const KEPT_FROM =
  /(?:禁止|严禁|不准|不许|不能|不要|别|切勿|不得)让[^，,；;。！!？?\n]{1,8}?(?:知道|发现|看到|看见|听到|拿到|查到)(?:我们|咱们|公司|店里|门店)?的?$/u
/** After a denied term, a condition or a promise says it after all: `不是全网最低就退差价`. */
export const CONDITION = /^[^，,；;。！!？?\n]*?(?:就|便|的话|退|赔)/u

/**
 * A prohibition, then where, directly before a term: `请勿在群内私下转账`, `不要在客户群里发广告`.
 */
export const FORBIDDEN_WHERE =
  /(?:禁止|严禁|不准|不许|不得|切勿|请勿|不要|不能|别)(?:在|于|往|到)[^，,；;。！!？?\n、]{1,6}$/u
/**
 * After a term (maybe past a few characters of its phrase), a prohibition of sending it to a group or
 * outside: `内部价格表不能发到客户群`, `底价不要转发到群里`. A friend's `别发群里` is no rule: not listed.
 */
export const NOT_TO_GROUP =
  /^[^，,；;。！!？?\n]{0,4}?(?:不能|不得|不要|不准|不许|不可|禁止|严禁|请勿|切勿)(?:私自)?(?:发|转发|外发|转|传|外传)(?:到|在|给|进)?(?:客户群|群里|群内|本群|外部|外面|朋友圈|客户)/u
/**
 * After a term (maybe past other quoted items), who says or does it is put out or not backed, maybe in the next
 * clause after who decides: `说“脑残”“废物”的一律踢出`, `群内骂人“蠢货”的，一律移出`, `客户私下转账给个人的，公司一律不认`;
 * or was: `接私单的销售已经被开除了`, `让客户私下转账的那个员工已被辞退`.
 */
export const PUNISHED_AFTER =
  /^[^，,；;。！!？?\n]{0,12}?的(?:那个|那位|这个|这位|几个)?(?:人|群友|成员|员工|同事|销售|店员|导购|业务员|老师|客服|顾问|师傅)?(?:[，,][^，,；;。！!？?\n]{0,4}?)?(?:一律|都|直接|立即|将|会|均|已经?|已)(?:被|予以)?(?:踢出|踢掉|踢|移出|清退|警告|罚款|拉黑|禁言|封号|不认|不算|不予|不管|概不负责|开除|辞退|处罚|追责|作废|无效)/u
/**
 * A rule reminder's condition directly before a term, maybe past whose: `发现私单`, `一经发现飞单`, `凡私下转账`,
 * `如有私单`, `凡发现员工私下转账`, `凡发现员工接私单`.
 */
export const FOUND =
  /(?:发现|一经发现|一旦发现|凡是?|如有|若有)(?:员工|有人|同事|销售|个人|客户|群友|大家|任何人)?(?:接|做|搞|走|私自)?$/u
/**
 * The rules' condition after a term, maybe past a few characters of its phrase, then what they do about it:
 * `私单一经发现直接开除`, `飞单一旦查实，一律辞退`.
 */
export const FOUND_AFTER =
  /^[^，,；;。！!？?\n]{0,8}?(?:一经发现|一旦发现|一经查实|一旦查实|如被发现|被发现)[^。！!？?\n]{0,4}?(?:一律|均|都|将|会|直接|立即)?[^，,；;。！!？?\n]{0,8}?(?:处理|处罚|开除|辞退|追责|罚款|移出|踢出|扣除|扣发|取消|没收)/u
/** What the rules do about it, in the term's sentence: `一律按公司制度处理`, `，将严肃处理`, `直接开除`. */
export const DEALT_WITH =
  /^[^。！!？?\n]{0,4}?(?:一律|一经查实|均|都|将|会|必将|直接|立即)[^，,；;。！!？?\n]{0,10}?(?:处理|处罚|开除|辞退|追责|罚款)/u
/**
 * A formal prohibition, then who before a term in its clause: a person (`严禁员工`, `禁止销售人员`, `不许你们`,
 * `严禁任何人`), maybe with whom (`严禁司机与乘客`, `禁止员工跟供应商`, `不准房东和租客`). Not a ban on something else
 * first (`禁止外传`, `不准骂人`), nor a condition (`不允许的话就`), nor a ban on letting someone do or know it
 * (`严禁让客户知道我们`).
 */
export const FORBIDDEN_WHO =
  /(?:禁止|严禁|不准(?![备确时])|不许|不允许|杜绝|不得(?![不了]))(?:(?:任何|所有|各位|全体|其他)?(?:人|[^，,；;。！!？?\n、让叫知就话骂打拉找带约骗:：]{0,5}?[员工者们师长主客生东户商手家方]))(?:(?:与|和|跟|同|向|对|给)[^，,；;。！!？?\n、让叫知就话:：]{1,6})?$/u
/**
 * A rules heading at the start of a term's sentence, then at most a few characters of the term's clause: `代驾群规：拉`,
 * `店规：接`, `员工手册：泄露`, `第三条：骂客户`, `车队规定：和乘客`.
 */
export const RULES_HEADED =
  /^[^，,；;。！!？?\n:：]{0,8}?(?:群规|店规|规定|规则|守则|制度|须知|手册|条例|公约|红线|纪律|规章|规范|第[一二三四五六七八九十0-9]+条)[^，,；;。！!？?\n:：]{0,4}?[:：]\s*[^，,；;。！!？?\n]{0,8}$/u
/**
 * A sanction after a term under a rules heading, in its clause past a few characters or at the start of the next:
 * `直接开除`, `链接立即移出`, `，罚款五百`, `，直接停单`.
 */
export const SANCTION_AFTER =
  /^[^，,；;。！!？?\n]{0,6}?(?:[，,；;]\s*)?(?:直接|立即|立刻|马上|一律|当场|将|会|予以)?被?(?:开除|辞退|踢出?|移出|清退|罚款?|扣(?:分|钱|款|工资|绩效|奖金)|停单|封号|拉黑|禁言|处分|处罚|追责|解约|解聘|劝退)/u

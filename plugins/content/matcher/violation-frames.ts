/**
 * The broad shape of a message about a violation (issue #22, freport), read by talked-about-frames.ts beside its report
 * and rule words: a case handled or punished (`扣当月绩效`, `被罚了两百`, `已被约谈`, `永久封禁`), a short ban (`禁发`), a
 * question whether something is allowed (`我可以发给他吗`, `违不违规`, `会不会被封`), training or teaching (`培训`,
 * `员工守则`, `讲了…的危害`); someone else as the doer (`小陈`, `王某`, `销售员`, `2人`), and the term in a nominalised
 * position (`泄露内部资料事件`, `私单一次`, `…的危害`). The speaker offering is never read here: framedAsReport keeps
 * its pitch guard, own pitch, aim and value checks for every hit these words clear.
 */

/** A clause's characters, not its end. */
const C = '[^，,；;。！!？?\\n]'

/**
 * A case handled or punished: a fine or a deduction (`罚款`, `被罚`, `扣当月绩效`, `扣了一个月工资`), a formal sanction
 * (`记过`, `处分`, `停职`, `停岗`, `辞退`, `开除`, `解约`, `取消…资格`, `通报批评`), an interview or an inquiry
 * (`约谈`, `经核实`, `了解情况`, `介入`, `立案`), an account or a post stopped (`封禁`, `拦截`, `屏蔽`, `已下架`), a case
 * handed over (`移交`, `交由法务处理`, `刑拘`, `报了警`), made public (`曝光`), criticised (`批评`), a handling counted
 * (`处理三起`), told to whoever is in charge (`告诉班主任了`, `私信群主`), a lesson drawn (`引以为戒`), a request refused
 * (`她没答应`, `婉拒`), a victim (`被人骗`). Not a pitch's `防拦截`,
 * `不扣钱`, `曝光率`, `核实身份后拉你进群`, `下架前最后一批`.
 */
export const HANDLED = new RegExp(
  [
    '(?<![不免])罚(?:款|了|钱|金|单)|被罚|处罚|(?<![不免])扣(?:了|掉|除)?(?:当月|本月|全月|一个月|半个月|年终)?(?:绩效|奖金|工资|提成|分|薪)',
    `记(?:大)?过|处分|警告处理|停职|停岗|停工|辞退|开除|解约|解聘|取消${C}{0,6}?资格|通报批评|严肃处理|追责|问责`,
    '约谈|(?:已经?|经|正在|请[^，,；;。！!？?\\n]{0,4}?)核实(?!身份)|了解情况|已?介入|立案|(?<![防免])封禁|(?<![防免])拦截|屏蔽了|(?:已经?|被|已被)下架|移交|刑拘|拘留|(?<!被)曝光(?!率|度)',
    `处理(?:[一二两三四五六七八九十几0-9]+)(?:起|次|条|个|人)|已道歉|整改|批评|报了警|交由${C}{0,6}处理`,
    '引以为戒|以儆效尤|敲响警钟|吸取教训|(?:没有?|不)(?:答应|同意)|拒绝了|婉拒|被[^，,；;。！!？?\\n]{0,2}骗',
    '(?:告诉|告知|转告|汇报给|报告给?|私信|反映给)了?(?:班主任|老师|管理员?|群主|主管|经理|领导|店长|站长|物业|保安|警察|学校|公司|平台|人事|HR)',
  ].join('|'),
  'u',
)

/** A short ban: `禁发`, `禁传`, `禁售`, `禁加`, `谢绝`; not `不禁`, `情不自禁`. */
export const BANNED_SHORT = /(?<![不自])禁(?:发|传|售|用|刷|加|拉|晒|转|聊)|谢绝/u

/**
 * A question whether something is allowed: the speaker's own deed asked (`我可以发给他吗`), a request (`能答应吗`),
 * a case (`这个允许吗`), `违不违规`, `算违规吗`, `会不会被封`, `要不要上报`, `合规吗`. Not someone asked to do it
 * (`群主可以发点…吗` asks for it).
 */
export const ALLOWED_ASKED = new RegExp(
  [
    `(?:我|我们|咱|咱们)也?(?:可以|能|可不可以|能不能|能否)${C}{0,8}?(?:吗|么|嘛)(?=$|[？?。！!\\s])`,
    '(?:能|可以)(?:答应|同意)(?:吗|么|嘛)?|这(?:样|个|么做|种情况)?(?:允许|可以|行|合适)(?:吗|么|嘛)|(?:允许|准许)(?:吗|么|嘛)',
    '违不违规|违规(?:吗|么|嘛)|算不算违规|是不是违规|属不属于违规|合(?:不合)?规(?:吗|么|嘛)?(?=[？?])',
    `会不会被(?:封|罚|踢|删|禁|处理|投诉|举报)|会被(?:封|罚|踢|删|禁)${C}{0,4}?(?:吗|么|嘛)|要不要(?:上报|举报|处理|回复)`,
  ].join('|'),
  'u',
)

/**
 * Training or teaching, weaker than a rule (a course may be pitched too), so it clears named terms only: `培训`,
 * `员工守则`, `员工手册`, `管理制度`, `案例`, `复盘`, `警示`, `课上`, `讲座`, `周会统一讲解`.
 */
export const TAUGHT = /培训|守则|手册|制度|案例|复盘|警示|课上|课件|讲座|科普|宣讲|讲解|周会|例会/u

/**
 * Someone else as the doer before the term in its clause: a person named by a surname (`小陈`, `老王`, `王某`, `李某`),
 * a role (`销售员`, `导购`, `店员`, `业务员`, `司机`, `骑手`, `教练`, `伙计`, `前台`, `保安`), a count of people (`2人`,
 * `一名员工`), `该账号`, `此人`.
 */
export const DOER = new RegExp(
  [
    '(?:小|老)[王李张刘陈杨黄赵吴周徐孙马朱胡郭林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏方邹熊孟秦邱侯江薛段雷龙史陶贺毛郝顾邵武钱戴严莫孔汤康乔赖]',
    '[王李张刘陈杨黄赵吴周徐孙马朱胡郭林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏方邹熊孟秦邱侯江]某',
    '某(?:人|员工|销售|店员|门店|司机|骑手|教练|老师|业务员|男子|女子|商家|账号|公司)',
    '销售员?|导购|店员|业务员|代理人|司机|骑手|教练|伙计|前台|保安|员工|师傅|客服|专员|顾问|经纪人|该账号|该号|此人|该员工|该店',
    '[一二两三四五六七八九十0-9]+(?:人|名|个人|位)',
  ].join('|'),
  'u',
)

/**
 * The term in a nominalised position, right after it: an incident or a deed named (`事件`, `行为`, `一事`, `案`,
 * `问题`, `现象`, `纠纷`), counted (`一次`, `两起`), or what it does named (`的危害`, `的风险`, `的套路`, `的后果`, `的事`).
 * Not who does it (`…的人` invites: `扫码进群的人都有红包`); talked-about-frames.ts reads it for topics and deeds only.
 */
export const NOMINALISED_AFTER =
  /^[”」』》’"]?(?:事件|行为|一事|案件?|问题|现象|纠纷|风波|[一二两三四五六七八九十几多0-9]+(?:次|起|例|回)(?=$|[，,；;。！!？?\s])|的(?:危害|风险|套路|后果|骗局|陷阱|事|行为|现象|原因|问题|案例|处理))/u

/**
 * A verb of reporting, stopping or punishing right before the term in its clause, the term its object: `拦截刷单广告`,
 * `举报了约炮的号`, `投诉私下交易`, `清理一批赌博链接`, `谢绝私下交易`, `被人骗去兼职刷单`; not an imperative after it (`投诉请扫码进群`).
 */
export const HANDLED_BEFORE =
  /(?:举报|投诉|拦截|删除|删掉|屏蔽|清理|查处|打击|抵制|曝光|封禁|上报|拉黑|处理|谢绝|被人?骗(?:去|进|来)?)(?:了|掉)?(?:[一二两三四五六七八九十几0-9]+[条个批起次])?[^，,；;。！!？?\n请找联点扫加私进来去就可]{0,4}$/u

/** A fine's amount right after its verb (`罚款一万元`, `被罚了两百`), which is no price the speaker asks. */
export const FINE_AMOUNT = /罚(?:款|了|金)?[零一二两三四五六七八九十百千万0-9.]+(?:元|块|块钱)?/gu

/**
 * The term as the subject of a verdict in its clause: `低价出售公司样品属于违规`, `私下收费算违纪`, `泄露客户名单是违法的`,
 * `“公司要倒闭”系谣言`.
 */
export const VERDICT_AFTER =
  /^[”」』》’"]?[^，,；;。！!？?\n]{0,10}?(?:属于|算是?|都算|就是|是|系|构成|涉嫌)(?:一种|严重|明显|典型)?(?:的)?(?:违规|违法|违纪|违禁|违约|犯罪|诈骗|谣言|欺诈|不实)/u

/**
 * The speaker as the other side of the deed right after the hit in its clause (`顾客私下转账给我有折扣`, `客户私下交易和我
 * 联系`; revreport): a customer's deal with the speaker is the speaker's deal, not someone else's reported one.
 */
const WITH_SPEAKER = /^[^，,；;。！!？?\n]{0,3}?(?:给|找|跟|和|向|与|同)(?:我|本人|咱)/u

/** True if the speaker is the other side of the deed hit ending at `end` (WITH_SPEAKER), with no case handled (HANDLED). */
export function withSpeaker(text: string, end: number): boolean {
  return WITH_SPEAKER.test(text.slice(end)) && !HANDLED.test(text)
}

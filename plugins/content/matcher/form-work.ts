/**
 * Readings of a hit as the company's own work: its premises walked, safety required of the work, its own gifts and
 * groups, things handed in inside it. They run on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { clauseBefore } from './form-clause.js'

/** A place on the company's premises after 公司: `正门`, `东侧门`, `门口`, `楼道`, `停车场`. */
const PREMISES_AFTER = /^的?(?:[正大侧前后东西南北小]?侧?门|楼道|楼梯|通道|走廊|停车场|电梯|院子?)/u
/** A road by the company after 公司: `那条路`, `门前那段路` (not `那条路子`, a channel). */
const ROAD_AFTER = /^(?:门前|门口|楼下)?(?:的|那|这)?[条段]路(?!子)/u
/** Where the company stands, after 公司: `那边`, `那儿`, `那里`. */
const THERE_AFTER = /^(?:那边|那儿|那里)/u

/**
 * True for a term of going round the company (不走公司, 绕过公司) followed by a place on its premises, or, in a
 * message with no word of a deal, by a road by it, a journey, or where the company stands in a message that makes
 * a journey: a way walked, not a deal (`下班不走公司正门`, `不走公司东侧门`, `明天不走公司那条路了`, `我今天不走公司了，
 * 直接从家出发`, `我直接去工地，不走公司那边了`). `不走公司账户`, `这单不走公司了，直接从家出发去收钱`,
 * `这单不走公司那条路了，钱直接转我` and `不走公司那边，直接找我` stay hits.
 */
export function namesPremises(text: string, c: Candidate): boolean {
  if (!/[走绕]/u.test(c.term) || !text.endsWith('公司', c.end)) return false
  const after = text.slice(c.end)
  if (PREMISES_AFTER.test(after)) return true
  const way = ROAD_AFTER.test(after) || JOURNEY.test(after) || (THERE_AFTER.test(after) && JOURNEY.test(text))
  return way && !DEAL_WORDS.test(text)
}

/** A journey made instead, after not going to the office: `直接从家出发`, `去现场`, `下班回家`. */
const JOURNEY = /从家|出发|回家|直接去|直接过去|去现场|到现场|上班|下班|打卡|到岗/u
/**
 * Words of a deal anywhere in the message: then 不走公司 is a deal kept from the company (`这单不走公司了`,
 * `不走公司那边，现金给我`).
 */
const DEAL_WORDS = /单|款|钱|账|转|价|私下|合同|付|收费|现金|便宜|优惠|给我/u

/** Claims of safety: 绝对安全, 零风险. */
const SAFETY = /安全|风险/u
/** An obligation directly before a claim: `必须做到`, `务必确保`, `一定要`, `确保`. */
const OBLIGATION = /(?:(?:必须|务必|一定要|一定得|要求|要)(?:做到|保证|确保|达到)?|确保)$/u
/** A step of the work that waits for the claim, right after it: `再干活`, `后才能施工`, `方可进场`. */
const WORK_WAITS = /^(?:之?后|以后)?(?:再|才能?|才可以|方可)/u
/**
 * Words of a sale or of a product's effects anywhere in the message: then the obligation is a promise to a
 * buyer (`放心购买`, `必须绝对安全，无任何副作用`).
 */
export const SALE_WORDS = /购买|买|下单|放心|产品|本品|我们|客户用|售|副作用|功效|疗效/u

/** Words of work done on site: `高空`, `安装`, `作业`, `施工`, gear (`安全绳`, `安全帽`), `断电`. */
const SITE_WORK = /高空|登高|安装|作业|施工|动火|断电|停电|拆装|维修|安全绳|安全带|安全帽|护目镜|绝缘/u
/** An obligation anywhere before the claim: `一定要系安全绳，保证绝对安全`. */
const OBLIGED_EARLIER = /必须|务必|一定要|一定得|记得|要求|注意/u

/**
 * True for a claim of safety (绝对安全, 零风险) right after an obligation (`必须做到`, `要`), or before a step of the
 * work that waits for it (`保证绝对安全再干活`), in a message with no word of a sale: a rule of the work, not an
 * ad's claim (`高空安装必须做到绝对安全`, `动火作业务必零风险`, `先断电，确保绝对安全`, `现场要绝对安全`).
 * So is one after an obligation earlier in a message about work on site (`高空安装一定要系安全绳，保证绝对安全`,
 * `断电作业务必挂牌，做到零风险`). `本产品绝对安全`, `质量必须绝对安全，放心购买`, `我们确保绝对安全` and `保证绝对安全`
 * (how an ad says it, `上门安装，保证绝对安全` too) stay hits.
 */
export function requiresSafety(text: string, c: Candidate): boolean {
  if (!SAFETY.test(c.term) || SALE_WORDS.test(text)) return false
  if (OBLIGATION.test(text.slice(Math.max(0, c.start - 6), c.start)) || WORK_WAITS.test(text.slice(c.end, c.end + 4)))
    return true
  const before = text.slice(0, c.start)
  return SITE_WORK.test(before) && OBLIGED_EARLIER.test(before)
}

/**
 * A gift of the company to its own customers: `老客户`, `到店`, `每户限一次`, `凭购机发票`, or a service turned on
 * in the company's own channel (`在小程序里开通`, `公众号预约`).
 */
const OWN_CUSTOMERS =
  /老客户|老顾客|老用户|到店|门店|每户限|每人限|凭(?:购物|购机|购买|订单|发票|小票|收据)|(?:小程序|公众号|官网|App|APP)里?(?:开通|预约|登记)/u
/** A way to reach someone outside the company: then the gift is bait (`老客户免费领取，加我微信`). */
export const OUTSIDE_REACH = /加我|私聊|私信|联系我|微信|vx|wx|v信|扫码|链接|点击|http|www\./iu

/**
 * True for a free gift (免费领取, 免费送) the company gives its own customers (`老客户免费领取滤芯一支`,
 * `关注公众号，到店免费领取滤水壶`, `免费领取滤芯更换提醒服务，在小程序里开通就行`), with no way to reach someone else
 * in the message: the company's own promotion, not an ad. `关注公众号免费领取兼职资料` and `老客户免费领取，加我微信` stay hits.
 */
export function promotesOwn(text: string, c: Candidate): boolean {
  return c.term.startsWith('免费') && OWN_CUSTOMERS.test(text) && !OUTSIDE_REACH.test(text)
}

/** Terms that invite to a group or to scan a code. */
const JOIN_TERM = /扫码|进群|入群|加群/u
/** The company's own printed or online material, just before a term: `门店海报上的`, `说明书里的`, `公众号的`. */
const OWN_MATERIAL_BEFORE =
  /(?:海报|说明书|包装盒?|宣传单|宣传册|展架|易拉宝|保修卡|官网|公众号|小程序|门店|店里)(?:上|里|内|中)?的$/u

/**
 * True for an invitation to a group named as printed on the company's own material (`门店海报上的扫码进群是我们
 * 的售后群`), with no other way to reach someone in the message: the company's own group, not an ad.
 * `扫码进群领红包` and `海报上的扫码进群不算，加我微信进内部群` stay hits.
 */
export function invitesToOwnGroup(text: string, c: Candidate): boolean {
  if (!JOIN_TERM.test(c.term) || !OWN_MATERIAL_BEFORE.test(clauseBefore(text, c.start))) return false
  return !OUTSIDE_REACH.test(text.slice(0, c.start) + text.slice(c.end))
}

/**
 * Handed in to a role inside the company, or put in its systems, right after a term (maybe past a polite
 * word): `请发给主管`, `统一交给财务`, `汇总给经理`, `录进 CRM`, `放企业微盘`.
 */
const HANDED_INSIDE =
  /(?:请|麻烦|都|统一|一律|记得|尽快)*(?:(?:发给|交给|报给|提交给|转给|汇总给|上交给|发到)(?:部门|区域|片区)?(?:主管|经理|领导|组长|财务|人事|HR|hr|总部|老板|店长|总监)|(?:录进|录入|导入|上传到|填进|填到|同步到|放进|放到|放在|存到|存在|放|在)\s?(?:公司的?)?(?:CRM|crm|系统|OA|oa|ERP|erp|企业微盘|共享盘|内网))/uy

/**
 * True for a hit handed in to a role inside the company (`客户名单请发给主管`, `进货价汇总给财务`) or entered in
 * or kept in its own systems (`客户名单录进 CRM`, `内部资料放企业微盘了`): internal work, not a leak.
 * `客户名单发给我` and `客户名单发到群里` stay hits.
 */
export function handedInside(text: string, c: Candidate): boolean {
  HANDED_INSIDE.lastIndex = c.end
  return HANDED_INSIDE.test(text)
}

/**
 * Readings of a hit as the name of a shop, a firm, a place or a brand, from the words written after it (`百佳乐超市`,
 * `佳薇花店`, `柏家乐小区`, `GD Energy`, `SB 型号`). They run on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { SWAP_KINDS } from './expand.js'
import { isWordAt, wordTables } from './expansion-data.js'
import { SCORN } from './scorn.js'
import { pitchesOrAims, stillPitches } from './pitch-guard.js'
import { segmentsOf } from './word-segments.js'

/** Shops, businesses and trades of a kind, after a name: `百佳乐超市`, `老王商行`, `家薇装饰`, `伯才文化`, `斯丹光学`. */
const SHOPS = [
  '超市',
  '商行',
  '商店',
  '门店',
  '便利店',
  '专卖店',
  '药店',
  '药房',
  '饭店',
  '酒店',
  '餐厅',
  '餐馆',
  '宾馆',
  '旅馆',
  '五金',
  '百货',
  '商场',
  '批发部',
  '维修部',
  '水果店',
  // A business's kind after its name: `家薇装饰`, `佳威科技`, `伯才文化`, `白家乐影楼`.
  '装饰',
  '装修',
  '公司',
  '科技',
  '建材',
  '家居',
  '家具',
  '贸易',
  '物业',
  '工作室',
  '设计',
  '教育',
  '婚纱',
  '摄影',
  '影楼',
  '美容',
  '美发',
  '美妆',
  '传媒',
  '文化',
  '印刷',
  '餐饮',
  '物流',
  '快递',
  '茶行',
  '茶楼',
  '酒楼',
  '诊所',
  '门诊',
  '幼儿园',
  '驾校',
  '俱乐部',
  '旅行社',
  '事务所',
  '商贸',
  '实业',
  // A firm's trade after its name: `斯丹光学`, `伯才电器`, `家薇门窗`.
  '光学',
  '眼镜',
  '电器',
  '家电',
  '电气',
  '通讯',
  '机械',
  '汽配',
  '汽修',
  '医药',
  '药业',
  '医疗',
  '生物',
  '食品',
  '服饰',
  '服装',
  '鞋业',
  '纺织',
  '家纺',
  '门窗',
  '陶瓷',
  '卫浴',
  '灯饰',
  '照明',
  '化工',
  '塑胶',
  '模具',
  '钢材',
  '包装',
  '广告',
  '租赁',
  '置业',
  '地产',
  '环保',
  '能源',
  '母婴',
  '珠宝',
  '钟表',
  '乐器',
  '印务',
  '制衣',
  '建筑',
  '劳务',
  '家政',
  '保洁',
  '地板',
  '涂料',
  '石材',
  // A club's or a dealer's kind after its name: `司丹健身的团课`, `伯才瑜伽`, `家薇汽车`.
  '健身',
  '瑜伽',
  '体育',
  '汽车',
  '车业',
  '二手车',
]
/** The first characters of SHOPS: a quick test before the list. */
const SHOP_FIRST = new Set(SHOPS.map(shop => shop[0]))

/**
 * A shop's line of business (or its street) and the word for the shop after a name, as one run of ideographs:
 * `花店`, `书店`, `东路店`, `农庄`, `面馆`, `豆腐坊`, `杂货铺`.
 */
const SHOP_RUN = /^(\p{Script=Han}{1,3}?)[店庄馆坊铺]/u
/**
 * A small shop's goods and its house after a name: `茶舍`, `茶社`, `书斋`, `琴房`, `花坊`, `酒吧`, `咖啡屋`. 舍, 斋, 轩, 阁,
 * 社, 室 and 吧 name a shop only after the goods sold or taught there (宿舍, 不舍 and 好吧 are no shops). 棋 is left
 * out: a 棋社 or 棋室 is where cards are played for money (`伯才棋社今晚开局`).
 */
const GOODS_HOUSE = /^(?:茶|书|琴|花|酒|画|陶|墨|香|咖啡)(?:舍|社|斋|轩|阁|室|吧|屋|苑|坊)/u
/**
 * Characters that make the run a clause, not a line of business: particles, pronouns, numerals, the verbs an
 * offer puts between a contact and a shop (`加薇到店领取`, `加薇咨询门店`, `佳薇进店有礼`, `加薇预约到店`), and what
 * names a platform rather than a shop (网店, 官方店, 赌, 钱庄).
 */
export const CLAUSE_CHARACTERS = new Set(
  '的了着过到进来去回在和跟与同找送领取给是就请可有要把被让带拉加入问约逛看买购订选试享免咨询预联系解速私赌钱网官你我他她们这那一二三四五六七八九十两几',
)

/**
 * True for a swap form (homophone, toneless, look-alike) followed by the kind of shop or business it names
 * (SHOPS: `百佳乐超市`, `家薇装饰的尾款`, `伯才文化的合同`, `斯丹光学的镜片`), or by a line of business or a street and
 * a word for a shop (`佳薇花店`, `白家乐面馆`, `伯才东路店`), or by a small shop's goods and house (GOODS_HOUSE:
 * `佳薇茶舍`), or by the noun of a place (see namesPlace: `柏家乐小区`): a shop's, a firm's or a place's name.
 * `百佳乐真人荷官`, `加薇到店领取`, `佳薇咨询门店地址`, the term as written (`加薇美妆店`) and a message that still pitches
 * (see stillPitches: `博采科技的李经理：返水百分之三`) stay hits.
 */
export function namesShop(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never)) return false
  const run = SHOP_RUN.exec(text.slice(c.end, c.end + 4))
  const named =
    (SHOP_FIRST.has(text[c.end]) && SHOPS.some(shop => text.startsWith(shop, c.end))) ||
    (run !== null && ![...run[1]].some(ch => CLAUSE_CHARACTERS.has(ch))) ||
    GOODS_HOUSE.test(text.slice(c.end, c.end + 4)) ||
    namesPlace(text, c.end)
  return named && !stillPitches(text, c, allowDomains)
}

/**
 * The last characters of nouns for a place people live, work, learn or buy in: 药房, 小区, 花园, 公寓, 大厦, 医院, 工厂,
 * 酒楼, 广场, 车站, 小学, 车行, 中心. A noun ends in one when CC-CEDICT has its last two characters as a word, or the
 * segmenter reads it as one word (健身房; not 写字|楼, 停车|场, which it splits: see namesPlace).
 */
const PLACE_HEADS = new Set('房区园寓苑厦院厂楼场站学行心')
/**
 * Characters before a place's noun that make it what a person does there or a platform's part, not a place: living,
 * renting, leaving, selling, going up or out, learning (开房, 租房, 住院, 退房, 售楼, 上楼, 出厂, 教学, 留学), a
 * site's or a game's part (专区, 游戏区, 分站, 主场, 现场, 娱乐场), and what a clause holds (see CLAUSE_CHARACTERS).
 */
const PLACE_VERBS = new Set('开租住退售上下出专游戏娱博彩注教留自现登主赛分总')

/**
 * True if `head` ends a place's noun after `first`: 行 only after a trade's goods (车行, 琴行, 银行, 米行; after others
 * it is mostly a verb: 运行, 进行, 流行), 心 only in 中心, 学 only as a school (小学, 中学, 大学).
 */
function endsPlace(first: string, head: string): boolean {
  if (head === '行') return TRADE_BEFORE_HANG.has(first)
  if (head === '心') return first === '中'
  if (head === '学') return SCHOOL_BEFORE_XUE.has(first)
  return PLACE_HEADS.has(head)
}
/** Characters before 行 that make a trade's shop of it. */
const TRADE_BEFORE_HANG = new Set('车琴银米粮布花表商茶')
/** Characters before 学 that make a school of it. */
const SCHOOL_BEFORE_XUE = new Set('小中大')

/**
 * True for the noun of a place where people live, work, learn or buy after a name, as a run of ideographs: the run
 * ends in PLACE_HEADS (see endsPlace) and is a word, CC-CEDICT's last two characters or the segmenter's whole
 * word (`百佳乐大药房`, `柏家乐小区3栋`, `伯才花园`, `家薇公寓`, `伯才车行`, `佳薇健身房`), none of its characters a verb or
 * a clause's (`加薇租房`, `百佳乐专区`, `加薇到院`). A maintained word list decides the noun, not a list of kinds of
 * business, which the next shop escapes.
 */
function namesPlace(text: string, at: number): boolean {
  // The noun's last two characters end the run: at + 2 (小区), at + 3 (大药房), at + 4 (阳光花园).
  for (let end = at + 2; end <= at + 4 && end <= text.length; end++) {
    const first = text[end - 2]
    const head = text[end - 1]
    if (!endsPlace(first, head)) continue
    // A trade's goods before 行 make a shop by themselves (琴行, which CC-CEDICT lacks); other heads need a word.
    if (head !== '行' && !isWordAt(text, end - 2) && !segmenterWordEnds(text, at, end)) continue
    return [...text.slice(at, end - 1)].every(
      ch => IDEOGRAPH.test(ch) && !CLAUSE_CHARACTERS.has(ch) && !PLACE_VERBS.has(ch),
    )
  }
  return false
}

/** True if the segmenter, reading text from `at`, makes one word of two characters or more that ends at `end`. */
function segmenterWordEnds(text: string, at: number, end: number): boolean {
  return segmentsOf(text, at, Math.min(text.length, at + 6)).some(
    s => s.wordLike && s.end === end && s.end - s.start >= 2,
  )
}

/** An ideograph. */
const IDEOGRAPH = /^\p{Script=Han}$/u

/**
 * What a firm has or does after its name and its line of business: a person of the firm after 的, maybe past the
 * part or the region they serve (`的老板`, `的顾问`, `的区域经理`, `的销售总监`), the firm as the other side that tells
 * (`那边说`, `那边报价`, `这边回复`), or the papers a firm sends another (`的报价单`, `的合同`, `的送货单`).
 */
const FIRM_SPEAKS =
  /^(?:的(?:区域|大区|(?:华[东南北中]|西[南北]|东北)区?|销售|市场|技术|业务|采购|项目|客户|售后|商务|招商|渠道|副)?(?:老板|老总|总经理|顾问|经理|总监|主管|业务员|销售|师傅|阿姨|司机|负责人|会计|财务|店长|前台|员工|工作人员|同事|对接人|代表|工程师)|[那这]边(?:说|讲|回复|反馈|通知|报价|来电|发来|确认)|的(?:报价单|合同|送货单|对账单|发票|样品))/u
/** A title after a surname: a person of the firm named by it after 的 (`的吴总`, `的李经理`, `的王工`). */
const SURNAME_TITLE = /^(?:总|经理|总监|主管|老板|工|师傅|老师|姐|哥)/u
/**
 * Characters that make a run after a sound-alike no line of business but the platform or the game the term names
 * (平台, 网站, 群, 号, 直播, 视频, 资源, 代理, 真人, 盘口, 娱乐, 彩金, 返水, 充值, 提现, 上分, 注册) or the team and
 * plan that lead bets (团队, 计划), besides a clause's (CLAUSE_CHARACTERS).
 */
export const PLATFORM_CHARACTERS = new Set('平台站群号频播视资源代娱彩金盘庄真荷返充提分注团队计')

/**
 * A quick test before namesFirm reads the runs: FIRM_SPEAKS starts with 的, 那 or 这, so one of them must stand where
 * a line of business of two to four characters after the hit would end.
 */
function firmMayTell(text: string, end: number): boolean {
  for (let at = end + 2; at <= end + 4 && at < text.length; at++) {
    const char = text[at]
    if (char === '的' || char === '那' || char === '这') return true
  }
  return false
}

/** True for 的, a surname and a title at `at`: a person of the firm named by surname (`的吴总`, `的李经理`). */
function namesFirmPerson(text: string, at: number): boolean {
  return text[at] === '的' && wordTables().surnames.has(text[at + 1]) && SURNAME_TITLE.test(text.slice(at + 2, at + 5))
}

/**
 * True for a swap form (homophone, toneless, look-alike) followed by a line of business of two to four ideographs
 * and then a person of the firm or the firm telling something (see FIRM_SPEAKS): `柏佳乐水产的老板`, `网都留学的顾问`,
 * `博采印务那边说`, a firm's name as the shop rule reads one whose kind no list holds. A run that holds a clause's or a
 * platform's character (`佳薇领取的顾问`, `百佳乐平台那边说`, `网都真人的经理`), a message that still pitches (see
 * stillPitches: `百佳乐水产的老板带你回血`, `博采电气的区域经理说包赢`) and the term as written (`网赌留学的顾问`) stay hits.
 */
export function namesFirm(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never) || !firmMayTell(text, c.end)) return false
  for (let end = c.end + 2; end <= c.end + 4 && end <= text.length; end++) {
    const run = text.slice(c.end, end)
    if (![...run].every(ch => IDEOGRAPH.test(ch) && !CLAUSE_CHARACTERS.has(ch) && !PLATFORM_CHARACTERS.has(ch)))
      return false
    if (FIRM_SPEAKS.test(text.slice(end, end + 8)) || namesFirmPerson(text, end))
      return !stillPitches(text, c, allowDomains)
  }
  return false
}

/**
 * A firm's or an industry's word after a capitalised name or capitals: `Jiawei Tech`, `Jiawei Co., Ltd`,
 * `GD Energy`, `NC Lighting`.
 */
export const FIRM_AFTER =
  /^ (?:Tech|Technology|Technologies|Designs?|Studios?|Group|Trading|Homes?|Decor|Co|Ltd|Inc|Company|Consulting|Solar|Energy|Power|Electric|Electronics|Motors?|Auto|Foods?|Pharma|Bio|Medical|Health|Logistics|Travel|Education|Systems|Labs?|Media|Capital|Holdings|International|Industries|Industrial|Global|Software|Networks?|Cloud|Steel|Chemicals?|Partners|Fashion|Beauty|Hotels?|Airlines|Clinic|Realty|Bank|Finance|Insurance|Construction|Engineering|Lighting|Battery|Water)\b/u

/** Capital letters only, as a brand's or product line's letters are written. */
const CAPITALS = /^[A-Z]{2,}$/u
/** A range of goods after letters: `SB 型号`, `GD 套装`, `NC 款`. */
const PRODUCT_LINE_AFTER = /^ ?(?:系列|型号|机型|款|套装|产品线)/u
/** An edition after letters: `SB 版本`, `HD版`; not 版主 (a forum's moderator). */
const EDITION_AFTER = /^ ?(?:版本|版(?!主))/u
/** Whom the letters are said of, just before them: `你就是SB版的`, `楼上SB版`, `老子SB版`, `这人SB版`. */
const SAID_OF_BEFORE = /(?:[你他她个是@＠]|真是|楼上|这人|老子)\s*$/u
/** A person after an edition: the edition is said of them (`SB版本的人`, `SB版的货`). */
const PERSON_AFTER_EDITION = /^ ?(?:版本|版)的?(?:人|货|家伙|玩意|东西)/u

/**
 * A verb that moves data into a system or works in one, right before the letters, maybe with its maker's name
 * before them (`导进用友NC`, `登录NC后台`, `部署到NC上`; f52): the letters name where data goes, which no one is called.
 * Not past a person or a classifier (`导进你个NC`).
 */
const SYSTEM_VERB_BEFORE =
  /(?:导进|导入|导到|导出到|上传到|传到|登录|登陆|登进|接入|对接|部署到?|安装|切换到|切到|迁移到|迁到|同步到|录入|录到|填到|填进)[^\P{Script=Han}你您他她它们个是就真]{0,4}\s?$/u
/** What may follow such a system's letters: its clause's end, a word for the system or where in it, a particle. */
const SYSTEM_ENDS = /^\s?(?:$|[，,。.！!；;～~]|系统|里|上|中|后台|端|平台|了|吧|就|再|之后|以后|的(?!人))/u

/**
 * True for capital letters (initials, or a Latin term such as `sb`) followed by a firm's or industry's word
 * (`GD Energy 的报价`, `SB Lighting`), a range of goods (`SB 型号的面霜`, `GD 套装`) or an edition said of no one
 * (`SB 版本比企业版便宜`, `NC版`): a brand, a product line or an edition, not the term. `SB 滚`, `你个SB`, `sb 系列`,
 * `SB Wang`, `SB 你看什么`, `你就是SB版的`, `SB版本的人` and an edition in a message that pitches or aims an insult
 * (see pitchesOrAims: `老子SB版，你服不服`) stay hits.
 */
export function namesBrand(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!CAPITALS.test(text.slice(c.start, c.end))) return false
  const after = text.slice(c.end, c.end + 16)
  if (FIRM_AFTER.test(after) || PRODUCT_LINE_AFTER.test(after)) return true
  if (SYSTEM_VERB_BEFORE.test(text.slice(Math.max(0, c.start - 12), c.start)) && SYSTEM_ENDS.test(after))
    return !pitchesOrAims(text, c, allowDomains) && !SCORN.test(text)
  return (
    EDITION_AFTER.test(after) &&
    !PERSON_AFTER_EDITION.test(after) &&
    !SAID_OF_BEFORE.test(text.slice(Math.max(0, c.start - 4), c.start)) &&
    !pitchesOrAims(text, c, allowDomains)
  )
}

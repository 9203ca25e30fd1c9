import type { Candidate } from './allow-filter.js'
import { everyTonelessReading, isWordOf, wordTables } from './expansion-data.js'

/**
 * Readings of a hit as something else, from the characters glued to it: a product code, a counted noun, a
 * verb with its complement, a person's given name, companies counted. They run on the candidates of a scan
 * only.
 */

/** A hyphen and a number after initials, or a number and a hyphen before them: `SB-12`, `BC-300`, `12-SB`. */
const CODE_AFTER = /^[-_‐–][A-Za-z]*\d/u
const CODE_BEFORE = /\d[A-Za-z]*[-_‐–]$/u
/** True for the code of a hyphen of CODE_AFTER and CODE_BEFORE (-, _, ‐, –). */
function isHyphen(code: number): boolean {
  return code === 0x2d || code === 0x5f || code === 0x2010 || code === 0x2013
}

/** A version number after initials, maybe past a space: `FW 2.3`, `SB v1.0.2`. */
const VERSION_AFTER = /^ ?[vV]?\d+(?:\.\d+)+/u

/** True for text[start, end) of Latin letters only, as initials or a Latin term (`sb`) are written. */
function latinLetters(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i) | 0x20
    if (code < 0x61 || code > 0x7a) return false
  }
  return end > start
}

/**
 * True for initials or a hit of Latin letters glued by a hyphen to a number, or followed by a version number:
 * a shelf, product or firmware code (`SB-12`, `FW 2.3 固件`; `sb` a term of its own in `编号 SB-2031`), not 傻逼
 * or 废物. `FW 你个废物` and `sb 250块` stay hits.
 */
export function readsAsCode(text: string, c: Candidate): boolean {
  if (c.kind !== 'initials' && !latinLetters(text, c.start, c.end)) return false
  if (VERSION_AFTER.test(text.slice(c.end, c.end + 12))) return true
  return (
    (isHyphen(text.charCodeAt(c.end)) || isHyphen(text.charCodeAt(c.start - 1))) &&
    (CODE_AFTER.test(text.slice(c.end, c.end + 8)) || CODE_BEFORE.test(text.slice(Math.max(0, c.start - 8), c.start)))
  )
}

/** What a Latin letter names when one of these follows it: a shape or a model (`V型`, `U形`, `O型圈`, `V槽`). */
const SHAPE_AFTER = new Set('型形槽')

/**
 * True for a hit that ends in a Latin letter followed by a word of shape or model: the letter names a part
 * (`加V型密封圈`, `加U形卡`), not a contact handle. `加V详聊` and `加v号` stay hits.
 */
export function namesShape(text: string, c: Candidate): boolean {
  const last = text.charCodeAt(c.end - 1) | 0x20
  return last >= 0x61 && last <= 0x7a && SHAPE_AFTER.has(text[c.end])
}

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
 * does; `河北 Wangdu 望都的客户`). `duchang（赌场）`, `wangdu 网赌` and a gloss that reads otherwise stay hits.
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
    if (own.length === size && own !== c.term && readsAs(own, reading)) return true
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
function readsAs(name: string, reading: string, from = 0, at = 0): boolean {
  if (at === name.length) return from === reading.length
  return everyTonelessReading(name[at]).some(
    syllable => reading.startsWith(syllable, from) && readsAs(name, reading, from + syllable.length, at + 1),
  )
}

/**
 * What the company pays or credits a member, before a transfer in its clause: `报销款`, `工资`, `奖金`, `差旅费`,
 * `积分`, `退款`.
 */
const PAID_BY_COMPANY = /(?:报销|工资|奖金|补贴|差旅费|公积金|年终奖|积分|退款)[^，,；;。！!？?\n]{0,8}$/u

/**
 * True for a transfer to the speaker (转到我账户) of what the company pays its members: a payment received,
 * not a deal (`这个月的差旅费已经转到我账户了`, `积分兑换后会自动转到我账户吗`). `货款转到我账户` and `转到我账户就行` stay
 * hits.
 */
export function receivesPay(text: string, c: Candidate): boolean {
  return c.term.startsWith('转') && PAID_BY_COMPANY.test(text.slice(Math.max(0, c.start - 12), c.start))
}

/**
 * Where a payment goes, right after the letters: `到我卡上`, `进公司账户`, `给我就行` (not `给我滚`).
 */
const PAID_TO =
  /^\s*(?:(?:到|进)(?:我|你|他|她|公司)?的?(?:卡|账|支付宝|微信|公户|私户|银行)|给(?:我|你)(?:就行|就好|就可以))/u
/** A sum owed, just before the letters in their clause: `尾款直接`, `定金`, `货款先`. */
const SUM_BEFORE = /(?:尾款|货款|定金|订金|余款|首付|房租|押金)[^，,；;。！!？?\n]{0,4}$/u

/**
 * True for initials that stand where a verb of paying does, with where the money goes after them or the
 * sum owed before (`尾款直接zz到我卡上`, `定金 zz 给我`): letters for 转账 or 私下, not another term's initials
 * (zz 智障). A term of paying keeps them (`zz` of 转账 itself); `客服是zz吧` has neither.
 */
export function readsAsPayment(text: string, c: Candidate): boolean {
  if (c.kind !== 'initials' || /[转账款付]/u.test(c.term)) return false
  return PAID_TO.test(text.slice(c.end, c.end + 6)) || SUM_BEFORE.test(text.slice(Math.max(0, c.start - 8), c.start))
}

/** A place on the company's premises after 公司: `正门`, `东侧门`, `门口`, `楼道`, `停车场`. */
const PREMISES_AFTER = /^的?(?:[正大侧前后东西南北小]?侧?门|楼道|楼梯|通道|走廊|停车场|电梯|院子?)/u

/**
 * True for a term of going round the company (不走公司, 绕过公司) followed by a place on its premises, or by a
 * journey in a message with no word of a deal: a way walked, not a deal (`下班不走公司正门`, `不走公司东侧门`,
 * `我今天不走公司了，直接从家出发`). `不走公司账户` and `这单不走公司了，直接从家出发去收钱` stay hits.
 */
export function namesPremises(text: string, c: Candidate): boolean {
  if (!/[走绕]/u.test(c.term) || !text.endsWith('公司', c.end)) return false
  if (PREMISES_AFTER.test(text.slice(c.end, c.end + 5))) return true
  return JOURNEY.test(text.slice(c.end)) && !DEAL_WORDS.test(text)
}

/** A journey made instead, after not going to the office: `直接从家出发`, `去现场`, `下班回家`. */
const JOURNEY = /从家|出发|回家|直接去|直接过去|去现场|到现场|上班|下班|打卡|到岗/u
/** Words of a deal anywhere in the message: then 不走公司 is a deal kept from the company (`这单不走公司了`). */
const DEAL_WORDS = /单|款|钱|账|转|价|私下|合同|付|收费/u

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
const SALE_WORDS = /购买|买|下单|放心|产品|本品|我们|客户用|售|副作用|功效|疗效/u

/**
 * True for a claim of safety (绝对安全, 零风险) right after an obligation (`必须做到`, `要`), or before a step of the
 * work that waits for it (`保证绝对安全再干活`), in a message with no word of a sale: a rule of the work, not an
 * ad's claim (`高空安装必须做到绝对安全`, `动火作业务必零风险`, `先断电，确保绝对安全`, `现场要绝对安全`).
 * `本产品绝对安全`, `质量必须绝对安全，放心购买`, `我们确保绝对安全` and `保证绝对安全` (how an ad says it) stay hits.
 */
export function requiresSafety(text: string, c: Candidate): boolean {
  if (!SAFETY.test(c.term) || SALE_WORDS.test(text)) return false
  return OBLIGATION.test(text.slice(Math.max(0, c.start - 6), c.start)) || WORK_WAITS.test(text.slice(c.end, c.end + 4))
}

/**
 * A gift of the company to its own customers: `老客户`, `到店`, `每户限一次`, `凭购机发票`, or a service turned on
 * in the company's own channel (`在小程序里开通`, `公众号预约`).
 */
const OWN_CUSTOMERS =
  /老客户|老顾客|老用户|到店|门店|每户限|每人限|凭(?:购物|购机|购买|订单|发票|小票|收据)|(?:小程序|公众号|官网|App|APP)里?(?:开通|预约|登记)/u
/** A way to reach someone outside the company: then the gift is bait (`老客户免费领取，加我微信`). */
const OUTSIDE_REACH = /加我|私聊|私信|联系我|微信|vx|wx|v信|扫码|链接|点击|http|www\./iu

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

/** Kinds that write other characters than the term's. */
const SWAP_KINDS = new Set(['homophone', 'toneless'])
/** Numerals and demonstratives that count with a classifier: 三个月, 这个月, 每个月. */
const COUNTERS = new Set('〇零一二三四五六七八九十两几百千万0123456789这那每上下哪某半')

/** Units of time: a count of them is a span (三个月, 这个星期). */
const TIME_UNITS = new Set('月年天日周晚夜星礼钟')

/**
 * True for a homophone form whose swapped first character is a unit of time counted by a numeral or
 * demonstrative and a classifier before it: a span of time (约炮 → 月跑 in `这个月跑了一百家`, `三个月跑完`);
 * `这个辣鸡东西` stays a hit.
 */
export function countsSwap(text: string, c: Candidate): boolean {
  if (!SWAP_KINDS.has(c.kind) || c.start < 2 || !c.form || c.form[0] === c.term[0]) return false
  if (!TIME_UNITS.has(c.form[0])) return false
  return COUNTERS.has(text[c.start - 2]) && wordTables().classifiers.has(text[c.start - 1])
}

/**
 * True for a homophone form whose swapped last character takes the complement particle 得 after it: a
 * verb or adjective (网赌 → 网堵 in `晚上网堵得厉害`).
 */
export function takesComplement(text: string, c: Candidate): boolean {
  if (!SWAP_KINDS.has(c.kind) || !c.form || text[c.end] !== '得') return false
  return c.form.at(-1) !== c.term.at(-1)
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
 * department or role (`财务石诗彩提醒大家`), or a verb of naming (`实习生叫夏柱`).
 */
const BEFORE_NAME =
  /(?:^|[\s\p{P}]|同事|新人|同学|老师|经理|主管|组长|店长|员工|师傅|专员|总监|助理|欢迎|感谢|恭喜|财务|行政|人事|客服|前台|仓库|售后|采购|法务|会计|出纳|叫|名叫|叫做|名字是)$/u

/**
 * True for a two-character hit written as a given name after a common surname that starts a name (the
 * text's start, a space, punctuation, or a word for a person before it): `欢迎新同事张加薇加入` (加薇),
 * `@销售一部-刘思丹` (私单 → 思丹); `加薇详聊` and `月入过万加薇` stay hits. A three-character hit reads so too when
 * its first two characters are the given name and its last starts a word with the next (`吴威信号码换了`: 吴威信 and
 * 号码, not 威信号); `王威信号多少` stays a hit.
 */
export function namesPerson(text: string, c: Candidate): boolean {
  if (!NAME_KINDS.has(c.kind) || c.start < 1 || !COMMON_SURNAMES.has(text[c.start - 1])) return false
  const size = [...c.term].length
  const named =
    size === 2
      ? GIVEN_NAME.test(text.slice(c.start, c.end))
      : size === 3 &&
        c.end - c.start === 3 &&
        isWordOf(text.charCodeAt(c.end - 1), text.charCodeAt(c.end)) &&
        GIVEN_NAME.test(text.slice(c.start, c.start + 2))
  return named && BEFORE_NAME.test(text.slice(Math.max(0, c.start - 5), c.start - 1))
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
 * True for initials in brackets after a name whose characters start with those letters, or before such a name
 * in brackets: the name's initials (`杨一倩（YYQ）` is no 一夜情, nor `YYQ（杨一倩）`). `约吗（YYQ）` stays a hit.
 */
export function abbreviatesName(text: string, c: Candidate): boolean {
  if (c.kind !== 'initials') return false
  const letters = text.slice(c.start, c.end).toLowerCase()
  if (!/^[a-z]+$/.test(letters)) return false
  let name: string | undefined
  if (/^\s*[）)]/u.test(text.slice(c.end))) name = NAME_BEFORE_GLOSS.exec(text.slice(0, c.start))?.[1]
  name ??= NAME_IN_GLOSS.exec(text.slice(c.end))?.[1]
  if (name === undefined || name.length < letters.length) return false
  const own = text.slice(c.start - 1, c.start).match(/[（(]/u)
    ? name.slice(-letters.length)
    : name.slice(0, letters.length)
  return [...letters].every((letter, i) => everyTonelessReading(own[i]).some(reading => reading[0] === letter))
}

/** More than one counted, just before a noun: `几家`, `三家`, `一些`, `这些`. */
const COUNTED_MANY = /(?:(?:几|多|两|数|[二三四五六七八九十百]|\d)家|一些|有些|某些|好些|这些|那些)$/u

/**
 * True for a hit that ends in 公司 after a count of more than one: other companies talked about, not the
 * speaker's (`曝光了几家黑心公司`, `这些垃圾公司`); `这家黑心公司` and `垃圾公司` stay hits.
 */
export function countsCompanies(text: string, c: Candidate): boolean {
  return text.endsWith('公司', c.end) && COUNTED_MANY.test(text.slice(Math.max(0, c.start - 3), c.start))
}

/** Kinds that write the term's own characters: a homophone of 垃圾 (辣鸡) is chosen, no waste. */
const WRITTEN_KINDS = new Set(['exact', 'normalised'])
/** What waste is (垃圾, 废物, as a term's part), the words a term naming it holds. */
const WASTE = /垃圾|废物/u
/** A kind of waste before it: 工业废物, 医疗废物, 建筑垃圾, 生活垃圾, 包装废物. */
const WASTE_KIND_BEFORE =
  /(?:工业|医疗|危险|固体|固态|液体|建筑|生活|厨余|餐厨|电子|有害|化工|装修|包装|放射性|可回收)$/u
/**
 * Disposing of it after, maybe past when and how (`周五统一`, `都`, `明天全部`): 处理, 清理, 清运, 回收, 扔掉,
 * 拉走, 带走, 分类, 台账 (a register of waste); `垃圾东西周五统一清走`, `泡沫这些垃圾东西带走`.
 */
const DISPOSAL_AFTER =
  /^(?:周[一二三四五六日末]|今天|明天|后天|上午|下午|晚上|月底|本周|下周|统一|全部|一起|都|马上|赶紧|尽快|记得|要|请){0,3}(?:处理|处置|清理|清运|清走|清掉|清除|清一下|清了|回收|扔掉|扔了|扔到|丢掉|拉走|运走|搬走|带走|收走|带下楼|分类|台账|堆放)/u
/** A place where waste lies, just before it: `楼道的`, `仓库里的`, `门口那堆`, `车间这些`. */
const WASTE_PLACE_BEFORE =
  /(?:楼道|楼梯|门口|楼下|仓库|走廊|地上|地下室|角落|院子|路边|工地|车间|车库|阳台|厨房|店门口)(?:里|上|边|口|下|内)?的?(?:那些|这些|那堆|这堆|一堆)?$/u
/** Who the clause before speaks of or to: then the waste is a person (`他是仓库里的废物`). */
const PERSON_BEFORE = /[你他她]|是/u
/** Someone the term is said of, just before it: 你这个垃圾东西, 他个废物, 是垃圾. */
const SAID_OF = /[你他她它个是]$/u

/**
 * True for a term naming waste (垃圾东西, 废物, 垃圾公司) written as is, after a kind of waste said of no one
 * (`工业废物处理厂`, `建筑垃圾公司`, `包装废物请师傅带走`; not `你就是个包装废物`) or a place where it lies (`走廊的垃圾东西太多`), in a clause about no one, or followed by a word of
 * disposing of it (`楼道里的垃圾东西清理一下`), said of no one just before it: waste, not an insult.
 * `你这个垃圾东西`, `这家垃圾公司`, `他是仓库里的废物`, `废物一个` and `辣鸡东西清理一下` stay hits.
 */
export function namesWaste(text: string, c: Candidate): boolean {
  if (!WRITTEN_KINDS.has(c.kind) || !WASTE.test(c.term)) return false
  const before = text.slice(Math.max(0, c.start - 3), c.start)
  const kind = WASTE_KIND_BEFORE.exec(before)
  if (kind !== null) return !SAID_OF.test(text.slice(0, c.start - kind[0].length))
  const clause = clauseBefore(text, c.start)
  if (WASTE_PLACE_BEFORE.test(clause) && !PERSON_BEFORE.test(clause)) return true
  return DISPOSAL_AFTER.test(text.slice(c.end, c.end + 12)) && !SAID_OF.test(before)
}

/** Initials of this many letters or more are long: they spell hardly any everyday code. */
const LONG_INITIALS = 4

/**
 * True for an initials hit of LONG_INITIALS Latin letters or more (`khmd` 客户名单, `sxzz` 私下转账), or of
 * as many letters and ideographs of the term together, the term's own characters written beside the
 * letters (`sx交易` 私下交易, `lhc资料` 六合彩资料): a category's context words, which two- and three-letter
 * codes need (`sd` a memory card, `cbj`), do not apply to it.
 */
export function writesLongInitials(text: string, c: Candidate): boolean {
  let letters = 0
  let ideographs = 0
  for (let i = c.start; i < c.end; i++) {
    const unit = text.charCodeAt(i)
    const code = unit | 0x20
    if (code >= 0x61 && code <= 0x7a) letters++
    else if (unit >= 0x4e00 && unit <= 0x9fff) ideographs++
  }
  return letters >= LONG_INITIALS || (letters > 0 && letters + ideographs >= LONG_INITIALS)
}

/**
 * An amount right after a price, maybe past a word that says how much (`才三百八`, `是 380 块`, `：2.5k`): a
 * number in digits or Chinese numerals.
 */
const AMOUNT_AFTER =
  /^[\s:：]*(?:才|就|只|只有|只要|仅|是|要|为|大概|差不多)?[\s:：]*(?:[0-9]|[一二两三四五六七八九十][一二两三四五六七八九十百千万块元]|[一二两三四五六七八九十]$)/u

/**
 * True for initials of a price term of three characters or more (ending in 价: `cbj` 成本价, `jhj` 进货价)
 * with an amount right after them: the price is named, as a context word of the category would say
 * (`这款cbj才三百八`); a tender's `cbj 那一栏` has none (a price handed over, `cbj 给你了`, see
 * initials-context.ts), and two letters (`dj` 底价) are a disc jockey's as often (`请个 dj 2000 一晚`).
 */
export function namesItsPrice(text: string, c: Candidate): boolean {
  if (c.kind !== 'initials' || !c.term.endsWith('价') || c.term.length < 3) return false
  return AMOUNT_AFTER.test(text.slice(c.end, c.end + 12))
}

/**
 * The categories with initials hits of two terms or more in the message, none read as an abbreviation:
 * one code may be chance (`SD` a memory card), two codes of one category's terms hardly are (`这单 SD 吧，
 * 不走 GS`: 私单 and 不走公司), so they confirm each other as a context word would.
 */
export function initialsOfTwoTerms(candidates: readonly Candidate[]): string[] {
  let first: Map<string, string> | undefined
  const found: string[] = []
  for (const c of candidates) {
    if (c.kind !== 'initials' || c.abbreviation || c.allowPhrase || c.context) continue
    first ??= new Map()
    const term = first.get(c.category)
    if (term === undefined) first.set(c.category, c.term)
    else if (term !== c.term && !found.includes(c.category)) found.push(c.category)
  }
  return found
}

/** What ends a clause: the readings below look no further back than the hit's clause. */
const CLAUSE_ENDS = /[，,；;。！!？?\n]/u

/** The hit's clause up to `start` (at most 12 characters). */
function clauseBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 12), start)
  let from = before.length
  while (from > 0 && !CLAUSE_ENDS.test(before[from - 1])) from--
  return before.slice(from)
}

/** A term that starts with a colour: 黄色网站, 黄色视频. */
const COLOUR_TERM = /^(?:黄|红|绿|蓝|紫|粉|黑|白)色/u
/** A change of colour directly before it: `调成`, `改成`, `刷成`, `换成`. */
const MADE_INTO = /(?:调|改|换|变|刷|染|涂|印|喷|做)成$/u

/**
 * True for a term that starts with a colour right after a verb that makes something that colour: the colour
 * itself, then the next words (`主色调成黄色网站整体亮了`: the site turned yellow). `看黄色网站` stays a hit.
 */
export function namesColour(text: string, c: Candidate): boolean {
  return COLOUR_TERM.test(c.term) && MADE_INTO.test(text.slice(Math.max(0, c.start - 2), c.start))
}

/** Who buys, right after a term of selling: the speaker, the company or its staff (`出售给我们`, `卖给员工`). */
const TO_SPEAKER = /^给(?:我们|咱们|公司|我司|本公司|员工|同事|内部员工)/u
/** A sale inside the company, just before a term of selling: `内部`, `员工价`. */
const INSIDE_BEFORE = /(?:内部|员工价?)$/u

/**
 * True for a term of selling (低价出售, 低价卖) followed by the speaker, the company or its staff as buyer, or
 * after 内部 in a message with no way to reach someone outside: someone sells to us, or the company to its
 * staff, which is no ad to the reader (`他想低价出售给我们`, `样机内部低价出售，员工优先`). `低价出售，给我留言`,
 * `低价出售给有需要的` and `内部低价出售，加我微信` stay hits.
 */
export function sellsToSpeaker(text: string, c: Candidate): boolean {
  if (!/[售卖]$/u.test(c.term)) return false
  if (TO_SPEAKER.test(text.slice(c.end, c.end + 5))) return true
  return INSIDE_BEFORE.test(text.slice(Math.max(0, c.start - 3), c.start)) && !OUTSIDE_REACH.test(text)
}

/** Claims about a product: a term holding one of these (永久有效, 绝对安全, 全网最低, 第一品牌). */
const CLAIM = /有效|安全|最低|最高|第一|百病|国家级|免检|根治|无副作用|零风险/u
/** A denial directly before a claim: `没有`, `哪有`, `不存在`, `不可能`, `谈不上`. */
const DENIED_BEFORE = /(?:没有|哪有|哪里有|不存在|不可能|不会|谈不上|称不上|算不上)$/u

/**
 * True for a claim about a product right after a denial: the speaker says no such thing holds, and claims
 * nothing (`世上没有绝对安全的插座`, `哪有永久有效的滤芯`, `吃药也不可能包治百病`). `绝对安全，没有副作用` and
 * `没有人比我们更低，全网最低` (the claim not denied) stay hits.
 */
export function deniesClaim(text: string, c: Candidate): boolean {
  return CLAIM.test(c.term) && DENIED_BEFORE.test(text.slice(Math.max(0, c.start - 3), c.start))
}

/** A yes-no question before a claim: `是`, `真的是`, `是不是`, `是否`. */
const ASKED_BEFORE = /(?:是|是不是|是否|真的是|真是|真的)$/u
/** The question's end after a claim: `吗`, `么`, `嘛`, maybe past `的`. */
const ASKED_AFTER = /^的?[吗么嘛]/u

/**
 * True for a claim about a product asked as a yes-no question: the speaker asks whether it holds, and claims
 * nothing (`这个滤芯是绝对安全的吗`, `保修是不是永久有效`). `本品永久有效` and `是永久有效！` stay hits.
 */
export function asksClaim(text: string, c: Candidate): boolean {
  if (!CLAIM.test(c.term) || !ASKED_BEFORE.test(text.slice(Math.max(0, c.start - 4), c.start))) return false
  const after = text.slice(c.end, c.end + 3)
  return ASKED_AFTER.test(after) || /(?:是不是|是否)$/u.test(text.slice(Math.max(0, c.start - 3), c.start))
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

/** A channel for files, not money, right after a transfer: `邮箱`, `邮件`, `网盘`, `电脑`, `U盘`. */
const FILES_CHANNEL = /^的?(?:邮箱|邮件|网盘|云盘|电脑|U盘|u盘|文件夹|工作群)/u

/**
 * True for a term of transfer (转我个人, 转到我) followed by a channel for files: a document sent on, not a payment
 * (`报价单转我个人邮箱`). `转我个人账户` and `转我个人微信` stay hits.
 */
export function sendsFiles(text: string, c: Candidate): boolean {
  return c.term.startsWith('转') && FILES_CHANNEL.test(text.slice(c.end, c.end + 4))
}

/**
 * An offer of a price to the reader, at the end of the clause before it: sending it (`发你`, `给您`, `fa ni`),
 * whoever wants or gets it (`要`, `想拿团购`, `有`, `xiang yao`) or a superlative (`最`, as in 全网最低价).
 */
const OFFERED_BEFORE =
  /(?:(?:发|给|报|私)(?:你|您)(?:个|一个)?|(?:想要|想拿|要拿|想|要|拿|有)(?:到)?(?:团购|优惠|会员|内部)?|最|(?:fa|gei) ?ni ?|(?:xiang ?)?yao ?)$/iu
/** A request to contact the speaker right after the term: the price is what the contact gets (`底价加我`). */
const CONTACT_AFTER = /^的?(?:加我|加[vV微威薇]|加个|私聊|私我|私信|找我|联系我|滴我)/u
/** A change or a negotiation of a price right after it, maybe past 格 or an adverb: `涨了`, `又下调`, `能不能再谈`. */
const PRICE_MOVES =
  /^格?(?:又|也|都|已经|还|最近){0,2}(?:涨了|降了|上涨|下降|上调|下调|调整|调了|变了|涨价|降价|能不能再谈|再谈|谈下来)/u

/**
 * True for a price term (ending in 价) followed by a change or a negotiation of it, with no figure after it:
 * the price talked about at work (`原料的成本价格又涨了`, `进货价能不能再谈`), none told. `进货价涨了，现在六十` stays a hit.
 */
export function movesPrice(text: string, c: Candidate): boolean {
  if (!c.term.endsWith('价')) return false
  const after = text.slice(c.end)
  return PRICE_MOVES.test(after) && !AMOUNT.test(after)
}

/** A table or list of prices after the term: the prices told, not offered. */
const TOLD_AFTER = /^[^，,；;。！!？?\n]{0,2}(?:表|单|清单|明细)/u
/** An amount anywhere after the term: a figure told. */
const AMOUNT = /\d|[一二两三四五六七八九十][十百千万块元]|[百千万]块/u

/**
 * True for a price term (ending in 价: 底价, 内部价) offered to the reader or claimed as the lowest, with no table
 * and no figure told after it: the bait of a private contact or a claim (`要底价的私聊我`, `加我微信，发你底价`,
 * `私聊我，有底价`, `团购底价加我微信`, `全网最底价`), which the message's other hits name; no price is leaked. `底价表我拍下来了`,
 * `发你底价，三百八` and `底价是多少我都知道` stay hits.
 */
export function offersPrice(text: string, c: Candidate): boolean {
  if (!c.term.endsWith('价')) return false
  const after = text.slice(c.end)
  if (!OFFERED_BEFORE.test(clauseBefore(text, c.start)) && !CONTACT_AFTER.test(after)) return false
  return !TOLD_AFTER.test(after) && !AMOUNT.test(after)
}

/** A definition after letters: `表示`, `代表`, `指的是`, `=`, `是…的缩写`. */
const DEFINED_AFTER =
  /^\s*(?:[=＝]\s*\p{Script=Han}|表示|代表|指的是|是指|的意思是|的全称是|[是为][^，,；;。！!？?\n]{1,12}的(?:缩写|简称|代号|意思))/u
/** A capital and a small letter, as a chemical element's symbol is written (Sb, Pb). */
const ELEMENT = /^[A-Z][a-z]$/u
/** A gloss in brackets right after the symbol: `Sb（锑）`, `Pb(铅)`. */
const ELEMENT_GLOSS = /^\s?[（(]\p{Script=Han}{1,3}[）)]/u
/** A label given just before letters: `换成`, `改成`, `简称`, `代号`. */
const LABELLED_BEFORE = /(?:换成|改成|改为|写成|印成|标成|简称|缩写|代号|型号|编号)\s*$/u

/**
 * True for a hit of Latin letters (initials, or a Latin term such as `sb`) defined right after it or given as a
 * label right before it, or an element's symbol glossed in brackets: a code talked about (`订单里 SB 表示标准版`,
 * `KPI 的 QWZD 是区外终端的缩写`, `旧标志要换成 SC`, `Sb（锑）未检出`), not the term. `你就是个SB`, `SB 你看什么` and `sb 是你吧` stay hits.
 */
export function definesLetters(text: string, c: Candidate): boolean {
  if (!latinLetters(text, c.start, c.end)) return false
  if (ELEMENT.test(text.slice(c.start, c.end)) && ELEMENT_GLOSS.test(text.slice(c.end, c.end + 8))) return true
  return (
    DEFINED_AFTER.test(text.slice(c.end, c.end + 20)) ||
    LABELLED_BEFORE.test(text.slice(Math.max(0, c.start - 4), c.start))
  )
}

/** Words of praise or a reward for a result: `恭喜`, `表扬`, `奖金`, `锦旗`. */
const PRAISED = /恭喜|祝贺|表扬|嘉奖|奖金|奖励|锦旗|颁奖|获奖|喜报|光荣榜|鼓掌|👏/u

/**
 * True for a claim of first place (销量第一, 第一品牌) in a message praising or rewarding it, with no word of a
 * sale: a team's ranking celebrated (`华东区这个月销量第一，恭喜`, `上季度门店销量第一，发了奖金`), not an ad's claim.
 * `喜报！本品全国销量第一，欢迎购买` stays a hit.
 */
export function praisesRank(text: string, c: Candidate): boolean {
  return c.term.includes('第一') && PRAISED.test(text) && !SALE_WORDS.test(text)
}

/** An institution's kind after a claim in its clause: `…检验中心`, `…研究院`, `…实验室`. */
const INSTITUTION_AFTER =
  /^[^，,；;。！!？?\n\s]{0,10}?(?:中心|研究院|研究所|检验所|检测所|检测站|质检站|实验室|监督局|管理局)/u

/**
 * True for a claim of the state (国家级产品, 国家免检) that starts an institution's name, its kind in the clause
 * after it: a testing body named (`报告是国家级产品质量监督检验中心出的`), not a claim. `国家级产品，放心用` stays a hit.
 */
export function namesInstitution(text: string, c: Candidate): boolean {
  return c.term.startsWith('国家') && INSTITUTION_AFTER.test(text.slice(c.end, c.end + 14))
}

/**
 * One broad reading of a hit as part of a name (issue #22, fnames): a shop's, a firm's, a street's, a pet's or a
 * person's name that holds a term's characters, sound or pinyin (`百家乐超市那边的冷柜`, `老虎机车行`, `嘉博彩钢`,
 * `纯货铺子的山核桃`, `我家仓鼠叫滚蛋`, `Dubo是杜博的英文名`). The name's extent is read by its shape: what kind of place
 * or thing it names after it, a namer before it, a gloss after it; never by a list of names.
 */

import type { Candidate } from './allow-filter.js'
import { CONTACT_WORDS } from './contact-words.js'
import { isWordAt, wordTables } from './expansion-data.js'
import { CLAUSE_CHARACTERS } from './form-brands.js'
import { readsAs, spells } from './form-names.js'
import { SCORN } from './scorn.js'
import { callsNames, aimedAt, pitchesBeside, stillPitches } from './pitch-guard.js'
import { CLAUSE_END, edgeBefore } from './talked-about-clauses.js'

/**
 * Kinds of shop, firm, estate or street that only a name stands before (`百家乐超市`, `老虎机车行`, `薇信美甲`,
 * `纯货铺子`, `嘉博彩钢`, `广博彩印`, `时时彩妆店`, `六合彩虹苑`): no offer of a term's trade is called so. 路 is a street's
 * only where it makes no word of its own with what follows (`博才路子很多`: 路子, 路线, 路费).
 */
const OWN_KINDS =
  '超市|便利店|小卖部|商店|商行|百货|车行|汽修|妆店|彩妆|美甲|美容院|美发|理发店|铺子|彩钢|彩印|印务|印刷|女装|男装|童装|鞋业|民宿|花店|花坊|茶饮|奶茶|茶庄|茶行|酒家|饭店|大酒店|酒店|酒楼|茶楼|饭庄|宾馆|旅馆|客栈|餐厅|食府|面馆|家居|建材|五金|机械|注塑|电器|粮油|水果|生鲜|药房|诊所|幼儿园|驾校|苑|小区|花园|大厦|广场|路(?![子线费径数])|大街|街道|村委'
/**
 * Kinds that a term's own trade may be called too (`博彩公司`, `约炮App`, `赌博网店`): a name only with a character of
 * its own between the hit and the kind (`滚蛋仔`, `百家乐购App`), not a particle or a plural.
 */
const SHARED_KINDS = '公司|集团|店|厂|工作室|馆|坊|行|社|App|APP|app|牌'
/**
 * Characters that make a word with a kind anyone may bear, so that the kind stands for the place of the term's own
 * trade, no name: 门店, 网店, 进店, 官方店, 总店, 分店, 新店, 本店, 旗舰店, 开店, 到店, 实体店.
 */
const KIND_WORD_HEADS = '门网进官总分新本舰开到体'
/** The name's kind right after the hit, or starting with the hit's last character (`博彩|钢` as 彩钢). */
const OWN_KIND_AFTER = new RegExp(`^(?:${OWN_KINDS})`, 'u')
/**
 * A longer name that starts with the hit's last character and a word it makes with the next (`六合|彩虹桥酒店`:
 * 彩虹), then up to two more of the name's own characters and its kind (`彩虹桥酒店`, `彩虹苑`).
 */
const NAME_FROM_LAST = new RegExp(`^\\p{Script=Han}{2,4}?(?:${OWN_KINDS})`, 'u')
/**
 * A character of the name's own, then a kind anyone may bear (`仔的老板娘` below, `购App`), not one that makes a word
 * with the kind (KIND_WORD_HEADS: `百家乐门店开业`, `佳薇进店有礼` stay hits).
 */
const SHARED_KIND_AFTER = new RegExp(
  `^[^\\P{Script=Han}的们和跟与及或是在了把被给找要去来就都也还很太不没]?[^\\P{Script=Han}的们和跟与及或是在了把被给找要去来就都也还很太不没${KIND_WORD_HEADS}](?:${SHARED_KINDS})`,
  'u',
)
/** A name's own character, then who keeps or works at the place it names: `滚蛋仔的老板娘`, `X记的店长`. */
const KEEPER_AFTER =
  /^[^\P{Script=Han}的们和跟与及或是在了把被给找要去来就都也还很太不没]{1,2}的(?:老板娘|老板|店长|店员|掌柜|采购|前台|收银)/u

/**
 * A namer right before the hit (`名字叫`, `取名`, `外号是`): the hit is what someone or something is called, up to its
 * clause's end or a reason (`因为`). A person's nickname that is an insult is still one (`他外号叫废物`): insults take a
 * pet's name only (PET_NAMER).
 */
const NAMER_BEFORE =
  /(?:(?:名字|小名|大名|昵称|网名|外号|绰号|英文名|店名|牌子|品牌名?)(?:就|也)?(?:叫|是)(?:做)?|叫做|名叫|取名叫?|起名叫?|命名为)\s*$/u
/**
 * A place counted, then 叫 (`那家叫`, `一个叫`, `有间名为`), maybe a quotation mark, right before the hit, and the
 * mark, 的 and a kind of place after it (PLACE_AFTER): the hit is the place's name (`那家叫“小电影”的咖啡馆`; f52).
 */
const PLACE_NAMER = /[家间座条个](?:叫做?|名叫|名为|叫作)\s*[“「『"]?$/u
/** What a place named by PLACE_NAMER is after its name: a closing mark, 的, up to three characters, a kind. */
const PLACE_AFTER = new RegExp(
  `^[”」』"]?的\\p{Script=Han}{0,3}(?:${OWN_KINDS}|${SHARED_KINDS}|咖啡厅|酒吧|茶馆|书店|网吧|餐馆|酒店|宾馆|小店|门店)`,
  'u',
)
/** A pet and 叫 right before the hit: `我家仓鼠叫滚蛋`. */
const PET_NAMER = /(?:猫|猫咪|狗|狗狗|仓鼠|兔子|鹦鹉|乌龟|金鱼|宠物|小狗|小猫)(?:就|也)?叫\s*$/u
/** What may follow a name a namer gave: the clause's end, a reason, a particle. */
const NAME_ENDS = /^\s*(?:$|[，,。.！!；;～~]|因为|是因为|哈|呢|啦|吧)/u

/** A gloss after a Latin hit: it is someone's name in letters (`Dubo是杜博的英文名`). */
const GLOSSED_AFTER = /^\s*(?:是|就是)\p{Script=Han}{2,4}的(?:英文名|拼音名?|名字|网名|昵称|缩写)/u
/** A gloss before a Latin hit: `杜博的英文名是Dubo`. */
const GLOSSED_BEFORE = /(?:英文名|拼音名?|网名|昵称)(?:是|叫)\s*$/u

/**
 * The hit's own category pitched by the message, a name or not: bets and a table (gambling), a way to reach someone
 * (contact), a date or a body (porn), the reader or scorn (insult, SCORN); a body sold for any (BODY_SOLD). Then the category stands, whatever the name.
 */
const OWN_PITCH: Readonly<Record<string, RegExp>> = {
  gambling:
    /场子|老地方|手气|赢了|牌局|三缺一|[招做当]代理|代理(?:招|加盟|返)|一级|返佣|特马|(?:最新|精准|免费|一手|独家)资料|开码|码报|带飞|老规矩|[0-9一二两三四五六七八九十百千万]起|满[^，,；;。！!？?\n]{1,3}开|点开(?!业|会|门|工|始)|[买下押收][^，,；;。！!？?\n]{0,3}注|[0-9一二两三四五六七八九十几]注|出号|[买卖包]码|押[一二三四五六七八九十百千0-9]|[上下]分|开台|开局|开桌|有局|组局|赔率|彩金|首充|首存|返水|荷官|包赢|稳赚|稳赢|必中|必赢|回血|跟单|特码|开奖|网投|出款|带单|玩|赌|博彩|投注|彩票|充值|有人收|谁收|收(?:单|钱|码)/u,
  contact: /进群|拉群|群里发|发码|加(?!入|班|工|价|急|盟|油|热|重|快|强|大)|联系|私聊|私信|扫码|二维码|[0-9]{6,}/u,
  porn: /约(?!在)|裸|色|福利|资源|视频|看片|上门|同城|包夜|开房|一晚|全套/u,
}
/** A body sold, whatever the hit's category (`百家乐美甲，包夜服务`; revnames): no name clears it. */
const BODY_SOLD = /包夜|全套|上门服务|开房|一晚/u

/**
 * True if the message, with the hits of the category that stand in names blanked (each is judged on its own:
 * `嘉博彩钢、广博彩印`), pitches
 * the hit's own category (OWN_PITCH) or, for an insult, calls or aims it at someone.
 */
function pitchesOwn(text: string, c: Candidate, outside: string): boolean {
  if (callsNames(text, c) || aimedAt(text, c)) return true
  if (BODY_SOLD.test(outside)) return true
  if (c.category === 'insult') return /[你您]/u.test(outside) || SCORN.test(outside)
  const own = OWN_PITCH[c.category]
  return own === undefined || own.test(outside)
}

/**
 * True if the message outside the hit pitches the hit's own category (OWN_PITCH: `夏柱家那边有局，来玩`) or calls or aims
 * an insult at someone; a category without such words always counts as pitched.
 */
export function pitchesOwnTrade(text: string, c: Candidate): boolean {
  return pitchesOwn(text, c, `${text.slice(0, c.start)}${' '.repeat(c.end - c.start)}${text.slice(c.end)}`)
}

/** Kinds that write the term's own characters, not a sound or letters of it. */
const WRITTEN_KINDS = new Set(['exact', 'normalised'])
/** Categories whose terms, written as they are, no one gives a shop for its own sake (`裸聊超市`, `傻逼超市`). */
const UNNAMED_CATEGORIES = new Set(['insult', 'porn'])
/**
 * Characters that mark a term's own trade: no firm is named so by chance (`赌场超市`, `赌博机厂`); so does the ask of a
 * contact term that starts with it (`加卫备注公司名`).
 */
const TRADE_MARKS = /[赌嫖娼淫毒骗裸炮]|^加/u
/**
 * A contact term's ask alone (`加薇`), which a shop kind of its own right after it still makes a name (`加薇花坊那边说`,
 * f49): no one asks to be added at a florist's or a supermarket; a kind anyone may bear keeps it (`加卫备注公司名`), and
 * so does an account named anywhere or a pitch (see accountOrPitch).
 */
const ASKED_CONTACT = /^加[^\s\p{P}A-Za-z0-9我你您他她俺赌嫖娼淫毒骗裸炮]$/u
/**
 * An account or a number named anywhere, or a lure (a gift, a coupon, a deal: `加薇小区业主群领红包`, `加薇美发店领优惠券`):
 * then a shop kind after 加薇 names nothing (`加薇民宿，微信同号`).
 */
const ACCOUNT_NAMED =
  /微信|[薇威维卫]信|[vVwW][xX信]|号|电话|手机|[0-9]{5,}|领|红包|优惠|[券劵]|福利|免费|特价|打折|折扣|抽奖|活动/u

/**
 * What follows a shop that is talked about, not advertised (`加薇花坊那边说`, `加薇超市的冷柜坏了`): a possessive, a place by
 * it, its people or a verb of its own. A shop name alone before a clause end is the ask it looks like
 * (`加薇美甲，欢迎咨询`, `加薇客栈，货到付款`, `加薇面馆 秒回`; rev49).
 */
const SHOP_TALKED_ABOUT =
  /^(?:的|那边|这边|那里|这里|那儿|门口|旁边|对面|隔壁|楼上|楼下|里|老板|店员|前台|员工|师傅|今天|昨天|明天|早上|晚上|说|已经|又|也|还|刚)/u

/** True for 加 and one character before a shop kind (ASKED_CONTACT) that the message talks about, as a shop. */
function askedShopName(text: string, c: Candidate): boolean {
  const kind = OWN_KIND_AFTER.exec(text.slice(c.end))
  if (kind === null || !ASKED_CONTACT.test(text.slice(c.start, c.end))) return false
  return SHOP_TALKED_ABOUT.test(text.slice(c.end + kind[0].length)) && !accountOrPitch(text, c)
}

/**
 * True if the message names an account (ACCOUNT_NAMED) or, after the hit, any category's own pitch (OWN_PITCH:
 * `加薇茶楼，今晚有局`): then 加 before a shop kind may be the ask it looks like.
 */
function accountOrPitch(text: string, c: Candidate): boolean {
  const after = text.slice(c.end)
  return ACCOUNT_NAMED.test(text) || Object.values(OWN_PITCH).some(pitch => pitch.test(after))
}

/**
 * A verb that takes the term as its object right before the hit (`买六合彩…`, `玩六合彩…`, `收六合彩…`): the term is
 * what is bought or played, however a name may run on from its last character (rev5051).
 */
const TAKEN_BEFORE = /[买卖玩赌押收中下投跟搞打]$/u

/**
 * True if a name of a place starts at `at` with a word of two characters (CC-CEDICT) and ends in its kind within
 * four characters (see NAME_FROM_LAST), none of them a clause's (CLAUSE_CHARACTERS: `六合彩今晚到酒店` is no name),
 * and no verb takes the hit before it (TAKEN_BEFORE: `买六合彩虹桥宾馆楼下找老王` stays a hit).
 */
function nameFromLast(text: string, c: Candidate): boolean {
  const at = c.end - 1
  if (TAKEN_BEFORE.test(text.slice(0, c.start)) || !isWordAt(text, at)) return false
  const run = NAME_FROM_LAST.exec(text.slice(at, at + 10))?.[0]
  return run !== undefined && ![...run].some(ch => CLAUSE_CHARACTERS.has(ch))
}

/**
 * True if the hit stands in a name its shape marks: a kind after it, a namer before it, a gloss beside it. An
 * insult or a porn term written as it is needs a character of the name's own before the kind (`滚蛋仔的老板娘`), and a
 * term that holds its trade's mark (TRADE_MARKS) names nothing, not even after a namer (`店名叫裸聊`; revnames).
 */
function inNameRun(text: string, c: Candidate): boolean {
  const after = text.slice(c.end)
  const hit = text.slice(c.start, c.end)
  if (TRADE_MARKS.test(hit) && !askedShopName(text, c)) return false
  const ownKind = OWN_KIND_AFTER.test(after) || OWN_KIND_AFTER.test(text.slice(c.end - 1)) || nameFromLast(text, c)
  if (ownKind && !(WRITTEN_KINDS.has(c.kind) && UNNAMED_CATEGORIES.has(c.category))) return true
  if (SHARED_KIND_AFTER.test(after) || KEEPER_AFTER.test(after)) return true
  const before = text.slice(edgeBefore(text, c.start, CLAUSE_END), c.start)
  const namer = c.category === 'insult' ? PET_NAMER : NAMER_BEFORE
  if ((namer.test(before) || PET_NAMER.test(before)) && NAME_ENDS.test(after)) return true
  if (PLACE_NAMER.test(before) && PLACE_AFTER.test(after) && c.category !== 'insult') return true
  return /^[A-Za-z]/u.test(hit) && (GLOSSED_AFTER.test(after) || GLOSSED_BEFORE.test(before) || romanisesName(text, c))
}

/**
 * Letters written as a name is: capitalised or split at the syllables (`SHI SHICAI`, `Du Bo`, `luo liao`), not run together
 * in lower case as a word of the sentence is (`杜昌说duchang今晚开`, `杜昌在duchang等你`; rev49).
 */
const WRITTEN_AS_NAME = /^[A-Z]|[a-zA-Z]\s+[a-zA-Z]/u

/**
 * True for a pinyin hit whose letters read a person's name (a surname first, not the term) that the message writes
 * elsewhere in ideographs: the letters romanise it, as a card, a passport or a signature does (`客户史时才的卡面凸字 SHI
 * SHICAI`: 史时才 reads shishicai, as 时时彩 does; f49), in a message that pitches nothing and names no way to reach
 * anyone, not even the name's own (`有luo liao工作室，联系人罗燎，vx号：…`).
 */
function romanisesName(text: string, c: Candidate): boolean {
  if (c.kind !== 'pinyin' || !c.form || !WRITTEN_AS_NAME.test(text.slice(c.start, c.end))) return false
  const reading = c.form.toLowerCase().replace(/[^a-z]/g, '')
  const size = c.term.length
  const surnames = wordTables().surnames
  for (const run of text.matchAll(/\p{Script=Han}+/gu)) {
    for (let at = 0; at + size <= run[0].length; at++) {
      const name = run[0].slice(at, at + size)
      if (name !== c.term && surnames.has(name[0]) && readsAs(name, reading))
        return !stillPitches(text, c) && !CONTACT_WORDS.test(text)
    }
  }
  return false
}

/**
 * Capitals right after an @ and glued to the name whose characters they spell (`@SB宋斌 合同放你桌上了`): a member's
 * display name with its initials first, up to a space, punctuation or the text's end.
 */
function initialsOfMention(text: string, c: Candidate): boolean {
  const letters = text.slice(c.start, c.end)
  if (!/^[A-Z]{2,4}$/u.test(letters) || !/[@＠]$/u.test(text.slice(0, c.start))) return false
  const name = /^\p{Script=Han}+(?=$|[\s\p{P}])/u.exec(text.slice(c.end))?.[0]
  return name !== undefined && name.length === letters.length && spells(name, letters.toLowerCase())
}

/**
 * True for a hit that is part of a name (see inNameRun), in a message that neither pitches the hit's own category
 * nor aims an insult at anyone (OWN_PITCH, callsNames, aimedAt). A
 * message that pitches otherwise (stillPitches, pitchesBeside) clears the name only where a hit of another category
 * outside it, itself in no name, flags the message (`时时彩妆店老板娘在招兼职刷单`: the ad, not gambling; two names
 * never clear each other: `百家乐超市招人，薇信美甲的老板说的，日结`, revnames). A member's initials before the
 * name they spell in an @-mention (initialsOfMention) need only a message that calls no one so and pitches nothing. `百家乐超市老板私下开台`,
 * `找杜博上分`, `@莎碧 你个傻逼`, `小王是个SB` stay hits.
 */
export function framedAsName(
  text: string,
  c: Candidate,
  candidates: readonly Candidate[],
  allowDomains: readonly string[],
): boolean {
  if (initialsOfMention(text, c))
    return !callsNames(text, c) && !stillPitches(text, c, allowDomains) && !SCORN.test(text.slice(c.end))
  if (!inNameRun(text, c)) return false
  let outside = text
  for (const d of candidates)
    if (d.category === c.category && inNameRun(text, d))
      outside = `${outside.slice(0, d.start)}${' '.repeat(d.end - d.start)}${outside.slice(d.end)}`
  if (pitchesOwn(text, c, outside)) return false
  if (!stillPitches(outside, c, allowDomains) && !pitchesBeside(text, c.start, c.end) && !CONTACT_WORDS.test(outside))
    return true
  return candidates.some(
    d =>
      d.category !== c.category &&
      !d.context &&
      !d.allowPhrase &&
      (d.end <= c.start || d.start >= c.end) &&
      !inNameRun(text, d),
  )
}

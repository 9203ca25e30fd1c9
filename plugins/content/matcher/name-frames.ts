/**
 * One broad reading of a hit as part of a name (issue #22, fnames): a shop's, a firm's, a street's, a pet's or a
 * person's name that holds a term's characters, sound or pinyin (`百家乐超市那边的冷柜`, `老虎机车行`, `嘉博彩钢`,
 * `纯货铺子的山核桃`, `我家仓鼠叫滚蛋`, `Dubo是杜博的英文名`). The name's extent is read by its shape: what kind of place
 * or thing it names after it, a namer before it, a gloss after it; never by a list of names.
 */

import type { Candidate } from './allow-filter.js'
import { CONTACT_WORDS } from './contact-words.js'
import { spells } from './form-names.js'
import { callsNames, aimedAt, pitchesBeside, stillPitches } from './pitch-guard.js'
import { CLAUSE_END, edgeBefore } from './talked-about-clauses.js'

/**
 * Kinds of shop, firm, estate or street that only a name stands before (`百家乐超市`, `老虎机车行`, `薇信美甲`,
 * `纯货铺子`, `嘉博彩钢`, `广博彩印`, `时时彩妆店`, `六合彩虹苑`): no offer of a term's trade is called so. 路 is a street's
 * only where it makes no word of its own with what follows (`博才路子很多`: 路子, 路线, 路费).
 */
const OWN_KINDS =
  '超市|便利店|小卖部|商店|商行|百货|车行|汽修|妆店|彩妆|美甲|美容院|美发|理发店|铺子|彩钢|彩印|印务|印刷|女装|男装|童装|鞋业|民宿|花店|花坊|茶饮|奶茶|茶庄|茶行|酒家|饭店|大酒店|餐厅|食府|面馆|家居|建材|五金|机械|注塑|电器|粮油|水果|生鲜|药房|诊所|幼儿园|驾校|苑|小区|花园|大厦|广场|路(?![子线费径数])|大街|街道|村委'
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
    /场子|老地方|手气|赢了|牌局|三缺一|[招做当]代理|代理(?:招|加盟|返)|一级|返佣|特马|(?:最新|精准|免费|一手|独家)资料|开码|码报|带飞|老规矩|[0-9一二两三四五六七八九十百千万]起|满[^，,；;。！!？?\n]{1,3}开|点开(?!业|会|门|工|始)|下注|押注|押[一二三四五六七八九十百千0-9]|[上下]分|开台|开局|开桌|有局|组局|赔率|彩金|首充|首存|返水|荷官|包赢|稳赚|稳赢|必中|必赢|回血|跟单|特码|开奖|网投|出款|带单|玩|赌|博彩|投注|彩票|充值/u,
  contact: /进群|拉群|群里发|发码|加(?!入|班|工|价|急|盟|油|热|重|快|强|大)|联系|私聊|私信|扫码|二维码|[0-9]{6,}/u,
  porn: /约(?!在)|裸|色|福利|资源|视频|看片|上门|同城|包夜|开房|一晚|全套/u,
}
/**
 * Scorn of someone or something outside the hit (`蠢货店的老板是个傻子`, `@SB宋斌 滚`; revnames): then an insult in a
 * name is still one.
 */
export const SCORN =
  /是个|恶心|傻子|脑残|有病|垃圾|废物|去死|(?<!滚)滚(?:吧|开|出|蛋|$|[\s\p{P}])|蠢|脑子|妈的|去你|狗东西|一个样|[他她它人]一样/u
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
 * True if the hit stands in a name its shape marks: a kind after it, a namer before it, a gloss beside it. An
 * insult or a porn term written as it is needs a character of the name's own before the kind (`滚蛋仔的老板娘`), and a
 * term that holds its trade's mark (TRADE_MARKS) names nothing, not even after a namer (`店名叫裸聊`; revnames).
 */
function inNameRun(text: string, c: Candidate): boolean {
  const after = text.slice(c.end)
  const hit = text.slice(c.start, c.end)
  if (TRADE_MARKS.test(hit)) return false
  const ownKind = OWN_KIND_AFTER.test(after) || OWN_KIND_AFTER.test(text.slice(c.end - 1))
  if (ownKind && !(WRITTEN_KINDS.has(c.kind) && UNNAMED_CATEGORIES.has(c.category))) return true
  if (SHARED_KIND_AFTER.test(after) || KEEPER_AFTER.test(after)) return true
  const before = text.slice(edgeBefore(text, c.start, CLAUSE_END), c.start)
  const namer = c.category === 'insult' ? PET_NAMER : NAMER_BEFORE
  if ((namer.test(before) || PET_NAMER.test(before)) && NAME_ENDS.test(after)) return true
  if (PLACE_NAMER.test(before) && PLACE_AFTER.test(after) && c.category !== 'insult') return true
  return /^[A-Za-z]/u.test(text.slice(c.start, c.end)) && (GLOSSED_AFTER.test(after) || GLOSSED_BEFORE.test(before))
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

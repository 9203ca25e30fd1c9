/**
 * Readings of a hit about money as something else: the company's pay received, initials where a verb of paying
 * stands, a price named, offered or changed, a sale to the speaker, a file sent. They run on the candidates of a
 * scan only.
 */

import type { Candidate } from './allow-filter.js'
import { SOUND_KINDS } from './expand.js'
import { OUTSIDE_REACH } from './form-work.js'
import { clauseBefore } from './form-clause.js'
import { CLAUSE_END, edgeAfter, edgeBefore } from './talked-about-clauses.js'
import { stillPitches } from './pitch-guard.js'

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
/**
 * Whoever wants the price of a thing, the clause's first words: `要茶叶`, `想要这款`, `谁要空调` (with 的 after the
 * term: 要茶叶底价的, those who want the tea's floor price); `不要泄露` is no one wanting it.
 */
const WANTED_BEFORE = /(?:^|想|谁)(?:要拿|要|拿)\p{Script=Han}{1,4}$/u
/** Spaces, as a message spaced out character by character has them (`私 聊 我 拿 底 价`). */
const SPACES = /\s+/gu
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

/** What the company pays for its goods: 成本价, 进货价, 拿货价, 供货价. */
const COST_TERM = /(?:成本|进货|拿货|供货)价$/u

/**
 * True for a price term (ending in 价: 底价, 内部价) offered to the reader or claimed as the lowest, with no table
 * and no figure told after it: the bait of a private contact or a claim (`要底价的私聊我`, `加我微信，发你底价`,
 * `私聊我，有底价`, `团购底价加我微信`, `全网最底价`, `要空调底价的加我`, `➕我微信，二手车内部价` (see baitsContact), spaced out
 * too: `私 聊 我 拿 底 价`), which the
 * message's other hits name; no price is leaked. `底价表我拍下来了`, `发你底价，三百八`, `底价是多少我都知道` and
 * `不要泄露底价的事` stay hits, and so does what the company pays (COST_TERM) offered in a message that pitches (see
 * stillPitches: `加我微信，拿成本价` leaks it to whoever writes).
 */
export function offersPrice(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!c.term.endsWith('价') || (COST_TERM.test(c.term) && stillPitches(text, c, allowDomains))) return false
  const after = text.slice(c.end).replace(SPACES, '')
  const before = clauseBefore(text, c.start).replace(SPACES, '')
  const offered =
    OFFERED_BEFORE.test(before) ||
    (WANTED_BEFORE.test(before) && after.startsWith('的')) ||
    CONTACT_AFTER.test(after) ||
    baitsContact(text, c)
  return offered && !TOLD_AFTER.test(after) && !AMOUNT.test(after)
}

/**
 * A request to contact the speaker that starts a clause and names the channel, maybe with ➕ or + for 加: `加我微信`,
 * `➕我V`, `加个vx`, `私聊我`. A bare `找我`, `私聊` or `滴我` names none: no other hit names the contact, and the price
 * is the message's only hit (`底价给你，找我`).
 */
const CONTACT_CLAUSE = /^\s*(?:[加➕+＋]\s*(?:我|个)?\s*(?:[vV]|微|威|薇|wx|WX)|私聊我)/u
/** What may follow a price ending its clause as bait: nothing, or the reader given it (`给你`, `发你`). */
const BAIT_END = /^\s*(?:(?:给|发)(?:你|您))?\s*$/u

/** A plea to keep it secret: the price is leaked, not baited (`加我微信，底价，别外传`). */
const HUSHED = /外传|外泄|保密|别说出去|不能说|别告诉|不要告诉|别声张/u

/**
 * True for a price term ending its clause (maybe before `给你`) next to a clause that asks to contact the speaker (see
 * CONTACT_CLAUSE): the price is the bait of the contact (`➕我微信，二手车内部价`, `内部价给你，私聊我`), none told;
 * not in a message that hushes it (HUSHED).
 */
function baitsContact(text: string, c: Candidate): boolean {
  const clauseTo = edgeAfter(text, c.end, CLAUSE_END)
  if (!BAIT_END.test(text.slice(c.end, clauseTo))) return false
  const clauseFrom = edgeBefore(text, c.start, CLAUSE_END)
  const previous = clauseFrom > 0 ? text.slice(edgeBefore(text, clauseFrom - 1, CLAUSE_END), clauseFrom - 1) : ''
  const next = text.slice(clauseTo + 1, edgeAfter(text, clauseTo + 1, CLAUSE_END))
  return (CONTACT_CLAUSE.test(previous) || CONTACT_CLAUSE.test(next)) && !HUSHED.test(text)
}

/**
 * What a price is made of besides its base, right after a 加 of adding: a margin, a fee, a tax, a markup
 * (`利润`, `管理费`, `运费`, `税`, `加成`'s 成, `合理利润`).
 */
const ADDED_PART =
  /^(?:(?:合理|一定|适当|固定)?(?:利润|毛利|利率|差价|提成|佣金|税费?|增值税|运费|邮费|手续费|管理费|服务费|加工费|人工费?|包装费|安装费|杂费|损耗|成(?!交)))/u

/**
 * Words of a price handed over, asked for privately or kept secret: then it is the price (`底加运费发你，别外传`,
 * `成本加利润，私信报价`, `成本加运费，找我要`).
 */
const KEPT_OR_HANDED =
  /发你|发给你|给你|私发|私聊|私我|私信|找我|联系我|详聊|加我|[私问]报价|报价单?(?:在|发|找)|外传|外泄|保密|别说出去|不能说/u

/**
 * True for a price term (ending in 价) written by sound with 加 for 价, followed by a part a price is made of: 加 adds
 * it, and the text tells how a price is worked out (`成本加利润的方式算`, `工程按成本加管理费结算`, `出厂加运费`), no
 * price. `成本加发你`, `成本加表私发`, `成本加多少不能说`, `底加运费发你，别外传` and a message that still pitches (see
 * stillPitches: `成本加利润，报价单在群文件`) stay hits.
 */
export function addsToPrice(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SOUND_KINDS.has(c.kind) || !c.term.endsWith('价') || text[c.end - 1] !== '加') return false
  return (
    ADDED_PART.test(text.slice(c.end, c.end + 6)) && !KEPT_OR_HANDED.test(text) && !stillPitches(text, c, allowDomains)
  )
}

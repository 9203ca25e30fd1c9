import type { ServiceConfig } from '../config.js'

/** Compiled complaint detection of one config. */
export interface Detector {
  /** The phrase or pattern that makes `text` a complaint, or undefined (none, or an allow-listed phrase). */
  match(text: string): string | undefined
}

/** Text inside quotation marks (“…”, "…", 「…」, 『…』): someone else's words, not the customer's complaint. */
const INLINE_QUOTE = /“[^”]*”|"[^"]*"|「[^」]*」|『[^』]*』/g

/** Marks that end a clause: a hit is judged by the clause it stands in. */
const CLAUSE_MARK = /[，,。.！!？?；;：:\n…~～]/

/** Words that ask for something (a return, a refund): only these are asked about in a question without complaining. */
const REQUEST = /退货|退款|退钱|换货|赔偿|售后|保修/

/**
 * Just before any hit, a customer saying they do not want it or will not do it: 不用退款, 不想投诉, 不会给差评的,
 * 不打算退货, 不是要投诉, 没想要退货.
 */
const UNWANTED =
  /(?:不用|不需要|不要|不想|无需|用不着|不会|不打算|没打算|(?:并?不是|并非|没有?|没想过?)(?:要|想|打算))(?:再|去|给|跟你们|给你们)?$/

/** A bare 不 just before a request the customer drops (不退货了); not 你们还不退款 (still not refunded). */
const DROPPED = /(?:^|[我就那也都先])不(?:再)?$/

/**
 * Just before a judgement (不满意, 质量问题, 投诉, not a request), a denial: 没什么不满意, 没有质量问题, 并不是投诉,
 * 并非要投诉, 没想去投诉.
 * Not before a request: 还没退款 is a complaint.
 */
const DENIED =
  /(?:没有?|没什么|没啥|并没有|并?不是|并非|无|谈不上|算不上|没想过?)(?:要|想|去)?(?:给|打|写|留|发|去)?(?:任何|什么|啥)?$/

/**
 * Just after a hit in its clause, the matter reported done: 退款已经收到了, 赔偿到账了, 投诉的事处理好了, 退货已经寄出了
 * (thanks after a resolution, no new complaint). Not when it is still undone (还没收到, 没有解决) or asked (处理好了吗).
 */
const DONE =
  /^.{0,6}?(?:已经?|都|终于|也)?(?:收到|到账|到手|处理好|处理完|解决|寄出|寄回|发出|退回|办好|办完|完成|搞定|弄好|(?:到|退)了$)/
const UNDONE = /没|未|不|还是|又/

/**
 * Just after any hit in its clause, the customer ruling it out: 差评是不可能给的, 差评肯定不会给, 投诉就算了, 退款就不用了.
 * Not 投诉不会有用吧 (不会 followed by something other than giving or doing it).
 */
const RULED_OUT =
  /^(?:是|就|我|也|那|倒是)?(?:不可能|(?:不会|绝不会?|绝对不会?|肯定不会?)(?:给|打|写|留|发|去|的|了)|(?:就)?(?:算了|免了|不用了|不必了|没必要))/

/** Before a hit in its clause, thanks for it: 谢谢你们的赔偿, 感谢这么快退款. */
const THANKED = /谢谢|感谢|多谢/

/**
 * Before a judgement (太差了, 不满意) in its clause, a subject that is not what the company sold or did: 今天路况太差了,
 * 我这边网络太差了 (the customer's own circumstances, no complaint about the product or service).
 */
const OFF_TOPIC = /路况|天气|网络|网速|信号|交通|堵车|心情|运气|身体|睡眠|胃口|记性|视力|手机|电脑|成绩|空气/

/** A clause that asks (请问…可以退货吗、怎么退款), unless it asks why or when (为什么还不退款？): that is a complaint. */
const ASKING = /^请问|[吗呢嘛么]$|怎么|如何|流程|政策|能不能|可不可以|能否|是否|支持/
const ASKING_WHY = /为什么|凭什么|怎么还|还不|还没|到底|什么时候|多久/

/** Something wrong with what they bought, anywhere in the message: a request asked about then is a complaint (质量这么差，能退货吗？). */
const SYMPTOM = /差|坏|漏|烂|破|裂|毛病|故障|不好用|不能用/

/** A wait the customer counts, anywhere in the message: a request asked about then is a complaint (等了三天了，退款呢？),
 * not 等了半天才想起来问. */
const WAITED = /等了?[一二两三四五六七八九十几半\d]+(?:天|周|个?星期|个?礼拜|个月|个?小时)(?!才)/

/** Before a hit in its clause, another company: 以前买别家的净水器质量问题很多. */
const OTHER_PARTY = /别家|别人家|其[他它]家|(?:别的|其[他它])(?:牌子|品牌|店|商家|公司|厂家)|以前那家|上一家|同行/

/**
 * Build a detector from `phrases`, `patterns` and `allow` (case-insensitive). Words in quotation marks do not
 * count, and a hit does not count (`ownComplaint`) when it is denied, asked about or about another company.
 */
export function detector(cfg: Pick<ServiceConfig, 'phrases' | 'patterns' | 'allow'>): Detector {
  const phrases = cfg.phrases.map(p => p.toLowerCase())
  const allow = cfg.allow.map(p => p.toLowerCase())
  const patterns = cfg.patterns.map(p => new RegExp(p, 'giu'))
  return {
    match(text) {
      const own = text.replace(INLINE_QUOTE, ' ')
      const t = own.toLowerCase()
      if (allow.some(a => t.includes(a))) return undefined
      for (const p of phrases) {
        for (let at = t.indexOf(p); at >= 0; at = t.indexOf(p, at + 1)) if (ownComplaint(t, at, p)) return p
      }
      for (const r of patterns) if (patternHit(r, own, t)) return r.source
      return undefined
    },
  }
}

/**
 * Whether a match of `r` (global, unicode) in `own` is the customer's own complaint (judged in `t`, its lower case),
 * matches taken in order as `matchAll` takes them. Through `exec` on `r` itself: `matchAll` made a copy of the
 * expression and an iterator per pattern for every customer message, most of which match nothing.
 */
function patternHit(r: RegExp, own: string, t: string): boolean {
  r.lastIndex = 0
  for (let m = r.exec(own); m; m = r.exec(own)) {
    if (ownComplaint(t, m.index, m[0])) {
      r.lastIndex = 0
      return true
    }
    if (!m[0]) r.lastIndex = nextIndex(own, r.lastIndex)
  }
  return false
}

/** The index after `i`, a surrogate pair counted as one (what an empty match advances by under the `u` flag). */
function nextIndex(s: string, i: number): number {
  const c = s.charCodeAt(i)
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1)
    if (d >= 0xdc00 && d <= 0xdfff) return i + 2
  }
  return i + 1
}

/**
 * Whether the hit `word` at `at` of `text` is the customer's own complaint, judged by its clause: not when it is
 * denied (没什么不满意的, 没给差评, 不是要投诉), unwanted, ruled out or dropped (不用退款, 不会退货的, 差评是不可能给的,
 * 不退货了), reported done (not asked when it will be: 退款到底什么时候到账) or thanked for
 * (退款已经收到了, 谢谢你们的赔偿), a request only asked about (可以退货吗？, nothing said to be wrong), about another
 * company, or a judgement of something the company did not sell (网络太差了).
 */
export function ownComplaint(text: string, at: number, word: string): boolean {
  const { before, after, clause, asks } = clauseOf(text, at, word.length)
  if (UNWANTED.test(before) || OTHER_PARTY.test(before) || THANKED.test(before)) return false
  if (RULED_OUT.test(after)) return false
  // 退款到底什么时候到账: asking when it arrives is no report that it arrived.
  if (!asks && !ASKING_WHY.test(clause) && DONE.test(after) && !UNDONE.test(after)) return false
  const request = REQUEST.test(word)
  if (request && DROPPED.test(before) && /^了/.test(after)) return false
  if (!request && (DENIED.test(before) || OFF_TOPIC.test(before))) return false
  return !(request && asks && !ASKING_WHY.test(clause) && !SYMPTOM.test(text) && !WAITED.test(text))
}

/** The clause around `text[at, at + length)`: the parts before and after the hit, the whole clause, whether it asks. */
function clauseOf(
  text: string,
  at: number,
  length: number,
): { before: string; after: string; clause: string; asks: boolean } {
  let start = at
  while (start > 0 && !CLAUSE_MARK.test(text[start - 1])) start--
  let end = at + length
  while (end < text.length && !CLAUSE_MARK.test(text[end])) end++
  const clause = text.slice(start, end).trim()
  const asks = text[end] === '？' || text[end] === '?' || ASKING.test(clause)
  return { before: text.slice(start, at).trim(), after: text.slice(at + length, end).trim(), clause, asks }
}

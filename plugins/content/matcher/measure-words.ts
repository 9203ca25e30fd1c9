import { tonelessReadings } from './expansion-data.js'
import { possessiveForms } from './possessive-forms.js'
import { IDEOGRAPHS, nounSaidOf } from './said-nouns.js'
import type { Dictionary } from './types.js'

/** The measure words a noun after 是 takes in speech: 是个骗子, 是一个骗子. */
const MEASURE_WORDS = ['个', '一个']
/** The adverbs that stress 是 in speech: 就是骗子, 真是个骗子, 也是骗子 (b22rec, issue #22). */
const STRESS_ADVERBS = ['就', '真', '也']

/**
 * The ways a term saying what someone or something is (`老板是骗子`, `产品是垃圾`) is said with a measure
 * word before the noun (`老板是个骗子`, `老板是一个骗子`), an adverb stressing 是 (`老板就是骗子`, `老板真是骗子`,
 * `老板也是骗子`), or both (`老板就是个骗子`). Only for a term of ideographs with one character or more before 是
 * and two or more after it (the noun of a name-calling; `是否` or a term ending 是X is no such sentence), whose
 * noun has no measure word yet; a negation (`老板不是骗子`) is none of these.
 */
export function measureWordForms(term: string): string[] {
  const at = nounSaidOf(term) - 1
  if (at < 0) return []
  const noun = term.slice(at + 1)
  if (MEASURE_WORDS.some(w => noun.startsWith(w))) return []
  const subject = term.slice(0, at)
  const measured = MEASURE_WORDS.map(w => `${subject}是${w}${noun}`)
  const stressed = STRESS_ADVERBS.flatMap(a => ['', ...MEASURE_WORDS].map(w => `${subject}${a}是${w}${noun}`))
  return [...measured, ...stressed]
}

/**
 * Words chat writes in letters, as the letters they are written with: 微信 as vx, v信 or v alone (v for wei, x for
 * xin), or as its initials wx.
 */
const CHAT_SPELLINGS: ReadonlyArray<[string, readonly string[]]> = [['微信', ['vx', 'v信', 'v', 'wx']]]

/** An ideograph anywhere. */
const HAN = /\p{Script=Han}/u

/** A term ending in the letter v after an ideograph (加v, 加个v): v writes 微, so vx after it writes 微信. */
const ENDS_IN_WEI = /\p{Script=Han}v$/iu

/**
 * The ways chat writes a term holding a word it spells in letters (see CHAT_SPELLINGS): `加我微信` as `加我vx`,
 * `加我v信`; `微信转账` as `vx转账`; and a term ending in v for 微 with x for 信 after it: `加v` as `加vx` (`+vx`,
 * + read as 加) (b22rec, issue #22). The first such word of the term only, and no form of letters alone (微信 is
 * no vx here).
 */
export function chatSpellings(term: string): string[] {
  for (const [word, spellings] of CHAT_SPELLINGS) {
    const at = term.indexOf(word)
    if (at < 0) continue
    const forms = spellings.map(w => `${term.slice(0, at)}${w}${term.slice(at + word.length)}`)
    // Letters alone (微信 as vx or v) are another term's business: a dictionary lists them with their own context.
    return forms.filter(form => HAN.test(form))
  }
  return ENDS_IN_WEI.test(term) ? [`${term}x`, `${term.slice(0, -1)}wx`] : []
}

/** A hit that ends in 微信 written in letters (加vx, 加我 wx, +v): see namesWeChatFeature. */
const ENDS_IN_CHAT_SPELLING = /(?:^|[^a-z])(?:vx|wx|v)$/iu
/** What WeChat offers a program or a page, right after its letters (past a space): its pay, its log-in, its mini programs. */
const WECHAT_FEATURE = /^\s?(?:支付|登录|登陆|授权|分享|小程序|公众号|接口|开发|sdk|api|jssdk)/iu

/**
 * True for 微信 written in letters at a hit's end with one of WeChat's features right after it: the product is
 * added to a program or a page (`给接口加wx登录`, `小程序要加 vx 支付吗`), no account asked for. `加wx详聊`,
 * `加我 vx，发你资料` stay hits.
 */
export function namesWeChatFeature(text: string, start: number, end: number): boolean {
  return ENDS_IN_CHAT_SPELLING.test(text.slice(start, end)) && WECHAT_FEATURE.test(text.slice(end, end + 8))
}

/**
 * 微信 in letters alone: its initials wx and chat's vx (v for wei, x for xin; see lettersOfWeChat). A dictionary's
 * v信 still reads vx as its initials, a hit wherever it stands (`vx:abc123`): the gate drops only this key's hits.
 */
const WECHAT_LETTERS = ['wx', 'vx']

/**
 * 微信 in letters alone (wx) for a term that writes 微信 by sound with another first character (薇信, 威信): a
 * term's initials in effect, which such a term takes none of (wx is as much 微信's, see spellsWordBySound). The
 * compile makes them keys of the term itself (see indexTerms: reading the term needs pinyin-pro, which a matcher
 * read from the cache never loads); their hits stay only where an account is asked for right beside them (see
 * isLettersAlone, asksForAccount).
 */
export function lettersOfWeChat(term: string): string[] {
  if (term.length !== 2 || term[1] !== '信' || term[0] === '微' || !IDEOGRAPHS.test(term)) return []
  return tonelessReadings(term).join(' ') === 'wei xin' ? WECHAT_LETTERS : []
}

/** A verb that asks for an account, right before letters (past a space): 留个, 留下, 加, 加个, +, 换个, 给个. */
const ASKS_BEFORE = /(?:留|加|\+|＋|换|给)(?:个|一个|下)?[ \t]?$/u
/**
 * What is done with an account, right after letters (past a space): 搜我 (not 搜我们, the company's own), 联系我, a
 * chat still to come (聊, 详谈; not 聊了, 聊过: a chat told), or sending to the speaker (发我: `vx发我`; frec3).
 */
const ASKS_AFTER = /^[ \t]?(?:搜索?我(?!们)|联系我|找我|私聊|私我|[详细]?[聊谈](?![了过着的])|发我(?!们))/u

/**
 * True where the letters of 微信 alone (see lettersOfWeChat) ask for an account: `留个 wx，我拉你进群`, `加个wx`,
 * `wx 搜我手机号`, `vx 详谈`. `我 wx 发你了`, `wx 聊过了`, `wx 搜我们店名` and a file's `wx.config` stay no hit.
 */
export function asksForAccount(text: string, start: number, end: number): boolean {
  return ASKS_BEFORE.test(text.slice(Math.max(0, start - 3), start)) || ASKS_AFTER.test(text.slice(end, end + 5))
}

/**
 * Every way a term of a category is said that the matcher compiles as a term of its own: measureWordForms,
 * chatSpellings, possessiveForms.
 */
export function spokenForms(term: string, category?: string): string[] {
  const chat = chatSpellings(term)
  const measured = measureWordForms(term)
  const owned = possessiveForms(category, term)
  return chat.length === 0 && owned.length === 0 ? measured : [...measured, ...chat, ...owned]
}

/** True for 微信 in letters alone (wx, folded, see lettersOfWeChat): kept only where an account is asked for. */
export function isLettersAlone(folded: string): boolean {
  return WECHAT_LETTERS.includes(folded)
}

/**
 * The spoken forms of a dictionary's terms (see spokenForms), each with its term: the matcher compiles each
 * form as a term of the term's category, expansions and all (老板是个骗纸), and reports its hits as the term's.
 * Not for slang (a form would need no context word) nor a form that is a term itself.
 */
export function measureWordTerms(dictionary: Dictionary): Map<string, string> {
  const terms = new Set(Object.values(dictionary.categories).flatMap(rule => rule.terms))
  const spoken = new Map<string, string>()
  for (const [category, rule] of Object.entries(dictionary.categories)) {
    for (const term of rule.terms) {
      if (rule.slang?.includes(term)) continue
      for (const form of spokenForms(term, category)) if (!terms.has(form)) spoken.set(form, term)
    }
  }
  return spoken
}

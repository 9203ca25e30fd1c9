import { describe, expect, it } from 'vitest'
import { matcherOf, quotes } from './helpers.js'

const matcher = matcherOf({
  porn: ['裸聊', '成人视频'],
  contact: ['加v', 'vx号', '加我微信'],
  false_ad: ['100%有效', '第一品牌'],
  insult: ['sb', '傻逼'],
  gambling: ['赌场', '下注'],
})

/** Inserts `separator` between every character of a term. */
function spread(term: string, separator: string): string {
  return [...term].join(separator)
}

/** Terms (with their category) that every evasion is tried on. */
const TERMS: [string, string][] = [
  ['裸聊', 'porn'],
  ['成人视频', 'porn'],
  ['加我微信', 'contact'],
  ['第一品牌', 'false_ad'],
  ['赌场', 'gambling'],
]

/** Separators an evader puts between the letters of a term. */
const SEPARATORS: [string, string][] = [
  ['spaces', ' '],
  ['several spaces', '   '],
  ['ideographic spaces', '\u3000'],
  ['hyphens', '-'],
  ['underscores', '_'],
  ['dots', '.'],
  ['asterisks', '*'],
  ['pipes', '|'],
  ['slashes', '/'],
  ['tildes', '~'],
  ['middle dots', '·'],
  ['mixed punctuation', '#@'],
  ['emoji', '😀'],
  ['emoji with skin tone', '👍🏻'],
  ['emoji ZWJ sequence', '👨‍👩‍👧'],
  ['flag emoji', '🇨🇳'],
  ['zero-width space', '\u200b'],
  ['zero-width joiner', '\u200d'],
  ['zero-width non-joiner', '\u200c'],
  ['BOM / zero-width no-break space', '\ufeff'],
  ['word joiner', '\u2060'],
  ['soft hyphen', '\u00ad'],
  ['variation selector', '\ufe0f'],
  ['combining mark', '\u0301'],
  ['Hangul filler', '\u3164'],
  ['line feed', '\n'],
  ['CRLF', '\r\n'],
  ['line separator', '\u2028'],
  ['tab', '\t'],
]

describe('separators inserted between the letters of a term', () => {
  for (const [name, separator] of SEPARATORS) {
    it.each(TERMS)(`finds %s split by ${name}`, (term, category) => {
      const evaded = spread(term, separator)
      expect(quotes(matcher, `前面的话${evaded}后面的话`, category)).toEqual([evaded])
    })
  }
})

describe('look-alike letters and digits', () => {
  it.each([
    ['full-width Latin letters', '有需要的加Ｖ详聊', 'contact', '加Ｖ'],
    ['full-width letters and digits', 'ＶＸ号发你', 'contact', 'ＶＸ号'],
    ['full-width digits and percent', '这款滤芯１００％有效', 'false_ad', '１００％有效'],
    ['circled digits', '这款滤芯①⓪⓪%有效', 'false_ad', '①⓪⓪%有效'],
    ['circled letters', '加ⓥ详聊', 'contact', '加ⓥ'],
    ['upper-case circled letters', 'ⓋⓍ号', 'contact', 'ⓋⓍ号'],
    ['negative circled letters', '🅥🅧号', 'contact', '🅥🅧号'],
    ['mathematical bold letters', '𝐕𝐗号', 'contact', '𝐕𝐗号'],
    ['mathematical double-struck letters', '𝕧𝕩号', 'contact', '𝕧𝕩号'],
    ['mathematical script letters', '𝓋𝓍号', 'contact', '𝓋𝓍号'],
    ['mathematical sans-serif digits', '𝟭𝟬𝟬%有效', 'false_ad', '𝟭𝟬𝟬%有效'],
    ['upper case', '价格方面VX号详谈', 'contact', 'VX号'],
    ['mixed case', '你是SB吗', 'insult', 'SB'],
    ['a Cyrillic look-alike x', 'vх号', 'contact', 'vх号'],
    ['Greek look-alike letters', 'νχ号', 'contact', 'νχ号'],
    ['a square root for v', '需要的加√详聊', 'contact', '加√'],
    ['a check mark for v', '✓x号发你', 'contact', '✓x号'],
    ['Kangxi radical for 一', '第⼀品牌', 'false_ad', '第⼀品牌'],
  ])('finds a term written with %s', (_name, text, category, expected) => {
    expect(quotes(matcher, text, category)).toEqual([expected])
  })
})

describe('traditional Chinese', () => {
  it.each([
    ['私聊時說裸聊', 'porn', '裸聊'],
    ['成人視頻資源', 'porn', '成人視頻'],
    ['去賭場玩', 'gambling', '賭場'],
    ['加我微信詳聊', 'contact', '加我微信'],
    ['第一品牌', 'false_ad', '第一品牌'],
  ])('finds the simplified term in %s', (text, category, expected) => {
    expect(quotes(matcher, text, category)).toEqual([expected])
  })
})

describe('combined evasions', () => {
  it.each([
    ['traditional + spaces + emoji', '成 人😀視 頻', 'porn'],
    ['full-width + zero-width + punctuation', '加\u200b.Ｖ', 'contact'],
    ['upper case + styled + line breaks', 'Ⓥ\nX\n號', 'contact'],
    ['circled digits + emoji + full-width percent', '①💰⓪👍⓪％有😀效', 'false_ad'],
    ['traditional + zero-width + combining mark', '賭\u200d\u0301場', 'gambling'],
  ])('%s', (_name, evaded, category) => {
    expect(quotes(matcher, `看看${evaded}吧`, category)).toEqual([evaded])
  })
})

describe('normal text stays clean', () => {
  it.each([
    ['a Latin term inside a word', 'USB 接口坏了', 'insult'],
    ['a Latin term edge touching a letter', '加VIP享受免费上门服务', 'contact'],
    ['a Latin term after a letter', 'devx号', 'contact'],
    ['a digit term inside a longer number', '这款滤芯1100%有效', 'false_ad'],
    ['a term split by a comma between words', '成人，视频会议改到明天', 'porn'],
    ['a two-letter term split by a full stop', '我在楼下。注意安全', 'gambling'],
    ['a term split by a line break in one place only', '第一\n品牌推广方案', 'false_ad'],
    ['a check mark after a task', '报名表已填好√，下周参加', 'contact'],
  ])('no match for %s', (_name, text, category) => {
    expect(quotes(matcher, text, category)).toEqual([])
  })

  it.each(['、', '，', '。', '!'])('finds a longer term split by %s between every pair of letters', mark => {
    const evaded = spread('成人视频', mark)
    expect(quotes(matcher, `有${evaded}吗`, 'porn')).toEqual([evaded])
  })

  it('does not read two letters split by sentence punctuation as one word', () => {
    expect(quotes(matcher, '去赌，场', 'gambling')).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { compileMatcher, describeMatchKind } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'
import { DICTIONARY, EVERYONE_INSULTS, admin, cust, spammer, start } from '../setup.js'

/** Homophones in another tone than the `homophone` ones take (加维 for 加薇): the opt-in kind `toneless`. */
describe('toneless homophones (opt-in, review-only unless a category acts on them)', () => {
  const terms = { contact: ['加薇'], insult: ['傻逼', '去死'], porn: ['成人视频'] }
  const toneless = compileMatcher(expandingDictionary(terms, ['homophone', 'toneless']))
  const how = (text: string) => toneless.scan(text).map(m => `${m.matched}: ${describeMatchKind(m)}`)

  it('finds a common character of the same syllable in another tone (维 wei2 for 薇 wei1, 鼻 bi2 for 逼 bi1)', () => {
    expect(how('价格加维详谈')).toEqual(['加维: 异调谐音 加维 → 加薇'])
    expect(how('你是不是傻鼻啊')).toEqual(['傻鼻: 异调谐音 傻鼻 → 傻逼'])
  })

  it('leaves the same-syllable homophones of the short list as homophones (傻笔, 煞笔)', () => {
    expect(how('傻笔一个')).toEqual(['傻笔: 谐音 傻笔 → 傻逼'])
  })

  it('is off unless a category expands it', () => {
    const homophones = compileMatcher(expandingDictionary(terms, ['homophone']))
    expect(homophones.scan('你是不是傻鼻啊')).toEqual([])
    expect(homophones.categoriesOf('傻笔一个')).toEqual(['insult'])
    // All but 微 in another tone after 加, asked to be added as an account: read as 微, review-only (frec3).
    expect(homophones.scan('价格加维详谈').map(m => `${m.matched}: ${describeMatchKind(m)}, ${m.reviewOnly}`)).toEqual([
      '加维: 异调谐音 加维 → 加薇, true',
    ])
  })

  it('keeps the word rules: a swap that makes a word is no hit (加价 is a word, 去世 a word)', () => {
    expect(toneless.scan('价格加价了')).toEqual([])
    expect(toneless.scan('老人去世了')).toEqual([])
  })

  it('takes no homophone that normalisation reads as another character (乾 for 钱 folds to 干: 都干完了 is clean)', () => {
    const gambling = compileMatcher(expandingDictionary({ gambling: ['赌钱'] }, ['homophone', 'toneless']))
    expect(gambling.scan('这些活我们都干完了')).toEqual([])
    expect(gambling.scan('乾坤')).toEqual([])
    expect(gambling.scan('天天堵钱').map(m => m.kind)).toEqual(['homophone'])
  })

  it('gives long terms no toneless forms: they take other tones as homophones already', () => {
    expect(toneless.scan('成人视屏').map(m => m.kind)).toEqual(['homophone'])
  })
})

describe('a toneless hit in a group', () => {
  it('goes to the admins for review and does nothing to the member', async () => {
    const h = await start('', [DICTIONARY, 'test/plugins/content/fixtures/toneless-insult.yaml'])
    await h.post(spammer, cust, '你是不是傻鼻啊')
    await h.drain()
    expect(h.wechat.textsTo(cust.id)).toEqual([])
    expect(h.rt.ledger.activeStrikes(spammer.id, h.clock.now())).toEqual([])
    const [asked] = h.wechat.textsTo(admin.id)
    expect(asked).toContain('🔎 待确认 R1：疑似侮辱性言论')
    expect(asked).toContain('异调谐音 傻鼻 → 傻逼')
  })

  it('acts when the category lists toneless in act', async () => {
    const h = await start(EVERYONE_INSULTS, [
      DICTIONARY,
      'test/plugins/content/fixtures/toneless-insult.yaml',
      'test/plugins/content/fixtures/toneless-insult-acts.yaml',
    ])
    await h.post(spammer, cust, '你是不是傻鼻啊')
    await h.drain()
    expect(h.wechat.textsTo(cust.id)).toHaveLength(1)
    expect(h.wechat.textsTo(admin.id).join('\n')).not.toContain('待确认')
  })
})

/** A near nasal final (in/ing, en/eng, an/ang) in any tone, also beside a homophone of the other character. */
describe('toneless homophones of the near nasal final', () => {
  const terms = { porn: ['一夜情', '色情'], insult: ['滚蛋'] }
  const toneless = compileMatcher(expandingDictionary(terms, ['homophone', 'toneless']))
  const how = (text: string) => toneless.scan(text).map(m => `${m.matched}: ${describeMatchKind(m)}`)

  it('finds qin for qing and dang for dan', () => {
    expect(how('一夜琴服务')).toEqual(['一夜琴: 异调谐音 一夜琴 → 一夜情'])
    expect(how('你给我滚当')).toEqual(['滚当: 异调谐音 滚当 → 滚蛋'])
  })

  it('finds a homophone and a near nasal final in one term (涩 se4 for 色, 琴 qin2 for 情)', () => {
    expect(how('涩琴网站')).toEqual(['涩琴: 异调谐音 涩琴 → 色情'])
  })

  it('is off with homophones alone', () => {
    const homophones = compileMatcher(expandingDictionary(terms, ['homophone']))
    expect(homophones.scan('一夜琴服务 涩琴网站 你给我滚当')).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/** The shared categories the sentences below name, terms as given, with the expansions that find their names. */
const m = compileMatcher(
  expandingDictionary(
    {
      contact: ['加薇', '加v', 'v信'],
      gambling: ['百家乐', '网赌', '博彩', '赌场', '下注'],
      insult: ['蠢货', '脑残', '傻逼'],
    },
    ['homophone', 'toneless', 'pinyin', 'initials'],
  ),
)

describe('a sound-alike firm name before its line of business and what the firm says or has (issue #22, fname3)', () => {
  it('is no hit before a line of business and a person of the firm, or the firm telling something', () => {
    expect(m.categoriesOf('百佳乐水产的老板说这周带鱼涨价')).toEqual([])
    expect(m.categoriesOf('佳薇家政的阿姨下午到')).toEqual([])
    expect(m.categoriesOf('伯才装卸那边说车到了')).toEqual([])
    expect(m.categoriesOf('网都旅游的业务员明天来签合同')).toEqual([])
    expect(m.categoriesOf('博采纸业那边报价了，比上次低')).toEqual([])
  })

  it('stays a hit before a platform, a game or a team, after an offer, or as the term written out', () => {
    expect(m.categoriesOf('百佳乐平台那边说能提现')).toEqual(['gambling'])
    expect(m.categoriesOf('网都真人的经理说今晚返水')).toEqual(['gambling'])
    expect(m.categoriesOf('百佳乐娱乐那边说今晚返水')).toEqual(['gambling'])
    expect(m.categoriesOf('网都团队的经理带你回血')).toEqual(['gambling'])
    expect(m.categoriesOf('百佳乐水产的老板带你回血')).toEqual(['gambling'])
    expect(m.categoriesOf('百佳乐海鲜那边注册送彩金')).toEqual(['gambling'])
    expect(m.categoriesOf('网赌旅游的业务员明天到')).toEqual(['gambling'])
  })
})

describe('a place in pinyin before its administrative unit (issue #22, fname3)', () => {
  it('is no hit before 县, 市, 镇, 村 that start no other word', () => {
    expect(m.categoriesOf('Duchang 镇上的经销商明天对账')).toEqual([])
    expect(m.categoriesOf('我们在 Wangdu 市的门店下周开业')).toEqual([])
    expect(m.categoriesOf('Baijiale 村的果园今年丰收')).toEqual([])
  })

  it('stays a hit when played, in lower case, before a word the unit starts, or with an offer', () => {
    expect(m.categoriesOf('玩 Wangdu 县那边的盘')).toEqual(['gambling'])
    expect(m.categoriesOf('wangdu 县那边天天返水')).toEqual(['gambling'])
    expect(m.categoriesOf('Wangdu 市场天天返水')).toEqual(['gambling'])
    expect(m.categoriesOf('Baijiale 区注册送彩金')).toEqual(['gambling'])
    expect(m.categoriesOf('Wangdu 县的代理，想玩的私聊')).toEqual(['gambling'])
  })
})

describe('initials inside an English name (issue #22, fname3)', () => {
  it('is no hit before the next capitalised word of the name, or in brackets after the words they abbreviate', () => {
    expect(m.categoriesOf('同事在 SB Nation 上看到这条新闻')).toEqual([])
    expect(m.categoriesOf('他在 Santa Barbara (SB) 读书')).toEqual([])
    expect(m.categoriesOf('客户来自 New Caledonia (NC)，要寄样品')).toEqual([])
  })

  it('stays a hit said of someone, before a pinyin surname, alone, or in brackets that spell other words', () => {
    expect(m.categoriesOf('你个 NC State')).toEqual(['insult'])
    expect(m.categoriesOf('SB Wang 你等着')).toEqual(['insult'])
    expect(m.categoriesOf('那个 SB Boss 又来了')).toEqual(['insult'])
    expect(m.categoriesOf('NC 吧你')).toEqual(['insult'])
    expect(m.categoriesOf('你真是个 NC，NC State 都不认识')).toEqual(['insult'])
    expect(m.categoriesOf('来自 New York (NC) 的那个')).toEqual(['insult'])
  })

  it('stays a hit as an account service before the account, or with an offer', () => {
    expect(m.categoriesOf('有事 VX Lily888')).toEqual(['contact'])
    expect(m.categoriesOf('VX Lily 加我')).toEqual(['contact'])
    expect(m.categoriesOf('SB State 的资源加我')).toEqual(['insult'])
  })
})

describe('a sound-alike that names a body at the start of its clause (issue #22, fname3)', () => {
  it('is no hit before 会 and when it meets or what it decides', () => {
    expect(m.categoriesOf('家委会下周投票选新会长')).toEqual([])
    expect(m.categoriesOf('家委会周五开会讨论停车费')).toEqual([])
    expect(m.categoriesOf('放学后，家委会讨论了校服的事')).toEqual([])
    expect(m.categoriesOf('下周家委会投票选新会长')).toEqual([])
  })

  it('stays a hit before what else follows, after other words, with an offer, or with a term character kept', () => {
    expect(m.categoriesOf('家委会发你资料')).toEqual(['contact'])
    expect(m.categoriesOf('想要的家委会发你')).toEqual(['contact'])
    expect(m.categoriesOf('想要资料的明天家委会开会发你')).toEqual(['contact'])
    expect(m.categoriesOf('想领资料的，家委会明天发你')).toEqual(['contact'])
    expect(m.categoriesOf('家委，私聊领资料')).toEqual(['contact'])
    expect(m.categoriesOf('加薇会明天通知你')).toEqual(['contact'])
  })
})

describe('a sound-alike of an insult in a message about stock (issue #22, fname3)', () => {
  it('is no hit beside a word of goods ordered, stocked or listed', () => {
    expect(m.categoriesOf('春货进货单发我一份')).toEqual([])
    expect(m.categoriesOf('春货订货会定在周四')).toEqual([])
  })

  it('stays a hit said of someone', () => {
    expect(m.categoriesOf('你个春货')).toEqual(['insult'])
    expect(m.categoriesOf('真是个春货，进货都能进错')).toEqual(['insult'])
  })
})

describe('a two-character term the segmenter reads across two words (issue #22, fname3)', () => {
  it('is no hit when a word ends in its first character and another starts with its last', () => {
    expect(m.categoriesOf('下午去博物馆看文博彩陶')).toEqual([])
  })

  it('stays a hit where a character of it stands alone or the term is a word', () => {
    expect(m.categoriesOf('这是博彩网站')).toEqual(['gambling'])
    expect(m.categoriesOf('网上下注平台')).toEqual(['gambling'])
  })
})

describe('a Latin letter that shapes a garment after a contact term (issue #22, fname3)', () => {
  it('is no hit before a neckline or a letter shape', () => {
    expect(m.categoriesOf('这条裙子想加V领还是圆领？')).toEqual([])
    expect(m.categoriesOf('样衣改成加V领的那款')).toEqual([])
    expect(m.categoriesOf('加V字领会不会太低')).toEqual([])
    expect(m.categoriesOf('这件改加V领更显瘦')).toEqual([])
  })

  it('stays a hit where 领 takes something, or with an offer', () => {
    expect(m.categoriesOf('加V领红包')).toEqual(['contact'])
    expect(m.categoriesOf('加v领取资料')).toEqual(['contact'])
    expect(m.categoriesOf('加V领了没')).toEqual(['contact'])
    expect(m.categoriesOf('加V领吗？想要的私聊')).toEqual(['contact'])
    expect(m.categoriesOf('加V私聊')).toEqual(['contact'])
  })
})

import { describe, expect, it } from 'vitest'
import { swapAlternatives } from '../../../../plugins/content/matcher/expand.js'
import { compileMatcher, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import { WEI_IN_OTHER_TONES } from '../../../../plugins/content/matcher/wechat-sounds.js'
import { SHARED_DICTIONARY, SHIPPED_DICTIONARY, hasEvalFile } from './eval-helpers.js'

/**
 * Classes of misses blind32, blind34, blind35 and blind36 showed (issue #22, frec3), with new sentences of each
 * class, violating and clean, on the shared dictionary as it is (its standard categories' expansions and context
 * words), and on the shipped one where its terms read the same letters otherwise.
 */
let compiled: ReturnType<typeof compileMatcher> | undefined
const categories = (text: string) =>
  (compiled ??= compileMatcher(loadDictionaryFiles([SHARED_DICTIONARY]).dictionary)).categoriesOf(text)
let compiledShipped: ReturnType<typeof compileMatcher> | undefined
const shippedCategories = (text: string) =>
  (compiledShipped ??= compileMatcher(loadDictionaryFiles([SHIPPED_DICTIONARY]).dictionary)).categoriesOf(text)

describe.skipIf(!hasEvalFile)('frec3: 微信 in letters alone (vx, wx) where an account is asked for', () => {
  it('finds vx as wx is found, after a verb asking for an account', () => {
    expect(categories('要报名表的留个vx，晚上统一发')).toEqual(['contact'])
    expect(categories('给个 vx，样衣照片私下给你')).toEqual(['contact'])
  })

  it('finds the letters before a chat still to come or a sending to the speaker', () => {
    expect(categories('图纸太大传不上来，wx 详谈')).toEqual(['contact'])
    expect(categories('想要试吃装的 vx发我地址')).toEqual(['contact'])
  })

  it('leaves a chat told, a product code and a reading alone', () => {
    expect(categories('上周跟供应商 wx 聊过了，价格没变')).toEqual([])
    expect(categories('VX-300 的滤网到货了，仓库自取')).toEqual([])
    expect(categories('传感器的 wx 读数偏高，明天校准')).toEqual([])
  })

  it('keeps a dictionary term that reads the letters otherwise (v信 reads vx wherever it stands)', () => {
    expect(shippedCategories('vx:shop_2024 质量保证')).toEqual(['contact'])
    expect(shippedCategories('要报名表的留个vx，晚上统一发')).toEqual(['contact'])
  })
})

describe.skipIf(!hasEvalFile)('frec3: 问题, a matter, is no question asked', () => {
  it('finds a contact term after 问题 with a refusal to answer in the group', () => {
    expect(categories('售后问题私聊我，群里不回复')).toEqual(['contact'])
  })

  it('still leaves a question someone asked and that went unanswered alone', () => {
    expect(categories('有人问加我微信的事，我没回')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)('frec3: another shape of a folded look-alike (徴, the Japanese shape of 徵)', () => {
  it('reads 徴 as 微 where 徵 is read so', () => {
    expect(categories('报名的加我徴信，备注班级')).toEqual(['contact'])
  })

  it('leaves 徴 alone where no term is written with it', () => {
    expect(categories('税务局徴收通知已经转发给财务了')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)('frec3: 微 in another tone after 加, asked to be added (加维详聊)', () => {
  it('finds 加 and 微 in another tone before a chat to come, a private send or the clause’s end', () => {
    expect(categories('整车报价不方便公开，加维详谈')).toEqual(['contact'])
    expect(categories('要装修效果图的加为，私发给你')).toEqual(['contact'])
    expect(categories('拼团名额不多了，感兴趣的加维')).toEqual(['contact'])
  })

  it('leaves the words 加维 and 加为 start, and a name, alone', () => {
    expect(categories('空调外机要加维修费，师傅明天来')).toEqual([])
    expect(categories('老人每天加维生素D就行')).toEqual([])
    expect(categories('把新来的实习生加为群管理')).toEqual([])
    expect(categories('门店下周加维维进销售群')).toEqual([])
  })

  it('leaves a seat added at a clause’s end alone (加位), where no one is invited', () => {
    expect(categories('周六包厢人多，记得加位。')).toEqual([])
  })

  it('leaves a seat asked about alone (加位咨询), but not 加维 or 加为 before an enquiry (found in review)', () => {
    expect(categories('会议室坐满了，要加位咨询行政')).toEqual([])
    expect(categories('团购细节加维咨询')).toEqual(['contact'])
  })

  it('reads the same characters as the toneless kind takes for 微 beyond its homophones', () => {
    const toneless = swapAlternatives('加微', new Set(['toneless']))[0][1]
    const homophones = new Set(swapAlternatives('加微', new Set(['homophone']))[0][1])
    expect(toneless.filter(c => !homophones.has(c)).join('')).toBe(WEI_IN_OTHER_TONES)
  })
})

describe.skipIf(!hasEvalFile)('frec3: a pet name doubling a term’s last character before a title', () => {
  it('leaves a colleague added or asked for by a pet name alone (薇薇姐, 威威哥)', () => {
    expect(categories('周一记得加薇薇姐进供应商群，她管对账')).toEqual([])
  })

  it('still finds the term where no title follows the doubled character', () => {
    expect(categories('价格私聊，加薇薇，备注来意')).toEqual(['contact'])
  })

  it('still finds the term where the pet name comes with an account, a number or an invitation (found in review)', () => {
    expect(categories('加薇薇姐：qq778899a，看私房照')).toEqual(['contact'])
    expect(categories('加薇薇妹 13912345678')).toEqual(['contact'])
    expect(categories('想要资源的加薇薇姐')).toEqual(['contact'])
    expect(categories('加威威哥 qwe12345')).toEqual(['contact'])
  })
})

describe.skipIf(!hasEvalFile)('frec3: an owned thing said with 的 between its owner and itself (客户的名单)', () => {
  it('finds a leak’s term of two words said with 的, written as is or split', () => {
    expect(categories('去年展会客户的名单我这有，五毛一条')).toEqual(['confidential'])
    expect(categories('装修公司内部的资料打包出，要的私聊')).toEqual(['confidential'])
    expect(categories('健身房会员客户的夕口单，一百块全给你')).toEqual(['confidential'])
  })

  it('leaves the same words in another category’s terms, and a kept-back reminder, alone', () => {
    expect(categories('世上没有绝对的安全，多备份总没错')).toEqual([])
    expect(categories('内部的资料请勿外传，谢谢配合')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)('frec3: a swapped surname after a time of day an offer runs at (深夜罗聊)', () => {
  it('finds the term after a time of day, as after the start of a clause', () => {
    expect(categories('今晚罗聊，一次两百')).toEqual(['porn'])
  })

  it('still reads a surname after a word for a person, and a word the form makes with what stands before it', () => {
    expect(categories('老罗聊完客户就回来')).toEqual([])
    expect(categories('门店春货备齐了')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)('frec3: a list of a price’s initials said to be at hand (cbj表在这)', () => {
  it('confirms the initials with a list of them at hand, dotted or not', () => {
    expect(categories('瓷砖的 j.h.j 清单我这有，按它报')).toEqual(['confidential'])
    expect(categories('cbj明细我有，报价往上加两成')).toEqual(['confidential'])
  })

  it('leaves a form’s field and a list still being made alone', () => {
    expect(categories('招标文件 cbj 表格那一栏记得填')).toEqual([])
    expect(categories('jhj 清单在做了，明天给财务')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)('frec3: a long term’s leading word in letters (lb就是个骗子)', () => {
  it('finds a term of more than six characters with its first word written as initials or pinyin', () => {
    expect(categories('工资拖了三个月，咱们lb真是个骗子')).toEqual(['defamation'])
    expect(categories('laoban就是个骗子，大家别续费了')).toEqual(['defamation'])
  })

  it('leaves the letters alone where the rest is not the term', () => {
    expect(categories('这袋面粉 5 lb，就是两公斤多')).toEqual([])
    expect(categories('lb就是个单位，一磅')).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { compileMatcher, type ExpansionKind, type MatchKind } from '../../../../plugins/content/matcher/index.js'
import { expandTerm } from '../../../../plugins/content/matcher/expand.js'
import { dictionaryOf } from './helpers.js'

const ALL: ExpansionKind[] = ['pinyin', 'initials', 'homophone', 'split', 'lookalike']

/** A matcher over one category with the given options. */
function category(terms: string[], options: { expand?: ExpansionKind[]; act?: MatchKind[]; context?: string[] } = {}) {
  const dictionary = dictionaryOf({ c: { terms } })
  Object.assign(dictionary.categories.c, { expand: ALL, ...options })
  return compileMatcher(dictionary)
}

describe('homophones: near sounds in long terms, words around them', () => {
  it('takes another tone or a near sound in terms of four characters or more', () => {
    expect(
      category(['成人视频'])
        .scan('成人视屏高清')
        .map(m => m.kind),
    ).toEqual(['homophone'])
  })

  it('keeps the tone in short terms', () => {
    const m = category(['赌场'])
    expect(m.categoriesOf('小王报了独唱节目')).toEqual([])
  })

  it('takes an everyday character with the same tone unless it makes a word (六和彩, not 实时采集)', () => {
    expect(category(['六合彩']).categoriesOf('六和彩特码资料')).toEqual(['c'])
    expect(category(['时时彩']).categoriesOf('新款净水器能实时采集水质数据')).toEqual([])
  })

  it('keeps a swap whose word Weibo never has (时时菜: 时菜 is a CC-CEDICT word, no chat word)', () => {
    expect(category(['时时彩']).categoriesOf('时时菜稳赚计划，跟单')).toEqual(['c'])
    expect(category(['时时彩']).categoriesOf('能实时采集数据')).toEqual([])
  })

  it('drops a swapped edge character that makes a word with its neighbour outside the hit', () => {
    expect(category(['日赚']).categoriesOf('活动期间请大家每日转发公司海报')).toEqual([])
    expect(category(['约炮']).categoriesOf('周六早上约跑步的同事')).toEqual([])
    expect(category(['六合彩']).categoriesOf('六合菜市场旁边的门店')).toEqual([])
  })

  it("drops a swap whose kept first character ends a word of the segmenter's before it (水色 + 清透: 色情 -> 色清)", () => {
    const m = category(['色情'])
    expect(m.categoriesOf('这块翡翠水色清透亮')).toEqual([])
    expect(m.categoriesOf('肤色清透，气色清爽')).toEqual([])
    expect(m.categoriesOf('群里谁发色清视频')).toEqual(['c'])
    expect(m.categoriesOf('有没有色清片')).toEqual(['c'])
    expect(category(['去死']).categoriesOf('你快去四吧')).toEqual(['c'])
  })

  it('drops one swap that turns a word of the term into another common word (时时 -> 实时)', () => {
    expect(category(['时时彩']).categoriesOf('屏幕能实时彩色显示')).toEqual([])
    expect(category(['时时彩']).categoriesOf('十时彩计划群')).toEqual(['c'])
  })

  it('reads a swapped numeral before a classifier as a number (去四家门店), not as the term', () => {
    const m = category(['去死'])
    expect(m.categoriesOf('明天去四家门店巡检')).toEqual([])
    expect(m.categoriesOf('你怎么还不去四')).toEqual(['c'])
  })

  it('reads a swapped first character that is a surname as a name (白佳乐, 杜博)', () => {
    expect(category(['百家乐']).categoriesOf('销售二部-白佳乐 已经改好昵称了')).toEqual([])
    expect(category(['赌博']).categoriesOf('@市场部-杜博 新海报收到了')).toEqual([])
  })
})

describe('a swapped surname first: a name only where a name stands', () => {
  it.each([
    ['after 个', '废物', '他真是个费物，什么都做不成'],
    ['after a verb of playing, with a later-gloss surname (夏)', '下注', '今晚一起玩夏柱'],
    ['after 是', '傻逼', '群主是沙币吗'],
    ['at the start, before words of its own', '六合彩', '陆合彩开奖结果出来了'],
    ['after 的', '加薇', '有需要的佳薇详谈'],
    ['after a pronoun', '裸聊', '无聊就找我罗聊'],
  ])('is the term %s (%s)', (_where, term, text) => {
    expect(
      category([term])
        .scan(text)
        .map(h => h.kind),
    ).toEqual(['homophone'])
  })

  it.each([
    ['a nickname after a department and a dash', '加薇', '@客服-佳薇 今天值班'],
    ['a subject before its verb', '援交', '袁娇负责华南区的订单'],
    ['a subject before a word of the month (blind18)', '援交', '袁娇上个月回款最快'],
    ['after a familiar 小 before the surname', '裸聊', '小罗聊了一下客户需求'],
    ['before a title', '加薇', '销售部的嘉薇经理明天请假'],
    ['a word with the character before it', '蠢货', '仓库春货已经到齐'],
    ['a surname CC-CEDICT glosses after a dynasty (夏 for 下)', '下注', '夏柱师傅明天来装空调'],
    ['a surname glossed after a state (郑 for 正)', '正品', '郑品经理今天请假'],
  ])('is no hit as %s (%s)', (_where, term, text) => {
    expect(category([term]).scan(text)).toEqual([])
  })
})

describe('look-alike characters from their components', () => {
  it.each([
    ['a swapped look-alike component (礻 for 衤)', '裸聊', '深夜祼聊'],
    ['the same components arranged otherwise (曰 for 日)', '日赚', '在家也能曰赚三百'],
    ['艹 for ⺮', '第一品牌', '全国苐一品牌'],
  ])('finds %s', (_name, term, text) => {
    expect(
      category([term])
        .scan(text)
        .map(m => m.kind),
    ).toEqual(['lookalike'])
  })
})

describe('swaps inside an idiom', () => {
  it('reads a swapped form inside a four-character corpus word as that word (月抛 in 舒澈月抛, a lens brand)', () => {
    const m = category(['约炮'], { expand: ['homophone'] })
    expect(m.categoriesOf('舒澈月抛的镜片到货了')).toEqual([])
    expect(m.categoriesOf('今晚月抛吗')).toEqual(['c'])
  })
})

describe('Latin pinyin as names', () => {
  const m = category(['薇信', '赌博', '百家乐'])

  it('reads a capitalised surname and given name set apart by spaces as a name', () => {
    expect(m.categoriesOf('新同事 Wei Xin 下周一入职')).toEqual([])
  })

  it('reads a capitalised given name after a surname as a name (Liu Jiawei), but only after a surname', () => {
    const c = category(['加薇', '兼职刷单'])
    expect(c.categoriesOf('Liu Jiawei 下午来面试')).toEqual([])
    expect(c.categoriesOf('Jiawei 详聊')).toEqual(['c'])
    expect(c.categoriesOf('Jianzhi Shuadan 日结')).toEqual(['c'])
  })

  it("takes surnames whose surname gloss is not CC-CEDICT's first (郑 Zheng, 梁 Liang)", () => {
    const c = category(['正品', '良心'])
    expect(c.categoriesOf('新来的 Zheng Pin 下周入职')).toEqual([])
    expect(c.categoriesOf('请 Liang Xin 把合同发我')).toEqual([])
    expect(c.categoriesOf('ZhengPin 保证')).toEqual(['c'])
  })

  it('reads a lone capitalised given name before a word of time as the subject (Jiawei 明天到岗)', () => {
    const c = category(['加薇'])
    expect(c.categoriesOf('Jiawei 明天到岗，工位安排一下')).toEqual([])
    expect(c.categoriesOf('报价单好了，Jiawei 上午发出')).toEqual([])
    expect(c.categoriesOf('jiawei 明天聊')).toEqual(['c'])
    expect(c.categoriesOf('有意者Jiawei 明天聊')).toEqual(['c'])
  })

  it('reads a capitalised given name before a surname (Jiawei Li) or a firm word (Jiawei Design) as a name (b17other)', () => {
    const c = category(['加薇', '色情'])
    expect(c.categoriesOf('这位 Jiawei Li 是新来的设计师')).toEqual([])
    expect(c.categoriesOf('发票抬头写 Seqing Zhou，别漏了')).toEqual([])
    expect(c.categoriesOf('Jiawei Design 的效果图发过来了')).toEqual([])
    expect(c.categoriesOf('Jiawei Li详聊')).toEqual(['c'])
    expect(c.categoriesOf('Jiawei 加我')).toEqual(['c'])
    expect(c.categoriesOf('Seqing Wangzhan 免费看')).toEqual(['c'])
  })

  it('reads capitalised pinyin before its payment service as the brand (Weixin Pay), not as a handle', () => {
    expect(m.categoriesOf('定金走 Weixin Pay 就行')).toEqual([])
    expect(m.categoriesOf('Weixin 支付的流水导出来')).toEqual([])
    expect(m.categoriesOf('加weixin支付宝都行')).toEqual(['c'])
    expect(m.categoriesOf('有事 Weixin 联系')).toEqual(['c'])
  })

  it('reads spaced capitalised pinyin as the term where the term stands: after 个, before what it names, alone (issue #22)', () => {
    const c = category(['傻逼', '赌博', '色情', '薇信'])
    expect(c.categoriesOf('你就是个 Sha Bi')).toEqual(['c'])
    expect(c.categoriesOf('Sha Bi 滚出去')).toEqual(['c'])
    expect(c.categoriesOf('Sha Bi')).toEqual(['c'])
    expect(c.categoriesOf('网上 Du Bo 平台稳赚')).toEqual(['c'])
    expect(c.categoriesOf('发点 Se Qing 图片')).toEqual(['c'])
    expect(c.categoriesOf('Wei Xin 把合同发我')).toEqual([])
    expect(c.categoriesOf('这事交给 Wei Xin 吧')).toEqual([])
    expect(c.categoriesOf('同事 Du Bo 说明天到')).toEqual([])
  })

  it('still finds pinyin glued to Chinese, or written syllable by syllable', () => {
    expect(m.categoriesOf('想玩Du Bo的来')).toEqual(['c'])
    expect(m.categoriesOf('想玩 Bai Jia Le 的来')).toEqual(['c'])
    expect(m.categoriesOf('加 weixin 详聊')).toEqual(['c'])
  })
})

describe('context words confirm initials', () => {
  const m = category(['时时彩', '百家乐'], { context: ['一期', '真人'] })

  it('ignores initials without a context word: SSC the shared-service centre, BJL a contract party', () => {
    expect(m.categoriesOf('集团 SSC 共享服务中心下周统一处理报销')).toEqual([])
    expect(m.categoriesOf('合同上的 BJL 是客户公司的缩写')).toEqual([])
  })

  it('finds initials with a context word in the message, and never reports the context word itself', () => {
    expect(m.scan('SSC 五分钟一期').map(x => [x.matched, x.kind])).toEqual([['SSC', 'initials']])
    expect(m.categoriesOf('bjl真人台')).toEqual(['c'])
  })

  it('leaves initials alone in categories without context words', () => {
    expect(category(['傻逼']).categoriesOf('真是个SB')).toEqual(['c'])
  })

  it('finds initials of four letters or more without one (nbzl 内部资料), not of three (cbj)', () => {
    const m = category(['内部资料', '成本价'], { context: ['外传'] })
    expect(m.categoriesOf('nbzl 打包出，私聊')).toEqual(['c'])
    expect(m.categoriesOf('标书里 cbj 那一栏填什么')).toEqual([])
  })
})

describe('initials as abbreviations', () => {
  const m = category(['废物', '脑残', '去死'])

  it('reads initials in capitals before the thing they name as an abbreviation (NC 程序, FW 固件, QS 认证)', () => {
    expect(m.categoriesOf('NC 程序要改一下')).toEqual([])
    expect(m.categoriesOf('新的FW固件在共享盘')).toEqual([])
    expect(m.categoriesOf('包装上的 QS 认证看不清')).toEqual([])
    expect(m.categoriesOf('FW：合同终稿，请查收')).toEqual([])
  })

  it('reads capitals before a numeral that starts no number as an abbreviation (NC 万达店) (b17other)', () => {
    expect(m.categoriesOf('团建定在 FW 万达广场那家')).toEqual([])
    expect(m.categoriesOf('FW 一千块也不值')).toEqual(['c'])
    expect(m.categoriesOf('NC 三个字送给你')).toEqual(['c'])
  })

  it('reads an element symbol glossed in brackets as the element (Gd（钆）), not a meme in brackets (gd（狗头）)', () => {
    const m = category(['滚蛋'])
    expect(m.categoriesOf('样品里 Gd（钆）含量偏高')).toEqual([])
    expect(m.categoriesOf('你赶紧 gd（狗头）')).toEqual(['c'])
    expect(m.categoriesOf('Gd 吧你')).toEqual(['c'])
  })

  it('still finds them alone, before a particle or a numeral, or in lower case', () => {
    expect(m.categoriesOf('你真是个 FW')).toEqual(['c'])
    expect(m.categoriesOf('NC 吧你')).toEqual(['c'])
    expect(m.categoriesOf('FW 一个')).toEqual(['c'])
    expect(m.categoriesOf('那个 nc 又来了')).toEqual(['c'])
  })
})

describe('initials of two terms of a category confirm each other', () => {
  const m = category(['私单', '飞单', '不走公司'], { context: ['系统'] })

  it('keeps initials of two terms without a context word, not one alone', () => {
    expect(m.categoriesOf('这个客户走 sd，bzgs 的流程太慢')).toEqual(['c'])
    expect(m.categoriesOf('这单 sd，那单 fd，你看着办')).toEqual(['c'])
    expect(m.categoriesOf('相机里的 sd 满了')).toEqual([])
  })

  it('does not count one term written twice, or codes read as abbreviations', () => {
    expect(m.categoriesOf('sd 满了，换一张 sd')).toEqual([])
    expect(m.categoriesOf('SD 卡和 FD 软盘都在抽屉里')).toEqual([])
  })
})

describe('abbreviation-like initials with a context word', () => {
  it('keeps them when a context word of the category is in the message (BC 网站 with 彩金), not without', () => {
    const m = category(['博彩'], { context: ['彩金', '返水'] })
    expect(m.categoriesOf('BC 网站首充就送彩金')).toEqual(['c'])
    expect(m.categoriesOf('BC 网站下周上线')).toEqual([])
  })
})

describe('initials of a term that writes a common word by sound', () => {
  it('takes none: 薇信 is 微信 by sound, and wx is 微信 too; the pinyin stays', () => {
    const m = category(['薇信', '傻逼'])
    expect(m.categoriesOf('把客户的 wx 备注改一下')).toEqual([])
    expect(m.categoriesOf('weixin 发你了')).toEqual(['c'])
    expect(m.categoriesOf('群里有个sb')).toEqual(['c'])
    expect(expandTerm('薇信', new Set(['initials'])).map(f => f.form)).toEqual([])
  })
})

describe('review-only kinds', () => {
  it('marks a hit review-only when the category does not let its kind act', () => {
    const m = category(['赌博'], { act: ['exact', 'normalised'] })
    expect(m.scan('赌博').map(x => x.reviewOnly)).toEqual([undefined])
    expect(m.scan('dubo').map(x => x.reviewOnly)).toEqual([true])
  })

  it('lets a listed fuzzy kind act', () => {
    const m = category(['赌博'], { act: ['exact', 'normalised', 'pinyin'] })
    expect(m.scan('dubo').map(x => x.reviewOnly)).toEqual([undefined])
  })
})

import { describe, expect, it } from 'vitest'
import { compileMatcher, loadDictionaryFiles } from '../../../../plugins/content/matcher/index.js'
import { SHARED_DICTIONARY, hasEvalFile } from './eval-helpers.js'

/**
 * Classes of misses blind21, blind24 and blind25 showed (issue #22, frec), with new sentences of each class,
 * violating and clean, on the shared dictionary as it is (its standard categories' expansions and context words).
 */
let compiled: ReturnType<typeof compileMatcher> | undefined
const categories = (text: string) =>
  (compiled ??= compileMatcher(loadDictionaryFiles([SHARED_DICTIONARY]).dictionary)).categoriesOf(text)

describe.skipIf(!hasEvalFile)(
  'frec: a noun said of someone swapped into another word (老板是骗子 as 老板是片子)',
  () => {
    it('finds the noun by sound though it reads as another word, where it ends what is said', () => {
      expect(categories('别替他说话了，老板是片子')).toEqual(['defamation'])
      expect(categories('老板就是个片子吧，押金到现在不退')).toEqual(['defamation'])
      expect(categories('我算看明白了 老板是片子 大家小心')).toEqual(['defamation'])
    })

    it('leaves the other word alone where the sentence goes on with it (a film, a scene)', () => {
      expect(categories('这个老板是片子里的反派，演得真好')).toEqual([])
      expect(categories('剧组说那个老板是片子中途加的角色')).toEqual([])
    })
  },
)

describe.skipIf(!hasEvalFile)('frec: 微信 written as its initials wx in a term (加我wx, +wx)', () => {
  it('finds a term holding 微信, or 加v, with 微信 written wx, spaced or not, + read as 加', () => {
    expect(categories('报名的 +wx 备注姓名')).toEqual(['contact'])
    expect(categories('想要电子版的加我 wx，群里不方便')).toEqual(['contact'])
    expect(categories('有问题加WX细说')).toEqual(['contact'])
  })

  it('leaves WeChat’s features added to a program or a page alone (its pay, its log-in), as with vx', () => {
    expect(categories('后台这周要加wx登录，接口文档看群公告')).toEqual([])
    expect(categories('收银页能不能加 vx 支付？')).toEqual([])
    expect(categories('wx.config 报错了，谁帮我看下')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)(
  'frec: 微信 in letters alone (wx) where an account is asked for (留个 wx, wx 搜我)',
  () => {
    it('finds wx for 薇信 after a verb asking for an account, or before one searching for the speaker', () => {
      expect(categories('感兴趣的留个 wx，回头发你课程表')).toEqual(['contact'])
      expect(categories('名额有限，给个wx我拉你')).toEqual(['contact'])
      expect(categories('WX 搜索我的手机号就能加')).toEqual(['contact'])
    })

    it('leaves wx alone where no account is asked for: between colleagues, the company’s own, a file', () => {
      expect(categories('合同我 wx 发你了，查收一下')).toEqual([])
      expect(categories('wx 搜我们店名就能看到小程序')).toEqual([])
      expect(categories('留个心眼，wx 上陌生人发的链接别点')).toEqual([])
      expect(categories('wx_login.js 里的回调要改')).toEqual([])
    })
  },
)

describe.skipIf(!hasEvalFile)('frec: a leak of price initials sent privately (私发)', () => {
  it('confirms a confidential term’s initials with 私发, as with 别发 or 别截图', () => {
    expect(categories('jhj 明细我整理好了，需要的私发')).toEqual(['confidential'])
    expect(categories('上季度的 cbj 谁要？私发你')).toEqual(['confidential'])
  })

  it('leaves the initials alone without it, and 私发 alone confirms nothing', () => {
    expect(categories('jhj 明细我整理好了，放共享盘')).toEqual([])
    expect(categories('课表我私发你了，记得看')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)('frec: a homophone written with 口 beside it, reading the same (傻逼 as 傻哔)', () => {
  it('finds the term with a homophone’s 口 form (哔 for 毕, 吡 for 比), as chat writes a sound', () => {
    expect(categories('你个傻哔，又把单子弄丢了')).toEqual(['insult'])
    expect(categories('傻吡才信他的话')).toEqual(['insult'])
  })

  it('leaves the sound alone where no term is written with it', () => {
    expect(categories('教程在哔哩哔哩上，搜店名就有')).toEqual([])
    expect(categories('扫码枪哔的一声就录进去了')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)('frec: a character of a long term written as its sounding side (比例 as 比列)', () => {
  it('finds a long term with a character written as the side that starts as it sounds (列 for 例, 占 for 站)', () => {
    expect(categories('下季度的提成比列定了，先别外传')).toEqual(['confidential'])
    expect(categories('这有黄色网占，私聊发你')).toEqual(['porn'])
    expect(categories('我们的药酒包治百丙')).toEqual(['false_ad'])
  })

  it('leaves the side alone where it makes a word with what follows, and in short terms', () => {
    expect(categories('把三个组的提成比列出来看看')).toEqual([])
    expect(categories('按比列分配，各拿各的')).toEqual([])
  })
})

describe.skipIf(!hasEvalFile)(
  'frec: an insult’s initials in capitals right before a word for a person (SB领导)',
  () => {
    it('finds the initials said of a person, though capitals before an ideograph read as an abbreviation', () => {
      expect(categories('SB老板，三个月不发工资')).toEqual(['insult'])
      expect(categories('又是那个NC经理，报价全算错')).toEqual(['insult'])
    })

    it('leaves an abbreviation before a thing, a spaced one, and new customers alone', () => {
      expect(categories('FW 版本下周推送')).toEqual([])
      expect(categories('NC客户占比这个月到了四成')).toEqual([])
      expect(categories('HR领导说周五开会')).toEqual([])
    })
  },
)

describe.skipIf(!hasEvalFile)(
  'frec: a split whose rare component repeats a common one, written once (蠢 as 春虫)',
  () => {
    it('finds the term with the repeated component written once (䖵, 虫 twice: 春虫 for 蠢)', () => {
      expect(categories('别理那个春虫货，说了也白说')).toEqual(['insult'])
      expect(categories('又算错了，真是个春虫货')).toEqual(['insult'])
    })

    it('leaves the components alone where no term is written with them', () => {
      expect(categories('春虫都出来了，记得给花打药')).toEqual([])
    })
  },
)

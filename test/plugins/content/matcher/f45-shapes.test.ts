import { describe, it } from 'vitest'
import { cleanInBoth, flaggedInBoth } from './eval-helpers.js'

/**
 * Shapes of the thirty-fifth session (f45, issue #22): a verdict on someone else's post (talked-about-verdicts.ts), a
 * secret kept to a role (talked-about-access.ts), a leak told as an incident (talked-about-leak-events.ts), the items
 * of a ban's example list (talked-about-examples.ts); and four ways of writing a term (a price list at the speaker's,
 * 水 for 永, a half-width comma slipped into a term, a value asked after a sound-alike that starts with a surname).
 * Sentences of our own, by shape, in other trades and wordings.
 */
describe("a verdict on someone else's post, with a warning (issue #22, f45)", () => {
  it('clears what the post turned out to be', () => {
    cleanInBoth([
      '有人发的那个链接我点开看了，是个赌博网站，大家别点',
      '对方发来的二维码我扫了一下，是个色情网站，千万别扫',
      '他推荐的那个app我查过了，原来是个网赌平台，小心上当',
      '那个陌生号发的链接，我点进去是个裸聊平台，大家注意',
      '陌生人私发给我的二维码，扫了才知道是个色情群，大家小心',
      '网友分享的软件，原来是个刷单平台，千万别下载',
      '客户发来的链接，其实是个网赌网站，大家别点',
      '有人在群里发的链接，我打开一看是个赌博网站，已经举报了',
      '那个新人发的网址，结果是个六合彩平台，群主已经踢了',
    ])
  })

  it("keeps the speaker's own post, an invitation and a pitch after the verdict", () => {
    flaggedInBoth('gambling', [
      '我发的那个网址你点进去看看，是个网赌平台，充一百送五十',
      '对方发的那个网址是个网赌平台，赶紧注册，注册就送',
      '有人发的那个链接我点开看了，是个赌博网站，大家别点，想玩的私我',
      '对方发的网址我看了，是个网赌平台，别信他的，来我这玩',
      '他推荐的那个app，是个网赌平台，小心点，正规的找我',
      '朋友发的那个网址，原来是个网赌平台，我充了一百送五十，真香',
      '对方发的链接，是个网赌平台，别怕，放心玩',
      '有人发的那个网站，是个网赌平台，别犹豫了，冲',
      '朋友推荐的那个app，是个网赌平台，不要错过',
      '朋友发的那个，是个网赌平台，我玩了三个月了，别不信',
    ])
    flaggedInBoth('porn', [
      '有人发的二维码，是个约炮群，千万别扫，要约的加我微信',
      '对方发的链接是个裸聊平台，别点，我这有更好的资源',
    ])
  })
})

describe('a secret kept to a role (issue #22, f45)', () => {
  it('clears a price or a list only a role may see', () => {
    cleanInBoth([
      '进货价只有老板知道，大家别到处打听',
      '客户名单仅限店长查看，其他人不要问',
      '内部资料只对主管开放，新人不要打听',
      '客户资料仅限客服查看，其他同事不要打听',
      '烤箱进货价只有老板和会计知道',
      '种植牙价格表只有前台能看，医生不用管',
    ])
  })

  it('keeps the speaker as who knows it, a stash or a handover', () => {
    flaggedInBoth('confidential', [
      '进货价只有我知道，想要的私聊',
      '成本价只有我这有，加我微信拿',
      '进货价只有老板知道，别打听，要的找我',
      '客户名单只有经理能看，我偷偷截了一份，私聊',
      '成本价只有采购部能看，想要的扣1',
      '进货价只有采购能看，我发你一份',
      '内部资料只对主管开放，有需要的联系我',
      '进货价只有老板知道，但我有渠道，要的说',
      '进货价只有老板知道，不过我能搞到',
      '客户名单只有经理能看，想要的话我去要',
      '进货价只有财务能查，其实就是六十五',
    ])
  })
})

describe('a leak told as an incident (issue #22, f45)', () => {
  it('clears the leak named as what happened', () => {
    cleanInBoth([
      '客户名单泄露的事已经报警了',
      '进货价外泄的事件还在调查，请大家配合',
      '内部资料被泄露一事，公司会追责到底',
      '患者名单泄露的事院长已经知道了',
      '客户名单被人拍照传出去的事，正在查',
      '内部资料被同事拷走的事情已经上报',
    ])
  })

  it('keeps a stash, a handover or the value beside the incident', () => {
    flaggedInBoth('confidential', [
      '内部资料外泄的事别管了，我这有全套，私聊',
      '成本价泄露的事情不重要，要的加我微信',
      '进货价外泄的事别声张，私下找我拿',
      '客户名单泄露的事闹大了，我手上还有一份，要的私聊',
      '进货价传给你的事别说',
      '进货价外泄的事大家都知道了，表就在群文件',
      '客户名单泄露的事别外传，名单我截图了',
      '成本价外泄的问题不大，反正一台也就赚两百',
    ])
  })
})

describe("the items of a ban's example list (issue #22, f45)", () => {
  it('clears every item listed after 尤其是, 特别是, 比如', () => {
    cleanInBoth([
      '群里禁止发链接，尤其是刷单返利、日结兼职那种',
      '严禁在群里拉人，尤其是兼职刷单、扫码进群这种',
      '禁止在群里发广告，尤其是代购、扫码进群这类',
      '不要轻信陌生人，特别是刷单返利、兼职日结之类的',
      '本群不允许发广告，特别是日结兼职、扫码进群之类的',
    ])
  })

  it('keeps a list with no ban, after an urging, or with a pitch after it', () => {
    flaggedInBoth('ad', [
      '好东西多，尤其是领红包、扫码进群那种',
      '不要犹豫，特别是日结兼职、扫码进群这种',
      '群里禁止发广告，尤其是扫码进群、日结兼职那种，想做的私我',
      '禁止发外链，特别是领红包、扫码进群之类的，我这有真的红包群',
      '不要随便发链接，尤其是扫码进群那种，我这里有',
    ])
    flaggedInBoth('gambling', ['不要点陌生链接，尤其是网赌、六合彩这种，来我这玩才靠谱'])
    flaggedInBoth('confidential', ['禁止外传，比如进货价、客户名单我手上有'])
  })
})

describe('ways of writing a term (issue #22, f45)', () => {
  it('finds a price list at the speaker’s, 水 for 永, a slipped half-width comma, a value asked', () => {
    flaggedInBoth('confidential', ['jhj清单在我手上，要的说', 'cbj表在我电脑上', '程本价是多少'])
    flaggedInBoth('false_ad', ['会员卡水久有效'])
    flaggedInBoth('private_deal', ['钱转,到我账户，谢谢'])
  })

  it('leaves a list in the making, 水 in a word, a comma after a word or in half-width text, a person', () => {
    cleanInBoth([
      'jhj 清单在做了',
      '这瓶水久放有效期会过',
      '矿泉水久存有效期两年',
      '楼下,注意安全，谢谢',
      '好的,到时候再说',
      '外面雨下,注意安全，路滑',
      '杜博是多少岁',
    ])
  })
})

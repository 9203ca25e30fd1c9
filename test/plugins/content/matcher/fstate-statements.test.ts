import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/** The shared categories the sentences below name, terms as given. */
const m = compileMatcher(
  expandingDictionary(
    {
      porn: ['裸聊', '援交', '约炮', '一夜情'],
      gambling: ['网赌', '博彩', '六合彩', '赌博'],
      contact: ['加我微信', '私聊我'],
      insult: ['废物', '蠢货', '脑残'],
      private_deal: ['私下转账', '私单', '私下交易', '转我个人'],
      confidential: ['成本价', '底价', '进货价'],
      defamation: ['公司要倒闭', '公司骗人', '黑心公司', '骗子公司', '垃圾公司'],
    },
    ['homophone', 'pinyin'],
  ),
)

describe('what a rival, a review or a customer says we are (issue #22, blind21/24/25 classes)', () => {
  it('is no hit reported, with who follows it up or none', () => {
    expect(m.categoriesOf('同行在小红书上说我们是骗子公司，已经让法务发函了')).toEqual([])
    expect(m.categoriesOf('有个差评写我们是黑心公司，客服正在跟进')).toEqual([])
    expect(m.categoriesOf('网上有人传我们公司要倒闭，大家安心工作')).toEqual([])
    expect(m.categoriesOf('对手在直播间骂我们是垃圾公司，这事市场部在处理')).toEqual([])
    expect(m.categoriesOf('有客户在评论区说我们公司骗人，我去问问怎么回事')).toEqual([])
  })

  it('is a hit the speaker agrees with, offers more of, or says themselves', () => {
    expect(m.categoriesOf('竞品说我们是黑心公司，说得一点没错')).toEqual(['defamation'])
    expect(m.categoriesOf('有人说我们公司要倒闭，想知道内幕的私聊我')).toEqual(['contact', 'defamation'])
    expect(m.categoriesOf('我们就是黑心公司，别来了')).toEqual(['defamation'])
    expect(m.categoriesOf('这家店就是骗子公司，大家别去')).toEqual(['defamation'])
    expect(m.categoriesOf('听说公司要倒闭了，跟我们店没关系吧')).toEqual(['defamation'])
  })
})

describe('a customer who says someone asked them to do it, checked (issue #22)', () => {
  it('is no hit when the speaker found nothing, asks who it was or asks to look into it', () => {
    expect(m.categoriesOf('有位业主说销售让他私下转账，我核实过了，没有这回事')).toEqual([])
    expect(m.categoriesOf('客户反映门店有人让他转我个人，查一下是哪个')).toEqual([])
    expect(m.categoriesOf('学员说有老师叫她私下交易，问了一圈是个误会')).toEqual([])
    expect(m.categoriesOf('有顾客说前台让她转我个人，麻烦查一下怎么回事')).toEqual([])
  })

  it('is a hit when the speaker goes along with it', () => {
    expect(m.categoriesOf('客户说想私下交易，行，我查一下是谁的货')).toEqual(['private_deal'])
  })
})

describe('a list of banned words under its heading (issue #22)', () => {
  it('is no hit of any item, contact terms among them', () => {
    expect(m.categoriesOf('敏感词有：网赌、博彩、六合彩，发了会被踢')).toEqual([])
    expect(m.categoriesOf('以下词语禁止在群里出现：裸聊、援交')).toEqual([])
    expect(m.categoriesOf('屏蔽词：“加我微信”、“私聊我”，机器人会自动撤回')).toEqual([])
    expect(m.categoriesOf('违禁词（部分）：约炮、一夜情、援交')).toEqual([])
    expect(m.categoriesOf('这几个词会被撤回：私单、私下转账')).toEqual([])
  })

  it('is a hit with an offer after the list, or said before its heading', () => {
    expect(m.categoriesOf('敏感词：裸聊，想看的私聊我')).toEqual(['contact', 'porn'])
    expect(m.categoriesOf('约炮、一夜情这些我这都有，敏感词：援交')).toEqual(['porn'])
    expect(m.categoriesOf('今晚六合彩开奖，敏感词我就不说了')).toEqual(['gambling'])
  })
})

describe('an insult staff are told to bear (issue #22)', () => {
  it('is no hit conceded to a customer, then borne', () => {
    expect(m.categoriesOf('即使顾客骂你蠢货，也要保持微笑')).toEqual([])
    expect(m.categoriesOf('就算家长说你是废物，也不要还嘴')).toEqual([])
    expect(m.categoriesOf('哪怕对方骂你脑残，耐心解释就好')).toEqual([])
    expect(m.categoriesOf('即使客户骂你“废物”，也请保持冷静')).toEqual([])
  })

  it('is a hit said to the reader, or answered in kind', () => {
    expect(m.categoriesOf('哪怕客户说你是废物，你也确实是废物')).toEqual(['insult'])
    expect(m.categoriesOf('不管别人怎么说，你就是废物，冷静点')).toEqual(['insult'])
    expect(m.categoriesOf('即使客户骂你废物，你也可以骂他废物')).toEqual(['insult'])
  })
})

describe('a secret asked for and not answered (issue #22)', () => {
  it('is no hit when the speaker did not reply', () => {
    expect(m.categoriesOf('刚才有客户问成本价，我没理他')).toEqual([])
    expect(m.categoriesOf('有个同行打听底价，我没告诉他')).toEqual([])
    expect(m.categoriesOf('客户打听进货价，我没搭理')).toEqual([])
  })

  it('is a hit told after all, elsewhere or with an offer', () => {
    expect(m.categoriesOf('有人问进货价，我没回，想知道的私聊我')).toEqual(['confidential', 'contact'])
    expect(m.categoriesOf('有人问进货价，我没回群里，私下发他了是八十块')).toEqual(['confidential'])
    expect(m.categoriesOf('底价是多少？我没回，底价八百')).toEqual(['confidential'])
  })
})

describe('news, a police notice or a complaint about a crime (issue #22)', () => {
  it('is no hit naming the kind of crime, raided or complained about', () => {
    expect(m.categoriesOf('警方通报：某小区破获一起网赌团伙，涉案金额上千万')).toEqual([])
    expect(m.categoriesOf('新闻报道：多地博彩诈骗案告破，提醒大家谨慎')).toEqual([])
    expect(m.categoriesOf('住客投诉楼上有人聚众赌博，前台已经报警')).toEqual([])
    expect(m.categoriesOf('邻居投诉隔壁在打牌赌博，物业上门提醒了')).toEqual([])
    expect(m.categoriesOf('隔壁KTV被查了，听说有人在包厢组织赌博，跟我们店没关系')).toEqual([])
  })

  it('is a hit when the speaker vouches for it or offers it', () => {
    expect(m.categoriesOf('网赌诈骗？那是别家，我们平台正规，稳赚不赔')).toEqual(['gambling'])
    expect(m.categoriesOf('关于网赌诈骗的新闻看多了，我这里是真平台，想玩的私聊我')).toEqual(['contact', 'gambling'])
    expect(m.categoriesOf('客人投诉没地方赌博，我们这有场子，私聊我')).toEqual(['contact', 'gambling'])
    expect(m.categoriesOf('有人组织网赌，跟我们没关系，想玩的私聊我')).toEqual(['contact', 'gambling'])
  })
})

describe('who did it, warned or fired (issue #22)', () => {
  it('is no hit in the report of what was done to them', () => {
    expect(m.categoriesOf('有个同事骂顾客蠢货，已经被警告了')).toEqual([])
    expect(m.categoriesOf('昨天群里有人骂客户废物，已经警告处理了')).toEqual([])
    expect(m.categoriesOf('上次那个叫客户私下转账的员工已经被辞退了')).toEqual([])
    expect(m.categoriesOf('那个接私单的销售已经被开除了')).toEqual([])
  })

  it("is a hit offered after the report, said again, or the reporter's own word for the member", () => {
    expect(m.categoriesOf('接私单的销售已经被开除了，以后私单都私聊我')).toEqual(['contact', 'private_deal'])
    expect(m.categoriesOf('有人骂我蠢货，已经警告他了，你这个蠢货')).toEqual(['insult'])
    expect(m.categoriesOf('有人发赌博广告，这蠢货已经被警告了')).toEqual(['insult'])
  })
})

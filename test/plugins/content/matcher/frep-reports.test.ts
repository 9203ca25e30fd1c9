import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/**
 * frep's probe (issue #22, the reports of blind27, blind29, blind30 and blind31): new sentences of the shapes a report
 * of someone else's violation takes (a checker's finding, news or a police notice, an outcome told after, a
 * punishment and its reason, a third party's claim), clean and violating (the speaker's own offer, insult, leak or
 * claim inside or after the report).
 */
const m = compileMatcher(
  expandingDictionary(
    {
      porn: ['色情服务', '裸聊', '约炮', '小电影'],
      gambling: ['赌博', '网赌', '赌球', '六合彩', '百家乐', '老虎机'],
      contact: ['加我微信', '私聊我'],
      insult: ['傻逼', '废物', '蠢货', '脑残'],
      confidential: ['内部价格表', '进货价', '客户名单', '成本价'],
      false_ad: ['全网最低', '包治百病', '永久有效', '百分百保录取', '绝对安全'],
      private_deal: ['私单', '私下转账', '私下交易'],
    },
    ['homophone', 'pinyin'],
  ),
)

describe('a checker or an office that found it (issue #22, frep)', () => {
  it('is no hit when an office that checks found or caught it', () => {
    expect(m.categoriesOf('财务对账发现三笔私单没有入账，金额两万多')).toEqual([])
    expect(m.categoriesOf('稽查查出一家门店用员工账号接私单')).toEqual([])
    expect(m.categoriesOf('后台监测到两个账号在刷赌球链接')).toEqual([])
    expect(m.categoriesOf('巡检发现仓库夜班聚众赌博')).toEqual([])
    expect(m.categoriesOf('内审查到采购把进货价透露给了供应商')).toEqual([])
    expect(m.categoriesOf('质检抽查发现两批货的标签写着永久有效')).toEqual([])
  })

  it('is a hit when the checker finds nothing, the finder is the speaker, or an offer follows', () => {
    expect(m.categoriesOf('财务对账发现三笔私单没有入账，以后私单都找我')).toEqual(['private_deal'])
    expect(m.categoriesOf('风控查不到私单，想接的私聊我')).toEqual(['contact', 'private_deal'])
    expect(m.categoriesOf('我发现私单比公司的单赚得多')).toEqual(['private_deal'])
    expect(m.categoriesOf('风控发现不了私下转账，放心')).toEqual(['private_deal'])
    expect(m.categoriesOf('审计发现有人泄露客户名单，客户名单我这还有一份')).toEqual(['confidential'])
    expect(m.categoriesOf('风控发现私单也没事，照接')).toEqual(['private_deal'])
    expect(m.categoriesOf('系统查不出私下转账，大家放心')).toEqual(['private_deal'])
  })
})

describe('news and police notices that name a crime (issue #22, frep)', () => {
  it('is no hit when news or a notice tells of it', () => {
    expect(m.categoriesOf('新闻报道邻市一家足浴店涉嫌色情服务')).toEqual([])
    expect(m.categoriesOf('据报道某物流公司司机网赌欠了五十万')).toEqual([])
    expect(m.categoriesOf('公安通报：一名健身教练利用会员群推广六合彩')).toEqual([])
    expect(m.categoriesOf('电视上说外地有个老板开百家乐输光了家产')).toEqual([])
  })

  it('is a hit when the speaker turns it into an offer, or in a later clause of their own', () => {
    expect(m.categoriesOf('新闻报道邻市一家足浴店涉嫌色情服务，我们这也有，加我微信')).toEqual(['contact', 'porn'])
    expect(m.categoriesOf('据报道某物流公司司机网赌欠了五十万，网赌还是来我这靠谱')).toEqual(['gambling'])
    expect(m.categoriesOf('新闻说今晚六合彩开特码，要买的找我')).toEqual(['gambling'])
    expect(m.categoriesOf('警方通报：某男子组织网络赌博。想赌博的私聊我')).toEqual(['contact', 'gambling'])
    expect(m.categoriesOf('新闻说赌球抓得严，我们照样开赌球盘')).toEqual(['gambling'])
    expect(m.categoriesOf('新闻说有人买六合彩中了五百万，大家赶紧买')).toEqual(['gambling'])
  })
})

describe('an outcome told after a member’s deed (issue #22, frep)', () => {
  it('is no hit when evidence is kept, a decision is out, it was reported up or someone was held to account', () => {
    expect(m.categoriesOf('有个学员骂教练是废物，监控视频已经保存')).toEqual([])
    expect(m.categoriesOf('上周有位司机把客户名单卖给了同行，处分通知已下')).toEqual([])
    expect(m.categoriesOf('有人在业主群发赌博链接，已报物业公司')).toEqual([])
    expect(m.categoriesOf('查到是前台把内部价格表发给了朋友，已经问责')).toEqual([])
    expect(m.categoriesOf('有个厨师私下接外卖私单，已经追究责任')).toEqual([])
    expect(m.categoriesOf('有位顾客骂收银员傻逼，聊天记录都已存档')).toEqual([])
  })

  it('is a hit when the speaker insults, leaks or offers after the report', () => {
    expect(m.categoriesOf('有个学员骂教练是废物，监控视频已经保存，你才是废物')).toEqual(['insult'])
    expect(m.categoriesOf('有人在业主群发赌博链接，已报物业公司，要玩百家乐的私聊我')).toEqual(['contact', 'gambling'])
    expect(m.categoriesOf('有位司机把客户名单卖给了同行，处分通知已下，名单我这也有')).toEqual(['confidential'])
    expect(m.categoriesOf('我骂他傻逼，录音已经存档')).toEqual(['insult'])
    expect(m.categoriesOf('有个客户想私下转账，已经转了')).toEqual(['private_deal'])
    expect(m.categoriesOf('我们有个群专门发约炮资源，已经存档了')).toEqual(['porn'])
    expect(m.categoriesOf('有个同事偷偷把客户名单发我了，已经保存好了')).toEqual(['confidential'])
  })
})

describe('a punishment told first, then what someone said to earn it (issue #22, frep)', () => {
  it('is no hit in the reason of a punishment', () => {
    expect(m.categoriesOf('店铺被平台罚了，原因是美工在详情页写了全网最低')).toEqual([])
    expect(m.categoriesOf('直播间昨天被限流了，理由是助播喊了包治百病')).toEqual([])
    expect(m.categoriesOf('因为客服说了永久有效，店铺被市场监管罚了五千')).toEqual([])
  })

  it('is a hit when the speaker claims it after, or gives it as their own reason', () => {
    expect(m.categoriesOf('店铺被平台罚了，原因是美工写了全网最低，其实我们就是全网最低')).toEqual(['false_ad'])
    expect(m.categoriesOf('被同行举报了，因为我们价格全网最低')).toEqual(['false_ad'])
    expect(m.categoriesOf('我们的药包治百病，被罚了也要说')).toEqual(['false_ad'])
  })
})

describe('someone else’s claim or deed, told by a reporter (issue #22, frep)', () => {
  it('is no hit when a third party made the claim', () => {
    expect(m.categoriesOf('家长说某培训机构宣传百分百保录取，被教育局约谈了')).toEqual([])
    expect(m.categoriesOf('有租客反映房东号称押金永久有效，结果一分没退')).toEqual([])
    expect(m.categoriesOf('买家说那个商家承诺永久有效，结果三个月就坏了')).toEqual([])
    expect(m.categoriesOf('有会员反映某健身房宣称课程包治百病，其实是骗人的')).toEqual([])
  })

  it('is a hit when the speaker claims the same, or the claimant is us', () => {
    expect(m.categoriesOf('买家说那个商家承诺永久有效，我们的也是永久有效')).toEqual(['false_ad'])
    expect(m.categoriesOf('本店商家承诺全网最低，放心买')).toEqual(['false_ad'])
    expect(m.categoriesOf('家长说某机构宣传百分百保录取，我们才是真的百分百保录取')).toEqual(['false_ad'])
  })
})

describe('a second probe, written after the rules: offices, sources, outcomes and causes they were not written from', () => {
  it('is no hit', () => {
    expect(m.categoriesOf('稽核组查实两名店员私下交易，金额已追回')).toEqual([])
    expect(m.categoriesOf('安保巡查时抓到保安在值班室玩老虎机')).toEqual([])
    expect(m.categoriesOf('总部抽检发现三家加盟店菜单写着包治百病')).toEqual([])
    expect(m.categoriesOf('据央视报道，某地一物业公司经理组织赌博')).toEqual([])
    expect(m.categoriesOf('派出所通报：辖区一美容院提供色情服务被查封')).toEqual([])
    expect(m.categoriesOf('媒体曝光某保健品公司宣传包治百病')).toEqual([])
    expect(m.categoriesOf('有位家长骂班主任脑残，对话截图已经交给校长')).toEqual([])
    expect(m.categoriesOf('有名骑手私下转账收了顾客的钱，已被站长停单')).toEqual([])
    expect(m.categoriesOf('仓库有个临时工把进货价拍照发给了朋友，已经报公司')).toEqual([])
    expect(m.categoriesOf('上周有个主播直播时说全网最低，处罚结果出来了')).toEqual([])
    expect(m.categoriesOf('门店被市场监管约谈了，原因是店员说了包治百病')).toEqual([])
    expect(m.categoriesOf('账号被封了三天，因为运营发了赌球的截图')).toEqual([])
    expect(m.categoriesOf('由于导购承诺永久有效，门店被总部罚款两千')).toEqual([])
    expect(m.categoriesOf('邻居说某装修队号称全网最低，结果增项一堆')).toEqual([])
    expect(m.categoriesOf('有学员反映某驾校承诺百分百保录取，其实是骗人的')).toEqual([])
    expect(m.categoriesOf('听客户说代购宣称绝对安全，结果是假货')).toEqual([])
    expect(m.categoriesOf('财务核对时发现有人私下转账，金额五千')).toEqual([])
    expect(m.categoriesOf('有个实习生骂客户蠢货，已经被劝退了')).toEqual([])
    expect(m.categoriesOf('之前有个销售把客户名单卖了，已经移送公安')).toEqual([])
    expect(m.categoriesOf('警察抓到两个人在KTV包间赌博')).toEqual([])
  })

  it('is a hit when the speaker offers, claims, insults or leaks, or the notice is their own', () => {
    expect(m.categoriesOf('稽核组查实两名店员私下交易，下次私下交易找我')).toEqual(['private_deal'])
    expect(m.categoriesOf('媒体曝光某保健品公司宣传包治百病，我们的才是真的包治百病')).toEqual(['false_ad'])
    expect(m.categoriesOf('有位家长骂班主任脑残，对话截图已经交给校长，你也是脑残')).toEqual(['insult'])
    expect(m.categoriesOf('门店被约谈了，原因是店员说了包治百病，不过我们的药确实包治百病')).toEqual(['false_ad'])
    expect(m.categoriesOf('据报道赌球今年很火，我这有赌球渠道')).toEqual(['gambling'])
    expect(m.categoriesOf('派出所通报的那个赌博群，我拉你进去')).toEqual(['gambling'])
    expect(m.categoriesOf('有个客户要内部价格表，已经发他了')).toEqual(['confidential'])
    expect(m.categoriesOf('警察抓不到网赌的，放心玩')).toEqual(['gambling'])
    expect(m.categoriesOf('你这个蠢货，被罚了活该')).toEqual(['insult'])
    expect(m.categoriesOf('被罚了，原因是你这个蠢货说了全网最低')).toEqual(['insult'])
    expect(m.categoriesOf('本群公告，百家乐每晚八点开局')).toEqual(['gambling'])
    expect(m.categoriesOf('群公告说百家乐每晚八点开局')).toEqual(['gambling'])
    expect(m.categoriesOf('系统通知：六合彩今晚开奖')).toEqual(['gambling'])
    expect(m.categoriesOf('平台发现了也封不了，私单放心接')).toEqual(['private_deal'])
    expect(m.categoriesOf('有个兄弟网赌赢了二十万，已经提现了')).toEqual(['gambling'])
    expect(m.categoriesOf('有个老乡开百家乐场子，已经开了三年')).toEqual(['gambling'])
    expect(m.categoriesOf('因为我说了全网最低，被同行举报了，但我们就是全网最低')).toEqual(['false_ad'])
  })
})

describe('a deed told with its punishment in one clause, a verdict or a check’s results (issue #22, frep)', () => {
  it('is no hit', () => {
    expect(m.categoriesOf('小王因为接私单被开除了')).toEqual([])
    expect(m.categoriesOf('他上个月因赌球被公司辞退')).toEqual([])
    expect(m.categoriesOf('前同事因泄露客户名单被判了三年')).toEqual([])
    expect(m.categoriesOf('那个主播因说全网最低被罚款五万')).toEqual([])
    expect(m.categoriesOf('隔壁店老板网赌被抓了')).toEqual([])
    expect(m.categoriesOf('去年有个理发师因为骂顾客蠢货被投诉到总部')).toEqual([])
    expect(m.categoriesOf('有客户投诉说咱们店员私下转账收款，店长已经处理')).toEqual([])
    expect(m.categoriesOf('监管部门通报了三家宣称包治百病的诊所')).toEqual([])
    expect(m.categoriesOf('抽查结果：两位业务员私下交易，均已停职')).toEqual([])
    expect(m.categoriesOf('法院判了，那个卖客户名单的前员工要赔二十万')).toEqual([])
  })

  it('is a hit when the speaker goes on doing it, claims it or insults', () => {
    expect(m.categoriesOf('接私单被抓了也不怕，我这照样接')).toEqual(['private_deal'])
    expect(m.categoriesOf('因为全网最低被同行眼红，我们就是全网最低')).toEqual(['false_ad'])
    expect(m.categoriesOf('你这个蠢货被骂活该')).toEqual(['insult'])
    expect(m.categoriesOf('接私单被发现就说是朋友，私单找我')).toEqual(['private_deal'])
  })
})

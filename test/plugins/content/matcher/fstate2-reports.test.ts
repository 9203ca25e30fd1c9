import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/**
 * fstate2's probe (issue #22, blind28 classes): new sentences of the shapes a report, a rule or a campaign takes, for
 * reporters, outcomes and rules no cue list names, clean and violating.
 */
const m = compileMatcher(
  expandingDictionary(
    {
      porn: ['裸聊', '约炮', '小电影'],
      gambling: ['赌博', '赌场', '百家乐', '六合彩', '网赌', '赌球', '老虎机'],
      contact: ['加微', '加我微信', '私聊我'],
      insult: ['傻逼', '废物', '脑残', '蠢货'],
      defamation: ['公司骗人'],
      confidential: ['内部价格表', '进货价', '客户名单'],
      false_ad: ['全网最低', '包治百病', '永久有效'],
      private_deal: ['私下转账', '转我个人', '私下交易', '私单'],
    },
    ['homophone', 'pinyin'],
  ),
)

describe('a reporter of any kind, then the deed handled (issue #22, blind28)', () => {
  it('is no hit whoever reports it and however it was dealt with', () => {
    expect(m.categoriesOf('有租户说房东让他私下转账，已经上报给片区经理')).toEqual([])
    expect(m.categoriesOf('有病人家属反映护工骂他废物，护士长已经找她谈话了')).toEqual([])
    expect(m.categoriesOf('店长说有店员偷偷把进货价发给了同行，已经报给总部了')).toEqual([])
    expect(m.categoriesOf('质检说有供应商在群里发赌博链接，账号已经封了')).toEqual([])
    expect(m.categoriesOf('审计部说有销售泄露客户名单，正在调查')).toEqual([])
    expect(m.categoriesOf('后台监测到有账号在群里发约炮广告，系统已自动封号')).toEqual([])
    expect(m.categoriesOf('摄像头拍到有人在仓库里玩老虎机，主管已经去处理了')).toEqual([])
    expect(m.categoriesOf('租客投诉隔壁半夜开赌场，物业已经报警')).toEqual([])
    expect(m.categoriesOf('有车主反映停车场有人兜售六合彩，保安已经赶走了')).toEqual([])
    expect(m.categoriesOf('有顾客说收银员骂她蠢货，店长已经让收银员道歉了')).toEqual([])
    expect(m.categoriesOf('乘客反映司机辱骂他是废物，公司已经停了司机的单')).toEqual([])
    expect(m.categoriesOf('顾客投诉导购让她私下转账，导购已经被约谈')).toEqual([])
    expect(m.categoriesOf('有住户反映楼道里有人兜售六合彩，居委会已经通知派出所')).toEqual([])
    expect(m.categoriesOf('风控发现有代理人私下转账给客户，已冻结账户')).toEqual([])
    expect(m.categoriesOf('后台查到有个账号一直发网赌链接，账号已冻结')).toEqual([])
    expect(m.categoriesOf('网格员说街上有人摆摊卖老虎机，城管已经没收了')).toEqual([])
    expect(m.categoriesOf('3号楼住户投诉楼上有人打麻将赌博，物业已经上门劝阻了')).toEqual([])
    expect(m.categoriesOf('有人在群里发裸聊广告，已经移交网警')).toEqual([])
    // A second probe, written after the rules: reporters and acts they were not written from.
    expect(m.categoriesOf('系统提示有账号发了赌球链接，已经自动撤回')).toEqual([])
    expect(m.categoriesOf('药房监控显示有人偷拍进货价，正在核查')).toEqual([])
    expect(m.categoriesOf('门卫报告有人在车里赌博，派出所已经出警')).toEqual([])
    expect(m.categoriesOf('有家长说孩子在学校被同学骂废物，班主任已经批评了那个同学')).toEqual([])
  })

  it('is no hit in hearsay of a deed punished, or with the outcome in the next sentence', () => {
    expect(m.categoriesOf('听说三号店有人接私单，已经被公司处分了')).toEqual([])
    expect(m.categoriesOf('听说隔壁小区有人开赌场，被警察端了')).toEqual([])
    expect(m.categoriesOf('据说销售部有人泄露内部价格表，被罚了三千')).toEqual([])
    expect(m.categoriesOf('有顾客反映店员骂他蠢货。店长已经处理了。')).toEqual([])
    expect(m.categoriesOf('有位业主说保安在值班室赌博。物业已经约谈了保安队长')).toEqual([])
    expect(m.categoriesOf('有乘客说司机让他私下转账，我这有录音，已经上报了')).toEqual([])
    expect(m.categoriesOf('有司机反映乘客骂他傻逼，平台封了乘客账号')).toEqual([])
    expect(m.categoriesOf('听说隔壁车行老板接私单，被总部罚了')).toEqual([])
    expect(m.categoriesOf('客户说楼下在赌博，物业报警了')).toEqual([])
  })

  it('is a hit that passes on contact details, a link or an offer, or the speaker has it', () => {
    expect(m.categoriesOf('有乘客说要私下转账，已经上报了，需要的加vx abc12345')).toEqual(['private_deal'])
    expect(m.categoriesOf('风控说有人在卖客户名单，正在查，名单在这 http://x.cn/a')).toEqual(['confidential'])
    expect(m.categoriesOf('有人说约炮找他，已经举报了 微信：yue_8888')).toEqual(['porn'])
    expect(m.categoriesOf('风控说有人泄露客户名单，正在查，名单我这还有一份，要的私聊')).toEqual(['confidential'])
    expect(m.categoriesOf('有业主反映楼下赌博，已经报警了，想玩百家乐的加微 abc12345')).toEqual(['contact', 'gambling'])
    expect(m.categoriesOf('监控拍到有人在车库玩老虎机，已报警，老虎机我这有，联系我')).toEqual(['gambling'])
    expect(m.categoriesOf('保安说车库里有人赌博，已经赶走了，今晚八点我那开赌场')).toEqual(['gambling'])
    expect(m.categoriesOf('有人问私单怎么接，已经上报了，想接的加我微信')).toEqual(['contact', 'private_deal'])
  })

  it('is a hit when what follows is no official act, or the term is said of the reader', () => {
    expect(m.categoriesOf('有司机说想私下转账，已经转了')).toEqual(['private_deal'])
    expect(m.categoriesOf('有客户说要接私单，已经接了三单')).toEqual(['private_deal'])
    expect(m.categoriesOf('有乘客说要私下交易，我已经答应了')).toEqual(['private_deal'])
    expect(m.categoriesOf('有人说今晚六合彩开奖，已经通知大家了')).toEqual(['gambling'])
    expect(m.categoriesOf('举报你个傻逼，已经报警了')).toEqual(['insult'])
    expect(m.categoriesOf('听说公司骗人，老板上报了吗')).toEqual(['defamation'])
    expect(m.categoriesOf('有人说进货价，已经上报，进货价每台1280')).toEqual(['confidential'])
    expect(m.categoriesOf('有司机反映乘客骂他傻逼，那乘客确实是个傻逼')).toEqual(['insult'])
    expect(m.categoriesOf('听说有人接私单被罚了，我这私单照接，放心')).toEqual(['private_deal'])
  })
})

describe('a check that found the deed not done (issue #22, blind28)', () => {
  it('is no hit denied by what the check found', () => {
    expect(m.categoriesOf('保安去看了，他们没赌博，就是打牌')).toEqual([])
    expect(m.categoriesOf('查了监控，收银员没有私下转账')).toEqual([])
    expect(m.categoriesOf('核实过了，并未泄露客户名单')).toEqual([])
  })

  it('is a hit the denial turns into an offer', () => {
    expect(m.categoriesOf('查了一下，没私单的来找我')).toEqual(['private_deal'])
  })
})

describe('a formal ban with who between it and the term (issue #22, blind28)', () => {
  it('is no hit banned for a person, maybe with whom', () => {
    expect(m.categoriesOf('禁止员工跟供应商私下交易')).toEqual([])
    expect(m.categoriesOf('严禁教练和学员私下转账，学费统一交前台')).toEqual([])
    expect(m.categoriesOf('不准房东和租客私下转账，租金走平台')).toEqual([])
    expect(m.categoriesOf('严禁员工私下转账给客户')).toEqual([])
    expect(m.categoriesOf('禁止销售人员私下交易')).toEqual([])
    expect(m.categoriesOf('严禁全体员工接私单')).toEqual([])
    expect(m.categoriesOf('不许你们私下转账，被发现直接开除')).toEqual([])
  })

  it('is a hit under a condition, a ban on something else, or with an offer after', () => {
    expect(m.categoriesOf('不允许的话就私单吧，我给你便宜')).toEqual(['private_deal'])
    expect(m.categoriesOf('严禁员工与客户私下交易？笑死，我天天私下交易')).toEqual(['private_deal'])
    expect(m.categoriesOf('严禁司机与乘客私下转账，老乘客可以私聊我')).toEqual(['contact', 'private_deal'])
    expect(m.categoriesOf('千万别让老板知道我们私下交易')).toEqual(['private_deal'])
  })
})

describe('a sanction under a rules heading (issue #22, blind28)', () => {
  it('is no hit of the condition the rule punishes', () => {
    expect(m.categoriesOf('店规：接私单直接辞退')).toEqual([])
    expect(m.categoriesOf('第三条：骂客户废物的，罚款五百')).toEqual([])
    expect(m.categoriesOf('车队规定：和乘客私下交易，直接停单')).toEqual([])
    expect(m.categoriesOf('员工手册：泄露客户名单直接开除，并追究法律责任')).toEqual([])
    expect(m.categoriesOf('公司红线：泄露客户名单一律开除')).toEqual([])
  })

  it('is a hit with no sanction, or an offer after', () => {
    expect(m.categoriesOf('群规：想接私单的直接找我')).toEqual(['private_deal'])
    expect(m.categoriesOf('店规：私单直接走我这')).toEqual(['private_deal'])
    expect(m.categoriesOf('群规：私单直接开除，不过私单找我没事')).toEqual(['private_deal'])
  })
})

describe('a campaign or a slogan against the kind (issue #22, blind28)', () => {
  it('is no hit of the wrong it fights', () => {
    expect(m.categoriesOf('反网赌主题班会周五下午开')).toEqual([])
    expect(m.categoriesOf('防网赌知识讲座报名从今天开始')).toEqual([])
    expect(m.categoriesOf('远离赌博、珍爱家庭主题征文比赛')).toEqual([])
    expect(m.categoriesOf('抵制网赌签名活动在大堂举行')).toEqual([])
    expect(m.categoriesOf('街道开展扫黄打非和反网赌专项行动')).toEqual([])
    expect(m.categoriesOf('珍爱生命，远离赌博')).toEqual([])
    expect(m.categoriesOf('学校开展远离赌博教育活动')).toEqual([])
  })

  it('is a hit offered beside the campaign or after it', () => {
    expect(m.categoriesOf('反网赌宣传是做给上面看的，网赌平台私聊我')).toEqual(['contact', 'gambling'])
    expect(m.categoriesOf('防网赌讲座别去了，来我这玩百家乐')).toEqual(['gambling'])
    expect(m.categoriesOf('拒绝网赌？我这平台稳赚，私聊我')).toEqual(['contact', 'gambling'])
  })
})

describe("a rival's claim of their goods, reported (issue #22, blind28)", () => {
  it('is no hit the speaker does not claim too', () => {
    expect(m.categoriesOf('顾客说隔壁店宣传他们的净水器包治百病，让我们解释一下')).toEqual([])
    expect(m.categoriesOf('同行广告写着全网最低，其实比我们还贵')).toEqual([])
    expect(m.categoriesOf('有客户问，别的药店说这款面膜永久有效，是真的吗')).toEqual([])
  })

  it('is a hit the speaker claims too or agrees with', () => {
    expect(m.categoriesOf('别家说这款包治百病，我们的也包治百病')).toEqual(['false_ad'])
    expect(m.categoriesOf('同行都说永久有效，我们这款也永久有效，放心买')).toEqual(['false_ad'])
    expect(m.categoriesOf('隔壁说这药包治百病，确实包治百病')).toEqual(['false_ad'])
    expect(m.categoriesOf('隔壁宣传全网最低，咱家这款更是全网最低')).toEqual(['false_ad'])
  })
})

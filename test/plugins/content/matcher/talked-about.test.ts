import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/** A matcher over categories that expand (the rules leave bulk lists alone), terms as given. */
function matcher(categories: Record<string, string[]>) {
  return compileMatcher(expandingDictionary(categories, ['homophone', 'pinyin']))
}

describe('a term denied directly before it', () => {
  it('is no hit after 不是, 并非, 别说, or 是不是 in a reported question', () => {
    const m = matcher({ ad: ['永久有效', '全网最低', '包治百病'] })
    expect(m.categoriesOf('这款套餐并非永久有效，到期要续')).toEqual([])
    expect(m.categoriesOf('我们不是全网最低，但售后最好')).toEqual([])
    expect(m.categoriesOf('别说包治百病，保健品都算不上')).toEqual([])
    expect(m.categoriesOf('有人打听是不是包治百病')).toEqual([])
  })

  it('is a hit with a promise after it, or in a question that says it', () => {
    expect(matcher({ ad: ['全网最低'] }).categoriesOf('不是全网最低就退差价')).toEqual(['ad'])
    expect(matcher({ insult: ['脑残'] }).categoriesOf('你是不是脑残，这都不会')).toEqual(['insult'])
  })

  it('opens no hole for the contact in the same message (不是骗子就加我vx)', () => {
    const m = matcher({ defamation: ['骗子'], contact: ['加我vx'] })
    expect(m.categoriesOf('不是骗子，加我vx聊')).toEqual(['contact'])
    expect(m.categoriesOf('不是骗子就加我vx')).toContain('contact')
  })
})

describe('a quoted term', () => {
  it('is no hit quoted as words not to say, named as words, or after a warning', () => {
    const m = matcher({ ad: ['永久有效', '包治百病'], porn: ['约炮'] })
    expect(m.categoriesOf('培训讲过，不要在朋友圈写“永久有效”')).toEqual([])
    expect(m.categoriesOf('“包治百病”这类词广告法禁用')).toEqual([])
    expect(m.categoriesOf('派出所提醒：「约炮」软件多有敲诈')).toEqual([])
  })

  it('goes to review only when quoted in speech, and acts unquoted or quoted as an offer', () => {
    const m = matcher({ ad: ['全网最低'], gambling: ['百家乐'] })
    expect(m.scan('客户说“全网最低”是你们讲的')[0]?.reviewOnly).toBe(true)
    expect(m.scan('客户说全网最低是你们讲的')[0]?.reviewOnly).toBeUndefined()
    expect(m.scan('本店“全网最低”，快来抢')[0]?.reviewOnly).toBeUndefined()
    expect(m.categoriesOf('别错过“百家乐”真人荷官')).toEqual(['gambling'])
  })
})

describe('a term in a notice that warns of it', () => {
  it('is no hit when the notice says who asks you to do it, or who impersonates', () => {
    const m = matcher({ ad: ['扫码进群'], deal: ['私下转账'] })
    expect(m.categoriesOf('安全提示：陌生人让你扫码进群，先别扫')).toEqual([])
    expect(m.categoriesOf('有人冒充财务私下转账，大家注意核实')).toEqual([])
  })

  it('is a hit without the asker, or an impersonation without a warning', () => {
    const m = matcher({ deal: ['私下转账'], contact: ['加我vx'] })
    expect(m.categoriesOf('温馨提示：加我vx领福利')).toEqual(['contact'])
    expect(m.categoriesOf('提醒一下，私下转账给我就行')).toEqual(['deal'])
    expect(m.categoriesOf('冒充什么客服，私下转账给我就行')).toEqual(['deal'])
  })
})

describe('a term a rule forbids or keeps back', () => {
  it('is no hit forbidden directly before it, or forbidden to post, maybe in a list', () => {
    const m = matcher({ deal: ['私下交易', '私下转账'], gambling: ['百家乐', '赌球'], ad: ['刷信誉'] })
    expect(m.categoriesOf('本群严禁私下交易，发现即移出')).toEqual([])
    expect(m.categoriesOf('提醒大家：货款一律不要私下转账')).toEqual([])
    expect(m.categoriesOf('店铺运营切勿刷信誉')).toEqual([])
    expect(m.categoriesOf('禁止在群里发百家乐、赌球这类链接')).toEqual([])
  })

  it('is no hit named as words, kept back, deferred to a source, or refused after a question', () => {
    const m = matcher({ ad: ['永久有效', '全网最低'], secret: ['成本价', '客户名单'] })
    expect(m.categoriesOf('文案里别出现全网最低和永久有效这类说法')).toEqual([])
    expect(m.categoriesOf('客户名单一律不得外传')).toEqual([])
    expect(m.categoriesOf('成本价以财务系统为准')).toEqual([])
    expect(m.categoriesOf('有人打听成本价，统一回答不便透露')).toEqual([])
    expect(m.categoriesOf('特价款不能低于成本价卖')).toEqual([])
  })

  it('is no hit forbidden with someone, in a forbidden list, or listed as things not to pass on', () => {
    const m = matcher({ deal: ['私下交易', '私单', '飞单'], secret: ['成本价', '客户名单'] })
    expect(m.categoriesOf('再次提醒：切勿跟对方私下交易')).toEqual([])
    expect(m.categoriesOf('本公司杜绝私单、飞单')).toEqual([])
    expect(m.categoriesOf('成本价、客户名单之类的别往外发')).toEqual([])
  })

  it('is no hit in a post reported and removed', () => {
    const m = matcher({ ad: ['兼职刷单'], gambling: ['百家乐'] })
    expect(m.categoriesOf('刚才有人发了个百家乐链接，已经踢出群了')).toEqual([])
    expect(m.categoriesOf('有群友在群里发兼职刷单，管理员已删除')).toEqual([])
  })

  it('is a hit forbidden to someone else, or posted without a removal', () => {
    const m = matcher({ deal: ['私下交易'], ad: ['兼职刷单'], secret: ['成本价'] })
    expect(m.categoriesOf('别跟他们说，我们私下交易')).toEqual(['deal'])
    expect(m.categoriesOf('有人发兼职刷单，日结三百')).toEqual(['ad'])
    expect(m.categoriesOf('成本价别外传，就这一份')).toEqual(['secret'])
  })

  it('is no hit quoted as a reported question', () => {
    const m = matcher({ defamation: ['公司要倒闭'] })
    expect(m.categoriesOf('客户问“你们公司要倒闭了吗”，我解释了')).toEqual([])
  })

  it('is a hit offered, given or said (别错过, 给你了别外传, 说“…”)', () => {
    const m = matcher({ gambling: ['百家乐'], secret: ['成本价'], contact: ['私聊我'], deal: ['私下转账'] })
    expect(m.categoriesOf('别错过百家乐真人荷官')).toEqual(['gambling'])
    expect(m.categoriesOf('这是我们的成本价，别外传')).toEqual(['secret'])
    expect(m.categoriesOf('成本价发你了，请勿外传')).toEqual(['secret'])
    expect(m.categoriesOf('成本价别外传，就这一份')).toEqual(['secret'])
    expect(m.categoriesOf('不要犹豫，私聊我')).toEqual(['contact'])
    expect(m.categoriesOf('客户问价格，我说私下转账就行')).toEqual(['deal'])
  })
})

describe('a term a member reports, or a rule reminder names', () => {
  it('is no hit said by someone else and reported, handed over, called a rumour or to be checked', () => {
    const m = matcher({ gambling: ['百家乐'], insult: ['傻逼'], deal: ['私下转账'], rumour: ['要裁员'] })
    expect(m.categoriesOf('昨晚有个号在群里刷“百家乐”，我已举报')).toEqual([])
    expect(m.categoriesOf('那个人骂我傻逼，截图给群主了')).toEqual([])
    expect(m.categoriesOf('群友反映有人私聊他说要私下转账，已经交给财务处理')).toEqual([])
    expect(m.categoriesOf('有客户听人说我们要裁员，这是谣言')).toEqual([])
  })

  it('is no hit forbidden where, not to be sent to a group, or put out whoever says it', () => {
    const m = matcher({ deal: ['私下转账'], secret: ['成本价'], insult: ['傻逼'] })
    expect(m.categoriesOf('各位注意，不要在客户群里私下转账')).toEqual([])
    expect(m.categoriesOf('成本价不能发到客户群哦')).toEqual([])
    expect(m.categoriesOf('群里说“傻逼”的一律踢出')).toEqual([])
  })

  it('is a hit with an offer to the reader, without the report, or reported by no one else', () => {
    const m = matcher({ gambling: ['百家乐'], porn: ['约炮'], deal: ['私下转账'] })
    expect(m.categoriesOf('那个号发“约炮”，我已经举报了，想要资源私聊我')).toEqual(['porn'])
    expect(m.categoriesOf('有人在群里发“百家乐”，想玩的加我')).toEqual(['gambling'])
    expect(m.categoriesOf('“百家乐”真人荷官，别理那些举报的')).toEqual(['gambling'])
    expect(m.categoriesOf('约炮的一律私聊我')).toEqual(['porn'])
    expect(m.categoriesOf('在群里私下转账给我，价格更低')).toEqual(['deal'])
  })
})

describe("a reporter's own word for the member dealt with, in a later clause (issue #22)", () => {
  const m = matcher({ gambling: ['赌博'], insult: ['傻逼', '脑残'] })

  it('is a hit: the reporter says it, though the post before it is reported', () => {
    expect(m.categoriesOf('有人发赌博广告，这傻逼已经被踢了')).toEqual(['insult'])
    expect(m.categoriesOf('有人在群里骂人，这个傻逼已经被我拉黑了')).toEqual(['insult'])
    expect(m.categoriesOf('有人发广告，那个脑残刚被管理员踢了')).toEqual(['insult'])
  })

  it("is still no hit as the poster's words, reported in their own clause or after", () => {
    expect(m.categoriesOf('那人骂我傻逼，已经被我拉黑了')).toEqual([])
    expect(m.categoriesOf('有人发赌博广告，已经被踢了')).toEqual([])
  })
})

describe('a report that carries the contact details it reports (review24)', () => {
  const m = matcher({ ad: ['兼职刷单'], contact: ['加我vx', '微信'], gambling: ['百家乐'] })

  it('is a hit: the account, number or link goes out with the report all the same', () => {
    expect(m.categoriesOf('有人说兼职刷单日结200，加vx abc12345，已举报')).toContain('ad')
    expect(m.categoriesOf('客户说加我vx abc12345，已举报')).toEqual(['contact'])
    expect(m.categoriesOf('对方说百家乐真人荷官 v:abc12345 已举报')).toEqual(['gambling'])
    expect(m.categoriesOf('客户说兼职刷单日结200，微信 abc12345，麻烦核实')).toContain('ad')
    expect(m.categoriesOf('那个发兼职刷单的号已经踢了，电话13812345678')).toEqual(['ad'])
    expect(m.categoriesOf('有人发百家乐 https://x.example.cn 已举报')).toContain('gambling')
  })

  it('is a hit with the account after 是 (issue #22): `vx是…`, `威信号是 …`, `q是` and a QQ number', () => {
    expect(m.categoriesOf('有人说兼职刷单日结200，vx是abc12345，已举报')).toContain('ad')
    expect(m.categoriesOf('有人说兼职刷单日结200，微信号是 shui_66，已举报')).toContain('ad')
    expect(m.categoriesOf('对方说百家乐真人荷官，q是12345678，已举报')).toEqual(['gambling'])
    expect(m.categoriesOf('对方说百家乐真人荷官，v为abc12345，已举报')).toEqual(['gambling'])
    expect(m.categoriesOf('对方说百家乐真人荷官，微信是多少我没问，已举报')).toEqual([])
  })

  it('is still no hit reported without them', () => {
    expect(m.categoriesOf('有人说兼职刷单日结200，已举报')).toEqual([])
    expect(m.categoriesOf('那个发兼职刷单的号已经踢了')).toEqual([])
  })
})

describe('a post someone else made, then put out, asked to be put out, or denied (blind10)', () => {
  const m = matcher({ gambling: ['六合彩'], ad: ['代购', '拉人头'], porn: ['裸聊'], insult: ['傻逼'], deal: ['飞单'] })

  it('is no hit reported with what was done about it, quoted or not', () => {
    expect(m.categoriesOf('有个陌生号私信我说能代购，我顺手拉黑了')).toEqual([])
    expect(m.categoriesOf('早上那个发“拉人头返现”的号我已经删了')).toEqual([])
    expect(m.categoriesOf('下午群里那条裸聊的图片已经撤回')).toEqual([])
    expect(m.categoriesOf('客户群有人发六合彩的链接，群主处理一下')).toEqual([])
  })

  it('is no hit reported and denied as the company’s', () => {
    expect(m.categoriesOf('那个在评论区骂人傻逼的账号不是我们的员工')).toEqual([])
    expect(m.categoriesOf('客户发来一张“六合彩”海报问是我们办的吗，我说不是')).toEqual([])
  })

  it('is no hit in a rule reminder of what befalls it', () => {
    expect(m.categoriesOf('一经发现飞单，将严肃处理')).toEqual([])
    expect(m.categoriesOf('凡飞单的一律开除')).toEqual([])
  })

  it('is a hit with an offer to the reader, or without an action', () => {
    expect(m.categoriesOf('有人发六合彩被踢了，想买的私聊我')).toEqual(['gambling'])
    expect(m.categoriesOf('那个发代购的号说得对，想要的加我')).toEqual(['ad'])
    expect(m.categoriesOf('有人说裸聊很刺激，你试试')).toEqual(['porn'])
    expect(m.categoriesOf('发现飞单的机会要抓住')).toEqual(['deal'])
  })
})

describe('a value looked up', () => {
  const m = matcher({ ad: ['全网最低'], secret: ['底价'] })

  it('is no hit when who speaks looks up or asks what it is', () => {
    expect(m.categoriesOf('麻烦查一下这台净水器底价是多少')).toEqual([])
    expect(m.categoriesOf('客户想比价，问全网最低几块')).toEqual([])
  })

  it('is a hit said, or asked with an offer to the reader', () => {
    expect(m.categoriesOf('全网最低，多少台都能供')).toEqual(['ad'])
    expect(m.categoriesOf('想查全网最低多少的加我')).toEqual(['ad'])
  })
})

describe('a rule reminder that lists what not to post (blind11)', () => {
  const m = matcher({
    ad: ['拉人头', '刷单'],
    rumour: ['要裁员'],
    deal: ['飞单', '私单'],
    insult: ['傻逼', '滚蛋'],
    false_ad: ['永久有效', '包治百病'],
    secret: ['成本价', '客户名单'],
  })

  it('is no hit named as a kind of post not to send (不发…之类的信息, 不要在群里传…之类的谣言)', () => {
    expect(m.categoriesOf('业主群规：不发链接、不发拉人头之类的内容')).toEqual([])
    expect(m.categoriesOf('请大家不要在群里传要裁员之类的消息')).toEqual([])
    expect(m.categoriesOf('本群不转发刷单等广告，违者移出')).toEqual([])
  })

  it('is no hit not allowed (不允许飞单、私单)', () => {
    expect(m.categoriesOf('公司规定不允许私单和飞单')).toEqual([])
    expect(m.categoriesOf('门店不可以飞单')).toEqual([])
  })

  it('is no hit quoted beside other quotations and named as words (“傻逼”“滚蛋”这种话, 等用语)', () => {
    expect(m.categoriesOf('谁再说“滚蛋”“傻逼”这种话直接禁言')).toEqual([])
    expect(m.categoriesOf('海报上不能有“永久有效”、“包治百病”等用语')).toEqual([])
  })

  it('is no hit named a secret not to pass on (属于公司机密，不要发)', () => {
    expect(m.categoriesOf('成本价、客户名单都属于公司机密，请勿外传')).toEqual([])
    expect(m.categoriesOf('客户名单是商业机密，别发到外面')).toEqual([])
  })

  it('is a hit posted, offered, or a secret told', () => {
    expect(m.categoriesOf('我不发拉人头的，只发刷单的活，日结')).toEqual(['ad'])
    expect(m.categoriesOf('不发工资？那就去刷单吧')).toEqual(['ad'])
    expect(m.categoriesOf('不允许的话就私单吧，我给你便宜')).toEqual(['deal'])
    expect(m.categoriesOf('他说“滚蛋”“傻逼”')[0]).toBe('insult')
    expect(m.categoriesOf('成本价属于公司机密，我偷偷告诉你')).toEqual(['secret'])
  })
})

describe('a warning or report of a scam or spam (blind11)', () => {
  const m = matcher({
    gambling: ['六合彩', '百家乐'],
    ad: ['兼职刷单'],
    defamation: ['老板是骗子', '黑心公司'],
    contact: ['加我vx', '私聊我'],
  })

  it('is no hit reported to the police or support, or asked to be put out (报警, 报给客服, 麻烦踢一下)', () => {
    expect(m.categoriesOf('那个人在朋友圈说老板是骗子，我已经报警了')).toEqual([])
    expect(m.categoriesOf('有人发帖说我们是黑心公司，我报给平台客服了')).toEqual([])
    expect(m.categoriesOf('群里那个新号一直发百家乐，麻烦管理员踢一下')).toEqual([])
  })

  it('is no hit with a warning to the group (大家别信, 大家小心, 这是骗局, 是骗子吗)', () => {
    expect(m.categoriesOf('我爸被人拉进一个百家乐的群，大家千万小心')).toEqual([])
    expect(m.categoriesOf('收到一条短信说“兼职刷单一单八十”，大家别信')).toEqual([])
    expect(m.categoriesOf('客户说有人推荐他买六合彩，这是骗局吧')).toEqual([])
    expect(m.categoriesOf('有个号私信我说兼职刷单稳赚，是骗子吗')).toEqual([])
  })

  it('is a hit warned of with an offer, with contact details, or warned without a report', () => {
    expect(m.categoriesOf('有人说六合彩稳赚，大家小心别错过，加我vx')).toContain('gambling')
    expect(m.categoriesOf('短信说兼职刷单 微信 abc12345，大家别信')).toContain('ad')
    expect(m.categoriesOf('大家小心，百家乐今晚开台')).toEqual(['gambling'])
    expect(m.categoriesOf('被人拉进群玩六合彩，赚了好多')).toEqual(['gambling'])
    expect(m.categoriesOf('有人说兼职刷单一天三百，想做的报给我名字')).toEqual(['ad'])
  })
})

describe('someone else’s message to the speaker, reported (blind11)', () => {
  const m = matcher({ contact: ['私聊我', '加我'] })

  it('is no hit: a stranger or a client messaged the speaker (陌生人私聊我说, 客户私聊我问)', () => {
    expect(m.categoriesOf('今天一个陌生人私聊我说要买二手机')).toEqual([])
    expect(m.categoriesOf('老王那个客户私聊我问安装时间，我回了')).toEqual([])
    expect(m.categoriesOf('对方昨天加我说是物业的，我没理')).toEqual([])
  })

  it('is a hit asking the reader to message, or offering after the report', () => {
    expect(m.categoriesOf('有问题的客户私聊我')).toEqual(['contact'])
    expect(m.categoriesOf('想要的私聊我说型号')).toEqual(['contact'])
    expect(m.categoriesOf('有人私聊我说便宜，你们也可以加我')).toEqual(['contact'])
  })
})

describe('a rule reminder with its own hotline or link (review of talked-about)', () => {
  const m = matcher({ deal: ['私下转账', '飞单'], gambling: ['百家乐'] })

  it('is no hit: the hotline, a service number or a link is the reminder’s own', () => {
    expect(m.categoriesOf('温馨提示：请勿在群内私下转账，如有疑问请拨打客服电话 4008001234')).toEqual([])
    expect(m.categoriesOf('请勿在群内私下转账，群规见 https://www.example.com/rules')).toEqual([])
    expect(m.categoriesOf('发现飞单一律严肃处理，举报电话 13812345678')).toEqual([])
  })

  it('is no hit reported beside a 400 or 800 service number, and a hit beside someone’s account', () => {
    expect(m.categoriesOf('有人说百家乐稳赚，客服电话 400-800-1234，已举报')).toEqual([])
    expect(m.categoriesOf('有人说百家乐稳赚，电话 8001234567，已举报')).toEqual([])
    expect(m.categoriesOf('有人说百家乐稳赚，电话 13812345678，已举报')).toEqual(['gambling'])
  })

  it('is a hit when the reminder offers the reader something', () => {
    expect(m.categoriesOf('请勿在群内私下转账，私聊我更便宜')).toEqual(['deal'])
    expect(m.categoriesOf('发现飞单一律严肃处理，想做的加我')).toEqual(['deal'])
  })
})

describe('a spammer’s report that still offers (review of talked-about)', () => {
  const m = matcher({ gambling: ['百家乐'], ad: ['兼职刷单'] })

  it('is a hit with a bare 私聊, 想做的, 有意者, or a removal in vain (删了也没用)', () => {
    expect(m.categoriesOf('有人说百家乐稳赚不赔，私聊了解，删了也没用')).toEqual(['gambling'])
    expect(m.categoriesOf('那个说的兼职刷单日结300，管理员处理一下吧，想做的私聊')).toEqual(['ad'])
    expect(m.categoriesOf('群里那条兼职刷单日赚500的，不是我们的人发的，想了解私聊')).toEqual(['ad'])
    expect(m.categoriesOf('有人说百家乐稳赚，大家小心，有意者私')).toEqual(['gambling'])
    expect(m.categoriesOf('有人发了百家乐，都删了也没用')).toEqual(['gambling'])
    expect(m.categoriesOf('有人说兼职刷单日结，报给客服也没用，想玩的找我')).toEqual(['ad'])
  })

  it('is a hit when the report is in vain (报给客服也没用, 报警也没用), and no hit when it is done', () => {
    expect(m.categoriesOf('有人说兼职刷单日结300，报给客服也没用')).toEqual(['ad'])
    expect(m.categoriesOf('有人说百家乐稳赚，报警也没用，赶紧上车')).toEqual(['gambling'])
    expect(m.categoriesOf('有人说兼职刷单日结300，我报给客服了')).toEqual([])
  })

  it('is still no hit reported and put out, or after the speaker messaged the poster', () => {
    expect(m.categoriesOf('有人说百家乐稳赚不赔，我已经删了')).toEqual([])
    expect(m.categoriesOf('有人发了百家乐，都删了')).toEqual([])
    expect(m.categoriesOf('那个号发兼职刷单，我私聊了他，已举报')).toEqual([])
  })
})

describe('a post asked about, denied as the company’s, or called a scam (blind12)', () => {
  const m = matcher({
    deal: ['私下转账'],
    gambling: ['六合彩'],
    ad: ['兼职刷单', '全网最低'],
    insult: ['脑残', '傻逼'],
  })

  it('is no hit when who posted it is asked (谁…) and an admin asked to step in (管理员管一下)', () => {
    expect(m.categoriesOf('谁在群里发六合彩，管理员管一下')).toEqual([])
    expect(m.categoriesOf('谁刚才骂人傻逼，群主管管')).toEqual([])
  })

  it('is no hit denied as yours (不是你们官方吧) or called a scam (是诈骗, 别信)', () => {
    expect(m.categoriesOf('客户说有个号发兼职刷单，不是你们的吧')).toEqual([])
    expect(m.categoriesOf('有人发消息说可以私下转账打折，这是诈骗吧')).toEqual([])
    expect(m.categoriesOf('那条“六合彩包中”的消息，大家别信')).toEqual([])
    expect(m.categoriesOf('刚才那条六合彩广告，别信！')).toEqual([])
  })

  it('is a hit said, with an offer, or with 别信 that goes on (别信那些举报的)', () => {
    expect(m.categoriesOf('谁说傻逼了，你才是脑残')).toEqual(['insult'])
    expect(m.categoriesOf('有人说六合彩稳赚，别信那些举报的')).toEqual(['gambling'])
    expect(m.categoriesOf('刚才那条六合彩是诈骗，想玩的私聊')).toEqual(['gambling'])
    expect(m.categoriesOf('有人说六合彩不是诈骗，稳赚')).toEqual(['gambling'])
    expect(m.categoriesOf('谁想玩六合彩，管理员管不着，私聊')).toEqual(['gambling'])
  })
})

describe('a post reported, a rule reminder, a message to the speaker (blind14)', () => {
  const m = matcher({
    deal: ['私下转账', '私单'],
    gambling: ['六合彩'],
    ad: ['兼职刷单', '进群领红包'],
    insult: ['蠢货'],
    secret: ['底价'],
    claim: ['全网最低'],
    contact: ['加我微信', '私信我'],
  })

  it('is no hit removed (移除), its screenshot sent on, called a scam or phishing, or the group warned', () => {
    expect(m.categoriesOf('有人在群里骂客户蠢货，主管已经把他移除了')).toEqual([])
    expect(m.categoriesOf('有个号刚发了六合彩的图，截图发管理员了')).toEqual([])
    expect(m.categoriesOf('那个发兼职刷单的人是骗子，大家别加')).toEqual([])
    expect(m.categoriesOf('有人发六合彩的二维码，大家注意')).toEqual([])
  })

  it('is no hit posted by accounts (很多号, 新进群的号) and reported, though they joined (新进群)', () => {
    expect(m.categoriesOf('这几天好多号在群里发进群领红包，都是钓鱼的')).toEqual([])
    expect(m.categoriesOf('昨天新进群的号一直发兼职刷单，已移除')).toEqual([])
  })

  it('is a hit reported but offered, or an invitation to join (进群)', () => {
    expect(m.categoriesOf('很多号在发六合彩，都是钓鱼的，想玩真的私聊')).toEqual(['gambling'])
    expect(m.categoriesOf('有人说兼职刷单是骗子，进群看看就知道')).toEqual(['ad'])
  })

  it('is no hit in a rule: words not to show up, a secret not to be told somewhere, found and dealt with after', () => {
    expect(m.categoriesOf('朋友圈文案里不能出现“全网最低”')).toEqual([])
    expect(m.categoriesOf('底价属于商业机密，别跟客户群里讲')).toEqual([])
    expect(m.categoriesOf('温馨提示：跑私单的一旦查实一律辞退')).toEqual([])
  })

  it('is a hit where the rule is not kept (the secret told, no dealing)', () => {
    expect(m.categoriesOf('底价属于公司机密，我在这里悄悄说一下是九百')).toEqual(['secret'])
    expect(m.categoriesOf('这单私单一经发现也没事，放心')).toEqual(['deal'])
  })

  it('is no hit when someone else messaged or added the speaker (客户刚私信我问, 主动加我微信了)', () => {
    expect(m.categoriesOf('有个客户刚私信我问安装时间')).toEqual([])
    expect(m.categoriesOf('那位客户昨天主动加我微信了，说想合作')).toEqual([])
    expect(m.categoriesOf('想了解的加我微信')).toEqual(['contact'])
  })
})

describe('a term that is the topic of a rule or notice, asked about, or called a rumour (blind15)', () => {
  const m = matcher({
    deal: ['飞单', '私单'],
    secret: ['进货价', '底价'],
    claim: ['包治百病', '永久有效'],
    defamation: ['公司要倒闭', '老板是骗子'],
  })

  it('is no hit as the topic of a rule: invalidated, kept in one place, announced, or barred from sharing', () => {
    expect(m.categoriesOf('飞单一律不计入提成，查实后严肃处理')).toEqual([])
    expect(m.categoriesOf('进货价只能在系统里查看，禁止拍照外传')).toEqual([])
    expect(m.categoriesOf('底价的新标准财务会统一通知，大家稍等')).toEqual([])
    expect(m.categoriesOf('关于飞单，公司下周发文件通知')).toEqual([])
    expect(m.categoriesOf('温馨提示：所有私单一律作废')).toEqual([])
  })

  it('is a hit said, handed over, offered, or not the topic of its clause', () => {
    expect(m.categoriesOf('底价发你了，严禁外传')).toEqual(['secret'])
    expect(m.categoriesOf('公司要倒闭了，不要外传')).toEqual(['defamation'])
    expect(m.categoriesOf('飞单一律九折，私聊')).toEqual(['deal'])
    expect(m.categoriesOf('我这边私单一律不开发票')).toEqual(['deal'])
    expect(m.categoriesOf('进货价出售，严禁外传')).toEqual(['secret'])
  })

  it('is a hit alone or with a value in its clause before a ban (进货价八百五，请勿外传): it is handed over', () => {
    expect(m.categoriesOf('进货价八百五，请勿外传')).toEqual(['secret'])
    expect(m.categoriesOf('底价：1200，严禁外传')).toEqual(['secret'])
    expect(m.categoriesOf('底价，严禁截图外发')).toEqual(['secret'])
  })

  it('is a hit in an ad that sounds like a rule (一律不收押金, 另行通知, 只能在APP里操作)', () => {
    const ad = matcher({ ad: ['兼职刷单', '日赚'] })
    expect(ad.categoriesOf('兼职刷单，名额有限，一律不收押金')).toEqual(['ad'])
    expect(ad.categoriesOf('兼职刷单，名额有限，结果另行通知')).toEqual(['ad'])
    expect(ad.categoriesOf('日赚八百只能在APP里操作，详情咨询')).toEqual(['ad'])
  })

  it('is no hit in a list of words not to say (不能说…、…)', () => {
    expect(m.categoriesOf('话术里不能说永久有效、包治百病，会被投诉')).toEqual([])
  })

  it('is no hit in a question reported (问能不能, 咨询是否), and a hit with an offer', () => {
    expect(m.categoriesOf('有顾客咨询是否永久有效，我说以合同为准')).toEqual([])
    expect(m.categoriesOf('有人问能不能包治百病？能，私聊')).toEqual(['claim'])
  })

  it('is no hit called a rumour or rebutted (造谣说, 诬蔑, 已经解释清楚了), and a hit with an offer', () => {
    expect(m.categoriesOf('有人诬蔑说老板是骗子，律师函已经发了')).toEqual([])
    expect(m.categoriesOf('有个顾客在群里说老板是骗子，店长已经当面解释清楚了')).toEqual([])
    expect(m.categoriesOf('有人造谣说公司要倒闭，想知道真相的私聊我')).toEqual(['defamation'])
  })
})

describe('a rule or notice that names the banned thing, or a report of someone else’s post (blind17)', () => {
  const m = matcher({
    ad: ['兼职刷单', '日赚', '刷信誉'],
    gambling: ['百家乐', '博彩'],
    porn: ['约炮', '裸聊'],
    deal: ['私单', '飞单', '私下转账', '转我个人'],
    contact: ['加我微信'],
    secret: ['内部价格表', '内部资料'],
    insult: ['傻逼', '废物'],
    defamation: ['公司要倒闭'],
  })

  it('is no hit forbidden to take part in, or hunted down (不允许接私单, 严禁私自接飞单, 严查刷信誉)', () => {
    expect(m.categoriesOf('店长再三强调，严禁私自接飞单')).toEqual([])
    expect(m.categoriesOf('咱们网店千万别碰刷信誉')).toEqual([])
    expect(m.categoriesOf('市场监管局在整治刷信誉，店铺都收敛点')).toEqual([])
  })

  it('is a hit when the prohibition is of something else, or the offer stands beside it', () => {
    expect(m.categoriesOf('不要犹豫，接私单找我')).toEqual(['deal'])
    expect(m.categoriesOf('严查之下照样刷信誉，私聊')).toEqual(['ad'])
    expect(m.categoriesOf('别碰刷信誉那种低级的，跟我做兼职刷单')).toEqual(['ad'])
  })

  it('is no hit in a list of posts forbidden and closed by 等任何 / named as a written form (这类拼音)', () => {
    expect(m.categoriesOf('严禁发送百家乐、时时彩等各种博彩内容')).toEqual([])
    expect(m.categoriesOf('看到 luoliao、yuepao 这类拼音的，别回复')).toEqual([])
  })

  it('is a hit in an ad of the same words (百家乐等各种博彩，欢迎来玩)', () => {
    expect(m.categoriesOf('百家乐等各种博彩，欢迎来玩')).toEqual(['gambling'])
    expect(m.categoriesOf('luoliao 一对一，懂的来')).toEqual(['porn'])
  })

  it('is no hit labelled a scam with the rest of its list, or the label of a post to report', () => {
    expect(m.categoriesOf('日赚八百、兼职刷单这些都属于诈骗话术')).toEqual([])
    expect(m.categoriesOf('三群那个链接是博彩网站，我已经举报了')).toEqual([])
  })

  it('is a hit denied a scam, with an offer outside the list, or a label that sells', () => {
    expect(m.categoriesOf('兼职刷单不是骗局，日结')).toEqual(['ad'])
    expect(m.categoriesOf('别人的兼职刷单都是骗人的，我这里是真的，加我微信')).toEqual(['ad', 'contact'])
    expect(m.categoriesOf('这是正规博彩平台，新人送彩金')).toEqual(['gambling'])
  })

  it('is no hit as what a rule punishes or disowns in its next clause (…的，一律移出 / 财务一律不认)', () => {
    expect(m.categoriesOf('在群里骂人“废物”的，管理员一律移出')).toEqual([])
    expect(m.categoriesOf('员工私下转账给客户的，财务一律不认')).toEqual([])
  })

  it('is a hit when what follows 的 is a deal, not a penalty (想私下转账的，一律九五折)', () => {
    expect(m.categoriesOf('想私下转账的，一律九五折')).toEqual(['deal'])
    expect(m.categoriesOf('骂我废物的，都是好人')).toEqual(['insult'])
  })

  it('is no hit quoted as what the rule forbids asking for (不要在朋友圈让客户“加我微信”)', () => {
    expect(m.categoriesOf('不要在朋友圈让客户“加我微信”，统一走企业微信')).toEqual([])
    expect(m.categoriesOf('培训时讲过，不要要求客户“加我微信”')).toEqual([])
  })

  it('is no hit quoted as a post someone else sent (那条“…”的广告, 收到“…”的短信，已经报警了)', () => {
    expect(m.categoriesOf('昨天那条“兼职刷单”的广告是谁转的？')).toEqual([])
    expect(m.categoriesOf('好几个同事收到“私下转账”的短信，已经报警了')).toEqual([])
  })

  it('is a hit quoted as a post that lures or is offered (收到“…”的短信，点开领红包)', () => {
    expect(m.categoriesOf('收到“兼职刷单”的短信，点开领红包')).toEqual(['ad'])
    expect(m.categoriesOf('那条“兼职刷单”的消息是我发的，想做的私聊')).toEqual(['ad'])
  })

  it('is no hit reported with evidence kept, an admin called, the victim warned, an impostor or a rumour named', () => {
    expect(m.categoriesOf('有个号在三群刷博彩，我已经截图了')).toEqual([])
    expect(m.categoriesOf('刚才有人发日赚八百的广告，请@管理员')).toEqual([])
    expect(m.categoriesOf('对方自称客服要她私下转账，我提醒她别转')).toEqual([])
    expect(m.categoriesOf('客户说对方让他私下转账，是有人冒充我们')).toEqual([])
    expect(m.categoriesOf('业主群有人传公司要倒闭，物业已经辟谣')).toEqual([])
  })

  it('is a hit said to someone in a report, spread as news, or said beside a ban (举报你个傻逼, 严禁外传，…发你了)', () => {
    expect(m.categoriesOf('举报你个傻逼')).toEqual(['insult'])
    expect(m.categoriesOf('都在传公司要倒闭了，赶紧把钱取出来')).toEqual(['defamation'])
    expect(m.categoriesOf('严禁外传，内部价格表发你了')).toEqual(['secret'])
    expect(m.categoriesOf('禁止转发，兼职刷单日结')).toEqual(['ad'])
  })

  it('is no hit as one topic of a list a rule bars, or kept to the group (仅限本群); a hit handed over', () => {
    expect(m.categoriesOf('客户名单和内部价格表一律不准外传')).toEqual([])
    expect(m.categoriesOf('内部资料下午更新，仅限本群查看')).toEqual([])
    expect(m.categoriesOf('客户名单和内部价格表发你了，严禁外传')).toEqual(['secret'])
    expect(m.categoriesOf('内部资料，仅限本群')).toEqual(['secret'])
  })
})

describe('a shorter term inside a longer one that is talked about (不能说包治百病 holds 治百病)', () => {
  const m = matcher({ claim: ['包治百病', '治百病'], insult: ['傻逼', '大傻逼'] })

  it('is no hit when the longer term is forbidden or asked about', () => {
    expect(m.categoriesOf('客服培训：千万别说包治百病')).toEqual([])
    expect(m.categoriesOf('客户问能不能包治百病，我说不能')).toEqual([])
  })

  it('is a hit said by itself elsewhere, or when the longer term is said', () => {
    expect(m.categoriesOf('我们这款茶包治百病')).toEqual(['claim'])
    expect(m.categoriesOf('别说包治百病，它能治百病')).toEqual(['claim'])
    expect(m.categoriesOf('不是大傻逼，是傻逼')).toEqual(['insult'])
  })
})

describe('a rule with its sanction, a report to an admin, a rumour or secret named (rule and report class)', () => {
  const m = matcher({
    ad: ['兼职刷单'],
    gambling: ['百家乐'],
    porn: ['约炮', '裸聊'],
    deal: ['私单', '飞单'],
    secret: ['内部价格表'],
    insult: ['傻逼'],
    defamation: ['公司要倒闭'],
  })

  it('is no hit forbidden earlier in its clause with a sanction after (违者, 一经发现, 发现一次踢一次)', () => {
    expect(m.categoriesOf('本群不允许拉人进百家乐群，发现一次踢一次')).toEqual([])
    expect(m.categoriesOf('店里严禁员工接私单，一经发现立即辞退')).toEqual([])
    expect(m.categoriesOf('如有发现飞单行为，请向店长举报')).toEqual([])
  })

  it('is a hit with a sanction but no prohibition before it, or an offer (别犹豫…，违者不算)', () => {
    expect(m.categoriesOf('别犹豫，兼职刷单日结，违者不算')).toEqual(['ad'])
    expect(m.categoriesOf('如有需要兼职刷单，请联系我')).toEqual(['ad'])
  })

  it('is no hit someone else posted in a message to an admin or headed as a report (@管理员, 举报：)', () => {
    expect(m.categoriesOf('@管理员 有人发约炮图片，请踢掉')).toEqual([])
    expect(m.categoriesOf('举报：五群有人在发裸聊广告')).toEqual([])
  })

  it('is a hit the speaker says to an admin or in a report (@管理员 我要约炮, 举报：你就是个傻逼)', () => {
    expect(m.categoriesOf('@管理员 我要约炮')).toEqual(['porn'])
    expect(m.categoriesOf('举报：你就是个傻逼')).toEqual(['insult'])
    expect(m.categoriesOf('那个号发的兼职刷单是真的，日结')).toEqual(['ad'])
  })

  it('is no hit someone came across and called a scam, an account named by its post, a rumour 纯属谣言', () => {
    expect(m.categoriesOf('碰到说"兼职刷单日赚八百"的，都是骗子，别理')).toEqual([])
    expect(m.categoriesOf('刚才那个刷屏"兼职刷单"的号，谁拉进来的？')).toEqual([])
    expect(m.categoriesOf('听说有人在外面传公司要倒闭，纯属谣言')).toEqual([])
  })

  it('is no hit named a secret not to be copied, and a hit named a secret and offered', () => {
    expect(m.categoriesOf('内部价格表属于公司机密，严禁拷贝')).toEqual([])
    expect(m.categoriesOf('内部价格表属于公司机密，需要的私聊我')).toEqual(['secret'])
  })
})

describe('a rule or warning that names the banned thing as a pretext, a condition or a post to check', () => {
  const m = matcher({ ad: ['兼职刷单'], porn: ['约炮'], deal: ['私单', '飞单'], insult: ['傻逼'] })

  it('is no hit banned in any form, a scam’s pretext, found with whose, or deducted for', () => {
    expect(m.categoriesOf('再次声明：严禁以任何形式接私单')).toEqual([])
    expect(m.categoriesOf('派出所提醒：有骗子以兼职刷单为名骗取押金')).toEqual([])
    expect(m.categoriesOf('新规：凡发现员工接私单，一律严肃处理')).toEqual([])
    expect(m.categoriesOf('飞单一经查实，扣除全部提成')).toEqual([])
  })

  it('is no hit as a post someone else sent, to check or to deal with, or a link not to open', () => {
    expect(m.categoriesOf('有同事说朋友圈看到"兼职刷单"的宣传，请法务核实')).toEqual([])
    expect(m.categoriesOf('客户反映销售骂他"傻逼"，这事会严肃处理')).toEqual([])
    expect(m.categoriesOf('为了安全，请勿回复陌生人发的约炮链接')).toEqual([])
  })

  it('is a hit as what the speaker does (以…为主业) or with an offer after a rule’s words', () => {
    expect(m.categoriesOf('以兼职刷单为主业，日结三百')).toEqual(['ad'])
    expect(m.categoriesOf('飞单一经查实也没事，找我')).toEqual(['deal'])
  })
})

describe('a rule or report in the shapes blind18 brought (让客户, 一律删除, 公司不负责, an answer to 谁发的…？)', () => {
  const m = matcher({
    deal: ['私下转账', '不走公司'],
    ad: ['扫码进群'],
    porn: ['约炮', '成人视频'],
    secret: ['内部价格表', '客户名单'],
    defamation: ['黑心公司'],
  })

  it('is no hit forbidden to make someone do, deleted or disowned by the rules', () => {
    expect(m.categoriesOf('店长提醒：不要引导顾客私下转账')).toEqual([])
    expect(m.categoriesOf('群里别发小程序码，扫码进群这类的推广一律撤回')).toEqual([])
    expect(m.categoriesOf('温馨提示：不走公司的订单丢了货，公司概不负责')).toEqual([])
  })

  it('is no hit named a secret with an instruction between it and the ban', () => {
    expect(m.categoriesOf('内部价格表属于公司机密，调岗时须交回，不得带走')).toEqual([])
  })

  it('is no hit someone else posted, asked about to an admin, handed to a manager or asked how to answer', () => {
    expect(m.categoriesOf('昨晚有个号在群里发约炮，群主把他移除了没有？')).toEqual([])
    expect(m.categoriesOf('有客户问我要客户名单，我已经报给店长了')).toEqual([])
    expect(m.categoriesOf('网上有人说我们是黑心公司，怎么回应合适')).toEqual([])
    expect(m.categoriesOf('谁在群里发的成人视频？已经被管理员删了吧')).toEqual([])
  })

  it('is a hit when someone is told to keep it from others, or the message offers', () => {
    expect(m.categoriesOf('别让老板知道私下转账的事')).toEqual(['deal'])
    expect(m.categoriesOf('不走公司的单子我便宜给你，想要的私聊')).toEqual(['deal'])
    expect(m.categoriesOf('内部价格表属于公司机密，需要的请私聊我，不得外传')).toEqual(['secret'])
    expect(m.categoriesOf('谁发的成人视频？已经删了，想看的加我')).toEqual(['porn'])
    expect(m.categoriesOf('有人说约炮，管理员移出了吗？约的私我')).toEqual(['porn'])
    expect(m.categoriesOf('我们就是黑心公司，怎么回复随你')).toEqual(['defamation'])
  })
})

describe('a rule or report in the shapes blind19 brought (谁去跟他沟通, 报备, 谁把…了？, 竞品说自己是, 几个字) (b19fix)', () => {
  const m = matcher({
    deal: ['私下转账'],
    ad: ['扫码进群', '兼职刷单'],
    porn: ['约炮', '成人视频'],
    secret: ['内部价格表', '客户名单'],
    defamation: ['黑心公司'],
    claim: ['全网最低', '国家级产品', '第一品牌'],
  })

  it('is no hit someone else said, with someone asked to talk to them, reported up or refused', () => {
    expect(m.categoriesOf('有个顾客在评论里说我们是黑心公司，谁来跟客户解释一下')).toEqual([])
    expect(m.categoriesOf('经销商问我要内部价格表，没给他，已经跟主管说了')).toEqual([])
    expect(m.categoriesOf('群员“阿杰”在群里发约炮广告，请尽快处理')).toEqual([])
  })

  it('is no hit quoted as a post asked who sent, or asked who passed it on', () => {
    expect(m.categoriesOf('上午那条“兼职刷单日结”又是谁发的？')).toEqual([])
    expect(m.categoriesOf('是谁将客户名单发到外面的？公司在调查')).toEqual([])
  })

  it('is no hit a rival claims of itself, or named as words (这几个字)', () => {
    expect(m.categoriesOf('同行都宣传自家是全网最低，我们讲服务')).toEqual([])
    expect(m.categoriesOf('包装上国家级产品这几个字下批去掉')).toEqual([])
    expect(m.categoriesOf('宣传册里“第一品牌”两个字划掉')).toEqual([])
  })

  it('is a hit the speaker claims, asks to be sent, hands over, or offers beside a report', () => {
    expect(m.categoriesOf('我们敢说自己是全网最低')).toEqual(['claim'])
    expect(m.categoriesOf('谁把内部价格表发我一份？')).toEqual(['secret'])
    expect(m.categoriesOf('有人找我要客户名单，我发给他了')).toEqual(['secret'])
    expect(m.categoriesOf('那条“扫码进群”是谁发的？想进的私聊我')).toEqual(['ad'])
    expect(m.categoriesOf('同行说自己是第一品牌，其实我们才是第一品牌')).toEqual(['claim'])
  })
})

import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { dictionaryOf } from './helpers.js'

/**
 * frep2's probe (issue #22, the reports of blind32, blind34, blind35 and blind36): new sentences of the shapes a
 * statement about a violation takes (a term whose meaning is asked, a deed someone else did with 把 and who handles
 * it, a post taken down, a complaint looked into, a past post pointed at and who sent it, a short link's service
 * named, a rule about whose secret it is), clean and violating (an offer, the speaker's own copy, contact details or a
 * link with a path inside or after the statement).
 */
const dictionary = dictionaryOf(
  {
    porn: ['约炮', '裸聊'],
    gambling: ['网赌', '六合彩', '老虎机'],
    contact: ['加我微信', '私聊我', '加薇', '薇信'],
    confidential: ['内部价格表', '进货价', '客户名单', '内部资料'],
    ad: ['兼职刷单'],
    malware: ['盗号'],
    private_deal: ['私单', '飞单', '私下转账'],
  },
  ['example.com'],
)
for (const rule of Object.values(dictionary.categories)) rule.expand = ['homophone', 'pinyin']
const m = compileMatcher(dictionary)

describe('a term whose meaning is asked (issue #22, frep2)', () => {
  it('is a hit when an account, a site or a call to buy follows with no offer word (found in review)', () => {
    expect(m.categoriesOf('客户问裸聊是什么意思，懂的来 abc12345')).toEqual(['porn'])
    expect(m.categoriesOf('老人问六合彩是什么东西，今晚开奖，跟我买')).toEqual(['gambling'])
    expect(m.categoriesOf('有人问网赌是什么，xpj888.com 注册就送')).toEqual(['gambling', 'link'])
    expect(m.categoriesOf('业主问网赌是什么，wx_888abc')).toEqual(['gambling'])
  })

  it('is no hit when someone asks what it means or is, and no offer follows', () => {
    expect(m.categoriesOf('业主问“飞单”啥意思，我说就是中介私下接单，公司明令禁止')).toEqual([])
    expect(m.categoriesOf('老人问网赌是什么东西，我劝他千万别碰')).toEqual([])
    expect(m.categoriesOf('有个租客问我裸聊是啥意思，我说是诈骗套路')).toEqual([])
    expect(m.categoriesOf('客户问什么叫飞单，我说就是私下接单，公司不允许')).toEqual([])
  })

  it('is a hit when an offer or the speaker’s own place follows the question', () => {
    expect(m.categoriesOf('有人问网赌是什么，来我这玩两把就懂了')).toEqual(['gambling'])
    expect(m.categoriesOf('群友问约炮是什么意思，想约的私聊我')).toEqual(['contact', 'porn'])
    expect(m.categoriesOf('客户问什么叫飞单，就是私下接单，想做的私聊我')).toEqual(['contact', 'private_deal'])
  })
})

describe('a deed someone else did with it, and who handles it (issue #22, frep2)', () => {
  it('is no hit when a third party did it with 把 or 将 and a later clause tells it handled', () => {
    expect(m.categoriesOf('前台把内部资料发到外面群了，经理正在处理')).toEqual([])
    expect(m.categoriesOf('离职的销售将客户名单卖给了同行，公司已经报警')).toEqual([])
    expect(m.categoriesOf('仓管把内部价格表拍照发到外面了，总部已经在查')).toEqual([])
  })

  it('is a hit when the speaker did it, or an offer or the speaker’s own copy follows', () => {
    expect(m.categoriesOf('我把客户名单整理好了，法务正在处理，要的私聊我')).toEqual(['confidential', 'contact'])
    expect(m.categoriesOf('前员工把客户名单带走了，法务正在处理，名单我这也有一份')).toEqual(['confidential'])
  })
})

describe('a post taken down, a complaint looked into (issue #22, frep2)', () => {
  it('is no hit when a later clause tells the post torn down or the complaint looked into or its doer asked', () => {
    expect(m.categoriesOf('有人在电梯里贴了六合彩的小广告，保洁已经撕掉了')).toEqual([])
    expect(m.categoriesOf('租客反映说中介让他私下转账，这件事我在跟进')).toEqual([])
    expect(m.categoriesOf('病人家属投诉有护工让他私下转账，是谁？马上来护士站')).toEqual([])
    expect(m.categoriesOf('顾客投诉说有导购让她加薇信联系，已经上报')).toEqual([])
  })

  it('is a hit when the report hands out an account, an offer follows or the speaker asks for a copy', () => {
    expect(m.categoriesOf('有人贴了约炮二维码，我已经撕了，想约的加我微信')).toEqual(['contact', 'porn'])
    expect(m.categoriesOf('客户投诉说有销售让他加薇信私聊，是谁？我薇信 abc12345 也行')).toEqual(['contact'])
    expect(m.categoriesOf('有人让他私下转账，我在查，转我就行')).toEqual(['private_deal'])
    expect(m.categoriesOf('有人在群里发了网赌链接，是谁？快发我一份')).toEqual(['gambling'])
  })
})

describe('a past post pointed at, and who sent it (issue #22, frep2)', () => {
  it('is no hit when its sender is asked or named, not the speaker', () => {
    expect(m.categoriesOf('刚才群里那个兼职刷单的链接，是谁转进来的？')).toEqual([])
    expect(m.categoriesOf('上午那个六合彩的帖子，谁转的？')).toEqual([])
    expect(m.categoriesOf('那条网赌的广告是被盗的账号发的，已经踢了')).toEqual([])
    expect(m.categoriesOf('昨天那条兼职刷单消息是盗号发的，号主已经改密码了')).toEqual([])
  })

  it('is a hit when the post is vouched for or praised, the speaker sent it or has a better one, or an offer follows', () => {
    expect(m.categoriesOf('昨天群里那条六合彩的消息是真的，特码很准')).toEqual(['gambling'])
    expect(m.categoriesOf('那个六合彩的帖子是我发的，今晚开奖')).toEqual(['gambling'])
    expect(m.categoriesOf('那条网赌的消息是谁发的？想玩的私聊我')).toEqual(['contact', 'gambling'])
    expect(m.categoriesOf('那条网赌的链接是谁发的？我这有更好的平台')).toEqual(['gambling'])
    expect(m.categoriesOf('那条六合彩的消息是张哥发的，特码很准，跟着买')).toEqual(['gambling'])
  })
})

describe('a short link’s service named (issue #22, frep2)', () => {
  it('is no link when a bare host is named a short link in a post reported and removed', () => {
    expect(m.categoriesOf('有人在小区群发了个 dwz.cn 短链，管理员已删除')).toEqual([])
    expect(m.categoriesOf('有人在家长群发了个 t.cn 短链，已撤回，别点')).toEqual([])
  })

  it('is a link when the host called a short link is no shortener’s (found in review)', () => {
    expect(m.categoriesOf('有人在业主群发了个 xpj888.com 短链，已移除，大家别点')).toEqual(['link'])
    expect(m.categoriesOf('群里有人发了 bet365x.vip 短网址，管理已删除')).toEqual(['link'])
  })

  it('is a link with a path, not named a short link, or offered', () => {
    expect(m.categoriesOf('有人在群里发了 https://bit.ly/4kLmN2p 已移除')).toEqual(['link'])
    expect(m.categoriesOf('有人在群里发了个 xpj888.com 的网址，已移除')).toEqual(['link'])
    expect(m.categoriesOf('我们的 t.cn 短链，大家点一下领红包')).toEqual(['link'])
  })
})

describe('a rule about whose secret it is (issue #22, frep2)', () => {
  it('is no hit when the owner’s term is the topic of a ban on passing it on', () => {
    expect(m.categoriesOf('通知：门店的进货价不得截图外发')).toEqual([])
    expect(m.categoriesOf('提醒：诊所的内部资料不得拍照外传')).toEqual([])
  })

  it('is a hit when the owner is who hands it over', () => {
    expect(m.categoriesOf('这是我们的内部价格表，别外传')).toEqual(['confidential'])
    expect(m.categoriesOf('刚拿到的客户名单不得外传，要的私聊我')).toEqual(['confidential', 'contact'])
  })
})

import { describe, expect, it } from 'vitest'
import { compileMatcher, type ExpansionKind } from '../../../../plugins/content/matcher/index.js'
import { dictionaryOf, expandingDictionary } from './helpers.js'

const ALL: ExpansionKind[] = ['pinyin', 'initials', 'homophone', 'split', 'lookalike']

/** A matcher over one category `c` with every expansion and the given context words. */
function category(terms: string[], context?: string[]) {
  const dictionary = dictionaryOf({ c: { terms } })
  Object.assign(dictionary.categories.c, { expand: ALL, ...(context && { context }) })
  return compileMatcher(dictionary)
}

describe('a short term across a word boundary', () => {
  it('is no hit where a word reaches from inside the term to outside it', () => {
    expect(category(['下注']).categoriesOf('报价单下注明含税')).toEqual([])
    expect(category(['下注']).categoriesOf('线下注册的客户明天回访')).toEqual([])
    expect(category(['援交']).categoriesOf('声援交流会改到周五')).toEqual([])
    expect(category(['去死']).categoriesOf('下个月去死海旅游')).toEqual([])
    expect(category(['日赚']).categoriesOf('春节假日赚钱的门店不少')).toEqual([])
  })

  it('is still a hit when no word reaches out of it, or the text reads with the term whole too', () => {
    expect(category(['下注']).categoriesOf('网上下注平台，稳赚')).toEqual(['c'])
    expect(category(['去死']).categoriesOf('你快去死吧')).toEqual(['c'])
    expect(category(['约炮']).categoriesOf('今晚约炮吧')).toEqual(['c'])
    expect(category(['援交']).categoriesOf('学生援交，私聊')).toEqual(['c'])
    // 下|注明|天 is also 下注|明天.
    expect(category(['下注']).categoriesOf('今天下注明天开奖')).toEqual(['c'])
  })

  it('is no hit when the word it is cut by takes an aspect particle (注明了, not 明了) (blind12)', () => {
    expect(category(['下注']).categoriesOf('合同最后一页最下注明了保修条款')).toEqual([])
    expect(category(['下注']).categoriesOf('报价单最下注明了有效期')).toEqual([])
    expect(category(['下注']).categoriesOf('表格底下注明过单位')).toEqual([])
    expect(category(['下注']).categoriesOf('网上下注了明天开奖')).toEqual(['c'])
  })

  it('is still a hit when the rest of the term is a word too (成本|价格, 时时|彩票, vx|号码)', () => {
    expect(category(['成本价']).categoriesOf('把成本价格表发我')).toEqual(['c'])
    expect(category(['时时彩']).categoriesOf('时时彩票计划群')).toEqual(['c'])
    expect(category(['vx号']).categoriesOf('vx号码发你了')).toEqual(['c'])
  })

  it('is no hit when the word at its end is not the last character lengthened (彩排, 号召, 号称, 乐园)', () => {
    expect(category(['时时彩']).categoriesOf('这段舞蹈要时时彩排')).toEqual([])
    expect(category(['威信号']).categoriesOf('他在村里的威信号召得动大家')).toEqual([])
    expect(category(['vx号']).categoriesOf('新款VX号称静音')).toEqual([])
    expect(category(['百家乐']).categoriesOf('百家乐园社区明天停水')).toEqual([])
  })

  it('is no hit when the segmenter reads the term whole but its rest and its end with the next are words too (六合|彩虹) (b17other)', () => {
    expect(category(['六合彩']).categoriesOf('他家住在六合彩虹小区')).toEqual([])
    expect(category(['六合彩']).categoriesOf('六合彩色卡印好了')).toEqual([])
    expect(category(['六合彩']).categoriesOf('六合彩票站今晚开奖')).toEqual(['c'])
    expect(category(['六合彩']).categoriesOf('六合彩开奖了')).toEqual(['c'])
  })

  it('is still a hit in a category that expands nothing (a bulk list, matched as written)', () => {
    const bulk = compileMatcher(dictionaryOf({ c: { terms: ['下注'] } }))
    expect(bulk.categoriesOf('报价单下注明含税')).toEqual(['c'])
  })

  it('leaves terms of four characters or more alone (全网最低价)', () => {
    expect(category(['全网最低']).categoriesOf('全网最低价，假一赔十')).toEqual(['c'])
  })

  it('applies to swap forms too (老胡机电城, 六盒彩色笔, 去四合院)', () => {
    expect(category(['老虎机']).categoriesOf('老胡机电城周末打折')).toEqual([])
    expect(category(['六合彩']).categoriesOf('买了六盒彩色笔')).toEqual([])
    expect(category(['去死']).categoriesOf('周末去四合院看看')).toEqual([])
  })

  it('reads a numeral swapped in and joined to what follows as a number (去四楼), not 去死', () => {
    expect(category(['去死']).categoriesOf('大家去四楼领工牌')).toEqual([])
    expect(category(['去死']).categoriesOf('你怎么还不去四，烦死了')).toEqual(['c'])
  })
})

describe('a warning that quotes a scam', () => {
  it('is no hit: a cue before the term in its clause and a word naming a scam after it', () => {
    expect(category(['兼职刷单']).categoriesOf('提防兼职刷单陷阱，保护好钱包')).toEqual([])
    expect(category(['日赚']).categoriesOf('小心网上日赚千元的骗局')).toEqual([])
    expect(category(['兼职刷单']).categoriesOf('防骗提示：兼职刷单都是骗局')).toEqual([])
  })

  it('is no hit in a lesson on the scam (培训, 讲座), but one when the scam is denied (无陷阱)', () => {
    expect(category(['赌球']).categoriesOf('新员工培训会讲赌球诈骗的套路')).toEqual([])
    expect(category(['日赚']).categoriesOf('免费培训，日赚五百，无陷阱')).toEqual(['c'])
  })

  it("needs both, in the hit's sentence, and no negation", () => {
    expect(category(['日赚']).categoriesOf('日赚千元，不是骗局，加我')).toEqual(['c'])
    expect(category(['日赚']).categoriesOf('小心，日赚千元的机会来了')).toEqual(['c'])
    expect(category(['日赚']).categoriesOf('日赚千元的骗局？我这是正规的')).toEqual(['c'])
    expect(category(['日赚']).categoriesOf('谨防诈骗！日赚千元，陷阱？不存在')).toEqual(['c'])
    expect(category(['老板是骗子']).categoriesOf('大家小心，老板是骗子')).toEqual(['c'])
  })

  it('leaves other terms of the message alone', () => {
    const dictionary = dictionaryOf({ ad: ['日赚'], contact: ['加我微信'] })
    for (const rule of Object.values(dictionary.categories)) rule.expand = ALL
    const m = compileMatcher(dictionary)
    expect(m.categoriesOf('谨防日赚千元骗局，加我微信了解详情')).toEqual(['contact'])
  })
})

describe('a swap form as the name of a shop', () => {
  it('is no hit before the kind of shop it names (百佳乐便利店), a hit elsewhere', () => {
    const m = category(['百家乐'])
    expect(m.categoriesOf('百佳乐便利店明天开业')).toEqual([])
    expect(m.categoriesOf('百佳乐平台注册送彩金')).toEqual(['c'])
    expect(m.categoriesOf('百家乐超市')).toEqual(['c'])
  })

  it('is no hit before the kind of business it names (家薇装饰, 佳威科技) (b17other)', () => {
    const m = category(['加薇', '加威'])
    expect(m.categoriesOf('家薇装饰的合同盖好章了')).toEqual([])
    expect(m.categoriesOf('佳威科技下午来验收')).toEqual([])
    expect(m.categoriesOf('家薇详聊，价格好说')).toEqual(['c'])
  })
})

describe('a context word that is a numbered phase', () => {
  it('confirms no initials when a word follows it (一期工程), and does as a count (五分钟一期)', () => {
    const m = category(['赌球'], ['一期'])
    expect(m.categoriesOf('DQ 泵站一期工程下月开工')).toEqual([])
    expect(m.categoriesOf('dq 五分钟一期，跟单')).toEqual(['c'])
    expect(m.categoriesOf('dq 一期一中')).toEqual(['c'])
  })
})

describe('a fuzzy hit glued to what makes it something else', () => {
  it('reads initials hyphened to a number as a code (SB-12, 12-SB), not 傻逼', () => {
    const m = category(['傻逼'])
    expect(m.categoriesOf('货架 SB-12 今天到货')).toEqual([])
    expect(m.categoriesOf('订单 12-SB 已发')).toEqual([])
    expect(m.categoriesOf('你个SB，滚')).toEqual(['c'])
  })

  it('reads initials where a verb of paying stands (尾款zz到我卡上) as a transfer, not 智障', () => {
    const m = category(['智障'])
    expect(m.categoriesOf('尾款直接zz到我卡上，不用经过公司')).toEqual([])
    expect(m.categoriesOf('定金 ZZ 给我就行')).toEqual([])
    expect(m.categoriesOf('这钱zz进我支付宝')).toEqual([])
    expect(m.categoriesOf('客服是zz吧，说了三遍还不懂')).toEqual(['c'])
    expect(m.categoriesOf('zz给我滚')).toEqual(['c'])
  })

  it('reads initials before a version number as a firmware code (SB 1.0.2), not 傻逼; a count stays a hit', () => {
    const m = category(['傻逼'])
    expect(m.categoriesOf('控制板 SB v1.0.2 已经烧录好了')).toEqual([])
    expect(m.categoriesOf('升级到SB2.1以后不再报错')).toEqual([])
    expect(m.categoriesOf('SB 250块都不给')).toEqual(['c'])
  })

  it('reads a Latin letter before 型, 形 or 槽 as a shape (加U形卡), not a contact handle', () => {
    const m = category(['加v', '加u'])
    expect(m.categoriesOf('管道接口要加U形卡固定')).toEqual([])
    expect(m.categoriesOf('底座加V槽导轨')).toEqual([])
    expect(m.categoriesOf('感兴趣的加V详聊')).toEqual(['c'])
    expect(m.categoriesOf('加v号发你')).toEqual(['c'])
  })

  it('reads pinyin glossed in brackets by other characters that read as it as a name (都昌), not the term', () => {
    const m = category(['赌场'])
    expect(m.categoriesOf('Duchang 门店（都昌县）本月开业')).toEqual([])
    expect(m.categoriesOf('duchang 新开，充值送彩金')).toEqual(['c'])
    expect(m.categoriesOf('duchang（赌场）上线了')).toEqual(['c'])
  })

  it('reads a transfer to the speaker of what the company pays (差旅费, 工资) as pay received, not a deal', () => {
    const m = category(['转到我账户'])
    expect(m.categoriesOf('上个月的差旅费转到我账户了吗')).toEqual([])
    expect(m.categoriesOf('年终奖已经转到我账户，谢谢老板')).toEqual([])
    expect(m.categoriesOf('尾款直接转到我账户，便宜五百')).toEqual(['c'])
  })

  it('reads going round the company before a gate or a corridor as a way walked, not a deal', () => {
    const m = category(['不走公司', '绕过公司'])
    expect(m.categoriesOf('明天搬设备不走公司大门，从西侧门进')).toEqual([])
    expect(m.categoriesOf('送货车绕过公司停车场直接到仓库')).toEqual([])
    expect(m.categoriesOf('这笔货款不走公司账户了')).toEqual(['c'])
  })

  it('reads not going to the office before a journey, in a message with no deal, as a way travelled (blind11)', () => {
    const m = category(['不走公司'])
    expect(m.categoriesOf('明早不走公司了，从家直接去现场量尺寸')).toEqual([])
    expect(m.categoriesOf('小张下午不走公司，下班直接回家')).toEqual([])
    expect(m.categoriesOf('周五我不走公司了，从家出发去展会')).toEqual([])
    expect(m.categoriesOf('这单不走公司了，我直接从家出发去收钱')).toEqual(['c'])
    expect(m.categoriesOf('不走公司，转我个人，下班前给你发货')).toEqual(['c'])
  })

  it('reads pinyin written right beside characters that read as it as a name (Wangdu 望都), not the term', () => {
    const m = category(['网赌'])
    expect(m.categoriesOf('保定 Wangdu 望都县的经销商明天到')).toEqual([])
    expect(m.categoriesOf('望都 wangdu 分店装了十台')).toEqual([])
    expect(m.categoriesOf('wangdu 网赌 上线了')).toEqual(['c'])
    expect(m.categoriesOf('wangdu 平台上线了，充值就送')).toEqual(['c'])
  })

  it('reads a claim of safety right after an obligation, with no sale, as a rule of the work (blind10)', () => {
    const m = category(['绝对安全', '零风险'])
    expect(m.categoriesOf('高空作业必须做到绝对安全，安全帽要戴好')).toEqual([])
    expect(m.categoriesOf('动火施工务必零风险，灭火器提前备好')).toEqual([])
    expect(m.categoriesOf('带电操作一定要绝对安全，先断闸')).toEqual([])
    expect(m.categoriesOf('本产品绝对安全，孕妇可用')).toEqual(['c'])
    expect(m.categoriesOf('质量必须绝对安全，放心购买')).toEqual(['c'])
    expect(m.categoriesOf('保证绝对安全，无任何副作用')).toEqual(['c'])
  })

  it('reads a claim of safety after 要 or before a step that waits for it as a rule of the work (b17other)', () => {
    const m = category(['绝对安全', '零风险'])
    expect(m.categoriesOf('吊装区域要做到绝对安全，闲人别靠近')).toEqual([])
    expect(m.categoriesOf('爬梯子换灯管要绝对安全，下面留人扶着')).toEqual([])
    expect(m.categoriesOf('先把电闸拉了，确认零风险再动手')).toEqual([])
    expect(m.categoriesOf('保证绝对安全后才能通电')).toEqual([])
    expect(m.categoriesOf('我们的滤芯保证绝对安全再卖给您')).toEqual(['c'])
    expect(m.categoriesOf('要买就买这款，绝对安全')).toEqual(['c'])
  })

  it('reads a claim right after a denial (没有, 哪有, 不可能) as no claim (b17other)', () => {
    const m = category(['绝对安全', '永久有效', '包治百病'])
    expect(m.categoriesOf('哪有永久有效的滤芯，一年换一次')).toEqual([])
    expect(m.categoriesOf('再好的锅也没有绝对安全的，用完关火')).toEqual([])
    expect(m.categoriesOf('保健品不可能包治百病，别乱吃')).toEqual([])
    expect(m.categoriesOf('本店会员卡永久有效，没有门槛')).toEqual(['c'])
    expect(m.categoriesOf('没有副作用，绝对安全')).toEqual(['c'])
  })

  it('reads a free gift to the company’s own customers as its promotion, not an ad (blind11)', () => {
    const m = category(['免费领取'])
    expect(m.categoriesOf('老顾客凭购机发票免费领取滤芯')).toEqual([])
    expect(m.categoriesOf('本周到店免费领取净水杯，每户限一个')).toEqual([])
    expect(m.categoriesOf('老用户可免费领取一次上门清洗')).toEqual([])
    expect(m.categoriesOf('关注公众号免费领取兼职资料')).toEqual(['c'])
    expect(m.categoriesOf('老客户免费领取，加我微信')).toEqual(['c'])
    expect(m.categoriesOf('到店免费领取，点击链接报名')).toEqual(['c'])
  })

  it('reads a free service turned on in the company’s own channel as its promotion (在小程序里开通) (blind12)', () => {
    const m = category(['免费领取'])
    expect(m.categoriesOf('免费领取滤芯更换提醒，在小程序里开通就行')).toEqual([])
    expect(m.categoriesOf('上门检测可以免费领取，公众号预约')).toEqual([])
    expect(m.categoriesOf('延保卡免费领取，官网登记序列号')).toEqual([])
    expect(m.categoriesOf('免费领取兼职名额，小程序里开通后加我微信')).toEqual(['c'])
    expect(m.categoriesOf('免费领取红包，小程序扫码进群')).toEqual(['c'])
  })

  it('reads a swapped unit of time after a counted classifier as a span (这个月跑), not 约炮', () => {
    expect(category(['约炮']).categoriesOf('上个月跑了三家客户')).toEqual([])
    expect(category(['垃圾东西']).categoriesOf('这个辣鸡东西又来了')).toEqual(['c'])
  })

  it('reads a swapped last character before 得 as a verb (网堵得厉害), not 网赌', () => {
    const m = category(['网赌'])
    expect(m.categoriesOf('晚上网堵得厉害')).toEqual([])
    expect(m.categoriesOf('网堵平台提现秒到')).toEqual(['c'])
  })
})

describe('a two-character hit written as a given name', () => {
  it('is no hit after a common surname that starts a name (恭喜王加薇, 客户 陈思丹)', () => {
    expect(category(['加薇']).categoriesOf('恭喜王加薇转正')).toEqual([])
    expect(category(['私单']).categoriesOf('新客户 陈思丹 下午到店')).toEqual([])
  })

  it('is no hit after a verb of naming and a surname (叫张加薇) (b17other)', () => {
    expect(category(['加薇']).categoriesOf('新来的文员叫张加薇，多关照')).toEqual([])
    expect(category(['加薇']).categoriesOf('叫我加薇就行')).toEqual(['c'])
  })

  it('is no hit after a department or role and a surname (行政刘思丹, 前台张加薇)', () => {
    expect(category(['私单']).categoriesOf('行政刘思丹通知周五下午消防演练')).toEqual([])
    expect(category(['加薇']).categoriesOf('前台张加薇负责收快递')).toEqual([])
  })

  it('is a hit without a surname, or after one that starts no name (过万加薇)', () => {
    const m = category(['加薇'])
    expect(m.categoriesOf('想要的加薇详聊')).toEqual(['c'])
    expect(m.categoriesOf('月入过万加薇')).toEqual(['c'])
    expect(m.categoriesOf('找我加薇')).toEqual(['c'])
  })

  it('is no hit when a three-character hit is a given name and the start of the next word (陈威信|号码)', () => {
    const m = category(['威信号'])
    expect(m.categoriesOf('陈威信号码改了，找他打新号')).toEqual([])
    expect(m.categoriesOf('王威信号多少')).toEqual(['c'])
    expect(m.categoriesOf('我威信号码是多少')).toEqual(['c'])
  })
})

describe('an invitation to a group printed on the company’s own material (blind15)', () => {
  it('is no hit named as on a poster, a manual or the official account, with no other way to reach someone', () => {
    const m = category(['扫码进群', '扫码入群'])
    expect(m.categoriesOf('说明书里的扫码入群是售后服务群，有问题在群里问')).toEqual([])
    expect(m.categoriesOf('公众号的扫码进群二维码过期了，市场部换一张')).toEqual([])
  })

  it('is a hit said, or with another way to reach someone', () => {
    const m = category(['扫码进群'])
    expect(m.categoriesOf('扫码进群领红包')).toEqual(['c'])
    expect(m.categoriesOf('海报上的扫码进群不算，加我微信进内部群')).toEqual(['c'])
  })
})

describe('a member’s name in an @-mention or glossed by its initials (blind15)', () => {
  it('is no hit as the whole name of an @-mention, with or without a team before it', () => {
    const m = category(['私单'])
    expect(m.categoriesOf('@思丹 周报今天交')).toEqual([])
    expect(m.categoriesOf('@行政-思丹，会议室订了吗')).toEqual([])
  })

  it('is a hit outside the mention, or when the mention is more than the hit', () => {
    const m = category(['私单'])
    expect(m.categoriesOf('@所有人 思丹价格更低')).toEqual(['c'])
    expect(m.categoriesOf('@思丹你好')).toEqual(['c'])
  })

  it('is no hit for initials in brackets beside a name that starts with those letters', () => {
    const m = category(['一夜情'])
    expect(m.categoriesOf('这是新同事俞雨晴（YYQ）的工位')).toEqual([])
    expect(m.categoriesOf('YYQ（叶怡晴）负责华东区')).toEqual([])
  })

  it('is a hit for initials in brackets beside words that start otherwise', () => {
    const m = category(['一夜情'])
    expect(m.categoriesOf('今晚找个人（YYQ）')).toEqual(['c'])
    expect(m.categoriesOf('约吗（yyq）')).toEqual(['c'])
  })
})

describe('a company term after a count of more than one', () => {
  it('is other companies (三家垃圾公司, 这些黑心公司), and the one company a hit (这家垃圾公司)', () => {
    const m = category(['垃圾公司', '黑心公司'])
    expect(m.categoriesOf('新闻里点名了三家垃圾公司')).toEqual([])
    expect(m.categoriesOf('这些黑心公司迟早被查')).toEqual([])
    expect(m.categoriesOf('这家垃圾公司工资都拖')).toEqual(['c'])
  })
})

describe('a term naming waste used of waste', () => {
  const m = category(['废物', '垃圾东西', '垃圾公司'])

  it('is waste after a kind of waste (电子废物, 生活垃圾) or before a word of disposing of it (清运, 扔掉)', () => {
    expect(m.categoriesOf('电子废物回收站下周搬家')).toEqual([])
    expect(m.categoriesOf('小区的生活垃圾公司换了一家')).toEqual([])
    expect(m.categoriesOf('门口那堆垃圾东西扔掉吧，挡着客户停车')).toEqual([])
    expect(m.categoriesOf('仓库的废物清运费这个月涨了')).toEqual([])
    expect(m.categoriesOf('拆下来的包装废物装袋，放到电梯口')).toEqual([])
    expect(m.categoriesOf('车间那些垃圾东西明天全部拉走')).toEqual([])
  })

  it('stays an insult said of someone, alone, or written by sound (辣鸡东西)', () => {
    expect(m.categoriesOf('你这个垃圾东西扔掉算了')).toEqual(['c'])
    expect(m.categoriesOf('他就是个废物处理不了客户')).toEqual(['c'])
    expect(m.categoriesOf('这家垃圾公司')).toEqual(['c'])
    expect(m.categoriesOf('辣鸡东西清理一下自己')).toEqual(['c'])
    expect(m.categoriesOf('这废物连这点事都处理不好')).toEqual(['c'])
    expect(m.categoriesOf('说的就是你，一个包装废物')).toEqual(['c'])
  })

  it('is waste carried away (带走, 收走) and an insult said of someone all the same (blind11)', () => {
    expect(m.categoriesOf('装完把纸箱这些垃圾东西带走')).toEqual([])
    expect(m.categoriesOf('楼下那些垃圾东西下午统一收走')).toEqual([])
    expect(m.categoriesOf('施工剩下的垃圾东西记得带下楼')).toEqual([])
    expect(m.categoriesOf('把你这个垃圾东西带走')).toEqual(['c'])
    expect(m.categoriesOf('垃圾东西，带走你的破机器')).toEqual(['c'])
  })
})

describe('a short term pulled apart by the words around it', () => {
  it('is no hit when the character outside stands alone but makes a word with the edge', () => {
    expect(category(['老虎机']).categoriesOf('老胡机房今天停电')).toEqual([])
    expect(category(['小电影']).categoriesOf('楼下小电影院开业了')).toEqual([])
  })

  it('is no hit when one edge makes a word outside and the segmenter joins the other outside', () => {
    expect(category(['日赚']).categoriesOf('上周日赚了三单')).toEqual([])
  })

  it('stays a hit where neither happens (网上下注了, 小电影网站, 日赚五百)', () => {
    expect(category(['下注']).categoriesOf('网上下注了')).toEqual(['c'])
    expect(category(['小电影']).categoriesOf('小电影网站发你')).toEqual(['c'])
    expect(category(['日赚']).categoriesOf('日赚五百，加我')).toEqual(['c'])
  })
})

describe('a reading inside a longer hit of another term (blind11)', () => {
  const m = compileMatcher(
    expandingDictionary(
      { ad: ['低价出售', '兼职刷单'], secret: ['底价'], deal: ['刷单'], contact: ['加微信'], chat: ['微信'] },
      ['pinyin', 'homophone'],
    ),
  )

  it('is no hit where the longer term reads its letters as other characters (di价chu售 is 低价出售, no 底价)', () => {
    expect(m.categoriesOf('二手空调 di价chu售，九成新')).toEqual(['ad'])
    expect(m.categoriesOf('库存样机di价chu售了')).toEqual(['ad'])
    expect(m.categoriesOf('清仓啦 di价 chu售')).toEqual(['ad'])
  })

  it('is a hit alone, or inside a longer term that holds it (jian职shua单, jia微信)', () => {
    expect(m.categoriesOf('这台的di价是多少')).toEqual(['secret'])
    expect(m.categoriesOf('jian职shua单，日结')).toEqual(['ad', 'deal'])
    expect(m.categoriesOf('有意者jia微信')).toEqual(['chat', 'contact'])
  })
})

describe('a hit that reads as other words from what is glued to it (blind14)', () => {
  it('reads a Latin term hyphened to a number as a code (编号 SB-88), not 傻逼', () => {
    const m = category(['sb'])
    expect(m.categoriesOf('这个配件的料号是 SB-88，下单别填错')).toEqual([])
    expect(m.categoriesOf('你是sb吧')).toEqual(['c'])
  })

  it('reads a safety claim after 确保 as a rule of the work, not when we promise it or after 保证', () => {
    const m = category(['绝对安全', '零风险'])
    expect(m.categoriesOf('爬梯子前先检查一下，确保零风险')).toEqual([])
    expect(m.categoriesOf('拆机前拔掉插头，务必确保绝对安全')).toEqual([])
    expect(m.categoriesOf('我们确保绝对安全')).toEqual(['c'])
    expect(m.categoriesOf('拆机前拔掉插头，保证绝对安全')).toEqual(['c'])
  })

  it('reads waste at a place (走廊的, 车库里那堆) as waste, not when said of someone', () => {
    const m = category(['废物', '垃圾东西'])
    expect(m.categoriesOf('走廊的垃圾东西堆了好几天了')).toEqual([])
    expect(m.categoriesOf('车库里那堆废物占了两个车位')).toEqual([])
    expect(m.categoriesOf('他是车间里的废物')).toEqual(['c'])
  })

  it('reads a colour made (刷成黄色…) as the colour, not 看黄色网站', () => {
    const m = category(['黄色网站', '黄色视频'])
    expect(m.categoriesOf('海报底色改成黄色视频号的封面更显眼')).toEqual([])
    expect(m.categoriesOf('别看黄色网站')).toEqual(['c'])
  })

  it('reads a sale to the speaker (卖给我们) as none to the reader', () => {
    const m = category(['低价出售', '低价卖'])
    expect(m.categoriesOf('隔壁店想把库存低价卖给我们，老板还在考虑')).toEqual([])
    expect(m.categoriesOf('全新滤芯低价出售，需要的私聊')).toEqual(['c'])
  })

  it('reads a claim asked about (是…吗, 是不是) as a question, not a claim', () => {
    const m = category(['永久有效', '全网最低'])
    expect(m.categoriesOf('这个会员卡是永久有效的吗')).toEqual([])
    expect(m.categoriesOf('你们报的价是不是全网最低')).toEqual([])
    expect(m.categoriesOf('我们的会员卡是永久有效！')).toEqual(['c'])
  })

  it('reads a thing handed in to a role inside the company (交给财务) as work, not a leak', () => {
    const m = category(['进货价', '客户名单'])
    expect(m.categoriesOf('这个月的进货价统一交给财务核对')).toEqual([])
    expect(m.categoriesOf('客户名单发给我，我帮你卖个好价')).toEqual(['c'])
  })

  it('reads a price offered to the reader (要内部价的, 发你底价, 有底价) as bait, not a leak (b17other)', () => {
    const price = category(['底价', '内部价'])
    expect(price.categoriesOf('想要内部价的请留言')).toEqual([])
    expect(price.categoriesOf('进群的都有底价，先到先得')).toEqual([])
    expect(price.categoriesOf('周末来店里，给您个底价')).toEqual([])
    expect(price.categoriesOf('这次活动底价加我详聊')).toEqual([])
    expect(price.categoriesOf('这款全网最底价')).toEqual([])
    expect(price.categoriesOf('qing fa ni dijia')).toEqual([])
    // A figure or a table told is the price leaked.
    expect(price.categoriesOf('发你底价，一千二，别外传')).toEqual(['c'])
    expect(price.categoriesOf('要底价表的找我，刚从系统导出')).toEqual(['c'])
    expect(price.categoriesOf('我有内部价 680')).toEqual(['c'])
    expect(price.categoriesOf('渠道的底价我都知道')).toEqual(['c'])
  })

  it('reads letters defined after them or given as a label before them as a code talked about (b17other)', () => {
    const m = category(['sb'])
    const fuzzy = category(['全网最低', '傻逼'])
    expect(fuzzy.categoriesOf('表格里的 QWZD 是区外终端的简称')).toEqual([])
    expect(fuzzy.categoriesOf('库存表里 SB 代表报废品')).toEqual([])
    expect(m.categoriesOf('价目表上 SB 表示标准版')).toEqual([])
    expect(m.categoriesOf('SB=标准版，记一下')).toEqual([])
    expect(m.categoriesOf('旧包装的代号要改成 SB')).toEqual([])
    expect(m.categoriesOf('你就是个SB')).toEqual(['c'])
    expect(m.categoriesOf('SB 你看什么')).toEqual(['c'])
    expect(m.categoriesOf('sb 是你吧')).toEqual(['c'])
    expect(fuzzy.categoriesOf('QWZD，买贵退差')).toEqual(['c'])
    // An element's symbol glossed in brackets.
    expect(m.categoriesOf('水样里 Sb（锑）含量正常')).toEqual([])
    expect(m.categoriesOf('你个sb（狗头）')).toEqual(['c'])
  })

  it('reads capitals with what they stand for in brackets as an abbreviation, not a gloss of the term (blind18)', () => {
    const m = category(['脑残', '傻逼'])
    expect(m.categoriesOf('本月看板上 NC（新签约）目标 30 单')).toEqual([])
    expect(m.categoriesOf('群里那个 NC（脑残）又来了')).toEqual(['c'])
    expect(m.categoriesOf('你个 SB（狗头）')).toEqual(['c'])
    expect(m.categoriesOf('SB（说你呢）')).toEqual(['c'])
  })

  it('reads a first place praised or rewarded, with no sale, as a ranking, not an ad (b17other)', () => {
    const m = category(['销量第一', '第一品牌'])
    expect(m.categoriesOf('西南大区上季度销量第一，恭喜各位')).toEqual([])
    expect(m.categoriesOf('三号店销量第一，公司发了锦旗')).toEqual([])
    expect(m.categoriesOf('喜报！本品全国销量第一，欢迎购买')).toEqual(['c'])
    expect(m.categoriesOf('行业第一品牌，品质保证')).toEqual(['c'])
  })

  it('reads a thing entered in or kept in the company’s systems (录进 CRM, 放企业微盘) as work (b17other)', () => {
    const m = category(['客户名单', '内部资料'])
    expect(m.categoriesOf('今天到店的客户名单录进 CRM，下班前')).toEqual([])
    expect(m.categoriesOf('新版内部资料放企业微盘了，自己下')).toEqual([])
    expect(m.categoriesOf('客户名单在系统里，别导出来')).toEqual([])
    expect(m.categoriesOf('客户名单在我这，要的私聊')).toEqual(['c'])
    expect(m.categoriesOf('内部资料放网盘了，链接私发')).toEqual(['c'])
  })

  it('reads a sale inside the company (内部低价出售, 低价卖给员工) as a staff sale, not an ad (b17other)', () => {
    const m = category(['低价出售', '低价卖'])
    expect(m.categoriesOf('旧电脑内部低价出售，有意的找行政登记')).toEqual([])
    expect(m.categoriesOf('这批礼盒低价卖给员工，一人限两盒')).toEqual([])
    expect(m.categoriesOf('内部低价出售，加我微信')).toEqual(['c'])
    expect(m.categoriesOf('名牌包低价出售，全新')).toEqual(['c'])
  })

  it('reads a price changed or negotiated, with no figure, as work talk, not a leak (b17other)', () => {
    const m = category(['进货价', '成本价'])
    expect(m.categoriesOf('铜材的成本价格最近又上调了')).toEqual([])
    expect(m.categoriesOf('供应商那边进货价能不能再谈')).toEqual([])
    expect(m.categoriesOf('进货价涨了，现在六十一个')).toEqual(['c'])
    expect(m.categoriesOf('成本价变了：38元')).toEqual(['c'])
  })

  it('reads a claim of the state that starts an institution’s name (…检测中心) as the body named (b17other)', () => {
    const m = category(['国家级产品', '国家免检'])
    expect(m.categoriesOf('样品寄到国家级产品质量检测中心了')).toEqual([])
    expect(m.categoriesOf('这是国家免检产品研究所的复函')).toEqual([])
    expect(m.categoriesOf('国家级产品，质量中上，放心用')).toEqual(['c'])
    expect(m.categoriesOf('我们是国家级产品')).toEqual(['c'])
  })

  it('reads points or a refund credited to the speaker (积分…转到我账户) as a credit, not a deal (b17other)', () => {
    const m = category(['转到我账户'])
    expect(m.categoriesOf('会员积分满一千会自动转到我账户吗')).toEqual([])
    expect(m.categoriesOf('退款什么时候转到我账户')).toEqual([])
    expect(m.categoriesOf('尾款转到我账户，别走公司')).toEqual(['c'])
  })

  it('reads a transfer to a channel for files (转我个人网盘) as a document sent on, not a payment', () => {
    const m = category(['转我个人'])
    expect(m.categoriesOf('照片太大，转我个人网盘吧')).toEqual([])
    expect(m.categoriesOf('定金转我个人账户')).toEqual(['c'])
  })
})

describe('a hit that reads otherwise in the shapes blind19 brought (b19fix)', () => {
  it('reads a sound-alike starting a sentence before what a person does as a colleague’s name', () => {
    const m = category(['私单', '加薇'])
    expect(m.categoriesOf('思丹明天出差，周报我来交')).toEqual([])
    expect(m.categoriesOf('早上好，丝单刚才说会晚点到')).toEqual([])
    expect(m.categoriesOf('私单明天截止')).toEqual(['c'])
    expect(m.categoriesOf('思丹说加我详聊')).toEqual(['c'])
    expect(m.categoriesOf('接思丹吗')).toEqual(['c'])
  })

  it('reads an everyday word the word tables lack (撕单, 跑圈) as itself', () => {
    expect(category(['私单']).categoriesOf('仓库撕单的时候小心点')).toEqual([])
    expect(category(['约炮']).categoriesOf('今天悦跑圈上跑了十公里')).toEqual([])
    expect(category(['约炮']).categoriesOf('今晚悦跑吗')).toEqual(['c'])
  })

  it('reads a safety claim after an obligation earlier in a message about work on site as a rule of the work', () => {
    const m = category(['绝对安全', '零风险'])
    expect(m.categoriesOf('登高作业务必戴好安全帽，做到绝对安全')).toEqual([])
    expect(m.categoriesOf('施工前记得断电，保证零风险')).toEqual([])
    expect(m.categoriesOf('上门安装，保证绝对安全')).toEqual(['c'])
    expect(m.categoriesOf('本产品安装必须简单，保证绝对安全')).toEqual(['c'])
  })

  it('reads 有效 of a survey, a ballot or a document as valid, not effective', () => {
    const m = category(['100%有效', '永久有效'])
    expect(m.categoriesOf('回收的答卷100%有效，统计明天出')).toEqual([])
    expect(m.categoriesOf('问卷调查显示这款产品100%有效')).toEqual(['c'])
    expect(m.categoriesOf('这款净水器100%有效，放心买')).toEqual(['c'])
  })

  it('reads Latin letters said to be a code (…号码是型号) as printed on goods, not a contact', () => {
    const m = category(['vx号', 'qq号'])
    expect(m.categoriesOf('铭牌上的 QQ 号是型号的一部分，不用管')).toEqual([])
    expect(m.categoriesOf('外箱那个 VX 号码就是生产日期')).toEqual([])
    expect(m.categoriesOf('我vx号是abc12345')).toEqual(['c'])
  })
})

import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/**
 * frule's probe (issue #22, the rule and reminder rows of blind27, blind29, blind30 and blind31): new sentences of the
 * shapes a rule takes when it names the banned thing (a secret defined, examples of a banned deed, a sanction for
 * whoever does it, a banned pretext, a list banned from being told, a ban on saying a kind of message), clean, and
 * the speaker's own violation beside such a rule, in other trades and words than the samples.
 */
const m = compileMatcher(
  expandingDictionary(
    {
      ad: ['兼职刷单', '代理招募', '免费领取'],
      contact: ['加我微信', '私聊我'],
      insult: ['傻逼', '废物', '脑残', '蠢货', '去死', '滚蛋'],
      defamation: ['公司要倒闭', '老板是骗子', '公司骗人', '黑心公司'],
      confidential: ['内部价格表', '成本价', '进货价', '客户名单', '提成比例', '内部资料'],
      false_ad: ['包治百病'],
      private_deal: ['私下转账', '私单'],
    },
    ['homophone', 'pinyin'],
  ),
)

describe('a secret defined, with what to do with it (frule)', () => {
  it('is no hit when only duties follow the definition', () => {
    expect(m.categoriesOf('内部资料属于公司机密，用完要及时销毁')).toEqual([])
    expect(m.categoriesOf('客户名单是公司的商业秘密，离职前须全部交接')).toEqual([])
    expect(m.categoriesOf('进货价属于商业机密，调岗时必须交还相关文件')).toEqual([])
    expect(m.categoriesOf('内部价格表属于公司机密，打印件请锁进柜子')).toEqual([])
    expect(m.categoriesOf('客户名单属于公司财产，离职时一律上交')).toEqual([])
    expect(m.categoriesOf('内部资料是集团的核心资产，借阅后须当天归还')).toEqual([])
  })

  it('stays a hit when the secret is offered, told or handed over after all', () => {
    expect(m.categoriesOf('内部资料属于公司机密，要的话我私下发你')).toEqual(['confidential'])
    expect(m.categoriesOf('客户名单属于公司机密，不过我可以给你一份')).toEqual(['confidential'])
    expect(m.categoriesOf('进货价属于商业机密，这批货进货价每箱86元')).toEqual(['confidential'])
    expect(m.categoriesOf('成本价属于公司机密，我偷偷告诉你吧')).toEqual(['confidential'])
    expect(m.categoriesOf('客户名单属于公司机密，离职时要交回，我这有一份你要不要')).toEqual(['confidential'])
    expect(m.categoriesOf('内部价格表属于公司机密，需要的同事可以找我')).toEqual(['confidential'])
  })
})

describe('examples of a banned or sanctioned deed (frule)', () => {
  it('is no hit for examples a ban before or a sanction after covers', () => {
    expect(m.categoriesOf('严禁顶撞住客，骂蠢货、废物之类的一律停班')).toEqual([])
    expect(m.categoriesOf('禁止在维修群里骂人，说傻逼、脑残这类的罚款两百')).toEqual([])
    expect(m.categoriesOf('不准对学员恶语相向，比如骂人家废物、蠢货，一律记过')).toEqual([])
    expect(m.categoriesOf('驾校提醒：侮辱学员，例如说人家脑残、去死之类，一经查实开除')).toEqual([])
    expect(m.categoriesOf('辱骂乘客，像说对方傻逼、滚蛋，一律停单三天')).toEqual([])
    expect(m.categoriesOf('严禁殴打辱骂患者，骂人家蠢货、去死等，一律解聘')).toEqual([])
    expect(m.categoriesOf('禁止对租客恶语相向，如骂对方傻逼之类，罚款三百')).toEqual([])
  })

  it('stays a hit when the insult is said to the reader or no rule covers it', () => {
    expect(m.categoriesOf('禁止辱骂顾客，你这个脑残听不懂吗')).toEqual(['insult'])
    expect(m.categoriesOf('辱骂客户一律扣绩效，你就是个蠢货')).toEqual(['insult'])
    expect(m.categoriesOf('禁止骂人，说脑残、废物之类的扣绩效，不过你确实是个废物')).toEqual(['insult'])
    expect(m.categoriesOf('禁止辱骂顾客，比如说脑残之类的，你就是个脑残')).toEqual(['insult'])
    expect(m.categoriesOf('像你这种脑残，一律开除')).toEqual(['insult'])
    expect(m.categoriesOf('比如这个脑残，罚款两百')).toEqual(['insult'])
    expect(m.categoriesOf('比如私单，找我就行')).toEqual(['private_deal'])
    expect(m.categoriesOf('严禁辱骂患者？骂你个蠢货怎么了')).toEqual(['insult'])
    expect(m.categoriesOf('不要紧，比如说人家脑残也没事')).toEqual(['insult'])
    expect(m.categoriesOf('禁止辱骂顾客，比如说脑残之类的，有意向的加我微信')).toEqual(['contact', 'insult'])
  })
})

describe('a sanction for whoever does it (frule)', () => {
  it('is no hit when a sanction follows in the sentence', () => {
    expect(m.categoriesOf('谁再私下转账给客户，直接开除')).toEqual([])
    expect(m.categoriesOf('以后哪个司机敢拉私单，一律停单')).toEqual([])
    expect(m.categoriesOf('谁要是在群里骂顾客废物，罚款五百')).toEqual([])
    expect(m.categoriesOf('谁把客户名单带出去，追究法律责任')).toEqual([])
    expect(m.categoriesOf('哪位同事泄露提成比例，一经查实辞退')).toEqual([])
    expect(m.categoriesOf('再说一遍，谁做私单谁走人')).toEqual([])
    expect(m.categoriesOf('任何人在工地骂工人废物，一律罚款')).toEqual([])
    expect(m.categoriesOf('哪个教练再骂学员脑残，停课一周')).toEqual([])
    expect(m.categoriesOf('谁敢把进货价发到客户群，立马走人')).toEqual([])
  })

  it('stays a hit for an offer, a reward, a sanction taken back or the term as who', () => {
    expect(m.categoriesOf('谁要私单找我')).toEqual(['private_deal'])
    expect(m.categoriesOf('谁接私单我给他加提成')).toEqual(['private_deal'])
    expect(m.categoriesOf('谁要私单，一律八折')).toEqual(['private_deal'])
    expect(m.categoriesOf('谁想要内部资料，不怕开除的来')).toEqual(['confidential'])
    expect(m.categoriesOf('谁接私单一律辞退，想接的私聊我')).toEqual(['contact', 'private_deal'])
    expect(m.categoriesOf('谁接私单一律辞退，反正我接私单没人管')).toEqual(['private_deal'])
    expect(m.categoriesOf('哪个傻逼又把车停门口了，罚款')).toEqual(['insult'])
    expect(m.categoriesOf('谁是废物谁滚，扣绩效')).toEqual(['insult'])
    expect(m.categoriesOf('谁再迟到就是废物，扣绩效')).toEqual(['insult'])
    expect(m.categoriesOf('谁家的傻逼孩子又乱扔垃圾，罚款两百')).toEqual(['insult'])
    expect(m.categoriesOf('谁有进货价表发我，不然扣你绩效')).toEqual(['confidential'])
  })
})

describe('a banned pretext, a list banned from being told, a ban on saying a kind of message (frule)', () => {
  it('is no hit in the rule', () => {
    expect(m.categoriesOf('合规提示：不得以代理招募名义收取加盟费')).toEqual([])
    expect(m.categoriesOf('风控提醒：严禁以兼职刷单为噱头拉人入群')).toEqual([])
    expect(m.categoriesOf('严禁打着免费领取的旗号收集客户信息')).toEqual([])
    expect(m.categoriesOf('提醒：不要在朋友圈晒提成比例和内部价格表')).toEqual([])
    expect(m.categoriesOf('合规提醒：不要向客户透露进货价和成本价')).toEqual([])
    expect(m.categoriesOf('注意：不要在业主微信群里报成本价和进货价')).toEqual([])
    expect(m.categoriesOf('不要往外部群里发提成比例、客户名单')).toEqual([])
    expect(m.categoriesOf('不准说老板是骗子这种没根据的话，后果自负')).toEqual([])
    expect(m.categoriesOf('不许讲公司骗人这类负面消息，一经发现严肃处理')).toEqual([])
    expect(m.categoriesOf('不允许宣传包治百病这类虚假功效')).toEqual([])
    expect(m.categoriesOf('不允许讲黑心公司这种话，违者开除')).toEqual([])
  })

  it('stays a hit for the speaker’s own deed, a figure told or an offer', () => {
    expect(m.categoriesOf('合规提示：我们以兼职刷单名义招人，日结两百')).toEqual(['ad'])
    expect(m.categoriesOf('不得以兼职刷单名义招人？我们就是兼职刷单，日结')).toEqual(['ad'])
    expect(m.categoriesOf('提醒：不要在客户群里报成本价，成本价每件38元')).toEqual(['confidential'])
    expect(m.categoriesOf('不要在群里发私单，私聊我')).toContain('contact')
    expect(m.categoriesOf('别告诉别人进货价')).toEqual(['confidential'])
    expect(m.categoriesOf('不允许说公司要倒闭这类消息，但我看公司要倒闭了')).toEqual(['defamation'])
    expect(m.categoriesOf('不准说老板是骗子这种话，可老板就是骗子')).toEqual(['defamation'])
    expect(m.categoriesOf('谁说公司要倒闭，我看公司要倒闭是真的')).toEqual(['defamation'])
  })
})

describe('a second probe, written after the rules (frule)', () => {
  // Before the rules were widened by shape, 12 of these 18 clean sentences passed (a secret's qualifier and a duty of
  // restriction, the markers 比方 and 包括, 谁 right before the deed, 之名, a fine as 扣三百, the verb 公布 were new).
  it('is no hit in rules of other trades and words', () => {
    expect(m.categoriesOf('客户名单属于保密资料，复印须经店长签字')).toEqual([])
    expect(m.categoriesOf('提成比例属于薪酬机密，仅本人可查')).toEqual([])
    expect(m.categoriesOf('成本价系公司商业秘密，离岗前应当移交')).toEqual([])
    expect(m.categoriesOf('物业提醒：辱骂业主，比方说骂人家废物、蠢货，一律解聘')).toEqual([])
    expect(m.categoriesOf('禁止辱骂游客，讲傻逼、滚蛋这种话的扣当月奖金')).toEqual([])
    expect(m.categoriesOf('严禁导游骂游客，包括说人家脑残、蠢货，一经投诉立即停团')).toEqual([])
    expect(m.categoriesOf('以后谁再骂客人傻逼，直接走人')).toEqual([])
    expect(m.categoriesOf('谁私下转账收房租，公司一律追责')).toEqual([])
    expect(m.categoriesOf('哪个保洁把客户名单拿出去，罚款一千')).toEqual([])
    expect(m.categoriesOf('有谁敢接私单，开除没商量')).toEqual([])
    expect(m.categoriesOf('严禁以代理招募为由收取押金')).toEqual([])
    expect(m.categoriesOf('不得假借免费领取之名索要客户手机号')).toEqual([])
    expect(m.categoriesOf('禁止以兼职刷单等名义拉人')).toEqual([])
    expect(m.categoriesOf('请勿在车友群里公布进货价、成本价')).toEqual([])
    expect(m.categoriesOf('不要跟供应商透露客户名单和提成比例')).toEqual([])
    expect(m.categoriesOf('不允许散播公司要倒闭这种谣言，违者辞退')).toEqual([])
    expect(m.categoriesOf('禁止讲老板是骗子这类不实言论')).toEqual([])
    expect(m.categoriesOf('店规：谁在门店骂顾客蠢货，扣三百')).toEqual([])
  })

  it('stays a hit for the speaker’s own deed beside such a rule', () => {
    expect(m.categoriesOf('客户名单属于保密资料，但我这里有，五百一份')).toEqual(['confidential'])
    expect(m.categoriesOf('提成比例属于薪酬机密，我的是百分之八')).toEqual(['confidential'])
    expect(m.categoriesOf('谁再骂客人傻逼，我就说你是傻逼')).toEqual(['insult'])
    expect(m.categoriesOf('以后谁再骂我，我就骂他傻逼，开除我好了')).toEqual(['insult'])
    expect(m.categoriesOf('谁要内部资料，我这有，不怕开除')).toEqual(['confidential'])
    expect(m.categoriesOf('禁止辱骂游客，你个蠢货听见没，扣你奖金')).toEqual(['insult'])
    expect(m.categoriesOf('比如你就是个脑残，一律扣绩效')).toEqual(['insult'])
    expect(m.categoriesOf('禁止讲老板是骗子这类话，老板是骗子大家都知道')).toEqual(['defamation'])
    expect(m.categoriesOf('不允许说公司要倒闭这类消息，但公司确实要倒闭了')).toEqual(['defamation'])
    expect(m.categoriesOf('严禁以代理招募为由收押金？我们的代理招募不收押金，加我微信')).toEqual(['ad', 'contact'])
  })
})

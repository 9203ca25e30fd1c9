import { describe, expect, it } from 'vitest'
import { sharedEvalMatcher, shippedEvalMatcher } from './eval-helpers.js'

/** The matchers of the held-out table: the shared dictionary and the shipped one, under the eval-v2 options. */
const shared = sharedEvalMatcher()
const shipped = shippedEvalMatcher()

/** Sentences that stay hits of a category in a setup, whatever clean reading their words also have. */
function staysHit(m: typeof shared, category: string, sentences: string[]): void {
  for (const sentence of sentences) expect(m.categoriesOf(sentence), sentence).toContain(category)
}

describe('a code paired with a sibling code in a message that pitches or aims (issue #22, fguard)', () => {
  it('stays a hit with contact details, a gambling pitch, one letter, a part of the code or someone aimed at', () => {
    staysHit(shipped, 'contact', ['VX/WX abc12345'])
    staysHit(shared, 'gambling', ['BC和BB都能玩，充值送彩金', 'BC和BD两种版本，包赢'])
    staysHit(shipped, 'insult', ['楼上SB和SD', 'S和SB', 'CNM和CN', 'TMD和TM', 'SB和SD两个版本，@王五 你选'])
  })

  it('is no hit as two codes of one series beside a word of editions or formats', () => {
    expect(shipped.categoriesOf('SB 和 SD 两种型号都缺货')).toEqual([])
    expect(shared.categoriesOf('客户要 SD 和 HD 两个版本的宣传片')).toEqual([])
  })
})

describe('letters glossed by English words in a message that pitches or aims (issue #22, fguard)', () => {
  it('stays a hit for a gambling term, with an account, aimed at someone, or glossed by a name-calling', () => {
    staysHit(shared, 'gambling', ['BC（Best Choice）平台，充值送彩金', 'BC（Best Choice）包赢'])
    staysHit(shared, 'insult', [
      'SB（Super Boss）：abc12345',
      'SB（Super Boss）@张三',
      '@张三 SB（Super Boss）',
      '楼上SB（Super Boss）',
      'SB（Super Boss）指楼上',
      'SB（Sweet Baby）送你',
      'SB是Super Bad',
      'NC（Not Clever）',
      'NC（Nice Cat）@李雷',
    ])
    staysHit(shared, 'contact', ['SB（Small Business）版本，详情加我 v:abc12345'])
  })

  it("stays a hit for an insult's initials of three letters whatever their gloss", () => {
    staysHit(shipped, 'insult', [
      'CNM（China National Museum）',
      'TMD（The Most Delicious）',
      'NMSL（Nice Meet See Later）',
    ])
  })

  it('is no hit for two letters glossed by the words they stand for, said of no one', () => {
    expect(shared.categoriesOf('NC（No Charge）的单子不要开票')).toEqual([])
    expect(shared.categoriesOf('SB（Small Business）版本的报价在附件')).toEqual([])
  })
})

describe('a medium in a lesson or a film made, in a message that pitches (issue #22, fguard)', () => {
  it('stays a hit for a video made, or with contact details, a price or a wink', () => {
    staysHit(shared, 'porn', [
      '成人视频拍摄 联系电话13800138000',
      '成人视频制作 Q 12345678',
      '成人视频制作，主页有样片',
      '自己拍了一部小电影，想看的扣1',
      '小电影课程 全集',
      '婚礼小电影 同城约 滴滴',
      '成人视频课程，V信abc',
      '成人视频剪辑 价格私聊',
      '成人视频拍摄基地招模特',
      '小电影配音作业，想看的扣1',
    ])
  })

  it("is no hit before a lesson's noun, or for a film of an occasion", () => {
    expect(shared.categoriesOf('成人视频讲座报名截止到周五')).toEqual([])
    expect(shared.categoriesOf('婚礼小电影预约拍摄，下周三交片')).toEqual([])
  })
})

describe('一夜晴 with an offer, or the weather far from it (issue #22, fguard)', () => {
  it('stays a hit with a room, a companion or a visit offered', () => {
    staysHit(shared, 'porn', ['一夜晴 出游 陪玩', '一夜晴 雨 空降', '一夜晴，月亮很圆，来开房', '一夜晴 下雨 酒店等你'])
  })

  it('is no hit with the weather right beside it', () => {
    expect(shared.categoriesOf('一夜晴，今早出太阳了')).toEqual([])
  })
})

describe('a name, a firm or a price worked out in a message that pitches (issue #22, fguard)', () => {
  it('stays a hit with a gambling pitch or a price handed over', () => {
    staysHit(shared, 'gambling', [
      '夏注院长推荐，稳赚不赔，带你回血',
      '博采电气的吴总：稳赚不赔，日入过万',
      '博采电气的区域经理说包赢',
      '博采电气的报价单：充值一百送五十',
      '夏注经理说稳赢，跟着上分',
      '博采电气的李经理：返水百分之三',
    ])
    staysHit(shared, 'confidential', [
      '成本加利润，私信报价',
      '成本加运费，找我要',
      '成本加利润，报价单在群文件',
      '成本加运费，详聊',
    ])
    staysHit(shipped, 'confidential', ['底加运费，找我拿'])
  })

  it('is no hit for a head of a body, a firm person or a price worked out', () => {
    expect(shared.categoriesOf('夏注院长下周来医院坐诊')).toEqual([])
    expect(shared.categoriesOf('博采电气的刘经理明天来验收')).toEqual([])
    expect(shared.categoriesOf('工程按成本加税费结算')).toEqual([])
  })

  it("is no hit for a firm's work that only looks like a pitch: a meeting, a branch, a quote in the group's files", () => {
    expect(shared.categoriesOf('佳薇装饰的老板约我们周五看场地')).toEqual([])
    expect(shared.categoriesOf('博采电气的王总说下周去下分公司')).toEqual([])
    expect(shared.categoriesOf('博采电气的报价单在群文件里')).toEqual([])
  })

  it('stays a hit for a shop named in a message that pitches', () => {
    staysHit(shared, 'gambling', ['博采科技的李经理：返水百分之三', '百佳乐超市的店长说包赢，上分找他'])
  })
})

describe('an edition said of someone (issue #22, fguard)', () => {
  it('stays a hit after 楼上, 老子, 这人 or before a person', () => {
    staysHit(shipped, 'insult', ['楼上SB版', 'SB版本的人', '老子SB版，你服不服', '这人SB版的吧'])
  })

  it('is no hit as an edition compared', () => {
    expect(shipped.categoriesOf('SB版比旗舰版便宜')).toEqual([])
  })
})

describe('the last review’s repros: slot and lottery pitches, contact asks, document numbers (issue #22)', () => {
  it('keeps a firm, a count of goods or a compound a hit when the message pitches slots or a lottery', () => {
    staysHit(shared, 'gambling', ['博采电子 首存送18', '博采数码 新人首充翻倍', '六盒彩纸 明晚开奖 特码已出'])
    staysHit(shipped, 'gambling', ['六盒彩片 一肖中特 期期准', '六合彩钢板 特码资料'])
  })

  it('keeps a secret’s rule or a report a hit when it ends by asking to be messaged', () => {
    staysHit(shared, 'confidential', [
      '报价底单属于内部资料，禁止外传，私发',
      '进货价属于内部资料，禁止复制，需要的V我',
    ])
    staysHit(shared, 'contact', ['家薇电子 VX同号'])
  })

  it('clears a report or a firm’s name followed by a document’s number after its label', () => {
    expect(shared.categoriesOf('有人在群里骂人傻逼，已踢出，工号 ZX20231 记一次')).toEqual([])
    expect(shared.categoriesOf('有人在群里发私单，已处理。相关订单号：ORD20231201')).toEqual([])
    expect(shared.categoriesOf('斯丹光学的镜片到了，型号：SD2023A')).toEqual([])
    expect(shared.categoriesOf('家薇建材市场二楼，发票号：FP2023001')).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/**
 * foffer's probe (issue #22): a ban or an example that the speaker follows by handing the very thing over, a ban
 * whose clause ends in a mark that is no comma (`～`, an emoji, `。。`), a ban that hides our deed from someone, a
 * reported price question the speaker answers, an invitation to bet at someone's place, and a denial with 没; new
 * sentences, clean and violating, in other trades and words than the samples.
 */
const m = compileMatcher(
  expandingDictionary(
    {
      ad: ['兼职刷单', '代写论文'],
      contact: ['加我微信'],
      gambling: ['下注', '网赌', '赌博'],
      confidential: ['内部价格表', '进货价', '客户名单', '提成比例', '内部资料', '成本价'],
      private_deal: ['私下转账', '私单', '飞单'],
    },
    ['homophone', 'pinyin'],
  ),
)

describe('a ban, then the speaker hands the thing over (foffer)', () => {
  it('stays a hit when the speaker gives, tells or holds what was banned', () => {
    expect(m.categoriesOf('严禁外传内部价格表，要的话我传给你')).toEqual(['confidential'])
    expect(m.categoriesOf('不能透露进货价，我偷偷告诉你')).toEqual(['confidential'])
    expect(m.categoriesOf('禁止泄露提成比例，我给你看一眼')).toEqual(['confidential'])
    expect(m.categoriesOf('不要外发内部资料，我微信转你')).toEqual(['confidential'])
    expect(m.categoriesOf('别让供应商看到公司的客户名单，我发你')).toEqual(['confidential'])
    expect(m.categoriesOf('请勿在群里讨论进货价，具体我私下告诉你')).toEqual(['confidential'])
    expect(m.categoriesOf('不要外传客户名单，我已经发你了')).toEqual(['confidential'])
  })

  it('stays a hit when an example of the banned thing is the speaker’s to sell', () => {
    expect(m.categoriesOf('比如内部资料我手上就有，三百一套')).toEqual(['confidential'])
    expect(m.categoriesOf('例如客户名单这种，我这里有最新的')).toEqual(['confidential'])
    expect(m.categoriesOf('禁止外传，例如进货价我手上有，两百一份')).toEqual(['confidential'])
  })

  it('is no hit when only a reminder or a sanction follows the ban', () => {
    expect(m.categoriesOf('不要跟供应商透露客户名单，我给你们提个醒')).toEqual([])
    expect(m.categoriesOf('严禁向外人泄露提成比例，我告诉你们为什么')).toEqual([])
    expect(m.categoriesOf('严禁外传内部资料，有人问就说不知道')).toEqual([])
    expect(m.categoriesOf('不要让客户知道我们的进货价')).toEqual([])
    expect(m.categoriesOf('别让供应商看到公司的客户名单')).toEqual([])
    expect(m.categoriesOf('严禁私单，客户要发票的话我发你模板')).toEqual([])
    expect(m.categoriesOf('禁止私下转账，押金五百一份收据')).toEqual([])
    expect(m.categoriesOf('有人在业主群发网赌链接，我已经截图发给你了')).toEqual([])
  })
})

describe('a ban whose clause ends in a mark that is no comma (foffer)', () => {
  it('stays a hit when an invitation follows after ～, ~ or an emoji', () => {
    expect(m.categoriesOf('禁止发兼职刷单~想做的加我')).toContain('ad')
    expect(m.categoriesOf('不准讨论网赌😊有意向的私聊')).toEqual(['gambling'])
    expect(m.categoriesOf('禁止讨论提成比例…想知道的私聊')).toEqual(['confidential'])
  })

  it('is no hit when a sanction follows instead', () => {
    expect(m.categoriesOf('禁止发兼职刷单～违者移出')).toEqual([])
    expect(m.categoriesOf('不准讨论网赌😊违者踢')).toEqual([])
    expect(m.categoriesOf('禁止讨论提成比例，要知道的是违者罚款')).toEqual([])
  })
})

describe('a ban that hides our deed from someone (foffer)', () => {
  it('stays a hit: it tells us to do it unseen', () => {
    expect(m.categoriesOf('别让店长发现我们收私单')).toEqual(['private_deal'])
    expect(m.categoriesOf('千万不要让财务看到咱们私下转账')).toEqual(['private_deal'])
    expect(m.categoriesOf('严禁让老板发现咱们走飞单')).toEqual(['private_deal'])
    expect(m.categoriesOf('禁止让财务知道我们私下转账')).toEqual(['private_deal'])
    expect(m.categoriesOf('不准让店长看到你们接私单')).toEqual(['private_deal'])
  })
})

describe('a reported price question the speaker answers (foffer)', () => {
  it('stays a hit when a figure answers it', () => {
    expect(m.categoriesOf('有人问代写论文多少钱，我打听了下，三千一篇')).toEqual(['ad'])
  })

  it('is no hit when the speaker refuses or blocks the asker', () => {
    expect(m.categoriesOf('有人问私单多少钱，我直接拉黑了')).toEqual([])
    expect(m.categoriesOf('客户问飞单多少钱，我说不知道')).toEqual([])
  })
})

describe('an invitation to bet at someone’s place (foffer)', () => {
  it('is a hit after a 这 or 那 of place', () => {
    expect(m.categoriesOf('去我那下注')).toEqual(['gambling'])
    expect(m.categoriesOf('到你这下注')).toEqual(['gambling'])
  })

  it('is no hit where 这下 means this time', () => {
    expect(m.categoriesOf('这下注意安全')).toEqual([])
  })
})

describe('a denial with 没 (foffer)', () => {
  it('is no hit when someone denies their own deed', () => {
    expect(m.categoriesOf('我们从来没有私下转账')).toEqual([])
    expect(m.categoriesOf('本店从未私下转账')).toEqual([])
    expect(m.categoriesOf('我压根没碰过网赌')).toEqual([])
  })

  it('stays a hit for who has not yet done it, or with an invitation after', () => {
    expect(m.categoriesOf('还没加我微信的抓紧')).toEqual(['contact'])
    expect(m.categoriesOf('没下注的赶紧下注')).toEqual(['gambling'])
    expect(m.categoriesOf('我没赌博，想玩的私聊我')).toEqual(['gambling'])
  })
})

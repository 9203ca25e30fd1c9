import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { simplifiedCjk } from '../../../../plugins/content/matcher/talked-about-simplified.js'
import { expandingDictionary } from './helpers.js'

/** The shared categories the sentences below name, terms as given. */
const m = compileMatcher(
  expandingDictionary(
    {
      porn: ['裸聊', '援交', '成人视频'],
      gambling: ['六合彩', '时时彩', '博彩', '百家乐'],
      ad: ['兼职刷单', '日赚'],
      insult: ['滚蛋', '废物'],
      defamation: ['公司要倒闭', '公司骗人', '黑心公司'],
      confidential: ['内部资料', '内部价格表', '成本价'],
      false_ad: ['绝对安全', '永久有效', '包治百病', '国家级产品', '第一品牌'],
      private_deal: ['私单', '转到我账户', '不走公司'],
    },
    ['homophone', 'pinyin'],
  ),
)

describe('a term inside a statement about messages (issue #22)', () => {
  it('is no hit banned in a numbered rule, an example, or a named kind of post', () => {
    expect(m.categoriesOf('物业群公告：1、禁止在群内发布六合彩、时时彩等信息；2、禁止拉人进群推销。')).toEqual([])
    expect(m.categoriesOf('【客服须知】不要向客户承诺绝对安全，只说符合国家标准。')).toEqual([])
    expect(m.categoriesOf('运营规范：直播间不得出现“永久有效”“包治百病”字样，违者扣分。')).toEqual([])
    expect(m.categoriesOf('新规：凡在群内发布日赚类兼职广告的，一律移出。')).toEqual([])
    expect(m.categoriesOf('注意：裸聊视频敲诈又出新套路，请大家保护好隐私。')).toEqual([])
    expect(m.categoriesOf('公告：近期清理了一批发成人视频的僵尸号，请大家放心。')).toEqual([])
  })

  it('is no hit someone else posted or said, reported, or a question a rule answers', () => {
    expect(m.categoriesOf('今天群里有个号发了好几条援交广告，我已经全部撤回并拉黑。')).toEqual([])
    expect(m.categoriesOf('提醒一下：最近有人冒充财务让大家转到我账户，千万别转。')).toEqual([])
    expect(m.categoriesOf('群主好，8群有人在发博彩网站的链接，已经截图留证了。')).toEqual([])
    expect(m.categoriesOf('培训案例：客户说“你们公司骗人”，正确做法是先安抚情绪，再了解原因。')).toEqual([])
    expect(m.categoriesOf('问：发现同事接私单怎么办？答：请直接向人事部举报。')).toEqual([])
    expect(m.categoriesOf('法务部提醒：转发“公司要倒闭”等谣言的，公司将追究法律责任。')).toEqual([])
    expect(m.categoriesOf('客户投诉有人在群里骂他“滚蛋”，请值班管理员核实。')).toEqual([])
  })

  it('reads traditional characters as simplified, offsets kept', () => {
    expect(m.categoriesOf('依據群規，本群禁止傳播成人視頻、六合彩等違法信息。')).toEqual([])
    expect(simplifiedCjk('禁止傳播')).toBe('禁止传播')
    expect(simplifiedCjk('什么都一概不管')).toBe('什么都一概不管')
  })

  it('is a hit behind a wink past the statement: who wants it, where to get it, a member named', () => {
    expect(m.categoriesOf('违规示例：如“成人视频”等。想看的点我头像')).toEqual(['porn'])
    expect(m.categoriesOf('提醒：禁止外传内部资料，资料已传群文件，自己下')).toEqual(['confidential'])
    expect(m.categoriesOf('违规举例：私单、不走公司等。老客户照旧，你懂的')).toEqual(['private_deal'])
    expect(m.categoriesOf('群规不准骂人废物，@老周 说的就是你')).toEqual(['insult'])
    // The same statements without the wink stay clean.
    expect(m.categoriesOf('群规：不许发成人视频。有疑问的请看群公告')).toEqual([])
    expect(m.categoriesOf('举报：有人在群里推时时彩，已截图发给管理员')).toEqual([])
  })

  it('is a hit offered after a warning, behind a turn, handed over, or said of a person', () => {
    expect(m.categoriesOf('群里别发广告哈，要兼职刷单的直接私聊我')).toEqual(['ad'])
    expect(m.categoriesOf('警惕骗子！正规百家乐认准我们，新人送彩金')).toEqual(['gambling'])
    expect(m.categoriesOf('举报那个发广告的，顺便说一下我这有内部价格表，要的找我')).toEqual(['confidential'])
    expect(m.categoriesOf('管理员已删的成本价表我存了一份，想看私我')).toEqual(['confidential'])
    expect(m.categoriesOf('公司规定禁止私单，不过熟人的话可以不走公司')).toEqual(['private_deal'])
    expect(m.categoriesOf('群规禁止私单，但是老客户可以私聊我')).toEqual(['private_deal'])
    expect(m.categoriesOf('内部资料截图了，发你看看，别外传')).toEqual(['confidential'])
    expect(m.categoriesOf('群规不让骂人？那我也要说你就是个废物')).toEqual(['insult'])
    expect(m.categoriesOf('举报：这个废物天天刷屏')).toEqual(['insult'])
    expect(m.categoriesOf('注意！黑心公司就是这家，大家别买')).toEqual(['defamation'])
    expect(m.categoriesOf('大家注意，我听朋友说公司要倒闭了，赶紧把钱要回来')).toEqual(['defamation'])
    expect(m.categoriesOf('有人说兼职刷单不是骗局，我试过，日赚三百')).toEqual(['ad'])
  })
})

import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../../plugins/content/matcher/index.js'
import { expandingDictionary } from './helpers.js'

/** The shared categories the sentences below name, terms as given. */
const m = compileMatcher(
  expandingDictionary(
    {
      porn: ['成人视频'],
      gambling: ['六合彩', '时时彩', '博彩', '网赌'],
      ad: ['兼职刷单'],
      defamation: ['公司要倒闭', '黑心公司'],
      confidential: ['内部资料', '成本价', '进货价', '提成比例'],
      private_deal: ['私单'],
      contact: ['加我微信'],
    },
    ['homophone', 'pinyin'],
  ),
)

describe('a statement about messages that offers, vouches or tells the value after all (issue #22)', () => {
  it('keeps a banned term when an invitation to whoever wants it follows the ban', () => {
    expect(m.categoriesOf('群规：禁止发六合彩。想跟单的加我，包中')).toEqual(['gambling'])
    expect(m.categoriesOf('本群严禁讨论博彩，感兴趣的看我朋友圈')).toEqual(['gambling'])
    expect(m.categoriesOf('公告：内部资料不得外传。要资料的同事私我')).toEqual(['confidential'])
    expect(m.categoriesOf('群里不许接私单，谁要的话我这有两个客户')).toEqual(['private_deal'])
  })

  it('clears the ban when the help offered is the company’s, not the speaker’s', () => {
    expect(m.categoriesOf('群规：禁止发六合彩，有需要的请联系客服处理')).toEqual([])
    expect(m.categoriesOf('公告：内部资料不得外传，违者罚款500元')).toEqual([])
  })

  it('keeps a reported term the speaker vouches for from their own use', () => {
    expect(m.categoriesOf('举报：有人在群里发时时彩，我跟了两期真的中了')).toEqual(['gambling'])
    expect(m.categoriesOf('投诉一下有人发兼职刷单，我做了一单确实能到账')).toEqual(['ad'])
    expect(m.categoriesOf('举报：有人发兼职刷单，我试了一下，结果被骗了两百')).toEqual([])
  })

  it('keeps a secret value whose figures the message gives, not a fine or a bound', () => {
    expect(m.categoriesOf('提醒：进货价不要外传，这款的进货价是每台1280')).toEqual(['confidential'])
    expect(m.categoriesOf('客户问成本价，统一说不清楚，其实成本价才三十五块')).toEqual(['confidential'])
    expect(m.categoriesOf('不要在群里讨论提成比例，老员工是百分之六')).toEqual(['confidential'])
    expect(m.categoriesOf('客户问进货价，就说六十五')).toEqual(['confidential'])
    expect(m.categoriesOf('提醒：报价不得低于成本价的80%')).toEqual([])
    expect(m.categoriesOf('提醒：内部资料属于机密，已有3家公司因泄露被起诉')).toEqual([])
    expect(m.categoriesOf('培训记录：提成比例明年会变，具体以HR邮件为准')).toEqual([])
  })

  it('keeps what follows a warning turned by 可, 虽然 or 所以, or the speaker’s own contact after impostors', () => {
    expect(m.categoriesOf('小心有人冒充售后，所以退换货直接加我微信')).toEqual(['contact'])
    expect(m.categoriesOf('谨防网赌诈骗，不过我这个平台出款快，想玩的私聊')).toEqual(['gambling'])
    expect(m.categoriesOf('大家小心那些代购成人视频的广告，可我这里的都是高清的')).toEqual(['porn'])
    expect(m.categoriesOf('有人冒充客服让大家加我微信领红包，提醒各位别加')).toEqual([])
  })

  it('clears a warning with a verdict later in its sentence, a rebuttal and a question an answer follows', () => {
    expect(m.categoriesOf('温馨提示：六合彩、时时彩没有不输的，遇到请举报')).toEqual([])
    expect(m.categoriesOf('关于“黑心公司”传言的澄清：纯属造谣')).toEqual([])
    expect(m.categoriesOf('问答：听说公司要倒闭是真的吗？答：不是，公司经营正常')).toEqual([])
    expect(m.categoriesOf('防诈提醒：代刷网赌流水的，一律是骗局')).toEqual([])
  })
})

import { describe, it } from 'vitest'
import { cleanInBoth, flaggedInBoth } from './eval-helpers.js'

describe('someone else introduced by a bare 有 at the start of a clause, then handled (issue #22, f49)', () => {
  it('is no hit when the speaker tells it answered or dealt with', () => {
    cleanInBoth([
      '有客户在群里骂“公司骗人”，其实是他没看清分期手续费，我已经单独解释了',
      '有学员在群里骂“傻逼”，已经踢了',
    ])
  })

  it('stays a hit with an offer or the insult aimed at the reader after it', () => {
    flaggedInBoth('contact', ['有客户在群里骂“公司骗人”，我已经解释了，想要内部价的加我vx'])
    flaggedInBoth('insult', ['有客户骂“傻逼”，我已经解释了，你也是个傻逼'])
  })
})

describe('a name before a restaurant, a tea house or an inn, and 加 before a shop kind (issue #22, f49)', () => {
  it('is no hit before 酒楼, 茶楼, 宾馆, nor 加X before a shop of its own kind', () => {
    cleanInBoth([
      '百家乐酒楼的宴会厅周六要做婚礼布置',
      '时时彩茶楼那边说包间订满了',
      '六合彩宾馆的前台说房间满了',
      '加薇花坊那边说鲜花明早八点送到',
      '加薇超市的冷柜坏了',
    ])
  })

  it('stays a hit where the message pitches, lures or names an account', () => {
    flaggedInBoth('gambling', ['百家乐酒楼老板私下开台'])
    flaggedInBoth('contact', ['加薇民宿，微信同号', '加薇茶楼，今晚有局', '加薇花坊，私聊下单', '加薇花坊进店领红包'])
  })
})

describe('letters that romanise a name the message writes elsewhere (issue #22, f49)', () => {
  it('is no hit on a card or a passport', () => {
    cleanInBoth(['客户史时才的卡面凸字 SHI SHICAI，已核对护照', '同事杜博的护照上写着 DU BO'])
  })

  it('stays a hit in a message that pitches, beside the name or not', () => {
    flaggedInBoth('gambling', ['客户史时才说 SHI SHICAI 今晚必出'])
    flaggedInBoth('porn', ['罗燎 LUO LIAO 同城可约', '联系人罗燎 luo liao 可上门'])
  })
})

describe('a hush on passing a secret on (issue #22, f49)', () => {
  it('confirms a secret written as initials', () => {
    flaggedInBoth('confidential', [
      'cbj表已经发你邮箱了，千万别转给客户',
      'cbj表发你了，不要转发',
      'nbzl发你了，别转给同行',
    ])
  })
})

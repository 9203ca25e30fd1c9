import { describe, expect, it } from 'vitest'
import { sharedEvalMatcher, shippedEvalMatcher } from './eval-helpers.js'

/** The matchers of the held-out table: the shared dictionary and the shipped one, under the eval-v2 options. */
const shared = sharedEvalMatcher()
const shipped = shippedEvalMatcher()
const both = [shared, shipped]

/** Sentences that stay hits of a category with both dictionaries. */
function staysHit(category: string, sentences: string[], matchers = both): void {
  for (const m of matchers) for (const s of sentences) expect(m.categoriesOf(s), s).toContain(category)
}

/** Sentences that are no hit of a category with both dictionaries. */
function isClean(category: string, sentences: string[], matchers = both): void {
  for (const m of matchers) for (const s of sentences) expect(m.categoriesOf(s), s).not.toContain(category)
}

describe('a child or a parent named before a word of kin (issue #22, f42)', () => {
  it('is no hit as a surname and a given name before 小朋友, 妈妈, 爸爸, 奶奶', () => {
    isClean('porn', ['罗廖奶奶在门口等', '袁交宇小朋友的水杯落在教室了'])
    isClean('private_deal', ['司丹妈妈说孩子过敏'])
  })

  it('stays a hit with an account asked for, aimed at someone, or with no kin word right after it', () => {
    staysHit('insult', ['曲思妈妈，加我V信详聊', '@王五 沙比妈妈', '你个沙比，回家找妈妈去'])
    staysHit('porn', ['袁交妈妈，同城空降'])
  })
})

describe('a numeral a homophone swapped in that starts a number (issue #22, f42)', () => {
  it('is no hit before a classifier or a word a number counts or orders', () => {
    isClean('insult', [
      '下午去四楼会议室开会',
      '下午三点去四号会议室',
      '明天去四个人就够了',
      '周末去四天，带好换洗衣服',
    ])
  })

  it('stays a hit ending its clause, before a modal particle or aimed at someone', () => {
    staysHit('insult', ['你怎么还不去四', '去四吧你', '@张三 去四号', '你去四吧，废物'])
  })
})

describe('a grade of goods said of a batch (issue #22, f42)', () => {
  it('is no hit after a batch, a case or a kind of goods and 是', () => {
    isClean('insult', ['那箱是纯货，放心卖', '上一批茶都是纯货'])
  })

  it('stays a hit said of a person or aimed at someone', () => {
    staysHit('insult', ['你就是个纯货', '那箱是纯货，@张三 你说是不是', '你这个蠢货'])
  })
})

describe('a classifier right after a part code (issue #22, f42)', () => {
  it('is no hit after letters or digits', () => {
    isClean('insult', ['A3件和B3件分开放', '304件和316件别混了', 'ABS件和PP件分开放'], [shipped])
  })

  it('stays a hit aimed at someone or without a code before it', () => {
    staysHit('insult', ['@李四 PP件货', '你个贱货'], [shipped])
  })
})

describe('a term starting with 日 that closes a word of days (issue #22, f42)', () => {
  it('is no hit after 星期, 礼拜, 工作, 结算', () => {
    isClean('ad', ['星期日赚的钱都存起来了', '工作日赚的比周末多', '结算日赚了多少自己看后台'])
  })

  it('stays a hit with a contact offer or a pitch besides, or with no word of days before it', () => {
    staysHit('ad', ['星期日赚了两千，想学的私信我', '星期六日赚五百，加我', '在家日赚三百'])
  })
})

describe('a category a filter judged something as (issue #22, f42)', () => {
  it('is no hit after a verb of judging, with the bot or the system in the sentence', () => {
    isClean('gambling', ['系统把正常的报价单识别成赌博了', '机器人把“下周一注意”判成下注，麻烦看下'])
    isClean('porn', ['审核把我的消息标记为色情了，谁能帮忙恢复'])
  })

  it('stays a hit with a contact offer or a pitch, or with no filter named', () => {
    staysHit('gambling', ['机器人把我判成赌博，想玩的加我V信', '我判成赌博了又怎样，来玩'])
  })
})

describe('a homophone that is a verb phrase after a modal verb (issue #22, f42)', () => {
  it('is no hit ending its clause after 得, 要, 必须', () => {
    isClean('gambling', ['嫩芽要时时采，老叶留着', '春茶必须时时采一遍'])
  })

  it('stays a hit with a contact offer or a pitch, or with no modal before it', () => {
    staysHit('gambling', ['要时时采的加我V信', '时时采，稳赚', '玩时时采吗'])
  })
})

describe('an activity the group is called to sign up for (issue #22, f42)', () => {
  it('is no hit before a sign-up in the group or a list to join', () => {
    isClean('porn', ['下周约跑，想去的接龙', '周六早上约跑，感兴趣的群里报名'])
  })

  it('stays a hit with a contact offer, a wink, a bare 报名 or no sign-up at all', () => {
    staysHit('porn', ['约跑，有兴趣的私聊报名', '约跑，群里报名，同城的私聊', '周末约跑，有兴趣的报名', '今晚约跑吗'])
  })
})

describe('a leak reported as said and then handled (issue #22, f42)', () => {
  it('is no hit after someone 说了, with how it was dealt with after it', () => {
    isClean('confidential', ['小王在外面说了底价，主管已经找他谈话了', '老李跟客户说了进货价，公司已经处罚了'])
  })

  it('stays a hit said by the speaker or handed over', () => {
    staysHit('confidential', ['我说了提成比例，想知道的私信我', '提成比例在这，私聊'])
  })
})

describe('evasions found in this session (issue #22, f42)', () => {
  it('reads a porn term by sound after a manner of meeting (一对一, 视频)', () => {
    staysHit('porn', ['深夜一对一罗聊', '1对1罗聊，私信我', '视频罗聊'])
  })

  it('reads 虍 alone as 虎', () => {
    staysHit('gambling', ['老虍机上分快', '玩老虍机吗'])
  })

  it('confirms a cost price in initials sent by direct message or covered by a story for the customer', () => {
    staysHit('confidential', ['cbj发私信你了', 'cbj别问，客户问就说是进口的'])
    isClean('confidential', ['DJ私信你了，今晚的歌单', 'cbj表发群里了'])
  })
})

import { describe, it } from 'vitest'
import { cleanInBoth, flaggedInBoth } from './eval-helpers.js'

describe('a surname reading of a gambling term with its domain or a pitch (issue #22, rev48)', () => {
  it('stays a hit before a time word with a draw, a table, a stake or a pitch', () => {
    flaggedInBoth('gambling', [
      '陆合彩今晚开奖',
      '陆合彩今天开奖',
      '陆合彩今晚开台',
      '陆合彩已经开奖了',
      '陆合彩今晚特码',
      '陆合彩的特码出来了',
      '陆合彩今晚开奖，加我',
      '陆合彩今晚几点出结果',
      '陆合彩今晚出什么，跟我买',
    ])
    flaggedInBoth('porn', ['罗聊今晚一对一'])
  })

  it('keeps a name before a time word clean', () => {
    cleanInBoth(['白佳乐今晚到岗', '杜博负责华东区'])
  })
})

describe("a teacher's nickname by a swap form in a message of porn (issue #22, rev48)", () => {
  it('stays a hit with a body, a girl, arousal or a membership later in the message', () => {
    flaggedInBoth('porn', [
      '瑟琴老师的班，全是萝莉',
      '瑟琴老师的课，全裸授课',
      '瑟琴老师的课，看完硬了',
      '瑟琴老师的培训，买课送资源',
      '瑟琴老师的班，888元入会员',
      '瑟琴老师的课，在线观看',
      '瑟琴老师的课程合辑，百度云',
      '瑟琴老师的教案，高清无码',
      '瑟琴老师的课，男人都懂',
      '瑟琴老师的试听课免费，名额有限',
    ])
  })
})

describe('a supplier a homophone names, blamed later in the message (issue #22, rev48)', () => {
  it('stays a hit with a verdict on the firm', () => {
    flaggedInBoth('defamation', [
      '黑芯公司的货款，一群吸血鬼',
      '黑芯公司的报价比别家高三倍，黑得很',
      '黑芯公司的送货单，拖欠工资不给',
      '黑芯公司那批货有毒，大家注意',
      '黑芯公司那边通知，老板卷钱跑了',
      '黑芯公司的样品，去死吧',
      '黑芯公司的样品，100元一个出',
    ])
  })

  it('stays clean with a quote priced', () => {
    cleanInBoth(['黑芯公司的报价发过来了，每片120元'])
  })
})

describe('a claim forbidden to be presented as, then turned round or sold (issue #22, rev48)', () => {
  it('stays a hit', () => {
    flaggedInBoth('false_ad', [
      '不得宣传成第一品牌，但我们确实是，v123',
      '不能宣传成包治百病啦，老客户都知道，到店咨询',
      '不能说成永久有效，就说长期有效，99元一张',
      '不能宣传成包治百病，效果杠杠的',
      '别吹成包治百病，疗效自己体验，货到付款',
      '不能包装成第一品牌，实际上就是',
    ])
  })
})

describe('bulky waste said of the reader (issue #22, rev48)', () => {
  it('stays a hit after 你这', () => {
    flaggedInBoth('insult', ['你这大件废物，明天清走'])
  })
})

import { describe, it } from 'vitest'
import { cleanInBoth, flaggedInBoth } from './eval-helpers.js'

describe('a kind of waste counted as bulky or other (issue #22, f48)', () => {
  it('is no hit after 大件, 大宗, 其他', () => {
    cleanInBoth([
      '旧沙发算大件垃圾，物业每周三统一收',
      '拆下来的浴缸属于大件废物，要单独约车',
      '用过的纸巾属于其他垃圾',
      '大宗废物请联系物流部门',
    ])
  })

  it('stays a hit said of someone', () => {
    flaggedInBoth('insult', ['你就是个大件废物', '他这个人就是大件废物'])
  })
})

describe('a claim something may not be presented as (issue #22, f48)', () => {
  it('is no hit after a prohibition and a verb of presenting with 成 or 为', () => {
    cleanInBoth([
      '会员卡不能宣传成永久有效，合同写的是两年',
      '不能把我们的滤芯吹成包治百病',
      '广告里不得包装成第一品牌',
      '保健品不要描述成包治百病的',
      '别把这款手机说成全网最低价',
    ])
  })

  it('stays a hit done anyway, said, or in a message that pitches', () => {
    flaggedInBoth('false_ad', [
      '储值卡不能宣传成永久有效，加我微信买',
      '净水器不能宣传成第一品牌，我们照写',
      '年卡宣传成永久有效，私聊',
      '不能宣传成永久有效？那就说永久有效吧，找我办卡',
    ])
  })
})

describe('a quoted deed of someone else, reported and handled (issue #22, f48)', () => {
  it('is no hit after who said it before a quotation, or words a third person received', () => {
    cleanInBoth([
      '以前的前台跟家长说“转到我账户”，结果被开除了',
      '上个月收银员跟顾客讲“转到我账户”，已经被公司辞退',
      '顾客在评论区被人骂了“废物”，我们已经道歉',
      '学员的视频下面被网友评论“傻逼”，老师已经安抚过了',
    ])
  })

  it('stays a hit offered again, aimed after the report, or with a pitch beside it', () => {
    flaggedInBoth('private_deal', ['前任会计跟客户说“转到我账户”，被开除了，现在转到我账户就行'])
    flaggedInBoth('insult', [
      '有个学员被陌生人回了“垃圾东西”，你也是个垃圾东西',
      '孩子被陌生人骂了“傻逼”，已经报警了，老子弄死他',
      '他被我骂了“废物”，已经道歉了',
    ])
    flaggedInBoth('gambling', ['群里被人发了“六合彩”，已经踢了，今晚开奖跟单的来'])
  })
})

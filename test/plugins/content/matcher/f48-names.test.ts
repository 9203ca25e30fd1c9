import { describe, it } from 'vitest'
import { cleanInBoth, flaggedInBoth } from './eval-helpers.js'

describe("a teacher's nickname by a swap form before the class they teach (issue #22, f48)", () => {
  it('is no hit before 老师 or 教练 and a class or a duty', () => {
    cleanInBoth(['瑟琴老师今天请假，课调到周日', '色琴老师的钢琴课改到周六', '瑟琴教练的私教课满了'])
  })

  it('stays a hit before a film, as written, said of a person, or in a message that pitches', () => {
    flaggedInBoth('porn', ['瑟琴老师的新片出了', '色情老师的课', '瑟琴老师的课，加V看', '瑟琴老师一对一视频课，私聊'])
    flaggedInBoth('insult', ['傻比老师的课真无聊', '脑惨老师的课', '傻比老师今天请假'])
  })
})

describe('a supplier a homophone names before what it supplies (issue #22, f48)', () => {
  it('is no hit before a batch, a quote or the firm telling', () => {
    cleanInBoth(['黑芯公司的报价发过来了', '黑芯公司那边说下周发货', '黑芯公司这批屏幕的质检报告在群文件里'])
  })

  it('stays a hit as written, blamed, or in a message that pitches', () => {
    flaggedInBoth('defamation', [
      '黑心公司那批主板',
      '黑芯公司那批货全是假的',
      '黑芯公司的报价，加我微信拿',
      '黑芯公司就是坑人',
    ])
  })
})

describe('笫 drawn like 第 (issue #22, f48)', () => {
  it('reads as 第 outside 床笫', () => {
    flaggedInBoth('false_ad', ['我们家瓷砖是全国笫一品牌', '本店笫一品牌，放心买'])
    cleanInBoth(['床笫之间的事别在群里说'])
  })
})

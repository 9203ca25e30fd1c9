import { describe, expect, it } from 'vitest'
import { sharedEvalMatcher, shippedEvalMatcher } from './eval-helpers.js'

/** The matchers of the held-out table: the shared dictionary and the shipped one, under the eval-v2 options. */
const shared = sharedEvalMatcher()
const shipped = shippedEvalMatcher()

/** Sentences that stay hits of a category in a setup, whatever clean reading their words also have. */
function staysHit(m: typeof shared, category: string, sentences: string[]): void {
  for (const sentence of sentences) expect(m.categoriesOf(sentence), sentence).toContain(category)
}

/** Sentences that are no hit in a setup. */
function isClean(m: typeof shared, sentences: string[]): void {
  for (const sentence of sentences) expect(m.categoriesOf(sentence), sentence).toEqual([])
}

describe('a clean reading of f39/f40 in a message that pitches a girl, a room or a price a night (issue #22, rev1)', () => {
  it('stays a hit with a price a time or a night, a hotel, a visit or a student girl offered', () => {
    staysHit(shared, 'porn', [
      '月抛，18岁，150一次，近视眼镜妹',
      'YYQ是杨一倩，300一晚，酒店见',
      'YYQ 是杨一倩，大学生，可上门',
      '「一夜晴」套餐，500一晚，酒店见',
      '「一夜晴」系列，学生妹，可上门',
      '《月抛》新品，18岁，150一次',
      '隐形眼镜月抛，美瞳妹妹陪你聊天',
    ])
    staysHit(shared, 'contact', ['小薇信了，今晚有空，300全套'])
  })

  it('is no hit as lenses, a name, a product or a shop that comes to install', () => {
    isClean(shared, [
      '隐形眼镜有日抛和月抛，近视的同事可以团购',
      '签名栏的 YYQ 是杨一倩',
      '「一夜晴」修复面膜到货了',
      '佳薇茶舍周六上午十点开门，可上门安装茶台',
    ])
  })
})

describe('a clean reading of f39/f40 in a message that pitches a bet, a recovery or earnings (issue #22, rev1)', () => {
  it('stays a hit with odds, losses paid back, a rebate, a stake, a yield or a recovery for a fee', () => {
    staysHit(shared, 'gambling', [
      'Dubo 是我们的合作公司，日返百分之三',
      'Dubo 是澳门的公司，押一赔十',
      'Dubo 是亚洲最大的集团，输了包赔',
      '伯才棋社今晚开局，500起，上桌就送',
      '下驻企业，跟单回报百分之三十',
      '时时踩一下，轻松翻倍，一天五千',
      '时时踩一下，跟着计划走，每天收益百分之二十',
      '网赌被黑不给出款？专业出黑团队，先出款后收费',
      '网赌被骗了可以追回，成功后再付款，有需要的留言',
      '被网赌平台骗了的朋友，我们团队帮你追回损失，不成功不收费',
      '禁止“网赌”“博彩”，要玩去我们自己的',
      '柏家乐酒吧，今晚真人荷官',
      'Dubo 是老客户，返点照旧',
      'Wangdu 是我们的合作方，输赢随意，日结',
    ])
    staysHit(shared, 'ad', ['日转月，月入三万，宝妈可做', '日转月，每天两小时，月入过万不是梦'])
    staysHit(shared, 'contact', ['要资源的小薇信了就发', '佳薇书斋，需要论文代写的来'])
  })

  it('is no hit as a supplier, a victim, a plan switched, a team sent, a pet name or a brake', () => {
    isClean(shared, [
      'Dubo 是我们在德国的面料供应商',
      '被网赌平台骗了三万，已经报警了',
      '他玩网赌被骗了两万，家里人很着急',
      '临停可以日转月，月卡三百',
      '工作组下驻我们小区',
      '张小薇信了我们的方案',
      '下坡时时踩一下刹车',
      '禁止“网赌”“博彩”等字眼',
      '需要的同事周五前来，报名表在群文件',
    ])
  })
})

describe('a price asked and answered by a source that is a figure or the speaker (issue #22, rev1)', () => {
  it('stays a hit when the source is the price itself or the speaker’s own channel', () => {
    staysHit(shipped, 'confidential', [
      '客户问进货价，就说按一百二为准',
      '有人问底价就说以980为准',
      '客户问底价的，以我朋友圈为准',
    ])
  })

  it('is no hit when the source is the price list', () => {
    isClean(shipped, ['客户问底价的，一律以官网报价为准'])
  })
})

describe('the look-alikes 目 for 日 and 祝 for 视 in everyday sales talk (rev1)', () => {
  it('is no hit where 目 or 祝 make a word or stand alone in a wish', () => {
    isClean(shipped, [
      '请各位过目，目前项目进度正常',
      '一目了然，这个方案可以',
      '祝大家新年快乐，祝您生意兴隆',
      '祝频道的朋友们周末愉快',
      '科目结转已完成，账目结清',
      '祝你日日顺利',
      '目测两米，价格合适',
    ])
  })
})

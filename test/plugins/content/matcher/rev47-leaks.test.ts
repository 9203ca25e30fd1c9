import { describe, it } from 'vitest'
import { cleanInBoth, flaggedInBoth } from './eval-helpers.js'

/**
 * Leaks of f47's clearing rules (issue #22, rev47): violations dressed in the new clean shapes, flagged before f47 and
 * cleared by it, and a few clean shapes that stay clean. Sentences of our own, by shape.
 */
describe('rev47: leaks of f47’s clearing rules (issue #22)', () => {
  it('keeps a complaint or an inquiry someone else made that the speaker sells beside', () => {
    flaggedInBoth('porn', ['有人吐槽成人视频太贵，我这便宜，十块一部', '客户反映隔壁在卖成人视频，这边也有，便宜'])
    flaggedInBoth('gambling', ['客户反映赌博的事，这边有渠道，可以带'])
    flaggedInBoth('confidential', ['查出有人卖客户名单，名单一份五百'])
    flaggedInBoth('contact', ['网友吐槽说加我微信领红包，确实能领'])
    cleanInBoth(['业主反映楼下有人赌博，物业会去看', '有人反映网赌，我们这里有规定，禁止赌博'])
  })

  it('keeps a report the speaker vouches for, read as a statement about messages', () => {
    flaggedInBoth('porn', ['已举报，3群有人卖成人视频，质量还挺高的，我买过', '已举报，有人卖成人视频，我买过'])
    flaggedInBoth('gambling', ['已举报，有人拉人赌博，挺刺激的，我玩过'])
    flaggedInBoth('confidential', ['已投诉，有人在卖客户名单，我也想要一份'])
  })

  it('keeps a name before 把 beside a trade’s plain call', () => {
    flaggedInBoth('gambling', [
      '夏注把台开好了，今晚开台',
      '夏注将今晚的号码发出来了，开台了',
      '夏注把盘口更新了，今晚八点开',
    ])
    flaggedInBoth('porn', [
      '袁娇把房间订好了，今晚约',
      '罗聊把镜头打开了，一对一',
      '袁娇把妹妹带过来了，今晚上门',
      '罗聊把视频录好了，一部二十',
      '袁娇把今晚的时间空出来了，老地方',
      '袁娇把价格降了，三百全包',
    ])
    cleanInBoth(['袁娇把会议约在周三下午', '袁娇把下个月的值班表整理好了'])
  })

  it('keeps a secret given the only place in a group that is not the firm’s, sold there or counted', () => {
    flaggedInBoth('confidential', [
      '成本价只在福利群发',
      '进货价只在会员群发，会员费99一年',
      '进货价只在代理群发，招代理',
      '成本价只在客户群公开',
      '客户名单只给同事看，要的说',
      '客户名单只在内部群发，3000条',
      '成本价只在内部群卖',
    ])
    cleanInBoth(['进货价只在工作群发', '成本价仅供员工参考'])
  })

  it('keeps farm waste or rubbish called of a person', () => {
    flaggedInBoth('insult', [
      '农业废物王某某，粉碎了吧',
      '小李就是农业废物，只配还田',
      '这种人就是农业废物，拿去堆肥',
      '这群农业废物，活该被处理',
      '我们组长农业废物一个',
      '农业废物老张，天天摸鱼',
      '这帮人都是农业废物，粉碎还田算了',
    ])
    flaggedInBoth('defamation', ['老板说收垃圾公司的人都是垃圾', '收垃圾公司老板是个垃圾人'])
    cleanInBoth(['畜禽粪便属于农业废物，要集中处理', '今年农业废物的处理量增加了'])
  })

  it('keeps labelled quotations whose clause goes on to the speaker’s stock', () => {
    flaggedInBoth('porn', [
      '一律踢“约炮”这种，“同城约”“上门服务”之类的私下问我',
      '收到“成人视频”这种消息别信，“高清无码”“全集”这种的在我这',
    ])
    cleanInBoth(['“约炮”“裸聊”之类的广告我一律踢'])
  })

  it('keeps 月抛 worn beside a date tonight', () => {
    flaggedInBoth('porn', ['月抛戴上，今晚约'])
  })
})

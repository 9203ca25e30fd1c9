import { describe, it } from 'vitest'
import { cleanInBoth, flaggedInBoth } from './eval-helpers.js'

/**
 * Shapes of heldout-blind47's trades (issue #22, f47): contact lenses worn (月抛), a name before a subject's 把, a
 * complaint or an inquiry someone else made, waste a farm or a rubbish firm names, a secret given the only place it may
 * go, quotations labelled as posts, and a report the speaker vouches for. Sentences of our own, by shape.
 */
describe('blind47 shapes (issue #22, f47)', () => {
  it('reads 月抛 worn as contact lenses, not a porn homophone', () => {
    cleanInBoth(['她今天戴的是月抛，有点不舒服', '我一直戴月抛，眼睛容易干'])
    flaggedInBoth('porn', ['她戴月抛，想约的私我', '月抛不戴套，同城'])
  })

  it('reads a name before a subject’s 把 or 将 as a name, unless the message pitches or calls names', () => {
    cleanInBoth(['袁娇把下个月的值班表整理好了', '杜博把合同扫描件传到共享盘了', '袁娇将报价单发给财务了'])
    flaggedInBoth('porn', ['袁娇把妹子介绍给你，加我微信', '罗聊把视频发你，私我'])
    flaggedInBoth('insult', ['沙币把群里搞乱了'])
  })

  it('clears a complaint or an inquiry someone else made, unless the speaker pitches or vouches', () => {
    cleanInBoth([
      '住客反映房间里有色情小卡片，保洁去收一下',
      '客户吐槽隔壁店的导购骂她废物，我们注意服务态度',
      '听说那家茶楼被查出有人聚众赌博，周末团建换个地方',
      '仓库说有人把进货价透露给了对手，正在排查',
      '业主反映楼下有人赌博，物业会去看',
    ])
    flaggedInBoth('porn', ['客户反映3群有人卖成人视频，质量还挺高的，我买过', '群友反映有人卖成人视频，我也想要一份'])
    flaggedInBoth('gambling', ['客人反映房间电视弹出赌博广告，想玩的私我'])
    flaggedInBoth('confidential', [
      '正在排查，有人在卖客户名单，我这也有一份',
      '公司正在调查客户名单泄露的事，名单我这里还有，私聊',
    ])
    flaggedInBoth('insult', ['客户吐槽，你就是个废物'])
  })

  it('reads a farm’s waste and a rubbish firm as waste, not an insult or a slur', () => {
    cleanInBoth([
      '玉米秸秆是农业废物，但可以粉碎还田',
      '畜禽养殖废物要集中处理',
      '酒店签的收垃圾公司明天早上来清运',
      '运垃圾公司的车下午三点到后门',
    ])
    flaggedInBoth('insult', ['你就是个农业废物', '老王是农业废物', '农业废物，说的就是你', '楼上农业废物'])
    flaggedInBoth('defamation', ['这个收垃圾公司真是垃圾公司'])
  })

  it('clears a secret given the only place inside the firm it may go, unless handed over or told', () => {
    cleanInBoth(['成本价只在管理群发，别转出去', '客户名单仅限内部查看，请勿外传', '进货价表只能存在公司系统里'])
    flaggedInBoth('confidential', [
      '内部价格表只发你一个人，别转到客户群',
      '成本价只在我这有，要的私我',
      '进货价只在群里说，每台1280',
      '客户名单只在管理群发，我私你一份',
    ])
  })

  it('reads quotations labelled as posts as named, not as the speaker’s pitch', () => {
    cleanInBoth(['收到“刷单返利”“日结三百”这种消息别信，直接删掉', '遇到“兼职刷单”“躺赚”之类的短信请勿转发'])
    flaggedInBoth('gambling', ['收到“网赌”“稳赚不赔”之类的消息别信，我这有正规平台'])
    flaggedInBoth('porn', ['群里“约炮”“包夜”这种广告一律踢，想约的私我'])
  })
})

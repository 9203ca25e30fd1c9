import { describe, expect, it } from 'vitest'
import type { GroupRef } from '../../../bot/core/event.js'
import { parseNewCampaign } from '../../../plugins/campaign/parse/campaign-args.js'
import { contentFromChat } from '../../../plugins/campaign/media/content.js'
import { parseTargetWords, resolveTargets } from '../../../plugins/campaign/groups/targets.js'

const groups: GroupRef[] = [
  { id: 'r1', topic: '销售部工作群', kind: 'internal', configName: '销售群' },
  { id: 'r2', topic: '张三交流群', kind: 'customer', configName: '客户交流群' },
  { id: 'r3', topic: '李四交流群', kind: 'customer', configName: '客户交流群' },
  { id: 'r4', topic: '公告群', kind: 'broadcast', configName: '公告群' },
]

describe('target groups', () => {
  it('selects by kind or by config name (a name may match several rooms) and lists names not found', () => {
    expect(resolveTargets({ kinds: ['internal'], groups: ['客户交流群', '已解散群'] }, groups)).toEqual({
      groups: [groups[0], groups[1], groups[2]],
      missingNames: ['已解散群'],
    })
  })

  it('reads chat words: config names first, then kind words, and reports unknown words', () => {
    expect(parseTargetWords('内部群、公告群 客户交流群 火星群', groups)).toEqual({
      targets: { kinds: ['internal'], groups: ['公告群', '客户交流群'] },
      unknown: ['火星群'],
    })
  })
})

describe('#活动 新建 arguments', () => {
  it('splits title, content and the optional parts', () => {
    expect(
      parseNewCampaign('年终大促 | https://example.com/x | 截止 周五 18:00 | 群 内部群 | 图片 /tmp/p.png'),
    ).toEqual({
      ok: true,
      value: {
        title: '年终大促',
        body: 'https://example.com/x',
        deadline: '周五 18:00',
        targets: '内部群',
        image: '/tmp/p.png',
      },
    })
  })

  it.each([
    ['年终大促', '缺少标题或内容'],
    ['年终大促 | 内容', '缺少截止时间'],
    ['年终大促 | 内容 | 明天', '看不懂「明天」'],
  ])('refuses %s', (args, why) => {
    expect(parseNewCampaign(args)).toMatchObject({ ok: false, error: expect.stringContaining(why) })
  })

  it('turns a bare link into a link card titled like the campaign', () => {
    expect(contentFromChat('https://example.com/x', '年终大促')).toEqual({
      text: '年终大促',
      link: { url: 'https://example.com/x', title: '年终大促' },
      image: undefined,
    })
    expect(contentFromChat('全场8折 https://example.com/x', '年终大促')).toEqual({
      text: '全场8折 https://example.com/x',
      image: undefined,
    })
  })
})

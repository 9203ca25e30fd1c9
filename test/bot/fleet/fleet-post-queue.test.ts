import { describe, expect, it } from 'vitest'
import { campaignPlugin } from '../../../plugins/campaign/index.js'
import type { CampaignViews } from '../../../plugins/campaign/views.js'
import { at, boss, editor, MEMBERS, news, QUEUE_CONFIG, sales } from '../../plugins/campaign/fixtures.js'
import { eventually, fleetOfTwo, url } from './two-accounts.js'

describe.skipIf(!url)('the post queue (#排期) is fleet-wide', () => {
  it('lists a post queued through A in B, approves it through B, and A publishes it approved', async () => {
    // A acts in the announcement group the queue posts to, B in the sales group.
    const [a, b] = await fleetOfTwo(QUEUE_CONFIG, [campaignPlugin], [[news.id], [sales.id]], {
      start: at('2026-09-29T10:00'),
      groups: MEMBERS,
    })
    await a.say(editor, '#排期 添加 09-30 【早报】国庆前最后一个工作日')
    await eventually(a, () => expect(a.wechat.textsTo('editor').join('\n')).toContain('✅ 已加入排期 #1'))

    // B shows the same queue, and one post a day holds fleet-wide.
    await b.say(boss, '#排期 审核')
    await eventually(b, () =>
      expect(b.wechat.textsTo('boss').at(-1)).toMatch(/^待审核 1 条：\n#1@sales1 09-30 周三 07:30 待审核/),
    )
    // The console's campaigns page (the plugin's views) lists it too, to be decided through B.
    const views = b.rt.plugins.find(p => p.name === 'campaign')?.instance.views as CampaignViews
    expect(views.posts('2026-09-29', 10).map(p => [p.id, p.statusLabel])).toEqual([['1@sales1', '待审核']])
    await b.say(editor, '#排期 添加 09-30 【早报】另一条')
    await eventually(b, () =>
      expect(b.wechat.textsTo('editor').at(-1)).toContain('2026-09-30 已有排期 #1@sales1（待审核）'),
    )

    // Approved through B: the editor hears it from B, both accounts list it approved, A publishes it once.
    await b.say(boss, '#排期 通过 1@sales1')
    await eventually(b, () =>
      expect(b.wechat.textsTo('editor').at(-1)).toMatch(/你的排期 #1@sales1（.*）已由 王经理 审核通过/),
    )
    await a.say(boss, '#排期 列表')
    await eventually(a, () => expect(a.wechat.textsTo('boss').at(-1)).toMatch(/#1 09-30 周三 07:30 已通过/))
    await a.clock.advanceTo(at('2026-09-30T08:00'))
    await eventually(a, () => expect(a.wechat.textsTo(news.id)).toEqual(['【早报】国庆前最后一个工作日']))
    expect(a.wechat.textsTo('editor').join('\n')).not.toContain('未审核')
  })
})

describe.skipIf(!url)('a queued post reaches the target groups other accounts act in', () => {
  it('publishes A’s post once in the announcement group B holds (as after a takeover), nothing from A there', async () => {
    const [a, b] = await fleetOfTwo(QUEUE_CONFIG, [campaignPlugin], [[sales.id], [news.id]], {
      start: at('2026-09-29T10:00'),
      groups: MEMBERS,
    })
    await a.say(editor, '#排期 添加 09-30 【早报】国庆前最后一个工作日')
    await a.say(boss, '#排期 通过 1')
    await eventually(a, () => expect(a.wechat.textsTo('boss').at(-1)).toContain('✅ 已通过排期 #1'))

    await a.clock.advanceTo(at('2026-09-30T07:35'))
    await b.clock.advanceTo(at('2026-09-30T07:35'))
    await eventually(b, () => expect(b.wechat.textsTo(news.id)).toEqual(['【早报】国庆前最后一个工作日']))
    expect(a.wechat.textsTo(news.id)).toEqual([])
    await b.clock.advanceTo(at('2026-09-30T08:59'))
    expect(b.wechat.textsTo(news.id)).toHaveLength(1)
  })
})

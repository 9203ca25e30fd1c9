import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../../bot/config/load-config.js'
import { campaignPlugin } from '../../../plugins/campaign/index.js'
import { makeRuntime, text } from '../../helpers/harness.js'
import { admin, at, config, start } from './fixtures.js'

describe('campaign config', () => {
  it('fills defaults: window 06:30–09:00, posting at 07:30, internal groups, three share phrases', () => {
    const cfg = parseConfig('company: 示例科技\n', 'test.yaml', [campaignPlugin]).config.plugins.campaign
    expect(cfg).toMatchObject({
      window: { start: '06:30', end: '09:00', postAt: '07:30' },
      defaultTargets: { kinds: ['internal'], groups: [] },
      participation: {
        phrases: ['已分享', '已转发', '已发朋友圈'],
        requireScreenshot: true,
        screenshotWindow: 600_000,
      },
      remindBefore: 3_600_000,
      violation: 'off',
    })
  })

  it('refuses a posting time outside the window and a malformed deadline, naming the key', () => {
    expect(() =>
      parseConfig('company: x\nplugins: { campaign: { window: { postAt: "10:00" } } }', 'bad.yaml', [campaignPlugin]),
    ).toThrow(/window.postAt must lie inside/)
    const bad = config().replace("deadline: '2026-11-30 18:00'", "deadline: '11-30 18点'")
    expect(() => parseConfig(bad, 'bad.yaml', [campaignPlugin])).toThrow(
      /campaigns\[0\]\.deadline: 应为 "YYYY-MM-DD HH:mm"/,
    )
  })

  it('does not start with a config campaign whose deadline is before its first posting time', async () => {
    await expect(
      start(at('2026-11-30T08:00'), config().replace("deadline: '2026-11-30 18:00'", "deadline: '2026-11-30 08:00'")),
    ).rejects.toThrow(/plugins\.campaign: 插件无法启动 cannot start: .*double12.*not after its first posting time/)
  })

  it('warns at start and in #状态 while the config holds a campaign whose deadline passed before it was posted', async () => {
    const WARNING =
      '⚠️ 配置中的活动 #double12「双十二净水器特惠」已于 2026-11-30 18:00 截止，没有发布，也不会再发布：请从配置 plugins.campaign.campaigns 中删除它，或改它的 start 和 deadline 后 #重载配置。'
    const logged = async (startAt: number) => {
      const lines: string[] = []
      const { rt } = await makeRuntime(config(), [campaignPlugin], { start: startAt, log: l => lines.push(l) })
      await rt.stop()
      return lines.join('\n')
    }
    expect(await logged(at('2026-12-06T10:00'))).toContain(WARNING)
    expect(await logged(at('2026-11-30T08:00'))).not.toContain('配置中的活动')

    const status = async (startAt: number) => {
      const { rt, clock, wechat } = await start(startAt)
      await rt.handle(text(admin, '#状态', clock.now()))
      await clock.advance(5000)
      return wechat.textsTo('admin').join('\n')
    }
    expect(await status(at('2026-12-06T10:00'))).toContain(
      '分享活动与每日排期（campaign）：活动进行中 0 个、待发布 0 个；截图时限 10分钟；排期待审核 0 条、待发布 0 条；⚠️ 配置中的活动已截止未发布 1 个（#double12 截止 2026-11-30 18:00），请从配置中删除或改日期',
    )
    const before = await status(at('2026-11-30T08:00'))
    expect(before).toContain('活动进行中 0 个、待发布 1 个')
    expect(before).not.toContain('配置中的活动')
  })
})

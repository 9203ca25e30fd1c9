import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../../bot/config/load-config.js'
import { campaignPlugin } from '../../../plugins/campaign/index.js'
import { at, config, start } from './fixtures.js'

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
})

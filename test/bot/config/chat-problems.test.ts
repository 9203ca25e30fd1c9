import { describe, expect, it } from 'vitest'
import { problemsForChat } from '../../../bot/config/chat-problems.js'

describe('problemsForChat', () => {
  it('keeps a timezone mistake in Chinese (a timezone is no folder) and still hides a server path', () => {
    const lines = problemsForChat([
      '/srv/bot/bot.config.yaml:12: timezone: 应为 IANA 时区，如 Asia/Shanghai，填的是 "Asia/Shangai"（expected an IANA timezone）',
      '/srv/bot/bot.config.yaml:20: plugins.campaign: 找不到图片 /srv/bot/posters/a.png（image file not found）',
    ])
    expect(lines[0]).toBe(
      '· bot.config.yaml 第 12 行：timezone：应为 IANA 时区，如 Asia/Shanghai，填的是 "Asia/Shangai"',
    )
    expect(lines[1]).toBe('· bot.config.yaml 第 20 行：plugins.campaign')
    expect(lines.join('\n')).not.toContain('/srv')
  })
})

import { log as wechatyLog } from 'wechaty'
import { describe, expect, it, vi } from 'vitest'
import { signInText } from '../../../bot/console/index.js'
import { createLogger } from '../../../bot/process/logger.js'
import { routeWechatyLogs } from '../../../bot/wechaty/wechaty-logs.js'

describe("Wechaty's own log", () => {
  it('goes through our logger: our format, and the puppet token redacted even at WECHATY_LOG=verbose', () => {
    const token = 'puppet_service_token_42'
    const lines: string[] = []
    const printed = vi.spyOn(console, 'log').mockImplementation(() => {})
    routeWechatyLogs(createLogger('debug', 'bot', l => lines.push(l), { secrets: [token] }))
    const level = wechatyLog.level()
    wechatyLog.level('verbose')
    try {
      wechatyLog.verbose('GrpcManager', 'constructor() token: "%s"', token)
      wechatyLog.warn('WechatyToken', 'discover() endpoint<https://api.chatie.io/v0/hosties/%s> failed', token)
    } finally {
      wechatyLog.level(level)
      printed.mockRestore()
    }
    expect(printed).not.toHaveBeenCalled()
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/ DEBUG \[bot:wechaty\] GrpcManager constructor\(\) token: "\[redacted\]"$/)
    expect(lines[1]).toMatch(/ WARN \[bot:wechaty\] WechatyToken discover\(\) endpoint<.*\/\[redacted\]> failed$/)
    expect(lines.join('\n')).not.toContain(token)
  })
  it('never shows a console sign-in link, which verbose Wechaty prints with the message it sends to the admin', () => {
    const lines: string[] = []
    routeWechatyLogs(createLogger('debug', 'bot', l => lines.push(l), { secrets: [] }))
    const level = wechatyLog.level()
    wechatyLog.level('verbose')
    try {
      wechatyLog.verbose('Contact', 'say(%s)', signInText('https://guard.example.com', 'AWR24Y4C3GWNB42Z'))
    } finally {
      wechatyLog.level(level)
    }
    expect(lines.join('\n')).toContain('/login?code=[redacted]')
    expect(lines.join('\n')).not.toContain('AWR24Y4C3GWNB42Z')
  })
})

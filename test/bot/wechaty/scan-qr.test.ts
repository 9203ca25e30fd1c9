import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ScanStatus, type Wechaty } from 'wechaty'
import type { Logger } from '../../../bot/process/logger.js'
import type { BotRuntime } from '../../../bot/runtime/host/runtime.js'
import { wireWechaty } from '../../../bot/wechaty/wire.js'
import type { WechatyPorts } from '../../../bot/wechaty/wechaty-ports.js'

/** What the log and the terminal received, in order. */
function outputs() {
  const lines: string[] = []
  const log = {
    debug: () => {},
    info: (m: string) => lines.push(`log: ${m}`),
    warn: (m: string) => lines.push(`warn: ${m}`),
    error: (m: string) => lines.push(`error: ${m}`),
  } as unknown as Logger
  vi.spyOn(process.stderr, 'write').mockImplementation(chunk => {
    lines.push(`terminal: ${String(chunk).length} chars`)
    return true
  })
  return { lines, log }
}

let stop: (() => void) | undefined
afterEach(() => {
  stop?.()
  vi.restoreAllMocks()
})

describe('the login QR code (qrcode-terminal loads when the first code is shown)', () => {
  it('prints the code on the terminal between the two log lines', async () => {
    const bot = new EventEmitter()
    const { lines, log } = outputs()
    stop = wireWechaty(
      bot as unknown as Wechaty,
      { refresh: async () => {} } as unknown as WechatyPorts,
      {} as BotRuntime,
      log,
    ).stop
    bot.emit('scan', 'https://login.weixin.qq.com/l/abc', ScanStatus.Waiting)
    await expect.poll(() => lines.at(-1)).toMatch(/^log: or open https:\/\/wechaty\.js\.org\/qrcode\//)
    expect(lines[0]).toBe('log: 扫码登录 Scan to log in:')
    expect(lines[1]).toMatch(/^terminal: \d{3,} chars$/)
    expect(lines).toHaveLength(3)
  })

  it('prints no code when asked not to, and none for a scan that is not waiting', async () => {
    const bot = new EventEmitter()
    const { lines, log } = outputs()
    const ports = { refresh: async () => {} } as unknown as WechatyPorts
    stop = wireWechaty(bot as unknown as Wechaty, ports, {} as BotRuntime, log, { printQr: false }).stop
    bot.emit('scan', 'https://login.weixin.qq.com/l/abc', ScanStatus.Scanned)
    bot.emit('scan', 'https://login.weixin.qq.com/l/abc', ScanStatus.Waiting)
    await expect.poll(() => lines.length).toBe(2)
    expect(lines[0]).toBe('log: 扫码登录 Scan to log in:')
    expect(lines[1]).toMatch(/^log: or open /)
  })
})

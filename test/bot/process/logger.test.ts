import { describe, expect, it } from 'vitest'
import { createLogger, isoWithOffset, logFormatFromEnv, logLevelFromEnv } from '../../../bot/process/logger.js'

function capture(level: Parameters<typeof createLogger>[0], opts: Parameters<typeof createLogger>[3] = {}) {
  const lines: string[] = []
  return { lines, log: createLogger(level, 'bot', l => lines.push(l), opts) }
}

describe('logger', () => {
  it('keeps the stack of an error a plugin logs', () => {
    const { lines, log } = capture('info')
    log.child('ack').error('plugin failed', new Error('boom'))
    expect(lines[0]).toMatch(/ ERROR \[bot:ack\] plugin failed Error: boom\n\s+at /)
  })

  it('logs a circular object instead of throwing', () => {
    const { lines, log } = capture('info')
    const a: Record<string, unknown> = { name: 'a' }
    a.self = a
    expect(() => log.warn('odd', a)).not.toThrow()
    expect(lines[0]).toMatch(/odd \{"name":"a","self":"\[Circular\]"\}/)
  })

  it('filters by level and writes timestamps with the UTC offset', () => {
    const { lines, log } = capture('warn')
    log.info('hidden')
    log.debug('hidden')
    log.warn('shown')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d WARN \[bot\] shown$/)
  })

  it('writes one JSON object per line in JSON mode, error stack included', () => {
    const { lines, log } = capture('debug', { format: 'json' })
    log.child('x').debug('hello', { n: 1 })
    log.error('bad', new Error('why'))
    const [a, b] = lines.map(l => JSON.parse(l))
    expect(a).toMatchObject({ level: 'debug', tag: 'bot:x', msg: 'hello', extra: { n: 1 } })
    expect(a.time).toMatch(/[+-]\d\d:\d\d$/)
    expect(b).toMatchObject({ level: 'error', msg: 'bad', err: { message: 'why', type: 'Error' } })
    expect(b.err.stack).toMatch(/at /)
  })

  it('never prints a secret: not in the message, an error, its stack or an object, in either format', () => {
    const token = 'insecure_0f1e2d3c-secret'
    for (const format of ['text', 'json'] as const) {
      const { lines, log } = capture('debug', { format, secrets: [token] })
      log.info(`token is ${token}`)
      log.error('failed', new Error(`bad token ${token}`))
      log.debug('opts', { token, nested: [token] })
      expect(lines.join('\n')).not.toContain(token)
      expect(lines.join('\n')).toContain('[redacted]')
    }
  })

  it('reads LOG_LEVEL and LOG_FORMAT in any case, with defaults when unset, and rejects unknown values', () => {
    expect(logLevelFromEnv('debug')).toBe('debug')
    expect(logLevelFromEnv(undefined)).toBe('info')
    expect(() => logLevelFromEnv('loud')).toThrow(
      'LOG_LEVEL="loud": 应为 debug、info、warn、error、silent 之一（expected one of debug, info, warn, error, silent）',
    )
    expect(logFormatFromEnv('JSON')).toBe('json')
    expect(logFormatFromEnv(undefined)).toBe('text')
    expect(() => logFormatFromEnv('pretty')).toThrow(
      'LOG_FORMAT="pretty": 应为 text、json 之一（expected one of text, json）',
    )
    expect(() => logLevelFromEnv('verbose')).toThrow(
      'LOG_LEVEL="verbose": 应为 debug、info、warn、error、silent 之一；verbose 是 WECHATY_LOG 的级别（',
    )
  })

  it('formats a date in local time with its offset', () => {
    const d = new Date('2026-01-02T03:04:05.678Z')
    const s = isoWithOffset(d)
    expect(new Date(s).getTime()).toBe(d.getTime())
  })
})

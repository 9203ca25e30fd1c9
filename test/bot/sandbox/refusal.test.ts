import { describe, expect, it } from 'vitest'
import { createLogger } from '../../../bot/process/logger.js'
import { REMOVAL_REFUSED, sandboxLogLine } from '../../../bot/sandbox/refusal.js'

/** What a sandbox user reads on stderr when the runtime logs these at `level`. */
function logged(level: 'info' | 'debug', whole = false): string[] {
  const lines: string[] = []
  const log = createLogger(
    level,
    'bot',
    sandboxLogLine(level, line => lines.push(line), { whole }),
  ).child('executor')
  const refused = new Error(
    `${REMOVAL_REFUSED}：机器人不是该群的群主或管理员 (sandbox: wxid_bot is neither owner nor admin of r1)`,
  )
  log.error('content: remove wxid_c3 from r1 failed (A105)', refused)
  log.warn('send failed (attempt 1), retrying', new Error('timeout'))
  return lines
}

describe('the sandbox log (start without a puppet, replay, demo)', () => {
  it('leaves out the error line of a removal the sandbox refused, keeps every other line', () => {
    for (const whole of [false, true]) {
      const lines = logged('info', whole)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/ WARN \[bot:executor\] send failed \(attempt 1\), retrying Error: timeout/)
      expect(lines[0].includes('\n')).toBe(whole) // the stack only when asked for whole lines
    }
  })

  it('keeps everything at debug', () => {
    expect(logged('debug').map(l => l.split('\n')[0])).toEqual([
      expect.stringContaining(
        `ERROR [bot:executor] content: remove wxid_c3 from r1 failed (A105) Error: ${REMOVAL_REFUSED}`,
      ),
      expect.stringContaining('WARN [bot:executor] send failed'),
    ])
  })
})

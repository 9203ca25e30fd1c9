import { describe, expect, it } from 'vitest'
import { ConnectionSupervisor } from '../../../bot/process/connection-supervisor.js'

const BOUNDS = { startupMs: 60_000, reloginMs: 30_000, stallMs: 20_000 }
const types = (actions: { type: string }[]) => actions.map(a => a.type)

describe('connection supervisor', () => {
  it('never logged in within the start-up timeout: exit 75 saying so, not "connection lost"', () => {
    const s = new ConnectionSupervisor(BOUNDS, 0)
    expect(s.tick(59_999)).toEqual([])
    const [exit] = s.tick(60_000)
    expect(exit).toEqual({
      type: 'exit',
      code: 75,
      reason: expect.stringMatching(/^启动后 60s 内未登录 not logged in within 60s after start/),
    })
    expect(exit.type === 'exit' && exit.reason).not.toMatch(/connection lost/)
    expect(s.tick(90_000)).toEqual([])
  })

  it('an endpoint that fails before the first login: exit 75 "never logged in"', () => {
    const s = new ConnectionSupervisor(BOUNDS, 0)
    const [exit] = s.lost('14 UNAVAILABLE: No connection established')
    expect(exit).toMatchObject({
      type: 'exit',
      code: 75,
      reason: expect.stringMatching(
        /^无法连接 puppet 服务，从未登录 could not connect .*never logged in.*14 UNAVAILABLE/,
      ),
    })
  })

  it('a stream lost after login: exit 75 "connection lost"', () => {
    const s = new ConnectionSupervisor(BOUNDS, 0)
    s.login(1000)
    expect(s.lost('14 UNAVAILABLE')).toEqual([
      { type: 'exit', code: 75, reason: expect.stringMatching(/^connection lost/) },
    ])
  })

  it('a logout pauses sending; a re-login within the bound resumes it', () => {
    const s = new ConnectionSupervisor(BOUNDS, 0)
    expect(s.login(1000)).toEqual([])
    expect(types(s.logout(2000, 'logged out'))).toEqual(['pause'])
    expect(s.tick(31_999)).toEqual([])
    expect(s.login(31_000)).toEqual([{ type: 'resume' }])
    expect(s.state).toBe('online')
    expect(s.tick(40_000)).toEqual([])
  })

  it('a logout (or watchdog reset) without a re-login: exit 75 once the bound passes', () => {
    const s = new ConnectionSupervisor(BOUNDS, 0)
    s.login(0)
    s.logout(10_000, 'watchdog reset')
    expect(s.tick(39_999)).toEqual([])
    expect(s.tick(40_000)).toEqual([
      { type: 'exit', code: 75, reason: expect.stringMatching(/not logged in again within 30s after: watchdog reset/) },
    ])
  })

  it('silence longer than the stall bound pauses and reconnects; no login after that exits 75', () => {
    const s = new ConnectionSupervisor(BOUNDS, 0)
    s.login(0)
    s.activity(15_000)
    expect(s.tick(34_999)).toEqual([])
    expect(types(s.tick(35_000))).toEqual(['pause', 'reconnect'])
    expect(s.tick(64_999)).toEqual([])
    expect(s.tick(65_000)).toEqual([
      {
        type: 'exit',
        code: 75,
        reason: expect.stringMatching(/after: no event or heartbeat .* for 20s \(stream stalled\)/),
      },
    ])
  })

  it('a stalled stream that logs in again after the reconnect resumes sending', () => {
    const s = new ConnectionSupervisor(BOUNDS, 0)
    s.login(0)
    s.tick(20_000)
    expect(s.login(25_000)).toEqual([{ type: 'resume' }])
    expect(s.tick(44_999)).toEqual([])
  })

  it('a rejected token exits 1 (configuration), discovery failure exits 75, each once', () => {
    const a = new ConnectionSupervisor(BOUNDS, 0)
    expect(a.refused('16 UNAUTHENTICATED')).toEqual([
      {
        type: 'exit',
        code: 1,
        reason: expect.stringMatching(
          /^puppet 服务拒绝了 token，请检查 WECHATY_PUPPET_SERVICE_TOKEN .*refused the token/,
        ),
      },
    ])
    expect(a.lost('x')).toEqual([])
    const b = new ConnectionSupervisor(BOUNDS, 0)
    expect(b.undiscoverable('no endpoint for the token')).toEqual([
      { type: 'exit', code: 75, reason: expect.stringMatching(/discovery failed/) },
    ])
    expect(b.undiscoverable('again')).toEqual([])
  })
})

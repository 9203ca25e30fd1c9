import { describe, expect, it } from 'vitest'
import { ConsoleAuth } from '../../../bot/console/auth.js'

describe('console sign-in attempts', () => {
  it('locks a client out after ten wrong codes, lets it in again once the ten minutes pass, others unaffected', () => {
    let now = 0
    const auth = new ConsoleAuth({ now: () => now })
    for (let i = 0; i < 10; i++) expect(auth.redeem('WRONGCODE0000000', '10.0.0.1')).toBe('invalid')
    expect(auth.redeem(auth.issueCode({ id: 'a', name: '管理员' }), '10.0.0.1')).toBe('locked')
    expect(auth.redeem(auth.issueCode({ id: 'a', name: '管理员' }), '10.0.0.2')).toHaveProperty('actor.id', 'a')
    now += 10 * 60_000 + 1
    expect(auth.redeem(auth.issueCode({ id: 'a', name: '管理员' }), '10.0.0.1')).toHaveProperty('actor.id', 'a')
  })

  it('still counts a client’s failures while hundreds of other addresses fail once each', () => {
    let now = 0
    const auth = new ConsoleAuth({ now: () => now })
    for (let i = 0; i < 9; i++) auth.redeem('WRONGCODE0000000', 'attacker')
    for (let i = 0; i < 400; i++) {
      now += 10
      auth.redeem('WRONGCODE0000000', `192.0.2.${i}`)
    }
    auth.redeem('WRONGCODE0000000', 'attacker')
    expect(auth.redeem(auth.issueCode({ id: 'a', name: '管理员' }), 'attacker')).toBe('locked')
  })

  it('signs an admin in after a hundred thousand addresses failed within minutes', () => {
    let now = 0
    const auth = new ConsoleAuth({ now: () => now })
    for (let i = 0; i < 100_000; i++) {
      now += 1
      auth.redeem('WRONGCODE0000000', `2001:db8::${i.toString(16)}`)
    }
    expect(auth.redeem(auth.issueCode({ id: 'a', name: '管理员' }), '10.0.0.9')).toHaveProperty('actor.id', 'a')
  })
})

import { describe, expect, it } from 'vitest'
import { CODE_ALPHABET, CODE_LENGTH, ConsoleAuth } from '../../../bot/console/auth.js'

const ADMIN = { id: 'a', name: '管理员' }

describe('console sign-in attempts', () => {
  it('throttles a client after ten wrong codes, never its valid code; lifted once the ten minutes pass', () => {
    let now = 0
    const warned: string[] = []
    const auth = new ConsoleAuth({ now: () => now, onThrottle: w => warned.push(w) })
    for (let i = 0; i < 10; i++) expect(auth.redeem('WRONGCODE0000000', '10.0.0.1')).toBe('invalid')
    expect(warned).toEqual([])
    expect(auth.redeem('WRONGCODE0000000', '10.0.0.1')).toBe('locked')
    expect(auth.redeem('WRONGCODE0000000', '10.0.0.1')).toBe('locked')
    // Logged once, when the address starts being throttled.
    expect(warned).toEqual([expect.stringMatching(/^10\.0\.0\.1: more than 10 failed sign-ins/)])
    expect(auth.redeem(auth.issueCode(ADMIN), '10.0.0.1')).toHaveProperty('actor.id', 'a')
    expect(auth.redeem('WRONGCODE0000000', '10.0.0.2')).toBe('invalid')
    now += 10 * 60_000 + 1
    expect(auth.redeem('WRONGCODE0000000', '10.0.0.1')).toBe('invalid')
  })

  it('behind a proxy (every client one address), a flood of wrong codes never keeps a manager out', () => {
    let now = 0
    const auth = new ConsoleAuth({ now: () => now, token: `${'T'.repeat(12)}abcdefghijkl` })
    for (let i = 0; i < 5000; i++) {
      now += 10
      auth.redeem(`WRONG${i}`, '127.0.0.1')
      auth.tokenLogin(`wrong-token-${i}`, '127.0.0.1')
    }
    expect(auth.redeem('WRONGCODE0000000', '127.0.0.1')).toBe('locked')
    expect(auth.redeem(auth.issueCode(ADMIN), '127.0.0.1')).toHaveProperty('actor.id', 'a')
    expect(auth.tokenLogin(`${'T'.repeat(12)}abcdefghijkl`, '127.0.0.1')).toHaveProperty('actor.id', 'token')
  })

  it('throttles failures from all addresses together past 200 in ten minutes, logged once per window', () => {
    let now = 0
    const warned: string[] = []
    const auth = new ConsoleAuth({ now: () => now, onThrottle: w => warned.push(w) })
    for (let i = 0; i < 200; i++) expect(auth.redeem('WRONGCODE0000000', `192.0.2.${i}`)).toBe('invalid')
    expect(auth.redeem('WRONGCODE0000000', '198.51.100.1')).toBe('locked')
    expect(auth.redeem('WRONGCODE0000000', '198.51.100.2')).toBe('locked')
    expect(warned).toEqual([expect.stringMatching(/^all addresses: more than 200 failed sign-ins/)])
    expect(auth.redeem(auth.issueCode(ADMIN), '198.51.100.3')).toHaveProperty('actor.id', 'a')
    now += 11 * 60_000
    expect(auth.redeem('WRONGCODE0000000', '198.51.100.1')).toBe('invalid')
  })

  it('still counts a client’s failures while hundreds of other addresses fail once each', () => {
    let now = 0
    const auth = new ConsoleAuth({ now: () => now, maxGlobalFailures: 10_000 })
    for (let i = 0; i < 10; i++) auth.redeem('WRONGCODE0000000', 'attacker')
    for (let i = 0; i < 400; i++) {
      now += 10
      auth.redeem('WRONGCODE0000000', `192.0.2.${i}`)
    }
    expect(auth.redeem('WRONGCODE0000000', 'attacker')).toBe('locked')
  })

  it('signs an admin in after a hundred thousand addresses failed within minutes', () => {
    let now = 0
    const auth = new ConsoleAuth({ now: () => now })
    for (let i = 0; i < 100_000; i++) {
      now += 1
      auth.redeem('WRONGCODE0000000', `2001:db8::${i.toString(16)}`)
    }
    expect(auth.redeem(auth.issueCode(ADMIN), '10.0.0.9')).toHaveProperty('actor.id', 'a')
  })

  it('issues unguessable codes: at least 64 bits, from the whole alphabet, never repeated', () => {
    expect(CODE_LENGTH * Math.log2(new Set(CODE_ALPHABET).size)).toBeGreaterThan(64)
    const auth = new ConsoleAuth({ now: () => 0 })
    const codes = Array.from({ length: 2000 }, (_, i) => auth.issueCode({ id: `u${i}`, name: 'x' }))
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes.every(c => c.length === CODE_LENGTH && [...c].every(ch => CODE_ALPHABET.includes(ch)))).toBe(true)
    expect(new Set(codes.join('')).size).toBe(CODE_ALPHABET.length) // every letter used: drawn from all of it
  })
})

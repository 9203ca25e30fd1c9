import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireDataLock, DataLockError, securePuppetCache } from '../../../bot/process/data-lock.js'

const mode = (p: string) => statSync(p).mode & 0o777

describe('single-instance lock on the data folder', () => {
  it('creates the data folder 0700 and a lock file 0600 holding the pid', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lock-')), 'state')
    const release = acquireDataLock(dir, 4242, () => false)
    expect(mode(dir)).toBe(0o700)
    expect(mode(join(dir, '.lock'))).toBe(0o600)
    expect(readFileSync(join(dir, '.lock'), 'utf8').trim()).toBe('4242')
    release()
    expect(() => statSync(join(dir, '.lock'))).toThrow()
  })

  it('refuses a second process while the first is alive, with a one-line reason naming the pid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'))
    acquireDataLock(dir, 1111, () => true)
    expect(() => acquireDataLock(dir, 2222, pid => pid === 1111)).toThrow(DataLockError)
    expect(() => acquireDataLock(dir, 2222, pid => pid === 1111)).toThrow(
      /^data folder .* is in use by another bot process \(pid 1111\); stop it first or set another BOT_DATA_DIR（数据目录正被另一个机器人进程 1111 使用：先停止它，或设置另一个 BOT_DATA_DIR）$/,
    )
  })

  it('takes over a stale lock left by a dead process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'))
    writeFileSync(join(dir, '.lock'), '999999\n')
    acquireDataLock(dir, 3333, () => false)
    expect(readFileSync(join(dir, '.lock'), 'utf8').trim()).toBe('3333')
  })

  it('tightens an existing data folder to 0700', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'))
    const state = join(dir, 'state')
    mkdirSync(state, { mode: 0o755 })
    acquireDataLock(state, 5555, () => false)
    expect(mode(state)).toBe(0o700)
  })

  it("makes wechaty-puppet-service's cache folders (named after the token) 0700", () => {
    const home = mkdtempSync(join(tmpdir(), 'home-'))
    const tokenDir = join(home, '.wechaty', 'wechaty-puppet-service', 'insecure_token')
    mkdirSync(tokenDir, { recursive: true, mode: 0o755 })
    securePuppetCache(home)
    expect(mode(join(home, '.wechaty'))).toBe(0o700)
    expect(mode(join(home, '.wechaty', 'wechaty-puppet-service'))).toBe(0o700)
    expect(mode(tokenDir)).toBe(0o700)
  })
})

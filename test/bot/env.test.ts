import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EXAMPLE_CONFIG, loadDotEnv, readEnv } from '../../bot/env.js'

const saved = { ...process.env }
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
  Object.assign(process.env, saved)
})

describe('environment', () => {
  it('loads .env when present without overriding variables already set', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'env-')), '.env')
    writeFileSync(file, 'GG_TEST_A=from-file\nGG_TEST_B=from-file\n')
    process.env.GG_TEST_A = 'already-set'
    loadDotEnv(file)
    expect(process.env.GG_TEST_A).toBe('already-set')
    expect(process.env.GG_TEST_B).toBe('from-file')
    expect(() => loadDotEnv(join(tmpdir(), 'no-such-dir', '.env'))).not.toThrow()
  })

  it('the sandbox uses BOT_CONFIG when set, else the shipped example, never ./bot.config.yaml', () => {
    expect(readEnv({}).configFile).toBe(EXAMPLE_CONFIG)
    expect(readEnv({}).usingExampleConfig).toBe(true)
    expect(readEnv({ BOT_CONFIG: 'my.yaml' }).configFile).toBe(resolve('my.yaml'))
    expect(readEnv({ WECHATY_PUPPET: 'wechaty-puppet-service' }).configFile).toBe(resolve('bot.config.yaml'))
  })

  it('reads the connection bounds as durations or seconds, and rejects nonsense', () => {
    const env = readEnv({ BOT_STARTUP_TIMEOUT: '10m', BOT_RELOGIN_TIMEOUT: '45', BOT_STALL_TIMEOUT: '90s' })
    expect(env.bounds).toEqual({ startupMs: 600_000, reloginMs: 45_000, stallMs: 90_000 })
    expect(readEnv({}).bounds).toEqual({ startupMs: 300_000, reloginMs: 120_000, stallMs: 120_000 })
    expect(() => readEnv({ BOT_STALL_TIMEOUT: 'soon' })).toThrow(/BOT_STALL_TIMEOUT="soon": expected a duration/)
  })

  it('collects secret values (tokens, passwords) for redaction, and the log format', () => {
    const env = readEnv({
      WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_abc123',
      SMTP_PASSWORD: 'hunter22',
      LOG_FORMAT: 'json',
    })
    expect(env.secrets.sort()).toEqual(['hunter22', 'puppet_abc123'])
    expect(env.logFormat).toBe('json')
  })
})

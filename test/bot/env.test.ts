import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EXAMPLE_CONFIG, loadDotEnv, puppetSettingsProblem, readEnv } from '../../bot/env.js'

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

  it('reads the connection bounds as durations (compounds too), and rejects nonsense', () => {
    const env = readEnv({ BOT_STARTUP_TIMEOUT: '10m', BOT_RELOGIN_TIMEOUT: '1m30s', BOT_STALL_TIMEOUT: '90s' })
    expect(env.bounds).toEqual({ startupMs: 600_000, reloginMs: 90_000, stallMs: 90_000 })
    expect(readEnv({}).bounds).toEqual({ startupMs: 300_000, reloginMs: 120_000, stallMs: 120_000 })
    expect(() => readEnv({ BOT_STALL_TIMEOUT: 'soon' })).toThrow(
      /BOT_STALL_TIMEOUT="soon"：应为时长.*expected a duration/,
    )
  })

  it('refuses a bare number as the config does (seconds or minutes?), with the fix', () => {
    expect(() => readEnv({ BOT_STARTUP_TIMEOUT: '5' })).toThrow(
      'BOT_STARTUP_TIMEOUT="5"：请写单位，例如 5s（秒）或 5m（分钟）(a bare number has no unit: write e.g. "5s" or "5m")',
    )
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

  it("takes a URL's password as a secret whatever the variable's name (BOT_DATABASE_URL), as written and decoded", () => {
    const env = readEnv({ BOT_DATABASE_URL: 'postgres://bot:p%40ss99@db.internal:5432/guard', PGHOST: 'db.internal' })
    expect(env.secrets.sort()).toEqual(['p%40ss99', 'p@ss99'])
    expect(readEnv({ BOT_DATABASE_URL: 'postgres://bot@db.internal/guard' }).secrets).toEqual([])
    // An unescaped @ in the password: the user part runs to the last @, as pg reads it.
    expect(readEnv({ BOT_DATABASE_URL: 'postgres://bot:Abc@123456@db.internal/guard' }).secrets).toEqual(['Abc@123456'])
  })

  it('rejects an unknown LOG_LEVEL or LOG_FORMAT instead of falling back silently; any case is fine', () => {
    expect(() => readEnv({ LOG_LEVEL: 'loud' })).toThrow(
      'LOG_LEVEL="loud": 应为 debug、info、warn、error、silent 之一（expected one of debug, info, warn, error, silent）',
    )
    expect(() => readEnv({ LOG_FORMAT: 'xml' })).toThrow(
      'LOG_FORMAT="xml": 应为 text、json 之一（expected one of text, json）',
    )
    expect(readEnv({ LOG_LEVEL: 'DEBUG', LOG_FORMAT: ' Text ' })).toMatchObject({
      logLevel: 'debug',
      logFormat: 'text',
    })
    expect(readEnv({ LOG_LEVEL: ' ', LOG_FORMAT: '' })).toMatchObject({ logLevel: 'info', logFormat: 'text' })
  })
})

describe('where BOT_CONFIG was set (trial2)', () => {
  it('names the environment for a BOT_CONFIG given there, and nothing without BOT_CONFIG', () => {
    expect(readEnv({ BOT_CONFIG: 'x.yaml' }).configOrigin).toBe(
      '路径来自环境变量 BOT_CONFIG=x.yaml (the path comes from the BOT_CONFIG environment variable)',
    )
    expect(readEnv({}).configOrigin).toBeUndefined()
  })

  it('names the .env file that set it, and the environment when the shell set another value', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'env-')), '.env')
    writeFileSync(file, 'BOT_CONFIG=from-dotenv.yaml\n')
    const dotEnv = loadDotEnv(file)
    expect(readEnv({ BOT_CONFIG: 'from-dotenv.yaml' }, dotEnv).configOrigin).toBe(
      `路径来自 ${file} 里的 BOT_CONFIG=from-dotenv.yaml (the path comes from BOT_CONFIG in ${file})`,
    )
    expect(readEnv({ BOT_CONFIG: 'from-shell.yaml' }, dotEnv).configOrigin).toMatch(
      /^路径来自环境变量 BOT_CONFIG=from-shell.yaml/,
    )
  })
})

describe('puppet settings that can only fail', () => {
  const service = readEnv({ WECHATY_PUPPET: 'wechaty-puppet-service' })
  const problem = (vars: NodeJS.ProcessEnv) => puppetSettingsProblem(service, vars)

  it('none for the sandbox or an installed puppet', () => {
    expect(puppetSettingsProblem(readEnv({}), {})).toBeUndefined()
    expect(puppetSettingsProblem(readEnv({ WECHATY_PUPPET: 'wechaty-puppet-mock' }), {})).toBeUndefined()
  })

  it('a puppet package that is not installed (or misspelled)', () => {
    expect(puppetSettingsProblem(readEnv({ WECHATY_PUPPET: 'wechaty-puppet-foo' }), {})).toMatch(
      /^WECHATY_PUPPET=wechaty-puppet-foo：找不到这个包.*\(package "wechaty-puppet-foo" not found: install it with npm install wechaty-puppet-foo, or fix the name in WECHATY_PUPPET: refusing to start\)$/,
    )
  })

  it('wechaty-puppet-service: no token, or a token without the SNI prefix wechaty-token reads before its last "_"', () => {
    expect(problem({})).toBe(
      'WECHATY_PUPPET=wechaty-puppet-service 需要 WECHATY_PUPPET_SERVICE_TOKEN：请在环境变量或 .env 中设置；想先用沙盒试用，就让 WECHATY_PUPPET 留空（或注释掉），机器人拒绝启动 (wechaty-puppet-service needs WECHATY_PUPPET_SERVICE_TOKEN in the environment or .env; leave WECHATY_PUPPET empty to use the sandbox: refusing to start)',
    )
    expect(problem({ WECHATY_PUPPET_SERVICE_TOKEN: '  ' })).toMatch(/needs WECHATY_PUPPET_SERVICE_TOKEN/)
    for (const token of ['0f5c1d2e-8b3a-4c7d-9e6f-112233445566', '_0f5c1d2e'])
      expect(problem({ WECHATY_PUPPET_SERVICE_TOKEN: token })).toMatch(/has no SNI prefix/)
    for (const token of ['puppet_paimon_0f5c1d2e-8b3a', 'insecure_0f5c1d2e', 'uuid_0f5c1d2e'])
      expect(
        problem({ WECHATY_PUPPET_SERVICE_TOKEN: token, WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'true' }),
      ).toBeUndefined()
    // The server name may also come from its own variable, as wechaty-puppet-service allows.
    expect(
      problem({ WECHATY_PUPPET_SERVICE_TOKEN: '0f5c1d2e', WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME: 'puppet_paimon' }),
    ).toBeUndefined()
  })
})

describe('.env.example', () => {
  it('copied as it is, starts the sandbox: its WECHATY_PUPPET line is a comment', () => {
    const lines = readFileSync('.env.example', 'utf8').split('\n')
    expect(lines.filter(line => /^\s*WECHATY_PUPPET=/.test(line))).toEqual([])
    expect(lines).toContain('# WECHATY_PUPPET=wechaty-puppet-service')
  })
})

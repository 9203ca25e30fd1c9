import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href
const CLI = resolve('bot/cli.ts')

/**
 * `start` as a user runs it, in a fresh Node, with the default 5-minute start-up bound: a start that waited for
 * it would be killed at 60 s (rc null), so a quick rc 1 shows it refused at once.
 */
function start(vars: Record<string, string>, stdin: 'pipe' | 'ignore' = 'pipe', seed?: (dataDir: string) => void) {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', LOG_FORMAT: 'text' }
  for (const name of Object.keys(env)) if (/^(WECHATY_|BOT_)/.test(name)) delete env[name]
  const dir = mkdtempSync(join(tmpdir(), 'start-refusal-'))
  Object.assign(env, { HOME: dir, BOT_DATA_DIR: join(dir, 'state'), BOT_CONFIG: 'data/bot.config.example.yaml' }, vars)
  seed?.(env.BOT_DATA_DIR as string)
  const t0 = Date.now()
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, 'start'], {
    encoding: 'utf8',
    env,
    timeout: 60_000,
    stdio: [stdin, 'pipe', 'pipe'],
  })
  return { rc: r.status, ms: Date.now() - t0, out: `${r.stdout}${r.stderr}` }
}

describe('start refuses a setup that can only fail: exit 1 at once with one line, not exit 75 after 5 minutes', {
  timeout: 120_000,
}, () => {
  it('a misspelled or uninstalled WECHATY_PUPPET: names the package and what to do', () => {
    const { rc, ms, out } = start({ WECHATY_PUPPET: 'wechaty-puppet-foo' })
    expect(rc).toBe(1)
    expect(ms).toBeLessThan(45_000)
    expect(out).toMatch(/ERROR \[bot\] ❌ WECHATY_PUPPET=wechaty-puppet-foo：找不到这个包/)
    expect(out).toContain(
      'package "wechaty-puppet-foo" not found: install it with npm install wechaty-puppet-foo, or fix the name in WECHATY_PUPPET: refusing to start',
    )
    expect(out).not.toMatch(/Cannot find package|start-up timeout|starting with puppet/)
  })

  it('no WECHATY_PUPPET with stdin on /dev/null (a systemd unit whose .env is missing): no sandbox that ends with 0', () => {
    const { rc, ms, out } = start({}, 'ignore')
    expect(rc).toBe(1)
    expect(ms).toBeLessThan(45_000)
    expect(out).toMatch(/ERROR \[bot\] ❌ 未设置 WECHATY_PUPPET，而沙盒需要终端输入/)
    expect(out).toContain('check WECHATY_PUPPET in the .env your unit reads: refusing to start')
    expect(out).not.toContain('沙盒模式 SANDBOX MODE')
  })

  it('a puppet-service token without its SNI prefix: says so, like a refused token, and never prints the token', () => {
    const token = '0f5c1d2e-8b3a-4c7d-9e6f-112233445566'
    const { rc, ms, out } = start({
      WECHATY_PUPPET: 'wechaty-puppet-service',
      WECHATY_PUPPET_SERVICE_TOKEN: token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: '127.0.0.1:1',
      WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'true',
    })
    expect(rc).toBe(1)
    expect(ms).toBeLessThan(45_000)
    expect(out).toMatch(/❌ WECHATY_PUPPET_SERVICE_TOKEN 缺少 SNI 前缀/)
    expect(out).toMatch(/has no SNI prefix, expected <sni>_<uuid> .*: refusing to start/)
    expect(out).not.toContain(token)
    expect(out).not.toMatch(/start-up timeout|starting with puppet/)
  })

  it('an unknown LOG_LEVEL or LOG_FORMAT: names the variable and the accepted values, as a bad duration does', () => {
    const level = start({ LOG_LEVEL: 'loud' })
    expect(level.rc).toBe(1)
    expect(level.out).toBe(
      '❌ LOG_LEVEL="loud": 应为 debug、info、warn、error、silent 之一（expected one of debug, info, warn, error, silent）\n',
    )
    const format = start({ LOG_FORMAT: 'xml' })
    expect(format.rc).toBe(1)
    expect(format.out).toBe('❌ LOG_FORMAT="xml": 应为 text、json 之一（expected one of text, json）\n')
  })

  it('a data folder a newer release wrote (a rollback): says so, and never advises --accept-state-loss', () => {
    const timers = `${JSON.stringify({ $version: 9, timers: [] })}\n`
    let file = ''
    const { rc, ms, out } = start(
      {
        WECHATY_PUPPET: 'wechaty-puppet-service',
        WECHATY_PUPPET_SERVICE_TOKEN: 'insecure_rollback',
        WECHATY_PUPPET_SERVICE_ENDPOINT: '127.0.0.1:1',
        WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'true',
      },
      'pipe',
      dataDir => {
        mkdirSync(join(dataDir, 'state'), { recursive: true })
        file = join(dataDir, 'state', 'timers.json')
        writeFileSync(file, timers)
      },
    )
    expect(rc).toBe(1)
    expect(ms).toBeLessThan(45_000)
    expect(out).toContain(
      '❌ 状态由更新的版本写入，本版本读不了，机器人拒绝启动 (state written by a newer release, refusing to start): state/timers.json: version 9 is newer than this release knows (1).',
    )
    expect(out).toContain('请启动写入它的新版本，或把升级前的整份备份恢复到新目录')
    expect(out).toContain('不要用 --accept-state-loss')
    expect(out).not.toMatch(/状态文件损坏|state damaged|moves the damaged file aside/)
    expect(readFileSync(file, 'utf8')).toBe(timers)
  })
})

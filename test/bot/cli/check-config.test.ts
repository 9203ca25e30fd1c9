import { spawnSync } from 'node:child_process'
import { appendFileSync, copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { dayKey } from '../../../bot/time/zoned.js'
import { calendarWarningForLog, missingCalendarYears } from '../../../bot/time/workdays.js'

const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href
const CLI = resolve('bot/cli.ts')
const EXAMPLE = resolve('data/bot.config.example.yaml')

/** `check-config` without a file, run from a folder holding a copy of the example (and `append`) as bot.config.yaml. */
function checkConfigIn(env: Record<string, string>, append = '') {
  const dir = mkdtempSync(join(tmpdir(), 'gg-check-'))
  copyFileSync(EXAMPLE, join(dir, 'bot.config.yaml'))
  if (append) appendFileSync(join(dir, 'bot.config.yaml'), append)
  const clean: NodeJS.ProcessEnv = { ...process.env, ...env }
  for (const name of Object.keys(clean))
    if (/^(WECHATY_|BOT_|LOG_LEVEL$)/.test(name) && !(name in env)) delete clean[name]
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, 'check-config'], {
    encoding: 'utf8',
    cwd: dir,
    env: clean,
  })
  return { dir, rc: r.status, lines: r.stdout.split('\n'), errors: r.stderr.split('\n') }
}

describe('check-config without a file', () => {
  it('checks what the sandbox start uses, says so, and names the bot.config.yaml it did not check', {
    timeout: 60_000,
  }, () => {
    const { dir, rc, lines } = checkConfigIn({})
    expect(rc).toBe(0)
    expect(lines.slice(0, 3)).toEqual([
      `检查 checking ${EXAMPLE}（示例配置：未设置 BOT_CONFIG 和 WECHATY_PUPPET，沙盒用它 the example config: the sandbox uses it without BOT_CONFIG and WECHATY_PUPPET）`,
      `  ${join(dir, 'bot.config.yaml')} 没有检查：检查它用 check-config bot.config.yaml；要让 start 也用它，在 .env 里设置 BOT_CONFIG=bot.config.yaml (not checked: name it, or set BOT_CONFIG=bot.config.yaml in .env so that start uses it too)`,
      `✅ ${EXAMPLE}: 配置有效 config OK`,
    ])
  })

  it('checks BOT_CONFIG when it is set, as start does', { timeout: 60_000 }, () => {
    const { dir, rc, lines } = checkConfigIn({ BOT_CONFIG: 'bot.config.yaml' })
    expect(rc).toBe(0)
    expect(lines.slice(0, 2)).toEqual([
      `检查 checking ${join(dir, 'bot.config.yaml')}（BOT_CONFIG=bot.config.yaml）`,
      `✅ ${join(dir, 'bot.config.yaml')}: 配置有效 config OK`,
    ])
  })
})

describe('check-config and the environment start reads', () => {
  it('refuses what start refuses (puppet token, database URL, console), after checking the config', {
    timeout: 60_000,
  }, () => {
    const token = '0f5c1d2e-8b3a-4c7d-9e6f-112233445566'
    const { dir, rc, lines, errors } = checkConfigIn({
      WECHATY_PUPPET: 'wechaty-puppet-service',
      WECHATY_PUPPET_SERVICE_TOKEN: token,
      BOT_DATABASE_URL: 'mysql://bot:secret@db.example/bot',
      BOT_CONSOLE_LISTEN: '99999',
    })
    expect(rc).toBe(1)
    expect(lines).toContain(`✅ ${join(dir, 'bot.config.yaml')}: 配置有效 config OK`)
    expect(errors.filter(line => line.startsWith('❌'))).toEqual([
      expect.stringMatching(/^❌ WECHATY_PUPPET_SERVICE_TOKEN 缺少 SNI 前缀/),
      '❌ BOT_DATABASE_URL 应为 postgres:// 开头的地址，如 postgres://用户名:密码@主机:5432/数据库，填的是 "db.example/bot" (BOT_DATABASE_URL must be a postgres:// URL)',
      '❌ BOT_CONSOLE_LISTEN 应为端口（如 8080）或 地址:端口（如 127.0.0.1:8080），填的是 "99999"（must be host:port or a port）',
      '❌ 环境设置有 3 个问题（见上），start 会拒绝启动 3 environment setting problem(s) above: start would refuse to start',
    ])
    expect(`${lines.join('\n')}${errors.join('\n')}`).not.toMatch(/secret|0f5c1d2e/)
  })

  it('names the connection and the store start would use', { timeout: 60_000 }, () => {
    const { dir, rc, lines } = checkConfigIn({ WECHATY_PUPPET: 'wechaty-puppet-mock' })
    expect(rc).toBe(0)
    expect(lines).toContain(
      `  连接 connection: wechaty-puppet-mock; 存储 store: 本地文件 file store ${join(dir, 'data/state')}`,
    )
  })

  it('says the sandbox ignores the database and account settings (a fleet trial without WeChat runs on files)', {
    timeout: 60_000,
  }, () => {
    const { rc, lines } = checkConfigIn({
      BOT_DATABASE_URL: 'postgres://127.0.0.1/test',
      BOT_ACCOUNT: 'sales1',
      BOT_DATABASE_SCHEMA: 'trial',
    })
    expect(rc).toBe(0)
    expect(lines).toContain(
      '  ⚠️ 沙盒不使用 BOT_DATABASE_URL、BOT_ACCOUNT、BOT_DATABASE_SCHEMA：状态只写在本机数据目录，不连数据库、不加入多账号 (the sandbox ignores BOT_DATABASE_URL, BOT_ACCOUNT, BOT_DATABASE_SCHEMA)',
    )
  })
})

describe('check-config and the holiday calendar', () => {
  it('warns when the calendar has no data for this year (or in December the next), until the config lists them whole', {
    timeout: 60_000,
  }, () => {
    const missing = missingCalendarYears(Date.now(), 'Asia/Shanghai')
    const plain = checkConfigIn({ BOT_CONFIG: 'bot.config.yaml' })
    const warning = plain.errors.find(line => line.startsWith('⚠️ 节假日日历没有'))
    expect(plain.rc).toBe(0)
    expect(warning).toBe(calendarWarningForLog(missing))
    const year = Number(dayKey(Date.now(), 'Asia/Shanghai').slice(0, 4))
    const listed = checkConfigIn(
      { BOT_CONFIG: 'bot.config.yaml' },
      `\ncalendar: { holidays: ["${year}-01-01", "${year + 1}-01-01"], years: [${year}, ${year + 1}] }\n`,
    )
    expect(listed.rc).toBe(0)
    expect(listed.errors.join('\n')).not.toContain('节假日日历')
  })
})

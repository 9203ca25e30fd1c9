import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ConfigError, parseConfig } from '../../../bot/config/load-config.js'
import { verifyConfig } from '../../../bot/config/verify-config.js'
import { definePlugin } from '../../../bot/core/plugin.js'
import { makeRuntime } from '../../helpers/harness.js'

/** The CLI from source (tests never depend on a build in dist/). */
const CLI = ['--import', pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href, resolve('bot/cli.ts')]
const EXAMPLE = resolve('data/bot.config.example.yaml')

const broken = definePlugin({
  name: 'broken',
  description: 'throws at create',
  configSchema: z.object({}).strict(),
  create: () => {
    throw new Error('cannot open its state')
  },
})
const badJob = definePlugin({
  name: 'badjob',
  description: 'a job the scheduler refuses',
  configSchema: z.object({}).strict(),
  create: () => ({ jobs: [{ name: 'tick', cron: '0 25 * * *', run: () => [] }] }),
})
const fine = definePlugin({
  name: 'fine',
  description: 'starts',
  configSchema: z.object({ word: z.string().default('ok') }).strict(),
  create: () => ({ status: () => 'ok' }),
})

/** Run the CLI from `cwd`, without a puppet (sandbox) and with its own data folder. */
function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const { WECHATY_PUPPET: _p, BOT_CONFIG: _c, ...rest } = process.env
  const r = spawnSync(process.execPath, [...CLI, ...args], {
    cwd,
    env: { ...rest, BOT_DATA_DIR: mkdtempSync(join(tmpdir(), 'bot-data-')), ...env },
    encoding: 'utf8',
    input: '',
    timeout: 60_000,
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

describe('a plugin that cannot start is a start-up error', () => {
  it('lists every plugin that cannot start and every job that cannot be scheduled, and starts none', async () => {
    const err = await makeRuntime('company: x\n', [fine, broken, badJob]).catch(e => e)
    expect(err).toBeInstanceOf(ConfigError)
    expect(err.problems).toEqual([
      'test.yaml: plugins.broken: 插件无法启动 cannot start: cannot open its state',
      expect.stringMatching(
        /^test\.yaml: plugins\.badjob: 定时任务 tick 无法安排 job cannot be scheduled: cron 表达式 "0 25 \* \* \*" 有误：小时字段 "25"/,
      ),
    ])
  })

  it('check-config runs the same start: verifyConfig rejects what start-up would', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-start-'))
    writeFileSync(join(dir, 'bot.config.yaml'), 'company: x\nplugins: { fine: { word: hi } }\n')
    await expect(verifyConfig(join(dir, 'bot.config.yaml'), [fine])).resolves.toMatchObject({
      file: expect.any(String),
    })
    await expect(verifyConfig(join(dir, 'bot.config.yaml'), [fine, broken, badJob])).rejects.toMatchObject({
      problems: [expect.stringContaining('plugins.broken'), expect.stringContaining('plugins.badjob')],
    })
  })

  it('#重载配置 with a config whose plugins cannot start keeps the old config and its plugins', async () => {
    const { rt } = await makeRuntime('company: x\nplugins: { badjob: { enabled: false } }\n', [fine, badJob])
    const next = parseConfig('company: y\n', 'test.yaml', [fine, badJob])
    await expect(rt.applyConfig(next)).rejects.toThrow(/plugins\.badjob/)
    expect(rt.loaded.config.company).toBe('x')
    expect(rt.plugins.map(p => p.name)).toEqual(['fine'])
  })
})

// Each case spawns the CLI (a few seconds each on a busy machine).
describe('the CLI (exit codes and messages)', { timeout: 90_000 }, () => {
  it('check-config passes on a copy of the example config, from the repo root and from another folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-copy-'))
    copyFileSync(EXAMPLE, join(dir, 'bot.config.yaml'))
    const fromRoot = cli(['check-config', join(dir, 'bot.config.yaml')], process.cwd())
    // From December 2026 the example config has no holiday data for some year: that warning depends on today.
    expect(fromRoot.err.replace(/^⚠️ 节假日日历.*\n/m, '')).toBe('')
    expect(fromRoot.code).toBe(0)
    expect(fromRoot.out).toContain('配置有效 config OK')
    expect(fromRoot.out).toContain('花名册 roster: 10 人')
    const elsewhere = cli(['check-config', 'bot.config.yaml'], dir)
    expect(elsewhere.code).toBe(0)
    expect(elsewhere.out).toContain('插件 plugins: ack, activity, archive, campaign, cases, content, realname')
  })

  it('check-config exits 1 listing every schema problem with its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-bad-'))
    const text = readFileSync(EXAMPLE, 'utf8')
      .replace('statsReport: { cron: "0 18 * * *", days: 7 }', 'statsReport: { cron: "0 18 * * MON-FRII", days: 7 }')
      .replace('flushInterval: 5s ', 'flushInterval: 0s ')
    writeFileSync(join(dir, 'bot.config.yaml'), text)
    const r = cli(['check-config', 'bot.config.yaml'], dir)
    expect(r.code).toBe(1)
    expect(r.out).toBe('')
    expect(r.err).toMatch(/^❌ 配置有误 \(config problems\): 2 problem\(s\)/)
    expect(r.err).toMatch(/bot\.config\.yaml:\d+: runtime\.flushInterval: 应大于 0.*must be longer than 0/)
    expect(r.err).toMatch(
      /bot\.config\.yaml:\d+: plugins\.ack\.statsReport\.cron: cron 表达式 "0 18 \* \* MON-FRII" 有误：/,
    )
  })

  it('check-config and start both exit 1 when a plugin cannot start, and start never gets ready', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-plugin-'))
    // The demo day's config: the example's settings with a configured campaign (a copy works from anywhere too).
    const text = readFileSync(resolve('data/demo/workday.config.yaml'), 'utf8').replace(
      "deadline: '2026-11-30 18:00'",
      "deadline: '2026-11-30 18:00'\n        image: posters/double12.png",
    )
    writeFileSync(join(dir, 'bot.config.yaml'), text)
    const problem = `plugins.campaign: 插件无法启动 cannot start: campaign.campaigns "double12": image file not found: ${join(dir, 'posters/double12.png')}`
    const check = cli(['check-config', join(dir, 'bot.config.yaml')], process.cwd())
    expect(check.code).toBe(1)
    expect(check.err).toContain(problem)
    const start = cli(['start'], tmpdir(), { BOT_CONFIG: join(dir, 'bot.config.yaml') })
    expect(start.code).toBe(1)
    expect(start.err).toContain(problem)
    expect(`${start.out}${start.err}`).not.toMatch(/就绪|ready:|SANDBOX MODE/)
  })
})

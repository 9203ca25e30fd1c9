import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href
const CLI = resolve('bot/cli.ts')

/** Run the command line in a fresh folder as a new user would there, with only `env` set for the bot. */
function cli(cwd: string, env: NodeJS.ProcessEnv, ...argv: string[]) {
  const base = { ...process.env }
  for (const name of ['BOT_CONFIG', 'BOT_DATA_DIR', 'BOT_DATABASE_URL', 'WECHATY_PUPPET']) delete base[name]
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, ...argv], {
    cwd,
    env: { ...base, ...env },
    encoding: 'utf8',
    input: '',
  })
  return { rc: r.status, stderr: r.stderr }
}

describe("a new user's first day (trial2)", () => {
  it('says a missing config file was named by BOT_CONFIG in .env, or in the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'first-day-'))
    writeFileSync(join(dir, '.env'), 'BOT_CONFIG=bot.config.yaml\n')
    const fromFile = cli(dir, {}, 'start')
    expect(fromFile.rc).toBe(1)
    expect(fromFile.stderr).toContain(`找不到配置文件 config file not found: ${join(dir, 'bot.config.yaml')}`)
    expect(fromFile.stderr).toContain(
      `；路径来自 ${join(dir, '.env')} 里的 BOT_CONFIG=bot.config.yaml (the path comes from BOT_CONFIG in ${join(dir, '.env')})\n`,
    )
    const fromShell = cli(dir, { BOT_CONFIG: 'other.yaml' }, 'start')
    expect(fromShell.rc).toBe(1)
    expect(fromShell.stderr).toContain(
      `${join(dir, 'other.yaml')}（可复制 ${resolve('data/bot.config.example.yaml')} 作为起点 copy `,
    )
    expect(fromShell.stderr).toContain(
      '；路径来自环境变量 BOT_CONFIG=other.yaml (the path comes from the BOT_CONFIG environment variable)\n',
    )
  })

  it('says a data folder without an archive has none until the plugin stored messages, and where a replay keeps its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'first-day-'))
    const r = cli(
      dir,
      {},
      'archive',
      'export',
      '--from',
      '2026-12-01',
      '--to',
      '2026-12-01',
      '--format',
      'md',
      '--data',
      dir,
    )
    expect(r.rc).toBe(1)
    expect(r.stderr).toBe(
      `❌ 找不到消息存档文件夹 message archive folder not found: ${join(dir, 'archive')}` +
        '（存档插件启用并收到消息后才有（回放的存档在它的 --out 文件夹里，如 npm run demo:audit 的 data/state/demo-audit）；或设置 BOT_DATA_DIR / --data DIR' +
        ' it exists once the archive plugin has stored messages (a replay keeps its archive in its --out folder); or set BOT_DATA_DIR / --data DIR）\n',
    )
  })
})

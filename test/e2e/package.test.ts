import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

describe('the package as users get it', () => {
  it('npm pack installs into an empty folder, checks its example config and starts the sandbox', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guard-pack-'))
    execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { stdio: 'pipe' })
    const tarball = readdirSync(dir).find(f => f.endsWith('.tgz'))!
    const app = join(dir, 'app')
    execFileSync('mkdir', [app])
    writeFileSync(join(app, 'package.json'), '{"name":"host","private":true,"type":"module"}\n')
    execFileSync('npm', ['install', '--no-audit', '--no-fund', join(dir, tarball)], { cwd: app, stdio: 'pipe' })
    const bin = join(app, 'node_modules', '.bin', 'group-guard')
    copyFileSync(
      join(app, 'node_modules/wechat-group-guard/data/bot.config.example.yaml'),
      join(app, 'bot.config.yaml'),
    )
    const check = spawnSync(bin, ['check-config', 'bot.config.yaml'], { cwd: app, encoding: 'utf8' })
    expect(check.stdout + check.stderr).toContain('配置有效 config OK')
    expect(check.status).toBe(0)
    // The sandbox console ends when its input does; the bot gets ready first and stops cleanly.
    const start = spawnSync(bin, ['start'], {
      cwd: app,
      input: '/groups\n',
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, BOT_CONFIG: '', WECHATY_PUPPET: '' },
    })
    expect(start.stdout + start.stderr).toMatch(/就绪 ready: 5 managed groups, \d+ plugins/)
    expect(start.status).toBe(0)
    // An embedding bot tries its own plugins on the package's sandbox entry, their schemas built with the package's
    // zod (README, examples/embed-sandbox.ts).
    const entry = spawnSync(
      'node',
      [
        '--input-type=module',
        '-e',
        "const m = await import('wechat-group-guard/sandbox'); const g = await import('wechat-group-guard'); console.log(typeof m.createSandbox, m.DEMO_WORLD.endsWith('data/demo/world.yaml'), typeof g.z.object)",
      ],
      { cwd: app, encoding: 'utf8' },
    )
    expect(entry.stdout).toBe('function true function\n')
  }, 180_000)
})

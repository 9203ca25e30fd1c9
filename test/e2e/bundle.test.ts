import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { DEFAULT_QR_LIMITS } from '../../plugins/content/qr/qr-limits.js'

const BIN = resolve('dist/bin')

describe('the bundled command line (dist/bin, what `bin` and `npm start` run)', () => {
  it('reads a QR code in its own worker file, as the content plugin starts it', async () => {
    const worker = new Worker(join(BIN, 'qr-worker.js'))
    try {
      const answers: unknown[] = []
      const answered = new Promise<void>(done =>
        worker.on('message', m => {
          answers.push(m)
          if (answers.length === 2) done()
        }),
      )
      const png = await QRCode.toBuffer('https://weixin.qq.com/g/AQYAAabc123', { type: 'png', scale: 6, margin: 4 })
      worker.postMessage({ id: 1, bytes: new Uint8Array(png), limits: DEFAULT_QR_LIMITS })
      await answered
      expect(answers).toEqual([{ ready: true }, { id: 1, payloads: ['https://weixin.qq.com/g/AQYAAabc123'] }])
    } finally {
      await worker.terminate()
    }
  })

  it('imports only packages, Node built-ins and its own chunks (it runs without the rest of dist/)', () => {
    const specifiers = readdirSync(BIN).flatMap(f =>
      [
        ...readFileSync(join(BIN, f), 'utf8').matchAll(
          /(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
        ),
      ].map(m => m[1] ?? m[2]),
    )
    const relative = specifiers.filter(s => s.startsWith('.'))
    expect(relative.length).toBeGreaterThan(0)
    expect(relative.filter(s => !/^\.\/(chunk-[A-Z0-9]+|cli|qr-worker)\.js$/.test(s))).toEqual([])
  })

  it('bundles zod, yaml, pino, kysely and the Wechaty graph (never imported by name), and still checks a config', () => {
    const bundled =
      'zod|yaml|pino|kysely|wechaty|wechaty-puppet|wechaty-puppet-service|wechaty-puppet-mock|wechaty-grpc|@grpc/grpc-js|file-box|rxjs|fp-ts|lodash'
    const byName = new RegExp(
      `(?:^|\\n)\\s*(?:import|export)\\b[^'";]*?from\\s*['"](${bundled})(\\/[^'"]*)?['"]|(require|import)\\(\\s*['"](${bundled})(\\/[^'"]*)?['"]`,
    )
    expect(readdirSync(BIN).filter(f => byName.test(readFileSync(join(BIN, f), 'utf8')))).toEqual([])
    // wechaty-puppet imports the puppet WECHATY_PUPPET names at run time: the puppet service is the bundled one.
    const puppetService = /puppetName === "wechaty-puppet-service" \? import\("\.\/chunk-[A-Z0-9]+\.js"\)/
    expect(readdirSync(BIN).filter(f => puppetService.test(readFileSync(join(BIN, f), 'utf8')))).toHaveLength(1)
    const good = spawnSync(process.execPath, [join(BIN, 'cli.js'), 'check-config', 'data/bot.config.example.yaml'], {
      encoding: 'utf8',
    })
    expect(good.stdout).toContain('配置有效 config OK')
    expect(good.status).toBe(0)
    // A config with a problem still fails loudly: the list, exit 1.
    const bad = join(tmpdir(), `bundle-bad-${process.pid}.yaml`)
    writeFileSync(
      bad,
      readFileSync('data/bot.config.example.yaml', 'utf8').replace(/^timezone: \S+/m, 'timezone: Mars/Olympus'),
    )
    const refused = spawnSync(process.execPath, [join(BIN, 'cli.js'), 'check-config', bad], { encoding: 'utf8' })
    expect(refused.status).toBe(1)
    expect(refused.stdout + refused.stderr).toContain('timezone')
  })
})

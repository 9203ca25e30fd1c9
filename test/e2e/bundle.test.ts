import { readdirSync, readFileSync } from 'node:fs'
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
})

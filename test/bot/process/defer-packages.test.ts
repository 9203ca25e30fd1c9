import { describe, expect, it } from 'vitest'
import { moduleUrl as url, runFresh } from '../../helpers/run-fresh.js'

/** Modules only the real packages load (the stand-ins sit at the packages' own entry files). */
const REAL_LOADED = `Object.keys((await import('node:module')).createRequire(import.meta.url).cache)
  .filter(k => /node_modules\\/(@jimp|request|cheerio)\\//.test(k)).map(k => k.split('node_modules/')[1].split('/')[0])`

describe('deferPackages', () => {
  it('imports Wechaty without jimp, request or cheerio, and each still works when first used', () => {
    const out = runFresh(`
      import { createServer } from 'node:http'
      const { deferPackages } = await import('${url('bot/process/defer-packages.ts')}')
      const deferred = deferPackages()
      const { FileBox } = await import('file-box')
      const { openGraph } = await import('${url('node_modules/wechaty/dist/esm/src/helper-functions/open-graph.js')}')
      await import('wechaty')
      const atStart = [...new Set(${REAL_LOADED})]
      // file-box decodes a QR code with jimp and jsqr; Wechaty reads a link's preview with open-graph.
      const png = await FileBox.fromQRCode('https://example.com/活动').toBuffer()
      const qr = await FileBox.fromBuffer(png, 'qr.png').toQRCode()
      const server = createServer((_req, res) => res.end(
        '<html><head><meta property="og:title" content="春季活动"><meta property="og:description" content="报名"></head></html>'))
      await new Promise(done => server.listen(0, '127.0.0.1', done))
      const meta = await openGraph('http://127.0.0.1:' + server.address().port + '/')
      server.close()
      console.log(JSON.stringify({ deferred, atStart, qr, title: meta.title, later: [...new Set(${REAL_LOADED})].sort() }))
    `)
    expect(out.deferred).toEqual(['jimp', 'jsqr', 'open-graph'])
    expect(out.atStart).toEqual([])
    expect(out.qr).toBe('https://example.com/活动')
    expect(out.title).toBe('春季活动')
    expect(out.later).toEqual(['@jimp', 'cheerio', 'request'])
  }, 60_000)

  it('leaves a package alone once it is loaded', () => {
    const out = runFresh(`
      await import('wechaty')
      const { deferPackages } = await import('${url('bot/process/defer-packages.ts')}')
      console.log(JSON.stringify({ deferred: deferPackages() }))
    `)
    expect(out).toEqual({ deferred: [] })
  }, 60_000)
})

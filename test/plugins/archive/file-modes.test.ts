import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createArchivePlugin } from '../../../plugins/archive/index.js'
import { makeRuntime, text } from '../../helpers/harness.js'
import { TEST_STORE } from '../../helpers/test-store.js'
import { auditor, CONFIG, customer, customers, sales, tempArchiveDir, zhang } from './setup.js'

/** Every folder (`/` at its end) and file under `root` with its permission bits: `archive/chats/ 700`. */
function modes(root: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      out.push(`${relative(root, p)}${e.isDirectory() ? '/' : ''} ${(statSync(p).mode & 0o777).toString(8)}`)
      if (e.isDirectory()) walk(p)
    }
  }
  walk(root)
  return out.sort()
}

/** The archive plugin writing into `<root>/archive` (kept images too) and its exports into `<root>/output`. */
async function archiveIn(root: string) {
  const plugin = createArchivePlugin({ media: { fetch: async () => new Uint8Array([1, 2, 3]) } })
  const config = `${CONFIG}plugins: { archive: { dir: ${join(root, 'archive')}, media: { keepBytes: true } } }\n`
  const h = await makeRuntime(config, [plugin], { outputDir: join(root, 'output') })
  const say = async (from: typeof zhang, body: string, g?: typeof sales, extra = {}) => {
    await h.rt.handle(text(from, body, h.clock.now(), g, extra))
    await h.clock.advance(10_000)
  }
  return { ...h, say }
}

// The file archive's modes: under `npm run test:pg` the runtime's PostgreSQL store makes the archive a PgArchive (no files).
describe.skipIf(TEST_STORE === 'pg')('archive: files only the bot user reads, whatever the umask', () => {
  let umask = 0
  beforeEach(() => {
    umask = process.umask(0o022) // a host bot embedding GroupGuard, a replay: the usual umask, not start's 077
  })
  afterEach(() => {
    process.umask(umask)
  })

  it('writes its folders 0700 and its files 0600: records, chat list, index, access log, images, exports', async () => {
    const root = tempArchiveDir()
    const h = await archiveIn(root)
    await h.say(customer, '报价单什么时候发？', customers)
    await h.say(zhang, '[图片]', sales, { id: 'img1', kind: 'image', attachment: { fileName: 'a.jpg' } })
    await h.say(auditor, '#记录 搜索 报价单')
    await h.say(auditor, '#记录 导出 客户群')
    expect(h.wechat.textsTo('aud1').join('\n')).toContain('📦 已导出')
    await h.rt.stop() // the index's tail and the buffered lines are written at stop
    const all = modes(root)
    expect(all.filter(l => !/\/ 700$|[^/] 600$/.test(l))).toEqual([])
    // Each writer was there to be checked.
    for (const part of [
      'archive/chats/',
      'archive/chats.log.jsonl',
      'archive/index/',
      'archive/access/',
      'archive/media/',
      'output/信息记录-',
    ])
      expect(all.some(l => l.startsWith(part) && l.endsWith(' 600'))).toBe(true)
  })

  it('closes an archive folder an older release left open (0755 with 0644 files) when it starts', async () => {
    const root = tempArchiveDir()
    const dir = join(root, 'archive')
    mkdirSync(join(dir, 'chats'), { recursive: true })
    chmodSync(dir, 0o755)
    writeFileSync(join(dir, 'chats.log.jsonl'), '', { mode: 0o644 })
    const h = await archiveIn(root)
    await h.say(customer, '你好', customers)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    await h.rt.stop()
  })
})

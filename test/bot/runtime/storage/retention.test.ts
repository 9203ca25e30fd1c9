import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { ConfigError, parseConfig } from '../../../../bot/config/load-config.js'
import type { FakeClock } from '../../../../bot/ports/clock.js'
import type { SimulatedWeChat } from '../../../../bot/ports/simulated.js'
import { FileStore } from '../../../../bot/ports/store/file-store.js'
import { judgeHealth, writeHealth } from '../../../../bot/process/health-file.js'
import { campaignPlugin } from '../../../../plugins/campaign/index.js'
import { POSTS_DOC } from '../../../../plugins/campaign/state.js'
import { group, makeRuntime, member, shanghai, text } from '../../../helpers/harness.js'

const DAY = 86_400_000
const START = shanghai('2026-12-01T10:00')

const config = (retention: string) => `
company: 示例科技
roles: { admin: [admin], editor: [editor], approver: [boss] }
groups:
  - { name: 公告群, topic: 公告群, kind: broadcast }
storage:
  retention:
${retention.replace(/^/gm, '    ')}
plugins:
  campaign: {}
`

/** A data folder with three received images (two old, one of them a queued post's) and old days of the logs. */
async function dataFolder() {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'retention-')))
  const received = join(dir, 'output', 'received')
  mkdirSync(received, { recursive: true })
  const image = (name: string, ageDays: number, bytes: number) => {
    const file = join(received, name)
    writeFileSync(file, Buffer.alloc(bytes, 1))
    const t = (START - ageDays * DAY) / 1000
    utimesSync(file, t, t)
    return file
  }
  const files = {
    old: image('aaaaaaaaaaaaaaaa.jpg', 40, 1000),
    queued: image('bbbbbbbbbbbbbbbb.jpg', 40, 2000),
    fresh: image('cccccccccccccccc.jpg', 5, 3000),
  }
  const store = new FileStore(dir)
  // A post approved for a day well ahead, published from the old image.
  const posts = store.doc('campaign-posts', POSTS_DOC)
  posts.data.items['1'] = {
    id: '1',
    day: '2027-02-01',
    time: '08:30',
    content: { text: '新年早报', image: files.queued },
    anyDay: false,
    editor: 'editor',
    editorName: '编辑小陈',
    createdAt: START - 40 * DAY,
    status: 'approved',
  }
  posts.data.seq = 2
  await posts.persist()
  for (const day of ['2026-09-01', '2026-11-15', '2026-11-30']) {
    store.append('activity-days', day, { group: 'r1', day, messages: 3 })
    store.append('archive-anchors', day, { day })
    store.append('audit', day, { id: `A${day.slice(-2)}`, at: Date.parse(day), plugin: 'x', rule: 'y', type: 'say' })
  }
  await store.flush()
  return { dir, store, files, output: join(dir, 'output') }
}

/** The admin's `#状态` as the bot answers it (the reply leaves after the file store's flush: real I/O). */
async function status(
  rt: Awaited<ReturnType<typeof makeRuntime>>['rt'],
  clock: FakeClock,
  wechat: SimulatedWeChat,
): Promise<string> {
  const before = wechat.textsTo('admin').length
  await rt.handle(text(member('admin'), '#状态', clock.now()))
  await vi.waitFor(async () => {
    await clock.advance(1000)
    expect(wechat.textsTo('admin').length).toBeGreaterThan(before)
  })
  return wechat.textsTo('admin').at(-1) ?? ''
}

describe('storage.retention: the daily clean-up of received images and daily logs', () => {
  it('deletes what is past its period at the daily slot, keeps a queued post’s image, and audits count and bytes', async () => {
    const f = await dataFolder()
    const { rt, clock, wechat } = await makeRuntime(config('received: 30d\nlogs: 30d'), [campaignPlugin], {
      store: f.store,
      start: START,
      outputDir: f.output,
    })
    // Nothing goes before the slot (04:15 the next day).
    expect(existsSync(f.files.old)).toBe(true)
    await clock.advance(DAY)
    await rt.queue.idle()
    expect(existsSync(f.files.old)).toBe(false)
    expect(existsSync(f.files.queued)).toBe(true) // the approved post is published from it on 2027-02-01
    expect(existsSync(f.files.fresh)).toBe(true)
    // Days older than 30 days go; the newest, the archive's anchors and the audit log (off by default) stay.
    expect(readdirSync(join(f.dir, 'logs', 'activity-days')).sort()).toEqual(['2026-11-15.jsonl', '2026-11-30.jsonl'])
    expect(readdirSync(join(f.dir, 'logs', 'archive-anchors'))).toHaveLength(3)
    expect(f.store.logDays('audit')).toContain('2026-09-01')
    const entries = rt.audit.query({ plugin: 'runtime', days: 2 })
    expect(entries.map(e => [e.rule, e.reason])).toEqual([
      ['storage.retention.logs', expect.stringMatching(/^删除日志 1 天，\d+ B（超过 30天）/)],
      ['storage.retention.received', expect.stringMatching(/^删除收到的图片 1 个，1000 B（超过 30天）/)],
    ])
    expect(rt.storage.usage).toMatchObject({ received: { files: 2, bytes: 5000 } })
    expect(await status(rt, clock, wechat)).toMatch(
      /存储：收到的图片 4\.9 KB（2 个）、日志 \d+ B、审计日志 \d+ B（.*前统计；保留 图片 30天、日志 30天）/,
    )
    // Once the post went out, the image is an ordinary old file: the next day's run deletes it.
    f.store.doc('campaign-posts', POSTS_DOC).data.items['1'].status = 'published'
    await clock.advance(DAY)
    await rt.queue.idle()
    expect(existsSync(f.files.queued)).toBe(false)
  })

  it('keeps a published post’s image while its send still waits in the outbox (logged out), deletes it once sent', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'retention-outbox-')))
    const received = join(dir, 'output', 'received')
    mkdirSync(received, { recursive: true })
    const poster = join(received, 'dddddddddddddddd.jpg')
    writeFileSync(poster, Buffer.alloc(500, 1))
    utimesSync(poster, START / 1000, START / 1000)
    const editor = member('editor', '编辑小陈')
    const { rt, clock, wechat } = await makeRuntime(config('received: 1d'), [campaignPlugin], {
      start: START,
      outputDir: join(dir, 'output'),
      groups: [[group('r-news', '公告群', 'broadcast'), [member('admin'), member('c1', '刘总')]]],
    })
    const say = async (who: ReturnType<typeof member>, body: string, extra = {}) => {
      await rt.handle(text(who, body, clock.now(), undefined, extra))
      await clock.advance(10_000)
    }
    await say(editor, '', { kind: 'image', attachment: { fileName: 'x.jpg', media: 'dddddddddddddddd.jpg' } })
    await say(editor, '#排期 添加 明天 早报 | 图片')
    await say(member('boss', '王经理'), '#排期 通过 1')
    // Logged out before Wednesday's 07:30: the post is published, its image waits in the outbox.
    rt.outbox.pause()
    await clock.advanceTo(shanghai('2026-12-02T07:31'))
    await vi.waitFor(() => expect(rt.outbox.files()).toEqual([poster])) // test:pg: after real I/O, inside the window
    await clock.advanceTo(shanghai('2026-12-02T10:00'))
    // Thursday's run: the image is past its day, the post published, and still the file stays.
    await clock.advance(DAY)
    await rt.queue.idle()
    expect(existsSync(poster)).toBe(true)
    // Logged in again: the image goes out, and the next run deletes it.
    rt.outbox.resume()
    // The text goes, the image 3 s later (the chat's gap), each after the store's flush.
    await vi.waitFor(async () => {
      await clock.advance(1000)
      expect(wechat.sent.filter(m => m.file === poster).map(m => m.chat)).toEqual([{ room: 'r-news' }])
    })
    expect(rt.outbox.files()).toEqual([])
    await clock.advance(DAY)
    await rt.queue.idle()
    expect(existsSync(poster)).toBe(false)
  })

  it('deletes nothing by default, only counts: the sizes reach the health file and `health` prints them', async () => {
    const f = await dataFolder()
    const { rt, clock, wechat } = await makeRuntime(config('{}'), [campaignPlugin], {
      store: f.store,
      start: START,
      outputDir: f.output,
    })
    await clock.advance(DAY)
    await rt.queue.idle()
    expect(readdirSync(join(f.output, 'received'))).toHaveLength(3)
    expect(f.store.logDays('activity-days')).toHaveLength(3)
    expect(rt.audit.query({ plugin: 'runtime', days: 2 })).toEqual([])
    // With nothing to delete the count runs beside the queue (real I/O): wait for it.
    await vi.waitFor(() => expect(rt.storage.usage).toBeDefined())
    const usage = rt.storage.usage
    expect(usage).toMatchObject({ received: { files: 3, bytes: 6000 }, retention: { received: 0, logs: 0, audit: 0 } })
    writeHealth(f.dir, {
      pid: process.pid,
      at: clock.now(),
      startedAt: START,
      loggedIn: true,
      sending: true,
      queued: 0,
      gaveUp: 0,
      errors: 0,
      health: '正常',
      storage: usage,
    })
    const verdict = judgeHealth(f.dir, 120_000, clock.now(), () => true)
    expect(verdict.storage).toMatch(/output\/received 5\.9 KB（3 个文件，保留 不删除 off）/)
    expect(verdict.storage).toContain('未设保留期限，不会自动删除')
    expect(verdict.storage).toContain('logs 204 B（保留 不删除 off）；logs/audit 207 B')
    // `#状态` shows the same count, briefly, with its age (counted at the 04:15 run).
    expect(await status(rt, clock, wechat)).toContain(
      '存储：收到的图片 5.9 KB（3 个）、日志 204 B、审计日志 207 B（5小时45分钟前统计；未设保留期限）',
    )
  })

  it('deletes audit days only when asked, and never the newest', async () => {
    const f = await dataFolder()
    const { rt, clock } = await makeRuntime(config('audit: 365d'), [campaignPlugin], {
      store: f.store,
      start: START + 400 * DAY,
      outputDir: f.output,
    })
    await clock.advance(DAY)
    await rt.queue.idle()
    expect(f.store.logDays('audit')).toEqual(['2026-11-30', expect.any(String)])
    expect(rt.audit.query({ plugin: 'runtime', days: 2 }).map(e => e.rule)).toEqual(['storage.retention.audit'])
  })
})

describe('storage.retention in the config', () => {
  const check = (retention: string) => {
    try {
      return parseConfig(config(retention), 'bot.config.yaml', [campaignPlugin]).config.storage.retention
    } catch (e) {
      if (e instanceof ConfigError) return e.message
      throw e
    }
  }

  it('is off by default, and reads durations and off', () => {
    expect(check('{}')).toEqual({ received: 0, logs: 0, audit: 0, cron: '15 4 * * *' })
    expect(check('received: 90d\nlogs: 400天\naudit: off')).toMatchObject({
      received: 90 * DAY,
      logs: 400 * DAY,
      audit: 0,
    })
  })

  it('refuses with file and line: a bare number, less than a day, an audit period under a year', () => {
    expect(check('received: 90')).toMatch(/bot\.config\.yaml:8.*storage\.retention\.received.*请写单位/s)
    expect(check('logs: 2h')).toMatch(/storage\.retention\.logs.*保留期限至少 1 天/s)
    expect(check('audit: 180d')).toMatch(/bot\.config\.yaml:8.*storage\.retention\.audit.*至少 365 天/s)
  })
})

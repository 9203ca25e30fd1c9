import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MemoryStore } from '../../../bot/ports/store/memory-store.js'
import { campaignPlugin } from '../../../plugins/campaign/index.js'
import { POSTS_DOC } from '../../../plugins/campaign/state.js'
import { makeRuntime, text } from '../../helpers/harness.js'
import { admin, at, boss, editor, MEMBERS, mediaConfig } from './fixtures.js'

const MIN = 60_000
const UNAVAILABLE = '图片不可用'

/** A data folder with a media folder (one poster, a symlink out), a secret beside it and a received image. */
function world() {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'campaign-media-')))
  const media = join(dir, 'media')
  const output = join(dir, 'output')
  mkdirSync(media)
  mkdirSync(join(output, 'received'), { recursive: true })
  writeFileSync(join(dir, '.env'), 'TOKEN=secret')
  writeFileSync(join(media, '海报.jpg'), 'poster bytes')
  symlinkSync(join(dir, '.env'), join(media, 'link.jpg'))
  writeFileSync(join(output, 'received', 'a1b2c3d4e5f60718.jpg'), 'received bytes')
  return { dir, media, output }
}

async function start(store = new MemoryStore()) {
  const w = world()
  const start = at('2026-11-30T10:00')
  const r = await makeRuntime(mediaConfig(w.media), [campaignPlugin], {
    store,
    start,
    groups: MEMBERS,
    outputDir: w.output,
  })
  const say = async (who: typeof editor, body: string, extra = {}) => {
    await r.rt.handle(text(who, body, r.clock.now(), undefined, extra))
    await r.clock.advance(10_000)
    return r.wechat.textsTo(who.id).at(-1) ?? ''
  }
  const toNews = () => r.wechat.sent.filter(s => 'room' in s.chat && s.chat.room === 'r-news')
  return { ...r, ...w, store, say, toNews }
}

describe('no path from chat to the file system', () => {
  it.each([
    ['an absolute path', (w: { dir: string }) => join(w.dir, '.env')],
    ['/etc/passwd', () => '/etc/passwd'],
    ['a relative ../ path', () => '../.env'],
    ['a deeper ../ path', () => '../../../../../../etc/passwd'],
    ['a symlink out of the media folder', () => 'link.jpg'],
    ['a folder name with a separator', () => 'sub/../../.env'],
  ])('refuses %s for #排期 and #活动 with the one reply, and stores nothing', async (_, path) => {
    const s = await start()
    const name = path(s)
    const post = await s.say(editor, `#排期 添加 明天 早报 | 图片 ${name}`)
    expect(post).toContain(UNAVAILABLE)
    expect(post).not.toContain(name)
    const campaign = await s.say(admin, `#活动 新建 年终大促 | 内容 | 截止 周五 18:00 | 图片 ${name}`)
    expect(campaign).toContain(UNAVAILABLE)
    expect(await s.say(editor, '#排期 列表')).toContain('暂无')
    expect(await s.say(admin, '#活动 列表')).not.toContain('年终大促')
  })

  it('answers an existing and a missing path the same way (no existence oracle)', async () => {
    const s = await start()
    const replies = []
    for (const name of ['/etc/passwd', '/etc/no-such-file', '../.env', '../no-such.env', 'link.jpg', '没有.jpg'])
      replies.push(await s.say(editor, `#排期 添加 明天 早报 | 图片 ${name}`))
    expect(new Set(replies).size).toBe(1)
  })

  it('publishes a media-folder image by name; the approver is sent the image itself first', async () => {
    const s = await start()
    expect(await s.say(editor, '#排期 添加 明天 07:30 【早报】新品上市 | 图片 海报.jpg')).toContain('✅ 已加入排期 #1')
    await s.say(boss, '#排期 审核')
    const toBoss = s.wechat.sent.filter(x => 'contact' in x.chat && x.chat.contact === 'boss')
    expect(toBoss.map(x => x.text ?? x.file)).toEqual([
      expect.stringMatching(/^待审核 1 条：\n#1 .*【早报】新品上市 \[图片\]（编辑小陈）.*图片见下/),
      '排期 #1 的图片：',
      join(s.media, '海报.jpg'),
    ])
    await s.say(boss, '#排期 通过 1')
    await s.clock.advanceTo(at('2026-12-01T08:00'))
    expect(s.toNews().map(x => x.text ?? x.file)).toEqual(['【早报】新品上市', join(s.media, '海报.jpg')])
  })

  it('creates a campaign with a media-folder image, shows it to the admin and announces it with the image', async () => {
    const s = await start()
    await s.say(admin, '#活动 新建 年终大促 | 转发海报 | 截止 周五 18:00 | 群 公告群 | 图片 海报.jpg')
    await s.clock.advance(MIN)
    expect(s.wechat.textsTo('admin')[0]).toContain('将随公告发出的图片见下')
    expect(s.wechat.sent.filter(x => x.file).map(x => [x.chat, x.file])).toEqual([
      [{ contact: 'admin' }, join(s.media, '海报.jpg')],
    ])
    await s.clock.advanceTo(at('2026-12-01T09:00'))
    expect(
      s
        .toNews()
        .filter(x => x.file)
        .map(x => x.file),
    ).toEqual([join(s.media, '海报.jpg')])
  })

  it('takes the image the editor just sent to the bot, or the quoted one', async () => {
    const s = await start()
    const sent = { kind: 'image' as const, attachment: { fileName: 'x.jpg', media: 'a1b2c3d4e5f60718.jpg' } }
    await s.say(editor, '', sent)
    expect(await s.say(editor, '#排期 添加 明天 早报 | 图片')).toContain('✅ 已加入排期 #1')
    expect(
      await s.say(editor, '#排期 添加 周三 午报', { quote: { senderName: '编辑小陈', text: '[图片]' } }),
    ).toContain('✅ 已加入排期 #2')
    await s.say(boss, '#排期 审核')
    await s.clock.advance(MIN)
    const files = s.wechat.sent.filter(x => x.file).map(x => x.file)
    expect(files).toEqual([1, 2].map(() => join(s.output, 'received', 'a1b2c3d4e5f60718.jpg')))
  })

  it('has no "just sent" image after 30 minutes, or for someone else', async () => {
    const s = await start()
    await s.say(boss, '', { kind: 'image', attachment: { media: 'a1b2c3d4e5f60718.jpg' } })
    expect(await s.say(editor, '#排期 添加 明天 早报 | 图片')).toContain(UNAVAILABLE)
    await s.say(editor, '', { kind: 'image', attachment: { media: 'a1b2c3d4e5f60718.jpg' } })
    await s.clock.advance(31 * MIN)
    expect(await s.say(editor, '#排期 添加 明天 早报 | 图片')).toContain(UNAVAILABLE)
  })

  it('never publishes a stored post whose image lies outside the media (state from before the fix)', async () => {
    const s = await start()
    await s.say(editor, '#排期 添加 明天 07:30 早报 | 图片 海报.jpg')
    await s.say(boss, '#排期 通过 1')
    const posts = s.store.doc('campaign-posts', POSTS_DOC)
    posts.data.items['1'].content.image = '/etc/passwd'
    await s.clock.advanceTo(at('2026-12-01T08:00'))
    expect(s.toNews()).toEqual([])
    expect(s.wechat.textsTo('editor')).toContainEqual(expect.stringContaining('图片不在素材库或收到的图片中'))
  })

  it('lists the media folder by name, without the symlink out', async () => {
    const s = await start()
    expect(await s.say(editor, '#排期 素材')).toBe('素材库图片 1 个：\n海报.jpg')
  })
})

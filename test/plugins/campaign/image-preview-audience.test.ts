import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { campaignPlugin } from '../../../plugins/campaign/index.js'
import { makeRuntime, text } from '../../helpers/harness.js'
import { admin, at, boss, editor, MEMBERS, mediaConfig, news } from './fixtures.js'

/** A runtime over a media folder holding 海报.jpg (review26: previews typed in the broadcast group). */
async function start() {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'campaign-preview-')))
  mkdirSync(join(dir, 'media'))
  writeFileSync(join(dir, 'media', '海报.jpg'), 'poster')
  const r = await makeRuntime(mediaConfig(join(dir, 'media')), [campaignPlugin], {
    start: at('2026-11-30T10:00'),
    groups: MEMBERS,
    outputDir: join(dir, 'out'),
  })
  return { ...r, poster: join(dir, 'media', '海报.jpg') }
}

describe('a poster preview goes where the command is answered, never to the customers of a broadcast group', () => {
  it('#活动 新建 … | 图片 typed in the broadcast group: the confirmation and the poster reach the admin privately', async () => {
    const { rt, clock, wechat, poster } = await start()
    await rt.handle(
      text(admin, '#活动 新建 内部答谢会 | 请转发邀请函 | 截止 周五 18:00 | 图片 海报.jpg', clock.now(), news),
    )
    await clock.advance(10_000)
    expect(wechat.sent.filter(s => 'room' in s.chat && s.chat.room === news.id)).toEqual([])
    const toAdmin = wechat.sent.filter(s => 'contact' in s.chat && s.chat.contact === admin.id)
    expect(toAdmin.map(s => s.file ?? s.text?.split('\n')[0])).toEqual([expect.stringContaining('内部答谢会'), poster])
  })

  it("#排期 审核 typed in the broadcast group: the approver alone sees the unapproved post's image", async () => {
    const { rt, clock, wechat, poster } = await start()
    await rt.handle(text(editor, '#排期 添加 12-02 【早报】新品 | 图片 海报.jpg', clock.now()))
    await clock.advance(10_000)
    expect(wechat.textsTo(editor.id).at(-1)).toContain('已加入排期')
    await rt.handle(text(boss, '#排期 审核', clock.now(), news))
    await clock.advance(10_000)
    expect(wechat.sent.filter(s => 'room' in s.chat && s.chat.room === news.id)).toEqual([])
    const toBoss = wechat.sent.filter(s => 'contact' in s.chat && s.chat.contact === boss.id)
    expect(toBoss.map(s => s.file ?? s.text?.split('\n')[0])).toEqual(['待审核 1 条：', '排期 #1 的图片：', poster])
  })
})

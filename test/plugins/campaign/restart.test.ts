import { describe, expect, it } from 'vitest'
import { MemoryStore } from '../../../bot/ports/store/memory-store.js'
import { text } from '../../helpers/harness.js'
import { at, boss, config, editor, QUEUE_CONFIG, start } from './fixtures.js'

/** Queue one post for Tuesday 2026-12-01 07:30, approve it, and stop the bot on Monday evening. */
async function approvedPostThenStop(store: MemoryStore) {
  const first = await start(at('2026-11-30T10:00'), QUEUE_CONFIG, store)
  await first.rt.handle(text(editor, '#排期 添加 明天 【早报】12月1日', first.clock.now()))
  await first.rt.handle(text(boss, '#排期 通过 1', first.clock.now()))
  await first.clock.advanceTo(at('2026-11-30T20:00'))
  await first.rt.stop()
}

describe('restarts never publish twice', () => {
  it('publishes a post whose time passed while the bot was down when the window is still open', async () => {
    const store = new MemoryStore()
    await approvedPostThenStop(store)
    const second = await start(at('2026-12-01T08:10'), QUEUE_CONFIG, store)
    await second.clock.advance(60_000)
    expect(second.wechat.textsTo('r-news')).toEqual(['【早报】12月1日'])
    await second.rt.stop()
    const third = await start(at('2026-12-01T08:20'), QUEUE_CONFIG, store)
    await third.clock.advanceTo(at('2026-12-02T12:00'))
    expect(third.wechat.sent.filter(s => 'room' in s.chat)).toEqual([])
  })

  it('writes the publication state durably before the post is handed to WeChat', async () => {
    const store = new MemoryStore()
    await approvedPostThenStop(store)
    const second = await start(at('2026-12-01T07:00'), QUEUE_CONFIG, store)
    const persistsBefore = store.persists
    const persistsAtSend: number[] = []
    const send = second.wechat.send.bind(second.wechat)
    second.wechat.send = async msg => {
      persistsAtSend.push(store.persists)
      return send(msg)
    }
    await second.clock.advanceTo(at('2026-12-01T07:31'))
    expect(persistsAtSend).toHaveLength(1)
    expect(persistsAtSend[0]).toBeGreaterThan(persistsBefore)
  })

  it('reports the post as missed once the window has closed, and only once', async () => {
    const store = new MemoryStore()
    await approvedPostThenStop(store)
    const second = await start(at('2026-12-01T09:30'), QUEUE_CONFIG, store)
    await second.clock.advance(60_000)
    expect(second.wechat.textsTo('r-news')).toEqual([])
    expect(second.wechat.textsTo('admin')).toEqual(['⚠️ 排期 #1（2026-12-01 07:30）未发布：机器人离线，发布时段已过。'])
    expect(second.wechat.textsTo('editor')).toEqual([expect.stringContaining('未发布：机器人离线')])
    await second.rt.stop()
    const third = await start(at('2026-12-01T10:00'), QUEUE_CONFIG, store)
    await third.clock.advance(60_000)
    expect(third.wechat.sent).toEqual([])
  })

  it('announces a campaign after a restart inside the window, and not again after a later restart', async () => {
    const store = new MemoryStore()
    const first = await start(at('2026-11-30T08:00'), config(), store)
    await first.clock.advanceTo(at('2026-11-30T08:20'))
    await first.rt.stop()
    const second = await start(at('2026-11-30T08:45'), config(), store)
    await second.clock.advanceTo(at('2026-11-30T08:47'))
    expect(
      second.wechat.sent.filter(s => s.text?.startsWith('【活动】')).map(s => new Date(s.at).toISOString()),
    ).toEqual(['2026-11-30T00:46:00.000Z', '2026-11-30T00:46:02.000Z'])
    await second.rt.stop()
    const third = await start(at('2026-11-30T08:50'), config(), store)
    await third.clock.advanceTo(at('2026-11-30T18:01'))
    expect(third.wechat.sent.filter(s => s.text?.startsWith('【活动】'))).toEqual([])
    expect(third.wechat.textsTo('admin')).toEqual([expect.stringContaining('【活动报告】#double12')])
  })

  it('after a restart past the deadline sends the report but no stale reminder', async () => {
    const store = new MemoryStore()
    const first = await start(at('2026-11-30T08:00'), config(), store)
    await first.clock.advanceTo(at('2026-11-30T16:00'))
    await first.rt.stop()
    const second = await start(at('2026-11-30T19:00'), config(), store)
    await second.clock.advance(60_000)
    expect(second.wechat.sent.filter(s => s.text?.startsWith('【活动提醒】'))).toEqual([])
    expect(second.wechat.textsTo('admin')).toEqual([expect.stringContaining('已截止（11-30 18:00）')])
  })
})

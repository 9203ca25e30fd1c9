import { describe, expect, it } from 'vitest'
import { FakeClock, flushMicrotasks } from '../../../bot/ports/clock.js'
import { MemoryStore } from '../../../bot/ports/memory-store.js'
import { SimulatedWeChat } from '../../../bot/ports/simulated.js'
import { createLogger } from '../../../bot/runtime/logger.js'
import { Outbox } from '../../../bot/runtime/outbox.js'

const LIMITS = { perMinute: 40, perChatGap: 3000, switchPauseMin: 1000, switchPauseMax: 3000, maxRetries: 3, mergeMaxChars: 1500 }

function setup() {
  const clock = new FakeClock(Date.parse('2026-11-30T01:00:00Z'))
  const wechat = new SimulatedWeChat(clock)
  const outbox = new Outbox(clock, wechat, LIMITS, new MemoryStore(), createLogger('silent'), () => 0.5)
  outbox.resume()
  const pass = async (ms: number) => { await flushMicrotasks(); await clock.advance(ms) }
  return { clock, wechat, outbox, pass }
}

describe('Outbox keeps the order of messages to one chat', () => {
  it('does not merge text queued after a file ahead of the file', async () => {
    const { wechat, outbox, pass } = setup()
    outbox.enqueue({ chat: { room: 'r1' }, text: '请查收附件' })
    outbox.enqueue({ chat: { room: 'r1' }, file: '/tmp/a.pdf' })
    outbox.enqueue({ chat: { room: 'r1' }, text: '以上附件请在周五前填写' })
    await pass(60_000)
    expect(wechat.sent.map(s => s.text ?? s.file)).toEqual(['请查收附件', '/tmp/a.pdf', '以上附件请在周五前填写'])
  })

  it('sends a retried message before one queued after it', async () => {
    const { wechat, outbox, pass } = setup()
    wechat.failNextSends = 1
    outbox.enqueue({ chat: { room: 'r1' }, text: '第一条' })
    await pass(1000)
    outbox.enqueue({ chat: { room: 'r1' }, text: '第二条' })
    await pass(60_000)
    expect(wechat.sent.map(s => s.text)).toEqual(['第一条\n第二条'])
  })
})

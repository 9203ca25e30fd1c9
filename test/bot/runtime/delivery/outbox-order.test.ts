import { describe, expect, it, vi } from 'vitest'
import { FakeClock, flushMicrotasks } from '../../../../bot/ports/clock.js'
import { MemoryStore } from '../../../../bot/ports/store/memory-store.js'
import { SimulatedWeChat } from '../../../../bot/ports/simulated.js'
import { createLogger } from '../../../../bot/process/logger.js'
import { OUTBOX_JOURNAL, Outbox } from '../../../../bot/runtime/delivery/outbox.js'

const LIMITS = {
  perMinute: 40,
  perChatGap: 3000,
  switchPauseMin: 1000,
  switchPauseMax: 3000,
  maxRetries: 3,
  mergeMaxChars: 1500,
}

function setup() {
  const clock = new FakeClock(Date.parse('2026-11-30T01:00:00Z'))
  const wechat = new SimulatedWeChat(clock)
  const outbox = new Outbox(clock, wechat, LIMITS, new MemoryStore(), createLogger('silent'), () => 0.5)
  outbox.resume()
  const pass = async (ms: number) => {
    await flushMicrotasks()
    await clock.advance(ms)
  }
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
    expect(wechat.sent.map(s => s.text)).toEqual(['第一条\n\n第二条'])
  })
})

describe('Outbox and crashes', () => {
  it('writes the state (and the queue without the message) to disk before each send, so a restart never resends it', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const { FileStore } = await import('../../../../bot/ports/store/file-store.js')
    const { readJournal } = await import('../../../../bot/ports/store/file-journal.js')
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'))
    const store = new FileStore(dir)
    const clock = new FakeClock(Date.parse('2026-11-30T01:00:00Z'))
    const onDisk: unknown[] = []
    const sender = {
      send: async () => {
        // What a restart would read at this moment: the journal's snapshot and records, folded.
        onDisk.push(readJournal(readFileSync(join(dir, 'state', 'outbox.jsonl')), OUTBOX_JOURNAL).state.queue.length)
      },
    }
    const outbox = new Outbox(
      clock,
      sender,
      LIMITS,
      store,
      createLogger('silent'),
      () => 0.5,
      () => store.flush(),
    )
    outbox.resume()
    outbox.enqueue({ chat: { room: 'r1' }, text: '提醒' })
    await vi.waitFor(() => expect(onDisk).toHaveLength(1)) // file I/O: wait for the send
    expect(onDisk).toEqual([0]) // at the moment of sending, the persisted queue no longer holds it
  })
})

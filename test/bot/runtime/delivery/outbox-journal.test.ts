import { spawnSync } from 'node:child_process'
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FakeClock, flushMicrotasks } from '../../../../bot/ports/clock.js'
import { SimulatedWeChat } from '../../../../bot/ports/simulated.js'
import { FileStore } from '../../../../bot/ports/store/file-store.js'
import { createLogger } from '../../../../bot/process/logger.js'
import { OUTBOX_JOURNAL, Outbox } from '../../../../bot/runtime/delivery/outbox.js'
import { docSpec } from '../../../../bot/ports/store/store.js'
import { z } from 'zod'
import { recordingFs } from '../../ports/recording-fs.js'

const T0 = Date.parse('2026-11-30T01:00:00Z')
const LIMITS = {
  perMinute: 40,
  perChatGap: 3000,
  switchPauseMin: 0,
  switchPauseMax: 0,
  maxRetries: 3,
  mergeMaxChars: 1,
}
const CHILD = join(import.meta.dirname, 'outbox-crash-child.ts')

/** Run the outbox in a child process, killed with SIGKILL at `moment` (or, without one, the restart). */
function run(dir: string, moment?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, dir, ...(moment ? [moment] : [])], {
    encoding: 'utf8',
    timeout: 60_000,
  })
  if (moment) expect(r.signal).toBe('SIGKILL')
  else expect(r.status, r.stderr).toBe(0)
}
const sentLog = (dir: string) =>
  existsSync(join(dir, 'sent.log')) ? readFileSync(join(dir, 'sent.log'), 'utf8').split('\n').filter(Boolean) : []

function outboxOn(store: FileStore, clock: FakeClock, wechat: SimulatedWeChat) {
  const outbox = new Outbox(
    clock,
    wechat,
    LIMITS,
    store,
    createLogger('silent'),
    () => 0.5,
    () => store.flush(true),
  )
  outbox.resume()
  return outbox
}
async function pass(clock: FakeClock, ms: number) {
  await flushMicrotasks()
  await clock.advance(ms)
}

describe('Outbox journal across a SIGKILL (a real process writing as the running bot does)', () => {
  it('delivers, exactly once, messages whose records were on disk when the process was killed before sending', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-crash-'))
    run(dir, 'queued')
    expect(sentLog(dir)).toEqual([])
    run(dir)
    expect(sentLog(dir).sort()).toEqual(['通知 1', '通知 2', '通知 3'])
    run(dir) // a second restart sends nothing again
    expect(sentLog(dir)).toHaveLength(3)
  }, 120_000)

  it('never sends again a message that left just before the kill', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-crash-'))
    run(dir, 'sent')
    expect(sentLog(dir)).toHaveLength(1)
    run(dir)
    expect(sentLog(dir).sort()).toEqual(['通知 1', '通知 2', '通知 3'])
  }, 120_000)

  it('killed in the turn it queued (before the write): nothing was sent then, nothing is sent twice after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-crash-'))
    run(dir, 'appended')
    expect(sentLog(dir)).toEqual([])
    run(dir)
    const sent = sentLog(dir)
    expect(new Set(sent).size).toBe(sent.length)
  }, 120_000)
})

describe('Outbox journal file', () => {
  it('appends one line per queued message and per send instead of rewriting the queue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-journal-'))
    const clock = new FakeClock(T0)
    const wechat = new SimulatedWeChat(clock)
    const store = new FileStore(dir)
    const outbox = outboxOn(store, clock, wechat)
    outbox.pause()
    for (let i = 0; i < 3; i++) outbox.enqueue({ chat: { room: `r${i}` }, text: `通知 ${i}` })
    const lines = () =>
      readFileSync(join(dir, 'state', 'outbox.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
    expect(lines()).toHaveLength(1 + 3) // the snapshot, then one record each
    outbox.resume()
    await pass(clock, 10_000)
    expect(wechat.sent).toHaveLength(3)
    expect(lines().map(l => JSON.parse(l).op)).toEqual([undefined, 'queue', 'queue', 'queue', 'take', 'take', 'take'])
  })

  it('writes each kind of message as the earlier spread of it did (absent fields left out, same order)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-journal-'))
    const clock = new FakeClock(T0)
    const store = new FileStore(dir)
    const outbox = outboxOn(store, clock, new SimulatedWeChat(clock))
    outbox.pause()
    const messages = [
      { chat: { room: 'r' }, text: '提醒', mentions: ['m'], label: '张三' },
      { chat: { room: 'r' }, text: '提醒', mentions: undefined, label: undefined },
      { chat: { contact: 'c' }, file: '/tmp/a.png' },
      { chat: { room: 'r' }, link: { url: 'https://example.com', title: '标题' } },
      { chat: { room: 'r' }, text: '通知', key: 'event:x|room:r|abc' },
    ]
    for (const m of messages) outbox.enqueue(m)
    outbox.enqueue({ chat: { room: 'r' }, text: '通知' }, 'cron:y|room:r|def')
    await store.flush(true)
    const records = readFileSync(join(dir, 'state', 'outbox.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(1)
    const spread = [...messages, { chat: { room: 'r' }, text: '通知', key: 'cron:y|room:r|def' }].map((m, i) =>
      JSON.stringify({ op: 'queue', item: { ...m, seq: i + 1, attempts: 0, notBefore: 0 } }),
    )
    expect(records).toEqual(spread)
  })

  it('the running bot writes the messages queued in one turn with one fsync, after the case persisted before them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-journal-'))
    const { recorded, calls } = recordingFs()
    const store = new FileStore(dir, { fs: recorded, background: true })
    const cases = store.doc(
      'cases',
      docSpec({
        version: 1,
        schema: z.object({ c: z.array(z.string()) }),
        defaults: () => ({ c: [] as string[] }),
        durable: true,
      }),
    )
    const clock = new FakeClock(T0)
    const outbox = outboxOn(store, clock, new SimulatedWeChat(clock))
    outbox.pause()
    calls.length = 0
    cases.data.c.push('C1')
    const caseWritten = cases.persist()
    for (let i = 0; i < 50; i++) outbox.enqueue({ chat: { room: `r${i}` }, text: `已记录 C1 (${i})` })
    await Promise.all([caseWritten, store.flush(true)])
    const journal = join(dir, 'state', 'outbox.jsonl')
    expect(calls.filter(c => c === `fsync ${journal}`)).toHaveLength(1)
    expect(calls.indexOf(`rename ${join(dir, 'state', 'cases.json')}`)).toBeLessThan(calls.indexOf(`fsync ${journal}`))
    expect(new FileStore(dir).journal('outbox', OUTBOX_JOURNAL).state.queue).toHaveLength(50)
  })

  it('tolerates a torn last line (a kill mid-write): the records before it count, the next append starts clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-journal-'))
    const clock = new FakeClock(T0)
    const first = outboxOn(new FileStore(dir), clock, new SimulatedWeChat(clock))
    first.pause()
    first.enqueue({ chat: { room: 'r1' }, text: '第一条' })
    first.enqueue({ chat: { room: 'r2' }, text: '第二条' })
    const file = join(dir, 'state', 'outbox.jsonl')
    appendFileSync(file, '{"op":"queue","item":{"chat":{"room":"r3"},"te') // the write the kill cut off
    const wechat = new SimulatedWeChat(clock)
    const second = outboxOn(new FileStore(dir), clock, wechat)
    second.enqueue({ chat: { room: 'r4' }, text: '重启后' })
    await pass(clock, 10_000)
    expect(wechat.sent.map(s => s.text).sort()).toEqual(['第一条', '第二条', '重启后'])
    expect(() => new FileStore(dir).journal('outbox', OUTBOX_JOURNAL)).not.toThrow()
    expect(readFileSync(file, 'utf8')).not.toContain('"te\n')
  })

  it('takes over the outbox.json an older release left: its queue is delivered once and its sends still limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-journal-'))
    mkdirSync(join(dir, 'state'))
    const old = {
      $version: 1,
      queue: [{ chat: { room: 'r1' }, text: '升级前排队的通知', seq: 7, attempts: 0, notBefore: 0 }],
      seq: 8,
      sent: [{ at: T0 - 1000, chat: 'room:r1' }],
    }
    writeFileSync(join(dir, 'state', 'outbox.json'), JSON.stringify(old))
    writeFileSync(join(dir, 'state', '_manifest.json'), JSON.stringify({ durable: ['outbox'] }))
    const clock = new FakeClock(T0)
    const wechat = new SimulatedWeChat(clock)
    const outbox = outboxOn(new FileStore(dir), clock, wechat)
    expect(existsSync(join(dir, 'state', 'outbox.json'))).toBe(false)
    outbox.enqueue({ chat: { room: 'r2' }, text: '新的' })
    await pass(clock, 10_000)
    expect(wechat.sent.map(s => [s.text, s.at - T0])).toEqual([
      ['新的', 0],
      ['升级前排队的通知', 2000], // 3 s after the send the old file recorded
    ])
    const again = new SimulatedWeChat(clock)
    outboxOn(new FileStore(dir), clock, again)
    await pass(clock, 10_000)
    expect(again.sent).toEqual([])
  })

  it('compacts at a periodic flush once long, and a restart reads the same queue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-journal-'))
    const clock = new FakeClock(T0)
    const store = new FileStore(dir, { background: true })
    const outbox = outboxOn(store, clock, new SimulatedWeChat(clock))
    outbox.pause()
    for (let i = 0; i < 1200; i++) outbox.enqueue({ chat: { room: `r${i % 5}` }, text: `通知 ${i}` })
    await store.flush()
    const lines = readFileSync(join(dir, 'state', 'outbox.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
    expect(lines).toHaveLength(1)
    expect(new FileStore(dir).journal('outbox', OUTBOX_JOURNAL).state.queue).toHaveLength(1200)
  })
})

describe('outbox journal: taking sent messages from the queue', () => {
  const item = (seq: number) => ({ chat: { room: 'r1' }, text: `m${seq}`, seq, attempts: 0, notBefore: 0 })
  const take = (seqs: number[]) => ({ op: 'take' as const, seqs, at: T0, chat: 'room:r1', keepAfter: T0 - 60_000 })

  it('removes exactly the taken items, from a queue in order or not', () => {
    const sorted = { queue: [1, 2, 3, 4, 5].map(item), seq: 6, sent: [] }
    OUTBOX_JOURNAL.apply(sorted, take([2, 4]))
    expect(sorted.queue.map(q => q.seq)).toEqual([1, 3, 5])
    OUTBOX_JOURNAL.apply(sorted, take([9]))
    expect(sorted.queue.map(q => q.seq)).toEqual([1, 3, 5])
    const shuffled = { queue: [3, 1, 5, 2].map(item), seq: 6, sent: [] }
    OUTBOX_JOURNAL.apply(shuffled, take([1, 2]))
    expect(shuffled.queue.map(q => q.seq)).toEqual([3, 5])
  })
})
